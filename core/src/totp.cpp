#include "yativo/totp.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <chrono>

#include "yativo/defaults.hpp"
#include "yativo/status.hpp"

namespace yativo {

// RFC 4648 §6 decoding, here rather than through liboath: oath_base32_decode returns its output
// in a buffer it allocated and frees its own working copy without wiping it, so a TOTP secret
// would stay in freed memory; no Debian library decodes base32 into a buffer the caller owns.
// Checked by the RFC's §10 test vectors (tests/core/totp_test.cpp).
std::vector<std::uint8_t> decode_base32_secret(std::string_view secret) {
    // What people paste: lower case, groups separated by spaces or dashes, '=' padding.
    std::vector<std::uint8_t> key;
    key.reserve(secret.size() * 5 / 8 + 1);  // never reallocated: no unwiped copy is left behind
    std::uint32_t bits = 0;
    int nbits = 0;
    std::size_t symbols = 0;
    bool padding = false;
    bool bad = false;
    for (char c : secret) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        if (c == '=') {
            padding = true;
            continue;
        }
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        int value = c >= 'A' && c <= 'Z' ? c - 'A' : c >= '2' && c <= '7' ? c - '2' + 26 : -1;
        if (value < 0 || padding) {  // not the alphabet, or a symbol after the padding
            bad = true;
            break;
        }
        ++symbols;
        bits = (bits << 5) | static_cast<std::uint32_t>(value);
        nbits += 5;
        if (nbits >= 8) {
            nbits -= 8;
            key.push_back(static_cast<std::uint8_t>(bits >> nbits));
            bits &= (1u << nbits) - 1;
        }
    }
    OPENSSL_cleanse(&bits, sizeof bits);
    // A final quantum of 1, 3 or 6 symbols encodes no whole byte: not base32 (RFC 4648 §6).
    const std::size_t tail = symbols % 8;
    if (!bad && (tail == 1 || tail == 3 || tail == 6)) bad = true;
    if (bad || key.empty()) {
        OPENSSL_cleanse(key.data(), key.size());
        if (symbols == 0 && !bad) throw_invalid("TOTP secret is empty: give the base32 secret");
        throw_invalid("TOTP secret is not valid base32 (letters A-Z and digits 2-7)");
    }
    return key;
}

Secret totp_code_for_step(const std::vector<std::uint8_t> &key, std::uint64_t step, int digits) {
    if (digits < 6 || digits > 8) throw_invalid("TOTP digits must be 6, 7 or 8");
    if (key.empty()) throw_invalid("TOTP key is empty");
    unsigned char msg[8];
    for (int i = 7; i >= 0; --i) {
        msg[i] = static_cast<unsigned char>(step & 0xff);
        step >>= 8;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_len = 0;
    if (!HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), msg, sizeof msg, mac,
              &mac_len) ||
        mac_len < 20)
        throw Error(Status::INTERNAL, "HMAC-SHA1 is unavailable");
    // RFC 4226 §5.3 dynamic truncation.
    int offset = mac[mac_len - 1] & 0x0f;
    std::uint32_t bin = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                        (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                        (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                        static_cast<std::uint32_t>(mac[offset + 3]);
    OPENSSL_cleanse(mac, sizeof mac);
    std::uint32_t mod = 1;
    for (int i = 0; i < digits; ++i) mod *= 10;
    std::uint32_t code = bin % mod;
    char buf[9];
    for (int i = digits - 1; i >= 0; --i) {
        buf[i] = static_cast<char>('0' + code % 10);
        code /= 10;
    }
    Secret result(std::string_view(buf, static_cast<std::size_t>(digits)));
    OPENSSL_cleanse(buf, sizeof buf);
    return result;
}

Secret totp_code(const std::vector<std::uint8_t> &key, std::int64_t unix_seconds,
                 std::chrono::seconds period, int digits) {
    if (period.count() <= 0) throw_invalid("TOTP period must be positive");
    if (unix_seconds < 0) throw_invalid("TOTP time must not be before 1970");
    return totp_code_for_step(key, static_cast<std::uint64_t>(unix_seconds / period.count()),
                              digits);
}

Secret totp(std::string_view base32_secret, std::optional<std::int64_t> unix_seconds,
            std::optional<std::chrono::seconds> period, int digits) {
    struct WipedKey {
        std::vector<std::uint8_t> bytes;
        ~WipedKey() { OPENSSL_cleanse(bytes.data(), bytes.size()); }
    } key{decode_base32_secret(base32_secret)};  // wiped on every exit, exceptions included
    std::int64_t now = unix_seconds ? *unix_seconds
                                    : std::chrono::duration_cast<std::chrono::seconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count();
    return totp_code(key.bytes, now, period.value_or(defaults::totp_period), digits);
}

}  // namespace yativo
