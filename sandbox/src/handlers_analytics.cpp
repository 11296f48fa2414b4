#include "modules.hpp"

namespace yvsb {

Module analytics_module() {
    return {};
}

}  // namespace yvsb
