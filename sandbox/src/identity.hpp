// What the session, IBAN and swap modules share (handlers_session.cpp defines it), and the hook
// through which Api::authenticate accepts session tokens issued by sign-in.
#pragma once

#include <optional>
#include <string>

#include "api.hpp"

namespace yvsb {

// Seeds the identity of the seeded user (e-mail, TOTP, one passkey) once per State.
void ensure_identity_seeded(Api &api);

// The principal of a session access token issued by sign-in, or nullopt when `token` is not
// one. Throws 401 token_expired for an expired one and invalid_token for a refresh token.
std::optional<Principal> session_principal(Api &api, const std::string &token, SysTime t);

// Checks X-2FA-Token against the calling user's own TOTP (the seeded user's through
// Api::require_2fa); 401 two_factor_required/two_factor_invalid otherwise.
void require_user_2fa(Api &api, const Ctx &ctx);

// The value of query parameter `name` in a request target (percent-decoded); nullopt if absent.
std::optional<std::string> query_param(const std::string &target, const std::string &name);

std::string lower_ascii(std::string s);

}  // namespace yvsb
