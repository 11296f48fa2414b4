// Who is calling, and what they may do: principals, scopes and the no-escalation rule.
#pragma once

#include <string>
#include <vector>

namespace yvsb {

// kPublic: no credentials at all (session sign-in: the handler identifies the caller itself).
enum class Scope { kNone, kRead, kWrite, kTransactions, kWebhooks, kPublic };

const char *scope_name(Scope s);

// The coarse scope a permission string stands for ("wallets:read" -> read), or kNone for an
// unknown string, which is stored but grants nothing the emulator checks.
Scope coarse_scope(const std::string &permission);

struct Principal {
    std::string user_id;
    bool session = false;  // the dashboard session token: every scope
    std::string key_id;    // the API key acting, when not a session
    std::vector<std::string> permissions;
    std::string bucket;  // rate-limit bucket

    bool holds(Scope s) const;
    // True when every permission in `granted` is held (exactly, or through its coarse scope).
    bool holds_all(const std::vector<std::string> &granted) const;
};

}  // namespace yvsb
