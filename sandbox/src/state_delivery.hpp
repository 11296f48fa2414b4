// State of webhook events and their deliveries, to the user's webhooks and to card webhook
// subscriptions alike. Part of State (state.hpp), guarded by Api's mutex. webhook_delivery.cpp
// queues and sends them; GET /webhook/{id}/events reads a webhook's.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "clock.hpp"

namespace yvsb {

// One POST of an event to a webhook's URL. Times here are on the sandbox clock (Api::sandbox_now).
struct DeliveryAttempt {
    SysTime at;
    int status_code = 0;  // the receiver's HTTP status; 0 when none arrived
    std::string error;    // why no 2xx: connection error, timeout, non-2xx; empty on success
    long long duration_ms = 0;
};

// An event on its way to one receiver, a webhook or a card webhook subscription: pending until a
// 2xx (delivered) or the last attempt (failed).
struct Delivery {
    std::string id;  // dlv_<24 hex>
    std::string user_id;
    std::string webhook_id;       // wh_…: to a webhook of the user (else empty)
    std::string subscription_id;  // cws_…: to a card webhook subscription (else empty)
    std::string event_id;         // evt_<24 hex>, shared by the deliveries of one event
    std::string type;
    std::string body;                // the event JSON exactly as signed and sent
    std::string status = "pending";  // pending | delivered | failed
    std::vector<DeliveryAttempt> attempts;
    std::string error;  // why it failed without a (further) attempt: webhook inactive, remote URL
    SysTime created_at;
    SysTime finished_at;                        // delivered or failed
    std::chrono::steady_clock::time_point due;  // next attempt (pending only)
    SysTime next_attempt_at;                    // the same on the sandbox clock, for /events
    bool sending = false;                       // an attempt is on the wire right now
};

struct DeliveryState {
    std::map<std::string, Delivery> deliveries;  // by id
    std::vector<std::string> order;              // oldest first
};

}  // namespace yvsb
