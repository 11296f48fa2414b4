// The retry classifier on its own: attempt results in, decisions out; no transport, no clock.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "decode.hpp"
#include "fakes.hpp"
#include "retry_policy.hpp"

using namespace std::chrono_literals;
using yativo::Error;
using yativo::Status;
using yativo::detail::Attempt;
using yativo::detail::CallPolicy;
using yativo::detail::classify_attempt;
using yativo::detail::FailureKind;
using yativo::detail::HttpResult;
using yativo::detail::RetryAction;
using yativo::detail::RetryDecision;
using yativo::detail::RetryState;

namespace {

CallPolicy a_get() {
    CallPolicy p;
    p.method = "GET";
    p.path = "/accounts";
    p.max_retries = 3;
    return p;
}

CallPolicy a_keyless_write() {
    CallPolicy p = a_get();
    p.method = "POST";
    p.path = "/accounts/create-account";
    p.write = true;
    return p;
}

CallPolicy a_keyed_write() {
    CallPolicy p = a_keyless_write();
    p.method = "POST";
    p.path = "/transactions/send-funds";
    p.idempotency_key = "key-1";
    return p;
}

RetryState after_retries(int retries) {
    RetryState s;
    s.retries = retries;
    return s;
}

// One attempt's result with the answer decoded as run() decodes it, and enough time left.
struct Given {
    HttpResult result;
    std::optional<Error> answer;
    Attempt attempt;

    explicit Given(HttpResult r, std::chrono::nanoseconds remaining = 60s) : result(std::move(r)) {
        if (result.failure == FailureKind::None && (result.status < 200 || result.status > 299))
            answer = yativo::detail::decode_error(result);
        attempt.result = &result;
        attempt.answer = answer ? &*answer : nullptr;
        attempt.backoff = 123ms;
        attempt.remaining = remaining;
    }
    Given &cached_token(std::uint64_t generation) {
        attempt.used_cached_token = true;
        attempt.token_generation = generation;
        return *this;
    }
    Given &session(std::uint64_t generation) {
        attempt.used_session = true;
        attempt.session_generation = generation;
        return *this;
    }
    RetryDecision decide(const CallPolicy &policy, const RetryState &state = {}) const {
        return classify_attempt(policy, state, attempt);
    }
};

HttpResult unauthorized(const std::string &code) {
    return yvtest::respond(401, R"({"error":")" + code + R"(","message":"no"})");
}

const char *name_of(RetryAction a) {
    switch (a) {
        case RetryAction::Accept:
            return "Accept";
        case RetryAction::Retry:
            return "Retry";
        case RetryAction::Reexchange:
            return "Reexchange";
        case RetryAction::RefreshSession:
            return "RefreshSession";
        case RetryAction::StartTwoFactor:
            return "StartTwoFactor";
        case RetryAction::NextTotpStep:
            return "NextTotpStep";
        case RetryAction::Fail:
            return "Fail";
    }
    return "?";
}

}  // namespace

// Transport failures: who may be sent again, and what the error says when not.
TEST(RetryPolicy, TransportFailureTable) {
    struct Row {
        const char *what;
        CallPolicy policy;
        FailureKind kind;
        bool sent;
        int retries;
        RetryAction action;
        Status code;  // when Fail
        bool outcome_unknown, retryable;
        const char *idempotency_key;
    };
    const std::vector<Row> rows = {
        {"GET, connection dropped after sending", a_get(), FailureKind::Network, true, 0,
         RetryAction::Retry, Status::OK, false, false, ""},
        {"GET, timeout", a_get(), FailureKind::Timeout, true, 2, RetryAction::Retry, Status::OK,
         false, false, ""},
        {"keyless write, refused before sending", a_keyless_write(), FailureKind::Network, false, 0,
         RetryAction::Retry, Status::OK, false, false, ""},
        {"keyless write, dropped after sending", a_keyless_write(), FailureKind::Network, true, 0,
         RetryAction::Fail, Status::NETWORK, true, false, ""},
        {"keyless write, timeout after sending", a_keyless_write(), FailureKind::Timeout, true, 0,
         RetryAction::Fail, Status::TIMEOUT, true, false, ""},
        {"keyed write, dropped after sending", a_keyed_write(), FailureKind::Network, true, 0,
         RetryAction::Retry, Status::OK, false, false, ""},
        {"keyed write, no retry left", a_keyed_write(), FailureKind::Timeout, true, 3,
         RetryAction::Fail, Status::TIMEOUT, true, true, "key-1"},
        {"GET, no retry left", a_get(), FailureKind::Network, true, 3, RetryAction::Fail,
         Status::NETWORK, false, true, ""},
        {"keyless write refused before sending, no retry left", a_keyless_write(),
         FailureKind::Network, false, 3, RetryAction::Fail, Status::NETWORK, false, true, ""},
        {"TLS failure is never transient", a_get(), FailureKind::Tls, false, 0, RetryAction::Fail,
         Status::TLS, false, false, ""},
        {"keyed write, TLS failure after sending", a_keyed_write(), FailureKind::Tls, true, 0,
         RetryAction::Fail, Status::TLS, true, true, "key-1"},
    };
    for (const Row &row : rows) {
        SCOPED_TRACE(row.what);
        RetryDecision d =
            Given(yvtest::fail(row.kind, row.sent)).decide(row.policy, after_retries(row.retries));
        ASSERT_EQ(name_of(d.action), std::string(name_of(row.action)));
        if (row.action == RetryAction::Retry) {
            EXPECT_EQ(d.wait, 123ms);
            EXPECT_EQ(d.next.retries, row.retries + 1);
            EXPECT_FALSE(d.error);
            continue;
        }
        ASSERT_TRUE(d.error);
        EXPECT_EQ(d.error->code(), row.code);
        EXPECT_EQ(d.error->outcome_unknown, row.outcome_unknown);
        EXPECT_EQ(d.error->retryable, row.retryable);
        EXPECT_EQ(d.error->idempotency_key, row.idempotency_key);
        EXPECT_EQ(d.next.retries, row.retries);
        EXPECT_NE(d.error->message().find(row.policy.label() + ": scripted failure"),
                  std::string::npos);
    }
}

TEST(RetryPolicy, KeylessWriteSaysWhyItIsNotResent) {
    HttpResult r = yvtest::fail(FailureKind::Network, true);
    r.reused_connection = true;
    RetryDecision d = Given(std::move(r)).decide(a_keyless_write());
    ASSERT_EQ(d.action, RetryAction::Fail);
    ASSERT_EQ(d.notes.size(), 1u);
    EXPECT_NE(d.notes[0].find("on a reused connection; not re-sent, a write without an "
                              "idempotency key"),
              std::string::npos);
    EXPECT_TRUE(d.next.maybe_sent);
}

TEST(RetryPolicy, KeyedWriteKeepsItsKeyAcrossRetries) {
    CallPolicy p = a_keyed_write();
    RetryState s;
    RetryDecision first = Given(yvtest::fail(FailureKind::Network, true)).decide(p, s);
    ASSERT_EQ(first.action, RetryAction::Retry);
    // The first attempt may have been processed: every later error says so, with the key.
    EXPECT_TRUE(first.next.maybe_sent);
    EXPECT_TRUE(first.next.earlier_maybe_sent);
    RetryDecision second =
        Given(yvtest::respond(409, R"({"error":"idempotency_conflict","message":"in use"})"))
            .decide(p, first.next);
    ASSERT_EQ(second.action, RetryAction::Fail);
    EXPECT_EQ(second.error->code(), Status::CONFLICT);
    EXPECT_EQ(second.error->idempotency_key, "key-1");
    EXPECT_TRUE(second.error->outcome_unknown);
    EXPECT_TRUE(second.error->retryable);
}

TEST(RetryPolicy, ServerErrorsAreRetriedOnlyForSafeCalls) {
    HttpResult unavailable = yvtest::respond(503, R"({"error":"unavailable"})");
    RetryDecision get = Given(unavailable).decide(a_get());
    EXPECT_EQ(get.action, RetryAction::Retry);
    EXPECT_EQ(get.wait, 123ms);
    RetryDecision keyed = Given(unavailable).decide(a_keyed_write());
    EXPECT_EQ(keyed.action, RetryAction::Retry);
    EXPECT_TRUE(keyed.next.maybe_sent);

    RetryDecision keyless = Given(unavailable).decide(a_keyless_write());
    ASSERT_EQ(keyless.action, RetryAction::Fail);
    EXPECT_EQ(keyless.error->code(), Status::SERVER);
    EXPECT_EQ(keyless.error->http_status, 503);
    EXPECT_TRUE(keyless.error->outcome_unknown);
    EXPECT_FALSE(keyless.error->retryable);

    // 501 answers the same again: not retried, even for a read.
    RetryDecision not_implemented =
        Given(yvtest::respond(501, R"({"error":"nope"})")).decide(a_get());
    ASSERT_EQ(not_implemented.action, RetryAction::Fail);
    EXPECT_EQ(not_implemented.error->code(), Status::SERVER);
    EXPECT_FALSE(not_implemented.error->outcome_unknown);
}

TEST(RetryPolicy, RetryAfterIsHonouredWithinTheDeadline) {
    struct Row {
        const char *what;
        long status;
        CallPolicy policy;
        std::chrono::nanoseconds remaining;
        RetryAction action;
        std::chrono::milliseconds wait;  // when Retry
        Status code;                     // when Fail
    };
    const std::vector<Row> rows = {
        {"429 GET, time left", 429, a_get(), 10s, RetryAction::Retry, 2000ms, Status::OK},
        {"429 keyless write, time left", 429, a_keyless_write(), 10s, RetryAction::Retry, 2000ms,
         Status::OK},
        {"429, wait would pass the deadline", 429, a_get(), 1500ms, RetryAction::Fail, 0ms,
         Status::RATE_LIMITED},
        {"429, wait would end at the deadline", 429, a_get(), 2000ms, RetryAction::Fail, 0ms,
         Status::RATE_LIMITED},
        {"429, wait ends just before the deadline", 429, a_get(), 2000ms + 1ns, RetryAction::Retry,
         2000ms, Status::OK},
        {"503 GET, time left", 503, a_get(), 10s, RetryAction::Retry, 2000ms, Status::OK},
        {"503 GET, wait would pass the deadline", 503, a_get(), 1s, RetryAction::Fail, 0ms,
         Status::SERVER},
    };
    for (const Row &row : rows) {
        SCOPED_TRACE(row.what);
        HttpResult r =
            yvtest::respond(row.status, R"({"error":"slow_down"})", {{"Retry-After", "2"}});
        RetryDecision d = Given(std::move(r), row.remaining).decide(row.policy);
        ASSERT_EQ(name_of(d.action), std::string(name_of(row.action)));
        if (row.action == RetryAction::Retry) {
            EXPECT_EQ(d.wait, row.wait);
            EXPECT_EQ(d.next.retries, 1);
        } else {
            EXPECT_EQ(d.error->code(), row.code);
            ASSERT_TRUE(d.error->retry_after_s);
            EXPECT_DOUBLE_EQ(*d.error->retry_after_s, 2.0);
            EXPECT_EQ(d.next.retries, 0);
        }
    }
}

TEST(RetryPolicy, RateLimitWithoutRetryAfterBacksOffAndTellsWhy) {
    RetryDecision d = Given(yvtest::respond(429, R"({"error":"slow_down"})")).decide(a_get());
    ASSERT_EQ(d.action, RetryAction::Retry);
    EXPECT_EQ(d.wait, 123ms);
    ASSERT_EQ(d.notes.size(), 1u);
    EXPECT_EQ(d.notes[0], "GET /accounts: 429; waiting 123 ms");

    RetryDecision late =
        Given(yvtest::respond(429, R"({"error":"slow_down"})"), 100ms).decide(a_get());
    ASSERT_EQ(late.action, RetryAction::Fail);
    ASSERT_EQ(late.notes.size(), 2u);
    EXPECT_EQ(late.notes[1], "GET /accounts: 429 wait would pass the deadline");
}

TEST(RetryPolicy, HugeRetryAfterIsCappedAndThenRefusedByTheDeadline) {
    HttpResult r = yvtest::respond(429, "{}", {{"Retry-After", "99999999999"}});
    RetryDecision d = Given(r, std::chrono::hours(48)).decide(a_get());
    ASSERT_EQ(d.action, RetryAction::Retry);
    EXPECT_EQ(d.wait, std::chrono::milliseconds(yativo::detail::kMaxRetryAfterSeconds * 1000));
    RetryDecision refused = Given(r, std::chrono::hours(24)).decide(a_get());
    ASSERT_EQ(refused.action, RetryAction::Fail);
    EXPECT_EQ(refused.error->code(), Status::RATE_LIMITED);
}

TEST(RetryPolicy, NoRetriesLeftFails) {
    CallPolicy none = a_get();
    none.max_retries = 0;
    for (long status : {429L, 500L, 502L, 503L, 504L, 408L}) {
        SCOPED_TRACE(status);
        RetryDecision d = Given(yvtest::respond(status, "{}")).decide(none);
        ASSERT_EQ(d.action, RetryAction::Fail);
        EXPECT_EQ(d.error->http_status, status);
        EXPECT_TRUE(d.error->retryable);  // a later identical call may succeed
        EXPECT_TRUE(d.notes.empty());     // no retry was considered
    }
    RetryDecision d = Given(yvtest::fail(FailureKind::Network, false)).decide(none);
    ASSERT_EQ(d.action, RetryAction::Fail);
    EXPECT_EQ(d.error->code(), Status::NETWORK);
}

TEST(RetryPolicy, Unauthorized401WithACachedTokenReexchangesOnce) {
    Given given(unauthorized("token_expired"));
    given.cached_token(7);
    RetryDecision first = given.decide(a_get());
    ASSERT_EQ(first.action, RetryAction::Reexchange);
    EXPECT_EQ(first.token_generation, 7u);
    EXPECT_TRUE(first.next.reauthed);
    EXPECT_EQ(first.next.retries, 0);  // a new token spends no retry

    RetryDecision second = given.decide(a_get(), first.next);
    ASSERT_EQ(second.action, RetryAction::Fail);
    EXPECT_EQ(second.error->code(), Status::AUTHENTICATION);
    EXPECT_EQ(second.error->http_status, 401);

    // Without a cached token (header or bearer auth) there is nothing to exchange again.
    RetryDecision uncached = Given(unauthorized("token_expired")).decide(a_get());
    ASSERT_EQ(uncached.action, RetryAction::Fail);
    EXPECT_EQ(uncached.error->code(), Status::AUTHENTICATION);
}

// A 401 to a signed-in session's access token refreshes that session once, for a write too (the
// server did nothing: the same request, key and all, is sent again); a second 401 is the answer.
TEST(RetryPolicy, Unauthorized401WithASessionRefreshesItOnce) {
    for (const CallPolicy &policy : {a_get(), a_keyless_write(), a_keyed_write()}) {
        Given given(unauthorized("token_expired"));
        given.session(4);
        RetryDecision first = given.decide(policy);
        ASSERT_EQ(first.action, RetryAction::RefreshSession) << policy.label();
        EXPECT_EQ(first.session_generation, 4u);
        EXPECT_TRUE(first.next.reauthed);
        EXPECT_EQ(first.next.retries, 0);
        EXPECT_FALSE(first.next.maybe_sent);

        RetryDecision second = given.decide(policy, first.next);
        ASSERT_EQ(second.action, RetryAction::Fail);
        EXPECT_EQ(second.error->code(), Status::AUTHENTICATION);
        EXPECT_EQ(second.error->http_status, 401);
        EXPECT_FALSE(second.error->outcome_unknown);
    }
    // A 2FA answer is not a session problem.
    CallPolicy two_factor = a_keyed_write();
    two_factor.totp_source = true;
    two_factor.two_factor_on_demand = true;
    Given required(unauthorized("two_factor_required"));
    required.session(4);
    EXPECT_EQ(required.decide(two_factor).action, RetryAction::StartTwoFactor);
}

TEST(RetryPolicy, TwoFactorStepsProgressAsRunDoes) {
    CallPolicy on_demand = a_keyed_write();
    on_demand.totp_source = true;
    on_demand.two_factor_on_demand = true;

    // The server asks for a code: send one, spending no retry and no step.
    Given required(unauthorized("two_factor_required"));
    required.cached_token(3);  // a 2FA answer is not a token problem
    RetryDecision start = required.decide(on_demand);
    ASSERT_EQ(start.action, RetryAction::StartTwoFactor);
    EXPECT_TRUE(start.next.needs_2fa);
    EXPECT_FALSE(start.next.second_step);
    EXPECT_FALSE(start.next.reauthed);

    // The code is refused (another process used the step): once more with the next step.
    Given invalid(unauthorized("two_factor_invalid"));
    RetryDecision next = invalid.decide(on_demand, start.next);
    ASSERT_EQ(next.action, RetryAction::NextTotpStep);
    EXPECT_TRUE(next.next.second_step);
    EXPECT_EQ(next.next.retries, 0);

    // Refused again: TWO_FACTOR_REQUIRED with the server's fields.
    RetryDecision done = invalid.decide(on_demand, next.next);
    ASSERT_EQ(done.action, RetryAction::Fail);
    EXPECT_EQ(done.error->code(), Status::TWO_FACTOR_REQUIRED);
    EXPECT_EQ(done.error->http_status, 401);
    EXPECT_EQ(done.error->error_code, "two_factor_invalid");
    EXPECT_EQ(done.error->idempotency_key, "key-1");
    EXPECT_FALSE(done.error->outcome_unknown);  // the server refused before acting

    // A caller's explicit code is never swapped for one of the TOTP source.
    CallPolicy with_code = on_demand;
    with_code.caller_code = true;
    RetryState sending_code;
    sending_code.needs_2fa = true;
    RetryDecision explicit_code = invalid.decide(with_code, sending_code);
    ASSERT_EQ(explicit_code.action, RetryAction::Fail);
    EXPECT_EQ(explicit_code.error->code(), Status::TWO_FACTOR_REQUIRED);

    // Without a TOTP source there is no code to send.
    CallPolicy no_source = on_demand;
    no_source.totp_source = false;
    RetryDecision sourceless = required.decide(no_source);
    ASSERT_EQ(sourceless.action, RetryAction::Fail);
    EXPECT_EQ(sourceless.error->code(), Status::TWO_FACTOR_REQUIRED);

    // A call that always sends 2FA goes straight to the next step on two_factor_required too.
    CallPolicy always = on_demand;
    always.two_factor_on_demand = false;
    RetryDecision always_next = required.decide(always, sending_code);
    EXPECT_EQ(always_next.action, RetryAction::NextTotpStep);
}

TEST(RetryPolicy, SuccessIsAcceptedAndMarksAWriteAsPossiblyProcessed) {
    RetryDecision write = Given(yvtest::ok_data("{}")).decide(a_keyless_write());
    ASSERT_EQ(write.action, RetryAction::Accept);
    EXPECT_TRUE(write.next.maybe_sent);
    EXPECT_FALSE(write.next.earlier_maybe_sent);  // a body saying "failed" is definitive
    RetryDecision read = Given(yvtest::ok_data("{}")).decide(a_get());
    ASSERT_EQ(read.action, RetryAction::Accept);
    EXPECT_FALSE(read.next.maybe_sent);
}

TEST(RetryPolicy, SettledErrorsTellWhetherAWriteMayHaveActed) {
    using yativo::detail::settle_error;
    auto http = [](int status, Status code) {
        Error e(code, "x");
        e.http_status = status;
        return e;
    };
    RetryState sent;
    sent.maybe_sent = true;
    // A definitive refusal of this attempt: nothing happened.
    Error refused = settle_error(http(422, Status::VALIDATION), a_keyed_write(), sent);
    EXPECT_FALSE(refused.outcome_unknown);
    EXPECT_EQ(refused.idempotency_key, "key-1");
    // ...unless an earlier attempt may have acted.
    RetryState earlier = sent;
    earlier.earlier_maybe_sent = true;
    Error later = settle_error(http(429, Status::RATE_LIMITED), a_keyed_write(), earlier);
    EXPECT_TRUE(later.outcome_unknown);
    EXPECT_TRUE(later.retryable);
    // A 2xx that cannot be read says nothing about what happened.
    Error unreadable = settle_error(http(200, Status::PROTOCOL), a_keyless_write(), sent);
    EXPECT_TRUE(unreadable.outcome_unknown);
    EXPECT_FALSE(unreadable.retryable);
    // Reads never have an unknown outcome.
    EXPECT_FALSE(settle_error(http(503, Status::SERVER), a_get(), earlier).outcome_unknown);
}

TEST(RetryPolicy, LibcurlMayResendOnlyWhileARetryIsLeft) {
    using yativo::detail::sends_allowed;
    EXPECT_EQ(sends_allowed(a_keyed_write(), after_retries(2)), 2);
    EXPECT_EQ(sends_allowed(a_keyed_write(), after_retries(3)), 1);
    CallPolicy none = a_get();
    none.max_retries = 0;
    EXPECT_EQ(sends_allowed(none, {}), 1);
}

TEST(RetryPolicy, BackoffCeilingDoublesUpToTheCap) {
    using yativo::detail::backoff_ceiling;
    EXPECT_EQ(backoff_ceiling(0, 250ms, 8000ms), 250ms);
    EXPECT_EQ(backoff_ceiling(1, 250ms, 8000ms), 500ms);
    EXPECT_EQ(backoff_ceiling(5, 250ms, 8000ms), 8000ms);
    EXPECT_EQ(backoff_ceiling(60, 250ms, 8000ms), 8000ms);  // no overflow
    EXPECT_EQ(backoff_ceiling(2, 250ms, 600ms), 600ms);
}
