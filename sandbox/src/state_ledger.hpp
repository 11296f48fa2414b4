// State of transaction lifecycle, asset catalogue, auto-forwarding. Part of State (state.hpp),
// guarded by Api's mutex.
#pragma once

namespace yvsb {

struct LedgerState {};

}  // namespace yvsb
