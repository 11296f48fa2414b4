#include "yativo/version.hpp"

namespace yativo {
const char *version() noexcept {
    return YV_VERSION_STRING;
}
}  // namespace yativo
