#include "chains.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "crypto.hpp"

namespace yvsb {
namespace {

const char kBase58Alphabet[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const char kBech32Charset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

struct Alias {
    const char *alias;
    const char *name;
};

// Extra spellings seen in the reference (§10): codes, native symbols and long forms.
const Alias kAliases[] = {
    {"eth", "ethereum"},  {"sol", "solana"},     {"btc", "bitcoin"},  {"pol", "polygon"},
    {"matic", "polygon"}, {"bnb", "bsc"},        {"arb", "arbitrum"}, {"op", "optimism"},
    {"trx", "tron"},      {"avax", "avalanche"}, {"gno", "gnosis"},   {"xdai", "gnosis"},
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_hex(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

std::string hex_address_problem(std::string_view body, const char *what) {
    if (body.size() != 40 || !is_hex(body))
        return std::string("must be ") + what + " followed by 40 hexadecimal characters";
    return {};
}

}  // namespace

const std::vector<Chain> &all_chains() {
    static const std::vector<Chain> kChains = {
        {"ethereum", "ETH", AddressFamily::kEvm, "ETH", "0.002"},
        {"solana", "SOL", AddressFamily::kSolana, "SOL", "0.001"},
        {"bitcoin", "BTC", AddressFamily::kBitcoin, "BTC", "0.0001"},
        {"polygon", "POL", AddressFamily::kEvm, "POL", "0.001"},
        {"bsc", "BSC", AddressFamily::kEvm, "BNB", "0.001"},
        {"base", "BASE", AddressFamily::kEvm, "ETH", "0.001"},
        {"arbitrum", "ARB", AddressFamily::kEvm, "ETH", "0.001"},
        {"optimism", "OP", AddressFamily::kEvm, "ETH", "0.001"},
        {"xdc", "XDC", AddressFamily::kXdc, "XDC", "0.001"},
        {"tron", "TRON", AddressFamily::kTron, "TRX", "0.001"},
        {"avalanche", "AVAX", AddressFamily::kEvm, "AVAX", "0.001"},
        {"gnosis", "GNO", AddressFamily::kEvm, "XDAI", "0.001"},
    };
    return kChains;
}

const Chain *find_chain(std::string_view name_or_code) {
    std::string key = lower(name_or_code);
    for (const auto &a : kAliases)
        if (key == a.alias) key = a.name;
    for (const auto &c : all_chains())
        if (key == c.name || key == lower(c.code)) return &c;
    return nullptr;
}

bool split_ticker(std::string_view ticker, std::string *symbol, const Chain **suffix_chain) {
    if (ticker.empty() || ticker.size() > 32) return false;
    for (char c : ticker)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    size_t us = ticker.find('_');
    if (us == std::string_view::npos) {
        *symbol = std::string(ticker);
        *suffix_chain = nullptr;
        return true;
    }
    std::string_view sym = ticker.substr(0, us), suffix = ticker.substr(us + 1);
    if (sym.empty() || suffix.empty() || suffix.find('_') != std::string_view::npos) return false;
    const Chain *chain = find_chain(suffix);
    if (!chain) return false;
    *symbol = std::string(sym);
    *suffix_chain = chain;
    return true;
}

bool is_native_symbol(const Chain &chain, std::string_view symbol) {
    return lower(symbol) == lower(chain.native);
}

std::optional<std::vector<uint8_t>> base58_decode(std::string_view text) {
    if (text.empty() || text.size() > 128) return std::nullopt;
    std::vector<uint8_t> bytes;  // big-endian magnitude
    for (char c : text) {
        const char *p = std::strchr(kBase58Alphabet, c);
        if (c == '\0' || p == nullptr) return std::nullopt;
        int carry = static_cast<int>(p - kBase58Alphabet);
        for (auto it = bytes.rbegin(); it != bytes.rend(); ++it) {
            carry += 58 * (*it);
            *it = static_cast<uint8_t>(carry & 0xff);
            carry >>= 8;
        }
        while (carry > 0) {
            bytes.insert(bytes.begin(), static_cast<uint8_t>(carry & 0xff));
            carry >>= 8;
        }
    }
    size_t zeros = 0;
    while (zeros < text.size() && text[zeros] == '1') ++zeros;
    bytes.insert(bytes.begin(), zeros, 0);
    return bytes;
}

std::string base58_encode(const std::vector<uint8_t> &bytes) {
    std::vector<uint8_t> digits;  // base-58 digits, little-endian
    for (uint8_t b : bytes) {
        int carry = b;
        for (auto &d : digits) {
            carry += 256 * d;
            d = static_cast<uint8_t>(carry % 58);
            carry /= 58;
        }
        while (carry > 0) {
            digits.push_back(static_cast<uint8_t>(carry % 58));
            carry /= 58;
        }
    }
    std::string out;
    for (size_t i = 0; i < bytes.size() && bytes[i] == 0; ++i) out.push_back('1');
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) out.push_back(kBase58Alphabet[*it]);
    return out;
}

std::string address_problem(const Chain &chain, std::string_view address) {
    switch (chain.family) {
        case AddressFamily::kEvm:
            if (address.substr(0, 2) != "0x" && address.substr(0, 2) != "0X")
                return "must be 0x followed by 40 hexadecimal characters";
            return hex_address_problem(address.substr(2), "0x");
        case AddressFamily::kXdc:
            if (address.substr(0, 3) == "xdc") return hex_address_problem(address.substr(3), "xdc");
            if (address.substr(0, 2) == "0x") return hex_address_problem(address.substr(2), "0x");
            return "must be xdc or 0x followed by 40 hexadecimal characters";
        case AddressFamily::kSolana: {
            auto bytes = base58_decode(address);
            if (!bytes || bytes->size() != 32)
                return "must be a base58 Solana address that decodes to 32 bytes";
            return {};
        }
        case AddressFamily::kTron: {
            auto bytes = base58_decode(address);
            if (address.empty() || address[0] != 'T' || !bytes || bytes->size() != 25 ||
                (*bytes)[0] != 0x41)
                return "must be a base58 Tron address starting with T";
            return {};
        }
        case AddressFamily::kBitcoin: {
            std::string low = lower(address);
            if (low.rfind("bc1", 0) == 0 || low.rfind("tb1", 0) == 0) {
                std::string_view data = std::string_view(low).substr(3);
                bool ok = data.size() >= 11 && data.size() <= 71 &&
                          std::all_of(data.begin(), data.end(), [](char c) {
                              return std::strchr(kBech32Charset, c) != nullptr && c != '\0';
                          });
                return ok ? std::string() : "must be a valid bech32 Bitcoin address";
            }
            auto bytes = base58_decode(address);
            if (!bytes || bytes->size() != 25) return "must be a valid Bitcoin address";
            return {};
        }
    }
    return "unsupported chain";
}

std::string generate_address(const Chain &chain) {
    switch (chain.family) {
        case AddressFamily::kEvm:
            return "0x" + random_hex(20);
        case AddressFamily::kXdc:
            return "xdc" + random_hex(20);
        case AddressFamily::kSolana:
            return base58_encode(random_bytes(32));
        case AddressFamily::kTron: {
            auto bytes = random_bytes(25);
            bytes[0] = 0x41;
            return base58_encode(bytes);
        }
        case AddressFamily::kBitcoin: {
            auto bytes = random_bytes(38);
            std::string out = "bc1q";
            for (uint8_t b : bytes) out.push_back(kBech32Charset[b % 32]);
            return out;
        }
    }
    return {};
}

std::string generate_tx_hash(const Chain &chain) {
    switch (chain.family) {
        case AddressFamily::kSolana:
            return base58_encode(random_bytes(64));
        case AddressFamily::kBitcoin:
        case AddressFamily::kTron:
            return random_hex(32);
        case AddressFamily::kEvm:
        case AddressFamily::kXdc:
            return "0x" + random_hex(32);
    }
    return {};
}

}  // namespace yvsb
