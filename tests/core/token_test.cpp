// Token lifecycle (SPEC §2) on a fake clock: expiry edges, margins, fallback path, 401 handling.
#include <gtest/gtest.h>

#include <set>

#include "fakes.hpp"
#include "yativo/totp.hpp"

using namespace std::chrono_literals;
using yativo::Status;
using yvtest::ends_with;
using yvtest::ok_data;
using yvtest::respond;

namespace {
Status code_of_call(const std::function<void()> &f) {
    try {
        f();
    } catch (const yativo::Error &e) {
        return e.code();
    }
    return Status::OK;
}

// Serves tokens with `ttl` (and an optional refresh recommendation) and ok for everything else.
yvtest::FakeTransport::Handler tokens_then_ok(int ttl, int refresh_before = 0) {
    auto n = std::make_shared<int>(0);
    return [=](const yvtest::Seen &s, int) {
        if (ends_with(s.url, "/auth/token")) {
            std::string body = "{\"access_token\":\"CANARY-TOKEN-" + std::to_string(++*n) +
                               "\",\"token_type\":\"Bearer\",\"expires_in\":" + std::to_string(ttl);
            if (refresh_before)
                body += ",\"refresh_recommendation\":{\"refresh_before_seconds\":" +
                        std::to_string(refresh_before) + ",\"auto_refresh_enabled\":true}";
            return respond(200, body + "}");
        }
        return ok_data("[]");
    };
}
}  // namespace

TEST(Token, RefreshesAtTheMarginOnTheMonotonicClock) {
    auto h = yvtest::make(tokens_then_ok(3600));
    h.client->list_accounts();
    EXPECT_EQ(h.transport->count("/auth/token"), 1);
    h.clock->advance(3600s - 60s - 1s);  // 1 s before the refresh point
    h.client->list_accounts();
    EXPECT_EQ(h.transport->count("/auth/token"), 1);
    h.clock->advance(2s);  // past it
    h.client->list_accounts();
    EXPECT_EQ(h.transport->count("/auth/token"), 2);
    auto seen = h.transport->seen();
    EXPECT_EQ(seen.back().authorization, "Bearer CANARY-TOKEN-2");
}

TEST(Token, ServerRecommendationWinsWhenLarger) {
    auto h = yvtest::make(tokens_then_ok(3600, 300));
    h.client->list_accounts();
    h.clock->advance(3600s - 300s - 1s);
    h.client->list_accounts();
    EXPECT_EQ(h.transport->count("/auth/token"), 1);
    h.clock->advance(2s);
    h.client->list_accounts();
    EXPECT_EQ(h.transport->count("/auth/token"), 2);
}

TEST(Token, MarginLongerThanLifeRefreshesAtHalfLife) {
    auto h = yvtest::make(tokens_then_ok(60));
    h.client->list_accounts();
    h.clock->advance(29s);
    h.client->list_accounts();
    EXPECT_EQ(h.transport->count("/auth/token"), 1);
    h.clock->advance(2s);
    h.client->list_accounts();
    EXPECT_EQ(h.transport->count("/auth/token"), 2);
}

TEST(Token, FailedRefreshKeepsTheValidToken) {
    auto n = std::make_shared<int>(0);
    auto h = yvtest::make([n](const yvtest::Seen &s, int) {
        if (ends_with(s.url, "/auth/token")) {
            if (++*n == 1) return respond(200, yvtest::token_body("CANARY-TOKEN-1", 100));
            return respond(400, R"({"error":"validation_error","message":"exchange refused"})");
        }
        return ok_data("[]");
    });
    h.client->list_accounts();
    h.clock->advance(60s);  // in the refresh window (margin 60 >= life 100? no: refresh at 40 s)
    EXPECT_NO_THROW(h.client->list_accounts());
    EXPECT_EQ(h.transport->seen().back().authorization, "Bearer CANARY-TOKEN-1");
    EXPECT_EQ(h.transport->count("/auth/token"), 2);
    h.clock->advance(41s);  // the old token is now expired and the exchange still fails
    try {
        h.client->list_accounts();
        FAIL();
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), Status::VALIDATION);
    }
}

TEST(Token, FallsBackToApikeyTokenAndRemembers) {
    auto h = yvtest::make([](const yvtest::Seen &s, int) {
        if (ends_with(s.url, "/auth/token")) return respond(404, R"({"error":"not_found"})");
        if (ends_with(s.url, "/apikey/token"))
            return respond(200, yvtest::token_body("CANARY-TOKEN-X", 1));
        return ok_data("[]");
    });
    h.client->list_accounts();
    h.clock->advance(2s);
    h.client->list_accounts();
    EXPECT_EQ(h.transport->count("/auth/token"), 1);
    EXPECT_EQ(h.transport->count("/apikey/token"), 2);
}

TEST(Token, BadCredentialsAreAuthentication) {
    auto h = yvtest::make([](const yvtest::Seen &s, int) {
        if (ends_with(s.url, "/auth/token"))
            return respond(401, R"({"error":"invalid_credentials","message":"bad key"})");
        return ok_data("[]");
    });
    try {
        h.client->list_accounts();
        FAIL();
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), Status::AUTHENTICATION);
        EXPECT_EQ(e.http_status, 401);
    }
    EXPECT_EQ(h.transport->count("/auth/token"), 1);
}

TEST(Token, Non2fa401ReExchangesOnceAndRetriesOnce) {
    auto h = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &s, int) {
        if (s.authorization == "Bearer CANARY-TOKEN-1")
            return respond(401, R"({"error":"token_expired"})");
        return ok_data("[]");
    }));
    EXPECT_NO_THROW(h.client->list_accounts());
    EXPECT_EQ(h.transport->count("/auth/token"), 2);
    EXPECT_EQ(h.transport->count("/accounts/get-accounts"), 2);

    auto always = yvtest::make(yvtest::with_tokens(
        [](const yvtest::Seen &, int) { return respond(401, R"({"error":"invalid_token"})"); }));
    try {
        always.client->list_accounts();
        FAIL();
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), Status::AUTHENTICATION);
    }
    EXPECT_EQ(always.transport->count("/auth/token"), 2);
    EXPECT_EQ(always.transport->count("/accounts/get-accounts"), 2);
}

TEST(Token, TokenReportsRemainingLife) {
    auto h = yvtest::make(tokens_then_ok(3600));
    auto t = h.client->token();
    EXPECT_EQ(t.access_token.reveal(), "CANARY-TOKEN-1");
    EXPECT_EQ(t.token_type, "Bearer");
    EXPECT_EQ(t.expires_in, 3600);
    h.clock->advance(100s);
    EXPECT_EQ(h.client->token().expires_in, 3500);
    EXPECT_EQ(h.transport->count("/auth/token"), 1);
}

// A server's expires_in is clamped to a year before any arithmetic: 10^18 s once overflowed the
// expiry (undefined behaviour; wrapped, every token was born expired and each call exchanged).
TEST(Token, HugeLifetimeIsClampedToAYear) {
    auto h = yvtest::make([](const yvtest::Seen &s, int) {
        if (yvtest::ends_with(s.url, "/auth/token"))
            return respond(
                200, R"({"access_token":"CANARY-TOKEN-LONG","token_type":"Bearer",)"
                     R"("expires_in":999999999999999999,)"
                     R"("refresh_recommendation":{"refresh_before_seconds":999999999999999999}})");
        return yvtest::ok_data("[]");
    });
    h.client->list_accounts();
    h.client->list_accounts();
    EXPECT_EQ(h.transport->count("/auth/token"), 1);
    EXPECT_LE(h.client->token().expires_in, 365 * 24 * 3600);
    EXPECT_GT(h.client->token().expires_in, 364 * 24 * 3600 / 2);
    h.clock->advance(std::chrono::hours(24 * 366));  // past the clamped life
    h.client->list_accounts();
    EXPECT_EQ(h.transport->count("/auth/token"), 2);
}

TEST(Token, SetCredentialsDropsTheCachedToken) {
    auto h = yvtest::make(tokens_then_ok(3600));
    h.client->list_accounts();
    h.client->set_credentials("yativo_other", yativo::Secret("CANARY-SECRET-2"));
    h.client->list_accounts();
    auto seen = h.transport->seen();
    EXPECT_EQ(h.transport->count("/auth/token"), 2);
    EXPECT_NE(seen[2].body.find("yativo_other"), std::string::npos);
    EXPECT_THROW(h.client->set_credentials("", yativo::Secret("x")), yativo::Error);
}

// --- 2FA ---

namespace {
yativo::ClientOptions with_totp() {
    auto o = yvtest::base_options();
    o.totp_secret = yativo::Secret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    return o;
}
const char *kKey =
    R"({"id":"key_1","name":"n","api_key":"yativo_x","api_secret":"CANARY-NEW-SECRET","permissions":["read"]})";
}  // namespace

TEST(TwoFactor, MissingCodeFailsBeforeAnyIo) {
    auto h = yvtest::make(tokens_then_ok(3600));
    try {
        h.client->create_api_key({"n", {"read"}, {}, {}});
        FAIL();
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), Status::TWO_FACTOR_REQUIRED);
    }
    EXPECT_TRUE(h.transport->seen().empty());
}

TEST(TwoFactor, InvalidCodeWaitsForNextStepAndRetriesOnce) {
    auto h = yvtest::make(
        yvtest::with_tokens([](const yvtest::Seen &s, int) {
            static std::string first;
            if (first.empty()) {
                first = s.two_factor;
                return respond(401,
                               R"({"error":"two_factor_invalid","message":"code already used"})");
            }
            return respond(201, kKey);
        }),
        with_totp());
    auto key = h.client->create_api_key({"n", {"read"}, {}, {}});
    EXPECT_EQ(key.api_secret.reveal(), "CANARY-NEW-SECRET");
    auto seen = h.transport->seen();
    ASSERT_EQ(h.transport->count("/apikey/create"), 2);
    EXPECT_NE(seen[1].two_factor, seen[2].two_factor);
    EXPECT_EQ(seen[1].two_factor.size(), 6u);
    EXPECT_GT(h.clock->slept_ms(), 0);  // it waited for the next step
}

TEST(TwoFactor, SecondRefusalIsTwoFactorRequired) {
    auto h = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &, int) {
                              return respond(401, R"({"error":"two_factor_invalid"})");
                          }),
                          with_totp());
    try {
        h.client->revoke_api_key("key_1");
        FAIL();
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), Status::TWO_FACTOR_REQUIRED);
        EXPECT_EQ(e.error_code, "two_factor_invalid");
    }
    EXPECT_EQ(h.transport->count("/revoke"), 2);
}

TEST(TwoFactor, ExplicitCodeIsSentAndNotRetried) {
    auto h = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &, int) {
        return respond(401, R"({"error":"two_factor_invalid"})");
    }));
    yativo::CallOptions call;
    call.totp_code = yativo::Secret("123456");
    try {
        h.client->rotate_api_key("key_1", call);
        FAIL();
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), Status::TWO_FACTOR_REQUIRED);
    }
    EXPECT_EQ(h.transport->count("/rotate"), 1);
    EXPECT_EQ(h.transport->seen().back().two_factor, "123456");
    call.totp_code = yativo::Secret("12ab56");
    EXPECT_THROW(h.client->rotate_api_key("key_1", call), yativo::Error);
}

TEST(TwoFactor, EachStepIsUsedOnce) {
    auto h = yvtest::make(
        yvtest::with_tokens([](const yvtest::Seen &, int) { return respond(200, kKey); }),
        with_totp());
    for (int i = 0; i < 3; ++i) h.client->rotate_api_key("key_1");
    auto seen = h.transport->seen();
    std::set<std::string> codes;
    for (const auto &s : seen)
        if (!s.two_factor.empty()) codes.insert(s.two_factor);
    EXPECT_EQ(codes.size(), 3u);
    EXPECT_GE(h.clock->slept_ms(), 30'000);  // waited into two fresh steps
}

TEST(TwoFactor, ServerDateCorrectsTheTotpClock) {
    // The server's clock is 1000 s ahead: codes must be those of the server's time.
    auto clock = std::make_shared<yvtest::FakeClock>(1'700'000'000.0);
    std::vector<std::string> codes;
    auto h = yvtest::make(
        [&](const yvtest::Seen &s, int) {
            std::vector<std::pair<std::string, std::string>> hdr{
                {"Date", "Tue, 14 Nov 2023 22:29:50 GMT"}};
            // 1'700'000'000 is Tue, 14 Nov 2023 22:13:20 GMT; +990 s
            if (ends_with(s.url, "/auth/token"))
                return respond(200, yvtest::token_body("CANARY-TOKEN-1"), hdr);
            codes.push_back(s.two_factor);
            return respond(200, kKey, hdr);
        },
        with_totp(), clock);
    h.client->get_api_key("key_1");  // learns the offset
    h.client->rotate_api_key("key_1");
    double server_now = clock->wall_seconds() + 990;
    auto step = static_cast<std::int64_t>(server_now / 30);
    std::string expected = yativo::totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", step * 30).reveal();
    std::string next = yativo::totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", (step + 1) * 30).reveal();
    ASSERT_FALSE(codes.empty());
    EXPECT_TRUE(codes.back() == expected || codes.back() == next);
}

TEST(TwoFactor, SendFundsAsksTheTotpSourceOnlyWhenTheServerDoes) {
    auto h = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &s, int) {
                              if (s.two_factor.empty())
                                  return respond(401, R"({"error":"two_factor_required"})");
                              return yvtest::ok_data(R"({"transaction_id":"tx_1"})");
                          }),
                          with_totp());
    yativo::SendFunds s;
    s.account = "acc_1";
    s.assets = "asset_1";
    s.receiving_address = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";
    s.amount = "1";
    s.type = "USDC";
    s.chain = "solana";
    s.category = "transfer";
    auto r = h.client->send_funds(s);
    auto seen = h.transport->seen();
    ASSERT_EQ(h.transport->count("/send-funds"), 2);
    EXPECT_TRUE(seen[1].two_factor.empty());
    EXPECT_EQ(seen[2].two_factor.size(), 6u);
    EXPECT_EQ(seen[1].idempotency_key, seen[2].idempotency_key);
    // Without a TOTP source the server's demand surfaces as TWO_FACTOR_REQUIRED.
    auto plain = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &, int) {
        return respond(401, R"({"error":"two_factor_required"})");
    }));
    try {
        plain.client->send_funds(s);
        FAIL();
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), Status::TWO_FACTOR_REQUIRED);
    }
}

// Found in review: an explicit code is the caller's; the TOTP source must not replace it.
TEST(TwoFactor, ExplicitCodeIsNotReplacedByTheTotpSource) {
    auto h = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &, int) {
                              return respond(401, R"({"error":"two_factor_invalid"})");
                          }),
                          with_totp());
    yativo::CallOptions call;
    call.totp_code = yativo::Secret("123456");
    try {
        h.client->rotate_api_key("key_1", call);
        FAIL();
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), Status::TWO_FACTOR_REQUIRED);
    }
    EXPECT_EQ(h.transport->count("/rotate"), 1);
}

// Found in review: a step reserved by a call that then gave up is released, and a clock that
// moved back does not leave the queue far ahead.
TEST(TwoFactor, UnusedAndFarStepsDoNotStallLaterCalls) {
    auto h = yvtest::make(
        yvtest::with_tokens([](const yvtest::Seen &, int) { return respond(200, kKey); }),
        with_totp());
    auto *totp = h.client->impl().totp();
    ASSERT_NE(totp, nullptr);
    totp->set_clock_offset(3600);
    h.client->rotate_api_key("key_1");  // reserves a step an hour ahead of this machine
    totp->set_clock_offset(0);
    auto before = h.clock->slept_ms();
    h.client->rotate_api_key("key_1");
    EXPECT_LT(h.clock->slept_ms() - before, 31'000);

    yativo::CallOptions tight;
    tight.timeout = std::chrono::milliseconds(1);
    h.client->rotate_api_key("key_1");  // uses the current step
    EXPECT_EQ(code_of_call([&] { h.client->rotate_api_key("key_1", tight); }), Status::TIMEOUT);
    before = h.clock->slept_ms();
    h.client->rotate_api_key("key_1");  // waits one period at most, not two
    EXPECT_LE(h.clock->slept_ms() - before, 30'100);
}
