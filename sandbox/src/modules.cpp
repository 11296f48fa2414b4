#include "modules.hpp"

namespace yvsb {

const std::vector<Module> &modules() {
    static const std::vector<Module> kModules = {
        dialects_module(),    ledger_module(),  auto_forwarding_module(),
        analytics_module(),   session_module(), customers_module(),
        iban_module(),        swap_module(),    cards_module(),
        card_issuer_module(),
    };
    return kModules;
}

}  // namespace yvsb
