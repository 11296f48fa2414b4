// Client and per-call options. Every tunable is optional: unset means the default of
// defaults.hpp, resolved by the core.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "yativo/cancel.hpp"
#include "yativo/secret.hpp"
#include "yativo/transport.hpp"

namespace yativo {

enum class AuthMode {
    Token,    // api_key + api_secret exchanged for a short-lived bearer token (default)
    Headers,  // X-API-Key + X-API-Secret on every request
    Bearer,   // a caller-supplied access token, used as is
};

enum class Environment { Production, Sandbox };

enum class LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3, Off = 4 };
const char *log_level_name(LogLevel level) noexcept;
// The level log_level_name spells `name` ("debug", ... "off", lower case); nullopt otherwise.
std::optional<LogLevel> log_level_from_name(std::string_view name) noexcept;

// Receives every log line at or above ClientOptions::log_level. Lines never contain a secret.
// Called on the thread that makes the call; must not call back into the client.
using LogHook = std::function<void(LogLevel, std::string_view)>;

struct ClientOptions {
    Environment environment = Environment::Production;
    std::string base_url;  // overrides environment when not empty; http:// only to loopback
    // Unset: decided from the credentials, here and nowhere else (every binding passes unset):
    // an access token given without a key means Bearer; a key and secret mean Token; both given
    // is INVALID_ARGUMENT. Credentials given here win over the environment's.
    std::optional<AuthMode> auth;

    std::string api_key;
    Secret api_secret;
    Secret access_token;  // AuthMode::Bearer
    Secret totp_secret;   // base32; source of X-2FA-Token codes
    std::optional<std::chrono::seconds> totp_period;
    // Correct the TOTP clock by the offset between the server's Date header and this machine's
    // clock when they differ by more than a few seconds (gateways boot with wrong clocks).
    bool totp_use_server_time = true;

    // Read YATIVO_API_KEY, YATIVO_API_SECRET, YATIVO_ACCESS_TOKEN, YATIVO_BASE_URL and
    // YATIVO_TOTP_SECRET for whatever was not given explicitly.
    bool use_environment = true;

    std::optional<std::chrono::milliseconds> connect_timeout;
    std::optional<std::chrono::milliseconds> attempt_timeout;
    std::optional<std::chrono::milliseconds> total_timeout;
    std::optional<int> max_retries;
    std::optional<std::chrono::milliseconds> backoff_base;
    std::optional<std::chrono::milliseconds> backoff_cap;
    std::optional<std::chrono::seconds> refresh_margin;
    std::optional<std::size_t> max_response_bytes;

    std::string ca_file;
    std::string ca_path;
    std::string ca_blob;            // PEM in memory
    std::string pinned_public_key;  // libcurl CURLOPT_PINNEDPUBLICKEY syntax ("sha256//...")
    std::string proxy;
    std::string user_agent;  // appended after "libyativo/VERSION"

    LogHook log;
    LogLevel log_level = LogLevel::Info;
    // Called with the wait before a call sleeps until the next unused TOTP step begins: a code is
    // never sent twice, so back-to-back 2FA calls may wait up to one period. Never given a code.
    // The CLI says "waiting N s for the next 2FA code" with it.
    std::function<void(std::chrono::milliseconds)> on_totp_wait;

    // Performs the HTTP exchanges instead of libcurl (yativo/transport.hpp); empty: libcurl.
    // With it set, the TLS and proxy options above must stay empty (INVALID_ARGUMENT).
    TransportFn transport;
};

// Per-call overrides.
struct CallOptions {
    std::optional<std::chrono::milliseconds> timeout;  // total deadline of this call
    std::string idempotency_key;
    Secret totp_code;  // an explicit 6-digit 2FA code; else the client's TOTP source is used
    CancelTokenPtr cancel;
    // Return the whole answer (Payload::envelope()) where a call returns its payload as JSON:
    // the siblings of `data`, such as `pagination`, are then reachable from every language.
    bool envelope = false;
};

}  // namespace yativo
