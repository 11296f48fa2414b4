// Randomness, hashing and constant-time comparison on OpenSSL.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace yvsb {

std::vector<uint8_t> random_bytes(size_t n);
std::string random_hex(size_t nbytes);  // 2*nbytes lower-case hex characters
std::string to_hex(const uint8_t *data, size_t n);

std::vector<uint8_t> hmac_sha256(std::string_view key, std::string_view data);
std::vector<uint8_t> hmac_sha1(const std::vector<uint8_t> &key, const uint8_t *data, size_t n);

// Constant-time for equal lengths; the length itself is not secret.
bool constant_time_equal(std::string_view a, std::string_view b);

std::string base64url(std::string_view data);  // no padding

}  // namespace yvsb
