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
    int card_kyc_delay = 60;  // seconds until a card profile's KYC turns approved by itself
    std::string tls_cert;
    std::string tls_key;
    int read_timeout = 30;  // seconds to receive a whole request (idle keep-alive included)
    int threads = 4;
    std::string record_secrets;  // file to append every issued secret to (empty = off)
    // Exit (SIGTERM) when the process that started us dies: a test harness that crashes must not
    // leave a sandbox holding its output pipe open (ctest then waits for its timeout).
    bool exit_with_parent = false;
};

// Parses argv; on a usage error returns false with *error set. `--help` sets *help.
bool parse_options(const std::vector<std::string> &args, Options &out, std::string *error,
                   bool *help);
std::string usage();

}  // namespace yvsb
