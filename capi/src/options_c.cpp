// C module "options": typed setters over yativo::ClientOptions, and the log callback.
#include <atomic>
#include <chrono>
#include <climits>
#include <cstdint>

#include <cxxabi.h>

#include "handles.hpp"

using yv_capi::guard;
using yv_capi::need;
using yv_capi::need_positive;
using yv_capi::need_str_or_empty;

namespace {

// Owns the caller's user_data: shared by the options and every client copied from them, so
// free_fn runs once, when the last of them lets go.
struct LogSink {
    LogSink(yv_log_fn f, void *data, yv_free_fn free) : fn(f), user_data(data), free_fn(free) {}
    LogSink(const LogSink &) = delete;
    LogSink &operator=(const LogSink &) = delete;
    ~LogSink() {
        if (free_fn) free_fn(user_data);
    }

    // Throws only a forced unwind: a callback that ends its thread (pthread_exit) unwinds it.
    __attribute__((no_sanitize("null"))) void operator()(yativo::LogLevel level,
                                                         std::string_view message) {
        if (off.load(std::memory_order_relaxed)) return;
        try {
            const std::string line(message);  // the callback gets a NUL-terminated copy
            if (fn(static_cast<yv_log_level>(level), line.c_str(), line.size(), user_data) !=
                YV_OK) {
                off.store(true, std::memory_order_relaxed);
            }
        } catch (abi::__forced_unwind &) {
            throw;
        } catch (...) {
            // Out of memory for a log line: drop the line, never the call.
        }
    }

    yv_log_fn fn;
    void *user_data;
    yv_free_fn free_fn;
    std::atomic<bool> off{false};
};

// Applies `set` to the options of a non-NULL handle.
template <class F>
yv_status set(yv_options *opts, yv_error **err, F &&apply) {
    return guard(err, [&] { apply(need(opts, "opts").options); });
}

std::chrono::milliseconds ms_positive(uint32_t ms, const char *what) {
    return std::chrono::milliseconds(need_positive(ms, what));
}

}  // namespace

extern "C" {

YV_API yv_status yv_options_new(yv_options **out, yv_error **err) {
    return guard(err, [&] {
        yv_capi::need_out(out, "out");
        yv_capi::give(out);
    });
}

YV_API void yv_options_free(yv_options *opts) {
    delete opts;
}

YV_API yv_status yv_options_set_environment(yv_options *opts, yv_environment env, yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        switch (yv_capi::raw_enum(env)) {
            case YV_ENV_PRODUCTION:
                o.environment = yativo::Environment::Production;
                return;
            case YV_ENV_SANDBOX:
                o.environment = yativo::Environment::Sandbox;
                return;
        }
        yv_capi::invalid("env is not a yv_environment value");
    });
}

YV_API yv_status yv_options_set_base_url(yv_options *opts, const char *url, yv_error **err) {
    return set(opts, err,
               [&](yativo::ClientOptions &o) { o.base_url = need_str_or_empty(url, "url"); });
}

YV_API yv_status yv_options_set_auth_mode(yv_options *opts, yv_auth_mode mode, yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        switch (yv_capi::raw_enum(mode)) {
            case YV_AUTH_TOKEN:
                o.auth = yativo::AuthMode::Token;
                return;
            case YV_AUTH_HEADERS:
                o.auth = yativo::AuthMode::Headers;
                return;
            case YV_AUTH_BEARER:
                o.auth = yativo::AuthMode::Bearer;
                return;
        }
        yv_capi::invalid("mode is not a yv_auth_mode value");
    });
}

YV_API yv_status yv_options_set_api_key(yv_options *opts, const char *api_key, yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        o.api_key = need_str_or_empty(api_key, "api_key");
    });
}

YV_API yv_status yv_options_set_api_secret(yv_options *opts, const char *api_secret,
                                           yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        o.api_secret = yativo::Secret(need_str_or_empty(api_secret, "api_secret"));
    });
}

YV_API yv_status yv_options_set_access_token(yv_options *opts, const char *token, yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        o.access_token = yativo::Secret(need_str_or_empty(token, "token"));
    });
}

YV_API yv_status yv_options_set_totp_secret(yv_options *opts, const char *base32_secret,
                                            yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        o.totp_secret = yativo::Secret(need_str_or_empty(base32_secret, "base32_secret"));
    });
}

YV_API yv_status yv_options_set_totp_period_s(yv_options *opts, uint32_t seconds, yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        o.totp_period = std::chrono::seconds(need_positive(seconds, "seconds"));
    });
}

YV_API yv_status yv_options_set_totp_use_server_time(yv_options *opts, bool enabled,
                                                     yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) { o.totp_use_server_time = enabled; });
}

YV_API yv_status yv_options_set_use_environment(yv_options *opts, bool enabled, yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) { o.use_environment = enabled; });
}

YV_API yv_status yv_options_set_timeout_ms(yv_options *opts, uint32_t ms, yv_error **err) {
    return set(opts, err,
               [&](yativo::ClientOptions &o) { o.total_timeout = ms_positive(ms, "timeout_ms"); });
}

YV_API yv_status yv_options_set_connect_timeout_ms(yv_options *opts, uint32_t ms, yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        o.connect_timeout = ms_positive(ms, "connect_timeout_ms");
    });
}

YV_API yv_status yv_options_set_attempt_timeout_ms(yv_options *opts, uint32_t ms, yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        o.attempt_timeout = ms_positive(ms, "attempt_timeout_ms");
    });
}

YV_API yv_status yv_options_set_max_retries(yv_options *opts, uint32_t retries, yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        if (retries > static_cast<uint32_t>(INT_MAX)) yv_capi::invalid("retries is too large");
        o.max_retries = static_cast<int>(retries);
    });
}

YV_API yv_status yv_options_set_backoff_base_ms(yv_options *opts, uint32_t ms, yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        o.backoff_base = ms_positive(ms, "backoff_base_ms");
    });
}

YV_API yv_status yv_options_set_backoff_cap_ms(yv_options *opts, uint32_t ms, yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        o.backoff_cap = ms_positive(ms, "backoff_cap_ms");
    });
}

YV_API yv_status yv_options_set_refresh_margin_s(yv_options *opts, uint32_t seconds,
                                                 yv_error **err) {
    return set(opts, err,
               [&](yativo::ClientOptions &o) { o.refresh_margin = std::chrono::seconds(seconds); });
}

YV_API yv_status yv_options_set_max_response_bytes(yv_options *opts, uint64_t bytes,
                                                   yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        if (bytes == 0) yv_capi::invalid("bytes must be greater than 0");
        if (bytes > SIZE_MAX) yv_capi::invalid("bytes does not fit in size_t");
        o.max_response_bytes = static_cast<std::size_t>(bytes);
    });
}

YV_API yv_status yv_options_set_ca_file(yv_options *opts, const char *path, yv_error **err) {
    return set(opts, err,
               [&](yativo::ClientOptions &o) { o.ca_file = need_str_or_empty(path, "path"); });
}

YV_API yv_status yv_options_set_ca_path(yv_options *opts, const char *dir, yv_error **err) {
    return set(opts, err,
               [&](yativo::ClientOptions &o) { o.ca_path = need_str_or_empty(dir, "dir"); });
}

YV_API yv_status yv_options_set_ca_blob(yv_options *opts, const char *pem, yv_error **err) {
    return set(opts, err,
               [&](yativo::ClientOptions &o) { o.ca_blob = need_str_or_empty(pem, "pem"); });
}

YV_API yv_status yv_options_set_pinned_public_key(yv_options *opts, const char *pin,
                                                  yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        o.pinned_public_key = need_str_or_empty(pin, "pin");
    });
}

YV_API yv_status yv_options_set_proxy(yv_options *opts, const char *proxy, yv_error **err) {
    return set(opts, err,
               [&](yativo::ClientOptions &o) { o.proxy = need_str_or_empty(proxy, "proxy"); });
}

YV_API yv_status yv_options_set_user_agent(yv_options *opts, const char *user_agent,
                                           yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        o.user_agent = need_str_or_empty(user_agent, "user_agent");
    });
}

YV_API yv_status yv_options_set_log_callback(yv_options *opts, yv_log_fn fn, void *user_data,
                                             yv_free_fn free_fn, yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        if (!fn) {
            o.log = nullptr;
            return;
        }
        // The sink takes ownership of user_data only once nothing else can fail.
        auto sink = std::make_shared<LogSink>(fn, user_data, nullptr);
        yativo::LogHook hook = [sink](yativo::LogLevel level, std::string_view message) {
            (*sink)(level, message);
        };
        sink->free_fn = free_fn;
        o.log = std::move(hook);
    });
}

YV_API yv_status yv_options_set_log_level(yv_options *opts, yv_log_level level, yv_error **err) {
    return set(opts, err, [&](yativo::ClientOptions &o) {
        switch (yv_capi::raw_enum(level)) {
            case YV_LOG_DEBUG:
                o.log_level = yativo::LogLevel::Debug;
                return;
            case YV_LOG_INFO:
                o.log_level = yativo::LogLevel::Info;
                return;
            case YV_LOG_WARN:
                o.log_level = yativo::LogLevel::Warn;
                return;
            case YV_LOG_ERROR:
                o.log_level = yativo::LogLevel::Error;
                return;
            case YV_LOG_OFF:
                o.log_level = yativo::LogLevel::Off;
                return;
        }
        yv_capi::invalid("level is not a yv_log_level value");
    });
}

}  // extern "C"
