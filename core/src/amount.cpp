#include "yativo/amount.hpp"

#include "yativo/defaults.hpp"
#include "yativo/status.hpp"

namespace yativo {

namespace {
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
}  // namespace

std::string validate_amount(std::string_view amount) {
    const std::string shown =
        amount.size() > 40 ? std::string(amount.substr(0, 40)) + "..." : std::string(amount);
    auto fail = [&](const char *why) {
        throw_invalid("amount \"" + shown + "\" " + why +
                      ": give a positive decimal string such as \"10.5\"");
    };
    if (amount.empty()) fail("is empty");
    std::size_t dot = amount.find('.');
    std::string_view whole = amount.substr(0, dot);
    std::string_view frac =
        dot == std::string_view::npos ? std::string_view{} : amount.substr(dot + 1);
    if (whole.empty()) fail("has no digits before the decimal point");
    for (char c : whole)
        if (!is_digit(c)) fail("is not a plain decimal number");
    if (whole.size() > 1 && whole[0] == '0') fail("has a leading zero");
    if (whole.size() > static_cast<std::size_t>(defaults::amount_max_integer_digits))
        fail("has more than 78 digits before the decimal point");
    if (dot != std::string_view::npos) {
        if (frac.empty()) fail("ends with a decimal point");
        for (char c : frac)
            if (!is_digit(c)) fail("is not a plain decimal number");
        if (frac.size() > static_cast<std::size_t>(defaults::amount_max_decimals))
            fail("has more than 18 decimals");
    }
    bool nonzero = false;
    for (char c : amount) nonzero = nonzero || (c >= '1' && c <= '9');
    if (!nonzero) fail("is zero");
    return std::string(amount);
}

}  // namespace yativo
