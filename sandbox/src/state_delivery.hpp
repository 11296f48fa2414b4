// State of webhook events and their deliveries. Part of State (state.hpp), guarded by Api's mutex.
#pragma once

namespace yvsb {

struct DeliveryState {};

}  // namespace yvsb
