// Usage errors: exit 2, one line on stderr, nothing on stdout, and no request sent.
#include "cli_fixture.hpp"

namespace clitest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct BadInput {
    const char *name;
    std::vector<std::string> args;
    const char *message;  // a part of the one-line error
    bool with_credentials = true;
};

class UsageTest : public CliTest {
  protected:
    void expect_usage_error(const BadInput &c) {
        SCOPED_TRACE(c.name);
        long before = requests();
        CliResult r = c.with_credentials ? user(c.args) : anonymous(c.args);
        EXPECT_EQ(r.exit_code, 2) << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
        EXPECT_EQ(count_lines(r.err), 1) << r.err;
        EXPECT_THAT(r.err, HasSubstr(c.message));
        EXPECT_THAT(r.err, HasSubstr("--help"));
        EXPECT_EQ(requests(), before) << "a usage error sent a request";
    }
};

TEST_F(UsageTest, EveryBadInputIsExitTwoAndSendsNothing) {
    const std::vector<BadInput> cases = {
        {"unknown flag", {"keys", "list", "--bogus"}, "unknown option --bogus"},
        {"unknown command", {"frobnicate"}, "unknown command \"frobnicate\""},
        {"unknown subcommand", {"keys", "delete", "x"}, "unknown subcommand \"delete\""},
        {"group without subcommand", {"keys"}, "'keys' needs a subcommand"},
        {"no command", {}, "no command given"},
        {"missing --name", {"keys", "create", "--permissions", "read"}, "needs --name"},
        {"missing --permissions", {"keys", "create", "--name", "n"}, "needs --permissions"},
        {"empty scope",
         {"keys", "create", "--name", "n", "--permissions", "read,,write"},
         "empty scope"},
        {"non-numeric --expires-in-days",
         {"keys", "create", "--name", "n", "--permissions", "read", "--expires-in-days", "ten"},
         "--expires-in-days must be a whole number"},
        {"zero --expires-in-days",
         {"keys", "create", "--name", "n", "--permissions", "read", "--expires-in-days", "0"},
         "--expires-in-days must be between"},
        {"missing operand", {"keys", "get"}, "needs ID"},
        {"extra operand", {"keys", "get", "a", "b"}, "extra"},
        {"option of another command",
         {"keys", "list", "--name", "x"},
         "--name is not an option of 'keys list'"},
        {"missing value", {"keys", "get", "x", "--timeout"}, "--timeout needs a value"},
        {"bad --timeout", {"--timeout", "soon", "keys", "list"}, "--timeout must be a number"},
        {"malformed --data",
         {"request", "POST", "/accounts/create-account", "--data", "{\"a\":"},
         "--data is not valid JSON"},
        {"malformed --data file",
         {"request", "POST", "/x", "--data", "@" + temp_file("bad.json", "{nope}")},
         "--data is not valid JSON"},
        {"unreadable --data file",
         {"request", "POST", "/x", "--data", "@/nonexistent/x.json"},
         "cannot open /nonexistent/x.json"},
        {"GET with --data", {"request", "GET", "/apikey/list", "--data", "{}"}, "takes no --data"},
        {"bad method", {"request", "FETCH", "/apikey/list"}, "METHOD must be"},
        {"missing credentials", {"keys", "list"}, "no credentials", false},
        {"key without secret", {"--api-key", "yk", "keys", "list"}, "without its secret", false},
        {"environment and base url",
         {"--environment", "sandbox", "--base-url", "http://x", "keys", "list"},
         "not both"},
        {"bad environment",
         {"--environment", "staging", "keys", "list"},
         "--environment must be production or sandbox"},
        {"bad auth", {"--auth", "basic", "keys", "list"}, "--auth must be token or headers"},
        {"totp and totp secret",
         {"--totp", "123456", "--totp-secret", "JBSWY3DP", "keys", "list"},
         "not both"},
        {"malformed --totp", {"--totp", "12ab56", "keys", "revoke", "x"}, "--totp must be"},
        {"token without a key", {"token"}, "exchanges an API key"},
        {"switch with a value", {"--json=yes", "keys", "list"}, "--json takes no value"},
        {"flag given twice",
         {"keys", "create", "--name", "a", "--name", "b", "--permissions", "read"},
         "--name is given twice"},
        {"webhooks verify without --header",
         {"webhooks", "verify", "--secret", "s", "--body", "@" + temp_file("b", "{}")},
         "needs --header"},
        {"webhooks verify literal body",
         {"webhooks", "verify", "--secret", "s", "--body", "{}", "--header",
          "X-Webhook-Signature: 00"},
         "--body takes @FILE or -"},
        {"two readers of stdin",
         {"--api-key", "k", "--api-secret", "-", "request", "POST", "/x", "--data", "-"},
         "both read standard input",
         false},
    };
    for (const auto &c : cases) expect_usage_error(c);
}

TEST_F(UsageTest, JsonUsageErrorsAreOneJsonObjectOnStderr) {
    CliResult r = user({"--json", "keys", "list", "--bogus"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty());
    rapidjson::Document doc = parse_json(r.err);
    EXPECT_EQ(str(doc["error"], "status"), "USAGE");
    EXPECT_EQ(doc["error"]["exit_code"].GetInt(), 2);
    EXPECT_THAT(str(doc["error"], "message"), HasSubstr("--bogus"));
}

TEST_F(UsageTest, SecretsAreNeverEchoed) {
    const std::string secret = "s3cr3t-CANARY-Value-9f8e7d";
    for (const std::vector<std::string> &args : std::vector<std::vector<std::string>>{
             {"--api-secret=" + secret + "x", "--bogus=" + secret, "keys", "list"},
             {"--api-key", "k", secret, "keys", "list"},  // a stray secret read as a command
             {"--json", "--access-token", secret, "keys", "frob" + secret},
             {"--api-key", "k", "--api-secret", secret, "--totp", secret, "keys", "list"},
         }) {
        CliResult r = anonymous(args);
        EXPECT_EQ(r.exit_code, 2) << r.err;
        EXPECT_THAT(r.err, Not(HasSubstr(secret))) << r.err;
    }
    // A server refusal does not repeat the secret either.
    CliResult refused = anonymous({"--api-key", "yk_unknown", "--api-secret", secret, "token"});
    EXPECT_EQ(refused.exit_code, 20) << refused.err;
    EXPECT_THAT(refused.err, Not(HasSubstr(secret)));
}

TEST_F(UsageTest, InvalidArgumentFromTheCoreHasItsOwnCodeAndSendsNothing) {
    long before = requests();
    CliResult r =
        run_cli({"--base-url", "http://example.com/api/v1", "--access-token", "t", "keys", "list"});
    EXPECT_EQ(r.exit_code, 10) << r.err;  // INVALID_ARGUMENT: plain http to a remote host
    EXPECT_THAT(r.err, HasSubstr("INVALID_ARGUMENT"));
    CliResult bad_b32 = run_cli({"totp", "--secret", "not base32!"});
    EXPECT_EQ(bad_b32.exit_code, 10) << bad_b32.err;
    EXPECT_EQ(requests(), before);
}

}  // namespace
}  // namespace clitest
