// API-key management as both dialects share it: K1 (/apikey/create, /apikey/list,
// /apikey/{id}/revoke, ...) and K2 (/apikey/generate, GET /apikey, DELETE /apikey/{id}) read
// their own field names into a KeySpec and answer in their own shape, but issue, revoke, check
// 2FA and refuse escalation through the same Api members (handlers_keys.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clock.hpp"
#include "decimal.hpp"
#include "json.hpp"
#include "state.hpp"
#include "validate.hpp"

namespace yvsb {

struct KeySpec {
    std::string name;
    std::vector<std::string> permissions;
    std::optional<Decimal> expires_in_days;
    std::vector<std::string> allowed_ips;  // IPv4/IPv6 addresses or CIDRs
};

// Reads `expires_in_days` (a positive decimal up to 3650).
std::optional<Decimal> read_expiry_days(FieldReader &f);
// Reads `name` as an optional list of IP addresses or CIDR blocks.
std::vector<std::string> read_allowed_ips(FieldReader &f, const char *name);

enum class KeyShape {
    kK1,  // id, name, api_key, permissions, status, ...
    kK2,  // the same plus key_name, scopes, is_active, is_revoked
};
// A key object; `secret` (the api_secret) only in the create and rotate answers.
void write_key(JsonWriter &w, const ApiKey &k, SysTime t, const std::string *secret,
               KeyShape shape);

}  // namespace yvsb
