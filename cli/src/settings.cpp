#include "settings.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "usage_error.hpp"

namespace yvcli {

namespace {

std::string env(const char *name) {
    const char *v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

yativo::Secret env_secret(const char *name) {
    std::string value = env(name);
    yativo::Secret out(value);
    yativo::wipe(value);
    return out;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

void resolve_endpoint(const ParsedArgs &args, yativo::ClientOptions &client) {
    const std::string *environment = args.get(Opt::Environment);
    const std::string *base_url = args.get(Opt::BaseUrl);
    if (environment && base_url) throw UsageError("give --environment or --base-url, not both");
    if (environment) {
        if (*environment == "production")
            client.environment = yativo::Environment::Production;
        else if (*environment == "sandbox")
            client.environment = yativo::Environment::Sandbox;
        else
            throw UsageError("--environment must be production or sandbox");
        return;  // an explicit environment beats YATIVO_BASE_URL
    }
    client.base_url = base_url ? *base_url : env("YATIVO_BASE_URL");
}

void resolve_credentials(const ParsedArgs &args, Inputs &inputs, Credentials needed, Settings &s) {
    auto &client = s.client;
    const std::string *auth = args.get(Opt::Auth);
    if (auth && *auth != "token" && *auth != "headers")
        throw UsageError("--auth must be token or headers");
    const bool headers = auth && *auth == "headers";

    const bool key_flags = args.has(Opt::ApiKey) || args.has(Opt::ApiSecret);
    const bool token_flag = args.has(Opt::AccessToken);
    if (key_flags && token_flag)
        throw UsageError("give --api-key and --api-secret, or --access-token, not both");

    if (token_flag) {
        client.access_token = inputs.secret(*args.get(Opt::AccessToken), "--access-token");
    } else if (key_flags) {
        client.api_key = args.get(Opt::ApiKey) ? *args.get(Opt::ApiKey) : env("YATIVO_API_KEY");
        client.api_secret = args.get(Opt::ApiSecret)
                                ? inputs.secret(*args.get(Opt::ApiSecret), "--api-secret")
                                : env_secret("YATIVO_API_SECRET");
    } else {
        client.api_key = env("YATIVO_API_KEY");
        client.api_secret = env_secret("YATIVO_API_SECRET");
        if (client.api_key.empty() && client.api_secret.empty())
            client.access_token = env_secret("YATIVO_ACCESS_TOKEN");
    }

    if (!client.api_key.empty() && client.api_secret.empty())
        throw UsageError(
            "an API key without its secret: give --api-secret (or set "
            "YATIVO_API_SECRET)");
    if (client.api_key.empty() && !client.api_secret.empty())
        throw UsageError("an API secret without its key: give --api-key (or set YATIVO_API_KEY)");

    const bool have_key = !client.api_key.empty();
    const bool have_token = !client.access_token.empty();
    if (!have_key && !have_token)
        throw UsageError(needed == Credentials::KeyAndSecret
                             ? "no credentials: give --api-key and --api-secret (or set "
                               "YATIVO_API_KEY and YATIVO_API_SECRET)"
                             : "no credentials: give --api-key and --api-secret, or "
                               "--access-token (or set YATIVO_API_KEY and YATIVO_API_SECRET, or "
                               "YATIVO_ACCESS_TOKEN)");
    if (needed == Credentials::KeyAndSecret && !have_key)
        throw UsageError(
            "this command exchanges an API key and secret: give --api-key and "
            "--api-secret (or set YATIVO_API_KEY and YATIVO_API_SECRET)");
    if (headers && !have_key)
        throw UsageError("--auth headers needs --api-key and --api-secret, not an access token");
    if (headers && needed == Credentials::KeyAndSecret)
        throw UsageError("--auth headers uses no access token: drop --auth headers");
    client.auth = have_key ? (headers ? yativo::AuthMode::Headers : yativo::AuthMode::Token)
                           : yativo::AuthMode::Bearer;
}

void resolve_two_factor(const ParsedArgs &args, Inputs &inputs, Settings &s) {
    const bool secret_flag = args.has(Opt::TotpSecret);
    // --totp-code (an option of the generated 2FA commands) is --totp under its own name.
    if (args.has(Opt::Totp) && args.has(Opt::TotpCode))
        throw UsageError("give --totp or --totp-code, not both");
    const Opt code_opt = args.has(Opt::TotpCode) ? Opt::TotpCode : Opt::Totp;
    const char *code_name = code_opt == Opt::TotpCode ? "--totp-code" : "--totp";
    const bool code_flag = args.has(code_opt);
    if (secret_flag && code_flag)
        throw UsageError(std::string("give --totp-secret or ") + code_name + ", not both");
    if (code_flag) {
        s.call.totp_code = inputs.secret(*args.get(code_opt), code_name);
        const std::string &code = s.call.totp_code.reveal();
        if (code.size() < 6 || code.size() > 8 || !std::all_of(code.begin(), code.end(), is_digit))
            throw UsageError(std::string(code_name) +
                             " must be a 6-digit code (use --totp-secret to have codes "
                             "computed)");
    } else if (secret_flag) {
        s.client.totp_secret = inputs.secret(*args.get(Opt::TotpSecret), "--totp-secret");
    } else {
        s.client.totp_secret = env_secret("YATIVO_TOTP_SECRET");
    }
    s.client.totp_period = resolve_totp_period(args);
    // Back-to-back 2FA commands may wait for the next TOTP step (a code is never sent twice):
    // the person at the terminal is told, on stderr, rather than left looking at nothing.
    s.client.on_totp_wait = [](std::chrono::milliseconds wait) {
        const long long seconds = (wait.count() + 999) / 1000;
        std::cerr << "yativo: waiting " << seconds << " s for the next 2FA code (a code is never "
                  << "used twice)...\n";
    };
}

}  // namespace

long long parse_positive_integer(const std::string &text, const char *what, long long max) {
    if (text.empty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), is_digit))
        throw UsageError(std::string(what) + " must be a whole number, like 30");
    long long value = std::stoll(text);
    if (value < 1 || value > max)
        throw UsageError(std::string(what) + " must be between 1 and " + std::to_string(max));
    return value;
}

std::chrono::milliseconds parse_seconds(const std::string &text, const char *what) {
    // digits, optionally a fraction: "30", "2.5"
    std::size_t dot = text.find('.');
    std::string whole = text.substr(0, dot);
    std::string fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
    const bool ok =
        !whole.empty() && whole.size() <= 9 && std::all_of(whole.begin(), whole.end(), is_digit) &&
        (dot == std::string::npos ||
         (!fraction.empty() && std::all_of(fraction.begin(), fraction.end(), is_digit)));
    if (!ok) throw UsageError(std::string(what) + " must be a number of seconds, like 30 or 2.5");
    long long ms = std::stoll(whole) * 1000;
    fraction.resize(3, '0');
    ms += std::stoll(fraction.substr(0, 3));
    if (ms <= 0) throw UsageError(std::string(what) + " must be more than 0 seconds");
    return std::chrono::milliseconds(ms);
}

std::optional<std::chrono::seconds> resolve_totp_period(const ParsedArgs &args) {
    const std::string *period = args.get(Opt::TotpPeriod);
    if (!period) return std::nullopt;
    return std::chrono::seconds(parse_positive_integer(*period, "--totp-period", 86400));
}

yativo::Secret resolve_totp_secret(const ParsedArgs &args, Inputs &inputs) {
    if (const std::string *s = args.get(Opt::Secret)) return inputs.secret(*s, "--secret");
    if (const std::string *s = args.get(Opt::TotpSecret)) return inputs.secret(*s, "--totp-secret");
    yativo::Secret from_env = env_secret("YATIVO_TOTP_SECRET");
    if (from_env.empty())
        throw UsageError(
            "no TOTP secret: give --secret (or --totp-secret, or set "
            "YATIVO_TOTP_SECRET)");
    return from_env;
}

Settings resolve_settings(const ParsedArgs &args, Inputs &inputs, Credentials needed) {
    Settings s;
    // The CLI reads YATIVO_* itself, so that flags beat variables and a missing credential is a
    // usage error found before any I/O.
    s.client.use_environment = false;
    resolve_endpoint(args, s.client);
    resolve_credentials(args, inputs, needed, s);
    resolve_two_factor(args, inputs, s);
    if (const std::string *timeout = args.get(Opt::Timeout))
        s.client.total_timeout = parse_seconds(*timeout, "--timeout");
    s.client.user_agent = "yativo-cli";
    return s;
}

}  // namespace yvcli

namespace yvcli {

Session open_session(const ParsedArgs &args, Inputs &inputs, Credentials needed) {
    Settings s = resolve_settings(args, inputs, needed);
    yativo::CallOptions call = std::move(s.call);
    return Session{yativo::Client(std::move(s.client)), std::move(call)};
}

}  // namespace yvcli
