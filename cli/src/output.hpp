// Everything the command prints: facts and tables for people, JSON for machines, and the one
// line of an error on stderr.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "yativo/status.hpp"

namespace yvcli {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;
using Fact = std::pair<std::string, std::string>;

class Output {
  public:
    explicit Output(bool json) : json_(json) {}
    bool json() const noexcept { return json_; }

    // "label   value" lines with the values aligned.
    void facts(const std::vector<Fact> &facts) const;
    // Columns padded to their widest cell, headers in capitals.
    void table(const std::vector<std::string> &headers,
               const std::vector<std::vector<std::string>> &rows) const;
    void line(std::string_view text) const;
    // A note for the person at the terminal, on stderr so stdout stays the result.
    void note(std::string_view text) const;
    // One compact JSON value and a newline on stdout.
    void json_value(const std::function<void(JsonWriter &)> &write) const;

  private:
    bool json_;
};

// "2026-11-27T21:08:48.123Z" -> "2026-11-27 21:08:48 UTC"; text it cannot read comes back as is;
// empty -> `empty`.
std::string readable_time(std::string_view iso, std::string_view empty = "-");
// 3725 -> "1 h 2 min 5 s".
std::string readable_duration(long long seconds);
std::string join(const std::vector<std::string> &items, std::string_view separator);

void write_string(JsonWriter &w, std::string_view s);
void write_key(JsonWriter &w, const char *key);

// Errors: one line on stderr, JSON when `json`. Never a secret: the core's messages hold none and
// usage messages name flags, not their values.
void print_usage_error(const std::string &message, const std::string &command_path, bool json);
void print_error(const yativo::Error &error, bool json);

}  // namespace yvcli
