#include "crypto.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "yativo/status.hpp"

namespace yativo::crypto {

std::vector<std::uint8_t> hmac_sha256(std::string_view key, std::string_view data) {
    std::vector<std::uint8_t> mac(EVP_MAX_MD_SIZE);
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char *>(data.data()), data.size(), mac.data(), &len))
        throw Error(Status::INTERNAL, "HMAC-SHA256 is unavailable");
    mac.resize(len);
    return mac;
}

std::string hex_lower(const std::vector<std::uint8_t> &bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

bool unhex(std::string_view hex, std::vector<std::uint8_t> &out) {
    if (hex.empty() || hex.size() % 2 != 0) return false;
    std::string copy(hex);
    long len = 0;
    // OPENSSL_hexstr2buf also accepts ':' separators; signatures never have them.
    if (copy.find(':') != std::string::npos) return false;
    unsigned char *buf = OPENSSL_hexstr2buf(copy.c_str(), &len);
    if (!buf) return false;
    out.assign(buf, buf + len);
    OPENSSL_free(buf);
    return true;
}

bool equal_constant_time(const std::vector<std::uint8_t> &a, const std::vector<std::uint8_t> &b) {
    if (a.size() != b.size()) return false;
    return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string uuid4() {
    unsigned char b[16];
    if (RAND_bytes(b, sizeof b) != 1)
        throw Error(Status::INTERNAL, "the OpenSSL random generator failed");
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
    std::string hex = hex_lower(std::vector<std::uint8_t>(b, b + 16));
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
           hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

}  // namespace yativo::crypto
