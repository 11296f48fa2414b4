// --help texts, rendered from the option and command tables and the status table.
#pragma once

#include <string>

#include "commands.hpp"

namespace yvcli {

void print_global_help();
// `yativo help options`: the global options, the environment and the secrets advice, once.
void print_options_help();
void print_group_help(const std::string &group);
void print_command_help(const CommandSpec &command);

}  // namespace yvcli
