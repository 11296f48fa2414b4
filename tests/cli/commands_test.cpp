// totp, request, webhooks verify, --help and --version; the exit codes of --help and docs/cli.md.
#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>

#include "cli_fixture.hpp"
#include "yativo/status.hpp"
#include "yativo/totp.hpp"
#include "yativo/version.hpp"
#include "yativo/webhook.hpp"

namespace clitest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class CommandsTest : public CliTest {};

std::int64_t now_unix() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

TEST_F(CommandsTest, TotpPrintsTheCurrentCodeFromEverySource) {
    const std::string secret = "JBSWY3DPEHPK3PXP";
    auto expect_current = [&](const CliResult &r, bool json) {
        ASSERT_EQ(r.exit_code, 0) << r.err;
        std::int64_t t = now_unix();
        std::string code;
        if (json) {
            rapidjson::Document doc = parse_json(r.out);
            code = str(doc, "code");
            EXPECT_EQ(doc["period"].GetInt(), 30);
        } else {
            EXPECT_THAT(r.out, HasSubstr("valid for  "));
            code = r.out.substr(r.out.find("code") + 11, 6);
        }
        // The step may have turned between the command and this check.
        std::string now = yativo::totp(secret, t).reveal();
        std::string before = yativo::totp(secret, t - 30).reveal();
        EXPECT_TRUE(code == now || code == before) << r.out;
    };
    expect_current(run_cli({"totp", "--secret", secret}), false);
    expect_current(run_cli({"--json", "totp", "--secret", "@" + temp_file("t", secret + "\n")}),
                   true);
    expect_current(run_cli({"--json", "totp", "--secret", "-"}, {}, secret + "\n"), true);
    expect_current(run_cli({"--json", "totp"}, {{"YATIVO_TOTP_SECRET", secret}}), true);
    expect_current(run_cli({"--totp-secret", secret, "totp"}), false);

    CliResult none = run_cli({"totp"});
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_THAT(none.err, HasSubstr("no TOTP secret"));
}

TEST_F(CommandsTest, RequestReachesAnyEndpoint) {
    CliResult created = user({"request", "post", "/accounts/create-account", "--data",
                              R"({"account_name":"ops","account_type":"business"})"});
    ASSERT_EQ(created.exit_code, 0) << created.err;
    EXPECT_THAT(created.out, HasSubstr("account_name"));
    EXPECT_THAT(created.out, HasSubstr("ops"));
    EXPECT_THAT(created.out, ::testing::ContainsRegex("created_at +[0-9-]+ [0-9:]+ UTC"));

    CliResult list = user({"request", "GET", "/accounts/get-accounts"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_THAT(list.out, HasSubstr("ACCOUNT_NAME"));  // a list of flat objects is a table

    CliResult list_json = user({"--json", "request", "GET", "/accounts/get-accounts"});
    ASSERT_EQ(list_json.exit_code, 0) << list_json.err;
    rapidjson::Document accounts = parse_json(list_json.out);
    ASSERT_TRUE(accounts.IsArray());
    EXPECT_EQ(accounts.Size(), 1u);

    // Body from stdin, and an idempotency key that makes a repeat harmless.
    const std::string body = R"({"account_name":"treasury","account_type":"business"})";
    CliResult a = user({"--json", "request", "POST", "/accounts/create-account", "--data", "-",
                        "--idempotency-key", "cli-test-key-1"},
                       body);
    CliResult b = user({"--json", "request", "POST", "/accounts/create-account", "--data",
                        "@" + temp_file("body.json", body), "--idempotency-key", "cli-test-key-1"});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    ASSERT_EQ(b.exit_code, 0) << b.err;
    EXPECT_EQ(str(parse_json(a.out), "account_id"), str(parse_json(b.out), "account_id"));

    CliResult conflict = user({"request", "POST", "/accounts/create-account", "--data",
                               R"({"account_name":"other","account_type":"business"})",
                               "--idempotency-key", "cli-test-key-1"});
    EXPECT_EQ(conflict.exit_code, 24) << conflict.err;  // CONFLICT

    CliResult invalid = user({"request", "POST", "/accounts/create-account", "--data", "{}"});
    EXPECT_EQ(invalid.exit_code, 25) << invalid.err;  // VALIDATION
    CliResult missing = user({"request", "GET", "/no/such/path"});
    EXPECT_EQ(missing.exit_code, 23) << missing.err;
}

TEST_F(CommandsTest, ServerAndNetworkFailuresHaveTheirCodes) {
    sb_.fault(R"({"path":"/apikey/list","count":10,"mode":"respond","status":503})");
    CliResult server = user({"--json", "keys", "list"});
    EXPECT_EQ(server.exit_code, 27) << server.err;  // SERVER, after the core's retries
    EXPECT_EQ(str(parse_json(server.err)["error"], "status"), "SERVER");
    sb_.clear_faults();

    CliResult network = run_cli({"--base-url", "http://127.0.0.1:1/api/v1", "--access-token", "t",
                                 "--timeout", "5", "keys", "list"});
    EXPECT_EQ(network.exit_code, 30) << network.err;  // NETWORK
}

TEST_F(CommandsTest, WebhooksVerifyChecksTheSignature) {
    const std::string body =
        R"({"id":"evt_1","type":"transaction.completed","created_at":"2026-01-02T03:04:05Z","data":{"amount":"1.50"}})";
    yativo::Secret secret("whsec_test");
    yativo::HeaderList signed_headers = yativo::sign_webhook(body, secret);
    std::vector<std::string> args = {"webhooks", "verify",
                                     "--secret", "@" + temp_file("whsec", "whsec_test\n"),
                                     "--body",   "@" + temp_file("body", body)};
    for (const auto &[name, value] : signed_headers) {
        if (name == "X-Webhook-Signature") continue;  // scheme B only
        args.push_back("--header");
        args.push_back(name + ": " + value);
    }
    CliResult ok = run_cli(args);
    ASSERT_EQ(ok.exit_code, 0) << ok.err;
    EXPECT_THAT(ok.out, HasSubstr("signature  valid\n"));
    EXPECT_THAT(ok.out, HasSubstr("event id   evt_1\n"));
    EXPECT_THAT(ok.out, HasSubstr("created    2026-01-02 03:04:05 UTC\n"));

    std::vector<std::string> json_args = args;
    json_args.insert(json_args.begin(), "--json");
    CliResult ok_json = run_cli(json_args);
    ASSERT_EQ(ok_json.exit_code, 0) << ok_json.err;
    rapidjson::Document event = parse_json(ok_json.out);
    EXPECT_EQ(str(event, "type"), "transaction.completed");
    EXPECT_EQ(str(event["data"], "amount"), "1.50");

    // The same headers over other bytes: refused with the signature code.
    std::vector<std::string> tampered = args;
    tampered[5] = "@" + temp_file("body2", body + " ");
    CliResult bad = run_cli(tampered);
    EXPECT_EQ(bad.exit_code, 40) << bad.err;  // SIGNATURE_INVALID
    EXPECT_THAT(bad.err, HasSubstr("SIGNATURE_INVALID"));
    EXPECT_THAT(bad.err, Not(HasSubstr("whsec_test")));

    // Scheme A from stdin; --require-timestamp refuses it.
    std::string scheme_a;
    for (const auto &[name, value] : signed_headers)
        if (name == "X-Webhook-Signature") scheme_a = name + ": " + value;
    std::vector<std::string> a_args = {"webhooks", "verify", "--secret", "whsec_test",
                                       "--body",   "-",      "--header", scheme_a};
    EXPECT_EQ(run_cli(a_args, {}, body).exit_code, 0);
    a_args.push_back("--require-timestamp");
    EXPECT_EQ(run_cli(a_args, {}, body).exit_code, 40);
}

TEST_F(CommandsTest, HelpOnEveryCommandWithExamples) {
    const std::vector<std::vector<std::string>> commands = {{},
                                                            {"keys"},
                                                            {"keys", "create"},
                                                            {"keys", "list"},
                                                            {"keys", "get"},
                                                            {"keys", "rotate"},
                                                            {"keys", "revoke"},
                                                            {"keys", "set-permissions"},
                                                            {"token"},
                                                            {"totp"},
                                                            {"request"},
                                                            {"webhooks", "verify"}};
    for (auto args : commands) {
        std::string name = args.empty() ? "(global)" : args.back();
        args.push_back("--help");
        CliResult r = run_cli(args);
        EXPECT_EQ(r.exit_code, 0) << name;
        EXPECT_TRUE(r.err.empty()) << name;
        EXPECT_THAT(r.out, HasSubstr("Usage: yativo")) << name;
        if (args.size() != 2 || args[0] != "keys") {
            EXPECT_THAT(r.out, HasSubstr("Examples:")) << name;
            EXPECT_THAT(r.out, HasSubstr("Exit codes:")) << name;
        }
    }
    CliResult create = run_cli({"keys", "create", "--help"});
    EXPECT_THAT(create.out, HasSubstr("--name N --permissions LIST [--expires-in-days D]"));
    EXPECT_THAT(create.out, HasSubstr("yativo keys create --name"));
    CliResult via_word = run_cli({"help", "request"});
    EXPECT_THAT(via_word.out, HasSubstr("Usage: yativo [GLOBAL OPTIONS] request METHOD PATH"));
    // The global options are said once, in `yativo help options`; a command's help points there
    // and does not repeat them.
    CliResult options = run_cli({"help", "options"});
    EXPECT_EQ(options.exit_code, 0);
    EXPECT_THAT(options.out, HasSubstr("--base-url URL"));
    EXPECT_THAT(options.out, HasSubstr("YATIVO_TOTP_SECRET"));
    EXPECT_THAT(create.out, HasSubstr("yativo help options"));
    EXPECT_THAT(create.out, ::testing::Not(HasSubstr("--base-url URL")));

    CliResult version = run_cli({"--version"});
    EXPECT_EQ(version.exit_code, 0);
    EXPECT_THAT(version.out, ::testing::StartsWith("yativo "));
    // `yativo version` says the same, as a fact or as JSON.
    CliResult word = run_cli({"version"});
    EXPECT_EQ(word.exit_code, 0);
    EXPECT_THAT(word.out, HasSubstr(yativo::version()));
    CliResult json = run_cli({"--json", "version"});
    EXPECT_EQ(json.out, std::string("{\"version\":\"") + yativo::version() + "\"}\n");
    // Examples show keys as the API issues them (yativo_...), and the help says --base-url and
    // --environment are alternatives (giving both is a usage error).
    CliResult token = run_cli({"token", "--help"});
    EXPECT_THAT(token.out, HasSubstr("--api-key yativo_..."));
    EXPECT_THAT(token.out, ::testing::Not(HasSubstr("yk_")));
    EXPECT_THAT(run_cli({"--help"}).out, ::testing::Not(HasSubstr("overrides --environment")));
}

// --help lists an exit code for every status of status.def, and docs/cli.md lists the same ones.
TEST_F(CommandsTest, ExitCodesInHelpAndDocsFollowTheStatusTable) {
    CliResult help = run_cli({"--help"});
    std::ifstream doc_file(std::string(YV_SOURCE_DIR) + "/docs/cli.md");
    ASSERT_TRUE(doc_file) << "docs/cli.md is missing";
    std::stringstream docs;
    docs << doc_file.rdbuf();
    int statuses = 0;
#define YV_STATUS(name, number, py, doc)                                                         \
    if ((number) != 0) {                                                                         \
        ++statuses;                                                                              \
        const int code = ((number) / 100) * 10 + (number) % 100;                                 \
        EXPECT_THAT(help.out,                                                                    \
                    ::testing::ContainsRegex("\n  " + std::to_string(code) + " +" + #name ":")); \
        EXPECT_THAT(docs.str(), HasSubstr("| " + std::to_string(code) + " | `" #name "` |"));    \
    }
#include "yativo/status.def"
#undef YV_STATUS
    EXPECT_GT(statuses, 10);
    EXPECT_THAT(help.out, HasSubstr("\n  2   usage error"));
    EXPECT_THAT(docs.str(), HasSubstr("| 2 | usage error |"));
}

}  // namespace
}  // namespace clitest
