#include "options.hpp"

#include <cerrno>
#include <cstdlib>

namespace yvsb {
namespace {

bool to_int(const std::string &s, long lo, long hi, int *out) {
    if (s.empty()) return false;
    char *end = nullptr;
    errno = 0;
    long v = std::strtol(s.c_str(), &end, 10);
    if (errno != 0 || *end != '\0' || v < lo || v > hi) return false;
    *out = static_cast<int>(v);
    return true;
}

}  // namespace

std::string usage() {
    return "usage: yativo-sandbox [options]\n"
           "  --host ADDR            address to listen on (default 127.0.0.1)\n"
           "  --port N               port, 0 = a free port (default 0)\n"
           "  --totp-secret B32      TOTP secret of the seeded user (default: generated)\n"
           "  --session-token T      dashboard session token (default: generated)\n"
           "  --totp-period S        TOTP step in seconds (default 30)\n"
           "  --token-ttl S          access-token life in seconds (default 3600)\n"
           "  --card-kyc-delay S     card KYC turns approved S seconds after onboarding\n"
           "                         (default 60; POST /__sandbox/cards/kyc decides at once)\n"
           "  --rate-limit N         requests per credential per minute, 0 = off (default 60)\n"
           "  --require-2fa-on-send  send-funds demands X-2FA-Token\n"
           "  --confirm-after S      every transfer (S1 or S2 send-funds, auto-forward) stays\n"
           "                         pending S seconds of sandbox time, 0 = confirmed at once\n"
           "                         (default 0; POST /__sandbox/advance moves time on)\n"
           "  --tls-cert FILE        serve HTTPS with this PEM certificate chain\n"
           "  --tls-key FILE         ... and this PEM private key\n"
           "  --read-timeout S       seconds allowed to receive one request (default 30)\n"
           "  --threads N            I/O threads (default 4)\n"
           "  --exit-with-parent     exit when the process (thread) that started us ends\n"
           "  --webhook-retry-ms MS  wait before a failed webhook delivery's first retry,\n"
           "                         doubled for each further one (default 1000)\n"
           "  --webhook-attempts N   attempts per webhook delivery (default 5)\n"
           "  --allow-remote-webhooks  deliver webhooks to URLs other than loopback ones\n"
           "  --record-secrets FILE  append every secret handed out (seeds, key secrets, tokens,\n"
           "                         webhook secrets) to FILE, for leak scans of test output;\n"
           "                         default: $YATIVO_SANDBOX_RECORD_SECRETS\n"
           "  --user-email ADDR      e-mail of the seeded user, for sign-in (default\n"
           "                         user@sandbox.yativo.test)\n"
           "  --otp-ttl S            life of an e-mailed sign-in OTP (default 300)\n"
           "  --refresh-ttl S        life of a session refresh token (default 2592000)\n"
           "  --quote-ttl S          life of a swap quote (default 30)\n"
           "  --iban-review S        seconds until submitted IBAN KYC is approved: 0 = at once,\n"
           "                         -1 = only by POST /__sandbox/iban/approve (default 0)\n";
}

bool parse_options(const std::vector<std::string> &args, Options &out, std::string *error,
                   bool *help) {
    *help = false;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string flag = args[i];
        std::string value;
        bool inline_value = false;
        size_t eq = flag.find('=');
        if (flag.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = flag.substr(eq + 1);
            flag = flag.substr(0, eq);
            inline_value = true;
        }
        auto need_value = [&]() -> bool {
            if (inline_value) return true;
            if (i + 1 >= args.size()) {
                *error = flag + " needs a value";
                return false;
            }
            value = args[++i];
            return true;
        };
        auto int_flag = [&](int *target, long lo, long hi) -> bool {
            if (!need_value()) return false;
            if (!to_int(value, lo, hi, target)) {
                *error = flag + " must be an integer from " + std::to_string(lo) + " to " +
                         std::to_string(hi);
                return false;
            }
            return true;
        };
        bool ok = true;
        if (flag == "--help" || flag == "-h") {
            *help = true;
            return true;
        } else if (flag == "--host") {
            ok = need_value();
            if (ok && value.empty()) {
                *error = "--host must not be empty";
                ok = false;
            }
            out.host = value;
        } else if (flag == "--port") {
            ok = int_flag(&out.port, 0, 65535);
        } else if (flag == "--totp-secret") {
            ok = need_value();
            out.totp_secret = value;
        } else if (flag == "--session-token") {
            ok = need_value();
            out.session_token = value;
            if (ok && value.empty()) {
                *error = "--session-token must not be empty";
                ok = false;
            }
        } else if (flag == "--totp-period") {
            ok = int_flag(&out.totp_period, 1, 3600);
        } else if (flag == "--token-ttl") {
            ok = int_flag(&out.token_ttl, 1, 10 * 365 * 86400L);
        } else if (flag == "--rate-limit") {
            ok = int_flag(&out.rate_limit, 0, 1000000000L);
        } else if (flag == "--card-kyc-delay") {
            ok = int_flag(&out.card_kyc_delay, 0, 10 * 365 * 86400L);
        } else if (flag == "--require-2fa-on-send") {
            out.require_2fa_on_send = true;
        } else if (flag == "--confirm-after") {
            ok = int_flag(&out.confirm_after, 0, 365 * 86400L);
        } else if (flag == "--exit-with-parent") {
            out.exit_with_parent = true;
        } else if (flag == "--webhook-retry-ms") {
            ok = int_flag(&out.webhook_retry_ms, 1, 3600000);
        } else if (flag == "--webhook-attempts") {
            ok = int_flag(&out.webhook_attempts, 1, 100);
        } else if (flag == "--allow-remote-webhooks") {
            out.allow_remote_webhooks = true;
        } else if (flag == "--tls-cert") {
            ok = need_value();
            out.tls_cert = value;
        } else if (flag == "--tls-key") {
            ok = need_value();
            out.tls_key = value;
        } else if (flag == "--read-timeout") {
            ok = int_flag(&out.read_timeout, 1, 3600);
        } else if (flag == "--record-secrets") {
            ok = need_value();
            out.record_secrets = value;
            if (ok && value.empty()) {
                *error = "--record-secrets must not be empty";
                return false;
            }
        } else if (flag == "--user-email") {
            ok = need_value();
            if (ok && (value.empty() || value.find('@') == std::string::npos)) {
                *error = "--user-email must be an e-mail address";
                ok = false;
            }
            out.user_email = value;
        } else if (flag == "--otp-ttl") {
            ok = int_flag(&out.otp_ttl, 1, 86400);
        } else if (flag == "--refresh-ttl") {
            ok = int_flag(&out.refresh_ttl, 1, 10 * 365 * 86400L);
        } else if (flag == "--quote-ttl") {
            ok = int_flag(&out.quote_ttl, 1, 86400);
        } else if (flag == "--iban-review") {
            ok = int_flag(&out.iban_review, -1, 86400);
        } else if (flag == "--threads") {
            ok = int_flag(&out.threads, 1, 64);
        } else {
            *error = "unknown option " + flag;
            return false;
        }
        if (!ok) return false;
    }
    if (out.tls_cert.empty() != out.tls_key.empty()) {
        *error = "--tls-cert and --tls-key go together";
        return false;
    }
    return true;
}

}  // namespace yvsb
