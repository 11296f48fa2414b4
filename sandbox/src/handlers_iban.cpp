#include "modules.hpp"

namespace yvsb {

Module iban_module() {
    return {};
}

}  // namespace yvsb
