#include "endpoint_support.hpp"

#include <strings.h>

#include <algorithm>
#include <new>

#include <curl/curl.h>

#include "yativo/client.hpp"
#include "yativo/status.hpp"

namespace yativo::detail {

namespace {

bool same_method(std::string_view a, const char *b) {
    return a.size() == std::char_traits<char>::length(b) && strncasecmp(a.data(), b, a.size()) == 0;
}

// `*` in the pattern is one non-empty path segment; a final `**` is one or more.
bool path_matches(std::string_view pattern, std::string_view path) {
    while (!pattern.empty() && !path.empty()) {
        std::size_t ps = pattern.find('/', 1), rs = path.find('/', 1);
        std::string_view pseg = pattern.substr(0, ps), rseg = path.substr(0, rs);
        if (pseg == "/**") return rseg.size() >= 2;
        if (pseg != "/*" ? pseg != rseg : rseg.size() < 2) return false;
        pattern = ps == std::string_view::npos ? std::string_view() : pattern.substr(ps);
        path = rs == std::string_view::npos ? std::string_view() : path.substr(rs);
    }
    return pattern.empty() && path.empty();
}

}  // namespace

const Route *find_route(std::string_view method, std::string_view raw_path) {
    // Matched as a server would read it: a leading slash, repeated slashes as one, no query and
    // no trailing slash ("transactions//send-funds/" still moves value).
    raw_path = raw_path.substr(0, raw_path.find('?'));
    std::string normal = "/";
    for (char c : raw_path)
        if (c != '/' || normal.back() != '/') normal += c;
    std::string_view path = normal;
    while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    const Route *end = kRoutes + kRouteCount;
    const Route *found = std::find_if(kRoutes, end, [&](const Route &r) {
        return same_method(method, r.method) && path_matches(r.path, path);
    });
    return found == end ? nullptr : found;
}

void require(std::string_view value, const char *what) {
    if (value.empty()) throw_invalid(std::string(what) + " is empty");
}

void require_items(const std::vector<std::string> &items, const char *what) {
    if (items.empty()) throw_invalid(std::string(what) + " is empty: give at least one");
    check_items(items, what);
}

void check_items(const std::vector<std::string> &items, const char *what) {
    for (const auto &item : items)
        if (item.empty()) throw_invalid(std::string(what) + " contains an empty item");
}

void check_idempotency_key(const std::string &key) {
    if (key.empty()) return;
    if (key.size() > 255) throw_invalid("idempotency key is longer than 255 characters");
    for (char c : key)
        if (c <= 0x20 || c >= 0x7f)
            throw_invalid("idempotency key must be printable ASCII without spaces");
}

void check_permissions(const std::vector<std::string> &perms) {
    if (perms.empty())
        throw_invalid(
            "permissions is empty: give at least one scope (read, write, transactions, webhooks)");
    for (const auto &p : perms) {
        if (p.empty()) throw_invalid("permissions contains an empty scope");
        for (char c : p)
            if (static_cast<unsigned char>(c) <= 0x20)
                throw_invalid("permission \"" + p + "\" contains spaces");
    }
}

void check_http_url(std::string_view url, const char *what) {
    require(url, what);
    if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0)
        throw_invalid(std::string(what) + " must start with https:// (or http://)");
}

void check_range(std::int64_t value, const char *what, std::int64_t min, std::int64_t max) {
    if (value >= min && value <= max) return;
    if (max == INT64_MAX)
        throw_invalid(std::string(what) + " must be " + std::to_string(min) + " or more");
    throw_invalid(std::string(what) + " must be between " + std::to_string(min) + " and " +
                  std::to_string(max));
}

std::string enum_value(std::string_view given, const char *what,
                       std::initializer_list<const char *> values,
                       std::initializer_list<std::pair<const char *, const char *>> aliases,
                       const char *fallback) {
    if (given.empty()) {
        if (*fallback) return fallback;
        throw_invalid(std::string(what) + " is empty");
    }
    for (const char *v : values)
        if (given == v) return v;
    for (const auto &[alias, value] : aliases)
        if (given == alias) return value;
    std::string allowed;
    for (const char *v : values) allowed += (allowed.empty() ? "" : ", ") + std::string(v);
    std::string also;
    for (const auto &[alias, value] : aliases)
        also += (also.empty() ? "" : ", ") + std::string(alias) + " = " + value;
    throw_invalid(std::string(what) + " \"" + std::string(given) + "\" is not one of " + allowed +
                  (also.empty() ? "" : " (aliases: " + also + ")"));
}

Body &Body::field(const char *name, std::string_view value, bool omit_empty) {
    if (omit_empty && value.empty()) return *this;
    json::key(w, name);
    json::string(w, value);
    return *this;
}

Body &Body::strings(const char *name, const std::vector<std::string> &items, bool omit_empty) {
    if (omit_empty && items.empty()) return *this;
    json::key(w, name);
    json::string_array(w, items);
    return *this;
}

Body &Body::integer(const char *name, std::int64_t value) {
    json::key(w, name);
    w.Int64(value);
    return *this;
}

Body &Body::boolean(const char *name, bool value) {
    json::key(w, name);
    w.Bool(value);
    return *this;
}

Body &Body::number(const char *name, std::string_view digits) {
    json::key(w, name);
    w.RawValue(digits.data(), digits.size(), rapidjson::kNumberType);
    return *this;
}

Body &Body::merge(std::string_view object_json, const char *what) {
    if (!object_json.empty() && !json::merge_object(w, object_json))
        throw_invalid(std::string(what) + " must be a JSON object");
    return *this;
}

Body &Body::json(const char *name, std::string_view json_text, const char *what) {
    if (json_text.empty()) return *this;
    // Checked before the key is written, so a refused value leaves no half-written member.
    std::string compact;
    if (!json::compact(json_text, compact))
        throw_invalid(std::string(what) + " is not JSON (one complete JSON value)");
    json::key(w, name);
    w.RawValue(compact.data(), compact.size(), rapidjson::kObjectType);
    wipe(compact);  // it may hold a secret (a passkey assertion), as the body does
    return *this;
}

std::string query_escape(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > static_cast<std::size_t>(INT32_MAX))
        throw_invalid("a query value is too long");
    char *escaped = curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size()));
    if (!escaped) throw Error(Status::NO_MEMORY, "curl_easy_escape failed");
    std::string out(escaped);
    curl_free(escaped);
    return out;
}

namespace {
void add_pair(std::string &text, const char *name, std::string_view value) {
    if (!text.empty()) text += '&';
    text += query_escape(name);
    text += '=';
    text += query_escape(value);
}
}  // namespace

Query &Query::field(const char *name, std::string_view value, bool omit_empty) {
    if (omit_empty && value.empty()) return *this;
    add_pair(text, name, value);
    return *this;
}

Query &Query::strings(const char *name, const std::vector<std::string> &items, bool omit_empty) {
    (void)omit_empty;  // an empty list adds no pair either way
    for (const auto &item : items) add_pair(text, name, item);
    return *this;
}

Query &Query::integer(const char *name, std::int64_t value) {
    add_pair(text, name, std::to_string(value));
    return *this;
}

Query &Query::boolean(const char *name, bool value) {
    add_pair(text, name, value ? "true" : "false");
    return *this;
}

Query &Query::number(const char *name, std::string_view digits) {
    add_pair(text, name, digits);
    return *this;
}

Query &Query::json(const char *name, std::string_view json_text, const char *what) {
    if (json_text.empty()) return *this;
    std::string compact;
    if (!json::compact(json_text, compact))
        throw_invalid(std::string(what) + " is not JSON (one complete JSON value)");
    add_pair(text, name, compact);
    wipe(compact);
    return *this;
}

void Query::into(Call &call) const {
    if (text.empty()) return;
    call.path.append(call.path.view().find('?') == std::string_view::npos ? "?" : "&");
    call.path.append(text);
}

void Body::into(Call &call) {
    w.EndObject();
    call.body.assign(buffer.GetString(), buffer.GetSize());
    call.has_body = true;
}

Call make_call(const char *method, CallPath path, Kind kind, TwoFactor two_factor,
               const CallOptions &opts) {
    Call c;
    c.method = method;
    c.path = std::move(path);
    c.read_only = kind == Kind::Read;
    if (kind != Kind::Read) {
        check_idempotency_key(opts.idempotency_key);
        c.idempotency_key = opts.idempotency_key;
        if (kind == Kind::MovesValue && c.idempotency_key.empty())
            c.idempotency_key = new_idempotency_key();
    }
    switch (two_factor) {
        case TwoFactor::None:
            break;
        case TwoFactor::Required:
            c.needs_2fa = true;
            break;
        case TwoFactor::OnDemand:
            // An optional code, for accounts where the call requires one; otherwise the TOTP
            // source answers only when the server asks.
            c.needs_2fa = !opts.totp_code.empty();
            c.two_factor_on_demand = true;
            break;
    }
    return c;
}

void add_idempotency_key(Payload &payload, const Call &call) {
    try {
        rapidjson::Document &doc = payload.document();
        auto &value = const_cast<rapidjson::Value &>(payload.value());
        if (value.IsObject() && !value.HasMember("idempotency_key"))
            value.AddMember("idempotency_key",
                            rapidjson::Value(call.idempotency_key.c_str(), doc.GetAllocator()),
                            doc.GetAllocator());
    } catch (const std::bad_alloc &) {
        Error err(Status::NO_MEMORY, "out of memory after " + call.method + " " +
                                         std::string(call.path.view()) +
                                         ": its outcome is unknown");
        err.idempotency_key = call.idempotency_key;
        err.outcome_unknown = true;
        err.retryable = true;
        throw err;
    }
}

namespace {

ApiKey to_api_key(const rapidjson::Value &v) {
    if (!v.IsObject()) throw Error(Status::PROTOCOL, "API key answer is not an object");
    ApiKey k;
    k.id = json::str(v, "id");
    if (k.id.empty()) k.id = json::str(v, "key_id");
    k.name = json::str(v, "name");
    if (k.name.empty()) k.name = json::str(v, "key_name");
    k.api_key = json::str(v, "api_key");
    std::string secret = json::str(v, "api_secret");
    k.api_secret = Secret(secret);
    wipe(secret);
    k.permissions = json::strings(v, "permissions");
    if (k.permissions.empty()) k.permissions = json::strings(v, "scopes");
    k.status = json::str(v, "status");
    k.created_at = json::str(v, "created_at");
    k.expires_at = json::str(v, "expires_at");
    k.last_used_at = json::str(v, "last_used_at");
    k.allowed_ips = json::strings(v, "allowed_ips");
    if (k.id.empty() && k.api_key.empty())
        throw Error(Status::PROTOCOL, "API key answer has no id");
    return k;
}

const rapidjson::Value *find_object(const rapidjson::Value &v, const char *name) {
    const rapidjson::Value *inner = json::member(v, name);
    return inner && inner->IsObject() ? inner : nullptr;
}

}  // namespace

// An answer may be the key itself or wrap it ({"key": {...}}, {"api_key": {...}}).
ApiKey decode_api_key(Payload &p) {
    const rapidjson::Value &v = p.value();
    const rapidjson::Value *inner = find_object(v, "key");
    if (!inner) inner = find_object(v, "api_key");
    ApiKey k = to_api_key(inner ? *inner : v);
    json::wipe_strings(p.document());  // the raw answer may hold api_secret
    return k;
}

std::vector<ApiKey> decode_api_key_list(Payload &p) {
    const rapidjson::Value *arr = &p.value();
    if (arr->IsObject()) arr = json::member(*arr, "keys");
    if (!arr || !arr->IsArray())
        throw Error(Status::PROTOCOL, "API key list answer has no keys array");
    std::vector<ApiKey> out;
    for (const auto &item : arr->GetArray()) out.push_back(to_api_key(item));
    return out;
}

namespace {

// A webhook object of any dialect (W1: id, url; W2: _id, webhook_url; W4: webhookId).
Webhook to_webhook(const Payload &p, const rapidjson::Value &object) {
    if (!object.IsObject()) throw Error(Status::PROTOCOL, "webhook answer is not an object");
    auto &v = const_cast<rapidjson::Value &>(object);
    Webhook hook;
    hook.id = field_string(v, {"id", "_id", "webhook_id", "webhookId"});
    hook.url = field_string(v, {"url", "webhook_url"});
    hook.events = json::strings(v, "events");
    hook.description = json::str(v, "description");
    hook.created_at = field_string(v, {"created_at", "createdAt"});
    std::string secret = json::str(v, "secret");
    if (secret.empty()) secret = json::str(v, "webhook_secret");
    hook.secret = Secret(secret);
    wipe(secret);
    if (hook.id.empty()) throw Error(Status::PROTOCOL, "webhook answer has no id");
    // `raw` keeps the answer without its secret.
    for (const char *name : {"secret", "webhook_secret"}) {
        auto it = v.FindMember(name);
        if (it != v.MemberEnd()) {
            json::wipe_strings(it->value);
            v.RemoveMember(it);
        }
    }
    hook.raw = p.part(v);
    return hook;
}

}  // namespace

Webhook decode_webhook(Payload &p) {
    return to_webhook(p, record_object(p.value(), {"webhook"}, "webhook"));
}

std::vector<Webhook> decode_webhook_list(Payload &p) {
    std::vector<Webhook> out;
    for (const auto &item : record_list(p.value(), {"webhooks"}, "webhook list").GetArray())
        out.push_back(to_webhook(p, item));
    return out;
}

// --- record fields ---

namespace {

const rapidjson::Value *present(const rapidjson::Value &obj, const char *key) {
    const rapidjson::Value *v = obj.IsObject() ? json::member(obj, key) : nullptr;
    return v && !v->IsNull() ? v : nullptr;
}

std::string_view text_of(const rapidjson::Value &v) {
    return {v.GetString(), v.GetStringLength()};
}

// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? (leading zeros allowed:
// servers write "007.5" rarely, and the digits are still exact).
bool is_decimal(std::string_view t) {
    std::size_t i = 0;
    auto digits = [&] {
        std::size_t start = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
        return i > start;
    };
    if (i < t.size() && t[i] == '-') ++i;
    if (!digits()) return false;
    if (i < t.size() && t[i] == '.') {
        ++i;
        if (!digits()) return false;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
        if (!digits()) return false;
    }
    return i == t.size();
}

// What a field's reader makes of one member: its value, or nothing when it does not fit.
std::optional<std::string_view> string_of(const rapidjson::Value &v) {
    if (v.IsString()) return text_of(v);
    if (v.IsBool()) return std::string_view(v.GetBool() ? "true" : "false");
    return std::nullopt;
}

std::optional<std::string_view> decimal_of(const rapidjson::Value &v) {
    if (v.IsString() && is_decimal(text_of(v))) return text_of(v);
    return std::nullopt;
}

std::optional<std::int64_t> int_of(const rapidjson::Value &v) {
    if (v.IsString())
        if (auto n = json::parse_int(text_of(v))) return n;
    if (v.IsInt64()) return v.GetInt64();
    return std::nullopt;
}

std::optional<bool> bool_of(const rapidjson::Value &v) {
    if (v.IsBool()) return v.GetBool();
    if (v.IsString() && (text_of(v) == "true" || text_of(v) == "false"))
        return text_of(v) == "true";
    return std::nullopt;
}

std::optional<std::vector<std::string>> strings_of(const rapidjson::Value &v) {
    if (!v.IsArray()) return std::nullopt;
    std::vector<std::string> out;
    for (const auto &item : v.GetArray())
        if (item.IsString()) out.emplace_back(text_of(item));
    return out;
}

// The first member that is present, not null, and that `convert` takes; T() when none is.
template <class T, class Convert>
T first_fit(Aliases found, Convert convert) {
    for (const rapidjson::Value *v : found)
        if (v && !v->IsNull())
            if (auto value = convert(*v)) return T(std::move(*value));
    return T();
}

}  // namespace

std::string field_string(Aliases found) {
    return first_fit<std::string>(found, string_of);
}

std::string field_decimal(Aliases found) {
    return first_fit<std::string>(found, decimal_of);
}

std::optional<std::int64_t> field_int(Aliases found) {
    return first_fit<std::optional<std::int64_t>>(found, int_of);
}

std::optional<bool> field_bool(Aliases found) {
    return first_fit<std::optional<bool>>(found, bool_of);
}

std::vector<std::string> field_strings(Aliases found) {
    return first_fit<std::vector<std::string>>(found, strings_of);
}

std::string field_string(const rapidjson::Value &obj, Keys keys) {
    for (const char *key : keys)
        if (const rapidjson::Value *v = present(obj, key))
            if (auto text = string_of(*v)) return std::string(*text);
    return {};
}

const rapidjson::Value &record_object(const rapidjson::Value &payload, Keys wrappers,
                                      const char *what) {
    for (const char *key : wrappers) {
        const rapidjson::Value *v = present(payload, key);
        if (v && v->IsObject()) return *v;
    }
    if (!payload.IsObject())
        throw Error(Status::PROTOCOL, std::string(what) + " answer is not an object");
    return payload;
}

const rapidjson::Value &record_list(const rapidjson::Value &payload, Keys members,
                                    const char *what) {
    if (payload.IsArray()) return payload;
    for (const char *key : members) {
        const rapidjson::Value *v = present(payload, key);
        if (v && v->IsArray()) return *v;
    }
    throw Error(Status::PROTOCOL, std::string(what) + " answer holds no list");
}

void rethrow_after_move(const Call &call) {
    try {
        throw;
    } catch (Error &err) {
        err.idempotency_key = call.idempotency_key;
        err.outcome_unknown = true;
        err.retryable = true;
        throw;
    } catch (const std::bad_alloc &) {
        Error err(Status::NO_MEMORY, "out of memory reading the answer of " + call.method + " " +
                                         std::string(call.path.view()) +
                                         ": its outcome is unknown");
        err.idempotency_key = call.idempotency_key;
        err.outcome_unknown = true;
        err.retryable = true;
        throw err;
    }
}

}  // namespace yativo::detail
