#include "auth.hpp"

#include <algorithm>

namespace yvsb {

const char *scope_name(Scope s) {
    switch (s) {
        case Scope::kRead:
            return "read";
        case Scope::kWrite:
            return "write";
        case Scope::kTransactions:
            return "transactions";
        case Scope::kWebhooks:
            return "webhooks";
        case Scope::kNone:
        case Scope::kPublic:
            break;
    }
    return "";
}

Scope coarse_scope(const std::string &p) {
    // The four coarse scopes, and the resource:action spellings of the reference (§2.2).
    static const std::pair<const char *, Scope> kMap[] = {
        {"read", Scope::kRead},
        {"write", Scope::kWrite},
        {"transactions", Scope::kTransactions},
        {"webhooks", Scope::kWebhooks},
        {"wallets:read", Scope::kRead},
        {"accounts:read", Scope::kRead},
        {"transactions:read", Scope::kRead},
        {"analytics:read", Scope::kRead},
        {"cards:read", Scope::kRead},
        {"swap:read", Scope::kRead},
        {"wallets:write", Scope::kWrite},
        {"accounts:write", Scope::kWrite},
        {"cards:write", Scope::kWrite},
        {"transactions:write", Scope::kTransactions},
        {"swap:write", Scope::kTransactions},
        {"webhooks:write", Scope::kWebhooks},
        {"webhooks:manage", Scope::kWebhooks},
    };
    for (const auto &m : kMap)
        if (p == m.first) return m.second;
    return Scope::kNone;
}

bool Principal::holds(Scope s) const {
    if (session) return true;
    return std::any_of(permissions.begin(), permissions.end(),
                       [&](const std::string &p) { return coarse_scope(p) == s; });
}

bool Principal::holds_all(const std::vector<std::string> &granted) const {
    if (session) return true;
    for (const auto &g : granted) {
        bool exact = std::find(permissions.begin(), permissions.end(), g) != permissions.end();
        Scope s = coarse_scope(g);
        if (!exact && (s == Scope::kNone || !holds(s))) return false;
    }
    return true;
}

}  // namespace yvsb
