// The chains the emulator knows: names and codes, address formats, native assets, fees.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yvsb {

enum class AddressFamily { kEvm, kSolana, kBitcoin, kTron, kXdc };

struct Chain {
    const char *name;  // canonical lower-case name used in requests: "solana"
    const char *code;  // upper-case code used in responses: "SOL"
    AddressFamily family;
    const char *native;  // native asset symbol: "SOL"
    const char *fee;     // fixed network fee per transfer, in units of the asset sent
};

// Looks a chain up by name or code, case-insensitively ("solana", "SOL", "Base", "MATIC").
const Chain *find_chain(std::string_view name_or_code);
const std::vector<Chain> &all_chains();

// Splits a ticker "USDC_SOL" into symbol "USDC" and the chain named by its suffix (nullptr when
// the ticker has no suffix, e.g. "ETH"). Returns false when the ticker is malformed or its suffix
// names no known chain.
bool split_ticker(std::string_view ticker, std::string *symbol, const Chain **suffix_chain);

bool is_native_symbol(const Chain &chain, std::string_view symbol);

// Why `address` is not valid on `chain`, or an empty string when it is.
std::string address_problem(const Chain &chain, std::string_view address);

std::string generate_address(const Chain &chain);
std::string generate_tx_hash(const Chain &chain);

std::optional<std::vector<uint8_t>> base58_decode(std::string_view text);
std::string base58_encode(const std::vector<uint8_t> &bytes);

}  // namespace yvsb
