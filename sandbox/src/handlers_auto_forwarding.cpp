#include "modules.hpp"

namespace yvsb {

Module auto_forwarding_module() {
    return {};
}

}  // namespace yvsb
