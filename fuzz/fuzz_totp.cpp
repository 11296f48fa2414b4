// libFuzzer: base32 secrets and TOTP. Any string either decodes or is INVALID_ARGUMENT; a
// decodable one yields a code of exactly `digits` decimal digits for any time and period; and
// bytes encoded by an independent base32 encoder decode back to themselves.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "yativo/status.hpp"
#include "yativo/totp.hpp"

namespace {

std::string base32_encode(const std::vector<std::uint8_t> &bytes) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (std::uint8_t b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 5) {
            out += alphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    FuzzedDataProvider in(data, size);
    const std::int64_t t = in.ConsumeIntegral<std::int64_t>();
    const int period = in.ConsumeIntegralInRange<int>(-2, 100000);
    const int digits = in.ConsumeIntegralInRange<int>(4, 10);
    const std::vector<std::uint8_t> raw =
        in.ConsumeBytes<std::uint8_t>(in.ConsumeIntegralInRange(0, 64));
    const std::string secret = in.ConsumeRemainingBytesAsString();

    try {
        const yativo::Secret code = yativo::totp(secret, t, std::chrono::seconds(period), digits);
        if (code.reveal().size() != static_cast<size_t>(digits)) std::abort();
        for (char c : code.reveal())
            if (c < '0' || c > '9') std::abort();
    } catch (const yativo::Error &e) {
        if (e.code() != yativo::Status::INVALID_ARGUMENT) std::abort();
    }

    if (!raw.empty()) {
        const std::vector<std::uint8_t> back = yativo::decode_base32_secret(base32_encode(raw));
        if (back != raw) std::abort();
    }
    return 0;
}
