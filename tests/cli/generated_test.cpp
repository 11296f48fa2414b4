// The commands generated from the API description (`yativo <group> <verb>`), run against a real
// sandbox: records as text and JSON, options checked before anything is sent, 2FA, the
// idempotency key of a call that moves value, and their short help.
#include <regex>
#include <sstream>

#include "cli_fixture.hpp"

namespace clitest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const char *const kSolAddress = "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM";

class GeneratedTest : public CliTest {
  protected:
    std::string account(const std::string &name) {
        CliResult r = user({"--json", "accounts", "create", "--account-name", name});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return str(parse_json(r.out), "id");
    }
    std::string asset(const std::string &account_id) {
        CliResult r = user({"--json", "assets", "add", "--account-id", account_id, "--chain",
                            "solana", "--ticker", "USDC_SOL"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        rapidjson::Document doc = parse_json(r.out);
        EXPECT_EQ(str(doc, "account_id"), account_id);
        EXPECT_EQ(str(doc, "chain"), "solana");
        return str(doc, "id");
    }
    std::vector<std::string> send_args(const std::string &acc, const std::string &ast,
                                       const std::string &amount) {
        return {"transactions",
                "send-funds",
                "--account",
                acc,
                "--assets",
                ast,
                "--receiving-address",
                kSolAddress,
                "--amount",
                amount,
                "--type",
                "USDC",
                "--chain",
                "solana",
                "--category",
                "transfer"};
    }
};

TEST_F(GeneratedTest, AccountsCreateAndListAsTextAndJson) {
    CliResult created = user({"accounts", "create", "--account-name", "ops"});
    ASSERT_EQ(created.exit_code, 0) << created.err;
    EXPECT_THAT(created.out, ::testing::ContainsRegex("\nname +ops\n"));
    EXPECT_THAT(created.out, ::testing::ContainsRegex("created at +[0-9-]+ [0-9:]+ UTC"));
    EXPECT_THAT(created.out, Not(HasSubstr("raw")));  // the whole object is not a field

    std::string id = account("treasury");
    EXPECT_THAT(id, ::testing::StartsWith("acc_"));

    CliResult table = user({"accounts", "list"});
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_THAT(table.out, ::testing::StartsWith("ID"));
    EXPECT_THAT(table.out, HasSubstr("NAME"));
    EXPECT_THAT(table.out, HasSubstr("treasury"));
    EXPECT_THAT(table.out, Not(HasSubstr("RAW")));

    CliResult json = user({"--json", "accounts", "list"});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    rapidjson::Document list = parse_json(json.out);
    ASSERT_TRUE(list.IsArray());
    bool found = false;
    for (const auto &a : list.GetArray()) {
        EXPECT_FALSE(a.HasMember("raw"));
        if (str(a, "id") == id) {
            found = true;
            EXPECT_EQ(str(a, "name"), "treasury");
            EXPECT_EQ(str(a, "type"), "business");  // the description's default
        }
    }
    EXPECT_TRUE(found) << json.out;
}

TEST_F(GeneratedTest, SendFundsPrintsItsKeyAndTheSameKeyMovesOnce) {
    std::string acc = account("ops");
    std::string ast = asset(acc);
    sb_.deposit(ast, "50");
    CliResult balance = user({"--json", "balance", "check", "--asset-id", ast});
    ASSERT_EQ(balance.exit_code, 0) << balance.err;
    EXPECT_EQ(str(parse_json(balance.out), "balance"), "50");  // exact text, not a double
    const long before = sb_.stat("transactions_created");

    // No key given: one is generated, and printed with the answer.
    CliResult first = user(send_args(acc, ast, "2"));
    ASSERT_EQ(first.exit_code, 0) << first.err;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(first.out, m, std::regex("idempotency key +([0-9a-f-]{36})\n")))
        << first.out;
    EXPECT_THAT(first.out, ::testing::ContainsRegex("\namount +2\n"));
    EXPECT_EQ(sb_.stat("transactions_created"), before + 1);

    // A given key: twice, one transfer.
    std::vector<std::string> again = send_args(acc, ast, "1.5");
    again.insert(again.begin(), "--json");
    again.insert(again.end(), {"--idempotency-key", "cli-gen-key-1", "--priority", "fast"});
    CliResult a = user(again);
    ASSERT_EQ(a.exit_code, 0) << a.err;
    CliResult b = user(again);
    ASSERT_EQ(b.exit_code, 0) << b.err;
    rapidjson::Document da = parse_json(a.out), db = parse_json(b.out);
    EXPECT_EQ(str(da, "idempotency_key"), "cli-gen-key-1");
    EXPECT_EQ(str(da, "amount"), "1.5");
    EXPECT_EQ(str(db, "id"), str(da, "id"));
    EXPECT_EQ(sb_.stat("transactions_created"), before + 2);

    CliResult history = user({"--json", "transactions", "list", "--limit", "10"});
    ASSERT_EQ(history.exit_code, 0) << history.err;
    rapidjson::Document h = parse_json(history.out);
    ASSERT_TRUE(h.IsArray());
    EXPECT_EQ(h.Size(), 2u);
}

// gas-price's typed options reach the sandbox, which echoes what it used.
TEST_F(GeneratedTest, GasPriceSendsTheAmountAssetAndSymbol) {
    std::string ast = asset(account("gas"));
    CliResult r = user({"--json", "transactions", "gas-price", "--chain", "solana", "--amount-usd",
                        "25.50", "--asset-id", ast, "--token-symbol", "usdc"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document doc = parse_json(r.out);
    EXPECT_EQ(str(doc, "amount_usd"), "25.5");
    EXPECT_EQ(str(doc, "asset_id"), ast);
    EXPECT_EQ(str(doc, "token_symbol"), "USDC");
    EXPECT_EQ(str(doc, "feeCurrency"), "USDC");
    CliResult bad = user({"transactions", "gas-price", "--chain", "solana", "--amount-usd", "1e3"});
    EXPECT_EQ(bad.exit_code, 10) << bad.err;
    EXPECT_THAT(bad.err, HasSubstr("amount"));
}

// --enabled is an optional bool: absent sends nothing (the server's default on create, no change
// on update); true and false are sent as they are.
TEST_F(GeneratedTest, AutoForwardingEnabledTrueFalseOrAbsent) {
    std::string ast = asset(account("fwd"));
    const auto enabled_of = [](const CliResult &r) {
        EXPECT_EQ(r.exit_code, 0) << r.err;
        rapidjson::Document doc = parse_json(r.out);
        EXPECT_TRUE(doc.HasMember("enabled") && doc["enabled"].IsBool()) << r.out;
        return doc.HasMember("enabled") && doc["enabled"].IsBool() && doc["enabled"].GetBool();
    };
    const std::vector<std::string> create = {
        "--json",      "auto-forwarding", "create", "--destination-address",
        kSolAddress,   "--percentage",    "10",     "--monitoring-mode",
        "all_wallets", "--asset-id",      ast,      "--chain",
        "solana"};
    EXPECT_TRUE(enabled_of(user(create)));
    std::vector<std::string> off = create;
    off.insert(off.end(), {"--enabled", "false"});
    CliResult paused = user(off);
    EXPECT_FALSE(enabled_of(paused));
    const std::string id = str(parse_json(paused.out), "id");
    EXPECT_FALSE(
        enabled_of(user({"--json", "auto-forwarding", "update", id, "--percentage", "20"})));
    EXPECT_TRUE(enabled_of(user({"--json", "auto-forwarding", "update", id, "--enabled", "true"})));
    EXPECT_TRUE(enabled_of(user({"--json", "auto-forwarding", "get", id})));
}

TEST_F(GeneratedTest, UsageErrorsNameTheOptionAndSendNothing) {
    const long before = requests();
    auto expect_usage = [&](std::vector<std::string> args, const std::string &names) {
        CliResult r = user(args);
        EXPECT_EQ(r.exit_code, 2) << names << ": " << r.err;
        EXPECT_THAT(r.err, HasSubstr(names));
        EXPECT_TRUE(r.out.empty());
        EXPECT_EQ(count_lines(r.err), 1) << r.err;
    };
    expect_usage({"accounts", "create"}, "--account-name");
    expect_usage({"accounts", "create", "--account-name", ""}, "--account-name is empty");
    expect_usage({"accounts", "create", "--account-name", "x", "--ticker", "USDC"},
                 "--ticker is not an option of 'accounts create'");
    expect_usage({"transactions", "list", "--page", "two"}, "--page must be a whole number");
    std::vector<std::string> send = send_args("acc_1", "as_1", "1");
    send.insert(send.end(), {"--priority", "warp"});
    expect_usage(send, "--priority must be one of low, medium, high (or slow, fast)");
    send = send_args("acc_1", "as_1", "1");
    send.insert(send.end(), {"--use-self-funding", "maybe"});
    expect_usage(send, "--use-self-funding must be true or false");
    expect_usage({"transactions", "gas-price", "--chain", "solana", "--data", "{bad"},
                 "--data is not valid JSON");
    expect_usage({"transactions", "gas-price", "--chain", "solana", "--data", "[1]"},
                 "--data must be a JSON object");
    expect_usage({"webhooks", "delete"}, "needs WEBHOOK_ID");
    expect_usage({"webhooks", "create", "--url", "https://example.com/h", "--events", "a,,b"},
                 "--events has an empty item");
    expect_usage({"transactions", "send-money"}, "unknown subcommand \"send-money\"");
    EXPECT_EQ(requests(), before);

    // The core's own checks of a value's form and range: INVALID_ARGUMENT, nothing sent.
    CliResult range = user({"transactions", "list", "--limit", "500"});
    EXPECT_EQ(range.exit_code, 10) << range.err;
    EXPECT_THAT(range.err, HasSubstr("limit"));
    CliResult amount = user(send_args("acc_1", "as_1", "1.2.3"));
    EXPECT_EQ(amount.exit_code, 10) << amount.err;
    EXPECT_EQ(requests(), before);

    // JSON errors for scripts, still the usage code.
    CliResult json = user({"--json", "accounts", "create"});
    EXPECT_EQ(json.exit_code, 2);
    parse_json(json.err);
}

TEST_F(GeneratedTest, TwoFactorCallsUseTheCodeOrTheSourceAndFailWithoutOne) {
    auto env = base_env();
    env["YATIVO_ACCESS_TOKEN"] = sb_.session_token();
    const long before = requests();
    CliResult none = run_cli({"api-keys", "create", "--name", "n", "--permissions", "read"}, env);
    EXPECT_EQ(none.exit_code, 21) << none.err;  // TWO_FACTOR_REQUIRED
    EXPECT_THAT(none.err, HasSubstr("TWO_FACTOR_REQUIRED"));
    EXPECT_EQ(requests(), before);

    // An explicit code: the secret is printed once, by the call whose purpose that is.
    std::string code = sb_.totp_now();
    CliResult created = run_cli({"--json", "api-keys", "create", "--name", "gen", "--permissions",
                                 "read,write", "--allowed-ips", "127.0.0.1", "--totp-code", code},
                                env);
    ASSERT_EQ(created.exit_code, 0) << created.err;
    EXPECT_THAT(created.err, Not(HasSubstr(code)));
    rapidjson::Document key = parse_json(created.out);
    EXPECT_FALSE(str(key, "api_secret").empty());
    ASSERT_TRUE(key["permissions"].IsArray());
    EXPECT_EQ(key["permissions"].Size(), 2u);

    // Reads never show it; the configured TOTP source serves the next 2FA call.
    CliResult got = user({"--json", "api-keys", "get", str(key, "id")});
    ASSERT_EQ(got.exit_code, 0) << got.err;
    rapidjson::Document got_key = parse_json(got.out);
    EXPECT_FALSE(got_key.HasMember("api_secret"));
    ASSERT_TRUE(got_key["allowed_ips"].IsArray()) << got.out;
    ASSERT_EQ(got_key["allowed_ips"].Size(), 1u) << got.out;
    EXPECT_STREQ(got_key["allowed_ips"][0].GetString(), "127.0.0.1");
    CliResult list = user({"api-keys", "list"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_THAT(list.out, Not(HasSubstr(str(key, "api_secret"))));
    CliResult narrowed =
        user({"--json", "api-keys", "update-permissions", str(key, "id"), "--permissions", "read"});
    ASSERT_EQ(narrowed.exit_code, 0) << narrowed.err;
    EXPECT_EQ(parse_json(narrowed.out)["permissions"].Size(), 1u);
    CliResult revoked = user({"api-keys", "revoke", str(key, "id")});
    ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
    EXPECT_THAT(revoked.out, HasSubstr("api-keys revoke: done (key id " + str(key, "id") + ")"));

    CliResult both =
        user({"--totp", "123456", "api-keys", "rotate", "key_1", "--totp-code", "654321"});
    EXPECT_EQ(both.exit_code, 2);
    EXPECT_THAT(both.err, HasSubstr("give --totp or --totp-code, not both"));
}

TEST_F(GeneratedTest, WebhooksCreateListDeleteWithTheSecretShownOnce) {
    CliResult created = user({"webhooks", "create", "--url", "https://example.com/hook", "--events",
                              "transaction.completed, deposit.received"});
    ASSERT_EQ(created.exit_code, 0) << created.err;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(created.out, m, std::regex("^id +(wh_[0-9a-f]+)\n")))
        << created.out;
    const std::string id = m[1];
    EXPECT_THAT(created.out, ::testing::ContainsRegex("secret \\(shown once\\) +whsec_"));
    EXPECT_THAT(created.out, HasSubstr("transaction.completed, deposit.received"));
    EXPECT_THAT(created.err, HasSubstr("Store the secret now"));

    CliResult list = user({"--json", "webhooks", "list"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_THAT(list.out, Not(HasSubstr("whsec_")));
    EXPECT_THAT(list.out, HasSubstr(id));

    CliResult deleted = user({"--json", "webhooks", "delete", id});
    ASSERT_EQ(deleted.exit_code, 0) << deleted.err;
    rapidjson::Document d = parse_json(deleted.out);
    EXPECT_EQ(str(d, "webhook_id"), id);
    CliResult again = user({"webhooks", "delete", id});
    EXPECT_EQ(again.exit_code, 23) << again.err;  // NOT_FOUND

    // The hand-written `webhooks verify` keeps its place beside the generated commands.
    CliResult group = run_cli({"webhooks", "--help"});
    EXPECT_THAT(group.out, HasSubstr("webhooks verify"));
    EXPECT_THAT(group.out, HasSubstr("webhooks delete WEBHOOK_ID"));
}

TEST_F(GeneratedTest, HelpListsOnlyTheCommandsOwnOptions) {
    CliResult help = run_cli({"transactions", "send-funds", "--help"});
    ASSERT_EQ(help.exit_code, 0) << help.err;
    EXPECT_THAT(help.out, HasSubstr("--priority low|medium|high"));
    EXPECT_THAT(help.out, HasSubstr("--idempotency-key K"));
    EXPECT_THAT(help.out, HasSubstr("--totp-code CODE"));
    EXPECT_THAT(help.out, HasSubstr("yativo --help"));
    EXPECT_THAT(help.out, Not(HasSubstr("--api-secret")));
    EXPECT_THAT(help.out, Not(HasSubstr("--access-token")));
    EXPECT_LT(count_lines(help.out), 45);
    for (const auto &line : std::vector<std::string>{"accounts list", "api-keys update-permissions",
                                                     "balance check", "transactions gas-price"}) {
        std::vector<std::string> args = {"help"};
        std::istringstream words(line);
        for (std::string w; words >> w;) args.push_back(w);
        CliResult r = run_cli(args);
        EXPECT_EQ(r.exit_code, 0) << line;
        EXPECT_THAT(r.out, HasSubstr("Usage: yativo [GLOBAL OPTIONS] " + line)) << line;
        EXPECT_THAT(r.out, HasSubstr("Examples:")) << line;
        EXPECT_THAT(r.out, Not(HasSubstr("--api-key K"))) << line;
    }
    // The global help names each group once instead of listing every call.
    CliResult global = run_cli({"--help"});
    EXPECT_THAT(global.out, ::testing::ContainsRegex("\n  transactions +Gas prices"));
    EXPECT_THAT(global.out, Not(HasSubstr("transactions send-funds")));
}

}  // namespace
}  // namespace clitest
