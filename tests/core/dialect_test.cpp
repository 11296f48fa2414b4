// SPEC §1 dialects with a fake transport: what the fallback request carries (the primary's
// Idempotency-Key and 2FA code, its own wire keys and method), and which answers switch the
// dialect. Against a sandbox: tests/integration/dialects_test.cpp.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>

#include "fakes.hpp"
#include "yativo/status.hpp"

using yativo::Status;

namespace {

using yvtest::ends_with;

const char *kKey =
    R"({"status":true,"data":{"id":"key_1","key_name":"n","api_key":"yativo_x","api_secret":"S","scopes":["read"]}})";

yativo::ClientOptions with_totp() {
    auto o = yvtest::base_options();
    o.totp_secret = yativo::Secret("JBSWY3DPEHPK3PXP");
    return o;
}

std::vector<yvtest::Seen> calls(yvtest::Harness &h) {
    std::vector<yvtest::Seen> out;
    for (const auto &s : h.transport->seen())
        if (s.url.find("/token") == std::string::npos) out.push_back(s);
    return out;
}

}  // namespace

TEST(Dialect, TheFallbackCarriesTheSameKeyAndTotpCodeAndItsOwnWireKeys) {
    auto h = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &s, int) {
                              if (ends_with(s.url, "/apikey/create"))
                                  return yvtest::respond(404, R"({"error":"not_found"})");
                              return yvtest::respond(201, kKey);
                          }),
                          with_totp());
    yativo::CallOptions call;
    call.idempotency_key = "key-abc-123";
    auto k = h.client->create_api_key({"n", {"read"}, 7, {}}, call);
    EXPECT_EQ(k.name, "n");
    auto seen = calls(h);
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_TRUE(ends_with(seen[0].url, "/apikey/create"));
    EXPECT_EQ(seen[0].body, R"({"name":"n","permissions":["read"],"expires_in_days":7})");
    EXPECT_TRUE(ends_with(seen[1].url, "/apikey/generate"));
    EXPECT_EQ(seen[1].body, R"({"key_name":"n","scopes":["read"],"expires_in_days":7})");
    EXPECT_EQ(seen[0].idempotency_key, "key-abc-123");
    EXPECT_EQ(seen[1].idempotency_key, "key-abc-123");
    // The code from the TOTP source, sent once more: the server never looked at it (404).
    ASSERT_EQ(seen[0].two_factor.size(), 6u);
    EXPECT_EQ(seen[1].two_factor, seen[0].two_factor);
}

TEST(Dialect, AnExplicitCodeIsSentToBoth) {
    auto h = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &s, int) {
                              if (ends_with(s.url, "/revoke")) return yvtest::respond(405, "");
                              return yvtest::respond(200, R"({"status":true,"data":{}})");
                          }),
                          with_totp());
    yativo::CallOptions call;
    call.totp_code = yativo::Secret("123456");
    h.client->revoke_api_key("key_1", call);
    auto seen = calls(h);
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_EQ(seen[1].method, "DELETE");
    EXPECT_TRUE(ends_with(seen[1].url, "/apikey/key_1"));
    EXPECT_TRUE(seen[1].body.empty());
    EXPECT_EQ(seen[0].two_factor, "123456");
    EXPECT_EQ(seen[1].two_factor, "123456");
}

TEST(Dialect, WhenNeitherDialectHasIt_ThePrimarysAnswerStandsAndNothingIsLearnt) {
    auto h = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &, int) {
                              return yvtest::respond(
                                  404, R"({"error":"not_found","message":"Key not found"})");
                          }),
                          with_totp());
    yativo::Error err(Status::OK, "");
    try {
        h.client->revoke_api_key("key_missing");
    } catch (const yativo::Error &e) {
        err = e;
    }
    EXPECT_EQ(err.code(), Status::NOT_FOUND);
    EXPECT_EQ(err.http_status, 404);
    EXPECT_THROW(h.client->list_api_keys(), yativo::Error);
    std::vector<std::string> sent;
    for (const auto &c : calls(h))
        sent.push_back(c.method + " " + c.url.substr(c.url.find("/apikey")));
    // Nothing was learnt: the second call tries the primary first again.
    EXPECT_EQ(sent, (std::vector<std::string>{"POST /apikey/key_missing/revoke",
                                              "DELETE /apikey/key_missing", "GET /apikey/list",
                                              "GET /apikey"}));
}

TEST(Dialect, ARefusalOfTheRequestProvesThePrimaryPath) {
    auto h = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &s, int) {
        if (ends_with(s.url, "/webhook/create"))
            return yvtest::respond(400, R"({"error":"validation_error","message":"bad url"})");
        return yvtest::respond(404, R"({"error":"not_found"})");
    }));
    EXPECT_THROW(h.client->create_webhook("https://e.x/h", {"*"}), yativo::Error);
    // The 400 proved that the primary dialect is spoken: its 404 now is the answer.
    EXPECT_THROW(h.client->list_webhooks(), yativo::Error);
    auto seen = calls(h);
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_TRUE(ends_with(seen[0].url, "/webhook/create"));
    EXPECT_TRUE(ends_with(seen[1].url, "/webhook/list"));
}

TEST(Dialect, AServerErrorNeverFallsBack) {
    auto h = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &, int) {
        return yvtest::respond(403, R"({"error":"forbidden"})");
    }));
    EXPECT_THROW(h.client->list_webhooks(), yativo::Error);
    auto seen = calls(h);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_TRUE(ends_with(seen[0].url, "/webhook/list"));
}
