// Session sign-in (reference §3): registration, passwordless sign-in with an e-mailed OTP, token
// refresh, Google Authenticator and passkeys. The access tokens issued here act for their user
// with every scope, like the seeded --session-token (Api::authenticate asks session_principal).
#include <openssl/evp.h>

#include <cctype>
#include <stdexcept>

#include "crypto.hpp"
#include "identity.hpp"
#include "modules.hpp"
#include "secret_record.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

constexpr int kMaxOtpFailures = 5;     // wrong codes before an OTP is dead
constexpr int kMaxTotpFailures = 5;    // wrong authenticator codes before a lock
constexpr int kTotpLockSeconds = 300;  // ... and how long it lasts
constexpr int kChallengeSeconds = 120;
constexpr int kPbkdf2Iterations = 20000;

IdentityState &ids(Api &api) {
    ensure_identity_seeded(api);
    return api.state().identity;
}

std::string token_hash(Api &api, const std::string &kind, const std::string &token) {
    auto mac = hmac_sha256(api.state().identity.pepper, kind + ":" + token);
    return to_hex(mac.data(), mac.size());
}

std::string password_hash(const std::string &password, const std::string &salt) {
    unsigned char out[32];
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char *>(salt.data()),
                          static_cast<int>(salt.size()), kPbkdf2Iterations, EVP_sha256(),
                          sizeof out, out) != 1)
        throw std::runtime_error("PBKDF2 unavailable");
    return to_hex(out, sizeof out);
}

bool valid_email(const std::string &e) {
    size_t at = e.find('@');
    if (at == std::string::npos || at == 0 || e.find('@', at + 1) != std::string::npos)
        return false;
    size_t dot = e.find('.', at);
    if (dot == std::string::npos || dot == at + 1 || dot + 1 == e.size()) return false;
    for (char c : e)
        if (static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == ',') return false;
    return true;
}

// The e-mail member, validated and lower-cased ("" after recording a problem).
std::string read_email(FieldReader &f, const char *name, bool required) {
    std::string e = f.string(name, required, 254);
    if (!e.empty() && !valid_email(e)) {
        f.fail(name, "must be an e-mail address");
        return {};
    }
    return lower_ascii(e);
}

IdentityUser *user_by_email(Api &api, const std::string &email) {
    auto &s = ids(api);
    auto it = s.user_by_email.find(email);
    return it == s.user_by_email.end() ? nullptr : &s.users.at(it->second);
}

IdentityUser &require_user(Api &api, const std::string &email) {
    IdentityUser *u = user_by_email(api, email);
    if (!u) throw ApiError(404, "not_found", "No user with this e-mail", {{"email", email}});
    return *u;
}

IdentityUser &user_of(Api &api, const std::string &user_id) {
    auto &s = ids(api);
    auto it = s.users.find(user_id);
    if (it == s.users.end()) throw ApiError(404, "not_found", "User not found");
    return it->second;
}

std::string six_digits() {
    for (;;) {
        auto b = random_bytes(4);
        uint32_t v = (uint32_t(b[0]) << 24) | (uint32_t(b[1]) << 16) | (uint32_t(b[2]) << 8) | b[3];
        if (v >= 4294000000u) continue;  // 4294000000 = 4294 * 10^6: no modulo bias
        std::string code = std::to_string(v % 1000000);
        return std::string(6 - code.size(), '0') + code;
    }
}

std::string base64url_decode(const std::string &in, bool *ok) {
    *ok = true;
    std::string out;
    uint32_t acc = 0;
    int bits = 0;
    for (char c : in) {
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '-' || c == '+')
            v = 62;
        else if (c == '_' || c == '/')
            v = 63;
        else if (c == '=')
            break;
        else {
            *ok = false;
            return {};
        }
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> bits) & 0xff));
        }
    }
    return out;
}

// "e-mails" a fresh sign-in code to `u`, replacing any pending one.
void send_otp(Api &api, const IdentityUser &u, SysTime t) {
    std::string code = six_digits();
    record_secret(code);
    SignInOtp otp;
    otp.code_hash = token_hash(api, "otp", code);
    otp.expires_at = t + std::chrono::seconds(api.options().otp_ttl);
    ids(api).otps[u.id] = otp;
    api.state().outbox.push_back(Email{u.email, "Your Yativo sign-in code", code, t});
}

struct Issued {
    std::string access, refresh;
    SysTime access_expires;
};

Issued open_session(Api &api, const std::string &user_id, SysTime t) {
    auto &s = ids(api);
    // Forget sessions whose refresh token died a day ago.
    for (auto it = s.sessions.begin(); it != s.sessions.end();) {
        if (t - it->second.refresh_expires > std::chrono::hours(24)) {
            s.session_tokens.erase(it->second.access_hash);
            s.session_tokens.erase(it->second.refresh_hash);
            it = s.sessions.erase(it);
        } else {
            ++it;
        }
    }
    Issued out;
    out.access = "yvsa_" + random_hex(24);
    out.refresh = "yvsr_" + random_hex(24);
    record_secret(out.access);
    record_secret(out.refresh);
    out.access_expires = t + std::chrono::seconds(api.options().token_ttl);
    std::string id = "ses_" + random_hex(12);
    SignInSession ses;
    ses.user_id = user_id;
    ses.access_hash = token_hash(api, "session", out.access);
    ses.access_expires = out.access_expires;
    ses.refresh_hash = token_hash(api, "session", out.refresh);
    ses.refresh_expires = t + std::chrono::seconds(api.options().refresh_ttl);
    s.session_tokens[ses.access_hash] = SessionTokenRef{id, false};
    s.session_tokens[ses.refresh_hash] = SessionTokenRef{id, true};
    s.sessions[id] = ses;
    return out;
}

void write_user(JsonWriter &w, const IdentityUser &u) {
    w.StartObject();
    kv_str(w, "id", u.id);
    kv_str(w, "user_id", u.id);
    kv_str(w, "email", u.email);
    kv_str_or_null(w, "username", u.username);
    kv_str_or_null(w, "first_name", u.first_name);
    kv_str_or_null(w, "last_name", u.last_name);
    kv_bool(w, "two_factor_enabled", u.totp_enabled);
    kv_str(w, "created_at", iso8601_ms(u.created_at));
    w.EndObject();
}

// The tokens top-level (where the official SDK reads them) and in `data`.
Response token_response(Api &api, const char *message, const Issued &tok, const IdentityUser &u,
                        SysTime t, int status = 200) {
    long long expires_in = unix_seconds(tok.access_expires) - unix_seconds(t);
    auto members = [&](JsonWriter &w) {
        kv_str(w, "access_token", tok.access);
        if (!tok.refresh.empty()) kv_str(w, "refresh_token", tok.refresh);
        kv_str(w, "token_type", "Bearer");
        kv_int(w, "expires_in", expires_in);
        kv_str(w, "expires_at", iso8601_ms(tok.access_expires));
    };
    (void)api;
    return resource_response(
        status, message,
        [&](JsonWriter &w) {
            w.StartObject();
            members(w);
            w.Key("user");
            write_user(w, u);
            w.EndObject();
        },
        members);
}

// The bearer token of a public request, or "".
std::string bearer_of(const Request &req) {
    std::string a = req.header("Authorization");
    if (a.size() < 7 || lower_ascii(a.substr(0, 7)) != "bearer ") return {};
    a = a.substr(7);
    size_t b = a.find_first_not_of(" \t"), e = a.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : a.substr(b, e - b + 1);
}

// Verifies a Google Authenticator code of `u`, counting wrong ones; throws on refusal.
void verify_totp(Api &api, const IdentityUser &u, const std::string &code, SysTime t) {
    auto &s = ids(api);
    auto locked = s.totp_locked_until.find(u.id);
    if (locked != s.totp_locked_until.end() && t < locked->second)
        throw ApiError(401, "two_factor_locked",
                       "Too many wrong authenticator codes; try again later",
                       {{"retry_after_seconds",
                         std::to_string(unix_seconds(locked->second) - unix_seconds(t))}});
    bool ok = false;
    std::string error = "two_factor_invalid", message = "Invalid 2FA code";
    if (u.id == api.seeded_user()) {
        Request probe;
        probe.headers.emplace_back("X-2FA-Token", code);
        try {
            api.require_2fa(probe);
            ok = true;
        } catch (const ApiError &e) {
            message = e.what();
        }
    } else {
        auto v = s.totp.find(u.id);
        TotpResult r = v == s.totp.end()
                           ? TotpResult::kWrong
                           : v->second.verify(code, unix_seconds(now()));  // wall clock
        ok = r == TotpResult::kAccepted;
        if (r == TotpResult::kReused) message = "The 2FA code was already used";
    }
    if (ok) {
        s.totp_failures.erase(u.id);
        s.totp_locked_until.erase(u.id);
        return;
    }
    if (++s.totp_failures[u.id] >= kMaxTotpFailures) {
        s.totp_failures.erase(u.id);
        s.totp_locked_until[u.id] = t + std::chrono::seconds(kTotpLockSeconds);
    }
    throw ApiError(401, error, message);
}

// ---- handlers ----

Response registration(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string email = read_email(f, "email", true);
    std::string password = f.string("password", true, 128);
    if (!f.failed("password") && !password.empty() && password.size() < 8)
        f.fail("password", "must be at least 8 characters");
    std::string username = f.string("username", false, 64);
    std::string first = f.string("first_name", false, 100);
    std::string last = f.string("last_name", false, 100);
    f.check();
    auto &s = ids(api);
    if (s.user_by_email.count(email))
        throw ApiError(409, "conflict", "A user with this e-mail already exists",
                       {{"email", "is already registered"}});
    IdentityUser u;
    u.id = "usr_" + random_hex(12);
    u.email = email;
    u.username = username;
    u.first_name = first;
    u.last_name = last;
    u.password_salt = random_hex(16);
    u.password_hash = password_hash(password, u.password_salt);
    u.totp_secret = base32_encode(random_bytes(20));
    record_secret(u.totp_secret);
    u.created_at = ctx.now;
    s.totp.emplace(u.id, TotpVerifier(*base32_decode(u.totp_secret), api.options().totp_period));
    s.user_by_email[email] = u.id;
    ctx.resource_id = u.id;
    const IdentityUser &stored = s.users[u.id] = u;
    Issued tok = open_session(api, stored.id, ctx.now);
    return token_response(api, "Registration successful", tok, stored, ctx.now, 201);
}

Response otp_sent(Api &api, const IdentityUser &u, const char *message) {
    return resource_response(200, message, [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "email", u.email);
        kv_bool(w, "otp_sent", true);
        kv_int(w, "expires_in", api.options().otp_ttl);
        kv_bool(w, "two_factor_enabled", u.totp_enabled);
        kv_bool(w, "passkeys_available", !u.passkeys.empty());
        w.EndObject();
    });
}

Response sign_in(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string email = read_email(f, "email", true);
    std::string role = f.string("role", false, 32);
    if (!role.empty() && lower_ascii(role) != "user") f.fail("role", "must be User");
    std::string password = f.string("password", false, 128);
    f.check();
    IdentityUser &u = require_user(api, email);
    if (!password.empty()) {  // the variant that also sends a password: it must be right
        if (u.password_hash.empty() ||
            !constant_time_equal(password_hash(password, u.password_salt), u.password_hash))
            throw ApiError(401, "invalid_credentials", "Invalid e-mail or password");
    }
    send_otp(api, u, ctx.now);
    return otp_sent(api, u, "A sign-in code was sent to your e-mail");
}

Response resend_otp(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string email = read_email(f, "email", true);
    f.check();
    IdentityUser &u = require_user(api, email);
    if (!ids(api).otps.count(u.id))
        throw ApiError(409, "no_pending_sign_in",
                       "No sign-in is in progress for this e-mail; call /auth/sign-in first");
    send_otp(api, u, ctx.now);
    return otp_sent(api, u, "A new sign-in code was sent to your e-mail");
}

Response otp_verification(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string otp = f.string("otp", true, 16);
    if (!otp.empty() &&
        (otp.size() != 6 || otp.find_first_not_of("0123456789") != std::string::npos))
        f.fail("otp", "must be 6 digits");
    std::string email = read_email(f, "email", false);
    f.check();
    auto &s = ids(api);
    std::string presented = token_hash(api, "otp", otp);
    std::string user_id;
    if (!email.empty()) {
        user_id = require_user(api, email).id;
    } else {
        // Without an e-mail only while one sign-in is pending (so a guess is counted against
        // that code; with several pending, a guess could hit any of them uncounted).
        std::vector<std::string> live;
        for (const auto &o : s.otps)
            if (ctx.now < o.second.expires_at && o.second.failures < kMaxOtpFailures)
                live.push_back(o.first);
        if (live.size() > 1)
            throw ApiError(400, "validation_error", "Several sign-ins are pending: send the e-mail",
                           {{"email", "is required while several sign-ins are pending"}});
        if (live.empty()) throw ApiError(401, "invalid_otp", "Invalid sign-in code");
        user_id = live[0];
    }
    auto it = s.otps.find(user_id);
    if (it == s.otps.end())
        throw ApiError(401, "invalid_otp", "No sign-in code is pending; call /auth/sign-in");
    SignInOtp &o = it->second;
    if (o.failures >= kMaxOtpFailures)
        throw ApiError(401, "otp_locked", "Too many wrong codes; request a new sign-in code");
    if (ctx.now >= o.expires_at)
        throw ApiError(401, "otp_expired", "The sign-in code has expired; request a new one");
    if (!constant_time_equal(o.code_hash, presented)) {
        ++o.failures;
        if (o.failures >= kMaxOtpFailures)
            throw ApiError(401, "otp_locked", "Too many wrong codes; request a new sign-in code");
        throw ApiError(401, "invalid_otp", "Invalid sign-in code",
                       {{"attempts_remaining", std::to_string(kMaxOtpFailures - o.failures)}});
    }
    s.otps.erase(it);  // a code works once
    const IdentityUser &u = user_of(api, user_id);
    if (u.totp_enabled) {  // the sign-in finishes with the authenticator's code
        s.second_factor_due[u.id] = ctx.now + std::chrono::seconds(api.options().otp_ttl);
        return resource_response(200, "OTP verified; send your authenticator code",
                                 [&](JsonWriter &w) {
                                     w.StartObject();
                                     kv_str(w, "email", u.email);
                                     kv_bool(w, "requires_2fa", true);
                                     kv_str(w, "next", "/google-auth/verify-token");
                                     kv_int(w, "expires_in", api.options().otp_ttl);
                                     w.EndObject();
                                 });
    }
    Issued tok = open_session(api, u.id, ctx.now);
    return token_response(api, "OTP verified successfully", tok, u, ctx.now);
}

Response refresh_token(Api &api, Ctx &ctx) {
    std::string token = bearer_of(ctx.req);
    if (token.empty())
        throw ApiError(401, "unauthorized", "Send the session token as Authorization: Bearer");
    auto &s = ids(api);
    auto ref = s.session_tokens.find(token_hash(api, "session", token));
    if (ref == s.session_tokens.end())
        throw ApiError(401, "invalid_token", "Invalid or revoked session token");
    const std::string session_id = ref->second.session_id;  // `ref` may be erased below
    SignInSession &ses = s.sessions.at(session_id);
    // The refresh token, or (as the official SDK sends its current bearer) a live access token.
    if (ctx.now >= (ref->second.refresh ? ses.refresh_expires : ses.access_expires))
        throw ApiError(401, "token_expired", "The token has expired; sign in again");
    // The access token issued before dies: one live access token per session.
    s.session_tokens.erase(ses.access_hash);
    Issued tok;
    tok.access = "yvsa_" + random_hex(24);
    record_secret(tok.access);
    tok.access_expires = ctx.now + std::chrono::seconds(api.options().token_ttl);
    ses.access_hash = token_hash(api, "session", tok.access);
    ses.access_expires = tok.access_expires;
    s.session_tokens[ses.access_hash] = SessionTokenRef{session_id, false};
    return token_response(api, "Token refreshed", tok, user_of(api, ses.user_id), ctx.now);
}

void require_session(const Ctx &ctx) {
    if (!ctx.who.session)
        throw ApiError(403, "forbidden",
                       "Google Authenticator settings need a signed-in session, not an API key");
}

std::string url_encode(const std::string &s) {
    static const char *hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

Response google_get(Api &api, Ctx &ctx) {
    require_session(ctx);
    const IdentityUser &u = user_of(api, ctx.who.user_id);
    std::string label = "Yativo:" + u.email;
    std::string uri = "otpauth://totp/" + url_encode(label) + "?secret=" + u.totp_secret +
                      "&issuer=Yativo&algorithm=SHA1&digits=6&period=" +
                      std::to_string(api.options().totp_period);
    return resource_response(200, "Google Authenticator details", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "secret", u.totp_secret);
        kv_str(w, "otpauth_url", uri);
        kv_str(w, "issuer", "Yativo");
        kv_str(w, "account_name", u.email);
        kv_str(w, "algorithm", "SHA1");
        kv_int(w, "digits", 6);
        kv_int(w, "period", api.options().totp_period);
        kv_bool(w, "enabled", u.totp_enabled);
        w.EndObject();
    });
}

Response google_enable(Api &api, Ctx &ctx) {
    require_session(ctx);
    IdentityUser &u = user_of(api, ctx.who.user_id);
    bool was = u.totp_enabled;
    u.totp_enabled = true;
    return resource_response(
        200, was ? "Google Authenticator is already enabled" : "Google Authenticator enabled",
        [&](JsonWriter &w) {
            w.StartObject();
            kv_bool(w, "enabled", true);
            kv_bool(w, "changed", !was);
            w.EndObject();
        });
}

Response google_verify(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    const char *field = ctx.body.find("google_auth_code") ? "google_auth_code" : "code";
    std::string code = f.string(field, true, 16);
    if (!code.empty() &&
        (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos))
        f.fail(field, "must be 6 digits");
    std::string email = read_email(f, "email", false);
    std::string user_id;
    if (email.empty()) {  // the signed-in caller, when it sends no e-mail
        std::string bearer = bearer_of(ctx.req);
        if (!bearer.empty() && constant_time_equal(bearer, api.session_token())) {
            user_id = api.seeded_user();
        } else if (!bearer.empty()) {
            if (auto p = session_principal(api, bearer, ctx.now)) user_id = p->user_id;
        }
        if (user_id.empty() && !f.failed("email"))
            f.fail("email", "is required unless a signed-in session calls");
    }
    f.check();
    bool signing_in = user_id.empty();
    IdentityUser &u = signing_in ? require_user(api, email) : user_of(api, user_id);
    if (!u.totp_enabled)
        throw ApiError(409, "two_factor_not_enabled",
                       "Google Authenticator is not enabled for this user");
    auto &s = ids(api);
    auto due = s.second_factor_due.find(u.id);
    if (signing_in && (due == s.second_factor_due.end() || ctx.now >= due->second))
        throw ApiError(401, "sign_in_required",
                       "Verify the e-mailed sign-in code first (/auth/sign-in, "
                       "/auth/otp-verification)");
    verify_totp(api, u, code, ctx.now);
    if (signing_in) s.second_factor_due.erase(u.id);
    Issued tok = open_session(api, u.id, ctx.now);
    return token_response(api, "2FA code verified", tok, u, ctx.now);
}

Response passkey_options(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string email = read_email(f, "email", true);
    f.check();
    const IdentityUser &u = require_user(api, email);
    auto &s = ids(api);
    for (auto it = s.passkey_challenges.begin(); it != s.passkey_challenges.end();)
        it = ctx.now - it->second.expires_at > std::chrono::hours(1)
                 ? s.passkey_challenges.erase(it)
                 : std::next(it);
    auto raw = random_bytes(32);
    std::string challenge = base64url(std::string(raw.begin(), raw.end()));
    s.passkey_challenges[challenge] =
        PasskeyChallenge{u.id, ctx.now + std::chrono::seconds(kChallengeSeconds), false};
    return resource_response(200, "Passkey authentication options", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "challenge", challenge);
        kv_int(w, "timeout", kChallengeSeconds * 1000);
        kv_str(w, "rpId", "localhost");
        kv_str(w, "userVerification", "preferred");
        w.Key("allowCredentials");
        w.StartArray();
        for (const auto &id : u.passkeys) {
            w.StartObject();
            kv_str(w, "type", "public-key");
            kv_str(w, "id", id);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    });
}

Response passkey_verify(Api &api, Ctx &ctx) {
    const Json *assertion = &ctx.body;
    if (const Json *c = ctx.body.find("credential"); c && c->is_object()) assertion = c;
    if (const Json *c = ctx.body.find("assertion"); c && c->is_object()) assertion = c;
    FieldReader f(*assertion);
    std::string id = f.string(assertion->find("id")      ? "id"
                              : assertion->find("rawId") ? "rawId"
                                                         : "credential_id",
                              true, 512);
    std::string challenge;
    if (const Json *resp = assertion->find("response"); resp && resp->kind != Json::Kind::kNull) {
        FieldReader r(*resp);
        if (!resp->is_object()) f.fail("response", "must be an object");
        std::string cdj = resp->is_object() ? r.string("clientDataJSON", true, 8192) : "";
        bool ok = false;
        Json client;
        std::string why;
        std::string decoded = base64url_decode(cdj, &ok);
        if (!cdj.empty() && (!ok || !parse_json(decoded, client, &why) || !client.is_object()))
            f.fail("response.clientDataJSON", "must be base64url of a JSON object");
        else if (!cdj.empty()) {
            const Json *type = client.find("type");
            const Json *ch = client.find("challenge");
            if (!type || type->text != "webauthn.get")
                f.fail("response.clientDataJSON", "type must be webauthn.get");
            else if (!ch || ch->kind != Json::Kind::kString || ch->text.empty())
                f.fail("response.clientDataJSON", "must carry the challenge");
            else
                challenge = ch->text;
        }
        if (!r.ok() && cdj.empty()) f.fail("response.clientDataJSON", "is required");
    } else {
        challenge = f.string("challenge", true, 256);
    }
    FieldReader top(ctx.body);
    std::string email = read_email(top, "email", false);
    f.check();
    top.check();
    auto &s = ids(api);
    auto ch = s.passkey_challenges.find(challenge);
    if (ch == s.passkey_challenges.end())
        throw ApiError(400, "passkey_invalid", "The challenge was not issued by this server",
                       {{"reason", "invalid_challenge"}});
    if (ch->second.used)
        throw ApiError(400, "passkey_invalid", "The challenge was already used",
                       {{"reason", "challenge_used"}});
    if (ctx.now >= ch->second.expires_at)
        throw ApiError(400, "passkey_invalid", "The challenge has expired",
                       {{"reason", "challenge_expired"}});
    IdentityUser &u = user_of(api, ch->second.user_id);
    if (!email.empty() && email != u.email)
        throw ApiError(400, "passkey_invalid", "The challenge was issued for another user",
                       {{"reason", "invalid_challenge"}});
    if (std::find(u.passkeys.begin(), u.passkeys.end(), id) == u.passkeys.end())
        throw ApiError(400, "passkey_invalid", "The credential is not registered to this user",
                       {{"reason", "unknown_credential"}});
    ch->second.used = true;
    Issued tok = open_session(api, u.id, ctx.now);
    return token_response(api, "Passkey verified", tok, u, ctx.now);
}

// ---- control ----

Response control_outbox(Api &api, const Request &req) {
    auto to = query_param(req.target, "to");
    std::string want = to ? lower_ascii(*to) : std::string();
    return resource_response(200, "Outbox", [&](JsonWriter &w) {
        w.StartArray();
        for (const Email &e : api.state().outbox) {
            if (to && lower_ascii(e.to) != want) continue;
            w.StartObject();
            kv_str(w, "to", e.to);
            kv_str(w, "subject", e.subject);
            kv_str(w, "code", e.code);
            kv_str(w, "sent_at", iso8601_ms(e.sent_at));
            w.EndObject();
        }
        w.EndArray();
    });
}

Response control_passkeys(Api &api, const Request &req) {
    Json body = parse_request_body(req.body);
    FieldReader f(body);
    std::string email = read_email(f, "email", true);
    std::string id = f.string("credential_id", false, 512);
    f.check();
    IdentityUser &u = require_user(api, email);
    if (id.empty()) {
        auto raw = random_bytes(16);
        id = base64url(std::string(raw.begin(), raw.end()));
    }
    if (std::find(u.passkeys.begin(), u.passkeys.end(), id) != u.passkeys.end())
        throw ApiError(409, "conflict", "This credential is already registered");
    u.passkeys.push_back(id);
    return resource_response(201, "Passkey registered", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "user_id", u.id);
        kv_str(w, "email", u.email);
        kv_str(w, "credential_id", id);
        kv_str_array(w, "credentials", u.passkeys);
        w.EndObject();
    });
}

void session_tick(Api &api, SysTime) {
    ensure_identity_seeded(api);
}

}  // namespace

std::string lower_ascii(std::string s) {
    for (char &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::optional<std::string> query_param(const std::string &target, const std::string &name) {
    size_t q = target.find('?');
    if (q == std::string::npos) return std::nullopt;
    std::string qs = target.substr(q + 1);
    auto decode = [](const std::string &in) {
        std::string out;
        for (size_t i = 0; i < in.size(); ++i) {
            if (in[i] == '+') {
                out.push_back(' ');
            } else if (in[i] == '%' && i + 2 < in.size() && std::isxdigit(uint8_t(in[i + 1])) &&
                       std::isxdigit(uint8_t(in[i + 2]))) {
                out.push_back(static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16)));
                i += 2;
            } else {
                out.push_back(in[i]);
            }
        }
        return out;
    };
    size_t i = 0;
    while (i <= qs.size()) {
        size_t amp = qs.find('&', i);
        if (amp == std::string::npos) amp = qs.size();
        std::string part = qs.substr(i, amp - i);
        size_t eq = part.find('=');
        if (decode(part.substr(0, eq)) == name)
            return eq == std::string::npos ? std::string() : decode(part.substr(eq + 1));
        i = amp + 1;
    }
    return std::nullopt;
}

void ensure_identity_seeded(Api &api) {
    IdentityState &s = api.state().identity;
    if (s.seeded) return;
    s.seeded = true;
    auto pepper = random_bytes(32);
    s.pepper.assign(pepper.begin(), pepper.end());
    IdentityUser u;
    u.id = api.seeded_user();
    u.email = lower_ascii(api.options().user_email);
    u.username = "sandbox";
    u.first_name = "Sandbox";
    u.last_name = "User";
    u.totp_secret = api.totp_secret();
    u.totp_enabled = true;
    auto cred = random_bytes(16);
    u.passkeys.push_back(base64url(std::string(cred.begin(), cred.end())));
    u.created_at = api.sandbox_now();
    s.user_by_email[u.email] = u.id;
    s.users[u.id] = u;
}

std::optional<Principal> session_principal(Api &api, const std::string &token, SysTime t) {
    auto &s = ids(api);
    auto ref = s.session_tokens.find(token_hash(api, "session", token));
    if (ref == s.session_tokens.end()) return std::nullopt;
    if (ref->second.refresh)
        throw ApiError(401, "invalid_token",
                       "A refresh token is not an access token; use /authentication/refresh-token");
    const SignInSession &ses = s.sessions.at(ref->second.session_id);
    if (t >= ses.access_expires)
        throw ApiError(401, "token_expired", "The access token has expired");
    Principal p;
    p.user_id = ses.user_id;
    p.session = true;
    p.bucket = "session:" + ses.user_id;
    return p;
}

void require_user_2fa(Api &api, const Ctx &ctx) {
    if (ctx.who.user_id == api.seeded_user()) {
        api.require_2fa(ctx.req);
        return;
    }
    auto &s = ids(api);
    auto u = s.users.find(ctx.who.user_id);
    if (u == s.users.end() || !u->second.totp_enabled)
        throw ApiError(401, "two_factor_required",
                       "This operation requires 2FA: enable Google Authenticator first");
    std::string code = ctx.req.header("X-2FA-Token");
    TotpResult r = s.totp.at(u->first).verify(code, unix_seconds(now()));  // wall clock
    switch (r) {
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

Module session_module() {
    Module m;
    m.routes = {
        {"POST", "/authentication/registration", Scope::kPublic, false, registration},
        {"POST", "/auth/sign-in", Scope::kPublic, false, sign_in},
        {"POST", "/authentication/resend_otp", Scope::kPublic, false, resend_otp},
        {"POST", "/auth/otp-verification", Scope::kPublic, false, otp_verification},
        {"GET", "/authentication/refresh-token", Scope::kPublic, false, refresh_token},
        {"GET", "/google-auth/get-google-authenticator", Scope::kNone, false, google_get},
        {"GET", "/google-auth/enable-google-authenticator", Scope::kNone, false, google_enable},
        {"POST", "/google-auth/verify-token", Scope::kPublic, false, google_verify},
        {"POST", "/auth/passkeys/authenticate-options", Scope::kPublic, false, passkey_options},
        {"POST", "/auth/passkeys/authenticate-verify", Scope::kPublic, false, passkey_verify},
    };
    m.control = {
        {"GET", "/__sandbox/outbox", control_outbox},
        {"POST", "/__sandbox/passkeys", control_passkeys},
    };
    m.tick = session_tick;
    return m;
}

}  // namespace yvsb
