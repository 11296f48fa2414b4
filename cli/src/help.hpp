// --help texts, rendered from the option and command tables and the status table.
#pragma once

#include <string>

#include "commands.hpp"

namespace yvcli {

void print_global_help();
void print_group_help(const std::string &group);
void print_command_help(const CommandSpec &command);

}  // namespace yvcli
