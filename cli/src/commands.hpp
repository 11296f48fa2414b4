// The commands as data: words, operands, options, help and the function that runs each.
#pragma once

#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "args.hpp"
#include "inputs.hpp"
#include "output.hpp"

namespace yvcli {

struct CommandSpec;

struct Context {
    const ParsedArgs &args;
    std::vector<std::string> operands;
    Output &out;
    Inputs &inputs;
    const CommandSpec *command;  // the command being run
};

using Handler = int (*)(Context &);

struct CommandSpec {
    const char *path;      // "keys create"
    const char *operands;  // "ID", "METHOD PATH", or ""
    int operand_count;
    std::vector<Opt> options;   // its own options (the global ones are always accepted)
    std::vector<Opt> required;  // of `options`
    const char *summary;        // one line, for the command list
    const char *description;    // what it does and prints
    const char *examples;       // one example per line
    Handler run;
};

const std::vector<CommandSpec> &command_table();

// Handlers, one file per family.
int run_keys_create(Context &ctx);
int run_keys_list(Context &ctx);
int run_keys_get(Context &ctx);
int run_keys_rotate(Context &ctx);
int run_keys_revoke(Context &ctx);
int run_keys_set_permissions(Context &ctx);
int run_token(Context &ctx);
int run_totp(Context &ctx);
int run_version(Context &ctx);
int run_completion(Context &ctx);
int run_manpage(Context &ctx);
int run_request(Context &ctx);
int run_webhooks_verify(Context &ctx);
// Every generated command (generated.cpp): one dispatcher for all endpoints.
int run_generated(Context &ctx);
// The commands generated from the API description, less those whose words a hand-written
// command already has (the hand-written one wins).
std::vector<CommandSpec> generated_command_specs(const std::vector<CommandSpec> &hand_written);

// A payload for people: flat objects as facts, lists of them as a table, else indented JSON;
// the payload as JSON with --json.
void print_payload(const Output &out, const rapidjson::Value &v);

}  // namespace yvcli

namespace yvcli {

// The command named by the leading words, or where the words stop making one.
struct Resolution {
    const CommandSpec *command = nullptr;
    std::string group;     // "keys" when the words stop after a group word
    std::size_t used = 0;  // words consumed by the command path
};
Resolution resolve_command(const std::vector<std::string> &words);

// Groups ("keys", "webhooks") in table order.
std::vector<std::string> command_groups();

}  // namespace yvcli
