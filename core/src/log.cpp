#include "log.hpp"

#include <cstdio>
#include <string>

namespace yativo {

const char *log_level_name(LogLevel level) noexcept {
    switch (level) {
        case LogLevel::Debug:
            return "debug";
        case LogLevel::Info:
            return "info";
        case LogLevel::Warn:
            return "warn";
        case LogLevel::Error:
            return "error";
        case LogLevel::Off:
            return "off";
    }
    return "unknown";
}

namespace detail {

std::optional<LogLevel> parse_log_level(std::string_view name) noexcept {
    for (LogLevel level :
         {LogLevel::Debug, LogLevel::Info, LogLevel::Warn, LogLevel::Error, LogLevel::Off})
        if (name == log_level_name(level)) return level;
    return std::nullopt;
}

LogHook stderr_log_hook() {
    return [](LogLevel level, std::string_view line) {
        std::string text = std::string("yativo ") + log_level_name(level) + ": ";
        text.append(line);
        text += '\n';
        std::fwrite(text.data(), 1, text.size(), stderr);
    };
}

}  // namespace detail
}  // namespace yativo
