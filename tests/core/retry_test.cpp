// The retry table of SPEC §4 on a scripted transport and a fake clock.
#include <gtest/gtest.h>

#include <regex>

#include "fakes.hpp"

using namespace std::chrono_literals;
using yativo::Status;
using yativo::detail::FailureKind;
using yvtest::ends_with;
using yvtest::fail;
using yvtest::ok_data;
using yvtest::respond;

namespace {

yativo::SendFunds a_send() {
    yativo::SendFunds s;
    s.account = "acc_1";
    s.assets = "asset_1";
    s.receiving_address = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";
    s.amount = "5";
    s.type = "USDC";
    s.chain = "solana";
    s.category = "transfer";
    return s;
}

// An answer every call decodes: an empty list for the list calls, else one object that is an
// account, an asset, a balance and a transfer at once.
yvtest::HttpResult ok_for(const std::string &url) {
    for (const char *list : {"/get-accounts", "/get-user-assets", "/get-transactions"})
        if (ends_with(url, list)) return ok_data("[]");
    return ok_data(R"({"transaction_id":"tx_1","account_id":"acc_1","asset_id":"ast_1",
                       "balance":"1"})");
}

// Fails the first `n` non-token requests with `first`, then answers ok.
yvtest::FakeTransport::Handler first_n(int n, std::function<yvtest::HttpResult()> first) {
    auto count = std::make_shared<int>(0);
    return yvtest::with_tokens([=](const yvtest::Seen &s, int) {
        if ((*count)++ < n) return first();
        return ok_for(s.url);
    });
}

Status code_of(const std::function<void()> &f, yativo::Error *out = nullptr) {
    try {
        f();
    } catch (const yativo::Error &e) {
        if (out) *out = e;
        return e.code();
    }
    return Status::OK;
}

}  // namespace

TEST(Retry, ConnectFailureBeforeSendingIsRetriedForEveryCall) {
    auto h = yvtest::make(first_n(2, [] { return fail(FailureKind::Network, false); }));
    EXPECT_NO_THROW(h.client->create_account("Main", "business"));  // a keyless write
    EXPECT_EQ(h.transport->count("/accounts/create-account"), 3);
}

TEST(Retry, KeylessWriteIsNeverSentTwice) {
    for (auto kind : {FailureKind::Network, FailureKind::Timeout}) {
        auto h = yvtest::make(first_n(1, [kind] { return fail(kind, true); }));
        yativo::Error e(Status::OK, "");
        EXPECT_EQ(code_of([&] { h.client->create_account("Main", "business"); }, &e),
                  kind == FailureKind::Network ? Status::NETWORK : Status::TIMEOUT);
        EXPECT_TRUE(e.outcome_unknown);
        EXPECT_EQ(h.transport->count("/accounts/create-account"), 1);
        EXPECT_FALSE(h.transport->seen().back().may_resend);  // libcurl may not re-send it either
    }
    auto h = yvtest::make(first_n(1, [] { return respond(503, R"({"error":"unavailable"})"); }));
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { h.client->create_account("Main", "business"); }, &e), Status::SERVER);
    EXPECT_TRUE(e.outcome_unknown);
    EXPECT_EQ(h.transport->count("/accounts/create-account"), 1);
}

TEST(Retry, SendFundsRetriesWithTheSameKey) {
    auto h = yvtest::make(first_n(2, [] { return fail(FailureKind::Network, true); }));
    auto r = h.client->send_funds(a_send());
    EXPECT_TRUE(std::regex_match(
        r.idempotency_key,
        std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
    EXPECT_EQ(r.raw.get_string("idempotency_key"), r.idempotency_key);
    auto seen = h.transport->seen();
    int sends = 0;
    for (const auto &s : seen) {
        if (!ends_with(s.url, "/send-funds")) continue;
        ++sends;
        EXPECT_EQ(s.idempotency_key, r.idempotency_key);
        EXPECT_TRUE(s.may_resend);
    }
    EXPECT_EQ(sends, 3);
}

TEST(Retry, SendFundsErrorCarriesTheKeyAndOutcome) {
    auto h = yvtest::make(first_n(100, [] { return fail(FailureKind::Network, true); }));
    yativo::CallOptions call;
    call.idempotency_key = "order-42";
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { h.client->send_funds(a_send(), call); }, &e), Status::NETWORK);
    EXPECT_EQ(e.idempotency_key, "order-42");
    EXPECT_TRUE(e.outcome_unknown);
    EXPECT_TRUE(e.retryable);
    EXPECT_EQ(h.transport->count("/send-funds"), 4);  // 1 + 3 retries
}

TEST(Retry, ServerErrorsRetriedForSafeCallsOnly) {
    for (long status : {500L, 502L, 503L, 504L}) {
        auto h = yvtest::make(first_n(2, [status] { return respond(status, "{}"); }));
        EXPECT_NO_THROW(h.client->list_accounts());
        EXPECT_EQ(h.transport->count("/accounts/get-accounts"), 3);
    }
    auto h = yvtest::make(first_n(100, [] { return respond(500, "{}"); }));
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { h.client->check_balance("asset_1"); }, &e), Status::SERVER);
    EXPECT_FALSE(e.outcome_unknown);  // a read
    EXPECT_EQ(h.transport->count("/balance/check"), 4);
}

TEST(Retry, RetryAfterIsHonoured) {
    auto h = yvtest::make(first_n(1, [] { return respond(503, "{}", {{"Retry-After", "7"}}); }));
    h.client->list_accounts();
    EXPECT_GE(h.clock->slept_ms(), 7000);
    EXPECT_LT(h.clock->slept_ms(), 7100);
    auto r = yvtest::make(
        first_n(1, [] { return respond(429, R"({"error":"rate_limited","retry_after":2})"); }));
    r.client->create_account("Main", "business");  // 429 is retried even for keyless writes
    EXPECT_EQ(r.clock->slept_ms(), 2000);
    EXPECT_EQ(r.transport->count("/create-account"), 2);
}

TEST(Retry, RateLimitPastTheDeadlineFailsAtOnce) {
    auto h = yvtest::make(first_n(1, [] {
        return respond(429, R"({"error":"rate_limited"})", {{"Retry-After", "120"}});
    }));
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { h.client->list_accounts(); }, &e), Status::RATE_LIMITED);
    ASSERT_TRUE(e.retry_after_s.has_value());
    EXPECT_EQ(*e.retry_after_s, 120.0);
    EXPECT_EQ(h.clock->slept_ms(), 0);
    EXPECT_EQ(h.transport->count("/accounts/get-accounts"), 1);
}

TEST(Retry, ClientErrorsAreNotRetried) {
    struct Case {
        long http;
        Status code;
    } cases[] = {{400, Status::VALIDATION},
                 {403, Status::PERMISSION_DENIED},
                 {404, Status::NOT_FOUND},
                 {409, Status::CONFLICT},
                 {422, Status::VALIDATION}};
    for (auto c : cases) {
        auto h = yvtest::make(first_n(100, [c] {
            return respond(c.http, R"({"error":"x","existing_transaction_id":"tx_9"})");
        }));
        yativo::Error e(Status::OK, "");
        EXPECT_EQ(code_of([&] { h.client->send_funds(a_send()); }, &e), c.code);
        EXPECT_FALSE(e.outcome_unknown) << c.http;
        EXPECT_FALSE(e.idempotency_key.empty());
        if (c.http == 409) {
            EXPECT_EQ(e.existing_transaction_id, "tx_9");
        }
        EXPECT_EQ(h.transport->count("/send-funds"), 1);
    }
}

TEST(Retry, TlsFailuresAreNotRetried) {
    auto h = yvtest::make([](const yvtest::Seen &, int) { return fail(FailureKind::Tls, false); });
    EXPECT_EQ(code_of([&] { h.client->list_accounts(); }), Status::TLS);
    EXPECT_EQ(h.transport->seen().size(), 1u);
}

TEST(Retry, GarbageAnswerIsProtocolAndFlagsWrites) {
    auto h = yvtest::make(
        yvtest::with_tokens([](const yvtest::Seen &, int) { return respond(200, "<html>"); }));
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { h.client->send_funds(a_send()); }, &e), Status::PROTOCOL);
    EXPECT_TRUE(e.outcome_unknown);  // the transfer happened; replay with the same key to read it
    EXPECT_EQ(h.transport->count("/send-funds"), 1);
}

TEST(Retry, DeadlineBoundsEveryAttempt) {
    auto h = yvtest::make(first_n(100, [] { return respond(503, "{}"); }));
    yativo::CallOptions call;
    call.timeout = 1500ms;
    yativo::Error e(Status::OK, "");
    auto code = code_of([&] { h.client->list_accounts(call); }, &e);
    EXPECT_TRUE(code == Status::SERVER || code == Status::TIMEOUT);
    for (const auto &s : h.transport->seen()) EXPECT_LE(s.timeout_ms, 1500);
    call.timeout = 0ms;
    EXPECT_EQ(code_of([&] { h.client->list_accounts(call); }), Status::INVALID_ARGUMENT);
}

TEST(Retry, GenericRequestClassifiesSafety) {
    auto h = yvtest::make(first_n(1, [] { return fail(FailureKind::Network, true); }));
    EXPECT_NO_THROW(
        h.client->request("POST", "/balance/check", R"({"asset_id":"a"})"));  // read-only POST
    auto w = yvtest::make(first_n(1, [] { return fail(FailureKind::Network, true); }));
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(
        code_of([&] { w.client->request("POST", "/customers/create-customer", R"({"a":1})"); }, &e),
        Status::NETWORK);
    EXPECT_TRUE(e.outcome_unknown);
    EXPECT_TRUE(e.idempotency_key.empty());
    EXPECT_EQ(w.transport->count("/create-customer"), 1);
    auto k = yvtest::make(first_n(1, [] { return fail(FailureKind::Network, true); }));
    yativo::CallOptions keyed;
    keyed.idempotency_key = "k-1";
    EXPECT_NO_THROW(k.client->request("POST", "/swap/execute", R"({"a":1})", keyed));
    EXPECT_EQ(code_of([&] { k.client->request("BREW", "/x", ""); }), Status::INVALID_ARGUMENT);
    EXPECT_EQ(code_of([&] { k.client->request("POST", "/x", "{bad"); }), Status::INVALID_ARGUMENT);
}

TEST(Retry, RateLimitHeadersAreKept) {
    auto h = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &, int) {
        return respond(200, "{\"data\":[]}",
                       {{"X-RateLimit-Limit", "60"},
                        {"X-RateLimit-Remaining", "59"},
                        {"X-RateLimit-Reset", "1700000060"}});
    }));
    EXPECT_FALSE(h.client->rate_limit().has_value());
    h.client->list_accounts();
    auto rl = h.client->rate_limit();
    ASSERT_TRUE(rl.has_value());
    EXPECT_EQ(rl->limit, 60);
    EXPECT_EQ(rl->remaining, 59);
    EXPECT_EQ(rl->reset, 1700000060);
}

TEST(Validation, BadInputNeverReachesTheNetwork) {
    auto h = yvtest::make([](const yvtest::Seen &, int) { return ok_data("{}"); });
    auto invalid = [&](const std::function<void()> &f) {
        EXPECT_EQ(code_of(f), Status::INVALID_ARGUMENT);
    };
    invalid([&] { h.client->create_account("", "business"); });
    invalid([&] { h.client->add_asset("acc", "", "USDC_SOL"); });
    invalid([&] { h.client->check_balance(""); });
    invalid([&] { h.client->get_api_key(""); });
    invalid([&] { h.client->list_transactions({1, 101, "", "", ""}); });
    invalid([&] { h.client->list_transactions({0, {}, "", "", ""}); });
    invalid([&] { h.client->gas_price("solana", "warp"); });
    invalid([&] { h.client->gas_price("solana", "low", {}, {}, {}, "[1]"); });
    invalid([&] { h.client->gas_price("solana", "low", "12.5.0"); });
    invalid([&] { h.client->gas_price("solana", "low", "-1"); });
    invalid([&] { h.client->create_webhook("ftp://x", {"a"}, ""); });
    invalid([&] { h.client->create_webhook("https://x", {}, ""); });
    yativo::CallOptions bad_key;
    bad_key.idempotency_key = "has space";
    invalid([&] { h.client->create_account("a", "b", bad_key); });
    EXPECT_TRUE(h.transport->seen().empty());
}

TEST(Requests, GasPriceKeepsExtraFieldsExact) {
    auto h =
        yvtest::make(yvtest::with_tokens([](const yvtest::Seen &, int) { return ok_data("{}"); }));
    h.client->gas_price("ethereum", "fast", {}, {}, {},
                        R"({"amount":0.000000000000000001,"to":"0xabc"})");
    EXPECT_EQ(
        h.transport->seen().back().body,
        R"({"chainType":"ethereum","priority":"high","amount":0.000000000000000001,"to":"0xabc"})");
}

// Found in review: a definitive answer to a later attempt must not hide that an earlier attempt
// may have been processed.
TEST(Retry, EarlierAttemptKeepsTheOutcomeUnknown) {
    auto count = std::make_shared<int>(0);
    auto h = yvtest::make(yvtest::with_tokens([count](const yvtest::Seen &, int) {
        if ((*count)++ == 0) return fail(FailureKind::Timeout, true);
        return respond(429, R"({"error":"rate_limited"})", {{"Retry-After", "120"}});
    }));
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { h.client->send_funds(a_send()); }, &e), Status::RATE_LIMITED);
    EXPECT_TRUE(e.outcome_unknown);
    EXPECT_FALSE(e.idempotency_key.empty());
}

TEST(Retry, AnyServerErrorLeavesAWriteUnknown) {
    auto h = yvtest::make(first_n(100, [] { return respond(524, "{}"); }));
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { h.client->create_account("Main", "business"); }, &e), Status::SERVER);
    EXPECT_TRUE(e.outcome_unknown);
    EXPECT_EQ(h.transport->count("/create-account"), 1);
}

TEST(Retry, RetryAfterOutOfRangeIsClamped) {
    auto neg = yvtest::make(first_n(1, [] { return respond(503, R"({"retry_after":-5})"); }));
    EXPECT_NO_THROW(neg.client->list_accounts());
    EXPECT_LE(neg.clock->slept_ms(), 250);  // a negative value is ignored: plain backoff
    auto huge = yvtest::make(first_n(1, [] {
        return respond(503, "{}", {{"Retry-After", "99999999999999999"}});
    }));
    EXPECT_EQ(code_of([&] { huge.client->list_accounts(); }), Status::SERVER);
    EXPECT_EQ(huge.clock->slept_ms(), 0);
    auto body = yvtest::make(first_n(1, [] { return respond(429, R"({"retry_after":1e300})"); }));
    EXPECT_EQ(code_of([&] { body.client->list_accounts(); }), Status::RATE_LIMITED);
}

// libcurl's own re-send on a dead reused connection is a send (SPEC §4): it is allowed only while
// a retry is left, and it spends that retry.
TEST(Retry, LibcurlResendIsAllowedOnlyWhileARetryIsLeft) {
    auto none = yativo::ClientOptions(yvtest::base_options());
    none.max_retries = 0;
    auto h = yvtest::make(first_n(0, [] { return respond(200, "{}"); }), none);
    h.client->list_accounts();
    h.client->send_funds(a_send());
    for (const auto &s : h.transport->seen())
        if (!ends_with(s.url, "/auth/token")) {
            EXPECT_EQ(s.max_sends, 1) << s.url;
        }

    auto d = yvtest::make(first_n(1, [] { return fail(FailureKind::Network, true); }));
    d.client->list_accounts();
    auto seen = d.transport->seen();
    ASSERT_EQ(seen.size(), 3u);  // the exchange, the failed attempt, the retry
    EXPECT_EQ(seen[1].max_sends, 2);
    EXPECT_EQ(seen[2].max_sends, 2);
    // A keyless write may never be re-sent by libcurl, whatever retries are left.
    d.client->create_account("Main", "business");
    EXPECT_FALSE(d.transport->seen().back().may_resend);
}

TEST(Retry, LibcurlResendSpendsARetry) {
    auto one = yativo::ClientOptions(yvtest::base_options());
    one.max_retries = 1;
    auto resent_then_failed = [] {
        auto r = fail(FailureKind::Network, true);
        r.sends = 2;  // libcurl re-sent once on a fresh connection, which failed too
        return r;
    };
    auto h = yvtest::make(first_n(1, resent_then_failed), one);
    EXPECT_EQ(code_of([&] { h.client->list_accounts(); }), Status::NETWORK);
    EXPECT_EQ(h.transport->count("/get-accounts"), 1);  // the one retry was libcurl's
    // The control: the same failure without libcurl's re-send is retried.
    auto c = yvtest::make(first_n(1, [] { return fail(FailureKind::Network, true); }), one);
    EXPECT_NO_THROW(c.client->list_accounts());
    EXPECT_EQ(c.transport->count("/get-accounts"), 2);
}

// A 2xx whose body says the call failed is the server's refusal: a write it refused did not
// happen, so its outcome is known.
TEST(Retry, StatusFalseOnAWriteIsARefusal) {
    auto h = yvtest::make(first_n(
        100, [] { return respond(200, R"({"status":false,"message":"Insufficient balance"})"); }));
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { h.client->send_funds(a_send()); }, &e), Status::VALIDATION);
    EXPECT_FALSE(e.outcome_unknown);
    EXPECT_FALSE(e.idempotency_key.empty());
    EXPECT_EQ(h.transport->count("/send-funds"), 1);
    // An unreadable 2xx on a write says nothing of the kind.
    auto g = yvtest::make(first_n(100, [] { return respond(200, "<html>"); }));
    EXPECT_EQ(code_of([&] { g.client->send_funds(a_send()); }, &e), Status::PROTOCOL);
    EXPECT_TRUE(e.outcome_unknown);
}

// Calls that move value carry a key through request() too (SPEC §4): generated, the same on every
// retry, in the payload and on the error.
TEST(Retry, RequestToAValueMovingPathIsKeyed) {
    auto h = yvtest::make(first_n(1, [] { return fail(FailureKind::Network, true); }));
    auto payload = h.client->request("POST", "/swap/execute", R"({"quote_id":"q1"})");
    auto seen = h.transport->seen();
    ASSERT_EQ(seen.size(), 3u);
    EXPECT_FALSE(seen[1].idempotency_key.empty());
    EXPECT_EQ(seen[1].idempotency_key, seen[2].idempotency_key);
    EXPECT_EQ(payload.get_string("idempotency_key"), seen[1].idempotency_key);
    for (const char *path :
         {"/transactions/send-funds", "/transactions/send-funds/", "/yativo-card/fund",
          "/card-issuer/fund-customer", "/card-issuer/deposits/dep_1/fund",
          "/yativo-card/c1/cards/physical/order/o1/payment"}) {
        auto w = yvtest::make(first_n(100, [] { return fail(FailureKind::Network, true); }));
        yativo::Error e(Status::OK, "");
        code_of([&] { w.client->request("POST", path, "{}"); }, &e);
        EXPECT_FALSE(e.idempotency_key.empty()) << path;
        EXPECT_GT(w.transport->count("/auth/token"), 0);
        EXPECT_FALSE(w.transport->seen().back().idempotency_key.empty()) << path;
    }
    // Not value-moving: no key is invented.
    for (const char *path : {"/card-issuer/deposits//fund", "/swap/execute/extra", "/swap/quote"}) {
        auto w = yvtest::make(first_n(0, [] { return respond(200, "{}"); }));
        w.client->request("POST", path, "{}");
        EXPECT_TRUE(w.transport->seen().back().idempotency_key.empty()) << path;
    }
    // A 303 from a gateway after a processed POST may have come after processing.
    auto r = yvtest::make(first_n(100, [] { return respond(303, ""); }));
    yativo::Error redirected(Status::OK, "");
    EXPECT_EQ(code_of([&] { r.client->request("POST", "/customers/create-customer", "{}"); },
                      &redirected),
              Status::PROTOCOL);
    EXPECT_TRUE(redirected.outcome_unknown);
    // The caller's own key is used as given.
    auto k = yvtest::make(first_n(0, [] { return respond(200, "{}"); }));
    yativo::CallOptions keyed;
    keyed.idempotency_key = "mine-1";
    k.client->request("POST", "/swap/execute", "{}", keyed);
    EXPECT_EQ(k.transport->seen().back().idempotency_key, "mine-1");
}

// Cancelled while waiting to retry, after an attempt that may have reached the server: the
// error still carries the key and says the outcome is unknown (it once threw a bare CANCELLED).
TEST(Retry, CancelDuringTheRetryWaitKeepsTheKeyAndTheUnknownOutcome) {
    auto cancel = std::make_shared<yativo::CancelToken>();
    auto h = yvtest::make(first_n(1, [cancel] {
        cancel->cancel();  // the wait before the retry sees it
        return fail(FailureKind::Network, true);
    }));
    yativo::CallOptions call;
    call.cancel = cancel;
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { h.client->send_funds(a_send(), call); }, &e), Status::CANCELLED);
    EXPECT_EQ(h.transport->count("/transactions/send-funds"), 1);
    EXPECT_FALSE(e.idempotency_key.empty());
    EXPECT_EQ(e.idempotency_key, h.transport->seen().back().idempotency_key);
    EXPECT_TRUE(e.outcome_unknown);
    EXPECT_TRUE(e.retryable);
}

// Key management through request(): every /apikey/ write but the token exchange sends the TOTP
// source's code up front, described in api/endpoints.toml or not; reads never do.
TEST(Retry, GenericKeyManagementWritesSendTwoFactor) {
    auto o = yvtest::base_options();
    o.totp_secret = yativo::Secret("JBSWY3DPEHPK3PXP");
    auto h = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &, int) {
                              return ok_data(R"({"id":"key_1","api_key":"yativo_x"})");
                          }),
                          o);
    h.client->request("POST", "/apikey/key_1/activate", "{}");
    h.client->request("PATCH", "apikey/key_1", "{}");
    h.client->request("DELETE", "/apikey/key_1", "");
    h.client->request("GET", "/apikey/key_1/usage", "");
    h.client->request("POST", "/accounts/create-account", "{}");
    std::vector<std::pair<std::string, bool>> sent;
    for (const auto &s : h.transport->seen())
        if (s.url.find("/apikey/token") == std::string::npos &&
            s.url.find("/auth/token") == std::string::npos)
            sent.emplace_back(s.method, !s.two_factor.empty());
    std::vector<std::pair<std::string, bool>> want = {
        {"POST", true}, {"PATCH", true}, {"DELETE", true}, {"GET", false}, {"POST", false}};
    EXPECT_EQ(sent, want);
}

// A described write without body parameters sends no body (rotate, revoke), as before.
TEST(Retry, WritesWithoutBodyParametersSendNoBody) {
    auto o = yvtest::base_options();
    o.totp_secret = yativo::Secret("JBSWY3DPEHPK3PXP");
    auto h = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &s, int) {
                              if (ends_with(s.url, "/get-user-assets")) return ok_data("[]");
                              return ok_data(R"({"id":"key_1","api_key":"yativo_x"})");
                          }),
                          o);
    h.client->rotate_api_key("key_1");
    h.client->revoke_api_key("key_1");
    h.client->list_assets();  // a POST whose parameters are all unset: {}
    std::vector<std::string> bodies;
    for (const auto &s : h.transport->seen())
        if (s.url.find("token") == std::string::npos) bodies.push_back(s.body);
    EXPECT_EQ(bodies, (std::vector<std::string>{"", "", "{}"}));
}

// The route table reads a path as a server would: without a leading slash, with repeated or
// trailing slashes, with a query string, a value-moving path still moves value.
TEST(Retry, MovesValueReadsThePathAsTheServerWould) {
    for (const char *path :
         {"/transactions/send-funds", "transactions/send-funds", "/transactions//send-funds",
          "//transactions/send-funds/", "/transactions/send-funds?x=1",
          "/card-issuer/deposits/dep_1/fund", "/yativo-card/c1/cards/physical/order/o1/payment"})
        EXPECT_TRUE(yativo::moves_value("POST", path)) << path;
    EXPECT_TRUE(yativo::moves_value("post", "/swap/execute"));
    for (const char *path : {"/transactions/send-funds-x", "/transactions",
                             "/card-issuer/deposits//fund", "/swap/execute/more"})
        EXPECT_FALSE(yativo::moves_value("POST", path)) << path;
    EXPECT_FALSE(yativo::moves_value("GET", "/transactions/send-funds"));
}
