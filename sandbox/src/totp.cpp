#include "totp.hpp"

#include <liboath/oath.h>

#include <cstdlib>

#include "crypto.hpp"

namespace yvsb {

std::optional<std::vector<uint8_t>> base32_decode(const std::string &secret) {
    std::string cleaned;
    for (char c : secret) {
        if (c == ' ' || c == '-') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        cleaned.push_back(c);
    }
    while (!cleaned.empty() && cleaned.back() == '=') cleaned.pop_back();
    if (cleaned.empty()) return std::nullopt;
    // liboath insists on padding to a multiple of 8 characters.
    while (cleaned.size() % 8 != 0) cleaned.push_back('=');
    char *out = nullptr;
    size_t out_len = 0;
    int rc = oath_base32_decode(cleaned.data(), cleaned.size(), &out, &out_len);
    if (rc != OATH_OK || out == nullptr || out_len == 0) {
        free(out);
        return std::nullopt;
    }
    std::vector<uint8_t> bytes(reinterpret_cast<uint8_t *>(out),
                               reinterpret_cast<uint8_t *>(out) + out_len);
    free(out);
    return bytes;
}

std::string base32_encode(const std::vector<uint8_t> &bytes) {
    char *out = nullptr;
    size_t out_len = 0;
    if (oath_base32_encode(reinterpret_cast<const char *>(bytes.data()), bytes.size(), &out,
                           &out_len) != OATH_OK)
        return {};
    std::string s(out, out_len);
    free(out);
    while (!s.empty() && s.back() == '=') s.pop_back();
    return s;
}

std::string totp_code(const std::vector<uint8_t> &key, uint64_t step) {
    uint8_t counter[8];
    for (int i = 7; i >= 0; --i) {
        counter[i] = static_cast<uint8_t>(step & 0xff);
        step >>= 8;
    }
    auto mac = hmac_sha1(key, counter, sizeof counter);
    unsigned offset = mac[19] & 0x0f;
    uint32_t bin = (static_cast<uint32_t>(mac[offset] & 0x7f) << 24) |
                   (static_cast<uint32_t>(mac[offset + 1]) << 16) |
                   (static_cast<uint32_t>(mac[offset + 2]) << 8) |
                   static_cast<uint32_t>(mac[offset + 3]);
    std::string code = std::to_string(bin % 1000000);
    return std::string(6 - code.size(), '0') + code;
}

TotpResult TotpVerifier::verify(const std::string &code, int64_t unix_seconds) {
    if (code.empty()) return TotpResult::kMissing;
    if (code.size() != 6) return TotpResult::kMalformed;
    for (char c : code)
        if (c < '0' || c > '9') return TotpResult::kMalformed;
    uint64_t now_step = static_cast<uint64_t>(unix_seconds) / static_cast<uint64_t>(period_);
    bool matched_used = false;
    for (int delta = -1; delta <= 1; ++delta) {
        uint64_t step = now_step + static_cast<uint64_t>(static_cast<int64_t>(delta));
        if (!constant_time_equal(totp_code(key_, step), code)) continue;
        if (used_.count(step)) {
            matched_used = true;
            continue;
        }
        used_.insert(step);
        // Steps older than the window can never match again: keep the set small.
        while (!used_.empty() && *used_.begin() + 2 < now_step) used_.erase(used_.begin());
        return TotpResult::kAccepted;
    }
    return matched_used ? TotpResult::kReused : TotpResult::kWrong;
}

}  // namespace yvsb
