#include "args.hpp"

#include <algorithm>
#include <string_view>

#include "generated.hpp"
#include "usage_error.hpp"
#include "yativo/secret.hpp"

namespace yvcli {

namespace {

std::vector<OptionSpec> hand_written_options() {
    // clang-format off
    return {
        {Opt::Environment, "--environment", "ENV", true, false, false,
         "production (default) or sandbox: the API to call"},
        {Opt::BaseUrl, "--base-url", "URL", true, false, false,
         "a custom API base URL (the local emulator), instead of --environment [YATIVO_BASE_URL]"},
        {Opt::ApiKey, "--api-key", "K", true, false, false,
         "the API key [YATIVO_API_KEY]"},
        {Opt::ApiSecret, "--api-secret", "S", true, false, true,
         "the API key's secret [YATIVO_API_SECRET]"},
        {Opt::AccessToken, "--access-token", "T", true, false, true,
         "a bearer token used as is, e.g. a dashboard session [YATIVO_ACCESS_TOKEN]"},
        {Opt::Auth, "--auth", "MODE", true, false, false,
         "token (default: exchange key+secret for a bearer token) or headers "
         "(send X-API-Key/X-API-Secret on every request)"},
        {Opt::TotpSecret, "--totp-secret", "B32", true, false, true,
         "base32 TOTP secret: 2FA codes are computed when needed [YATIVO_TOTP_SECRET]"},
        {Opt::TotpPeriod, "--totp-period", "S", true, false, false,
         "TOTP step in seconds"},
        {Opt::Totp, "--totp", "CODE", true, false, true,
         "a 6-digit 2FA code, instead of --totp-secret"},
        {Opt::Json, "--json", nullptr, true, false, false,
         "print the result as JSON on stdout (and errors as JSON on stderr)"},
        {Opt::Timeout, "--timeout", "SECONDS", true, false, false,
         "total deadline of the call, retries included"},
        {Opt::Help, "--help", nullptr, true, false, false, "show help and exit"},
        {Opt::Version, "--version", nullptr, true, false, false, "print the version and exit"},

        {Opt::Name, "--name", "N", false, false, false, "the key's name"},
        {Opt::Permissions, "--permissions", "LIST", false, false, false,
         "comma-separated scopes: read, write, transactions, webhooks"},
        {Opt::ExpiresInDays, "--expires-in-days", "D", false, false, false,
         "days until the key expires (default: never)"},
        {Opt::AllowedIps, "--allowed-ips", "LIST", false, false, false,
         "comma-separated addresses or CIDR ranges the key may be used from (default: any)"},
        {Opt::Secret, "--secret", "SECRET", false, false, true, "the secret to use"},
        {Opt::Data, "--data", "JSON", false, false, false,
         "request body: JSON text, @FILE, or - for stdin"},
        {Opt::IdempotencyKey, "--idempotency-key", "K", false, false, false,
         "Idempotency-Key header: a retry with the same key is not applied twice"},
        {Opt::Body, "--body", "@FILE", false, false, false,
         "the raw body as received: @FILE, or - for stdin"},
        {Opt::Header, "--header", "'NAME: VALUE'", false, true, false,
         "a header as received (repeat for each signature header)"},
        {Opt::Tolerance, "--tolerance", "SECONDS", false, false, false,
         "accepted age of X-Yativo-Timestamp"},
        {Opt::RequireTimestamp, "--require-timestamp", nullptr, false, false, false,
         "refuse signatures without a timestamp (scheme A)"},
        {Opt::TotpCode, "--totp-code", "CODE", false, false, true,
         "the 6-digit 2FA code, instead of the TOTP source"},
    };
    // clang-format on
}

std::vector<OptionSpec> all_options() {
    std::vector<OptionSpec> table = hand_written_options();
    std::vector<OptionSpec> generated = generated_option_rows(table);
    table.insert(table.end(), generated.begin(), generated.end());
    return table;
}

}  // namespace

// The hand-written options, then those the generated commands add.
const std::vector<OptionSpec> &option_table() {
    static const std::vector<OptionSpec> table = all_options();
    return table;
}

const OptionSpec &option_spec(Opt id) {
    const auto &table = option_table();
    auto it = std::find_if(table.begin(), table.end(),
                           [id](const OptionSpec &spec) { return spec.id == id; });
    return *it;  // every Opt has a row
}

ParsedArgs::~ParsedArgs() {
    for (auto &[id, given] : values)
        if (option_spec(id).secret)
            for (auto &value : given) yativo::wipe(value);
}

const std::string *ParsedArgs::get(Opt id) const {
    auto it = values.find(id);
    return it == values.end() || it->second.empty() ? nullptr : &it->second.front();
}

const std::vector<std::string> &ParsedArgs::all(Opt id) const {
    static const std::vector<std::string> none;
    auto it = values.find(id);
    return it == values.end() ? none : it->second;
}

namespace {

const OptionSpec *find_option(std::string_view name) {
    if (name == "-h") name = "--help";
    for (const auto &spec : option_table())
        if (name == spec.name) return &spec;
    return nullptr;
}

}  // namespace

ParsedArgs parse_args(int argc, const char *const *argv) {
    ParsedArgs out;
    bool options_done = false;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (options_done || arg == "-" || arg.size() < 2 || arg[0] != '-') {
            out.words.emplace_back(arg);
            continue;
        }
        if (arg == "--") {
            options_done = true;
            continue;
        }
        // Only the name is ever echoed: an inline value may be a secret.
        std::string_view name = arg.substr(0, arg.find('='));
        const OptionSpec *spec = find_option(name);
        if (!spec) throw UsageError("unknown option " + std::string(name));
        std::string value;
        if (name.size() < arg.size()) {
            if (!spec->metavar) throw UsageError(std::string(spec->name) + " takes no value");
            value = std::string(arg.substr(name.size() + 1));
        } else if (spec->metavar) {
            if (i + 1 >= argc)
                throw UsageError(std::string(spec->name) + " needs a value (" + spec->metavar +
                                 ")");
            value = argv[++i];
            // `--api-key --api-secret S`: the key was forgotten, not named "--api-secret".
            if (find_option(std::string_view(value).substr(0, value.find('='))))
                throw UsageError(std::string(spec->name) + " needs a value (" + spec->metavar +
                                 ")");
        }
        auto &slot = out.values[spec->id];
        if (!slot.empty() && !spec->repeatable && spec->metavar)
            throw UsageError(std::string(spec->name) + " is given twice");
        if (slot.empty() || spec->repeatable) slot.push_back(std::move(value));
    }
    return out;
}

bool wants_json(int argc, const char *const *argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--") return false;
        if (arg == "--json") return true;
        // Skip the value of an option that takes one, so `--name --json` is not read as a switch.
        const OptionSpec *spec = find_option(arg);
        if (spec && spec->metavar) ++i;
    }
    return false;
}

}  // namespace yvcli
