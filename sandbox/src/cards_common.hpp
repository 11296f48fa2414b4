// What the card (handlers_cards.cpp) and card-issuer (handlers_card_issuer.cpp) modules share:
// query strings, card profiles of customers, deterministic funding addresses, paging.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "api.hpp"
#include "chains.hpp"
#include "crypto.hpp"

namespace yvsb {
namespace cards {

inline int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

inline std::string percent_decode(const std::string &s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
                   hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// The query string of a request as a JSON object of strings (the last value of a repeated
// name wins), so FieldReader validates query parameters like body fields.
inline Json query_object(const Request &req) {
    Json out;
    out.kind = Json::Kind::kObject;
    size_t q = req.target.find('?');
    if (q == std::string::npos) return out;
    std::string query = req.target.substr(q + 1);
    size_t hash = query.find('#');
    if (hash != std::string::npos) query.resize(hash);
    size_t pos = 0;
    while (pos <= query.size()) {
        size_t amp = query.find('&', pos);
        if (amp == std::string::npos) amp = query.size();
        std::string part = query.substr(pos, amp - pos);
        pos = amp + 1;
        if (part.empty()) continue;
        size_t eq = part.find('=');
        std::string name = percent_decode(part.substr(0, eq));
        Json value;
        value.kind = Json::Kind::kString;
        value.text = eq == std::string::npos ? "" : percent_decode(part.substr(eq + 1));
        auto it = std::find_if(out.members.begin(), out.members.end(),
                               [&](const auto &m) { return m.first == name; });
        if (it != out.members.end())
            it->second = value;
        else
            out.members.emplace_back(name, value);
    }
    return out;
}

// 2*nbytes hex characters derived from `tag`: stable for one sandbox run and per object.
inline std::string derived_hex(const std::string &tag, size_t nbytes) {
    auto mac = hmac_sha256("yativo-sandbox-cards", tag);
    std::string hex = to_hex(mac.data(), mac.size());
    while (hex.size() < 2 * nbytes) {
        mac = hmac_sha256("yativo-sandbox-cards", hex);
        hex += to_hex(mac.data(), mac.size());
    }
    return hex.substr(0, 2 * nbytes);
}

// A Solana address (32 bytes, base58) derived from `tag`.
inline std::string solana_address_for(const std::string &tag) {
    auto mac = hmac_sha256("yativo-sandbox-cards", tag);
    return base58_encode(mac);
}

inline std::string xdc_address_for(const std::string &tag) {
    return "xdc" + derived_hex(tag, 20);
}

// A funding address on chain SOL or XDC.
inline std::string address_for(const std::string &chain, const std::string &tag) {
    return chain == "XDC" ? xdc_address_for(tag + "/XDC") : solana_address_for(tag + "/SOL");
}

// The card-wallet (Gnosis Safe style) address of a profile.
inline std::string safe_address_for(const std::string &profile_id) {
    return "0x" + derived_hex("safe/" + profile_id, 20);
}

inline void set_default_limits(CardProfile &p) {
    p.daily_limit = *Decimal::parse("5000", nullptr);
    p.monthly_limit = *Decimal::parse("20000", nullptr);
    p.per_transaction_limit = *Decimal::parse("2500", nullptr);
}

// The customer `id` of the calling user, or 404.
inline const Customer &find_customer(Api &api, const Ctx &ctx, const std::string &id,
                                     const char *field) {
    auto &customers = api.state().customers;
    auto it = customers.find(id);
    if (it == customers.end() || it->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Customer not found", {{field, id}});
    return it->second;
}

// The card profile of a customer, or nullptr.
inline CardProfile *customer_profile(Api &api, const std::string &customer_id) {
    for (auto &p : api.state().cards.profiles)
        if (p.second.customer_id == customer_id) return &p.second;
    return nullptr;
}

// The card profile of a customer, created on first use: the issuer vouches for its customers,
// so it starts KYC-approved with terms accepted and its card wallet deployed.
inline CardProfile &ensure_customer_profile(Api &api, const Customer &c, SysTime now) {
    if (CardProfile *p = customer_profile(api, c.id)) return *p;
    CardProfile p;
    p.id = "ycd_" + random_hex(12);
    p.user_id = c.user_id;
    p.customer_id = c.id;
    p.email = c.email;
    size_t space = c.name.find(' ');
    p.first_name = c.name.substr(0, space);
    p.last_name = space == std::string::npos ? "" : c.name.substr(space + 1);
    p.kyc_status = "approved";
    p.kyc_auto = false;
    p.kyc_due = now;
    p.terms_accepted = true;
    p.terms_accepted_at = now;
    p.safe_address = safe_address_for(p.id);
    p.safe_deployed_at = now;
    set_default_limits(p);
    p.created_at = now;
    auto &cs = api.state().cards;
    cs.profile_order.push_back(p.id);
    return cs.profiles[p.id] = p;
}

// 409 with the state that forbids the action as its error code (and as details.reason).
inline ApiError conflict_error(const std::string &reason, const std::string &message,
                               StringFields details = {}) {
    details.insert(details.begin(), {"reason", reason});
    return ApiError(409, reason, message, std::move(details));
}

struct Page {
    long long page = 1;
    long long limit = 20;
    size_t total = 0;
    size_t begin() const { return std::min(total, static_cast<size_t>((page - 1) * limit)); }
    size_t end() const { return std::min(total, begin() + static_cast<size_t>(limit)); }
    void write(JsonWriter &w) const {
        w.Key("pagination");
        w.StartObject();
        kv_int(w, "page", page);
        kv_int(w, "limit", limit);
        kv_int(w, "total", static_cast<long long>(total));
        kv_int(w, "pages",
               static_cast<long long>((total + static_cast<size_t>(limit) - 1) /
                                      static_cast<size_t>(limit)));
        w.EndObject();
    }
};

inline std::string json_text(const Json &v) {
    return canonical_json(v);
}

// Writes JSON text that canonical_json produced (a stored object) as a value.
inline void write_raw_json(JsonWriter &w, const std::string &text) {
    Json v;
    std::string why;
    if (!text.empty() && parse_json(text, v, &why))
        write_json(w, v);
    else
        w.Null();
}

}  // namespace cards
}  // namespace yvsb
