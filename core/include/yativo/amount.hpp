// Decimal amounts: strings end to end, never a double.
#pragma once

#include <string>
#include <string_view>

namespace yativo {

// Checks that `amount` is a plain positive decimal ("10", "0.1", "12.345678901234567890" with at
// most 18 decimals; no sign, exponent, leading zeros, spaces or empty parts) and returns it
// unchanged, ready to be written as a raw JSON number. INVALID_ARGUMENT otherwise.
std::string validate_amount(std::string_view amount);

}  // namespace yativo
