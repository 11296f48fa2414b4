// yativo: the command-line client. Parses, checks everything that can be checked locally, then
// runs one command; every failure ends as one line on stderr and an exit code (exit_codes.hpp).
#include <algorithm>
#include <iostream>
#include <new>

#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "help.hpp"
#include "inputs.hpp"
#include "output.hpp"
#include "usage_error.hpp"
#include "yativo/status.hpp"
#include "yativo/version.hpp"

namespace yvcli {
namespace {

// An unknown word is echoed only when it looks like a command name: a mistyped secret must not
// end up on the terminal.
std::string quoted_word(const std::string &word) {
    const bool plain = !word.empty() && word.size() <= 20 &&
                       std::all_of(word.begin(), word.end(),
                                   [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
    return plain ? "\"" + word + "\"" : "(not shown)";
}

void check_options(const CommandSpec &command, const ParsedArgs &args) {
    for (const auto &[id, values] : args.values) {
        const OptionSpec &spec = option_spec(id);
        if (spec.global) continue;
        if (std::find(command.options.begin(), command.options.end(), id) == command.options.end())
            throw UsageError(std::string(spec.name) + " is not an option of '" + command.path +
                             "'");
    }
    // Standard input can feed one value only; say so before anything is read.
    std::vector<std::string> stdin_readers;
    for (const auto &[id, values] : args.values)
        for (const auto &value : values)
            if (value == "-" && (option_spec(id).secret || id == Opt::Data || id == Opt::Body))
                stdin_readers.push_back(option_spec(id).name);
    if (stdin_readers.size() > 1)
        throw UsageError(stdin_readers[0] + " and " + stdin_readers[1] +
                         " both read standard input (-): give one of them as @FILE");
    for (Opt id : command.required)
        if (!args.has(id)) {
            const OptionSpec &spec = option_spec(id);
            throw UsageError("'" + std::string(command.path) + "' needs " + spec.name + " " +
                             spec.metavar);
        }
}

int run(int argc, const char *const *argv, std::string &command_path) {
    ParsedArgs args = parse_args(argc, argv);
    if (args.has(Opt::Version)) {
        std::cout << "yativo " << yativo::version() << '\n';
        return kExitOk;
    }
    std::vector<std::string> words = args.words;
    bool help = args.has(Opt::Help);
    if (!words.empty() && words[0] == "help") {
        help = true;
        words.erase(words.begin());
    }
    Resolution r = resolve_command(words);
    if (r.command) command_path = r.command->path;
    if (help) {
        if (words.size() == 1 && words[0] == "options" && !r.command && r.group.empty())
            print_options_help();
        else if (r.command)
            print_command_help(*r.command);
        else if (!r.group.empty())
            print_group_help(r.group);
        else
            print_global_help();
        return kExitOk;
    }
    if (!r.command) {
        if (words.empty()) throw UsageError("no command given");
        if (!r.group.empty()) {
            command_path = r.group;
            throw UsageError(words.size() == 1 ? "'" + r.group + "' needs a subcommand"
                                               : "unknown subcommand " + quoted_word(words[1]) +
                                                     " of '" + r.group + "'");
        }
        throw UsageError("unknown command " + quoted_word(words[0]));
    }
    const CommandSpec &command = *r.command;
    std::vector<std::string> operands(words.begin() + static_cast<std::ptrdiff_t>(r.used),
                                      words.end());
    if (operands.size() < static_cast<std::size_t>(command.operand_count))
        throw UsageError("'" + std::string(command.path) + "' needs " + command.operands);
    if (operands.size() > static_cast<std::size_t>(command.operand_count))
        throw UsageError("'" + std::string(command.path) + "' takes " +
                         (command.operand_count ? std::string("only ") + command.operands
                                                : std::string("no operands")) +
                         ", and got an extra one");
    check_options(command, args);

    Output out(args.has(Opt::Json));
    Inputs inputs;
    Context ctx{args, std::move(operands), out, inputs, &command};
    return command.run(ctx);
}

}  // namespace
}  // namespace yvcli

int main(int argc, char **argv) {
    using namespace yvcli;
    const bool json = wants_json(argc, argv);
    std::string command_path;
    try {
        return run(argc, argv, command_path);
    } catch (const UsageError &e) {
        print_usage_error(e.what(), command_path, json);
        return kExitUsage;
    } catch (const yativo::Error &e) {
        print_error(e, json);
        return exit_code(e.code());
    } catch (const std::bad_alloc &) {
        print_error(yativo::Error(yativo::Status::NO_MEMORY, "out of memory"), json);
        return exit_code(yativo::Status::NO_MEMORY);
    } catch (const std::exception &e) {
        print_error(yativo::Error(yativo::Status::INTERNAL, e.what()), json);
        return exit_code(yativo::Status::INTERNAL);
    }
}
