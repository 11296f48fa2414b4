// libFuzzer: the decimal amount validator. An independent reference of the documented rule
// (positive plain decimal, no sign, exponent, spaces or leading zeros, at most 18 decimals and
// 78 integer digits)
// must agree with yativo::validate_amount on every input, and an accepted amount comes back
// unchanged and parses as a JSON number.
#include <rapidjson/document.h>

#include <cstdlib>
#include <string>
#include <string_view>

#include "yativo/amount.hpp"
#include "yativo/status.hpp"

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool reference_valid(std::string_view s) {
    const size_t dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    const std::string_view frac = dot == std::string_view::npos ? "" : s.substr(dot + 1);
    if (whole.empty()) return false;
    if (dot != std::string_view::npos && frac.empty()) return false;
    if (frac.size() > 18) return false;
    if (whole.size() > 78) return false;
    for (char c : whole)
        if (!is_digit(c)) return false;
    for (char c : frac)
        if (!is_digit(c)) return false;
    if (whole.size() > 1 && whole[0] == '0') return false;
    bool nonzero = false;
    for (char c : s)
        if (c >= '1' && c <= '9') nonzero = true;
    return nonzero;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const std::string_view in(reinterpret_cast<const char *>(data), size);
    bool accepted = false;
    std::string out;
    try {
        out = yativo::validate_amount(in);
        accepted = true;
    } catch (const yativo::Error &e) {
        if (e.code() != yativo::Status::INVALID_ARGUMENT) std::abort();
    }
    if (accepted != reference_valid(in)) std::abort();
    if (accepted) {
        if (out != in) std::abort();
        rapidjson::Document d;
        d.Parse<rapidjson::kParseNumbersAsStringsFlag>(out.c_str(), out.size());
        if (d.HasParseError() || !d.IsString()) std::abort();  // numbers-as-strings: a number
    }
    return 0;
}
