// RFC 6238 TOTP (HMAC-SHA1) and base32 secrets.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yativo/secret.hpp"

namespace yativo {

// Decodes an RFC 4648 base32 secret (case-insensitive; spaces, dashes and '=' padding are
// ignored). INVALID_ARGUMENT when it is empty or not base32.
std::vector<std::uint8_t> decode_base32_secret(std::string_view secret);

// The code for the step containing unix time `unix_seconds`.
// digits 6..8; period > 0. The result is wrapped in Secret: 2FA codes are never logged.
Secret totp_code(const std::vector<std::uint8_t> &key, std::int64_t unix_seconds,
                 std::chrono::seconds period, int digits = 6);
Secret totp_code_for_step(const std::vector<std::uint8_t> &key, std::uint64_t step, int digits);

// Convenience: base32 secret, time (nullopt = now), period (nullopt = default).
Secret totp(std::string_view base32_secret, std::optional<std::int64_t> unix_seconds = {},
            std::optional<std::chrono::seconds> period = {}, int digits = 6);

}  // namespace yativo
