#include "modules.hpp"

namespace yvsb {

Module card_issuer_module() {
    return {};
}

}  // namespace yvsb
