// A small JSON tree that keeps every number's exact text (RapidJSON SAX with
// kParseNumbersAsStringsFlag), a canonical serialisation for idempotency fingerprints, and
// writer helpers for responses.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yvsb {

struct Json {
    enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
    Kind kind = Kind::kNull;
    bool boolean = false;
    std::string text;  // string value, or the exact digits of a number
    std::vector<Json> items;
    std::vector<std::pair<std::string, Json>> members;

    bool is_object() const { return kind == Kind::kObject; }
    // First member named `key` of an object, or nullptr.
    const Json *find(std::string_view key) const;
};

constexpr int kMaxJsonDepth = 64;

// Parses `text` strictly (UTF-8 validated, depth-limited). On failure sets *error.
bool parse_json(std::string_view text, Json &out, std::string *error);

// Sorted keys, no whitespace, numbers as written.
std::string canonical_json(const Json &value);

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void write_json(JsonWriter &w, const Json &value, bool sort_keys = false);

inline void kv_str(JsonWriter &w, const char *key, std::string_view value) {
    w.Key(key);
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}
inline void kv_bool(JsonWriter &w, const char *key, bool value) {
    w.Key(key);
    w.Bool(value);
}
inline void kv_int(JsonWriter &w, const char *key, long long value) {
    w.Key(key);
    w.Int64(value);
}
inline void kv_null(JsonWriter &w, const char *key) {
    w.Key(key);
    w.Null();
}
// A string, or null when empty.
inline void kv_str_or_null(JsonWriter &w, const char *key, const std::string &value) {
    if (value.empty())
        kv_null(w, key);
    else
        kv_str(w, key, value);
}
void kv_str_array(JsonWriter &w, const char *key, const std::vector<std::string> &values);

}  // namespace yvsb
