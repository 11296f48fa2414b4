#include "client_impl.hpp"

#include <curl/curl.h>
#include <cxxabi.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <cstdlib>
#include <random>

#include "decode.hpp"
#include "json_util.hpp"
#include "log.hpp"
#include "yativo/defaults.hpp"
#include "yativo/status.hpp"
#include "yativo/totp.hpp"
#include "yativo/version.hpp"

namespace yativo::detail {

namespace {

using std::chrono::milliseconds;

std::string env(const char *name) {
    const char *v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

long long ms_between(SteadyTime a, SteadyTime b) {
    return std::chrono::duration_cast<milliseconds>(b - a).count();
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

// A server's Retry-After as a wait: negative is 0; beyond a day is a day (the deadline then
// refuses to wait), and no overflow reaches the conversion.
milliseconds retry_after_wait(double seconds) {
    if (!(seconds > 0)) return milliseconds(0);
    return milliseconds(
        static_cast<long long>(std::min(seconds, double(kMaxRetryAfterSeconds)) * 1000));
}

template <class D>
D positive(std::optional<D> value, D fallback, const char *what) {
    if (!value) return fallback;
    if (value->count() <= 0) throw_invalid(std::string(what) + " must be positive");
    return *value;
}

}  // namespace

ClientImpl::ClientImpl(ClientOptions options, Seams seams) {
    if (options.use_environment) {
        if (options.api_key.empty()) options.api_key = env("YATIVO_API_KEY");
        if (options.api_secret.empty()) {
            std::string s = env("YATIVO_API_SECRET");
            options.api_secret = Secret(s);
            wipe(s);
        }
        if (options.access_token.empty()) {
            std::string s = env("YATIVO_ACCESS_TOKEN");
            options.access_token = Secret(s);
            wipe(s);
        }
        if (options.totp_secret.empty()) {
            std::string s = env("YATIVO_TOTP_SECRET");
            options.totp_secret = Secret(s);
            wipe(s);
        }
        if (options.base_url.empty()) options.base_url = env("YATIVO_BASE_URL");
    }
    if (options.base_url.empty())
        options.base_url = options.environment == Environment::Sandbox ? defaults::sandbox_url
                                                                       : defaults::production_url;
    base_url_ = normalize_base_url(options.base_url);

    auth_ = options.auth;
    // A bearer token alone means bearer auth: nothing else could be meant.
    if (auth_ == AuthMode::Token && options.api_key.empty() && options.api_secret.empty() &&
        !options.access_token.empty())
        auth_ = AuthMode::Bearer;
    if (auth_ != AuthMode::Bearer && options.api_key.empty() != options.api_secret.empty())
        throw_invalid(options.api_key.empty() ? "api_secret given without api_key"
                                              : "api_key given without api_secret");

    connect_timeout_ =
        positive(options.connect_timeout, defaults::connect_timeout, "connect timeout");
    attempt_timeout_ =
        positive(options.attempt_timeout, defaults::attempt_timeout, "attempt timeout");
    total_timeout_ = positive(options.total_timeout, defaults::total_timeout, "total timeout");
    max_retries_ = options.max_retries.value_or(defaults::max_retries);
    if (max_retries_ < 0 || max_retries_ > 100)
        throw_invalid("max_retries must be between 0 and 100");
    backoff_base_ = positive(options.backoff_base, defaults::backoff_base, "backoff base");
    backoff_cap_ = positive(options.backoff_cap, defaults::backoff_cap, "backoff cap");
    auto margin = options.refresh_margin.value_or(defaults::refresh_margin);
    if (margin.count() < 0) throw_invalid("refresh margin must not be negative");
    std::size_t max_bytes = options.max_response_bytes.value_or(defaults::max_response_bytes);
    if (max_bytes == 0) throw_invalid("max_response_bytes must be positive");
    totp_use_server_time_ = options.totp_use_server_time;
    log_ = std::move(options.log);
    log_level_ = options.log_level;
    // YATIVO_LOG is a diagnostics switch for clients without a hook, on every surface (the CLI
    // included). It carries no credentials, so it holds even when use_environment is off.
    if (!log_) {
        if (auto level = log_level_from_environment()) {
            log_ = stderr_log_hook();
            log_level_ = *level;
        }
    }

    clock_ = seams.clock ? seams.clock : system_clock();
    if (!options.totp_secret.empty()) {
        auto period = positive(options.totp_period, defaults::totp_period, "TOTP period");
        totp_ = std::make_unique<TotpScheduler>(decode_base32_secret(options.totp_secret.reveal()),
                                                period, clock_);
    } else if (options.totp_period && options.totp_period->count() <= 0) {
        throw_invalid("TOTP period must be positive");
    }

    if (seams.transport) {
        transport_ = std::move(seams.transport);
    } else {
        TransportConfig config;
        config.ca_file = options.ca_file;
        config.ca_path = options.ca_path;
        config.ca_blob = options.ca_blob;
        config.pinned_public_key = options.pinned_public_key;
        config.proxy = options.proxy;
        config.user_agent = std::string("libyativo/") + version();
        if (!options.user_agent.empty()) config.user_agent += " " + options.user_agent;
        config.max_response_bytes = max_bytes;
        transport_ = make_curl_transport(config);
    }

    api_key_ = std::move(options.api_key);
    api_secret_ = std::move(options.api_secret);
    access_token_ = std::move(options.access_token);

    tokens_ = std::make_unique<TokenCache>(
        clock_, margin,
        [this](SteadyTime deadline, CancelToken *cancel) { return exchange(deadline, cancel); },
        [this](const std::string &line) { log(LogLevel::Debug, line); });
}

// no_sanitize("null"): UBSan reports the catch of abi::__forced_unwind, which has no object, as a
// reference bound to null; it is the documented way to let a thread cancellation through.
__attribute__((no_sanitize("null"))) void ClientImpl::log(LogLevel level,
                                                          const std::string &line) const {
    if (!logging(level)) return;
    try {
        log_(level, line);
    } catch (abi::__forced_unwind &) {
        throw;  // a thread being ended (pthread_exit, as Python does at shutdown) must unwind
    } catch (...) {
        // A throwing log hook must not change the outcome of a call.
    }
}

void ClientImpl::set_credentials(std::string api_key, Secret api_secret) {
    if (api_key.empty()) throw_invalid("api_key is empty");
    if (api_secret.empty()) throw_invalid("api_secret is empty");
    {
        std::lock_guard<std::mutex> lock(credentials_mutex_);
        api_key_ = std::move(api_key);
        api_secret_ = std::move(api_secret);
    }
    tokens_->clear();
    log(LogLevel::Info, "credentials replaced; cached token dropped");
}

void ClientImpl::set_access_token(Secret token) {
    if (token.empty()) throw_invalid("access token is empty");
    std::lock_guard<std::mutex> lock(credentials_mutex_);
    access_token_ = std::move(token);
}

std::optional<RateLimit> ClientImpl::rate_limit() const {
    std::lock_guard<std::mutex> lock(rate_mutex_);
    return rate_limit_;
}

std::chrono::milliseconds ClientImpl::backoff(int retry) const {
    // Full jitter: uniform in [0, min(cap, base * 2^retry)].
    long long ceiling = backoff_base_.count();
    for (int i = 0; i < retry && ceiling < backoff_cap_.count(); ++i) ceiling *= 2;
    ceiling = std::min(ceiling, static_cast<long long>(backoff_cap_.count()));
    thread_local std::mt19937_64 rng{std::random_device{}()};
    std::uniform_int_distribution<long long> dist(0, ceiling);
    return milliseconds(dist(rng));
}

bool ClientImpl::wait_before_retry(milliseconds wait, SteadyTime deadline, CancelToken *cancel) {
    SteadyTime until = clock_->now() + wait;
    if (until >= deadline) return false;
    if (!clock_->sleep_until(until, cancel)) throw Error(Status::CANCELLED, "call cancelled");
    return true;
}

void ClientImpl::observe(const HttpResult &result) {
    const std::string *limit = result.header("X-RateLimit-Limit");
    const std::string *remaining = result.header("X-RateLimit-Remaining");
    const std::string *reset = result.header("X-RateLimit-Reset");
    if (limit || remaining || reset) {
        RateLimit rl;
        auto read = [](const std::string *v) {
            if (!v) return std::int64_t{-1};
            return json::parse_int(*v).value_or(-1);
        };
        rl.limit = read(limit);
        rl.remaining = read(remaining);
        rl.reset = read(reset);
        std::lock_guard<std::mutex> lock(rate_mutex_);
        rate_limit_ = rl;
    }
    if (totp_ && totp_use_server_time_) {
        if (const std::string *date = result.header("Date")) {
            time_t server = curl_getdate(date->c_str(), nullptr);
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

void ClientImpl::add_auth(std::vector<std::string> &headers, SteadyTime deadline,
                          CancelToken *cancel, std::uint64_t &token_generation,
                          bool &used_cached_token) {
    switch (auth_) {
        case AuthMode::Token: {
            {
                std::lock_guard<std::mutex> lock(credentials_mutex_);
                if (api_key_.empty())
                    throw_invalid(
                        "no credentials: give api_key and api_secret (or set "
                        "YATIVO_API_KEY and YATIVO_API_SECRET)");
            }
            CachedToken token = tokens_->get(deadline, cancel);
            headers.push_back("Authorization: Bearer " + token.token.reveal());
            token_generation = token.generation;
            used_cached_token = true;
            break;
        }
        case AuthMode::Headers: {
            std::lock_guard<std::mutex> lock(credentials_mutex_);
            if (api_key_.empty())
                throw_invalid(
                    "no credentials: give api_key and api_secret (or set "
                    "YATIVO_API_KEY and YATIVO_API_SECRET)");
            headers.push_back("X-API-Key: " + api_key_);
            headers.push_back("X-API-Secret: " + api_secret_.reveal());
            break;
        }
        case AuthMode::Bearer: {
            std::lock_guard<std::mutex> lock(credentials_mutex_);
            if (access_token_.empty())
                throw_invalid("no access token: give access_token (or set YATIVO_ACCESS_TOKEN)");
            headers.push_back("Authorization: Bearer " + access_token_.reveal());
            break;
        }
    }
}

Payload ClientImpl::execute(Call &call, const CallOptions &options) {
    auto total = options.timeout.value_or(total_timeout_);
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
    SteadyTime deadline = clock_->now() + total;
    return run(call, deadline, options.cancel.get(),
               options.totp_code.empty() ? nullptr : &options.totp_code);
}

Payload ClientImpl::run(Call &call, SteadyTime deadline, CancelToken *cancel,
                        const Secret *totp_code) {
    const bool write = !call.read_only;
    const bool keyed = !call.idempotency_key.empty();
    const bool safe = call.read_only || keyed;
    const SteadyTime started = clock_->now();
    int retries = 0;
    bool reauthed = false, second_step = false, maybe_sent = false;
    // Whether an attempt before the current one may have been processed: a definitive answer to
    // a later attempt (429, 401, ...) does not make that earlier one go away.
    bool earlier_maybe_sent = false;
    const std::string label = call.method + " " + call.path;

    // Every error leaving this call carries what the caller needs to decide what to do next.
    auto fail = [&](Error err) -> Error {
        if (keyed) err.idempotency_key = call.idempotency_key;
        // The server's own refusal says this attempt changed nothing: a 4xx it answers before
        // acting, or a 2xx whose body says the call failed (status:false). A 2xx that cannot be
        // read, a 5xx, a timeout or a dropped connection say nothing of the kind.
        bool answered_2xx = err.http_status >= 200 && err.http_status <= 299;
        bool definitive =
            err.code() == Status::CONFLICT || err.http_status == 400 || err.http_status == 401 ||
            err.http_status == 403 || err.http_status == 404 || err.http_status == 422 ||
            err.http_status == 429 || (answered_2xx && err.code() != Status::PROTOCOL);
        err.outcome_unknown = write && (earlier_maybe_sent || (maybe_sent && !definitive));
        if (err.outcome_unknown) err.retryable = keyed;
        if (logging(LogLevel::Debug))
            log(LogLevel::Debug, label + " failed: " + status_name(err.code()) +
                                     (err.outcome_unknown ? " (outcome unknown)" : ""));
        return err;
    };

    for (int attempt = 1;; ++attempt) {
        earlier_maybe_sent = maybe_sent;
        if (cancel && cancel->cancelled()) throw fail(Error(Status::CANCELLED, "call cancelled"));
        if (clock_->now() >= deadline)
            throw fail(Error(Status::TIMEOUT, label + ": deadline of the call passed"));

        HttpRequest request;
        request.method = call.method;
        request.url = base_url_ + call.path;
        request.headers.push_back("Accept: application/json");
        if (call.has_body) request.headers.push_back("Content-Type: application/json");
        if (keyed) request.headers.push_back("Idempotency-Key: " + call.idempotency_key);
        std::uint64_t token_generation = 0;
        bool used_cached_token = false;
        try {
            if (call.authenticated)
                add_auth(request.headers, deadline, cancel, token_generation, used_cached_token);
            if (call.needs_2fa) {
                if (totp_code && !second_step) {
                    request.headers.push_back("X-2FA-Token: " + totp_code->reveal());
                } else {
                    Secret code = totp_->next_code(deadline, cancel);
                    request.headers.push_back("X-2FA-Token: " + code.reveal());
                }
            }
        } catch (Error &e) {
            for (auto &h : request.headers) wipe(h);
            throw fail(std::move(e));
        }
        request.body = call.body;
        request.has_body = call.has_body;
        request.sensitive_response = call.sensitive_response;
        request.may_resend = safe;
        // libcurl's own re-send on a dead reused connection is a send: allowed only while a
        // retry is left, and then it spends that retry.
        request.max_sends = retries < max_retries_ ? 2 : 1;
        request.cancel = cancel;
        SteadyTime now = clock_->now();
        auto left = std::chrono::duration_cast<milliseconds>(deadline - now);
        if (left.count() <= 0)
            throw fail(Error(Status::TIMEOUT, label + ": deadline of the call passed"));
        request.timeout = std::min(attempt_timeout_, left);
        request.connect_timeout = std::min(connect_timeout_, request.timeout);

        if (logging(LogLevel::Debug))
            log(LogLevel::Debug, label + " attempt " + std::to_string(attempt));
        HttpResult result;
        try {
            result = transport_->perform(request);
        } catch (Error &e) {
            throw fail(std::move(e));  // before anything was sent (out of memory building it)
        }
        for (auto &h : request.headers) wipe(h);
        wipe(request.body);
        if (result.sends > 1) {
            retries += result.sends - 1;
            if (logging(LogLevel::Debug))
                log(LogLevel::Debug, label +
                                         ": the reused connection died before an answer; libcurl "
                                         "re-sent the request on a fresh one (counted as retry " +
                                         std::to_string(retries) + " of " +
                                         std::to_string(max_retries_) + ")");
        }
        // A secret-bearing answer, whole or cut short, is wiped on every way out of the attempt.
        struct WipeSensitiveBody {
            HttpResult &result;
            bool sensitive;
            ~WipeSensitiveBody() {
                if (sensitive) wipe(result.body);
            }
        } wipe_body{result, call.sensitive_response};

        if (result.failure != FailureKind::None) {
            if (write && result.request_sent) maybe_sent = true;
            Status st = status_of(result.failure);
            Error err(st, label + ": " + result.failure_message);
            bool transient = st == Status::NETWORK || st == Status::TIMEOUT;
            if (transient && (!result.request_sent || safe) && retries < max_retries_) {
                auto wait = backoff(retries);
                if (logging(LogLevel::Debug))
                    log(LogLevel::Debug, label + ": " + status_name(st) +
                                             (result.request_sent ? " after the request was sent"
                                                                  : " before sending") +
                                             "; retry " + std::to_string(retries + 1) + " of " +
                                             std::to_string(max_retries_) + " in " +
                                             std::to_string(wait.count()) + " ms");
                if (wait_before_retry(wait, deadline, cancel)) {
                    ++retries;
                    continue;
                }
            }
            if (transient && result.request_sent && write && !safe)
                if (logging(LogLevel::Debug))
                    log(LogLevel::Debug,
                        label + ": " + status_name(st) + " (" + result.failure_message + ")" +
                            (result.reused_connection ? " on a reused connection" : "") +
                            "; not re-sent, a write without an idempotency key");
            err.retryable = transient;
            throw fail(std::move(err));
        }

        observe(result);
        const std::string *rid = result.header("X-Request-Id");
        if (logging(LogLevel::Debug))
            log(LogLevel::Debug, label + " -> " + std::to_string(result.status) +
                                     (rid ? " request_id=" + *rid : std::string()) + " after " +
                                     std::to_string(ms_between(started, clock_->now())) + " ms");
        if (result.status >= 200 && result.status <= 299) {
            if (write) maybe_sent = true;
            try {
                return decode_success(result, call.sensitive_response);
            } catch (Error &e) {
                throw fail(std::move(e));
            } catch (const std::bad_alloc &) {
                // The server acted; only the answer is lost: a write's outcome is unknown.
                throw fail(Error(Status::NO_MEMORY, label + ": out of memory decoding the answer"));
            }
        }

        Error err = decode_error(result);
        if (result.status == 401) {
            bool two_factor =
                err.error_code == "two_factor_required" || err.error_code == "two_factor_invalid";
            if (two_factor) {
                if (!call.needs_2fa && call.two_factor_on_demand && totp_ &&
                    err.error_code == "two_factor_required") {
                    call.needs_2fa = true;
                    if (logging(LogLevel::Debug))
                        log(LogLevel::Debug,
                            label + ": two_factor_required; retrying with a TOTP code");
                    continue;
                }
                // A caller's explicit code is never swapped for one of the TOTP source.
                if (call.needs_2fa && totp_ && !totp_code && !second_step) {
                    second_step = true;
                    if (logging(LogLevel::Debug))
                        log(LogLevel::Debug, label + ": " + err.error_code +
                                                 "; retrying once with the next TOTP step");
                    continue;
                }
                Error tf(Status::TWO_FACTOR_REQUIRED, err.message());
                tf.http_status = err.http_status;
                tf.error_code = err.error_code;
                tf.details_json = err.details_json;
                tf.request_id = err.request_id;
                throw fail(std::move(tf));
            }
            if (used_cached_token && !reauthed) {
                reauthed = true;
                tokens_->invalidate(token_generation);
                if (logging(LogLevel::Debug))
                    log(LogLevel::Debug,
                        label + ": 401 with a cached token; exchanging again and retrying once");
                continue;
            }
            throw fail(std::move(err));
        }
        if (result.status == 429) {
            milliseconds wait =
                err.retry_after_s ? retry_after_wait(*err.retry_after_s) : backoff(retries);
            if (retries < max_retries_) {
                if (logging(LogLevel::Debug))
                    log(LogLevel::Debug,
                        label + ": 429; waiting " + std::to_string(wait.count()) + " ms");
                if (wait_before_retry(wait, deadline, cancel)) {
                    ++retries;
                    continue;
                }
                if (logging(LogLevel::Debug))
                    log(LogLevel::Debug, label + ": 429 wait would pass the deadline");
            }
            throw fail(std::move(err));
        }
        // Any 5xx, and a redirect (a gateway's 303 after a processed POST), may come after
        // processing.
        if (write && (result.status >= 500 || (result.status >= 300 && result.status < 400)))
            maybe_sent = true;
        if (retryable_http(result.status)) {
            if (safe && retries < max_retries_) {
                milliseconds wait =
                    err.retry_after_s ? retry_after_wait(*err.retry_after_s) : backoff(retries);
                if (logging(LogLevel::Debug))
                    log(LogLevel::Debug, label + ": HTTP " + std::to_string(result.status) +
                                             "; retry " + std::to_string(retries + 1) + " of " +
                                             std::to_string(max_retries_) + " in " +
                                             std::to_string(wait.count()) + " ms");
                if (wait_before_retry(wait, deadline, cancel)) {
                    ++retries;
                    continue;
                }
            }
            throw fail(std::move(err));
        }
        throw fail(std::move(err));
    }
}

ExchangedToken ClientImpl::exchange(SteadyTime deadline, CancelToken *cancel) {
    Call call;
    call.method = "POST";
    call.read_only = true;  // an exchange changes nothing: safe to repeat
    call.authenticated = false;
    call.has_body = true;
    call.sensitive_response = true;
    {
        std::lock_guard<std::mutex> lock(credentials_mutex_);
        if (api_key_.empty() || api_secret_.empty())
            throw_invalid(
                "no credentials: give api_key and api_secret (or set YATIVO_API_KEY and "
                "YATIVO_API_SECRET)");
        // Reserved for the worst case (every byte escaped as \u00XX), so the buffer holding the
        // secret never grows by reallocation and leaves an unwiped copy behind.
        rapidjson::StringBuffer buffer(nullptr,
                                       6 * (api_key_.size() + api_secret_.reveal().size()) + 64);
        json::Writer w(buffer);
        w.StartObject();
        json::key(w, "api_key");
        json::string(w, api_key_);
        json::key(w, "api_secret");
        json::string(w, api_secret_.reveal());
        w.EndObject();
        call.body.assign(buffer.GetString(), buffer.GetSize());
        // The buffer held the secret too.
        OPENSSL_cleanse(const_cast<char *>(buffer.GetString()), buffer.GetSize());
    }
    Payload payload;
    for (;;) {
        call.path = token_path_.load() == 0 ? "/auth/token" : "/apikey/token";
        try {
            payload = run(call, deadline, cancel, nullptr);
            break;
        } catch (const Error &e) {
            if (token_path_.load() == 0 && (e.http_status == 404 || e.http_status == 405)) {
                token_path_.store(1);
                log(LogLevel::Info, "POST /auth/token answered " + std::to_string(e.http_status) +
                                        "; using /apikey/token from now on");
                continue;
            }
            if (e.http_status == 401 || e.http_status == 403) {
                Error refused(Status::AUTHENTICATION,
                              "token exchange refused (HTTP " + std::to_string(e.http_status) +
                                  (e.error_code.empty() ? "" : " " + e.error_code) +
                                  "): check the API key and secret");
                refused.http_status = e.http_status;
                refused.error_code = e.error_code;
                refused.request_id = e.request_id;
                refused.details_json = e.details_json;
                throw refused;
            }
            throw;
        }
    }
    const rapidjson::Value &v = payload.value();
    ExchangedToken token;
    std::string access = json::str(v, "access_token");
    if (access.empty()) access = json::str(v, "token");
    if (access.empty()) throw Error(Status::PROTOCOL, "token answer has no access_token");
    token.access_token = Secret(access);
    wipe(access);
    token.token_type = json::str(v, "token_type");
    token.expires_in = std::chrono::seconds(json::integer(v, "expires_in").value_or(0));
    token.expires_at = json::str(v, "expires_at");
    token.scopes = json::strings(v, "scopes");
    if (const rapidjson::Value *rec = json::member(v, "refresh_recommendation")) {
        if (auto before = json::integer(*rec, "refresh_before_seconds"); before && *before > 0)
            token.refresh_before = std::chrono::seconds(*before);
    }
    json::wipe_strings(payload.document());  // it held the token
    return token;
}

AccessToken ClientImpl::token(const CallOptions &options) {
    auto total = options.timeout.value_or(total_timeout_);
    if (total.count() <= 0) throw_invalid("timeout must be positive");
    SteadyTime deadline = clock_->now() + total;
    if (auth_ == AuthMode::Bearer) {
        std::lock_guard<std::mutex> lock(credentials_mutex_);
        if (access_token_.empty()) throw_invalid("no access token configured");
        AccessToken out;
        out.access_token = access_token_;
        out.token_type = "Bearer";
        return out;
    }
    if (auth_ == AuthMode::Headers)
        throw_invalid("header authentication uses no access token (auth mode is headers)");
    {
        std::lock_guard<std::mutex> lock(credentials_mutex_);
        if (api_key_.empty()) throw_invalid("no credentials: give api_key and api_secret");
    }
    return tokens_->describe(deadline, options.cancel.get());
}

}  // namespace yativo::detail
