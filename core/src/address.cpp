#include "address.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "yativo/status.hpp"

namespace yativo::detail {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Bitcoin-alphabet base58 to bytes. No Debian or maintained C/C++ package offers base58
// (libbase58 is not in Debian 12), and this is a dozen lines of arithmetic.
bool base58_decode(std::string_view text, std::vector<unsigned char> &out) {
    static const char alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    std::vector<unsigned char> bytes;  // little-endian base-256 accumulator
    std::size_t leading_ones = 0;
    while (leading_ones < text.size() && text[leading_ones] == '1') ++leading_ones;
    for (char c : text) {
        const char *p = std::char_traits<char>::find(alphabet, 58, c);
        if (!p) return false;
        int carry = static_cast<int>(p - alphabet);
        for (auto &b : bytes) {
            carry += 58 * b;
            b = static_cast<unsigned char>(carry & 0xff);
            carry >>= 8;
        }
        while (carry > 0) {
            bytes.push_back(static_cast<unsigned char>(carry & 0xff));
            carry >>= 8;
        }
    }
    out.assign(leading_ones, 0);
    out.insert(out.end(), bytes.rbegin(), bytes.rend());
    return true;
}

bool is_evm(const std::string &chain) {
    static const char *evm[] = {"ethereum",  "eth",  "polygon",  "pol", "matic",    "bsc",
                                "bnb",       "base", "arbitrum", "arb", "optimism", "op",
                                "avalanche", "avax", "gnosis",   "gno", "xdai",     "sepolia"};
    return std::any_of(std::begin(evm), std::end(evm), [&](const char *c) { return chain == c; });
}

}  // namespace

void validate_address(std::string_view chain_in, std::string_view address) {
    if (address.empty()) throw_invalid("receiving_address is empty");
    if (address.size() > 256) throw_invalid("receiving_address is too long");
    for (char c : address)
        if (std::isspace(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) < 0x20)
            throw_invalid("receiving_address contains spaces or control characters");
    std::string chain = lower(chain_in);
    if (chain == "solana" || chain == "sol") {
        std::vector<unsigned char> bytes;
        if (!base58_decode(address, bytes) || bytes.size() != 32)
            throw_invalid("receiving_address is not a Solana address (base58 of 32 bytes)");
        return;
    }
    if (is_evm(chain)) {
        bool ok = address.size() == 42 && address[0] == '0' &&
                  (address[1] == 'x' || address[1] == 'X') &&
                  std::all_of(address.begin() + 2, address.end(),
                              [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
        if (!ok) throw_invalid("receiving_address is not an EVM address (0x and 40 hex digits)");
    }
}

}  // namespace yativo::detail
