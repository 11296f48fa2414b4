#include "yativo/totp.hpp"

#include <liboath/oath.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <chrono>
#include <cstdlib>
#include <mutex>

#include "yativo/defaults.hpp"
#include "yativo/status.hpp"

namespace yativo {

std::vector<std::uint8_t> decode_base32_secret(std::string_view secret) {
    // Normalise what people paste (lower case, groups separated by spaces or dashes, padding),
    // then let liboath do the decoding.
    std::string clean;
    clean.reserve(secret.size() + 8);
    for (char c : secret) {
        if (c == ' ' || c == '-' || c == '=' || c == '\t') continue;
        clean.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    if (clean.empty()) throw_invalid("TOTP secret is empty: give the base32 secret");
    while (clean.size() % 8 != 0) clean.push_back('=');
    static std::once_flag once;
    std::call_once(once, [] { oath_init(); });
    char *out = nullptr;
    size_t out_len = 0;
    int rc = oath_base32_decode(clean.data(), clean.size(), &out, &out_len);
    OPENSSL_cleanse(clean.data(), clean.size());
    if (rc != OATH_OK || out == nullptr || out_len == 0) {
        if (out) {
            OPENSSL_cleanse(out, out_len);
            std::free(out);
        }
        throw_invalid("TOTP secret is not valid base32 (letters A-Z and digits 2-7)");
    }
    std::vector<std::uint8_t> key(reinterpret_cast<std::uint8_t *>(out),
                                  reinterpret_cast<std::uint8_t *>(out) + out_len);
    OPENSSL_cleanse(out, out_len);
    std::free(out);
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
