#include "modules.hpp"

namespace yvsb {

Module ledger_module() {
    return {};
}

}  // namespace yvsb
