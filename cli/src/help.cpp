#include "help.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <sstream>

#include "exit_codes.hpp"
#include "generated.hpp"
#include "yativo/defaults.hpp"
#include "yativo/version.hpp"

namespace yvcli {

namespace {

constexpr std::size_t kWidth = 100;

// Wraps `text` to kWidth columns, every line after the first indented by `indent`.
std::string wrap(const std::string &text, std::size_t first_column, std::size_t indent) {
    std::istringstream words(text);
    std::string word, out;
    std::size_t column = first_column;
    bool first = true;
    while (words >> word) {
        if (!first && column + 1 + word.size() > kWidth) {
            out += '\n' + std::string(indent, ' ');
            column = indent;
        } else if (!first) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
        first = false;
    }
    return out;
}

// Defaults come from the core (defaults.hpp), never from a copy here.
std::string default_note(Opt id) {
    switch (id) {
        case Opt::TotpPeriod:
            return " (default " + std::to_string(yativo::defaults::totp_period.count()) + ")";
        case Opt::Timeout:
            return " (default " +
                   std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                      yativo::defaults::total_timeout)
                                      .count()) +
                   ")";
        case Opt::Tolerance:
            return " (default " + std::to_string(yativo::defaults::webhook_tolerance.count()) + ")";
        default:
            return "";
    }
}

std::string option_label(const OptionSpec &spec) {
    std::string label = spec.name;
    if (spec.metavar) label += std::string(" ") + spec.metavar;
    return label;
}

// `generated`: the command's own help text for each option, when the command is generated.
void print_options(std::ostream &os, const std::vector<const OptionSpec *> &specs,
                   const GeneratedCall *generated = nullptr) {
    std::size_t width = 0;
    for (const auto *spec : specs) width = std::max(width, option_label(*spec).size());
    const std::size_t column = 2 + width + 2;
    for (const auto *spec : specs) {
        std::string label = option_label(*spec);
        std::string help = generated ? generated_option_help(*generated, spec->id)
                                     : spec->help + default_note(spec->id);
        if (spec->secret) help += " (also @FILE, or - for stdin)";
        if (spec->repeatable) help += " (repeatable)";
        os << "  " << label << std::string(width - label.size() + 2, ' ')
           << wrap(help, column, column) << '\n';
    }
}

std::vector<const OptionSpec *> global_options() {
    std::vector<const OptionSpec *> out;
    for (const auto &spec : option_table())
        if (spec.global) out.push_back(&spec);
    return out;
}

// The commands of `group`, or (group "") the hand-written ones: the generated ones are listed by
// group in the global help, one line each.
void print_command_list(std::ostream &os, const std::string &group) {
    auto listed = [&](const CommandSpec &c) {
        std::string path = c.path;
        return group.empty() ? !find_generated(path) : path.rfind(group + " ", 0) == 0;
    };
    std::size_t width = 0;
    for (const auto &c : command_table()) {
        if (!listed(c)) continue;
        std::string label =
            std::string(c.path) + (*c.operands ? std::string(" ") + c.operands : "");
        width = std::max(width, label.size());
    }
    for (const auto &c : command_table()) {
        std::string path = c.path;
        if (!listed(c)) continue;
        std::string label = path + (*c.operands ? std::string(" ") + c.operands : "");
        os << "  " << label << std::string(width - label.size() + 2, ' ') << c.summary << '\n';
    }
}

void print_exit_codes(std::ostream &os) {
    os << "Exit codes:\n"
       << "  0   success\n"
       << "  2   usage error: the command line is wrong (unknown command or option, missing or\n"
       << "      malformed value, missing credentials); nothing was sent\n";
    for (const auto &row : exit_code_table()) {
        std::string head = std::to_string(row.code);
        head.resize(4, ' ');
        std::string name = yativo::status_name(row.status);
        std::string text = name + ": " + yativo::status_description(row.status);
        os << "  " << head << wrap(text, 6, 6) << '\n';
    }
}

// One line per class for a command's help; the full table is in `yativo --help`.
void print_exit_codes_short(std::ostream &os) {
    // '\001' keeps a code and its name on one line through wrap().
    std::string text = "0\001success, 2\001usage\001error\001(nothing\001sent)";
    for (const auto &row : exit_code_table())
        text += ", " + std::to_string(row.code) + "\001" + yativo::status_name(row.status);
    std::string wrapped = wrap(text, 12, 2);
    std::replace(wrapped.begin(), wrapped.end(), '\001', ' ');
    os << "Exit codes: " << wrapped << "\n  (described in yativo --help and docs/cli.md)\n";
}

const char *kSecretsAdvice =
    "Secrets: arguments show in `ps` and in shell history, so pass secrets through the YATIVO_*\n"
    "variables, as @FILE (a file only you can read), or as - (read from standard input; one\n"
    "trailing newline is dropped). The command prints a secret only where that is its purpose:\n"
    "the api secret after keys create/rotate and api-keys create/rotate, a webhook's secret after\n"
    "webhooks create (each shown once), the token of `token`, the code of `totp`. Errors never\n"
    "contain one.\n";

const char *kEnvironment =
    "Environment (used when the matching option is not given):\n"
    "  YATIVO_API_KEY, YATIVO_API_SECRET   key and secret\n"
    "  YATIVO_ACCESS_TOKEN                 a bearer token (used when no key is set)\n"
    "  YATIVO_TOTP_SECRET                  base32 TOTP secret for 2FA codes\n"
    "  YATIVO_BASE_URL                     API base URL (--environment overrides it)\n";

}  // namespace

void print_global_help() {
    std::ostream &os = std::cout;
    os << "yativo " << yativo::version()
       << ": manage Yativo Crypto API keys and call the API from a terminal or a script.\n\n"
       << "Usage: yativo [GLOBAL OPTIONS] COMMAND [OPERANDS] [OPTIONS]\n"
       << "       yativo COMMAND --help\n\n"
       << "Commands:\n";
    print_command_list(os, "");
    os << "\nAPI commands, one per call of each group (`yativo GROUP --help` lists a group's):\n";
    std::size_t width = 0;
    for (const auto &g : generated_groups()) width = std::max(width, std::string(g.name).size());
    for (const auto &g : generated_groups())
        os << "  " << g.name << std::string(width - std::string(g.name).size() + 2, ' ')
           << wrap(g.doc, width + 4, width + 4) << '\n';
    os << "\nGlobal options (accepted before or after the command):\n";
    print_options(os, global_options());
    os << '\n' << kEnvironment << '\n' << kSecretsAdvice << '\n';
    print_exit_codes(os);
    os << "\nExamples:\n"
       << "  export YATIVO_API_KEY=yativo_... YATIVO_API_SECRET=\"$(cat secret.txt)\"\n"
       << "  yativo keys list\n"
       << "  yativo --base-url http://127.0.0.1:8080/api/v1 --access-token @session.txt \\\n"
       << "      --totp-secret @totp.txt keys create --name ci --permissions read,write\n"
       << "  yativo --json request GET /accounts/get-accounts\n"
       << "\nDocumentation: docs/cli.md\n";
}

void print_options_help() {
    std::ostream &os = std::cout;
    os << "Global options, accepted by every command, before or after its words:\n";
    print_options(os, global_options());
    os << '\n' << kEnvironment << '\n' << kSecretsAdvice << '\n';
}

void print_group_help(const std::string &group) {
    std::ostream &os = std::cout;
    os << "Usage: yativo [GLOBAL OPTIONS] " << group << " SUBCOMMAND [OPERANDS] [OPTIONS]\n\n"
       << "Subcommands:\n";
    print_command_list(os, group);
    os << "\nRun 'yativo " << group << " SUBCOMMAND --help' for its options and examples, and "
       << "'yativo --help' for\nthe global options and exit codes.\n";
}

void print_command_help(const CommandSpec &c) {
    std::ostream &os = std::cout;
    // '\001' keeps an option and its value on one line through wrap().
    std::string usage = "Usage:\001yativo\001[GLOBAL\001OPTIONS]\001" + std::string(c.path) +
                        (*c.operands ? " " : "") + c.operands;
    std::replace(usage.begin(), usage.end(), ' ', '\001');
    for (Opt id : c.options) {
        const OptionSpec &spec = option_spec(id);
        bool required = std::find(c.required.begin(), c.required.end(), id) != c.required.end();
        std::string item = (required ? "" : "[") + option_label(spec) +
                           (spec.repeatable ? " ..." : "") + (required ? "" : "]");
        std::replace(item.begin(), item.end(), ' ', '\001');
        usage += ' ' + item;
    }
    usage = wrap(usage, 0, 4);
    std::replace(usage.begin(), usage.end(), '\001', ' ');
    os << usage << "\n\n";
    // Each line of the description on its own, wrapped where it is longer than the screen.
    std::istringstream description(c.description);
    for (std::string line; std::getline(description, line);) os << wrap(line, 0, 0) << '\n';
    if (!c.options.empty()) {
        os << "\nOptions:\n";
        std::vector<const OptionSpec *> specs;
        for (Opt id : c.options) specs.push_back(&option_spec(id));
        print_options(os, specs, find_generated(c.path));
    }
    // Only the command's own options: the global ones are the same for every command.
    os << (c.options.empty() ? "\n" : "")
       << "Global options (credentials, --base-url, --json, --totp-secret, ...): yativo help "
          "options\n";
    os << "\nExamples:\n";
    std::istringstream examples(c.examples);
    std::string line;
    while (std::getline(examples, line)) os << "  " << line << '\n';
    os << '\n';
    print_exit_codes_short(os);
}

}  // namespace yvcli
