// Webhook subscriptions (reference §8.1, variant W1): the secret is shown once, at creation.
#include <algorithm>
#include <cctype>

#include "api.hpp"
#include "crypto.hpp"
#include "secret_record.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

bool loopback_host(const std::string &hostport) {
    std::string host = hostport;
    if (!host.empty() && host[0] == '[') {
        host = host.substr(0, host.find(']') + 1);
        return host == "[::1]";
    }
    host = host.substr(0, host.find(':'));
    return host == "localhost" || host.rfind("127.", 0) == 0;
}

// Why `url` cannot receive webhooks, or an empty string.
std::string url_problem(const std::string &url) {
    for (char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return "must not contain spaces";
    std::string rest;
    bool https = url.rfind("https://", 0) == 0;
    if (https)
        rest = url.substr(8);
    else if (url.rfind("http://", 0) == 0)
        rest = url.substr(7);
    else
        return "must be an https:// URL";
    std::string hostport = rest.substr(0, rest.find_first_of("/?#"));
    if (hostport.empty()) return "must name a host";
    if (!https && !loopback_host(hostport)) return "must use https:// (http only for loopback)";
    return {};
}

bool valid_event(const std::string &e) {
    if (e == "*") return true;
    for (char c : e)
        if (!(std::islower(static_cast<unsigned char>(c)) ||
              std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '*'))
            return false;
    return !e.empty();
}

void write_webhook(JsonWriter &w, const Webhook &h, bool with_secret) {
    w.StartObject();
    kv_str(w, "id", h.id);
    kv_str(w, "webhook_id", h.id);
    kv_str(w, "url", h.url);
    kv_str_array(w, "events", h.events);
    kv_str_or_null(w, "description", h.description);
    if (with_secret) kv_str(w, "secret", h.secret);
    kv_str(w, "status", "active");
    kv_str(w, "created_at", iso8601_ms(h.created_at));
    w.EndObject();
}

}  // namespace

Response Api::webhook_create(Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string url = f.string("url", true, 2048);
    auto events = f.string_array("events", true);
    std::string description = f.string("description", false, 500);
    if (!url.empty()) {
        std::string problem = url_problem(url);
        if (!problem.empty()) f.fail("url", problem);
    }
    for (const auto &e : events)
        if (!valid_event(e)) f.fail("events", "unknown event name: " + e);
    f.check();
    Webhook h;
    h.id = "wh_" + random_hex(12);
    h.user_id = ctx.who.user_id;
    h.url = url;
    h.events = events;
    h.description = description;
    h.secret = "whsec_" + random_hex(32);
    record_secret(h.secret);
    h.created_at = ctx.now;
    state_.webhook_order.push_back(h.id);
    ctx.resource_id = h.id;
    const Webhook &stored = state_.webhooks[h.id] = std::move(h);
    return resource_response(201, "Webhook created successfully",
                             [&](JsonWriter &w) { write_webhook(w, stored, true); });
}

Response Api::webhook_list(Ctx &ctx) {
    return resource_response(200, "Webhooks retrieved successfully", [&](JsonWriter &w) {
        w.StartObject();
        w.Key("webhooks");
        w.StartArray();
        for (const auto &id : state_.webhook_order) {
            const Webhook &h = state_.webhooks.at(id);
            if (h.user_id == ctx.who.user_id) write_webhook(w, h, false);
        }
        w.EndArray();
        w.EndObject();
    });
}

Response Api::webhook_delete(Ctx &ctx) {
    const std::string &id = ctx.params.at(0);
    auto it = state_.webhooks.find(id);
    if (it == state_.webhooks.end() || it->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Webhook not found", {{"id", id}});
    state_.webhooks.erase(it);
    auto &order = state_.webhook_order;
    order.erase(std::remove(order.begin(), order.end(), id), order.end());
    ctx.resource_id = id;
    return resource_response(200, "Webhook deleted successfully", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "id", id);
        kv_bool(w, "deleted", true);
        w.EndObject();
    });
}

}  // namespace yvsb
