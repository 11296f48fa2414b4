// RapidJSON helpers shared by the core: parsing with numbers kept as exact text, and readers
// that tolerate the API's mixed types (a number written as a string and the other way round).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace yativo::json {

constexpr unsigned kParseFlags = rapidjson::kParseNumbersAsStringsFlag;

// nullptr when `text` is not one complete JSON value.
std::shared_ptr<rapidjson::Document> parse(std::string_view text);

// Zero bytes the in-place parse puts after a body: RapidJSON's SSE2 scanning (RAPIDJSON_SSE2,
// set for the core's sources on x86-64 in core/CMakeLists.txt) reads aligned 16-byte blocks, up
// to 15 bytes past the end of the text; the padding keeps every such read inside the buffer and
// on bytes that are set.
constexpr std::size_t kParsePadding = 16;

// Appends to an answer's body, keeping `spare` bytes of capacity after it (kParsePadding, so
// parse_taking pads the body without moving it). `wipe_old`: the body may hold a secret, so when
// the buffer must grow, the new one is allocated here and the old one wiped before it is freed
// (std::string would free it as it is). Every transport stores its answers through it.
void append_body(std::string &body, std::string_view bytes, bool wipe_old,
                 std::size_t spare = kParsePadding);

// An empty buffer to receive an answer in: the thread's spare, with the capacity of an earlier
// answer's buffer, when there is one (a transport starts each answer in it, so a small answer
// usually costs no allocation for its body).
std::string spare_body();
// Gives a buffer whose text is no longer needed back as the thread's spare: wiped first when
// `wipe`, then emptied; kept when larger than the spare held and at most 64 KiB.
void keep_spare_body(std::string &body, bool wipe);

// Parses the answer `text` in place, taking it: a small one is copied into the document's own
// allocation and `text`'s buffer kept as the thread's spare (keep_spare_body); a larger one is
// moved into the document (`text` left empty either way; left as it was when the document cannot
// be allocated). The document's strings are views into that text, so no string is copied one by
// one (a plain parse copies each through the reader's stack and again into the document); every
// string, a number's text included, is NUL-terminated. `wipe`: the text holds a secret and is
// wiped when the document is freed, and so is `text`'s buffer before it is kept (the reader's
// stack, whose freed buffers are never wiped, holds no string in this mode). nullptr when `text`
// is not one complete JSON value (an embedded NUL included).
std::shared_ptr<rapidjson::Document> parse_taking(std::string &text, bool wipe);

const rapidjson::Value *member(const rapidjson::Value &obj, const char *name);
// String member; numbers (held as text) and booleans are rendered too; "" when absent.
std::string str(const rapidjson::Value &obj, const char *name);
std::optional<std::int64_t> integer(const rapidjson::Value &obj, const char *name);
std::optional<double> seconds(const rapidjson::Value &obj, const char *name);
std::vector<std::string> strings(const rapidjson::Value &obj, const char *name);
std::string to_string(const rapidjson::Value &v);

// Overwrites every string of a document that held secrets (before it is freed).
void wipe_strings(rapidjson::Value &v);

std::optional<std::int64_t> parse_int(std::string_view text);

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;
inline void key(Writer &w, const char *k) {
    w.Key(k);
}
inline void string(Writer &w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
void string_array(Writer &w, const std::vector<std::string> &items);
// Checks that `text` is a JSON object and copies its members into the writer's open object.
bool merge_object(Writer &w, std::string_view text);
// `text` as one compact JSON value (numbers as the exact text they had) in `out`; false, `out`
// untouched, when `text` is not one complete JSON value.
bool compact(std::string_view text, std::string &out);

}  // namespace yativo::json
