#include <gtest/gtest.h>
#include <openssl/hmac.h>

#include <atomic>
#include <functional>
#include <thread>
#include <vector>

#include "yativo/defaults.hpp"
#include "yativo/status.hpp"
#include "yativo/webhook.hpp"

using Headers = yativo::HeaderList;
using yativo::Secret;
using yativo::Status;

namespace {
const std::int64_t kNow = 1'700'000'000;
const std::string kBody =
    R"({"id":"evt_1","type":"transaction.completed","created_at":"2026-01-01T00:00:00Z","data":{"amount":12.50}})";

std::string hmac_hex(const std::string &key, const std::string &msg) {
    unsigned char mac[32];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char *>(msg.data()), msg.size(), mac, &len);
    static const char *hex = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < len; ++i) {
        out.push_back(hex[mac[i] >> 4]);
        out.push_back(hex[mac[i] & 15]);
    }
    return out;
}

void expect_rejected(const std::string &body, const Headers &h, const yativo::VerifyOptions &o) {
    try {
        yativo::verify_webhook(body, h, Secret("whsec_test"), o);
        ADD_FAILURE() << "accepted";
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), Status::SIGNATURE_INVALID);
        EXPECT_EQ(e.message().find("whsec_test"), std::string::npos);
    }
}
}  // namespace

TEST(Webhook, SchemeAKnownVector) {
    // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), a published vector.
    const std::string body = R"({"id":"The quick brown fox"})";
    EXPECT_EQ(hmac_hex("key", "The quick brown fox jumps over the lazy dog"),
              "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    Headers h{{"x-webhook-signature", hmac_hex("key", body)}};
    auto ev = yativo::verify_webhook(body, h, Secret("key"));
    EXPECT_EQ(ev.id, "The quick brown fox");
}

TEST(Webhook, SchemeAAcceptsAndParsesEvent) {
    Headers h{{"X-Webhook-Signature", hmac_hex("whsec_test", kBody)}};
    auto ev = yativo::verify_webhook(kBody, h, Secret("whsec_test"));
    EXPECT_EQ(ev.id, "evt_1");
    EXPECT_EQ(ev.type, "transaction.completed");
    EXPECT_EQ(ev.created_at, "2026-01-01T00:00:00Z");
    EXPECT_EQ(ev.data.get_string("amount"), "12.50");
    // Upper-case hex is the same signature.
    std::string upper = hmac_hex("whsec_test", kBody);
    for (auto &c : upper) c = static_cast<char>(toupper(c));
    EXPECT_NO_THROW(
        yativo::verify_webhook(kBody, {{"X-Webhook-Signature", upper}}, Secret("whsec_test")));
}

TEST(Webhook, SchemeBWithTimestamp) {
    std::string ts = std::to_string(kNow - 10);
    Headers h{{"X-Yativo-Signature", "sha256=" + hmac_hex("whsec_test", ts + "." + kBody)},
              {"X-Yativo-Timestamp", ts}};
    yativo::VerifyOptions o;
    o.now_unix = kNow;
    o.require_timestamp = true;
    EXPECT_EQ(yativo::verify_webhook(kBody, h, Secret("whsec_test"), o).id, "evt_1");
}

TEST(Webhook, Rejections) {
    yativo::VerifyOptions o;
    o.now_unix = kNow;
    std::string ts = std::to_string(kNow);
    std::string good_b = "sha256=" + hmac_hex("whsec_test", ts + "." + kBody);
    std::string good_a = hmac_hex("whsec_test", kBody);
    // tampered body
    expect_rejected(kBody + " ", {{"X-Webhook-Signature", good_a}}, o);
    expect_rejected(kBody + " ", {{"X-Yativo-Signature", good_b}, {"X-Yativo-Timestamp", ts}}, o);
    // wrong secret
    expect_rejected(kBody, {{"X-Webhook-Signature", hmac_hex("other", kBody)}}, o);
    // no signature at all, and garbage
    expect_rejected(kBody, {}, o);
    expect_rejected(kBody, {{"X-Webhook-Signature", "zz"}}, o);
    // stale timestamp (301 s), and the tolerance is configurable
    std::string old = std::to_string(kNow - 301);
    Headers stale{{"X-Yativo-Signature", "sha256=" + hmac_hex("whsec_test", old + "." + kBody)},
                  {"X-Yativo-Timestamp", old}};
    expect_rejected(kBody, stale, o);
    yativo::VerifyOptions wide = o;
    wide.tolerance = std::chrono::seconds(600);
    EXPECT_NO_THROW(yativo::verify_webhook(kBody, stale, Secret("whsec_test"), wide));
    // require_timestamp refuses scheme A
    yativo::VerifyOptions strict = o;
    strict.require_timestamp = true;
    expect_rejected(kBody, {{"X-Webhook-Signature", good_a}}, strict);
}

// A captured timestamped delivery cannot be replayed through scheme A: once scheme B headers are
// present, a valid scheme A signature does not rescue a bad or stale scheme B one.
TEST(Webhook, NoDowngradeToSchemeA) {
    yativo::VerifyOptions o;
    o.now_unix = kNow;
    std::string old = std::to_string(kNow - 3600);
    Headers replay{{"X-Webhook-Signature", hmac_hex("whsec_test", kBody)},
                   {"X-Yativo-Signature", "sha256=" + hmac_hex("whsec_test", old + "." + kBody)},
                   {"X-Yativo-Timestamp", old}};
    expect_rejected(kBody, replay, o);
    Headers half{{"X-Webhook-Signature", hmac_hex("whsec_test", kBody)},
                 {"X-Yativo-Timestamp", old}};
    expect_rejected(kBody, half, o);
}

TEST(Webhook, SignerRoundTrips) {
    auto headers = yativo::sign_webhook(kBody, Secret("whsec_test"), kNow);
    ASSERT_EQ(headers.size(), 3u);
    yativo::VerifyOptions o;
    o.now_unix = kNow;
    o.require_timestamp = true;
    EXPECT_EQ(yativo::verify_webhook(kBody, headers, Secret("whsec_test"), o).type,
              "transaction.completed");
    Headers only_a{headers[0]};
    EXPECT_NO_THROW(yativo::verify_webhook(kBody, only_a, Secret("whsec_test"), {}));
    EXPECT_EQ(headers[0].second, hmac_hex("whsec_test", kBody));
}

TEST(Webhook, VerifiedButNotJsonIsProtocol) {
    std::string body = "not json";
    try {
        yativo::verify_webhook(body, {{"X-Webhook-Signature", hmac_hex("k", body)}}, Secret("k"));
        FAIL();
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), Status::PROTOCOL);
    }
    EXPECT_THROW(yativo::verify_webhook(body, {}, Secret("")), yativo::Error);
}

// The replay guard. Its invented secret holds CANARY: the test run searches all output for it.
namespace {
const char *const kGuardSecret = "whsec_CANARY_replay_guard";

std::string event_body(const std::string &id) {
    return R"({"id":")" + id + R"(","type":"transaction.completed","data":{"amount":"1.5"}})";
}

Headers signed_now(const std::string &body) {
    return yativo::sign_webhook(body, Secret(kGuardSecret));  // both schemes, timestamp now
}

Headers scheme_a_only(const Headers &h) {
    Headers out;
    for (const auto &kv : h)
        if (kv.first == "X-Webhook-Signature") out.push_back(kv);
    return out;
}

// The status verify() ends with, OK when it accepts.
Status verify_status(yativo::WebhookVerifier &v, const std::string &body, const Headers &h,
                     std::string *message = nullptr) {
    try {
        v.verify(body, h);
        return Status::OK;
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.message().find(kGuardSecret), std::string::npos) << "the secret leaked";
        if (message) *message = e.message();
        return e.code();
    }
}

struct FakeSteadyClock {
    std::chrono::steady_clock::time_point t{std::chrono::hours(1000)};
    std::function<std::chrono::steady_clock::time_point()> fn() {
        return [this] { return t; };
    }
};
}  // namespace

TEST(WebhookVerifier, AcceptsOnceAndRefusesTheReplay) {
    yativo::WebhookVerifier v{Secret(kGuardSecret)};
    const std::string body = event_body("evt_once");
    const Headers h = signed_now(body);
    EXPECT_EQ(v.verify(body, h).id, "evt_once");
    std::string message;
    EXPECT_EQ(verify_status(v, body, h, &message), Status::SIGNATURE_INVALID);
    EXPECT_NE(message.find("replay"), std::string::npos) << message;
    EXPECT_NE(message.find("evt_once"), std::string::npos) << message;
    // A replay is told from a bad signature by its error_code, not by its message.
    try {
        v.verify(body, h);
        ADD_FAILURE() << "replay accepted";
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.error_code, yativo::kWebhookReplayCode);
    }
    try {
        v.verify(body, {{"X-Webhook-Signature", hmac_hex("other", body)}});
        ADD_FAILURE() << "bad signature accepted";
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), Status::SIGNATURE_INVALID);
        EXPECT_EQ(e.error_code, "");
    }
    EXPECT_EQ(v.remembered(), 1u);
}

// The attack: capture a scheme B delivery, strip its X-Yativo-* headers, send it again. Plain
// verify_webhook cannot tell it from a scheme A delivery (the control below); the guard can.
TEST(WebhookVerifier, RefusesASchemeBDeliveryReplayedAsSchemeA) {
    yativo::WebhookVerifier v{Secret(kGuardSecret)};
    const std::string body = event_body("evt_strip");
    const Headers full = signed_now(body);
    const Headers stripped = scheme_a_only(full);
    ASSERT_EQ(stripped.size(), 1u);
    yativo::VerifyOptions strict;
    strict.require_timestamp = true;
    EXPECT_NO_THROW(yativo::verify_webhook(body, full, Secret(kGuardSecret), strict));
    EXPECT_EQ(verify_status(v, body, full), Status::OK);
    // Control: without the guard the stripped replay verifies.
    EXPECT_NO_THROW(yativo::verify_webhook(body, stripped, Secret(kGuardSecret)));
    EXPECT_EQ(verify_status(v, body, stripped), Status::SIGNATURE_INVALID);
}

TEST(WebhookVerifier, AcceptsADifferentId) {
    yativo::WebhookVerifier v{Secret(kGuardSecret)};
    for (const char *id : {"evt_a", "evt_b", "evt_c"}) {
        const std::string body = event_body(id);
        EXPECT_EQ(verify_status(v, body, signed_now(body)), Status::OK) << id;
    }
    EXPECT_EQ(v.remembered(), 3u);
    const std::string again = event_body("evt_b");
    EXPECT_EQ(verify_status(v, again, signed_now(again)), Status::SIGNATURE_INVALID);
}

// A forged delivery is refused by its signature and leaves nothing behind: the genuine event with
// the same id is still accepted afterwards.
TEST(WebhookVerifier, ChecksTheSignatureBeforeRememberingTheId) {
    yativo::WebhookVerifier v{Secret(kGuardSecret)};
    const std::string body = event_body("evt_forged");
    EXPECT_EQ(verify_status(v, body, {{"X-Webhook-Signature", hmac_hex("not-the-secret", body)}}),
              Status::SIGNATURE_INVALID);
    EXPECT_EQ(v.remembered(), 0u);
    EXPECT_EQ(verify_status(v, body, signed_now(body)), Status::OK);
}

TEST(WebhookVerifier, ForgetsAnIdWhenTheWindowHasPassed) {
    FakeSteadyClock clock;
    yativo::WebhookVerifierOptions o;
    o.window = std::chrono::seconds(60);
    o.verify.tolerance = std::chrono::seconds(60);  // a window may not be shorter
    o.steady_now = clock.fn();
    yativo::WebhookVerifier v(Secret(kGuardSecret), o);
    const std::string body = event_body("evt_window");
    const Headers h = signed_now(body);
    EXPECT_EQ(verify_status(v, body, h), Status::OK);
    clock.t += std::chrono::seconds(59);
    EXPECT_EQ(verify_status(v, body, h), Status::SIGNATURE_INVALID);
    EXPECT_EQ(v.remembered(), 1u);
    clock.t += std::chrono::seconds(1);
    EXPECT_EQ(v.remembered(), 0u);
    EXPECT_EQ(verify_status(v, body, h), Status::OK);  // a new window starts here
    EXPECT_EQ(verify_status(v, body, h), Status::SIGNATURE_INVALID);
}

TEST(WebhookVerifier, AtTheBoundTheOldestIdIsForgottenFirst) {
    FakeSteadyClock clock;
    yativo::WebhookVerifierOptions o;
    o.max_events = 2;
    o.steady_now = clock.fn();
    yativo::WebhookVerifier v(Secret(kGuardSecret), o);
    auto deliver = [&](const char *id) {
        clock.t += std::chrono::seconds(1);
        const std::string body = event_body(id);
        return verify_status(v, body, signed_now(body));
    };
    EXPECT_EQ(deliver("evt_1"), Status::OK);
    EXPECT_EQ(deliver("evt_2"), Status::OK);
    EXPECT_EQ(deliver("evt_3"), Status::OK);  // evicts evt_1
    EXPECT_EQ(v.remembered(), 2u);
    EXPECT_EQ(deliver("evt_2"), Status::SIGNATURE_INVALID);
    EXPECT_EQ(deliver("evt_3"), Status::SIGNATURE_INVALID);
    EXPECT_EQ(deliver("evt_1"), Status::OK);  // forgotten at the bound; evicts evt_2
    EXPECT_EQ(deliver("evt_3"), Status::SIGNATURE_INVALID);
    EXPECT_EQ(deliver("evt_2"), Status::OK);
}

TEST(WebhookVerifier, SixteenThreadsDeliveringOneEventAcceptItOnce) {
    yativo::WebhookVerifier v{Secret(kGuardSecret)};
    const std::string body = event_body("evt_race");
    const Headers h = signed_now(body);
    constexpr int kThreads = 16;
    std::atomic<int> ready{0}, accepted{0}, replays{0}, other{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&] {
            ready.fetch_add(1);
            while (ready.load() < kThreads) std::this_thread::yield();  // start together
            try {
                v.verify(body, h);
                accepted.fetch_add(1);
            } catch (const yativo::Error &e) {
                (e.code() == Status::SIGNATURE_INVALID ? replays : other).fetch_add(1);
            }
        });
    }
    for (auto &t : threads) t.join();
    EXPECT_EQ(accepted.load(), 1);
    EXPECT_EQ(replays.load(), kThreads - 1);
    EXPECT_EQ(other.load(), 0);
}

// An event without an id cannot be de-duplicated, so the guard refuses it (PROTOCOL: it is
// authentic but not the shape the guard needs) instead of letting it through unguarded. A forged
// one is still SIGNATURE_INVALID: the signature is checked first.
TEST(WebhookVerifier, RefusesAnEventWithoutAnId) {
    yativo::WebhookVerifier v{Secret(kGuardSecret)};
    for (const std::string &body : {std::string(R"({"type":"transaction.completed","data":{}})"),
                                    std::string(R"({"id":"","type":"transaction.completed"})")}) {
        std::string message;
        EXPECT_EQ(verify_status(v, body, signed_now(body), &message), Status::PROTOCOL) << body;
        EXPECT_NE(message.find("no id"), std::string::npos) << message;
        // Control: verify_webhook alone accepts it.
        EXPECT_NO_THROW(yativo::verify_webhook(body, signed_now(body), Secret(kGuardSecret)));
        EXPECT_EQ(verify_status(v, body, {{"X-Webhook-Signature", hmac_hex("other", body)}}),
                  Status::SIGNATURE_INVALID);
    }
    EXPECT_EQ(v.remembered(), 0u);
}

TEST(WebhookVerifier, BadArgumentsAreInvalidArgument) {
    auto status_of = [](const char *secret, yativo::WebhookVerifierOptions o) {
        try {
            yativo::WebhookVerifier v(Secret(secret), std::move(o));
            return Status::OK;
        } catch (const yativo::Error &e) {
            return e.code();
        }
    };
    yativo::WebhookVerifierOptions ok;
    EXPECT_EQ(status_of(kGuardSecret, ok), Status::OK);
    EXPECT_EQ(status_of("", ok), Status::INVALID_ARGUMENT);
    yativo::WebhookVerifierOptions o;
    o.window = std::chrono::seconds(0);
    EXPECT_EQ(status_of(kGuardSecret, o), Status::INVALID_ARGUMENT);
    o.window = std::chrono::seconds(-5);
    EXPECT_EQ(status_of(kGuardSecret, o), Status::INVALID_ARGUMENT);
    // Shorter than the timestamp tolerance (default 300 s): a scheme B replay would verify
    // again once the id was forgotten.
    o.window = std::chrono::seconds(299);
    EXPECT_EQ(status_of(kGuardSecret, o), Status::INVALID_ARGUMENT);
    o.verify.tolerance = std::chrono::seconds(299);
    EXPECT_EQ(status_of(kGuardSecret, o), Status::OK);
    o = {};
    o.max_events = 0;
    EXPECT_EQ(status_of(kGuardSecret, o), Status::INVALID_ARGUMENT);
    o = {};
    o.verify.tolerance = std::chrono::seconds(-1);
    EXPECT_EQ(status_of(kGuardSecret, o), Status::INVALID_ARGUMENT);
}

TEST(WebhookVerifier, UnsetOptionsTakeTheCoresDefaults) {
    yativo::WebhookVerifier v{Secret(kGuardSecret)};
    EXPECT_EQ(v.window(), yativo::defaults::webhook_replay_window);
    EXPECT_EQ(v.window(), std::chrono::hours(24));
    EXPECT_EQ(v.max_events(), yativo::defaults::webhook_replay_max_events);
}

// require_timestamp and the tolerance reach verify_webhook.
TEST(WebhookVerifier, PassesTheVerifyOptionsOn) {
    yativo::WebhookVerifierOptions o;
    o.verify.require_timestamp = true;
    yativo::WebhookVerifier v(Secret(kGuardSecret), o);
    const std::string body = event_body("evt_strict");
    const Headers full = signed_now(body);
    EXPECT_EQ(verify_status(v, body, scheme_a_only(full)), Status::SIGNATURE_INVALID);
    EXPECT_EQ(v.remembered(), 0u);
    EXPECT_EQ(verify_status(v, body, full), Status::OK);
}
