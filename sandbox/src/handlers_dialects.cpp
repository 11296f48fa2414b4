#include "modules.hpp"

namespace yvsb {

Module dialects_module() {
    return {};
}

}  // namespace yvsb
