// Command-line flags of yativo-sandbox (SPEC §6).
#pragma once

#include <string>
#include <vector>

namespace yvsb {

struct Options {
    std::string host = "127.0.0.1";
    int port = 0;
    std::string totp_secret;    // base32; generated when empty
    std::string session_token;  // generated when empty
    int totp_period = 30;
    int token_ttl = 3600;
    int rate_limit = 60;  // per credential per minute; 0 = off
    bool require_2fa_on_send = false;
    // Every transfer (send-funds S1 and S2, auto-forwards) stays `pending` this many seconds of
    // sandbox time, then confirms; 0 (the default) = confirmed at once.
    int confirm_after = 0;
    int card_kyc_delay = 60;  // seconds until a card profile's KYC turns approved by itself
    std::string tls_cert;
    std::string tls_key;
    int read_timeout = 30;  // seconds to receive a whole request (idle keep-alive included)
    int threads = 4;
    std::string record_secrets;  // file to append every issued secret to (empty = off)
    // Exit (SIGTERM) when the process that started us dies: a test harness that crashes must not
    // leave a sandbox holding its output pipe open (ctest then waits for its timeout).
    bool exit_with_parent = false;
    // Webhook delivery: the wait before the first retry (doubling after each further failure),
    // the attempts per event, and whether URLs other than loopback ones are delivered to.
    int webhook_retry_ms = 1000;
    int webhook_attempts = 5;
    bool allow_remote_webhooks = false;
    // Session sign-in, IBAN and swaps (handlers_session/iban/swap.cpp).
    std::string user_email = "user@sandbox.yativo.test";  // the seeded user's e-mail
    int otp_ttl = 300;             // life of an e-mailed sign-in OTP, seconds
    int refresh_ttl = 30 * 86400;  // life of a session refresh token, seconds
    int quote_ttl = 30;            // life of a swap quote, seconds
    int iban_review = 0;  // seconds until submitted IBAN KYC is approved; -1 = only on control
};

// Parses argv; on a usage error returns false with *error set. `--help` sets *help.
bool parse_options(const std::vector<std::string> &args, Options &out, std::string *error,
                   bool *help);
std::string usage();

}  // namespace yvsb
