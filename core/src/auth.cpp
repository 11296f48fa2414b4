#include "auth.hpp"

#include <openssl/crypto.h>

#include <utility>

#include "client_impl.hpp"
#include "json_util.hpp"
#include "yativo/status.hpp"

namespace yativo::detail {

namespace {

constexpr const char *kNoCredentials =
    "no credentials: give api_key and api_secret (or set YATIVO_API_KEY and YATIVO_API_SECRET)";

}  // namespace

Auth::Auth(AuthMode mode, Credentials credentials, std::shared_ptr<Clock> clock,
           std::chrono::seconds refresh_margin, RunFn run, LogFn log)
    : mode_(mode),
      run_(std::move(run)),
      log_(std::move(log)),
      api_key_(std::move(credentials.api_key)),
      api_secret_(std::move(credentials.api_secret)),
      access_token_(std::move(credentials.access_token)),
      clock_(clock) {
    tokens_ = std::make_unique<TokenCache>(
        std::move(clock), refresh_margin,
        [this](SteadyTime deadline, CancelToken *cancel) { return exchange(deadline, cancel); },
        [this](const std::string &line) { log_(LogLevel::Debug, line); });
}

void Auth::set_credentials(std::string api_key, Secret api_secret) {
    if (api_key.empty()) throw_invalid("api_key is empty");
    if (api_secret.empty()) throw_invalid("api_secret is empty");
    {
        std::lock_guard<std::mutex> lock(mutex_);
        api_key_ = std::move(api_key);
        api_secret_ = std::move(api_secret);
    }
    tokens_->clear();
    log_(LogLevel::Info, "credentials replaced; cached token dropped");
}

void Auth::set_access_token(Secret token) {
    if (token.empty()) throw_invalid("access token is empty");
    std::lock_guard<std::mutex> lock(mutex_);
    replace_access_token_locked(std::move(token));
    // The caller's own token: a 401 to it is the caller's to handle, not the session's. A
    // refresh already in flight for the old session finds the generation moved on and adopts
    // nothing; the old session's refresh token goes (wiped).
    session_adopted_ = false;
    ++session_generation_;
    refresh_token_.clear();
}

void Auth::replace_access_token_locked(Secret token) {
    access_token_ = std::move(token);
    access_line_.reset();  // made again from the new token on its first use
}

void Auth::adopt_session(Secret access_token, Secret refresh_token,
                         std::optional<std::uint64_t> only_for) {
    if (access_token.empty()) throw Error(Status::PROTOCOL, "sign-in answer has no access token");
    bool stale = false;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stale = only_for && *only_for != session_generation_;
        if (!stale) {
            replace_access_token_locked(std::move(access_token));
            if (!refresh_token.empty()) refresh_token_ = std::move(refresh_token);
            session_adopted_ = true;
            ++session_generation_;
            mode_.store(AuthMode::Bearer);
        }
    }
    if (stale) {  // logged with no lock held: a hook may take locks of its own
        log_(LogLevel::Info, "a session refresh ended after the session changed: dropped");
        return;
    }
    tokens_->clear();
    log_(LogLevel::Info, "signed in: the session's access token authenticates from now on");
}

std::string Auth::refresh_header() const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (refresh_token_.empty())
        throw_invalid("no refresh token: sign in first (verify_otp, google_auth_verify, ...)");
    return std::string(kBearerPrefix) + refresh_token_.reveal();
}

bool Auth::refresh_session(std::uint64_t generation, SteadyTime deadline, CancelToken *cancel,
                           const std::function<void()> &refresh) {
    std::uint64_t wake_id = 0;
    if (cancel) {
        wake_id = cancel->add_wakeup([this] {
            std::lock_guard<std::mutex> guard(mutex_);
            refreshed_.notify_all();
        });
    }
    struct Unregister {
        CancelToken *cancel;
        std::uint64_t id;
        ~Unregister() {
            if (cancel) cancel->remove_wakeup(id);
        }
    } unregister{cancel, wake_id};
    {
        // Declared after `unregister`: released before the wakeup is removed.
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            if (session_generation_ != generation) return session_adopted_;  // refreshed meanwhile
            if (failed_refresh_ == generation) return false;  // its refresh was refused
            if (!refreshing_) break;
            // Another caller's refresh is in flight: wait for it, within this call's own limits.
            if (cancel && cancel->cancelled()) throw Error(Status::CANCELLED, "call cancelled");
            auto left = deadline - clock_->now();
            if (left <= SteadyTime::duration::zero())
                throw Error(Status::TIMEOUT,
                            "deadline of the call passed while the session was "
                            "being refreshed");
            refreshed_.wait_once(lock, left);
        }
        refreshing_ = true;
    }
    struct Done {
        Auth &auth;
        ~Done() {
            std::lock_guard<std::mutex> lock(auth.mutex_);
            auth.refreshing_ = false;
            auth.refreshed_.notify_all();
        }
    } done{*this};
    try {
        refresh();
        log_(LogLevel::Info, "session refreshed after a 401");
        return true;
    } catch (const Error &e) {
        // Only the server's refusal of this refresh token settles the session; a timeout, a
        // cancellation or a network failure of this caller's refresh does not.
        bool refused = e.http_status == 400 || e.http_status == 401 || e.http_status == 403;
        if (refused) {
            std::lock_guard<std::mutex> lock(mutex_);
            failed_refresh_ = generation;
        }
        log_(LogLevel::Info, std::string("session refresh after a 401 failed: ") +
                                 status_name(e.code()) + "; the call's 401 stands");
        if (!refused && (e.code() == Status::CANCELLED || e.code() == Status::TIMEOUT)) throw;
        return false;
    }
}

void Auth::require_api_key() const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (api_key_.empty()) throw_invalid(kNoCredentials);
}

TokenUse Auth::add_headers(RequestHeaders &headers, SteadyTime deadline, CancelToken *cancel) {
    TokenUse use;
    switch (mode_.load()) {
        case AuthMode::Token: {
            require_api_key();
            use.generation = tokens_->append_header(headers, deadline, cancel);
            use.cached = true;
            break;
        }
        case AuthMode::Headers: {
            std::lock_guard<std::mutex> lock(mutex_);
            if (api_key_.empty()) throw_invalid(kNoCredentials);
            headers.add(HeaderLine("X-API-Key: " + api_key_));
            headers.add(HeaderLine("X-API-Secret: " + api_secret_.reveal()));
            break;
        }
        case AuthMode::Bearer: {
            std::lock_guard<std::mutex> lock(mutex_);
            if (access_token_.empty())
                throw_invalid("no access token: give access_token (or set YATIVO_ACCESS_TOKEN)");
            if (!access_line_) access_line_ = make_shared_line(kBearerPrefix, access_token_);
            headers.add(HeaderLine(access_line_));
            use.session = session_adopted_ && !refresh_token_.empty();
            use.session_generation = session_generation_;
            break;
        }
    }
    return use;
}

AccessToken Auth::token(SteadyTime deadline, CancelToken *cancel) {
    if (mode_ == AuthMode::Bearer) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (access_token_.empty()) throw_invalid("no access token configured");
        AccessToken out;
        out.access_token = access_token_;
        out.token_type = "Bearer";
        return out;
    }
    if (mode_ == AuthMode::Headers)
        throw_invalid("header authentication uses no access token (auth mode is headers)");
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (api_key_.empty()) throw_invalid("no credentials: give api_key and api_secret");
    }
    return tokens_->describe(deadline, cancel);
}

ExchangedToken Auth::exchange(SteadyTime deadline, CancelToken *cancel) {
    Call call;
    call.method = "POST";
    call.read_only = true;  // an exchange changes nothing: safe to repeat
    call.authenticated = false;
    call.has_body = true;
    call.sensitive_response = true;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (api_key_.empty() || api_secret_.empty()) throw_invalid(kNoCredentials);
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
        call.path = token_path_.load() == 0 ? CallPath::literal("/auth/token")
                                            : CallPath::literal("/apikey/token");
        try {
            payload = run_(call, deadline, cancel);
            break;
        } catch (const Error &e) {
            if (token_path_.load() == 0 && (e.http_status == 404 || e.http_status == 405)) {
                token_path_.store(1);
                log_(LogLevel::Info, "POST /auth/token answered " + std::to_string(e.http_status) +
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

}  // namespace yativo::detail
