// The command line as data: one table of options, and a parser that turns argv into values and
// words without knowing what any command does.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace yvcli {

enum class Opt {
    // global
    Environment,
    BaseUrl,
    ApiKey,
    ApiSecret,
    AccessToken,
    Auth,
    TotpSecret,
    TotpPeriod,
    Totp,
    Json,
    Timeout,
    Help,
    Version,
    // per command
    Name,
    Permissions,
    ExpiresInDays,
    AllowedIps,
    Secret,
    Data,
    IdempotencyKey,
    Body,
    Header,
    Tolerance,
    RequireTimestamp,
    TotpCode,
    // the options of generated commands follow (generated.cpp), from 1000 on
};

struct OptionSpec {
    Opt id;
    const char *name;     // "--api-key"
    const char *metavar;  // "K"; nullptr for a switch
    bool global;          // accepted by every command
    bool repeatable;
    bool secret;  // its value is never echoed; accepts @FILE and - (stdin)
    const char *help;
};

const std::vector<OptionSpec> &option_table();
const OptionSpec &option_spec(Opt id);

struct ParsedArgs {
    ParsedArgs() = default;
    ParsedArgs(ParsedArgs &&) = default;
    ParsedArgs &operator=(ParsedArgs &&) = default;
    ~ParsedArgs();                                   // wipes the values of secret options
    std::map<Opt, std::vector<std::string>> values;  // a switch holds one empty string
    std::vector<std::string> words;                  // command words and operands, in order

    bool has(Opt id) const { return values.count(id) != 0; }
    // The value of a non-repeatable option; nullptr when absent.
    const std::string *get(Opt id) const;
    const std::vector<std::string> &all(Opt id) const;
};

// Throws UsageError for an unknown option, a missing value, a value given to a switch, or a
// non-repeatable option given twice. Options may appear before or after the command words;
// "--" ends the options.
ParsedArgs parse_args(int argc, const char *const *argv);

// True when argv asks for JSON output; read before parsing so even a usage error can be JSON.
bool wants_json(int argc, const char *const *argv);

}  // namespace yvcli
