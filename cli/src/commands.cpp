#include "commands.hpp"

#include <algorithm>

namespace yvcli {

namespace {

std::vector<CommandSpec> hand_written_commands() {
    // clang-format off
    return {
        {"keys create", "", 0,
         {Opt::Name, Opt::Permissions, Opt::ExpiresInDays, Opt::AllowedIps},
         {Opt::Name, Opt::Permissions},
         "create an API key (2FA); prints its secret, once",
         "Creates an API key with the given scopes. Needs 2FA: --totp-secret (or\n"
         "YATIVO_TOTP_SECRET) or --totp CODE. Prints the key, including its api secret: it is\n"
         "shown once and cannot be read again, so store it now.",
         "YATIVO_ACCESS_TOKEN=... YATIVO_TOTP_SECRET=... yativo keys create --name ci --permissions read,write\n"
         "yativo --access-token @session.txt --totp-secret @totp.txt keys create --name ci --permissions read --expires-in-days 90\n"
         "yativo --json keys create --name ci --permissions read --totp 123456 > key.json",
         run_keys_create},
        {"keys list", "", 0, {}, {},
         "list the API keys",
         "Lists every API key of the account as a table (secrets are never listed).",
         "yativo keys list\n"
         "yativo --json keys list",
         run_keys_list},
        {"keys get", "ID", 1, {}, {},
         "show one API key",
         "Shows one API key: name, key, permissions, status and dates.",
         "yativo keys get key_123\n"
         "yativo --json keys get key_123",
         run_keys_get},
        {"keys rotate", "ID", 1, {}, {},
         "give a key a new secret (2FA); the old one stops working",
         "Replaces the key's secret (2FA). The old secret is refused from now on; the new one\n"
         "is printed once, so store it now.",
         "yativo keys rotate key_123\n"
         "yativo --json keys rotate key_123 > rotated.json",
         run_keys_rotate},
        {"keys revoke", "ID", 1, {}, {},
         "revoke a key for good (2FA)",
         "Revokes the key (2FA): it and every access token issued for it stop working.",
         "yativo keys revoke key_123",
         run_keys_revoke},
        {"keys set-permissions", "ID", 1, {Opt::Permissions}, {Opt::Permissions},
         "replace a key's permissions (2FA)",
         "Replaces the key's whole set of scopes (2FA).",
         "yativo keys set-permissions key_123 --permissions read\n"
         "yativo keys set-permissions key_123 --permissions read,write,transactions",
         run_keys_set_permissions},
        {"token", "", 0, {}, {},
         "exchange key + secret for an access token and print it",
         "Exchanges the API key and secret for a short-lived bearer token and prints it with\n"
         "its expiry. The token is a secret: keep it out of logs.",
         "YATIVO_API_KEY=yativo_... YATIVO_API_SECRET=... yativo token\n"
         "yativo --api-key yativo_... --api-secret @secret.txt --json token",
         run_token},
        {"totp", "", 0, {Opt::Secret}, {},
         "print the current 2FA code",
         "Prints the current RFC 6238 code (6 digits, SHA-1) of a base32 TOTP secret, taken from\n"
         "--secret, else --totp-secret, else YATIVO_TOTP_SECRET; the step is --totp-period\n"
         "(default 30 s).",
         "yativo totp --secret @totp.txt\n"
         "YATIVO_TOTP_SECRET=JBSWY3DPEHPK3PXP yativo totp\n"
         "yativo --totp-period 30 --json totp --secret - < totp.txt",
         run_totp},
        {"version", "", 0, {}, {},
         "print the versions of the command and of libyativo",
         "Prints the version of libyativo the command runs on (the same as --version).",
         "yativo version\n"
         "yativo --json version",
         run_version},
        {"completion", "SHELL", 1, {}, {},
         "print shell completion for bash, zsh or fish",
         "Prints a completion script for SHELL (bash, zsh or fish), written from the command\n"
         "tables: every command, subcommand and option, the API commands included.",
         "source <(yativo completion bash)\n"
         "yativo completion zsh > \"${fpath[1]}/_yativo\"\n"
         "yativo completion fish > ~/.config/fish/completions/yativo.fish",
         run_completion},
        {"manpage", "", 0, {}, {},
         "print the manual page (roff)",
         "Prints the manual page yativo(1), written from the command tables; `make` builds it\n"
         "and `cmake --install` installs it.",
         "yativo manpage | man -l -",
         run_manpage},
        {"request", "METHOD PATH", 2, {Opt::Data, Opt::IdempotencyKey}, {},
         "call any endpoint",
         "Calls any endpoint: METHOD is GET, POST, PUT, PATCH or DELETE; PATH is relative to the\n"
         "base URL (/accounts/get-accounts). Prints the answer's payload. Key-management writes\n"
         "under /apikey/ send a 2FA code when a TOTP source is given.",
         "yativo request GET /accounts/get-accounts\n"
         "yativo request POST /accounts/create-account --data '{\"account_name\":\"ops\",\"account_type\":\"business\"}'\n"
         "yativo request POST /transactions/send-funds --data @send.json --idempotency-key 7d1c...\n"
         "yativo --json request POST /balance/check --data '{\"asset_id\":\"as_1\"}'",
         run_request},
        {"webhooks verify", "", 0,
         {Opt::Secret, Opt::Body, Opt::Header, Opt::Tolerance, Opt::RequireTimestamp},
         {Opt::Secret, Opt::Body, Opt::Header},
         "check a webhook delivery's signature",
         "Verifies a received webhook: the raw body (--body @FILE, byte for byte) against its\n"
         "signature headers (X-Yativo-Signature + X-Yativo-Timestamp, or X-Webhook-Signature)\n"
         "with the webhook's secret. Prints the event when the signature holds.",
         "yativo webhooks verify --secret @whsec.txt --body @body.json \\\n"
         "    --header 'X-Yativo-Signature: sha256=5d41...' --header 'X-Yativo-Timestamp: 1732741728'\n"
         "yativo webhooks verify --secret @whsec.txt --body - --header 'X-Webhook-Signature: 5d41...' < body.json",
         run_webhooks_verify},
    };
    // clang-format on
}

std::vector<CommandSpec> all_commands() {
    std::vector<CommandSpec> table = hand_written_commands();
    std::vector<CommandSpec> generated = generated_command_specs(table);
    table.insert(table.end(), generated.begin(), generated.end());
    return table;
}

}  // namespace

// The hand-written commands, then one per endpoint of the API description.
const std::vector<CommandSpec> &command_table() {
    static const std::vector<CommandSpec> table = all_commands();
    return table;
}

}  // namespace yvcli

namespace yvcli {

namespace {

std::vector<std::string> split_words(const char *path) {
    std::vector<std::string> out;
    std::string word;
    for (const char *p = path;; ++p) {
        if (*p == ' ' || *p == '\0') {
            if (!word.empty()) out.push_back(word);
            word.clear();
            if (*p == '\0') break;
        } else {
            word += *p;
        }
    }
    return out;
}

}  // namespace

// The longest command path the words start with: a generated `token create` (a group named like
// a one-word command) is reached, and `token` alone still is the hand-written command.
Resolution resolve_command(const std::vector<std::string> &words) {
    Resolution r;
    for (const auto &spec : command_table()) {
        std::vector<std::string> path = split_words(spec.path);
        if (words.size() >= path.size() && std::equal(path.begin(), path.end(), words.begin())) {
            if (!r.command || path.size() > r.used) {
                r.command = &spec;
                r.used = path.size();
            }
        } else if (path.size() > 1 && !words.empty() && words[0] == path[0]) {
            r.group = path[0];
        }
    }
    if (r.command) r.group.clear();
    return r;
}

std::vector<std::string> command_groups() {
    std::vector<std::string> out;
    for (const auto &spec : command_table()) {
        std::vector<std::string> path = split_words(spec.path);
        if (path.size() > 1 && std::find(out.begin(), out.end(), path[0]) == out.end())
            out.push_back(path[0]);
    }
    return out;
}

}  // namespace yvcli
