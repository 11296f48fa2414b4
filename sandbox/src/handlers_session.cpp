#include "modules.hpp"

namespace yvsb {

Module session_module() {
    return {};
}

}  // namespace yvsb
