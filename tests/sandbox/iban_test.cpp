// Standalone IBAN: the onboarding state machine, its order, approval, and the issued IBAN.
#include <thread>

#include "util.hpp"

namespace sbt {
namespace {

std::string error_of(const HttpResult &r) {
    return str(parse(r.body), "error");
}

// ISO 13616: move the first four characters to the end, letters to numbers, mod 97 == 1.
bool iban_valid(const std::string &iban) {
    if (iban.size() < 15) return false;
    std::string r = iban.substr(4) + iban.substr(0, 4);
    int rem = 0;
    for (char ch : r) {
        std::string d = std::isalpha(static_cast<unsigned char>(ch)) ? std::to_string(ch - 'A' + 10)
                                                                     : std::string(1, ch);
        for (char x : d) rem = (rem * 10 + (x - '0')) % 97;
    }
    return rem == 1;
}

const char kKyc[] =
    R"({"first_name":"Ada","last_name":"Lovelace","date_of_birth":"1990-12-10","nationality":"GB","address":"1 Main St"})";

HttpResult approve(SandboxProcess &sb, const std::string &body = "{}") {
    return http_call("POST", sb.root_url() + "/__sandbox/iban/approve", {}, body);
}

TEST(Iban, OnboardingRunsInOrder) {
    SandboxProcess sb{{"--totp-period", "2", "--iban-review", "-1"}};
    Client c(sb);
    auto opts = c.call("GET", "/iban/options");
    ASSERT_EQ(opts.status, 200) << opts.body;
    EXPECT_EQ(data_str(c.call("GET", "/iban/status"), "status"), "not_started");

    auto early = c.call("POST", "/iban/onboarding/kyc", std::string(R"({"kyc":)") + kKyc + "}");
    EXPECT_EQ(early.status, 409);
    EXPECT_EQ(error_of(early), "invalid_state");
    EXPECT_EQ(c.call("POST", "/iban/iban/request", "{}").status, 409);
    EXPECT_EQ(approve(sb).status, 404);

    auto bad = c.call("POST", "/iban/onboarding/init", R"({"email":"nope"})");
    ASSERT_EQ(bad.status, 400);
    EXPECT_TRUE(parse(bad.body)["details"].HasMember("email"));
    auto init = c.call("POST", "/iban/onboarding/init", R"({"email":"ada@example.com"})");
    ASSERT_EQ(init.status, 201) << init.body;
    EXPECT_EQ(data_str(init, "status"), "initialized");
    EXPECT_EQ(c.call("POST", "/iban/onboarding/init", R"({"email":"ada@example.com"})").status,
              409);
    EXPECT_EQ(c.call("POST", "/iban/iban/request", "{}").status, 409);

    auto missing = c.call("POST", "/iban/onboarding/kyc", R"({"kyc":{"first_name":"Ada"}})");
    ASSERT_EQ(missing.status, 400);
    EXPECT_TRUE(parse(missing.body)["details"].HasMember("kyc.last_name"));
    EXPECT_EQ(data_str(c.call("GET", "/iban/status"), "status"), "initialized");  // unchanged
    auto other = c.call("POST", "/iban/onboarding/kyc",
                        std::string(R"({"email":"eve@example.com","kyc":)") + kKyc + "}");
    EXPECT_EQ(other.status, 400);
    auto kyc = c.call("POST", "/iban/onboarding/kyc",
                      std::string(R"({"email":"ada@example.com","kyc":)") + kKyc + "}");
    ASSERT_EQ(kyc.status, 200) << kyc.body;
    EXPECT_EQ(data_str(kyc, "status"), "kyc_submitted");
    auto waiting = c.call("POST", "/iban/iban/request", "{}");
    EXPECT_EQ(waiting.status, 409);
    EXPECT_EQ(str(parse(waiting.body)["details"], "stage"), "kyc_submitted");

    ASSERT_EQ(approve(sb).status, 200);
    EXPECT_EQ(approve(sb).status, 409);
    EXPECT_EQ(data_str(c.call("GET", "/iban/status"), "status"), "approved");
    auto issued = c.call("POST", "/iban/iban/request", "{}");
    ASSERT_EQ(issued.status, 201) << issued.body;
    std::string iban = data_str(issued, "iban");
    EXPECT_EQ(iban.substr(0, 2), "DE");
    EXPECT_EQ(iban.size(), 22u);
    EXPECT_TRUE(iban_valid(iban)) << iban;
    EXPECT_EQ(c.call("POST", "/iban/iban/request", "{}").status, 409);
    auto status = c.call("GET", "/iban/status");
    EXPECT_EQ(data_str(status, "status"), "issued");
    EXPECT_EQ(data_str(status, "iban"), iban);

    // Scopes: a read-only key reads the status but cannot start an onboarding.
    auto key = c.create_key(R"(["read"])");
    EXPECT_EQ(data_str(c.keyed(key, "GET", "/iban/status"), "iban"), iban);
    EXPECT_EQ(c.keyed(key, "POST", "/iban/onboarding/init", R"({"email":"a@b.co"})").status, 403);
}

TEST(Iban, UnknownCustomersAndTimedReview) {
    SandboxProcess sb{{"--iban-review", "1"}};
    Client c(sb);
    EXPECT_EQ(c.call("GET", "/iban/status?customer_id=cus_nope").status, 404);
    EXPECT_EQ(
        c.call("POST", "/iban/onboarding/init", R"({"email":"a@b.co","customer_id":"cus_nope"})")
            .status,
        404);
    ASSERT_EQ(c.call("POST", "/iban/onboarding/init", R"({"email":"a@b.co"})").status, 201);
    // The address may be an object; it needs line1 and country.
    const std::string kyc =
        R"({"kyc":{"first_name":"Ada","last_name":"Lovelace","date_of_birth":"1990-12-10",)"
        R"("nationality":"GB","address":{"line1":"1 Main St","city":"London"}}})";
    auto partial = c.call("POST", "/iban/onboarding/kyc", kyc);
    ASSERT_EQ(partial.status, 400);
    EXPECT_TRUE(parse(partial.body)["details"].HasMember("kyc.address"));
    std::string full = kyc;
    full.replace(full.find(R"("city":"London")"), 15, R"("city":"London","country":"GB")");
    ASSERT_EQ(c.call("POST", "/iban/onboarding/kyc", full).status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(1300));
    EXPECT_EQ(data_str(c.call("GET", "/iban/status"), "status"), "approved");
    ASSERT_EQ(c.call("POST", "/iban/iban/request", "{}").status, 201);
}

// A customer's own onboarding, beside the user's, through the customer endpoints.
TEST(Iban, CustomerOnboarding) {
    SandboxProcess sb{{"--totp-period", "2"}};
    Client c(sb);
    ASSERT_EQ(c.call("POST", "/iban/onboarding/init", R"({"email":"a@b.co"})").status, 201);
    auto cus = c.call("POST", "/customers/create-customer",
                      R"({"email":"cus@example.com","name":"Cus Tomer"})");
    ASSERT_EQ(cus.status / 100, 2) << cus.body;
    auto doc = parse(cus.body);
    std::string id = str(doc["data"], "id");
    if (id == "<missing>") id = str(doc["data"], "customer_id");
    ASSERT_NE(id, "<missing>") << cus.body;
    EXPECT_EQ(data_str(c.call("GET", "/iban/status?customer_id=" + id), "status"), "not_started");
    ASSERT_EQ(c.call("POST", "/iban/onboarding/init",
                     R"({"email":"cus@example.com","customer_id":")" + id + "\"}")
                  .status,
              201);
    EXPECT_EQ(data_str(c.call("GET", "/iban/status?customer_id=" + id), "status"), "initialized");
    EXPECT_EQ(data_str(c.call("GET", "/iban/status"), "status"), "initialized");  // the user's
}

}  // namespace
}  // namespace sbt
