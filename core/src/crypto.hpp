// OpenSSL helpers of the core.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace yativo::crypto {

std::vector<std::uint8_t> hmac_sha256(std::string_view key, std::string_view data);
std::string hex_lower(const std::vector<std::uint8_t> &bytes);
// Decodes hex (either case); false when it is not hex.
bool unhex(std::string_view hex, std::vector<std::uint8_t> &out);
bool equal_constant_time(const std::vector<std::uint8_t> &a, const std::vector<std::uint8_t> &b);
// A random UUID version 4 from the OpenSSL CSPRNG.
std::string uuid4();

}  // namespace yativo::crypto
