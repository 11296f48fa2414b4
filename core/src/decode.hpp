// Turns an HTTP answer into a payload or an Error, for every envelope and error shape the API
// documents (reference §4.1): {status:true|"success", message, data}, {success:true, data}, bare
// bodies; errors {error, message, details}, {status:false, message}, {success:false, error},
// {error:{code, message}}.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "transport.hpp"
#include "yativo/payload.hpp"
#include "yativo/status.hpp"

namespace yativo::detail {

// The status code a non-2xx HTTP status maps to (SPEC §3; docs/errors.md has the table).
Status status_for_http(long http_status);

// Whether an answer with this HTTP status may be repeated and succeed: 408, 429, 500, 502, 503,
// 504. Other 5xx (501, 505, ...) will answer the same again.
bool retryable_http(long http_status);

// The longest wait a server's Retry-After (or retry_after) is taken to ask for; longer values
// are cut to it, and a call's deadline refuses to wait that long anyway.
inline constexpr std::int64_t kMaxRetryAfterSeconds = 86400;

// A Retry-After value (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date read against
// `now_unix`; surrounding white space allowed. The wait in seconds, clamped to
// [0, kMaxRetryAfterSeconds]; nullopt when the value is neither.
std::optional<double> parse_retry_after(std::string_view value, std::int64_t now_unix);

// Builds the Error for an answer that is not a success (any HTTP status).
Error decode_error(const HttpResult &response);

// The payload of a successful answer. Throws the decoded Error when the body says the call failed
// despite a 2xx, and PROTOCOL when the body is not JSON. An empty body is a null payload.
// The body is taken (parsed in place, json::parse_taking); `holds_secret`: the answer carries a
// secret, and the body is wiped when the payload is freed.
Payload decode_success(HttpResult &&response, bool holds_secret = false);

// True when the answer is a success by SPEC §3 (2xx and neither `status` nor `success` false).
bool is_success(const HttpResult &response, const rapidjson::Document *doc);

}  // namespace yativo::detail
