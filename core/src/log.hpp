// Log levels by name, and the standard-error sink behind YATIVO_LOG.
#pragma once

#include <optional>

#include "yativo/options.hpp"

namespace yativo::detail {

// Writes "yativo LEVEL: line\n" to stderr in one write, so lines of concurrent calls never mix.
LogHook stderr_log_hook();

// The level YATIVO_LOG names, in any case; nullopt when unset or empty. An unknown value is
// ignored with one warning on stderr per process: a diagnostics switch must never stop a
// service from making its clients.
std::optional<LogLevel> log_level_from_environment();

}  // namespace yativo::detail
