// Wall-clock time and its two text forms used on the wire.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace yvsb {

using SysTime = std::chrono::system_clock::time_point;

inline SysTime now() {
    return std::chrono::system_clock::now();
}
int64_t unix_seconds(SysTime t);
std::string iso8601_ms(SysTime t);  // 2026-03-28T11:00:00.000Z
std::string http_date(SysTime t);   // Sat, 28 Mar 2026 11:00:00 GMT

}  // namespace yvsb
