// State of sign-in sessions, OTP outbox, customers, IBAN, swaps. Part of State (state.hpp), guarded
// by Api's mutex.
#pragma once

namespace yvsb {

struct IdentityState {};

}  // namespace yvsb
