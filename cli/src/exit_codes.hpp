// Exit codes. 0 success, 2 usage error; every status of the core's table (status.def) gets
// tens digit = its class (1xx input, 2xx server answer, 3xx transport, 4xx verification,
// 5xx local) and units digit = its place in the class: AUTHENTICATION 200 -> 20,
// TWO_FACTOR_REQUIRED 201 -> 21, NETWORK 300 -> 30. Derived, never copied by hand.
#pragma once

#include <vector>

#include "yativo/status.hpp"

namespace yvcli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 2;

constexpr int exit_code(yativo::Status status) {
    const int number = static_cast<int>(status);
    return (number / 100) * 10 + number % 100;
}

struct ExitCodeRow {
    int code;
    yativo::Status status;
};

// Every status of status.def except OK, in table order.
const std::vector<ExitCodeRow> &exit_code_table();

}  // namespace yvcli
