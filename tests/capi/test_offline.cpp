// The parts of the C ABI that need no server: versions, status names, TOTP vectors, webhook
// signing and verification, headers, cancellation tokens.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <string>
#include <thread>
#include <vector>

#include "capi_test.hpp"

using namespace capi_test;

namespace {

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890".
constexpr const char *kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

TEST(CapiVersion, CompileTimeAndRunTimeAgree) {
    const std::string expected = std::to_string(YV_VERSION_MAJOR) + "." +
                                 std::to_string(YV_VERSION_MINOR) + "." +
                                 std::to_string(YV_VERSION_PATCH);
    EXPECT_EQ(expected, YV_VERSION_STRING);
    EXPECT_STREQ(yv_version(), YV_VERSION_STRING);
}

TEST(CapiStatus, NamesComeFromTheTable) {
    EXPECT_STREQ(yv_status_str(YV_OK), "OK");
    EXPECT_STREQ(yv_status_str(YV_E_INVALID_ARGUMENT), "INVALID_ARGUMENT");
    EXPECT_STREQ(yv_status_str(YV_E_RATE_LIMITED), "RATE_LIMITED");
    EXPECT_STREQ(yv_status_str(YV_E_INTERNAL), "INTERNAL");
    EXPECT_EQ(YV_E_INVALID_ARGUMENT, 100);
    EXPECT_EQ(YV_E_CANCELLED, 500);
}

TEST(CapiTotp, Rfc6238Sha1Vectors) {
    struct Vector {
        int64_t t;
        const char *code;
    };
    const Vector vectors[] = {{59, "94287082"},         {1111111109, "07081804"},
                              {1111111111, "14050471"}, {1234567890, "89005924"},
                              {2000000000, "69279037"}, {20000000000, "65353130"}};
    for (const auto &v : vectors) {
        char code[YV_TOTP_CODE_SIZE];
        Err err;
        ASSERT_EQ(yv_totp(kRfcSecret, v.t, 30, 8, code, sizeof code, err.out()), YV_OK)
            << err.message();
        EXPECT_STREQ(code, v.code) << "t=" << v.t;
    }
}

TEST(CapiTotp, DefaultsAreSixDigitsAndThirtySeconds) {
    char code[YV_TOTP_CODE_SIZE], explicit_code[YV_TOTP_CODE_SIZE];
    ASSERT_EQ(yv_totp(kRfcSecret, 59, 0, 0, code, 7, nullptr), YV_OK);
    EXPECT_STREQ(code, "287082");  // the last six digits of 94287082
    ASSERT_EQ(yv_totp(kRfcSecret, 59, 30, 6, explicit_code, sizeof explicit_code, nullptr), YV_OK);
    EXPECT_STREQ(code, explicit_code);
}

TEST(CapiTotp, NowMatchesTheCurrentStep) {
    char now[YV_TOTP_CODE_SIZE], at[YV_TOTP_CODE_SIZE];
    for (int attempt = 0; attempt < 3; ++attempt) {  // a step boundary may fall in between
        const int64_t t = static_cast<int64_t>(std::time(nullptr));
        ASSERT_EQ(yv_totp(kRfcSecret, YV_NOW, 30, 6, now, sizeof now, nullptr), YV_OK);
        ASSERT_EQ(yv_totp(kRfcSecret, t, 30, 6, at, sizeof at, nullptr), YV_OK);
        if (std::strcmp(now, at) == 0) return;
    }
    FAIL() << "YV_NOW does not give the code of the current time";
}

TEST(CapiTotp, PeriodChangesTheStep) {
    char p30[YV_TOTP_CODE_SIZE], p60[YV_TOTP_CODE_SIZE];
    ASSERT_EQ(yv_totp(kRfcSecret, 59, 30, 8, p30, sizeof p30, nullptr), YV_OK);
    ASSERT_EQ(yv_totp(kRfcSecret, 118, 60, 8, p60, sizeof p60, nullptr), YV_OK);
    EXPECT_STREQ(p30, p60);  // both step 1
}

Headers sign(const std::string &body, const char *secret, int64_t at) {
    yv_headers *h = nullptr;
    Err err;
    EXPECT_EQ(yv_webhook_sign(reinterpret_cast<const uint8_t *>(body.data()), body.size(), secret,
                              at, &h, err.out()),
              YV_OK)
        << err.message();
    return Headers(h);
}

Headers only(const yv_headers *from, std::initializer_list<const char *> names) {
    yv_headers *h = nullptr;
    EXPECT_EQ(yv_headers_new(&h, nullptr), YV_OK);
    for (const char *n : names) {
        const char *v = yv_headers_get(from, n);
        EXPECT_NE(v, nullptr) << n;
        if (v) {
            EXPECT_EQ(yv_headers_add(h, n, v, nullptr), YV_OK);
        }
    }
    return Headers(h);
}

yv_status verify(const std::string &body, const yv_headers *h, const char *secret,
                 bool require_timestamp, Err &err, yv_event **event = nullptr) {
    return yv_webhook_verify(reinterpret_cast<const uint8_t *>(body.data()), body.size(), h, secret,
                             0, require_timestamp, event, err.out());
}

const std::string kBody =
    R"({"id":"evt_1","type":"transaction.confirmed","created_at":"2025-01-01T00:00:00Z",)"
    R"("data":{"amount":12.50,"transaction_id":"txn_9"}})";

TEST(CapiWebhook, SignProducesBothSchemes) {
    auto h = sign(kBody, "whsec_test", 1700000000);
    ASSERT_TRUE(h);
    EXPECT_EQ(yv_headers_count(h.get()), 3u);
    EXPECT_STREQ(yv_headers_get(h.get(), "x-yativo-timestamp"), "1700000000");
    const char *b = yv_headers_get(h.get(), "X-Yativo-Signature");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(std::string(b).rfind("sha256=", 0), 0u);
    const char *a = yv_headers_get(h.get(), "X-Webhook-Signature");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(std::strlen(a), 64u);
    for (size_t i = 0; i < yv_headers_count(h.get()); ++i) {
        EXPECT_NE(yv_headers_name(h.get(), i), nullptr);
        EXPECT_NE(yv_headers_value(h.get(), i), nullptr);
    }
}

TEST(CapiWebhook, VerifiesSchemeBAndReturnsTheEvent) {
    auto h = sign(kBody, "whsec_test", YV_NOW);
    Err err;
    yv_event *raw = nullptr;
    ASSERT_EQ(verify(kBody, h.get(), "whsec_test", true, err, &raw), YV_OK) << err.message();
    Event ev(raw);
    EXPECT_STREQ(yv_event_id(ev.get()), "evt_1");
    EXPECT_STREQ(yv_event_type(ev.get()), "transaction.confirmed");
    EXPECT_STREQ(yv_event_created_at(ev.get()), "2025-01-01T00:00:00Z");
    // Numbers stay exact decimal text.
    EXPECT_EQ(std::string(yv_event_data_json(ev.get())),
              R"({"amount":"12.50","transaction_id":"txn_9"})");
    EXPECT_NE(std::string(yv_event_json(ev.get())).find("\"evt_1\""), std::string::npos);
}

TEST(CapiWebhook, VerifiesSchemeAUnlessTimestampsAreRequired) {
    auto signed_h = sign(kBody, "whsec_test", YV_NOW);
    auto a = only(signed_h.get(), {"X-Webhook-Signature"});
    Err err;
    EXPECT_EQ(verify(kBody, a.get(), "whsec_test", false, err), YV_OK) << err.message();
    EXPECT_EQ(verify(kBody, a.get(), "whsec_test", true, err), YV_E_SIGNATURE_INVALID);
    EXPECT_EQ(err.code(), YV_E_SIGNATURE_INVALID);
}

TEST(CapiWebhook, RefusesTamperedBodiesWrongSecretsAndStaleTimestamps) {
    auto h = sign(kBody, "whsec_test", YV_NOW);
    Err err;
    std::string tampered = kBody;
    tampered[tampered.size() - 3] = '8';
    EXPECT_EQ(verify(tampered, h.get(), "whsec_test", false, err), YV_E_SIGNATURE_INVALID);
    EXPECT_EQ(verify(kBody, h.get(), "whsec_other", false, err), YV_E_SIGNATURE_INVALID);
    // The message never repeats the secret.
    EXPECT_EQ(err.message().find("whsec_other"), std::string::npos);

    auto stale = sign(kBody, "whsec_test", static_cast<int64_t>(std::time(nullptr)) - 3600);
    EXPECT_EQ(verify(kBody, stale.get(), "whsec_test", false, err), YV_E_SIGNATURE_INVALID);
    // A wider tolerance accepts it.
    EXPECT_EQ(yv_webhook_verify(reinterpret_cast<const uint8_t *>(kBody.data()), kBody.size(),
                                stale.get(), "whsec_test", 7200, false, nullptr, err.out()),
              YV_OK)
        << err.message();

    // Scheme B headers present: a valid scheme A signature alone cannot rescue a stale one.
    auto mixed =
        only(stale.get(), {"X-Webhook-Signature", "X-Yativo-Signature", "X-Yativo-Timestamp"});
    EXPECT_EQ(verify(kBody, mixed.get(), "whsec_test", false, err), YV_E_SIGNATURE_INVALID);

    yv_headers *none = nullptr;
    ASSERT_EQ(yv_headers_new(&none, nullptr), YV_OK);
    Headers empty(none);
    EXPECT_EQ(verify(kBody, empty.get(), "whsec_test", false, err), YV_E_SIGNATURE_INVALID);
}

TEST(CapiWebhook, AVerifiedBodyThatIsNotAnObjectIsAProtocolError) {
    const std::string body = "[1,2,3]";
    auto h = sign(body, "whsec_test", YV_NOW);
    Err err;
    EXPECT_EQ(verify(body, h.get(), "whsec_test", false, err), YV_E_PROTOCOL);
}

// The replay guard. Its invented secret holds CANARY: the test run searches all output for it.
constexpr const char *kGuardSecret = "whsec_CANARY_capi_guard";

WebhookVerifier new_verifier(size_t max_events = 0) {
    yv_webhook_verifier *raw = nullptr;
    Err err;
    EXPECT_EQ(yv_webhook_verifier_new(kGuardSecret, 0, max_events, 0, false, &raw, err.out()),
              YV_OK)
        << err.message();
    return WebhookVerifier(raw);
}

yv_status guard_verify(yv_webhook_verifier *v, const std::string &body, const yv_headers *h,
                       Err &err, yv_event **event = nullptr) {
    return yv_webhook_verifier_verify(v, reinterpret_cast<const uint8_t *>(body.data()),
                                      body.size(), h, event, err.out());
}

TEST(CapiWebhookVerifier, AcceptsTheFirstDeliveryAndRefusesTheReplay) {
    auto v = new_verifier();
    ASSERT_TRUE(v);
    auto h = sign(kBody, kGuardSecret, YV_NOW);
    Err err;
    yv_event *raw = nullptr;
    ASSERT_EQ(guard_verify(v.get(), kBody, h.get(), err, &raw), YV_OK) << err.message();
    Event ev(raw);
    EXPECT_STREQ(yv_event_id(ev.get()), "evt_1");
    EXPECT_EQ(err.get(), nullptr);

    yv_event *again = reinterpret_cast<yv_event *>(static_cast<uintptr_t>(0x1));
    EXPECT_EQ(guard_verify(v.get(), kBody, h.get(), err, &again), YV_E_SIGNATURE_INVALID);
    EXPECT_EQ(again, nullptr);
    EXPECT_EQ(err.code(), YV_E_SIGNATURE_INVALID);
    EXPECT_NE(err.message().find("replay"), std::string::npos) << err.message();
    ASSERT_NE(yv_error_error_code(err.get()), nullptr);
    EXPECT_STREQ(yv_error_error_code(err.get()), "webhook_replay");
    EXPECT_EQ(err.message().find(kGuardSecret), std::string::npos);

    // The same delivery stripped of its scheme B headers: yv_webhook_verify alone accepts it
    // (the control), the guard does not.
    auto stripped = only(h.get(), {"X-Webhook-Signature"});
    EXPECT_EQ(verify(kBody, stripped.get(), kGuardSecret, false, err), YV_OK) << err.message();
    EXPECT_EQ(guard_verify(v.get(), kBody, stripped.get(), err), YV_E_SIGNATURE_INVALID);
}

TEST(CapiWebhookVerifier, AcceptsOtherIdsAndRefusesEventsWithoutOne) {
    auto v = new_verifier(1);
    const std::string other = R"({"id":"evt_2","type":"transaction.confirmed"})";
    const std::string no_id = R"({"type":"transaction.confirmed"})";
    Err err;
    EXPECT_EQ(guard_verify(v.get(), kBody, sign(kBody, kGuardSecret, YV_NOW).get(), err), YV_OK)
        << err.message();
    EXPECT_EQ(guard_verify(v.get(), other, sign(other, kGuardSecret, YV_NOW).get(), err), YV_OK)
        << err.message();
    EXPECT_EQ(guard_verify(v.get(), no_id, sign(no_id, kGuardSecret, YV_NOW).get(), err),
              YV_E_PROTOCOL);
    EXPECT_NE(err.message().find("no id"), std::string::npos) << err.message();
    // A wrong signature stays SIGNATURE_INVALID and is not remembered.
    EXPECT_EQ(guard_verify(v.get(), other, sign(other, "whsec_CANARY_other", YV_NOW).get(), err),
              YV_E_SIGNATURE_INVALID);
}

TEST(CapiWebhookVerifier, ConcurrentDeliveriesOfOneEventAreAcceptedOnce) {
    auto v = new_verifier();
    auto h = sign(kBody, kGuardSecret, YV_NOW);
    std::atomic<int> ok{0}, replay{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            Err err;
            const yv_status st = guard_verify(v.get(), kBody, h.get(), err);
            (st == YV_OK ? ok : replay).fetch_add(st == YV_OK || st == YV_E_SIGNATURE_INVALID);
        });
    for (auto &t : threads) t.join();
    EXPECT_EQ(ok.load(), 1);
    EXPECT_EQ(replay.load(), 7);
}

TEST(CapiCancel, TriggeredFromAnotherThreadAndSticky) {
    yv_cancel *raw = nullptr;
    ASSERT_EQ(yv_cancel_new(&raw, nullptr), YV_OK);
    Cancel cancel(raw);
    EXPECT_FALSE(yv_cancel_is_triggered(cancel.get()));
    std::thread([&] { yv_cancel_trigger(cancel.get()); }).join();
    EXPECT_TRUE(yv_cancel_is_triggered(cancel.get()));
    yv_cancel_trigger(cancel.get());
    EXPECT_TRUE(yv_cancel_is_triggered(cancel.get()));
}

TEST(CapiCancel, ACallKeepsTheTokenAliveAfterItsHandleIsFreed) {
    yv_cancel *cancel = nullptr;
    yv_call *raw = nullptr;
    ASSERT_EQ(yv_cancel_new(&cancel, nullptr), YV_OK);
    ASSERT_EQ(yv_call_new(&raw, nullptr), YV_OK);
    Call call(raw);
    ASSERT_EQ(yv_call_set_cancel(call.get(), cancel, nullptr), YV_OK);
    yv_cancel_free(cancel);
    ASSERT_EQ(yv_call_set_cancel(call.get(), nullptr, nullptr), YV_OK);
}

TEST(CapiClient, BaseUrlIsNormalisedAndBorrowed) {
    yv_options *o = nullptr;
    ASSERT_EQ(yv_options_new(&o, nullptr), YV_OK);
    Options opts(o);
    ASSERT_EQ(yv_options_set_base_url(o, "http://127.0.0.1:8080/api/v1/", nullptr), YV_OK);
    yv_client *c = nullptr;
    Err err;
    ASSERT_EQ(yv_client_new(o, &c, err.out()), YV_OK) << err.message();
    Client client(c);
    opts.reset();  // the client copied the options
    EXPECT_STREQ(yv_client_base_url(c), "http://127.0.0.1:8080/api/v1");

    int64_t limit = 0, remaining = 0, reset = 0;
    ASSERT_EQ(yv_client_rate_limit(c, &limit, &remaining, &reset, nullptr), YV_OK);
    EXPECT_EQ(limit, -1);
    EXPECT_EQ(remaining, -1);
    EXPECT_EQ(reset, -1);
}

// The default is the core's (SPEC §4: 60 s); the option replaces it.
TEST(CapiClient, TimeoutIsTheOptionOrTheCoresDefault) {
    yv_options *o = nullptr;
    ASSERT_EQ(yv_options_new(&o, nullptr), YV_OK);
    Options opts(o);
    ASSERT_EQ(yv_options_set_base_url(o, "http://127.0.0.1:8080/api/v1", nullptr), YV_OK);
    yv_client *c = nullptr;
    ASSERT_EQ(yv_client_new(o, &c, nullptr), YV_OK);
    Client by_default(c);
    EXPECT_EQ(yv_client_timeout_ms(c), 60000u);
    ASSERT_EQ(yv_options_set_timeout_ms(o, 4500, nullptr), YV_OK);
    ASSERT_EQ(yv_client_new(o, &c, nullptr), YV_OK);
    Client configured(c);
    EXPECT_EQ(yv_client_timeout_ms(c), 4500u);
}

TEST(CapiClient, EnvironmentsNeedNoBaseUrl) {
    yv_options *o = nullptr;
    ASSERT_EQ(yv_options_new(&o, nullptr), YV_OK);
    Options opts(o);
    ASSERT_EQ(yv_options_set_use_environment(o, false, nullptr), YV_OK);
    ASSERT_EQ(yv_options_set_environment(o, YV_ENV_SANDBOX, nullptr), YV_OK);
    yv_client *c = nullptr;
    ASSERT_EQ(yv_client_new(o, &c, nullptr), YV_OK);
    Client client(c);
    EXPECT_STREQ(yv_client_base_url(c), "https://crypto-sandbox.yativo.com/api/v1");
}

TEST(CapiClient, AConnectionRefusedIsANetworkError) {
    yv_options *o = nullptr;
    ASSERT_EQ(yv_options_new(&o, nullptr), YV_OK);
    Options opts(o);
    ASSERT_EQ(yv_options_set_use_environment(o, false, nullptr), YV_OK);
    ASSERT_EQ(yv_options_set_base_url(o, "http://127.0.0.1:9/api/v1", nullptr), YV_OK);
    ASSERT_EQ(yv_options_set_auth_mode(o, YV_AUTH_BEARER, nullptr), YV_OK);
    ASSERT_EQ(yv_options_set_access_token(o, "tok", nullptr), YV_OK);
    ASSERT_EQ(yv_options_set_max_retries(o, 0, nullptr), YV_OK);
    yv_client *c = nullptr;
    ASSERT_EQ(yv_client_new(o, &c, nullptr), YV_OK);
    Client client(c);
    yv_account_list *out = nullptr;
    Err err;
    EXPECT_EQ(yv_client_list_accounts(c, nullptr, &out, err.out()), YV_E_NETWORK) << err.message();
    EXPECT_EQ(out, nullptr);
    EXPECT_EQ(yv_error_http_status(err.get()), 0);
}

}  // namespace
