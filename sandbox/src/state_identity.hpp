// State of sign-in sessions, OTPs, Google Authenticator, passkeys, standalone IBANs and swaps.
// Part of State (state.hpp), guarded by Api's mutex. Seeded lazily (handlers_session.cpp) so
// that POST /__sandbox/reset, which empties State, brings the seeded user's identity back.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "clock.hpp"
#include "decimal.hpp"
#include "totp.hpp"

namespace yvsb {

struct IdentityUser {
    std::string id;     // usr_<24 hex>; the seeded user's id is Api::seeded_user()
    std::string email;  // lower case
    std::string username, first_name, last_name;
    std::string password_salt;  // hex; empty for the seeded user (no password)
    std::string password_hash;  // PBKDF2-HMAC-SHA256, hex
    std::string totp_secret;    // base32
    bool totp_enabled = false;
    std::vector<std::string> passkeys;  // registered credential ids (base64url)
    SysTime created_at;
};

// The pending e-mailed sign-in code of one user (a new one replaces it).
struct SignInOtp {
    std::string code_hash;
    SysTime expires_at;
    int failures = 0;  // wrong codes; the code is dead at kMaxOtpFailures
};

// A signed-in session: one refresh token, and the one access token last issued under it.
struct SignInSession {
    std::string user_id;
    std::string access_hash;
    SysTime access_expires;
    std::string refresh_hash;
    SysTime refresh_expires;
};

struct SessionTokenRef {
    std::string session_id;
    bool refresh = false;
};

struct PasskeyChallenge {
    std::string user_id;
    SysTime expires_at;
    bool used = false;
};

// The standalone-IBAN onboarding of the user itself (customer_id empty) or of one customer.
struct StandaloneIban {
    std::string id;  // iban_<24 hex>
    std::string user_id;
    std::string customer_id;
    std::string email;
    std::string stage;  // initialized, kyc_submitted, approved, issued
    std::string kyc_json;
    std::string iban, bic;
    bool review_timed = false;
    SysTime review_due;
    SysTime created_at, updated_at;
};

struct SwapQuote {
    std::string id;  // quote_<24 hex>
    std::string user_id;
    std::string from_asset_id;
    std::string to_asset_id;  // the caller's destination asset, or empty: paid out to to_address
    std::string from_chain, from_ticker, from_symbol;  // chains by canonical name
    std::string to_chain, to_ticker, to_symbol;
    std::string to_address;  // as quoted; empty = the destination asset's own address
    Decimal amount, fee, rate, to_amount;
    SysTime created_at, expires_at;
    std::string swap_id;  // set once executed
};

struct SwapRecord {
    std::string id;  // swap_<24 hex>
    std::string user_id;
    std::string quote_id;
    std::string from_asset_id;
    std::string to_asset_id;  // the asset credited, or empty when paid out to an outside address
    std::string from_chain, from_ticker, to_chain, to_ticker;
    Decimal from_amount, fee, rate, to_amount;
    std::string to_address;
    std::string from_tx_hash, to_tx_hash;
    std::string status;
    SysTime created_at;
};

struct IdentityState {
    bool seeded = false;
    std::string pepper;                                // keys the hashes of OTPs and session tokens
    std::map<std::string, IdentityUser> users;         // by id
    std::map<std::string, std::string> user_by_email;  // lower-case e-mail -> id
    std::map<std::string, SignInOtp> otps;             // by user id
    // user -> until when its authenticator code may finish a sign-in whose OTP was verified
    std::map<std::string, SysTime> second_factor_due;
    std::map<std::string, int> totp_failures;  // by user id, consecutive wrong codes
    std::map<std::string, SysTime> totp_locked_until;
    std::map<std::string, TotpVerifier> totp;               // by user id (not the seeded user's)
    std::map<std::string, SignInSession> sessions;          // by session id
    std::map<std::string, SessionTokenRef> session_tokens;  // by token hash
    std::map<std::string, PasskeyChallenge> passkey_challenges;  // by challenge
    std::map<std::string, StandaloneIban> ibans;                 // by user id + "/" + customer id
    std::map<std::string, SwapQuote> quotes;                     // by id
    std::vector<SwapRecord> swaps;                               // oldest first
};

}  // namespace yvsb
