// State of cards and the card-issuer program. Part of State (state.hpp), guarded by Api's mutex.
#pragma once

namespace yvsb {

struct CardsState {};

}  // namespace yvsb
