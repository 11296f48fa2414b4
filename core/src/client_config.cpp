#include "client_config.hpp"

#include <cstdlib>
#include <utility>

#include "client_impl.hpp"
#include "log.hpp"
#include "yativo/defaults.hpp"
#include "yativo/status.hpp"
#include "yativo/version.hpp"

namespace yativo::detail {

namespace {

std::string env(const char *name) {
    const char *v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

// A secret from the environment, with no unwiped copy left behind.
Secret env_secret(const char *name) {
    std::string s = env(name);
    Secret out(s);
    wipe(s);
    return out;
}

// The one rule for an unset auth mode. What the caller gave decides before what the environment
// gave: an access token given without a key is Bearer even when YATIVO_API_KEY is set.
AuthMode infer_auth_mode(bool explicit_key, bool explicit_token, bool any_key, bool any_token) {
    if (explicit_key && explicit_token)
        throw_invalid(
            "both an API key and an access token are given: set the auth mode to choose one");
    if (explicit_token) return AuthMode::Bearer;
    if (explicit_key || any_key) return AuthMode::Token;
    return any_token ? AuthMode::Bearer : AuthMode::Token;
}

template <class D>
D positive(std::optional<D> value, D fallback, const char *what) {
    if (!value) return fallback;
    if (value->count() <= 0) throw_invalid(std::string(what) + " must be positive");
    return *value;
}

}  // namespace

ClientConfig resolve_client_config(ClientOptions options) {
    const bool explicit_key = !options.api_key.empty() || !options.api_secret.empty();
    const bool explicit_token = !options.access_token.empty();
    if (options.use_environment) {
        if (options.api_key.empty()) options.api_key = env("YATIVO_API_KEY");
        if (options.api_secret.empty()) options.api_secret = env_secret("YATIVO_API_SECRET");
        if (options.access_token.empty()) options.access_token = env_secret("YATIVO_ACCESS_TOKEN");
        if (options.totp_secret.empty()) options.totp_secret = env_secret("YATIVO_TOTP_SECRET");
        if (options.base_url.empty()) options.base_url = env("YATIVO_BASE_URL");
    }
    if (options.base_url.empty())
        options.base_url = options.environment == Environment::Sandbox ? defaults::sandbox_url
                                                                       : defaults::production_url;
    ClientConfig config;
    config.base_url = normalize_base_url(options.base_url);

    config.auth = options.auth
                      ? *options.auth
                      : infer_auth_mode(explicit_key, explicit_token,
                                        !options.api_key.empty() || !options.api_secret.empty(),
                                        !options.access_token.empty());
    if (config.auth != AuthMode::Bearer && options.api_key.empty() != options.api_secret.empty())
        throw_invalid(options.api_key.empty() ? "api_secret given without api_key"
                                              : "api_key given without api_secret");

    config.connect_timeout =
        positive(options.connect_timeout, defaults::connect_timeout, "connect timeout");
    config.attempt_timeout =
        positive(options.attempt_timeout, defaults::attempt_timeout, "attempt timeout");
    config.total_timeout =
        positive(options.total_timeout, defaults::total_timeout, "total timeout");
    config.max_retries = options.max_retries.value_or(defaults::max_retries);
    if (config.max_retries < 0 || config.max_retries > 100)
        throw_invalid("max_retries must be between 0 and 100");
    config.backoff_base = positive(options.backoff_base, defaults::backoff_base, "backoff base");
    config.backoff_cap = positive(options.backoff_cap, defaults::backoff_cap, "backoff cap");
    config.refresh_margin = options.refresh_margin.value_or(defaults::refresh_margin);
    if (config.refresh_margin.count() < 0) throw_invalid("refresh margin must not be negative");
    std::size_t max_bytes = options.max_response_bytes.value_or(defaults::max_response_bytes);
    if (max_bytes == 0) throw_invalid("max_response_bytes must be positive");
    config.totp_use_server_time = options.totp_use_server_time;
    config.log = std::move(options.log);
    config.on_totp_wait = std::move(options.on_totp_wait);
    config.log_level = options.log_level;
    // YATIVO_LOG is a diagnostics switch for clients without a hook, on every surface (the CLI
    // included). It carries no credentials, so it holds even when use_environment is off.
    if (!config.log) {
        if (auto level = log_level_from_environment()) {
            config.log = stderr_log_hook();
            config.log_level = *level;
        }
    }

    if (!options.totp_secret.empty()) {
        config.totp_period = positive(options.totp_period, defaults::totp_period, "TOTP period");
        config.totp_secret = std::move(options.totp_secret);
    } else if (options.totp_period && options.totp_period->count() <= 0) {
        throw_invalid("TOTP period must be positive");
    }

    // A pin or a CA silently left unused would be worse than a refusal.
    if (options.transport &&
        !(options.ca_file.empty() && options.ca_path.empty() && options.ca_blob.empty() &&
          options.pinned_public_key.empty() && options.proxy.empty()))
        throw_invalid(
            "ca_file, ca_path, ca_blob, pinned_public_key and proxy configure libcurl; a "
            "supplied transport brings its own TLS and proxy settings");
    config.supplied_transport = std::move(options.transport);

    TransportConfig &transport = config.transport;
    transport.ca_file = std::move(options.ca_file);
    transport.ca_path = std::move(options.ca_path);
    transport.ca_blob = std::move(options.ca_blob);
    transport.pinned_public_key = std::move(options.pinned_public_key);
    transport.proxy = std::move(options.proxy);
    transport.user_agent = std::string("libyativo/") + version();
    if (!options.user_agent.empty()) transport.user_agent += " " + options.user_agent;
    transport.max_response_bytes = max_bytes;

    config.credentials.api_key = std::move(options.api_key);
    config.credentials.api_secret = std::move(options.api_secret);
    config.credentials.access_token = std::move(options.access_token);
    return config;
}

}  // namespace yativo::detail
