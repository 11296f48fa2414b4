#include "modules.hpp"

namespace yvsb {

Module cards_module() {
    return {};
}

}  // namespace yvsb
