// Webhook subscriptions as both dialects share them: W1 (/webhook/create, /webhook/list) and W2
// (/webhook/create-webhook, /webhook/get-webhooks) keep one store and one set of rules
// (handlers_webhooks.cpp); the routes for one webhook (get, update, activate, test, events) are
// common to both (handlers_dialects.cpp). Card webhook subscriptions (handlers_cards.cpp) share the
// URL and event-name rules and the delivery path.
#pragma once

#include <string>

#include "api.hpp"
#include "json.hpp"
#include "state.hpp"

namespace yvsb {

// Why `url` cannot receive webhooks (https, or http to a loopback host), or an empty string.
std::string webhook_url_problem(const std::string &url);
// Whether the URL's host is 127.0.0.0/8, [::1] or localhost (deliveries without
// --allow-remote-webhooks go only there).
bool webhook_url_is_loopback(const std::string &url);
// `*`, or lower-case dotted words, where a `*` may stand for the rest (`transaction.*`).
bool valid_webhook_event(const std::string &event);
// Whether a subscription to `events` receives an event of `type`.
bool webhook_wants(const Webhook &hook, const std::string &type);
// Whether a card webhook subscription receives an event of `type`: an entry matches itself, `*`,
// and its dotted prefixes (`card.transaction` and `card.transaction.*` take
// `card.transaction.completed`).
bool card_subscription_wants(const CardWebhookSubscription &s, const std::string &type);
// Forgets every delivery to a webhook or card subscription (it was deleted): none is sent, none
// can be listed. webhook_delivery.cpp.
void drop_deliveries_to(DeliveryState &ds, const std::string &receiver_id);

enum class WebhookShape {
    kW1,  // id, webhook_id, url, events, description, status, active, created_at, updated_at
    kW2,  // the same plus _id, webhook_url, receive_all_events
};
void write_webhook(JsonWriter &w, const Webhook &h, bool with_secret, WebhookShape shape);

// The caller's webhook named by the path's {id}, or 404.
Webhook &find_webhook(Api &api, const Ctx &ctx);
// POST /webhook/create and /webhook/create-webhook: {url, events[], description?}.
Response create_webhook(Api &api, Ctx &ctx, WebhookShape shape);

}  // namespace yvsb
