// Authentication, 2FA, token exchange and API-key management (reference §2.3 K1, §2.4), and the
// key rules K2 shares (key_rules.hpp).
#include <arpa/inet.h>

#include <algorithm>

#include "api.hpp"
#include "crypto.hpp"
#include "identity.hpp"
#include "key_rules.hpp"
#include "secret_record.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

constexpr int kRefreshBeforeSeconds = 300;  // the documented refresh_recommendation
constexpr long long kMaxExpiryDays = 3650;

std::string new_secret() {
    std::string secret = random_hex(32);
    record_secret(secret);
    return secret;
}

std::string trim(std::string s) {
    size_t a = s.find_first_not_of(" \t");
    if (a == std::string::npos) return {};
    size_t b = s.find_last_not_of(" \t");
    return s.substr(a, b - a + 1);
}

// An IPv4 or IPv6 address, optionally with a /prefix that fits it.
bool ip_or_cidr(const std::string &text) {
    std::string addr = text;
    std::string prefix;
    size_t slash = text.find('/');
    if (slash != std::string::npos) {
        addr = text.substr(0, slash);
        prefix = text.substr(slash + 1);
        if (prefix.empty() || prefix.size() > 3 ||
            prefix.find_first_not_of("0123456789") != std::string::npos)
            return false;
    }
    unsigned char buf[16];
    int bits = 0;
    if (inet_pton(AF_INET, addr.c_str(), buf) == 1)
        bits = 32;
    else if (inet_pton(AF_INET6, addr.c_str(), buf) == 1)
        bits = 128;
    else
        return false;
    return prefix.empty() || std::stoi(prefix) <= bits;
}

// The address bytes of `text` (IPv4: 4, IPv6: 16; an IPv4-mapped IPv6 address as its IPv4 one;
// a zone suffix "%eth0" ignored), or 0 when it is no address.
int address_bytes(std::string text, unsigned char out[16]) {
    size_t zone = text.find('%');
    if (zone != std::string::npos) text.resize(zone);
    if (inet_pton(AF_INET, text.c_str(), out) == 1) return 4;
    if (inet_pton(AF_INET6, text.c_str(), out) != 1) return 0;
    static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::equal(kMapped, kMapped + 12, out)) {
        std::copy(out + 12, out + 16, out);
        return 4;
    }
    return 16;
}

// Whether `peer` is one of `allowed` (addresses, or CIDR blocks such as 10.0.0.0/8).
bool peer_allowed(const std::vector<std::string> &allowed, const std::string &peer) {
    unsigned char have[16];
    int have_len = address_bytes(peer, have);
    if (!have_len) return false;  // unknown peer: only an unrestricted key serves it
    for (const auto &entry : allowed) {
        size_t slash = entry.find('/');
        unsigned char want[16];
        int want_len = address_bytes(entry.substr(0, slash), want);
        if (want_len != have_len) continue;
        int bits = slash == std::string::npos ? want_len * 8 : std::stoi(entry.substr(slash + 1));
        if (bits > want_len * 8) continue;  // a mapped-IPv4 entry with an IPv6 prefix
        bool same = true;
        for (int i = 0; same && i < bits / 8; ++i) same = want[i] == have[i];
        if (same && bits % 8) {
            unsigned char mask = static_cast<unsigned char>(0xff << (8 - bits % 8));
            same = (want[bits / 8] & mask) == (have[bits / 8] & mask);
        }
        if (same) return true;
    }
    return false;
}

// 403 forbidden unless the key has no allowed_ips or the request comes from one of them
// (reference §2.3; it documents no code of its own for this refusal).
void check_peer(const ApiKey &key, const Request &req) {
    if (key.allowed_ips.empty() || peer_allowed(key.allowed_ips, req.peer)) return;
    std::string peer = req.peer.empty() ? "an unknown address" : req.peer;
    throw ApiError(403, "forbidden", "This API key may not be used from " + peer,
                   {{"reason", "ip_not_allowed"}, {"ip_address", req.peer}});
}

}  // namespace

std::optional<Decimal> read_expiry_days(FieldReader &f) {
    auto days = f.amount("expires_in_days", false);
    if (days && Decimal::parse(std::to_string(kMaxExpiryDays), nullptr).value() < *days) {
        f.fail("expires_in_days", "must be at most " + std::to_string(kMaxExpiryDays));
        return std::nullopt;
    }
    return days;
}

std::vector<std::string> read_allowed_ips(FieldReader &f, const char *name) {
    auto ips = f.string_array(name, false);
    for (const auto &ip : ips)
        if (!ip_or_cidr(ip)) {
            f.fail(name, "must hold IP addresses or CIDR blocks: " + ip.substr(0, 64));
            return {};
        }
    return ips;
}

void write_key(JsonWriter &w, const ApiKey &k, SysTime t, const std::string *secret,
               KeyShape shape) {
    w.StartObject();
    kv_str(w, "id", k.id);
    kv_str(w, "name", k.name);
    kv_str(w, "api_key", k.api_key);
    if (secret) kv_str(w, "api_secret", *secret);
    kv_str_array(w, "permissions", k.permissions);
    kv_str(w, "status", k.status(t));
    kv_str(w, "created_at", iso8601_ms(k.created_at));
    if (k.has_expiry)
        kv_str(w, "expires_at", iso8601_ms(k.expires_at));
    else
        kv_null(w, "expires_at");
    if (k.used)
        kv_str(w, "last_used_at", iso8601_ms(k.last_used_at));
    else
        kv_null(w, "last_used_at");
    if (k.revoked) kv_str(w, "revoked_at", iso8601_ms(k.revoked_at));
    if (k.rotated) kv_str(w, "rotated_at", iso8601_ms(k.rotated_at));
    kv_str_array(w, "allowed_ips", k.allowed_ips);
    if (shape == KeyShape::kK2) {
        kv_str(w, "key_name", k.name);
        kv_str_array(w, "scopes", k.permissions);
        kv_bool(w, "is_active", k.status(t) == "active");
        kv_bool(w, "is_revoked", k.revoked);
    }
    w.EndObject();
}

std::string Api::hash_secret(const std::string &secret) const {
    auto mac = hmac_sha256(pepper_, "secret:" + secret);
    return to_hex(mac.data(), mac.size());
}

std::string Api::hash_token(const std::string &token) const {
    auto mac = hmac_sha256(pepper_, "token:" + token);
    return to_hex(mac.data(), mac.size());
}

void Api::drop_tokens_of(const std::string &key_id) {
    for (auto it = state_.tokens.begin(); it != state_.tokens.end();)
        it = it->second.key_id == key_id ? state_.tokens.erase(it) : std::next(it);
}

Principal Api::authenticate(const Request &req, SysTime t) {
    std::string authz = req.header("Authorization");
    if (!authz.empty()) {
        if (authz.size() < 7 || !iequals(authz.substr(0, 7), "Bearer "))
            throw ApiError(401, "unauthorized", "Authorization must be a Bearer token");
        std::string token = trim(authz.substr(7));
        if (token.empty()) throw ApiError(401, "unauthorized", "Empty bearer token");
        if (constant_time_equal(token, session_token_)) {
            Principal p;
            p.user_id = user_id_;
            p.session = true;
            p.bucket = "session";
            return p;
        }
        if (auto session = session_principal(*this, token, t)) return *session;  // sign-in
        auto it = state_.tokens.find(hash_token(token));
        if (it == state_.tokens.end())
            throw ApiError(401, "invalid_token", "Invalid or revoked access token");
        if (t >= it->second.expires_at)
            throw ApiError(401, "token_expired", "The access token has expired");
        auto key = state_.keys.find(it->second.key_id);
        if (key == state_.keys.end() || key->second.revoked)
            throw ApiError(401, "invalid_token", "Invalid or revoked access token");
        if (key->second.expired(t)) throw ApiError(401, "unauthorized", "The API key has expired");
        check_peer(key->second, req);  // a token is the key's: it carries its restriction
        key->second.used = true;
        key->second.last_used_at = t;
        Principal p;
        p.user_id = key->second.user_id;
        p.key_id = key->second.id;
        p.permissions = key->second.permissions;
        p.bucket = "key:" + key->second.id;
        return p;
    }
    if (req.has_header("X-API-Key") || req.has_header("X-API-Secret")) {
        std::string public_key = req.header("X-API-Key");
        std::string secret = req.header("X-API-Secret");
        if (public_key.empty() || secret.empty())
            throw ApiError(401, "unauthorized", "X-API-Key and X-API-Secret go together");
        auto id = state_.key_by_public.find(public_key);
        // Hash anyway so an unknown key costs the same as a wrong secret.
        std::string presented = hash_secret(secret);
        if (id == state_.key_by_public.end())
            throw ApiError(401, "unauthorized", "Invalid API key or secret");
        ApiKey &key = state_.keys.at(id->second);
        if (!constant_time_equal(presented, key.secret_hash))
            throw ApiError(401, "unauthorized", "Invalid API key or secret");
        if (key.revoked) throw ApiError(401, "unauthorized", "The API key has been revoked");
        if (key.expired(t)) throw ApiError(401, "unauthorized", "The API key has expired");
        check_peer(key, req);
        key.used = true;
        key.last_used_at = t;
        Principal p;
        p.user_id = key.user_id;
        p.key_id = key.id;
        p.permissions = key.permissions;
        p.bucket = "key:" + key.id;
        return p;
    }
    throw ApiError(401, "unauthorized",
                   "Missing credentials: send Authorization: Bearer or X-API-Key + X-API-Secret");
}

void Api::require_2fa(const Request &req) {
    std::string code = trim(req.header("X-2FA-Token"));
    // The wall clock: the code comes from the caller's authenticator, which /__sandbox/advance
    // does not move.
    switch (totp_.verify(code, unix_seconds(now()))) {
        case TotpResult::kAccepted:
            return;
        case TotpResult::kMissing:
            throw ApiError(401, "two_factor_required",
                           "This operation requires a 2FA code in the X-2FA-Token header");
        case TotpResult::kMalformed:
            throw ApiError(401, "two_factor_invalid", "The 2FA code must be 6 digits");
        case TotpResult::kReused:
            throw ApiError(401, "two_factor_invalid", "The 2FA code was already used");
        case TotpResult::kWrong:
            break;
    }
    throw ApiError(401, "two_factor_invalid", "Invalid 2FA code");
}

void Api::check_may_manage(const Principal &who, const ApiKey &key,
                           const std::vector<std::string> &new_permissions) {
    if (who.session) return;
    if (!who.holds_all(key.permissions) || !who.holds_all(new_permissions))
        throw ApiError(403, "forbidden",
                       "An API key can only manage keys whose permissions it holds itself",
                       {{"permissions", "exceed the permissions of the calling key"}});
}

ApiKey &Api::find_key(const Ctx &ctx) {
    auto it = state_.keys.find(ctx.params.at(0));
    if (it == state_.keys.end() || it->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "API key not found", {{"id", ctx.params.at(0)}});
    return it->second;
}

Response Api::token_exchange(Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string public_key = f.string("api_key", true, 256);
    std::string secret = f.string("api_secret", true, 256);
    f.check();
    std::string presented = hash_secret(secret);
    auto id = state_.key_by_public.find(public_key);
    const char *refused = "Invalid, expired, or revoked API key";
    if (id == state_.key_by_public.end()) throw ApiError(401, "unauthorized", refused);
    ApiKey &key = state_.keys.at(id->second);
    if (!constant_time_equal(presented, key.secret_hash) || key.revoked || key.expired(ctx.now))
        throw ApiError(401, "unauthorized", refused);
    check_peer(key, ctx.req);
    key.used = true;
    key.last_used_at = ctx.now;

    // Forget tokens that expired a day ago; younger ones still answer token_expired.
    for (auto it = state_.tokens.begin(); it != state_.tokens.end();)
        it = ctx.now - it->second.expires_at > std::chrono::hours(24) ? state_.tokens.erase(it)
                                                                      : std::next(it);

    SysTime expires = ctx.now + std::chrono::seconds(opts_.token_ttl);
    rapidjson::StringBuffer payload_sb;
    {
        JsonWriter w(payload_sb);
        w.StartObject();
        kv_str(w, "sub", key.id);
        kv_str(w, "jti", random_hex(16));
        kv_int(w, "iat", unix_seconds(ctx.now));
        kv_int(w, "exp", unix_seconds(expires));
        kv_str_array(w, "scopes", key.permissions);
        w.EndObject();
    }
    std::string signing_input =
        base64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." +
        base64url(std::string(payload_sb.GetString(), payload_sb.GetSize()));
    auto sig = hmac_sha256(jwt_secret_, signing_input);
    std::string token = signing_input + "." + base64url(std::string(sig.begin(), sig.end()));
    record_secret(token);
    state_.tokens[hash_token(token)] = AccessToken{key.id, key.user_id, expires};

    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    w.StartObject();
    kv_bool(w, "success", true);
    kv_str(w, "access_token", token);
    kv_str(w, "token_type", "Bearer");
    kv_int(w, "expires_in", opts_.token_ttl);
    kv_str(w, "expires_at", iso8601_ms(expires));
    kv_str_array(w, "scopes", key.permissions);
    w.Key("refresh_recommendation");
    w.StartObject();
    kv_int(w, "refresh_before_seconds", kRefreshBeforeSeconds);
    kv_bool(w, "auto_refresh_enabled", true);
    w.EndObject();
    w.EndObject();
    Response r;
    r.body.assign(sb.GetString(), sb.GetSize());
    return r;
}

const ApiKey &Api::issue_key(Ctx &ctx, const KeySpec &spec, std::string *secret) {
    if (!ctx.who.holds_all(spec.permissions))
        throw ApiError(403, "forbidden", "An API key cannot grant permissions it does not hold",
                       {{"permissions", "exceed the permissions of the calling key"}});
    require_2fa(ctx.req);

    ApiKey k;
    k.id = "key_" + random_hex(12);
    k.user_id = ctx.who.user_id;
    k.name = spec.name;
    k.api_key = "yativo_" + random_hex(24);
    *secret = new_secret();
    k.secret_hash = hash_secret(*secret);
    k.permissions = spec.permissions;
    k.allowed_ips = spec.allowed_ips;
    k.created_at = ctx.now;
    if (spec.expires_in_days) {
        k.has_expiry = true;
        k.expires_at =
            ctx.now + std::chrono::seconds(std::max(1LL, spec.expires_in_days->days_to_seconds()));
    }
    state_.key_by_public[k.api_key] = k.id;
    state_.key_order.push_back(k.id);
    ctx.resource_id = k.id;
    return state_.keys[k.id] = std::move(k);
}

ApiKey &Api::revoke_key(Ctx &ctx) {
    ApiKey &k = find_key(ctx);
    check_may_manage(ctx.who, k, {});
    require_2fa(ctx.req);
    if (!k.revoked) {
        k.revoked = true;
        k.revoked_at = ctx.now;
    }
    drop_tokens_of(k.id);
    ctx.resource_id = k.id;
    return k;
}

Response Api::key_create(Ctx &ctx) {
    FieldReader f(ctx.body);
    KeySpec spec;
    spec.name = f.string("name", true, 100);
    spec.permissions = f.string_array("permissions", true);
    spec.expires_in_days = read_expiry_days(f);
    spec.allowed_ips = read_allowed_ips(f, "allowed_ips");
    f.check();
    std::string secret;
    const ApiKey &stored = issue_key(ctx, spec, &secret);
    return resource_response(201, "API key created successfully", [&](JsonWriter &w) {
        write_key(w, stored, ctx.now, &secret, KeyShape::kK1);
    });
}

Response Api::key_list(Ctx &ctx) {
    return resource_response(200, "API keys retrieved successfully", [&](JsonWriter &w) {
        w.StartObject();
        w.Key("keys");
        w.StartArray();
        for (const auto &id : state_.key_order) {
            const ApiKey &k = state_.keys.at(id);
            if (k.user_id == ctx.who.user_id) write_key(w, k, ctx.now, nullptr, KeyShape::kK1);
        }
        w.EndArray();
        w.EndObject();
    });
}

Response Api::key_get(Ctx &ctx) {
    const ApiKey &k = find_key(ctx);
    return resource_response(200, "API key retrieved successfully", [&](JsonWriter &w) {
        write_key(w, k, ctx.now, nullptr, KeyShape::kK1);
    });
}

Response Api::key_revoke(Ctx &ctx) {
    const ApiKey &k = revoke_key(ctx);
    return resource_response(200, "API key revoked successfully", [&](JsonWriter &w) {
        write_key(w, k, ctx.now, nullptr, KeyShape::kK1);
    });
}

Response Api::key_rotate(Ctx &ctx) {
    ApiKey &k = find_key(ctx);
    check_may_manage(ctx.who, k, {});
    if (k.revoked) throw ApiError(409, "conflict", "A revoked API key cannot be rotated");
    require_2fa(ctx.req);
    std::string secret = new_secret();
    k.secret_hash = hash_secret(secret);
    k.rotated = true;
    k.rotated_at = ctx.now;
    drop_tokens_of(k.id);  // tokens minted with the old secret die with it
    ctx.resource_id = k.id;
    return resource_response(200, "API key secret rotated successfully", [&](JsonWriter &w) {
        write_key(w, k, ctx.now, &secret, KeyShape::kK1);
    });
}

Response Api::key_permissions(Ctx &ctx) {
    ApiKey &k = find_key(ctx);
    FieldReader f(ctx.body);
    auto permissions = f.string_array("permissions", true);
    f.check();
    check_may_manage(ctx.who, k, permissions);
    if (k.revoked)
        throw ApiError(409, "conflict", "The permissions of a revoked API key cannot change");
    require_2fa(ctx.req);
    k.permissions = permissions;
    ctx.resource_id = k.id;
    return resource_response(200, "API key permissions updated successfully", [&](JsonWriter &w) {
        write_key(w, k, ctx.now, nullptr, KeyShape::kK1);
    });
}

}  // namespace yvsb
