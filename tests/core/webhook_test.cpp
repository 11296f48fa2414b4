#include <gtest/gtest.h>
#include <openssl/hmac.h>

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
