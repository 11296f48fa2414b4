// What every endpoint's request builder uses: argument checks, the JSON body, the call's rules
// from its row in api/endpoints.toml, and the record decoders. The builders themselves are
// generated (endpoints_gen.cpp) or hand-written where they do real work (resources.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "client_impl.hpp"
#include "json_util.hpp"
#include "yativo/payload.hpp"
#include "yativo/types.hpp"

namespace yativo::detail {

enum class Kind { Read, Write, MovesValue };
enum class TwoFactor { None, Required, OnDemand };

// One row of the route table: what the core must know about a path, typed method or not.
struct Route {
    const char *method;
    const char *path;  // `*` is one path segment, a final `**` one or more
    Kind kind;
    TwoFactor two_factor;
};

// Every row of api/endpoints.toml (generated into endpoints_gen.cpp).
extern const Route kRoutes[];
extern const std::size_t kRouteCount;

// The route of method + path (a missing leading slash, repeated slashes, the query string and
// trailing slashes ignored), or nullptr.
const Route *find_route(std::string_view method, std::string_view path);

// --- argument checks (INVALID_ARGUMENT) ---
void require(std::string_view value, const char *what);
void require_items(const std::vector<std::string> &items, const char *what);
// An optional list may be empty, but none of its items may be.
void check_items(const std::vector<std::string> &items, const char *what);
void check_idempotency_key(const std::string &key);
void check_permissions(const std::vector<std::string> &perms);
void check_http_url(std::string_view url, const char *what);
// min..max; without max, min or more.
void check_range(std::int64_t value, const char *what, std::int64_t min,
                 std::int64_t max = INT64_MAX);
// The enum's value for `given`: an alias resolved, "" = `fallback` (required enums pass "").
std::string enum_value(std::string_view given, const char *what,
                       std::initializer_list<const char *> values,
                       std::initializer_list<std::pair<const char *, const char *>> aliases,
                       const char *fallback);

// --- the JSON body ---
struct Body {
    Body() { w.StartObject(); }
    // "name": "value"; with `omit_empty`, nothing when the value is empty.
    Body &field(const char *name, std::string_view value, bool omit_empty = false);
    Body &strings(const char *name, const std::vector<std::string> &items, bool omit_empty = false);
    Body &integer(const char *name, std::int64_t value);
    Body &boolean(const char *name, bool value);
    // Exactly the digits given (a checked decimal), as a JSON number: never through a double.
    Body &number(const char *name, std::string_view digits);
    // The members of a JSON object text ("" = none), merged into the body.
    Body &merge(std::string_view object_json, const char *what);
    // "name": <any JSON value> from its text ("" = omitted), numbers kept exact;
    // INVALID_ARGUMENT naming `what` when the text is not one JSON value.
    Body &json(const char *name, std::string_view json_text, const char *what);
    // Closes the object and moves the text into the call.
    void into(Call &call);

    rapidjson::StringBuffer buffer;
    json::Writer w{buffer};
};

// --- the query string (the parameters of a GET or DELETE) ---
// The same calls as Body, each adding name=value pairs percent-encoded (RFC 3986 unreserved
// characters kept); into() appends "?pairs" to the call's path, nothing when no pair was added.
struct Query {
    Query &field(const char *name, std::string_view value, bool omit_empty = false);
    // One name=item pair per item (name=a&name=b).
    Query &strings(const char *name, const std::vector<std::string> &items,
                   bool omit_empty = false);
    Query &integer(const char *name, std::int64_t value);
    Query &boolean(const char *name, bool value);  // true / false
    Query &number(const char *name, std::string_view digits);
    // The value's compact JSON text ("" = omitted); INVALID_ARGUMENT when it is not JSON.
    Query &json(const char *name, std::string_view json_text, const char *what);
    void into(Call &call) const;

    std::string text;
};

// Percent-encodes one query component (curl_easy_escape: only A-Z a-z 0-9 - . _ ~ kept).
std::string query_escape(std::string_view text);

// A call with the rules of its row: read-only, the idempotency key (a write carries the caller's;
// a value-moving call carries the caller's or a new one), 2FA.
Call make_call(const char *method, CallPath path, Kind kind, TwoFactor two_factor,
               const CallOptions &opts);

// The key a value-moving call used, in its payload too (when the payload is an object that does
// not name one already). Reports the key, outcome unknown, when memory runs out.
void add_idempotency_key(Payload &payload, const Call &call);

// --- records (typed results) ---
// --- reading a record's fields (the generated decoders of endpoints_gen.cpp use these) ---
// One field's members, one per JSON key (wire) it reads, in priority order; nullptr = absent.
struct Aliases {
    const rapidjson::Value *const *first;
    const rapidjson::Value *const *last;
    const rapidjson::Value *const *begin() const { return first; }
    const rapidjson::Value *const *end() const { return last; }
};

// A decoder reads its object in one pass: each JSON key its fields read has a slot (`slot_of`
// maps a member's name to it, -1 for a name no field reads) holding that key's member, or
// nullptr. The first member of a name fills its slot, as FindMember would find it: a later one
// of the same name is ignored, even after a null. A non-object has no members.
template <std::size_t N>
class RecordMembers {
  public:
    RecordMembers(const rapidjson::Value &obj, int (*slot_of)(std::string_view name)) {
        if (!obj.IsObject()) return;
        for (const auto &m : obj.GetObject()) {
            int i = slot_of({m.name.GetString(), m.name.GetStringLength()});
            if (i >= 0 && !slot_[i]) slot_[i] = &m.value;
        }
    }
    // One field's members: slots first .. first + count - 1, its keys in priority order.
    Aliases aliases(std::size_t first, std::size_t count) const {
        return {slot_ + first, slot_ + first + count};
    }

  private:
    const rapidjson::Value *slot_[N] = {};
};

// Each reads the first of a field's members that is present, not null, and fits the type; a
// value that does not fit (an amount "N/A", a count "many") reads as absent: its text stays in
// the record's raw JSON. Numbers arrive as their exact text (json::kParseFlags).
std::string field_string(Aliases found);  // a string, or a bool as "true" / "false"
// Exact decimal text in JSON number grammar ("12.50", "-3", "1e-7"), never through a double.
std::string field_decimal(Aliases found);
std::optional<std::int64_t> field_int(Aliases found);
std::optional<bool> field_bool(Aliases found);
std::vector<std::string> field_strings(Aliases found);

using Keys = std::initializer_list<const char *>;
// field_string over `keys` looked up one by one in `obj` (the hand-written decoders).
std::string field_string(const rapidjson::Value &obj, Keys keys);
// The record's object: the payload itself, or the first of `wrappers` holding an object.
// PROTOCOL ("<what> answer is not an object") otherwise.
const rapidjson::Value &record_object(const rapidjson::Value &payload, Keys wrappers,
                                      const char *what);
// A list answer's items: the payload itself when it is an array, or the first of `members`
// holding an array. PROTOCOL ("<what> answer holds no list") otherwise.
const rapidjson::Value &record_list(const rapidjson::Value &payload, Keys members,
                                    const char *what);
// A decoder's failure after a value-moving call reached the server: its error carries the key
// and says the outcome is unknown (the caller repeats the call with that key to learn it).
[[noreturn]] void rethrow_after_move(const Call &call);

ApiKey decode_api_key(Payload &payload);
std::vector<ApiKey> decode_api_key_list(Payload &payload);
Webhook decode_webhook(Payload &payload);
std::vector<Webhook> decode_webhook_list(Payload &payload);

}  // namespace yativo::detail
