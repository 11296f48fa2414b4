// Swaps: quotes, exact execution, 2FA, expiry, single execution and Idempotency-Key replay.
#include <thread>

#include "util.hpp"

namespace sbt {
namespace {

std::string error_of(const HttpResult &r) {
    return str(parse(r.body), "error");
}

class Swap : public ::testing::Test {
  protected:
    Swap() : c(sb) {}
    void SetUp() override {
        acc = c.account();
        usdc = c.asset(acc, "solana", "USDC_SOL");
        usdt = c.asset(acc, "solana", "USDT_SOL");
        sb.deposit(usdc, "10.5");
    }
    std::string quote(const std::string &amount = "\"10.5\"") {
        auto r = c.call("POST", "/swap/quote",
                        R"({"from_asset_id":")" + usdc + R"(","to_asset_id":")" + usdt +
                            R"(","amount":)" + amount + "}");
        EXPECT_EQ(r.status, 201) << r.body;
        return data_str(r, "quote_id");
    }
    HttpResult execute(const std::string &q, std::vector<std::string> headers) {
        return c.call("POST", "/swap/execute", R"({"quote_id":")" + q + "\"}", headers);
    }
    SandboxProcess sb{{"--totp-period", "2", "--quote-ttl", "2"}};
    Client c;
    std::string acc, usdc, usdt;
};

TEST_F(Swap, QuoteAndExecuteMoveExactAmounts) {
    EXPECT_EQ(c.call("GET", "/swap/routes").status, 200);
    auto assets = parse(c.call("GET", "/swap/assets").body);
    ASSERT_EQ(assets["data"]["assets"].Size(), 2u);
    auto r = c.call("POST", "/swap/quote",
                    R"({"sourceAsset":"USDC_SOL","destinationAsset":"USDT_SOL","amount":10.5})");
    ASSERT_EQ(r.status, 201) << r.body;
    auto q = parse(r.body);
    EXPECT_EQ(str(q["data"], "rate"), "0.999");
    EXPECT_EQ(str(q["data"]["fee"], "amount"), "0.0105");  // 0.1% of 10.5
    EXPECT_EQ(str(q["data"], "to_amount"), "10.4790105");  // (10.5 - 0.0105) * 0.999
    EXPECT_NE(str(q["data"], "expires_at"), "<missing>");
    auto done = execute(str(q["data"], "quote_id"), {c.code_header()});
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(data_str(done, "status"), "completed");
    EXPECT_EQ(c.balance(usdc), "0");
    EXPECT_EQ(c.balance(usdt), "10.4790105");
    auto again = execute(str(q["data"], "quote_id"), {c.code_header()});
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(error_of(again), "conflict");
    EXPECT_EQ(c.balance(usdt), "10.4790105");
    auto hist = parse(c.call("GET", "/swap/history?limit=10").body);
    ASSERT_EQ(hist["data"]["swaps"].Size(), 1u);
    EXPECT_EQ(str(hist["data"]["swaps"][0], "to_amount"), "10.4790105");
    EXPECT_EQ(c.call("GET", "/swap/history?limit=101").status, 400);
}

TEST_F(Swap, ExecuteNeedsTwoFactorAndFunds) {
    std::string q = quote();
    auto none = execute(q, {});
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(error_of(none), "two_factor_required");
    auto wrong = execute(q, {"X-2FA-Token: 000000"});
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(c.balance(usdc), "10.5");
    std::string big = quote("\"11\"");
    auto poor = execute(big, {c.code_header()});
    EXPECT_EQ(poor.status, 422);
    EXPECT_EQ(error_of(poor), "insufficient_balance");
    EXPECT_EQ(c.balance(usdc), "10.5");
    EXPECT_EQ(
        c.call("POST", "/swap/execute", R"({"quote_id":"quote_nope"})", {c.code_header()}).status,
        404);
    auto bad =
        c.call("POST", "/swap/quote", R"({"from_asset_id":")" + usdc + R"(","amount":"-1"})");
    ASSERT_EQ(bad.status, 400);
    EXPECT_TRUE(parse(bad.body)["details"].HasMember("amount"));
    EXPECT_TRUE(parse(bad.body)["details"].HasMember("to_asset_id"));
    auto key = c.create_key(R"(["read","write"])");
    auto scoped =
        c.keyed(key, "POST", "/swap/execute", R"({"quote_id":")" + q + "\"}", {c.code_header()});
    EXPECT_EQ(scoped.status, 403);  // execute needs the transactions scope
}

TEST_F(Swap, ExpiredQuoteIsRefused) {
    std::string q = quote();
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    auto late = execute(q, {c.code_header()});
    EXPECT_EQ(late.status, 422);
    EXPECT_EQ(error_of(late), "quote_expired");
    EXPECT_EQ(c.balance(usdc), "10.5");
    EXPECT_EQ(c.balance(usdt), "0");
}

TEST_F(Swap, BridgeToAnOutsideAddressDebitsOnly) {
    auto r = c.call("POST", "/swap/quote",
                    R"({"from_asset_id":")" + usdc +
                        R"(","from_chain":"solana","from_ticker":"USDC_SOL","to_chain":"ethereum",)"
                        R"("to_ticker":"USDC_ETH","amount":"2","to_address":")" +
                        kEvmAddress + "\"}");
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(data_str(r, "to_amount"), "1.999");  // (2 - 0.001) * 1
    auto none = c.call("POST", "/swap/quote",
                       R"({"from_asset_id":")" + usdc + R"(","to_ticker":"BTC_SOL","amount":"1"})");
    EXPECT_EQ(none.status, 422);  // no USDC -> BTC route
    EXPECT_EQ(str(parse(none.body), "error"), "unsupported_route");
    auto bad_addr =
        c.call("POST", "/swap/quote",
               R"({"from_asset_id":")" + usdc +
                   R"(","to_ticker":"USDC_ETH","amount":"1","to_address":")" + kSolAddress + "\"}");
    EXPECT_EQ(bad_addr.status, 400);  // a Solana address on ethereum
    auto done = c.call(
        "POST", "/swap/execute",
        R"({"quote_id":")" + data_str(r, "quote_id") + R"(","from_asset_id":")" + usdc + "\"}",
        {c.code_header()});
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_EQ(data_str(done, "to_address"), kEvmAddress);
    EXPECT_EQ(c.balance(usdc), "8.5");
    EXPECT_EQ(c.balance(usdt), "0");
}

TEST_F(Swap, IdempotentReplayMovesOnce) {
    std::string q = quote("\"4\"");
    auto first = execute(q, {c.code_header(), "Idempotency-Key: swap-key-1"});
    ASSERT_EQ(first.status, 200) << first.body;
    auto replay = execute(q, {c.code_header(), "Idempotency-Key: swap-key-1"});
    ASSERT_EQ(replay.status, 200) << replay.body;
    EXPECT_EQ(replay.header("Idempotent-Replayed"), "true");
    EXPECT_EQ(replay.body, first.body);
    EXPECT_EQ(c.balance(usdc), "6.5");
    EXPECT_EQ(c.balance(usdt), "3.992004");  // (4 - 0.004) * 0.999
    auto hist = parse(c.call("GET", "/swap/history").body);
    EXPECT_EQ(hist["data"]["total"].GetInt(), 1);
}

}  // namespace
}  // namespace sbt
