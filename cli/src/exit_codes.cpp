#include "exit_codes.hpp"

namespace yvcli {

// The derivation stays one-to-one only while a class has at most ten codes and there are at most
// 25 classes (exit codes end at 255). A status.def change that breaks this fails the build here.
#define YV_STATUS(name, number, py, doc)                                                       \
    static_assert(                                                                             \
        (number) == 0 || ((number) / 100 >= 1 && (number) / 100 <= 25 && (number) % 100 < 10), \
        "status " #name " cannot be given an exit code: revisit cli/exit_codes.hpp");
#include "yativo/status.def"
#undef YV_STATUS

const std::vector<ExitCodeRow> &exit_code_table() {
    static const std::vector<ExitCodeRow> rows = [] {
        std::vector<ExitCodeRow> out;
#define YV_STATUS(name, number, py, doc) \
    if ((number) != 0) out.push_back({exit_code(yativo::Status::name), yativo::Status::name});
#include "yativo/status.def"
#undef YV_STATUS
        return out;
    }();
    return rows;
}

}  // namespace yvcli
