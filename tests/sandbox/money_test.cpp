// Accounts, assets, balances, send-funds, history, gas price: exact decimal money.
#include <regex>

#include "util.hpp"

namespace sbt {
namespace {

std::string error_of(const HttpResult &r) {
    return str(parse(r.body), "error");
}

class Money : public ::testing::Test {
  protected:
    Money() : c(sb) {}
    void SetUp() override {
        acc = c.account();
        ast = c.asset(acc);
    }
    SandboxProcess sb{{"--totp-period", "2"}};
    Client c;
    std::string acc, ast;
};

TEST_F(Money, AccountsCreateValidateAndList) {
    auto bad = c.call("POST", "/accounts/create-account", R"({"account_type":"galactic"})");
    ASSERT_EQ(bad.status, 400);
    auto doc = parse(bad.body);
    EXPECT_TRUE(doc["details"].HasMember("account_name"));
    EXPECT_TRUE(doc["details"].HasMember("account_type"));
    auto r = c.call("POST", "/accounts/create-account", R"({"account_name":"Ops"})");
    ASSERT_EQ(r.status, 201);
    EXPECT_EQ(data_str(r, "account_type"), "business");
    auto list = parse(c.call("GET", "/accounts/get-accounts").body);
    ASSERT_TRUE(list["data"].IsArray());
    ASSERT_EQ(list["data"].Size(), 2u);
    EXPECT_EQ(str(list["data"][0], "account_id"), acc);
    EXPECT_EQ(str(list["data"][0], "assets"), "1");
    EXPECT_EQ(str(list["data"][1], "account_name"), "Ops");
}

TEST_F(Money, AssetsAddValidateAndList) {
    auto r = c.call("POST", "/assets/add-asset",
                    R"({"account_id":")" + acc + R"(","chain":"base","ticker":"USDC_BASE"})");
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_TRUE(std::regex_match(data_str(r, "wallet_address"), std::regex("0x[0-9a-f]{40}")));
    EXPECT_EQ(data_str(r, "balance"), "0");
    auto bad = c.call("POST", "/assets/add-asset",
                      R"({"account_id":")" + acc + R"(","chain":"mars","ticker":"!"})");
    ASSERT_EQ(bad.status, 400);
    EXPECT_TRUE(parse(bad.body)["details"].HasMember("chain"));
    EXPECT_TRUE(parse(bad.body)["details"].HasMember("ticker"));
    EXPECT_EQ(c.call("POST", "/assets/add-asset",
                     R"({"account_id":"acc_nope","chain":"solana","ticker":"USDC_SOL"})")
                  .status,
              404);
    auto mismatch =
        c.call("POST", "/assets/add-asset",
               R"({"account_id":")" + acc + R"(","chain":"solana","ticker":"USDC_BASE"})");
    EXPECT_EQ(mismatch.status, 422);
    EXPECT_EQ(error_of(mismatch), "unsupported_token");
    EXPECT_EQ(c.call("POST", "/assets/add-asset",
                     R"({"account_id":")" + acc + R"(","chain":"SOL","ticker":"USDC_SOL"})")
                  .status,
              409);

    std::string other = c.account("Other");
    c.asset(other, "ethereum", "ETH");
    auto all = parse(c.call("POST", "/assets/get-user-assets", "").body);
    EXPECT_EQ(all["data"].Size(), 3u);
    auto mine = parse(
        c.call("POST", "/assets/get-user-assets", R"({"account_id":")" + other + R"("})").body);
    ASSERT_EQ(mine["data"].Size(), 1u);
    EXPECT_EQ(str(mine["data"][0], "ticker"), "ETH");
    EXPECT_EQ(str(mine["data"][0], "balance"), "0");
    EXPECT_EQ(c.call("POST", "/assets/get-user-assets", R"({"account_id":"acc_x"})").status, 404);
}

TEST_F(Money, DepositsAndTransfersAddUpExactly) {
    EXPECT_EQ(c.balance(ast), "0");
    sb.deposit(ast, "100.000000000000000001");
    // A JSON number deposit is read digit for digit too.
    auto dep = http_call("POST", sb.root_url() + "/__sandbox/deposit", {},
                         R"({"asset_id":")" + ast + R"(","amount":0.1})");
    ASSERT_EQ(dep.status, 200) << dep.body;
    EXPECT_EQ(c.balance(ast), "100.100000000000000001");

    auto r = c.call("POST", "/transactions/send-funds", send_body(acc, ast, "0.3"));
    ASSERT_EQ(r.status, 201) << r.body;
    auto doc = parse(r.body);
    const auto &d = doc["data"];
    EXPECT_TRUE(std::regex_match(str(d, "transaction_id"), std::regex("txn_[0-9a-f]{24}")));
    EXPECT_NE(str(d, "transaction_hash"), "<missing>");
    EXPECT_EQ(str(d, "status"), "confirmed");
    EXPECT_EQ(str(d, "amount"), "0.3");
    EXPECT_EQ(str(d, "fee"), "0.001");  // solana's fixed fee
    EXPECT_EQ(str(d, "total_debited"), "0.301");
    EXPECT_EQ(c.balance(ast), "99.799000000000000001");

    // Amount as a string, 18 decimals.
    ASSERT_EQ(
        c.call("POST", "/transactions/send-funds", send_body(acc, ast, "\"99.798000000000000001\""))
            .status,
        201);
    EXPECT_EQ(c.balance(ast), "0");
    EXPECT_EQ(sb.stat("transactions_created"), 2);
}

TEST_F(Money, InsufficientBalanceChangesNothing) {
    sb.deposit(ast, "1");
    auto r = c.call("POST", "/transactions/send-funds", send_body(acc, ast, "1"));
    ASSERT_EQ(r.status, 422) << r.body;
    auto doc = parse(r.body);
    EXPECT_EQ(str(doc, "error"), "insufficient_balance");
    EXPECT_EQ(str(doc["details"], "available_balance"), "1");
    EXPECT_EQ(str(doc["details"], "requested_amount"), "1");
    EXPECT_EQ(str(doc["details"], "required_balance"), "1.001");
    EXPECT_EQ(c.balance(ast), "1");
    EXPECT_EQ(sb.stat("transactions_created"), 0);
    EXPECT_EQ(parse(c.call("POST", "/transactions/get-transactions", "{}").body)["data"].Size(),
              0u);
    EXPECT_EQ(c.call("POST", "/transactions/send-funds", send_body(acc, ast, "0.999")).status, 201);
    EXPECT_EQ(c.balance(ast), "0");
}

TEST_F(Money, SendFundsValidatesEveryField) {
    sb.deposit(ast, "10");
    auto r = c.call("POST", "/transactions/send-funds",
                    R"({"amount":1e3,"chain":"solana","priority":"urgent","category":"gift",)"
                    R"("receiving_address":"0OIl","use_self_funding":"yes"})");
    ASSERT_EQ(r.status, 400) << r.body;
    auto doc = parse(r.body);
    EXPECT_EQ(str(doc, "error"), "validation_error");
    for (const char *field : {"account", "assets", "amount", "type", "category", "priority",
                              "receiving_address", "use_self_funding"})
        EXPECT_TRUE(doc["details"].HasMember(field)) << field << " in " << r.body;

    auto send = [&](const std::string &amount, const std::string &extra = "") {
        return c.call("POST", "/transactions/send-funds", send_body(acc, ast, amount, extra));
    };
    for (const char *amount : {"0", "-1", "\"1.0000000000000000001\"", "\"abc\"", "\"\"", "0.0",
                               "true", "\"1e2\"", "\" 1\""})
        EXPECT_EQ(send(amount).status, 400) << amount;
    // A Solana address must decode from base58 to 32 bytes.
    std::string short_address = send_body(acc, ast, "1");
    short_address.replace(short_address.find(kSolAddress), std::string(kSolAddress).size(),
                          "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYt");
    auto addr = c.call("POST", "/transactions/send-funds", short_address);
    EXPECT_EQ(addr.status, 400);
    EXPECT_TRUE(parse(addr.body)["details"].HasMember("receiving_address"));
    // Type and chain must match the asset; the account must own it.
    auto wrong_type = c.call(
        "POST", "/transactions/send-funds",
        R"({"account":")" + acc + R"(","assets":")" + ast + R"(","receiving_address":")" +
            kEvmAddress + R"(","amount":1,"type":"ETH","chain":"ethereum","category":"other"})");
    EXPECT_EQ(wrong_type.status, 400);
    EXPECT_TRUE(parse(wrong_type.body)["details"].HasMember("type"));
    EXPECT_TRUE(parse(wrong_type.body)["details"].HasMember("chain"));
    EXPECT_EQ(send("1", R"(,"use_self_funding":true)").status, 400);  // USDC is a token
    std::string other = c.account("Other");
    auto foreign = c.call("POST", "/transactions/send-funds", send_body(other, ast, "1"));
    EXPECT_EQ(foreign.status, 400);
    EXPECT_TRUE(parse(foreign.body)["details"].HasMember("assets"));
    EXPECT_EQ(c.call("POST", "/transactions/send-funds", send_body(acc, "ast_nope", "1")).status,
              404);
    // Priority aliases, description, and nothing spent by the rejections above.
    EXPECT_EQ(c.balance(ast), "10");
    auto ok = c.call("POST", "/transactions/send-funds",
                     R"({"account":")" + acc + R"(","assets":")" + ast +
                         R"(","receiving_address":")" + kSolAddress +
                         R"(","amount":1,"type":"usdc","chain":"SOL","category":"payment",)"
                         R"("priority":"fast","description":"memo"})");
    ASSERT_EQ(ok.status, 201) << ok.body;
    EXPECT_EQ(data_str(ok, "priority"), "high");
    EXPECT_EQ(data_str(ok, "description"), "memo");
    EXPECT_EQ(c.balance(ast), "8.999");
}

TEST_F(Money, EvmTransfersNeedHexAddresses) {
    std::string eth = c.asset(acc, "ethereum", "USDC_ETH");
    sb.deposit(eth, "5");
    auto body = [&](const std::string &address) {
        return R"({"account":")" + acc + R"(","assets":")" + eth + R"(","receiving_address":")" +
               address + R"(","amount":"1.5","type":"USDC","chain":"ethereum","category":"other"})";
    };
    EXPECT_EQ(c.call("POST", "/transactions/send-funds", body("0x1234")).status, 400);
    EXPECT_EQ(c.call("POST", "/transactions/send-funds", body(kSolAddress)).status, 400);
    auto ok = c.call("POST", "/transactions/send-funds", body(kEvmAddress));
    ASSERT_EQ(ok.status, 201) << ok.body;
    EXPECT_EQ(data_str(ok, "fee"), "0.002");
    EXPECT_TRUE(std::regex_match(data_str(ok, "transaction_hash"), std::regex("0x[0-9a-f]{64}")));
    EXPECT_EQ(c.balance(eth), "3.498");
}

TEST_F(Money, HistoryPagesAndFilters) {
    std::string eth = c.asset(acc, "ethereum", "USDC_ETH");
    sb.deposit(ast, "100");
    sb.deposit(eth, "100");
    std::vector<std::string> ids;
    for (int i = 1; i <= 5; ++i) {
        auto r = c.call("POST", "/transactions/send-funds",
                        send_body(acc, ast, std::to_string(i),
                                  R"(,"description":"n)" + std::to_string(i) + "\""));
        ASSERT_EQ(r.status, 201);
        ids.push_back(data_str(r, "transaction_id"));
    }
    auto evm = c.call("POST", "/transactions/send-funds",
                      R"({"account":")" + acc + R"(","assets":")" + eth +
                          R"(","receiving_address":")" + kEvmAddress +
                          R"(","amount":7,"type":"USDC","chain":"ethereum","category":"other"})");
    ASSERT_EQ(evm.status, 201);

    auto page = [&](const std::string &body) {
        auto r = c.call("POST", "/transactions/get-transactions", body);
        EXPECT_EQ(r.status, 200) << r.body;
        return parse(r.body);
    };
    auto all = page("{}");
    ASSERT_EQ(all["data"].Size(), 6u);
    EXPECT_EQ(all["pagination"]["total"].GetInt(), 6);
    EXPECT_EQ(str(all["data"][0], "chain"), "ethereum");  // newest first
    EXPECT_TRUE(all["data"][0]["amount"].IsString());
    EXPECT_EQ(str(all["data"][0], "amount"), "7");

    auto p1 = page(R"({"page":1,"limit":2,"chain":"solana"})");
    auto p3 = page(R"({"page":3,"limit":2,"chain":"SOL"})");
    auto p4 = page(R"({"page":4,"limit":2,"chain":"solana"})");
    ASSERT_EQ(p1["data"].Size(), 2u);
    EXPECT_EQ(str(p1["data"][0], "transaction_id"), ids[4]);
    ASSERT_EQ(p3["data"].Size(), 1u);
    EXPECT_EQ(str(p3["data"][0], "transaction_id"), ids[0]);
    EXPECT_EQ(p3["pagination"]["pages"].GetInt(), 3);
    EXPECT_EQ(p4["data"].Size(), 0u);

    auto found = page(R"({"search":")" + ids[2] + R"("})");
    ASSERT_EQ(found["data"].Size(), 1u);
    EXPECT_EQ(str(found["data"][0], "amount"), "3");
    EXPECT_EQ(str(found["data"][0], "fee"), "0.001");
    EXPECT_EQ(page(R"({"status":"confirmed"})")["data"].Size(), 6u);
    EXPECT_EQ(page(R"({"status":"failed"})")["data"].Size(), 0u);
    EXPECT_EQ(page(R"({"asset_id":")" + eth + R"("})")["data"].Size(), 1u);

    auto too_many = c.call("POST", "/transactions/get-transactions", R"({"limit":101})");
    EXPECT_EQ(too_many.status, 400);
    EXPECT_TRUE(parse(too_many.body)["details"].HasMember("limit"));
    EXPECT_EQ(c.call("POST", "/transactions/get-transactions", R"({"page":0})").status, 400);
    EXPECT_EQ(c.call("POST", "/transactions/get-transactions", R"({"status":"lost"})").status, 400);
    EXPECT_EQ(c.call("POST", "/transactions/get-transactions", R"({"limit":"x"})").status, 400);
    EXPECT_EQ(c.balance(ast), "84.995");
    EXPECT_EQ(c.balance(eth), "92.998");
}

TEST_F(Money, GasPriceByChainName) {
    for (const char *field : {"chainType", "chain_type", "chain"}) {
        auto r = c.call("POST", "/transactions/get-gas-price",
                        std::string(R"({")") + field + R"(":"ethereum","priority":"slow"})");
        ASSERT_EQ(r.status, 200) << r.body;
        EXPECT_EQ(data_str(r, "chainType"), "ETH");
        EXPECT_EQ(data_str(r, "priority"), "low");
        EXPECT_EQ(data_str(r, "estimatedFee"), "0.002");
    }
    EXPECT_EQ(c.call("POST", "/transactions/get-gas-price", "{}").status, 400);
    EXPECT_EQ(c.call("POST", "/transactions/get-gas-price", R"({"chainType":"mars"})").status, 400);
}

TEST(MoneyTwoFactor, SendFundsCanRequireTwoFactor) {
    SandboxProcess sb({"--totp-period", "2", "--require-2fa-on-send"});
    Client c(sb);
    std::string acc = c.account(), ast = c.asset(acc);
    sb.deposit(ast, "5");
    auto none = c.call("POST", "/transactions/send-funds", send_body(acc, ast, "1"));
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(error_of(none), "two_factor_required");
    EXPECT_EQ(c.balance(ast), "5");
    EXPECT_EQ(
        c.call("POST", "/transactions/send-funds", send_body(acc, ast, "1"), {c.code_header()})
            .status,
        201);
    EXPECT_EQ(c.balance(ast), "3.999");
}

TEST(MoneyDeposit, DepositValidates) {
    SandboxProcess sb;
    auto post = [&](const std::string &body) {
        return http_call("POST", sb.root_url() + "/__sandbox/deposit", {}, body);
    };
    EXPECT_EQ(post(R"({"asset_id":"ast_nope","amount":"1"})").status, 404);
    EXPECT_EQ(post(R"({"asset_id":"x","amount":"-1"})").status, 400);
    EXPECT_EQ(post(R"({"asset_id":"x"})").status, 400);
    EXPECT_EQ(post("{").status, 400);
}

}  // namespace
}  // namespace sbt
