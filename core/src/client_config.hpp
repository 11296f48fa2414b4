// A client's options resolved once, at construction: YATIVO_* environment variables for what
// was not given, the defaults of yativo/defaults.hpp for what is unset, every value checked
// (INVALID_ARGUMENT names the first one that is not acceptable).
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "auth.hpp"
#include "transport.hpp"
#include "yativo/options.hpp"
#include "yativo/secret.hpp"

namespace yativo::detail {

struct ClientConfig {
    std::string base_url;  // normalised (normalize_base_url)
    AuthMode auth = AuthMode::Token;
    Credentials credentials;
    Secret totp_secret;                   // base32, not decoded yet; may be empty
    std::chrono::seconds totp_period{0};  // set when totp_secret is not empty
    std::chrono::milliseconds connect_timeout{0};
    std::chrono::milliseconds attempt_timeout{0};
    std::chrono::milliseconds total_timeout{0};
    int max_retries = 0;
    std::chrono::milliseconds backoff_base{0};
    std::chrono::milliseconds backoff_cap{0};
    std::chrono::seconds refresh_margin{0};
    bool totp_use_server_time = true;
    LogHook log;  // a hook, or YATIVO_LOG's stderr sink, or none
    std::function<void(std::chrono::milliseconds)> on_totp_wait;  // ClientOptions::on_totp_wait
    LogLevel log_level = LogLevel::Info;
    TransportConfig transport;       // for the libcurl transport (unused when a test swaps it)
    TransportFn supplied_transport;  // the application's transport; empty: libcurl
};

// Throws INVALID_ARGUMENT for the first option that is not acceptable.
ClientConfig resolve_client_config(ClientOptions options);

}  // namespace yativo::detail
