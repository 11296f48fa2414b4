// RFC 6238 TOTP (HMAC-SHA1, 6 digits) with a ±1 step window and no reuse of an accepted step.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace yvsb {

// Decodes a base32 secret (case-insensitive, spaces and padding tolerated); nullopt if invalid.
std::optional<std::vector<uint8_t>> base32_decode(const std::string &secret);
std::string base32_encode(const std::vector<uint8_t> &bytes);

// The 6-digit code of one time step (RFC 4226 dynamic truncation).
std::string totp_code(const std::vector<uint8_t> &key, uint64_t step);

enum class TotpResult { kAccepted, kMissing, kMalformed, kWrong, kReused };

class TotpVerifier {
  public:
    TotpVerifier(std::vector<uint8_t> key, int period_seconds)
        : key_(std::move(key)), period_(period_seconds) {}

    // Checks `code` against the steps around `unix_seconds`; an accepted step is remembered and
    // never accepted again.
    TotpResult verify(const std::string &code, int64_t unix_seconds);
    void forget_used_steps() { used_.clear(); }

  private:
    std::vector<uint8_t> key_;
    int period_;
    std::set<uint64_t> used_;
};

}  // namespace yvsb
