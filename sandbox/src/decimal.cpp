#include "decimal.hpp"

namespace yvsb {
namespace {

constexpr int kMaxIntegerDigits = 19;

Int128 pow10(int n) {
    Int128 r = 1;
    for (int i = 0; i < n; ++i) r *= 10;
    return r;
}

const Int128 kOne = pow10(Decimal::kScale);
const Int128 kLimit = pow10(Decimal::kScale + kMaxIntegerDigits);  // exclusive bound on |units|

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

bool Decimal::in_range(Int128 units) {
    return units < kLimit && units > -kLimit;
}

std::optional<Decimal> Decimal::parse(std::string_view text, std::string *why) {
    auto fail = [&](const char *msg) -> std::optional<Decimal> {
        if (why) *why = msg;
        return std::nullopt;
    };
    if (text.empty()) return fail("must be a decimal number");
    if (text[0] == '-') return fail("must be positive");
    size_t dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view frac =
        dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    if (whole.empty()) return fail("must be a decimal number with digits before the point");
    for (char c : whole) {
        if (c == 'e' || c == 'E') return fail("must be a plain decimal number (no exponent)");
        if (!is_digit(c)) return fail("must be a decimal number");
    }
    if (dot != std::string_view::npos && frac.empty())
        return fail("must have digits after the decimal point");
    for (char c : frac) {
        if (c == 'e' || c == 'E') return fail("must be a plain decimal number (no exponent)");
        if (!is_digit(c)) return fail("must be a decimal number");
    }
    if (frac.size() > static_cast<size_t>(kScale))
        return fail("must have at most 18 decimal places");
    size_t first_nonzero = whole.find_first_not_of('0');
    size_t significant = first_nonzero == std::string_view::npos ? 0 : whole.size() - first_nonzero;
    if (significant > static_cast<size_t>(kMaxIntegerDigits)) return fail("is too large");
    Int128 units = 0;
    for (char c : whole) units = units * 10 + (c - '0');
    units *= kOne;
    Int128 frac_units = 0;
    for (char c : frac) frac_units = frac_units * 10 + (c - '0');
    frac_units *= pow10(kScale - static_cast<int>(frac.size()));
    units += frac_units;
    if (!in_range(units)) return fail("is too large");
    return Decimal(units);
}

std::string Decimal::str() const {
    bool negative = units_ < 0;
    Int128 v = negative ? -units_ : units_;
    Int128 whole = v / kOne;
    Int128 frac = v % kOne;
    std::string digits;
    if (whole == 0) digits = "0";
    while (whole > 0) {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(whole % 10)));
        whole /= 10;
    }
    std::string out = negative ? "-" + digits : digits;
    if (frac != 0) {
        std::string f(kScale, '0');
        for (int i = kScale - 1; i >= 0; --i) {
            f[static_cast<size_t>(i)] = static_cast<char>('0' + static_cast<int>(frac % 10));
            frac /= 10;
        }
        f.erase(f.find_last_not_of('0') + 1);
        out += "." + f;
    }
    return out;
}

std::optional<Decimal> Decimal::plus(const Decimal &other) const {
    Int128 r = units_ + other.units_;  // both < 10^37 in magnitude: no overflow
    if (!in_range(r)) return std::nullopt;
    return Decimal(r);
}

std::optional<Decimal> Decimal::minus(const Decimal &other) const {
    Int128 r = units_ - other.units_;
    if (!in_range(r)) return std::nullopt;
    return Decimal(r);
}

long long Decimal::days_to_seconds() const {
    Int128 seconds = (units_ / kOne) * 86400 + (units_ % kOne) * 86400 / kOne;
    return static_cast<long long>(seconds);
}

}  // namespace yvsb
