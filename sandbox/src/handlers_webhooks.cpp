// Webhook subscriptions (reference §8.1, variants W1 and W2 on one store): the secret is shown
// once, at creation.
#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "api.hpp"
#include "crypto.hpp"
#include "secret_record.hpp"
#include "validate.hpp"
#include "webhook_rules.hpp"

namespace yvsb {
namespace {

// localhost, a dotted IPv4 address in 127.0.0.0/8, or [::1] (a name such as 127.example.com or
// 127.0.0.1@example.com is not loopback).
bool loopback_host(const std::string &hostport) {
    if (!hostport.empty() && hostport[0] == '[') {
        size_t close = hostport.find(']');
        if (close == std::string::npos) return false;
        std::string v6 = hostport.substr(1, close - 1);
        unsigned char buf[16];
        static const unsigned char kLoop[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        return inet_pton(AF_INET6, v6.c_str(), buf) == 1 && std::memcmp(buf, kLoop, 16) == 0;
    }
    std::string host = hostport.substr(0, hostport.find(':'));
    if (iequals(host, "localhost")) return true;
    unsigned char buf[4];
    return inet_pton(AF_INET, host.c_str(), buf) == 1 && buf[0] == 127;
}

// The host[:port] of an http(s) URL, or "".
std::string host_of(const std::string &url) {
    size_t scheme = url.find("://");
    if (scheme == std::string::npos) return {};
    std::string rest = url.substr(scheme + 3);
    std::string hostport = rest.substr(0, rest.find_first_of("/?#"));
    size_t at = hostport.rfind('@');  // user:password@ is not part of the host
    if (at != std::string::npos) hostport = hostport.substr(at + 1);
    return hostport;
}

}  // namespace

std::string webhook_url_problem(const std::string &url) {
    for (char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return "must not contain spaces";
    bool https = url.rfind("https://", 0) == 0;
    if (!https && url.rfind("http://", 0) != 0) return "must be an https:// URL";
    if (host_of(url).empty()) return "must name a host";
    if (!https && !loopback_host(host_of(url))) return "must use https:// (http only for loopback)";
    return {};
}

bool webhook_url_is_loopback(const std::string &url) {
    std::string host = host_of(url);
    return !host.empty() && loopback_host(host);
}

bool valid_webhook_event(const std::string &e) {
    if (e == "*") return true;
    for (char c : e)
        if (!(std::islower(static_cast<unsigned char>(c)) ||
              std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '*'))
            return false;
    return !e.empty();
}

bool webhook_wants(const Webhook &hook, const std::string &type) {
    for (const auto &e : hook.events) {
        if (e == "*" || e == type) return true;
        // "transaction.*" takes every event whose type starts with "transaction.".
        if (e.size() >= 2 && e.compare(e.size() - 2, 2, ".*") == 0 &&
            type.compare(0, e.size() - 1, e, 0, e.size() - 1) == 0 && type.size() >= e.size())
            return true;
    }
    return false;
}

bool card_subscription_wants(const CardWebhookSubscription &s, const std::string &type) {
    for (const auto &e : s.events) {
        if (e == "*" || e == type) return true;
        std::string prefix = e.size() > 2 && e.compare(e.size() - 2, 2, ".*") == 0
                                 ? e.substr(0, e.size() - 1)
                                 : e + ".";
        if (type.rfind(prefix, 0) == 0) return true;
    }
    return false;
}

void write_webhook(JsonWriter &w, const Webhook &h, bool with_secret, WebhookShape shape) {
    w.StartObject();
    kv_str(w, "id", h.id);
    kv_str(w, "webhook_id", h.id);
    kv_str(w, "url", h.url);
    kv_str_array(w, "events", h.events);
    kv_str_or_null(w, "description", h.description);
    if (with_secret) kv_str(w, "secret", h.secret);
    kv_str(w, "status", h.active ? "active" : "inactive");
    kv_bool(w, "active", h.active);
    kv_str(w, "created_at", iso8601_ms(h.created_at));
    kv_str(w, "updated_at", iso8601_ms(h.updated_at));
    if (shape == WebhookShape::kW2) {
        kv_str(w, "_id", h.id);
        kv_str(w, "webhook_url", h.url);
        kv_bool(w, "receive_all_events",
                std::find(h.events.begin(), h.events.end(), "*") != h.events.end());
    }
    w.EndObject();
}

Webhook &find_webhook(Api &api, const Ctx &ctx) {
    const std::string &id = ctx.params.at(0);
    auto it = api.state().webhooks.find(id);
    if (it == api.state().webhooks.end() || it->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Webhook not found", {{"id", id}});
    return it->second;
}

Response create_webhook(Api &api, Ctx &ctx, WebhookShape shape) {
    FieldReader f(ctx.body);
    std::string url = f.string("url", true, 2048);
    auto events = f.string_array("events", true);
    std::string description = f.string("description", false, 500);
    if (!url.empty()) {
        std::string problem = webhook_url_problem(url);
        if (!problem.empty()) f.fail("url", problem);
    }
    for (const auto &e : events)
        if (!valid_webhook_event(e)) f.fail("events", "unknown event name: " + e.substr(0, 64));
    f.check();
    Webhook h;
    h.id = "wh_" + random_hex(12);
    h.user_id = ctx.who.user_id;
    h.url = url;
    h.events = events;
    h.description = description;
    h.secret = "whsec_" + random_hex(32);
    record_secret(h.secret);
    h.created_at = h.updated_at = ctx.now;
    State &state = api.state();
    state.webhook_order.push_back(h.id);
    ctx.resource_id = h.id;
    const Webhook &stored = state.webhooks[h.id] = std::move(h);
    return resource_response(201, "Webhook created successfully",
                             [&](JsonWriter &w) { write_webhook(w, stored, true, shape); });
}

Response Api::webhook_create(Ctx &ctx) {
    return create_webhook(*this, ctx, WebhookShape::kW1);
}

Response Api::webhook_list(Ctx &ctx) {
    return resource_response(200, "Webhooks retrieved successfully", [&](JsonWriter &w) {
        w.StartObject();
        w.Key("webhooks");
        w.StartArray();
        for (const auto &id : state_.webhook_order) {
            const Webhook &h = state_.webhooks.at(id);
            if (h.user_id == ctx.who.user_id) write_webhook(w, h, false, WebhookShape::kW1);
        }
        w.EndArray();
        w.EndObject();
    });
}

Response Api::webhook_delete(Ctx &ctx) {
    std::string id = find_webhook(*this, ctx).id;
    state_.webhooks.erase(id);
    auto &order = state_.webhook_order;
    order.erase(std::remove(order.begin(), order.end(), id), order.end());
    // Its deliveries go with it: nothing can list them any more, and none is sent.
    drop_deliveries_to(state_.delivery, id);
    ctx.resource_id = id;
    return resource_response(200, "Webhook deleted successfully", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "id", id);
        kv_bool(w, "deleted", true);
        w.EndObject();
    });
}

}  // namespace yvsb
