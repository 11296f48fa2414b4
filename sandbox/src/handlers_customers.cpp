#include "modules.hpp"

namespace yvsb {

Module customers_module() {
    return {};
}

}  // namespace yvsb
