// Idempotency-Key on writes: replay, 409 conflict, canonical bodies, 24 h scope per user.
#include "util.hpp"

namespace sbt {
namespace {

class Idempotency : public ::testing::Test {
  protected:
    Idempotency() : c(sb) {}
    void SetUp() override {
        acc = c.account();
        ast = c.asset(acc);
        sb.deposit(ast, "50");
    }
    SandboxProcess sb{{"--totp-period", "2"}};
    Client c;
    std::string acc, ast;
};

TEST_F(Idempotency, SameKeySameRequestReplaysTheOriginal) {
    auto first = c.call("POST", "/transactions/send-funds", send_body(acc, ast, "2"),
                        {"Idempotency-Key: k-1"});
    ASSERT_EQ(first.status, 201) << first.body;
    EXPECT_TRUE(first.header("Idempotent-Replayed").empty());
    EXPECT_EQ(data_str(first, "idempotency_key"), "k-1");
    // Same fields in another order and spacing: the same request.
    std::string reordered = R"({ "priority":"medium", "category":"transfer", "chain":"solana",)"
                            R"( "type":"USDC", "amount":2, "receiving_address":")" +
                            std::string(kSolAddress) + R"(", "assets":")" + ast +
                            R"(", "account":")" + acc + R"(" })";
    auto second = c.call("POST", "/transactions/send-funds", reordered, {"Idempotency-Key: k-1"});
    EXPECT_EQ(second.status, 201);
    EXPECT_EQ(second.body, first.body);
    EXPECT_EQ(second.header("Idempotent-Replayed"), "true");
    EXPECT_NE(second.header("X-Request-Id"), first.header("X-Request-Id"));
    EXPECT_EQ(c.balance(ast), "47.999");
    EXPECT_EQ(sb.stat("transactions_created"), 1);
    EXPECT_EQ(parse(c.call("POST", "/transactions/get-transactions", "{}").body)["data"].Size(),
              1u);
}

TEST_F(Idempotency, SameKeyOtherRequestIsAConflict) {
    auto first = c.call("POST", "/transactions/send-funds", send_body(acc, ast, "2"),
                        {"Idempotency-Key: k-2"});
    ASSERT_EQ(first.status, 201);
    std::string txn = data_str(first, "transaction_id");
    auto other = c.call("POST", "/transactions/send-funds", send_body(acc, ast, "3"),
                        {"Idempotency-Key: k-2"});
    ASSERT_EQ(other.status, 409) << other.body;
    auto doc = parse(other.body);
    EXPECT_EQ(str(doc, "error"), "conflict");
    EXPECT_EQ(str(doc, "existing_transaction_id"), txn);
    EXPECT_EQ(str(doc["details"], "existing_transaction_id"), txn);
    EXPECT_EQ(str(doc["details"], "idempotency_key"), "k-2");
    // The same key on another path is another request too.
    EXPECT_EQ(c.call("POST", "/accounts/create-account", R"({"account_name":"x"})",
                     {"Idempotency-Key: k-2"})
                  .status,
              409);
    EXPECT_EQ(c.balance(ast), "47.999");
}

TEST_F(Idempotency, FailedRequestsAreNotRemembered) {
    auto poor = c.call("POST", "/transactions/send-funds", send_body(acc, ast, "60"),
                       {"Idempotency-Key: k-3"});
    EXPECT_EQ(poor.status, 422);
    sb.deposit(ast, "20");
    auto rich = c.call("POST", "/transactions/send-funds", send_body(acc, ast, "60"),
                       {"Idempotency-Key: k-3"});
    EXPECT_EQ(rich.status, 201) << rich.body;
    EXPECT_EQ(c.balance(ast), "9.999");
}

TEST_F(Idempotency, EveryWriteHonoursTheKey) {
    auto a1 = c.call("POST", "/accounts/create-account", R"({"account_name":"Dup"})",
                     {"Idempotency-Key: acc-1"});
    auto a2 = c.call("POST", "/accounts/create-account", R"({"account_name":"Dup"})",
                     {"Idempotency-Key: acc-1"});
    ASSERT_EQ(a1.status, 201);
    EXPECT_EQ(a1.body, a2.body);
    EXPECT_EQ(parse(c.call("GET", "/accounts/get-accounts").body)["data"].Size(), 2u);

    // A replayed key creation needs no fresh 2FA code and mints no second key.
    std::string code = c.code();
    auto k1 = c.call("POST", "/apikey/create", R"({"name":"n","permissions":["read"]})",
                     {"Idempotency-Key: key-1", "X-2FA-Token: " + code});
    auto k2 = c.call("POST", "/apikey/create", R"({"name":"n","permissions":["read"]})",
                     {"Idempotency-Key: key-1", "X-2FA-Token: " + code});
    ASSERT_EQ(k1.status, 201) << k1.body;
    EXPECT_EQ(k2.body, k1.body);
    EXPECT_EQ(parse(c.call("GET", "/apikey/list").body)["data"]["keys"].Size(), 1u);

    auto w1 = c.call("POST", "/webhook/create", R"({"url":"https://example.com/h","events":["*"]})",
                     {"Idempotency-Key: wh-1"});
    ASSERT_EQ(w1.status, 201);
    std::string wh = data_str(w1, "id");
    auto d1 = c.call("DELETE", "/webhook/" + wh, "", {"Idempotency-Key: del-1"});
    auto d2 = c.call("DELETE", "/webhook/" + wh, "", {"Idempotency-Key: del-1"});
    EXPECT_EQ(d1.status, 200);
    EXPECT_EQ(d2.status, 200);
    EXPECT_EQ(d2.header("Idempotent-Replayed"), "true");
    EXPECT_EQ(c.call("DELETE", "/webhook/" + wh).status, 404);
}

TEST_F(Idempotency, KeysAreScopedToTheUserNotTheCredential) {
    Creds k = c.create_key(R"(["read","transactions"])");
    auto by_session = c.call("POST", "/transactions/send-funds", send_body(acc, ast, "1"),
                             {"Idempotency-Key: shared"});
    auto by_key = c.keyed(k, "POST", "/transactions/send-funds", send_body(acc, ast, "1"),
                          {"Idempotency-Key: shared"});
    EXPECT_EQ(by_key.body, by_session.body);
    EXPECT_EQ(sb.stat("transactions_created"), 1);
    EXPECT_EQ(c.call("POST", "/transactions/send-funds", send_body(acc, ast, "1"),
                     {"Idempotency-Key: " + std::string(300, 'x')})
                  .status,
              400);
}

}  // namespace
}  // namespace sbt
