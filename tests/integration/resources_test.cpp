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
    auto acc = f.client.create_account("Treasury", "business");
    std::string account_id = acc.get_string("account_id");
    ASSERT_FALSE(account_id.empty());
    auto list = f.client.list_accounts();
    ASSERT_TRUE(list.value().IsArray());
    EXPECT_NE(list.json().find(account_id), std::string::npos);

    auto asset = f.client.add_asset(account_id, "solana", "USDC_SOL");
    std::string asset_id = asset.get_string("asset_id");
    ASSERT_FALSE(asset_id.empty());
    EXPECT_NE(f.client.list_assets(account_id).json().find(asset_id), std::string::npos);
    EXPECT_NE(f.client.list_assets("").json().find(asset_id), std::string::npos);

    auto bal = f.client.check_balance(asset_id);
    EXPECT_NE(bal.json().find("\"0\""), std::string::npos) << bal.json();
    f.sb.deposit(asset_id, "1000.123456789012345678");
    bal = f.client.check_balance(asset_id);
    EXPECT_NE(bal.json().find("\"1000.123456789012345678\""), std::string::npos) << bal.json();

    EXPECT_EQ(code_of([&] { f.client.check_balance("asset_does_not_exist"); }), Status::NOT_FOUND);
}

TEST(Resources, SendFundsDebitsExactlyAndListsHistory) {
    Fixture f;
    auto [account, asset] = itest::funded_asset(f.client, f.sb, "10");
    auto sent = f.client.send_funds(itest::a_send(account, asset, "0.1"));
    EXPECT_FALSE(sent.idempotency_key.empty());
    EXPECT_EQ(sent.payload.get_string("idempotency_key"), sent.idempotency_key);
    EXPECT_EQ(sent.payload.get_string("amount"), "0.1");
    std::string fee = sent.payload.get_string("fee");
    ASSERT_FALSE(fee.empty());
    EXPECT_EQ(f.sb.stat("transactions_created"), 1);

    for (int i = 0; i < 4; ++i) f.client.send_funds(itest::a_send(account, asset, "0.2"));
    auto page1 = f.client.list_transactions({1, 2, "", "", ""});
    auto page3 = f.client.list_transactions({3, 2, "", "", ""});
    auto all = f.client.list_transactions({1, 100, "", "solana", ""});
    ASSERT_TRUE(page1.value().IsArray());
    EXPECT_EQ(page1.value().Size(), 2u);
    EXPECT_EQ(page3.value().Size(), 1u);
    EXPECT_EQ(all.value().Size(), 5u);
    EXPECT_NE(page1.json(), page3.json());
    // 10 - 0.1 - 4 * 0.2 - 5 fees, exactly
    auto bal = f.client.check_balance(asset);
    std::string expected = "9.1";  // before fees
    EXPECT_NE(bal.json().find("\"balance\""), std::string::npos);
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
    auto a = f.client.send_funds(itest::a_send(account, asset, "1"), call);
    auto b = f.client.send_funds(itest::a_send(account, asset, "1"), call);
    EXPECT_EQ(a.payload.get_string("transaction_id"), b.payload.get_string("transaction_id"));
    EXPECT_EQ(f.sb.stat("transactions_created"), 1);
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { f.client.send_funds(itest::a_send(account, asset, "2"), call); }, &e),
              Status::CONFLICT);
    EXPECT_EQ(e.existing_transaction_id, a.payload.get_string("transaction_id"));
    EXPECT_EQ(e.idempotency_key, "order-1001");
}

TEST(Resources, WebhooksCreateListDeleteAndVerify) {
    Fixture f;
    auto hook =
        f.client.create_webhook("https://example.com/hooks", {"transaction.completed"}, "ci");
    EXPECT_FALSE(hook.id.empty());
    EXPECT_FALSE(hook.secret.empty());
    EXPECT_EQ(hook.raw.json().find(hook.secret.reveal()), std::string::npos);
    EXPECT_NE(f.client.list_webhooks().json().find(hook.id), std::string::npos);
    // A delivery signed with the secret the server gave verifies.
    std::string body = R"({"id":"evt_1","type":"transaction.completed","data":{"amount":"1"}})";
    auto headers = yativo::sign_webhook(body, hook.secret);
    EXPECT_EQ(yativo::verify_webhook(body, headers, hook.secret).id, "evt_1");
    f.client.delete_webhook(hook.id);
    EXPECT_EQ(f.client.list_webhooks().json().find(hook.id), std::string::npos);
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
