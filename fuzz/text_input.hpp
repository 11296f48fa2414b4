// A readable input format for the fuzz targets whose seeds are written by hand: lines, then a
// blank line, then the rest as a raw body. Seeds in fuzz/corpus/ stay reviewable text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yvfuzz {

struct TextInput {
    std::vector<std::string> lines;  // before the first empty line
    std::string body;                // after it (may hold anything)
};

inline TextInput parse_text_input(std::string_view in) {
    TextInput out;
    while (!in.empty()) {
        const size_t nl = in.find('\n');
        const std::string_view line = in.substr(0, nl);
        in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
        if (line.empty()) break;
        out.lines.emplace_back(line);
    }
    out.body = std::string(in);
    return out;
}

// "Name: value" -> {Name, value}; a line without ':' is a name with an empty value.
inline std::pair<std::string, std::string> split_header(const std::string &line) {
    const size_t colon = line.find(':');
    if (colon == std::string::npos) return {line, ""};
    size_t v = colon + 1;
    while (v < line.size() && line[v] == ' ') ++v;
    return {line.substr(0, colon), line.substr(v)};
}

// Decimal prefix of `s` (no sign), saturating; `fallback` when it has no digit.
inline std::int64_t to_int(const std::string &s, std::int64_t fallback) {
    std::int64_t v = 0;
    bool any = false;
    for (char c : s) {
        if (c < '0' || c > '9') break;
        any = true;
        if (v > (INT64_MAX - 9) / 10) return INT64_MAX;
        v = v * 10 + (c - '0');
    }
    return any ? v : fallback;
}

}  // namespace yvfuzz
