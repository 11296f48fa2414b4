// The resource groups served from their own files. Each file defines its module function; the
// list in modules.cpp is the order in which their routes join the core table (api.cpp).
#pragma once

#include <vector>

#include "api.hpp"

namespace yvsb {

const std::vector<Module> &modules();

Module dialects_module();         // handlers_dialects.cpp: key and webhook dialects, webhook CRUD
Module ledger_module();           // handlers_ledger.cpp: accounts, assets, transactions extras
Module auto_forwarding_module();  // handlers_auto_forwarding.cpp
Module analytics_module();        // handlers_analytics.cpp
Module session_module();          // handlers_session.cpp: sign-in, OTP, Google Authenticator
Module customers_module();        // handlers_customers.cpp
Module iban_module();             // handlers_iban.cpp: standalone IBAN
Module swap_module();             // handlers_swap.cpp
Module cards_module();            // handlers_cards.cpp: /yativo-card
Module card_issuer_module();      // handlers_card_issuer.cpp: /card-issuer

}  // namespace yvsb
