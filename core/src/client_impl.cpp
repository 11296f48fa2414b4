#include "client_impl.hpp"

#include <curl/curl.h>
#include <cxxabi.h>

#include <algorithm>
#include <cstdlib>
#include <random>

#include "decode.hpp"
#include "endpoints_gen.hpp"
#include "json_util.hpp"
#include "loop_core.hpp"
#include "yativo/status.hpp"
#include "yativo/totp.hpp"

namespace yativo::detail {

namespace {

using std::chrono::milliseconds;

// Lines of every request of a kind, borrowed by each request: never copied.
const std::string kAcceptJson = "Accept: application/json";
const std::string kContentTypeJson = "Content-Type: application/json";

long long ms_between(SteadyTime a, SteadyTime b) {
    return std::chrono::duration_cast<milliseconds>(b - a).count();
}

// The token a call watches. On an EventLoop's fiber that is the AsyncCall's own token, which the
// caller's CallOptions::cancel (when given) also triggers for the length of the call.
class CallCancel {
  public:
    explicit CallCancel(const CallOptions &options) {
        Fiber *fiber = Fiber::current();
        if (!fiber) {
            token_ = options.cancel.get();
            return;
        }
        token_ = &fiber->cancel();
        if (options.cancel) {
            linked_ = options.cancel.get();
            CancelToken *own = token_;
            id_ = linked_->add_wakeup([own] { own->cancel(); });
        }
    }
    ~CallCancel() {
        if (linked_) linked_->remove_wakeup(id_);
    }
    CallCancel(const CallCancel &) = delete;
    CallCancel &operator=(const CallCancel &) = delete;
    CancelToken *get() const noexcept { return token_; }

  private:
    CancelToken *token_ = nullptr;
    CancelToken *linked_ = nullptr;
    std::uint64_t id_ = 0;
};

}  // namespace

ClientImpl::ClientImpl(ClientOptions options, Seams seams)
    : config_(resolve_client_config(std::move(options))) {
    clock_ = seams.clock ? seams.clock : system_clock();
    if (!config_.totp_secret.empty()) {
        totp_ = std::make_unique<TotpScheduler>(decode_base32_secret(config_.totp_secret.reveal()),
                                                config_.totp_period, clock_, config_.on_totp_wait);
        config_.totp_secret.clear();
    }
    if (seams.transport)
        transport_ = std::move(seams.transport);
    else if (config_.supplied_transport)
        transport_ =
            make_supplied_transport(std::move(config_.supplied_transport), config_.transport);
    else
        transport_ = make_curl_transport(config_.transport);
    auth_ = std::make_unique<Auth>(
        config_.auth, std::move(config_.credentials), clock_, config_.refresh_margin,
        [this](Call &call, SteadyTime deadline, CancelToken *cancel) {
            return run(call, deadline, cancel, nullptr);
        },
        [this](LogLevel level, const std::string &line) { log(level, line); });
}

// no_sanitize("null"): UBSan reports the catch of abi::__forced_unwind, which has no object, as a
// reference bound to null; it is the documented way to let a thread cancellation through.
__attribute__((no_sanitize("null"))) void ClientImpl::log(LogLevel level,
                                                          const std::string &line) const {
    if (!logging(level)) return;
    try {
        config_.log(level, line);
    } catch (abi::__forced_unwind &) {
        throw;  // a thread being ended (pthread_exit, as Python does at shutdown) must unwind
    } catch (...) {
        // A throwing log hook must not change the outcome of a call.
    }
}

void ClientImpl::set_credentials(std::string api_key, Secret api_secret) {
    auth_->set_credentials(std::move(api_key), std::move(api_secret));
    transport_->forget_headers();
}

void ClientImpl::adopt_session(const Payload &answer, std::optional<std::uint64_t> only_for) {
    const rapidjson::Value &v = answer.value();
    auto read = [&](std::initializer_list<const char *> keys) {
        for (const char *k : keys) {
            std::string s = json::str(v, k);
            if (s.empty()) continue;
            Secret out(s);
            wipe(s);  // a copy of a token: wiped before it is freed
            return out;
        }
        return Secret();
    };
    auth_->adopt_session(read({"access_token", "accessToken", "token"}),
                         read({"refresh_token", "refreshToken"}), only_for);
    transport_->forget_headers();
}

void ClientImpl::set_access_token(Secret token) {
    auth_->set_access_token(std::move(token));
    transport_->forget_headers();
}

std::optional<RateLimit> ClientImpl::rate_limit() const {
    std::lock_guard<std::mutex> lock(rate_mutex_);
    return rate_limit_;
}

milliseconds ClientImpl::backoff(int retry) const {
    // Full jitter: uniform in [0, min(cap, base * 2^retry)].
    long long ceiling = backoff_ceiling(retry, config_.backoff_base, config_.backoff_cap).count();
    thread_local std::mt19937_64 rng{std::random_device{}()};
    std::uniform_int_distribution<long long> dist(0, ceiling);
    return milliseconds(dist(rng));
}

void ClientImpl::observe(const HttpResult &result) {
    auto limit = result.header(ResponseHeader::RateLimitLimit);
    auto remaining = result.header(ResponseHeader::RateLimitRemaining);
    auto reset = result.header(ResponseHeader::RateLimitReset);
    if (limit || remaining || reset) {
        RateLimit rl;
        auto read = [](std::optional<std::string_view> v) {
            if (!v) return std::int64_t{-1};
            return json::parse_int(*v).value_or(-1);
        };
        rl.limit = read(limit);
        rl.remaining = read(remaining);
        rl.reset = read(reset);
        std::lock_guard<std::mutex> lock(rate_mutex_);
        rate_limit_ = rl;
    }
    if (totp_ && config_.totp_use_server_time) {
        if (auto date = result.header(ResponseHeader::Date)) {
            time_t server = curl_getdate(date->data(), nullptr);  // NUL-terminated
            if (server > 0) {
                auto offset = static_cast<std::int64_t>(server) -
                              static_cast<std::int64_t>(clock_->wall_seconds());
                // The Date header has one-second resolution: only a clearly wrong clock is
                // corrected.
                std::int64_t applied = std::llabs(offset) > 5 ? offset : 0;
                if (applied != totp_->clock_offset()) {
                    totp_->set_clock_offset(applied);
                    log(LogLevel::Info, "TOTP clock offset set to " + std::to_string(applied) +
                                            " s from the server's Date header");
                }
            }
        }
    }
}

Payload ClientImpl::execute(Call &call, const CallOptions &options) {
    SteadyTime deadline = start(call, options);
    CallCancel cancel(options);
    return run(call, deadline, cancel.get(),
               options.totp_code.empty() ? nullptr : &options.totp_code);
}

namespace {
bool not_there(const Error &e) {
    return e.http_status == 404 || e.http_status == 405;
}
// An answer that proves the path exists in this dialect: a success, or a refusal of the request
// itself.
bool path_exists(const Error &e) {
    return e.http_status == 400 || e.http_status == 409 || e.http_status == 422;
}
}  // namespace

int ClientImpl::dialect(const std::string &family) const {
    std::lock_guard<std::mutex> lock(dialect_mutex_);
    auto it = dialects_.find(family);
    return it == dialects_.end() ? 0 : it->second;
}

void ClientImpl::learn_dialect(const std::string &family, int dialect) {
    std::lock_guard<std::mutex> lock(dialect_mutex_);
    dialects_[family] = dialect;
}

Payload ClientImpl::execute_dialect(Call &primary, Call &fallback, const char *family,
                                    const CallOptions &options) {
    SteadyTime deadline = start(primary, options);
    CallCancel call_cancel(options);
    CancelToken *cancel = call_cancel.get();
    const Secret *code = options.totp_code.empty() ? nullptr : &options.totp_code;
    const int known = dialect(family);
    if (known == 2) return run(fallback, deadline, cancel, code);
    try {
        Payload p = run(primary, deadline, cancel, code);
        if (known == 0) learn_dialect(family, 1);
        return p;
    } catch (const Error &e) {
        if (known == 0 && path_exists(e)) learn_dialect(family, 1);
        if (known != 0 || !not_there(e)) throw;
        if (logging(LogLevel::Info))
            log(LogLevel::Info, primary.method + " " + std::string(primary.path.view()) +
                                    " answered " + std::to_string(e.http_status) + "; trying " +
                                    fallback.method + " " + std::string(fallback.path.view()));
        // The code the primary carried, never a new TOTP step: the server did not look at it.
        Secret reused = code ? *code : primary.sent_2fa_code;
        try {
            Payload p = run(fallback, deadline, cancel, reused.empty() ? nullptr : &reused);
            learn_dialect(family, 2);
            if (logging(LogLevel::Info))
                log(LogLevel::Info, std::string("dialect of ") + family + ": " + fallback.method +
                                        " " + std::string(fallback.path.view()) + " from now on");
            return p;
        } catch (const Error &fe) {
            if (path_exists(fe)) learn_dialect(family, 2);
            // Neither dialect has the path (or the id): the primary's answer stands.
            if (not_there(fe)) throw e;
            throw;
        }
    }
}

void ClientImpl::refuse_blocking_transport_on_loop() const {
    if (Fiber::current() && !transport_->runs_on_loop())
        throw_invalid(
            "a client with its own transport (ClientOptions::transport) makes blocking "
            "calls only: it cannot run on an EventLoop");
}

SteadyTime ClientImpl::start(const Call &call, const CallOptions &options) {
    refuse_blocking_transport_on_loop();
    auto total = options.timeout.value_or(config_.total_timeout);
    if (total.count() <= 0) throw_invalid("timeout must be positive");
    if (call.needs_2fa && options.totp_code.empty() && !totp_)
        throw Error(Status::TWO_FACTOR_REQUIRED,
                    "this call needs a 2FA code: pass totp_code or configure a TOTP secret");
    if (!options.totp_code.empty()) {
        const std::string &code = options.totp_code.reveal();
        bool digits =
            code.size() >= 6 && code.size() <= 8 &&
            std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits) throw_invalid("2FA code must be 6 to 8 digits");
    }
    return clock_->now() + total;
}

Payload ClientImpl::run(Call &call, SteadyTime deadline, CancelToken *cancel,
                        const Secret *totp_code) {
    const CallPolicy policy = policy_for(call, totp_code != nullptr);
    RetryState state;
    state.needs_2fa = call.needs_2fa;
    const SteadyTime started = clock_->now();

    // Every error leaving this call carries what the caller needs to decide what to do next.
    auto failed = [&](Error err) -> Error {
        if (logging(LogLevel::Debug))
            log(LogLevel::Debug, policy.label() + " failed: " + status_name(err.code()) +
                                     (err.outcome_unknown ? " (outcome unknown)" : ""));
        return err;
    };
    auto fail = [&](Error err) { return failed(settle_error(std::move(err), policy, state)); };

    for (int attempt = 1;; ++attempt) {
        if (cancel && cancel->cancelled()) throw fail(Error(Status::CANCELLED, "call cancelled"));
        if (clock_->now() >= deadline)
            throw fail(Error(Status::TIMEOUT, policy.label() + ": deadline of the call passed"));

        TokenUse token_use;
        HttpResult result;
        try {
            HttpRequest request =
                build_request(call, policy, state, deadline, cancel, totp_code, token_use);
            if (logging(LogLevel::Debug))
                log(LogLevel::Debug, policy.label() + " attempt " + std::to_string(attempt));
            // Throws only before anything was sent (out of memory building it).
            result = transport_->perform(request);
        } catch (Error &e) {
            throw fail(std::move(e));
        }
        if (result.sends > 1) {
            state.retries += result.sends - 1;
            if (logging(LogLevel::Debug))
                log(LogLevel::Debug, policy.label() +
                                         ": the reused connection died before an answer; libcurl "
                                         "re-sent the request on a fresh one (counted as retry " +
                                         std::to_string(state.retries) + " of " +
                                         std::to_string(config_.max_retries) + ")");
        }
        // A secret-bearing answer, whole or cut short, is wiped on every way out of the attempt.
        struct WipeSensitiveBody {
            HttpResult &result;
            bool sensitive;
            ~WipeSensitiveBody() {
                if (sensitive) wipe(result.body);
            }
        } wipe_body{result, call.sensitive_response};

        std::optional<Error> answer;
        if (result.failure == FailureKind::None) {
            observe(result);
            auto rid = result.header(ResponseHeader::RequestId);
            if (logging(LogLevel::Debug))
                log(LogLevel::Debug,
                    policy.label() + " -> " + std::to_string(result.status) +
                        (rid ? " request_id=" + std::string(*rid) : std::string()) + " after " +
                        std::to_string(ms_between(started, clock_->now())) + " ms");
            if (result.status < 200 || result.status > 299) answer = decode_error(result);
        }

        Attempt outcome;
        outcome.result = &result;
        outcome.answer = answer ? &*answer : nullptr;
        outcome.used_cached_token = token_use.cached;
        outcome.token_generation = token_use.generation;
        outcome.used_session = token_use.session;
        outcome.session_generation = token_use.session_generation;
        // Drawn only for an answer that may be retried, as the jitter is spent on nothing else.
        if (result.failure != FailureKind::None || answer) outcome.backoff = backoff(state.retries);
        const SteadyTime now = clock_->now();
        outcome.remaining = deadline - now;
        RetryDecision decision = classify_attempt(policy, state, outcome);
        if (logging(LogLevel::Debug))
            for (const auto &note : decision.notes) log(LogLevel::Debug, note);
        state = decision.next;

        switch (decision.action) {
            case RetryAction::Accept:
                try {
                    return decode_success(std::move(result), call.sensitive_response);
                } catch (Error &e) {
                    throw fail(std::move(e));
                } catch (const std::bad_alloc &) {
                    // The server acted; only the answer is lost: a write's outcome is unknown.
                    throw fail(Error(Status::NO_MEMORY,
                                     policy.label() + ": out of memory decoding the answer"));
                }
            case RetryAction::Retry:
                // The wait ends before the deadline: the classifier measured it from `now`.
                // Cancelled while waiting: settled like any failure, so a write that may have
                // reached the server keeps its key and its unknown outcome.
                if (!clock_->sleep_until(now + decision.wait, cancel))
                    throw fail(Error(Status::CANCELLED, "call cancelled"));
                break;
            case RetryAction::Reexchange:
                auth_->tokens().invalidate(decision.token_generation);
                break;
            case RetryAction::RefreshSession: {
                bool refreshed = false;
                try {
                    refreshed = refresh_session(decision.session_generation, deadline, cancel);
                } catch (Error &e) {
                    throw fail(std::move(e));  // cancelled or out of time while refreshing
                }
                if (!refreshed) {
                    // The refresh failed: this call's own 401 is its answer (the one
                    // re-authentication is spent, so the classifier now settles it).
                    RetryDecision last = classify_attempt(policy, state, outcome);
                    if (last.error) throw failed(std::move(*last.error));
                    throw fail(*answer);
                }
                break;
            }
            case RetryAction::StartTwoFactor:
                call.needs_2fa = true;
                break;
            case RetryAction::NextTotpStep:
                break;
            case RetryAction::Fail:
                throw failed(std::move(*decision.error));
        }
    }
}

bool ClientImpl::refresh_session(std::uint64_t generation, SteadyTime deadline,
                                 CancelToken *cancel) {
    return auth_->refresh_session(generation, deadline, cancel, [&] {
        // The refresh_session endpoint of api/groups/session.toml, as the description builds it;
        // its answer becomes the session.
        Call c = refresh_session_call(CallOptions{});
        Payload p = run(c, deadline, cancel, nullptr);
        adopt_session(p, generation);
    });
}

CallPolicy ClientImpl::policy_for(const Call &call, bool caller_code) const {
    CallPolicy policy;
    policy.method = call.method;
    policy.path = call.path.view();
    policy.write = !call.read_only;
    policy.idempotency_key = call.idempotency_key;
    policy.max_retries = config_.max_retries;
    policy.totp_source = totp_ != nullptr;
    policy.caller_code = caller_code;
    policy.two_factor_on_demand = call.two_factor_on_demand;
    return policy;
}

HttpRequest ClientImpl::build_request(const Call &call, const CallPolicy &policy,
                                      const RetryState &state, SteadyTime deadline,
                                      CancelToken *cancel, const Secret *totp_code,
                                      TokenUse &token_use) {
    HttpRequest request;
    request.method = call.method;
    request.base_url = config_.base_url;
    request.path = call.path.view();
    request.headers.add(HeaderLine::borrowed(kAcceptJson));
    if (call.has_body) request.headers.add(HeaderLine::borrowed(kContentTypeJson));
    if (policy.keyed()) request.headers.add(HeaderLine("Idempotency-Key: " + call.idempotency_key));
    if (call.refresh_session)
        request.headers.add(HeaderLine(auth_->refresh_header()));
    else if (call.authenticated)
        token_use = auth_->add_headers(request.headers, deadline, cancel);
    if (state.needs_2fa) {
        if (totp_code && !state.second_step) {
            request.headers.add(HeaderLine("X-2FA-Token: " + totp_code->reveal()));
            request.one_time_headers = true;
        } else {
            Secret code = totp_->next_code(deadline, cancel);
            request.headers.add(HeaderLine("X-2FA-Token: " + code.reveal()));
            request.one_time_headers = true;
            call.sent_2fa_code = std::move(code);
        }
    }
    request.body = call.body;
    request.has_body = call.has_body;
    request.sensitive_response = call.sensitive_response;
    request.may_resend = policy.safe();
    // libcurl's own re-send on a dead reused connection is a send: allowed only while a retry
    // is left, and then it spends that retry.
    request.max_sends = sends_allowed(policy, state);
    request.cancel = cancel;
    auto left = std::chrono::duration_cast<milliseconds>(deadline - clock_->now());
    if (left.count() <= 0)
        throw Error(Status::TIMEOUT, policy.label() + ": deadline of the call passed");
    request.timeout = std::min(config_.attempt_timeout, left);
    request.connect_timeout = std::min(config_.connect_timeout, request.timeout);
    return request;
}

AccessToken ClientImpl::token(const CallOptions &options) {
    auto total = options.timeout.value_or(config_.total_timeout);
    if (total.count() <= 0) throw_invalid("timeout must be positive");
    refuse_blocking_transport_on_loop();
    SteadyTime deadline = clock_->now() + total;
    CallCancel cancel(options);
    return auth_->token(deadline, cancel.get());
}

}  // namespace yativo::detail
