// Receiving-address checks done before any I/O, so an obviously wrong address never reaches
// the send-funds endpoint.
#pragma once

#include <string_view>

namespace yativo::detail {

// Throws INVALID_ARGUMENT when `address` cannot be an address on `chain`:
// Solana addresses decode from base58 to 32 bytes; EVM chains take 0x + 40 hex digits;
// other chains need a non-empty address without spaces.
void validate_address(std::string_view chain, std::string_view address);

}  // namespace yativo::detail
