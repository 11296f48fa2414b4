// Every resource call of SPEC §1 against the sandbox, with money that adds up exactly.
#include "itest.hpp"

using itest::code_of;
using yativo::Status;

namespace {
struct Fixture {
    yvtest::SandboxProcess sb;
    itest::Key key;
    yativo::Client client;
    Fixture() : sb(), key(itest::create_key(sb)), client(itest::key_options(sb, key)) {}
};
}  // namespace

TEST(Resources, AccountsAssetsBalance) {
    Fixture f;
    yativo::Account acc = f.client.create_account("Treasury", "business");
    ASSERT_FALSE(acc.id.empty());
    EXPECT_EQ(acc.name, "Treasury");
    EXPECT_EQ(acc.type, "business");
    EXPECT_FALSE(acc.assets);  // the create answer has no count
    std::vector<yativo::Account> list = f.client.list_accounts();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].id, acc.id);
    ASSERT_TRUE(list[0].assets);
    EXPECT_EQ(*list[0].assets, 0);  // the sandbox writes the count as a string: "0"
    // raw holds what the record does not name, and its envelope the whole answer.
    EXPECT_FALSE(list[0].raw.get_string("user_id").empty());
    EXPECT_NE(list[0].raw.envelope().json().find("\"message\""), std::string::npos);

    yativo::Asset asset = f.client.add_asset(acc.id, "solana", "USDC_SOL");
    ASSERT_FALSE(asset.id.empty());
    EXPECT_EQ(asset.account_id, acc.id);
    EXPECT_EQ(asset.chain, "solana");
    EXPECT_EQ(asset.ticker, "USDC_SOL");
    EXPECT_FALSE(asset.address.empty());
    EXPECT_EQ(asset.balance, "0");
    std::vector<yativo::Asset> mine = f.client.list_assets(acc.id);
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0].id, asset.id);
    EXPECT_EQ(mine[0].address, asset.address);
    EXPECT_EQ(f.client.list_assets("").size(), 1u);
    EXPECT_EQ(f.client.list_accounts()[0].assets, std::optional<std::int64_t>(1));

    yativo::Balance bal = f.client.check_balance(asset.id);
    EXPECT_EQ(bal.balance, "0");
    EXPECT_EQ(bal.asset_id, asset.id);
    EXPECT_TRUE(bal.balance_usd.empty());  // the sandbox gives no USD value
    f.sb.deposit(asset.id, "1000.123456789012345678");
    EXPECT_EQ(f.client.check_balance(asset.id).balance, "1000.123456789012345678");
    f.sb.deposit(asset.id, "0.000000000000000001");
    EXPECT_EQ(f.client.check_balance(asset.id).balance, "1000.123456789012345679");
    EXPECT_EQ(f.client.list_assets(acc.id)[0].balance, "1000.123456789012345679");

    EXPECT_EQ(code_of([&] { f.client.check_balance("asset_does_not_exist"); }), Status::NOT_FOUND);
}

TEST(Resources, SendFundsDebitsExactlyAndListsHistory) {
    Fixture f;
    auto [account, asset] = itest::funded_asset(f.client, f.sb, "10");
    yativo::Transfer sent = f.client.send_funds(itest::a_send(account, asset, "0.1"));
    EXPECT_FALSE(sent.idempotency_key.empty());
    EXPECT_EQ(sent.raw.get_string("idempotency_key"), sent.idempotency_key);
    EXPECT_FALSE(sent.id.empty());
    EXPECT_EQ(sent.amount, "0.1");
    EXPECT_EQ(sent.chain, "solana");
    ASSERT_FALSE(sent.fee.empty());
    EXPECT_EQ(sent.balance_after, f.client.check_balance(asset).balance);
    EXPECT_EQ(f.sb.stat("transactions_created"), 1);

    yativo::Transfer last;
    for (int i = 0; i < 4; ++i) last = f.client.send_funds(itest::a_send(account, asset, "0.2"));
    std::vector<yativo::Transaction> page1 = f.client.list_transactions({1, 2, "", "", ""});
    std::vector<yativo::Transaction> page3 = f.client.list_transactions({3, 2, "", "", ""});
    std::vector<yativo::Transaction> all = f.client.list_transactions({1, 100, "", "solana", ""});
    EXPECT_EQ(page1.size(), 2u);
    ASSERT_EQ(page3.size(), 1u);
    ASSERT_EQ(all.size(), 5u);
    EXPECT_NE(page1[0].id, page3[0].id);
    EXPECT_EQ(all.front().id, last.id);  // newest first
    EXPECT_EQ(all.back().id, sent.id);
    EXPECT_EQ(all.back().amount, "0.1");
    EXPECT_EQ(all.back().fee, sent.fee);
    EXPECT_EQ(all.back().asset_id, asset);
    EXPECT_EQ(all.back().to_address, "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T");
    EXPECT_EQ(all.back().direction, "out");
    // What the last transfer left is what the balance says, to the last digit.
    EXPECT_EQ(f.client.check_balance(asset).balance, last.balance_after);
    EXPECT_EQ(code_of([&] {
                  f.client.list_transactions({1, 101, "", "", ""});
              }),
              Status::INVALID_ARGUMENT);

    auto gas = f.client.gas_price("solana", "fast");
    EXPECT_FALSE(gas.json().empty());
}

TEST(Resources, InsufficientBalanceIsValidationWithServerCode) {
    Fixture f;
    auto [account, asset] = itest::funded_asset(f.client, f.sb, "1");
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { f.client.send_funds(itest::a_send(account, asset, "5"), {}); }, &e),
              Status::VALIDATION);
    EXPECT_EQ(e.http_status, 422);
    EXPECT_EQ(e.error_code, "insufficient_balance");
    EXPECT_FALSE(e.outcome_unknown);
    EXPECT_FALSE(e.idempotency_key.empty());
    EXPECT_EQ(f.sb.stat("transactions_created"), 0);
}

TEST(Resources, IdempotencyReplayAndConflict) {
    Fixture f;
    auto [account, asset] = itest::funded_asset(f.client, f.sb, "10");
    yativo::CallOptions call;
    call.idempotency_key = "order-1001";
    yativo::Transfer a = f.client.send_funds(itest::a_send(account, asset, "1"), call);
    yativo::Transfer b = f.client.send_funds(itest::a_send(account, asset, "1"), call);
    EXPECT_EQ(a.idempotency_key, "order-1001");
    EXPECT_EQ(b.idempotency_key, "order-1001");
    ASSERT_FALSE(a.id.empty());
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(f.sb.stat("transactions_created"), 1);
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { f.client.send_funds(itest::a_send(account, asset, "2"), call); }, &e),
              Status::CONFLICT);
    EXPECT_EQ(e.existing_transaction_id, a.id);
    EXPECT_EQ(e.idempotency_key, "order-1001");
}

TEST(Resources, WebhooksCreateListDeleteAndVerify) {
    Fixture f;
    auto hook =
        f.client.create_webhook("https://example.com/hooks", {"transaction.completed"}, "ci");
    EXPECT_FALSE(hook.id.empty());
    EXPECT_FALSE(hook.secret.empty());
    EXPECT_EQ(hook.raw.json().find(hook.secret.reveal()), std::string::npos);
    std::vector<yativo::Webhook> hooks = f.client.list_webhooks();
    ASSERT_EQ(hooks.size(), 1u);
    EXPECT_EQ(hooks[0].id, hook.id);
    EXPECT_EQ(hooks[0].url, "https://example.com/hooks");
    EXPECT_EQ(hooks[0].events, std::vector<std::string>{"transaction.completed"});
    EXPECT_TRUE(hooks[0].secret.empty());  // shown once, at create
    // A delivery signed with the secret the server gave verifies.
    std::string body = R"({"id":"evt_1","type":"transaction.completed","data":{"amount":"1"}})";
    auto headers = yativo::sign_webhook(body, hook.secret);
    EXPECT_EQ(yativo::verify_webhook(body, headers, hook.secret).id, "evt_1");
    f.client.delete_webhook(hook.id);
    EXPECT_TRUE(f.client.list_webhooks().empty());
    EXPECT_EQ(code_of([&] { f.client.delete_webhook(hook.id); }), Status::NOT_FOUND);
}

TEST(Resources, GenericRequestReachesAnyEndpoint) {
    Fixture f;
    auto p = f.client.request("POST", "/accounts/create-account",
                              R"({"account_name":"Raw","account_type":"personal"})");
    EXPECT_EQ(p.get_string("account_name"), "Raw");
    EXPECT_TRUE(f.client.request("GET", "accounts/get-accounts", "").value().IsArray());
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { f.client.request("GET", "/no/such/endpoint", ""); }, &e),
              Status::NOT_FOUND);
    EXPECT_EQ(code_of(
                  [&] {
                      f.client.request("POST", "/accounts/create-account",
                                       R"({"account_type":"business"})");
                  },
                  &e),
              Status::VALIDATION);
    EXPECT_EQ(e.http_status, 400);
    EXPECT_FALSE(e.details_json.empty());
}

TEST(Resources, SendFundsWithTwoFactorRequired) {
    yvtest::SandboxProcess sb({"--require-2fa-on-send", "--totp-period", "2"});
    auto key = itest::create_key(sb);
    yativo::Client plain(itest::key_options(sb, key));
    auto [account, asset] = itest::funded_asset(plain, sb, "10");
    EXPECT_EQ(code_of([&] { plain.send_funds(itest::a_send(account, asset, "1")); }),
              Status::TWO_FACTOR_REQUIRED);
    auto o = itest::key_options(sb, key);
    o.totp_secret = yativo::Secret(sb.totp_secret());
    o.totp_period = std::chrono::seconds(2);
    yativo::Client with_totp(o);
    EXPECT_NO_THROW(with_totp.send_funds(itest::a_send(account, asset, "1")));
    EXPECT_EQ(sb.stat("transactions_created"), 1);
}

// A rule's enabled is std::optional<bool>: nullopt sends nothing (the server's default on
// create, no change on update); true and false are sent as they are.
TEST(Resources, AutoForwardingEnabledTrueFalseOrUnset) {
    yvtest::SandboxProcess sb({"--totp-period", "1"});  // seven 2FA writes, a step each
    yativo::Client session(itest::session_options(sb));
    const auto ids = itest::funded_asset(session, sb, "");
    const auto create = [&](std::optional<bool> enabled) {
        yativo::ForwardingRule r;
        r.destination_address = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";
        r.percentage = "10";
        r.monitoring_mode = "all_wallets";
        r.asset_id = ids.second;
        r.chain = "solana";
        r.enabled = enabled;
        return session.create_forwarding_rule(r);
    };
    EXPECT_EQ(create(std::nullopt).enabled, std::optional<bool>(true));  // the server's default
    EXPECT_EQ(create(true).enabled, std::optional<bool>(true));
    const yativo::AutoForwardingRule rule = create(false);
    EXPECT_EQ(rule.enabled, std::optional<bool>(false));

    const auto update = [&](std::string percentage, std::optional<bool> enabled) {
        yativo::ForwardingRuleUpdate u;
        u.rule_id = rule.id;
        u.percentage = std::move(percentage);
        u.enabled = enabled;
        return session.update_forwarding_rule(u);
    };
    const yativo::AutoForwardingRule same = update("20", std::nullopt);
    EXPECT_EQ(same.percentage, "20");
    EXPECT_EQ(same.enabled, std::optional<bool>(false));  // unset on update: unchanged
    EXPECT_EQ(update("", true).enabled, std::optional<bool>(true));
    EXPECT_EQ(update("30", std::nullopt).enabled, std::optional<bool>(true));
    EXPECT_EQ(update("", false).enabled, std::optional<bool>(false));
    const yativo::AutoForwardingRule got = session.get_forwarding_rule(rule.id);
    EXPECT_EQ(got.enabled, std::optional<bool>(false));
    EXPECT_EQ(got.percentage, "30");
}
