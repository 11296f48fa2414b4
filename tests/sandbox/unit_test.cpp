// The emulator's pieces as plain functions: decimals, base58, TOTP, JSON, and Api::handle
// without sockets (the shape a fuzzer drives).
#include <gtest/gtest.h>

#include <random>

#include "api.hpp"
#include "chains.hpp"
#include "decimal.hpp"
#include "json.hpp"
#include "options.hpp"
#include "totp.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

std::string dec(const char *s) {
    std::string why;
    auto d = Decimal::parse(s, &why);
    return d ? d->str() : "ERR:" + why;
}

TEST(Decimal, ParsesAndPrintsExactly) {
    EXPECT_EQ(dec("0"), "0");
    EXPECT_EQ(dec("000120.500"), "120.5");
    EXPECT_EQ(dec("0.000000000000000001"), "0.000000000000000001");
    EXPECT_EQ(dec("9999999999999999999.999999999999999999"),
              "9999999999999999999.999999999999999999");
    for (const char *bad : {"", "-1", "1e5", "1.", ".5", "1.0000000000000000001", "12a", "+1",
                            "10000000000000000000", " 1", "0x10"})
        EXPECT_EQ(dec(bad).rfind("ERR:", 0), 0u) << bad;
}

TEST(Decimal, AddsAndSubtractsWithoutRounding) {
    auto a = *Decimal::parse("0.1", nullptr), b = *Decimal::parse("0.2", nullptr);
    EXPECT_EQ(a.plus(b)->str(), "0.3");
    EXPECT_EQ(a.minus(b)->str(), "-0.1");
    auto big = *Decimal::parse("9999999999999999999.999999999999999999", nullptr);
    EXPECT_FALSE(big.plus(a).has_value());
    EXPECT_TRUE(a < b);
    EXPECT_EQ(Decimal::parse("1.5", nullptr)->days_to_seconds(), 129600);
}

TEST(Base58, RoundTripsAndRejects) {
    std::vector<uint8_t> bytes = {0, 0, 1, 2, 3, 255};
    EXPECT_EQ(*base58_decode(base58_encode(bytes)), bytes);
    EXPECT_EQ(base58_decode("9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM")->size(), 32u);
    EXPECT_FALSE(base58_decode("0OIl").has_value());
    EXPECT_FALSE(base58_decode("").has_value());
    const Chain &sol = *find_chain("SOL");
    EXPECT_TRUE(address_problem(sol, "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM").empty());
    EXPECT_FALSE(address_problem(sol, "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYt").empty());
    for (const auto &chain : all_chains())
        EXPECT_TRUE(address_problem(chain, generate_address(chain)).empty()) << chain.name;
}

TEST(Totp, MatchesRfc6238Vectors) {
    // RFC 6238 appendix B, SHA-1 key "12345678901234567890", truncated to 6 digits.
    std::vector<uint8_t> key(reinterpret_cast<const uint8_t *>("12345678901234567890"),
                             reinterpret_cast<const uint8_t *>("12345678901234567890") + 20);
    EXPECT_EQ(totp_code(key, 59 / 30), "287082");
    EXPECT_EQ(totp_code(key, 1111111109 / 30), "081804");
    EXPECT_EQ(totp_code(key, 1234567890 / 30), "005924");
    EXPECT_EQ(totp_code(key, 20000000000LL / 30), "353130");
    EXPECT_EQ(*base32_decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), key);
    EXPECT_EQ(*base32_decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), key);
    EXPECT_FALSE(base32_decode("not base32!").has_value());
}

TEST(Totp, WindowOfOneStepAndNoReuse) {
    std::vector<uint8_t> key = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    TotpVerifier v(key, 30);
    int64_t t = 30 * 1000 + 5;
    EXPECT_EQ(v.verify(totp_code(key, 999), t), TotpResult::kAccepted);
    EXPECT_EQ(v.verify(totp_code(key, 999), t), TotpResult::kReused);
    EXPECT_EQ(v.verify(totp_code(key, 1000), t), TotpResult::kAccepted);
    EXPECT_EQ(v.verify(totp_code(key, 1001), t), TotpResult::kAccepted);
    EXPECT_EQ(v.verify(totp_code(key, 1002), t), TotpResult::kWrong);
    EXPECT_EQ(v.verify("", t), TotpResult::kMissing);
    EXPECT_EQ(v.verify("12345", t), TotpResult::kMalformed);
}

TEST(Json, KeepsNumbersAndCanonicalisesKeys) {
    Json j;
    std::string err;
    ASSERT_TRUE(
        parse_json(R"({ "b": 0.10, "a": [1e2, "x", null, true], "c": {"z":1,"y":2} })", j, &err))
        << err;
    EXPECT_EQ(canonical_json(j), R"({"a":[1e2,"x",null,true],"b":0.10,"c":{"y":2,"z":1}})");
    EXPECT_EQ(j.find("b")->kind, Json::Kind::kNumber);
    EXPECT_EQ(j.find("b")->text, "0.10");
    EXPECT_FALSE(parse_json(std::string(100, '['), j, &err));
    EXPECT_NE(err.find("deeper"), std::string::npos);
    EXPECT_FALSE(parse_json("{\"a\":1} x", j, &err));
}

TEST(Json, RequestBodyIsAnObjectOrA400) {
    EXPECT_TRUE(parse_request_body(" \t\r\n").is_object());
    EXPECT_EQ(parse_request_body(R"({"a":1})").find("a")->text, "1");
    auto status_of = [](std::string_view body) {
        try {
            parse_request_body(body);
            return std::string("parsed");
        } catch (const ApiError &e) {
            return std::to_string(e.status) + " " + e.details.at(0).first + ": " + e.what();
        }
    };
    EXPECT_EQ(status_of("[1]"), "400 body: The request body must be a JSON object");
    EXPECT_EQ(status_of("{"),
              "400 body: Malformed JSON body: Missing a name for object member. at offset 1");
}

Request req(const std::string &method, const std::string &target, const std::string &body,
            std::vector<std::pair<std::string, std::string>> headers) {
    Request r;
    r.method = method;
    r.target = target;
    r.body = body;
    r.headers = std::move(headers);
    return r;
}

// The seeded session token "sess", no rate limit.
Options session_options() {
    Options o;
    o.session_token = "sess";
    o.rate_limit = 0;
    return o;
}

TEST(ApiHandle, WorksAsAPureFunction) {
    Api api(session_options());
    auto r = api.handle(req("POST", "/api/v1/accounts/create-account", R"({"account_name":"A"})",
                            {{"authorization", "Bearer sess"}}));
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.action, Action::kSend);
    EXPECT_FALSE(r.header("X-Request-Id").empty());
    auto f = api.handle(req("POST", "/__sandbox/faults",
                            R"({"path":"/accounts/get-accounts","mode":"drop_before"})", {}));
    EXPECT_EQ(f.status, 200) << f.body;
    EXPECT_EQ(api.handle(req("GET", "/api/accounts/get-accounts", "", {})).action, Action::kClose);
}

// "a b c": the member names of an object, in order.
std::string member_names(const Json &object) {
    std::string names;
    for (const auto &m : object.members) names += (names.empty() ? "" : " ") + m.first;
    return names;
}

// The two transaction shapes of docs/sandbox.md, member by member and in order.
TEST(ApiHandle, TransactionShapesFollowTheDocs) {
    Api api(session_options());
    auto call = [&](const char *target, const std::string &body) {
        auto r = api.handle(req("POST", target, body, {{"Authorization", "Bearer sess"}}));
        Json j;
        std::string err;
        EXPECT_TRUE(parse_json(r.body, j, &err)) << r.body;
        EXPECT_LT(r.status, 300) << r.body;
        return j;
    };
    std::string acc = call("/api/v1/accounts/create-account", R"({"account_name":"A"})")
                          .find("data")
                          ->find("account_id")
                          ->text;
    std::string ast =
        call("/api/v1/assets/add-asset",
             R"({"account_id":")" + acc + R"(","chain":"solana","ticker":"USDC_SOL"})")
            .find("data")
            ->find("asset_id")
            ->text;
    call("/__sandbox/deposit", R"({"asset_id":")" + ast + R"(","amount":"10"})");
    Json sent = call("/api/v1/transactions/send-funds",
                     R"({"account":")" + acc + R"(","assets":")" + ast +
                         R"(","receiving_address":"9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin",)"
                         R"("amount":"1.5","type":"USDC","chain":"solana","category":"payment"})");
    const Json &receipt = *sent.find("data");
    EXPECT_EQ(member_names(receipt),
              "transaction_id transaction_hash status amount fee total_fee total_debited "
              "balance_after chain ticker type account_id asset_id from_address "
              "receiving_address priority category description use_self_funding "
              "idempotency_key gas_tx_hash platform_fee_tx_hash created_at");
    EXPECT_EQ(receipt.find("type")->text, "USDC");
    EXPECT_EQ(receipt.find("amount")->text, "1.5");
    Decimal fee = *Decimal::parse(receipt.find("fee")->text, nullptr);
    EXPECT_EQ(receipt.find("total_debited")->text,
              Decimal::parse("1.5", nullptr)->plus(fee)->str());
    EXPECT_EQ(receipt.find("description")->kind, Json::Kind::kNull);
    EXPECT_EQ(receipt.find("use_self_funding")->kind, Json::Kind::kBool);

    Json listed = call("/api/v1/transactions/get-transactions", "");
    ASSERT_EQ(listed.find("data")->items.size(), 1u);
    const Json &item = listed.find("data")->items[0];
    EXPECT_EQ(member_names(item),
              "transaction_id _id type direction status chain chain_code ticker asset_name "
              "asset_id account_id amount fee transaction_hash tx_hash from_address "
              "receiving_address priority category description created_at");
    EXPECT_EQ(item.find("type")->text, "send");
    EXPECT_EQ(item.find("_id")->text, receipt.find("transaction_id")->text);
    EXPECT_EQ(item.find("tx_hash")->text, receipt.find("transaction_hash")->text);
}

// The S2 send-funds answer and the transaction detail of docs/sandbox.md, member by member.
TEST(ApiHandle, LedgerShapesFollowTheDocs) {
    Options o = session_options();
    o.confirm_after = 60;  // a pending transfer, so confirmed_at is still null
    Api api(o);
    auto call = [&](const char *target, const std::string &body) {
        auto r = api.handle(req("POST", target, body, {{"Authorization", "Bearer sess"}}));
        Json j;
        std::string err;
        EXPECT_TRUE(parse_json(r.body, j, &err)) << r.body;
        EXPECT_LT(r.status, 300) << r.body;
        return j;
    };
    std::string acc = call("/api/v1/accounts/create-account", R"({"account_name":"A"})")
                          .find("data")
                          ->find("account_id")
                          ->text;
    std::string ast =
        call("/api/v1/assets/add-asset",
             R"({"account_id":")" + acc + R"(","chain":"solana","ticker":"USDC_SOL"})")
            .find("data")
            ->find("asset_id")
            ->text;
    call("/__sandbox/deposit", R"({"asset_id":")" + ast + R"(","amount":"10"})");
    Json sent = call("/api/v1/transactions/send-funds",
                     R"({"from_asset_id":")" + ast +
                         R"(","to_address":"9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin",)"
                         R"("amount":"1.5","chain":"solana","ticker":"USDC_SOL"})");
    const Json &s2 = *sent.find("data");
    EXPECT_EQ(member_names(s2),
              "transaction_id from_asset_id to_address amount chain ticker status tx_hash "
              "transaction_hash fee fee_ticker total_debited balance_after account_id "
              "from_address priority idempotency_key created_at");
    EXPECT_EQ(s2.find("status")->text, "pending");  // --confirm-after 60
    Json got = call("/api/v1/transactions/get-transaction",
                    R"({"transaction_id":")" + s2.find("transaction_id")->text + "\"}");
    EXPECT_EQ(member_names(*got.find("data")),
              "transaction_id _id type direction status chain chain_code ticker asset_name "
              "asset_id account_id amount fee fee_ticker transaction_hash tx_hash from_address "
              "receiving_address to_address priority category description idempotency_key "
              "created_at confirmed_at cancelled_at");
    EXPECT_EQ(got.find("data")->find("confirmed_at")->kind, Json::Kind::kNull);
}

// A key's access token carries its allowed_ips: fetched from an allowed peer, it is refused from
// another one; a request whose peer is unknown is refused too.
TEST(ApiHandle, AllowedIpsFollowTheKeysTokens) {
    Api api(session_options());
    Request create = req(
        "POST", "/api/v1/apikey/create",
        R"({"name":"k","permissions":["read"],"allowed_ips":["10.1.2.0/24"]})",
        {{"Authorization", "Bearer sess"},
         {"X-2FA-Token", totp_code(*base32_decode(api.totp_secret()), unix_seconds(now()) / 30)}});
    Response made = api.handle(create);
    ASSERT_EQ(made.status, 201) << made.body;
    Json k;
    std::string err;
    ASSERT_TRUE(parse_json(made.body, k, &err));
    const Json &data = *k.find("data");
    std::string body = R"({"api_key":")" + data.find("api_key")->text + R"(","api_secret":")" +
                       data.find("api_secret")->text + "\"}";
    Request token = req("POST", "/api/v1/auth/token", body, {});
    token.peer = "10.1.2.3";
    Response got = api.handle(token);
    ASSERT_EQ(got.status, 200) << got.body;
    Json t;
    ASSERT_TRUE(parse_json(got.body, t, &err));
    std::string bearer = "Bearer " + t.find("access_token")->text;
    Request use = req("GET", "/api/v1/apikey/list", "", {{"Authorization", bearer}});
    use.peer = "::ffff:10.1.2.77";  // an IPv4-mapped peer inside the block
    EXPECT_EQ(api.handle(use).status, 200);
    use.peer = "10.1.3.1";
    Response refused = api.handle(use);
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_NE(refused.body.find("ip_not_allowed"), std::string::npos);
    use.peer = "";
    EXPECT_EQ(api.handle(use).status, 403);
    token.peer = "";
    EXPECT_EQ(api.handle(token).status, 403);
}

TEST(Options, ConfirmAfter) {
    Options o;
    std::string error;
    bool help = false;
    ASSERT_TRUE(parse_options({}, o, &error, &help));
    EXPECT_EQ(o.confirm_after, 0);  // every transfer, S1 or S2, confirmed at once
    ASSERT_TRUE(parse_options({"--confirm-after", "0"}, o, &error, &help));
    EXPECT_EQ(o.confirm_after, 0);
    ASSERT_TRUE(parse_options({"--confirm-after", "90"}, o, &error, &help));
    EXPECT_EQ(o.confirm_after, 90);
    EXPECT_FALSE(parse_options({"--confirm-after", "-1"}, o, &error, &help));
    EXPECT_NE(error.find("--confirm-after"), std::string::npos);
}

TEST(ApiHandle, SurvivesRandomInput) {
    Options o;
    o.session_token = "sess";
    Api api(o);
    std::mt19937 rng(12345);
    const std::vector<std::string> targets = {"/api/v1/transactions/send-funds",
                                              "/api/v1/apikey/create",
                                              "/api/v1/apikey/x/rotate",
                                              "/api/v1/assets/add-asset",
                                              "/api/v1/auth/token",
                                              "/api/v1/transactions/get-transactions",
                                              "/__sandbox/faults",
                                              "/__sandbox/deposit",
                                              "/api/v1/webhook/create"};
    const std::string alphabet = "{}[]\":,0123456789.eE-+truefalsnl abc\\u\x01\xff";
    for (int i = 0; i < 3000; ++i) {
        std::string body;
        size_t len = rng() % 80;
        for (size_t k = 0; k < len; ++k) body.push_back(alphabet[rng() % alphabet.size()]);
        auto r = api.handle(req(i % 3 ? "POST" : "PUT", targets[rng() % targets.size()], body,
                                {{"Authorization", "Bearer sess"}}));
        EXPECT_GE(r.status, 200);
        EXPECT_LT(r.status, 600);
        if (r.action == Action::kSend) {
            Json j;
            std::string err;
            EXPECT_TRUE(parse_json(r.body, j, &err)) << r.body;
        }
    }
}

}  // namespace
}  // namespace yvsb
