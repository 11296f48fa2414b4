// Exact non-negative-or-signed fixed-point decimal with 18 fractional digits (10^-18 units in a
// 128-bit integer). Money never goes through a double.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace yvsb {

__extension__ typedef __int128 Int128;

class Decimal {
  public:
    static constexpr int kScale = 18;

    Decimal() = default;

    // Parses a plain decimal literal: digits, optionally '.' and 1..18 digits. No sign, no
    // exponent, at most 19 integer digits. On failure returns nullopt and sets *why.
    static std::optional<Decimal> parse(std::string_view text, std::string *why);

    // Shortest exact form: "0", "12", "0.001", "-3.5".
    std::string str() const;

    bool is_zero() const { return units_ == 0; }
    bool is_negative() const { return units_ < 0; }

    // nullopt when the result would leave the representable range (|x| < 10^19).
    std::optional<Decimal> plus(const Decimal &other) const;
    std::optional<Decimal> minus(const Decimal &other) const;

    friend bool operator<(const Decimal &a, const Decimal &b) { return a.units_ < b.units_; }
    friend bool operator==(const Decimal &a, const Decimal &b) { return a.units_ == b.units_; }
    friend bool operator!=(const Decimal &a, const Decimal &b) { return a.units_ != b.units_; }
    friend bool operator<=(const Decimal &a, const Decimal &b) { return !(b < a); }

    // Whole seconds of `days` days (for expires_in_days), rounded down.
    long long days_to_seconds() const;

  private:
    explicit Decimal(Int128 units) : units_(units) {}
    static bool in_range(Int128 units);
    Int128 units_ = 0;
};

}  // namespace yvsb
