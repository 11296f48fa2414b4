#include "log.hpp"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <mutex>
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

std::optional<LogLevel> log_level_from_name(std::string_view name) noexcept {
    for (LogLevel level :
         {LogLevel::Debug, LogLevel::Info, LogLevel::Warn, LogLevel::Error, LogLevel::Off})
        if (name == log_level_name(level)) return level;
    return std::nullopt;
}

namespace detail {

LogHook stderr_log_hook() {
    return [](LogLevel level, std::string_view line) {
        std::string text = std::string("yativo ") + log_level_name(level) + ": ";
        text.append(line);
        text += '\n';
        std::fwrite(text.data(), 1, text.size(), stderr);
    };
}

std::optional<LogLevel> log_level_from_environment() {
    const char *value = std::getenv("YATIVO_LOG");
    if (!value || !*value) return std::nullopt;
    std::string name(value);
    for (char &c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (auto level = log_level_from_name(name)) return level;
    static std::once_flag warned;
    std::call_once(warned, [] {
        static const char text[] =
            "yativo warn: YATIVO_LOG is not debug, info, warn, error or off; ignored\n";
        std::fwrite(text, 1, sizeof text - 1, stderr);
    });
    return std::nullopt;
}

}  // namespace detail
}  // namespace yativo
