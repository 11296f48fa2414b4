// Global options and YATIVO_* variables -> the core's ClientOptions and CallOptions. Flags win
// over the environment; every mistake is a UsageError, found before anything is sent.
#pragma once

#include <chrono>
#include <optional>

#include "args.hpp"
#include "inputs.hpp"
#include "yativo/options.hpp"

namespace yvcli {

struct Settings {
    yativo::ClientOptions client;
    yativo::CallOptions call;
};

enum class Credentials {
    Required,      // the command calls the API
    KeyAndSecret,  // only key + secret will do (token exchange)
};

Settings resolve_settings(const ParsedArgs &args, Inputs &inputs, Credentials needed);

// The TOTP source for `totp` and the period: --secret, else --totp-secret, else
// YATIVO_TOTP_SECRET.
yativo::Secret resolve_totp_secret(const ParsedArgs &args, Inputs &inputs);
std::optional<std::chrono::seconds> resolve_totp_period(const ParsedArgs &args);

// Strict parsers for numeric flag values: UsageError naming the flag when malformed.
long long parse_positive_integer(const std::string &text, const char *what, long long max);
std::chrono::milliseconds parse_seconds(const std::string &text, const char *what);

}  // namespace yvcli

#include "yativo/client.hpp"

namespace yvcli {

// A client and the per-call options, ready to call the API. Performs no I/O.
struct Session {
    yativo::Client client;
    yativo::CallOptions call;
};
Session open_session(const ParsedArgs &args, Inputs &inputs, Credentials needed);

}  // namespace yvcli
