#include "modules.hpp"

namespace yvsb {

Module swap_module() {
    return {};
}

}  // namespace yvsb
