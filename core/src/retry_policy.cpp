#include "retry_policy.hpp"

#include <algorithm>
#include <utility>

#include "decode.hpp"

namespace yativo::detail {

namespace {

using std::chrono::milliseconds;

RetryDecision retry_after(milliseconds wait, RetryState next) {
    RetryDecision d;
    d.action = RetryAction::Retry;
    d.wait = wait;
    ++next.retries;
    next.earlier_maybe_sent = next.maybe_sent;
    d.next = next;
    return d;
}

// Sends again at once, spending no retry (a new token, a 2FA step).
RetryDecision again(RetryAction action, RetryState next) {
    RetryDecision d;
    d.action = action;
    next.earlier_maybe_sent = next.maybe_sent;
    d.next = next;
    return d;
}

RetryDecision fail(Error err, const CallPolicy &policy, const RetryState &next) {
    RetryDecision d;
    d.action = RetryAction::Fail;
    d.error = settle_error(std::move(err), policy, next);
    d.next = next;
    return d;
}

RetryDecision classify_failure(const CallPolicy &policy, const RetryState &state,
                               const Attempt &attempt) {
    const HttpResult &result = *attempt.result;
    RetryState next = state;
    if (policy.write && result.request_sent) next.maybe_sent = true;
    Status st = status_of(result.failure);
    Error err(st, policy.label() + ": " + result.failure_message);
    bool transient = st == Status::NETWORK || st == Status::TIMEOUT;
    std::vector<std::string> notes;
    // Nothing reached the server, or repeating it can do no harm.
    if (transient && (!result.request_sent || policy.safe()) &&
        state.retries < policy.max_retries) {
        milliseconds wait = attempt.backoff;
        notes.push_back(policy.label() + ": " + status_name(st) +
                        (result.request_sent ? " after the request was sent" : " before sending") +
                        "; retry " + std::to_string(state.retries + 1) + " of " +
                        std::to_string(policy.max_retries) + " in " + std::to_string(wait.count()) +
                        " ms");
        if (wait < attempt.remaining) {
            RetryDecision d = retry_after(wait, next);
            d.notes = std::move(notes);
            return d;
        }
    }
    if (transient && result.request_sent && policy.write && !policy.safe())
        notes.push_back(policy.label() + ": " + status_name(st) + " (" + result.failure_message +
                        ")" + (result.reused_connection ? " on a reused connection" : "") +
                        "; not re-sent, a write without an idempotency key");
    err.retryable = transient;
    RetryDecision d = fail(std::move(err), policy, next);
    d.notes = std::move(notes);
    return d;
}

RetryDecision classify_unauthorized(const CallPolicy &policy, const RetryState &state,
                                    const Attempt &attempt) {
    const Error &err = *attempt.answer;
    RetryState next = state;
    bool two_factor =
        err.error_code == "two_factor_required" || err.error_code == "two_factor_invalid";
    if (two_factor) {
        if (!state.needs_2fa && policy.two_factor_on_demand && policy.totp_source &&
            err.error_code == "two_factor_required") {
            next.needs_2fa = true;
            RetryDecision d = again(RetryAction::StartTwoFactor, next);
            d.notes.push_back(policy.label() + ": two_factor_required; retrying with a TOTP code");
            return d;
        }
        // A caller's explicit code is never swapped for one of the TOTP source.
        if (state.needs_2fa && policy.totp_source && !policy.caller_code && !state.second_step) {
            next.second_step = true;
            RetryDecision d = again(RetryAction::NextTotpStep, next);
            d.notes.push_back(policy.label() + ": " + err.error_code +
                              "; retrying once with the next TOTP step");
            return d;
        }
        Error tf(Status::TWO_FACTOR_REQUIRED, err.message());
        tf.http_status = err.http_status;
        tf.error_code = err.error_code;
        tf.details_json = err.details_json;
        tf.request_id = err.request_id;
        return fail(std::move(tf), policy, next);
    }
    // Any other 401 on a request made with a signed-in session's access token: it may have
    // expired; the server did nothing, so even a write is sent again (with its own key).
    if (attempt.used_session && !state.reauthed) {
        next.reauthed = true;
        RetryDecision d = again(RetryAction::RefreshSession, next);
        d.session_generation = attempt.session_generation;
        d.notes.push_back(policy.label() +
                          ": 401 with the session's access token; refreshing the session and "
                          "retrying once");
        return d;
    }
    // Any other 401 on a request made with a cached token: the token may be stale.
    if (attempt.used_cached_token && !state.reauthed) {
        next.reauthed = true;
        RetryDecision d = again(RetryAction::Reexchange, next);
        d.token_generation = attempt.token_generation;
        d.notes.push_back(policy.label() +
                          ": 401 with a cached token; exchanging again and retrying once");
        return d;
    }
    return fail(err, policy, next);
}

RetryDecision classify_answer(const CallPolicy &policy, const RetryState &state,
                              const Attempt &attempt) {
    const HttpResult &result = *attempt.result;
    if (result.status >= 200 && result.status <= 299) {
        RetryDecision d;
        d.action = RetryAction::Accept;
        d.next = state;
        if (policy.write) d.next.maybe_sent = true;
        return d;
    }
    if (result.status == 401) return classify_unauthorized(policy, state, attempt);

    const Error &err = *attempt.answer;
    RetryState next = state;
    auto server_wait = [&] {
        return err.retry_after_s ? retry_after_wait(*err.retry_after_s) : attempt.backoff;
    };
    std::vector<std::string> notes;
    if (result.status == 429) {
        // Refused before acting: retried for every call, waiting what the server asks.
        milliseconds wait = server_wait();
        if (state.retries < policy.max_retries) {
            notes.push_back(policy.label() + ": 429; waiting " + std::to_string(wait.count()) +
                            " ms");
            if (wait < attempt.remaining) {
                RetryDecision d = retry_after(wait, next);
                d.notes = std::move(notes);
                return d;
            }
            notes.push_back(policy.label() + ": 429 wait would pass the deadline");
        }
        RetryDecision d = fail(err, policy, next);
        d.notes = std::move(notes);
        return d;
    }
    // Any 5xx, and a redirect (a gateway's 303 after a processed POST), may come after
    // processing.
    if (policy.write && (result.status >= 500 || (result.status >= 300 && result.status < 400)))
        next.maybe_sent = true;
    if (retryable_http(result.status) && policy.safe() && state.retries < policy.max_retries) {
        milliseconds wait = server_wait();
        notes.push_back(policy.label() + ": HTTP " + std::to_string(result.status) + "; retry " +
                        std::to_string(state.retries + 1) + " of " +
                        std::to_string(policy.max_retries) + " in " + std::to_string(wait.count()) +
                        " ms");
        if (wait < attempt.remaining) {
            RetryDecision d = retry_after(wait, next);
            d.notes = std::move(notes);
            return d;
        }
    }
    RetryDecision d = fail(err, policy, next);
    d.notes = std::move(notes);
    return d;
}

}  // namespace

RetryDecision classify_attempt(const CallPolicy &policy, const RetryState &state,
                               const Attempt &attempt) {
    if (attempt.result->failure != FailureKind::None)
        return classify_failure(policy, state, attempt);
    return classify_answer(policy, state, attempt);
}

Error settle_error(Error err, const CallPolicy &policy, const RetryState &state) {
    if (policy.keyed()) err.idempotency_key = policy.idempotency_key;
    // The server's own refusal says this attempt changed nothing: a 4xx it answers before
    // acting, or a 2xx whose body says the call failed (status:false). A 2xx that cannot be
    // read, a 5xx, a timeout or a dropped connection say nothing of the kind.
    bool answered_2xx = err.http_status >= 200 && err.http_status <= 299;
    bool definitive = err.code() == Status::CONFLICT || err.http_status == 400 ||
                      err.http_status == 401 || err.http_status == 403 || err.http_status == 404 ||
                      err.http_status == 422 || err.http_status == 429 ||
                      (answered_2xx && err.code() != Status::PROTOCOL);
    err.outcome_unknown =
        policy.write && (state.earlier_maybe_sent || (state.maybe_sent && !definitive));
    if (err.outcome_unknown) err.retryable = policy.keyed();
    return err;
}

int sends_allowed(const CallPolicy &policy, const RetryState &state) {
    return state.retries < policy.max_retries ? 2 : 1;
}

milliseconds backoff_ceiling(int retry, milliseconds base, milliseconds cap) {
    long long ceiling = base.count();
    for (int i = 0; i < retry && ceiling < cap.count(); ++i) ceiling *= 2;
    return milliseconds(std::min(ceiling, static_cast<long long>(cap.count())));
}

Status status_of(FailureKind kind) {
    switch (kind) {
        case FailureKind::Timeout:
            return Status::TIMEOUT;
        case FailureKind::Tls:
            return Status::TLS;
        case FailureKind::Protocol:
            return Status::PROTOCOL;
        case FailureKind::Cancelled:
            return Status::CANCELLED;
        case FailureKind::NoMemory:
            return Status::NO_MEMORY;
        default:
            return Status::NETWORK;
    }
}

milliseconds retry_after_wait(double seconds) {
    if (!(seconds > 0)) return milliseconds(0);
    return milliseconds(
        static_cast<long long>(std::min(seconds, double(kMaxRetryAfterSeconds)) * 1000));
}

}  // namespace yativo::detail
