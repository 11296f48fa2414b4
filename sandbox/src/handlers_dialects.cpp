// The second dialects of key management (K2) and webhooks (W2), on the stores and rules of K1 and
// W1 (key_rules.hpp, webhook_rules.hpp), and the routes for one webhook that both webhook dialects
// have: get, update, activate, deactivate, test, and its delivery log (SPEC §1 "Dialects").
#include <cctype>
#include <cstdlib>

#include "crypto.hpp"
#include "key_rules.hpp"
#include "modules.hpp"
#include "validate.hpp"
#include "webhook_rules.hpp"

namespace yvsb {
namespace {

// The value of query parameter `name` ("" when absent), %XX and + decoded.
std::string query_param(const Request &req, const std::string &name) {
    size_t q = req.target.find('?');
    if (q == std::string::npos) return {};
    std::string query = req.target.substr(q + 1);
    size_t i = 0;
    while (i <= query.size()) {
        size_t amp = query.find('&', i);
        if (amp == std::string::npos) amp = query.size();
        std::string pair = query.substr(i, amp - i);
        size_t eq = pair.find('=');
        if (pair.substr(0, eq) == name) {
            std::string raw = eq == std::string::npos ? "" : pair.substr(eq + 1);
            std::string out;
            for (size_t k = 0; k < raw.size(); ++k) {
                if (raw[k] == '+') {
                    out += ' ';
                } else if (raw[k] == '%' && k + 2 < raw.size() &&
                           std::isxdigit(static_cast<unsigned char>(raw[k + 1])) &&
                           std::isxdigit(static_cast<unsigned char>(raw[k + 2]))) {
                    out +=
                        static_cast<char>(std::strtol(raw.substr(k + 1, 2).c_str(), nullptr, 16));
                    k += 2;
                } else {
                    out += raw[k];
                }
            }
            return out;
        }
        i = amp + 1;
    }
    return {};
}

// page (>= 1, default 1) and limit (1..100, default 20) from the query string; 400 otherwise.
struct Page {
    long long page = 1;
    long long limit = 20;
};

Page read_page(const Request &req) {
    Page p;
    StringFields problems;
    auto read = [&](const char *name, long long lo, long long hi, long long *out) {
        std::string v = query_param(req, name);
        if (v.empty()) return;
        if (v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos ||
            std::atoll(v.c_str()) < lo || std::atoll(v.c_str()) > hi) {
            problems.emplace_back(name, "must be an integer from " + std::to_string(lo) + " to " +
                                            std::to_string(hi));
            return;
        }
        *out = std::atoll(v.c_str());
    };
    read("page", 1, 1000000, &p.page);
    read("limit", 1, 100, &p.limit);
    if (!problems.empty())
        throw ApiError(400, "validation_error", "Invalid query parameters", problems);
    return p;
}

void write_pagination(JsonWriter &w, const Page &p, size_t total) {
    w.Key("pagination");
    w.StartObject();
    kv_int(w, "total", static_cast<long long>(total));
    kv_int(w, "page", p.page);
    kv_int(w, "limit", p.limit);
    kv_int(w, "pages", static_cast<long long>((total + p.limit - 1) / p.limit));
    w.EndObject();
}

bool on_page(const Page &p, size_t index) {
    return index >= static_cast<size_t>((p.page - 1) * p.limit) &&
           index < static_cast<size_t>(p.page * p.limit);
}

// ---- K2: POST /apikey/generate, GET /apikey, DELETE /apikey/{id} ----

const std::vector<std::string> &all_scopes() {
    static const std::vector<std::string> kAll = {"read", "write", "transactions", "webhooks"};
    return kAll;
}

Response key_generate(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    // K2 spells them key_name and scopes; its reference page also name and permissions.
    bool k2_names = ctx.body.find("key_name") || !ctx.body.find("name");
    bool k2_scopes = ctx.body.find("scopes") || !ctx.body.find("permissions");
    KeySpec spec;
    spec.name = f.string(k2_names ? "key_name" : "name", true, 100);
    spec.permissions = f.string_array(k2_scopes ? "scopes" : "permissions", false);
    spec.expires_in_days = read_expiry_days(f);
    spec.allowed_ips = read_allowed_ips(f, "allowed_ips");
    f.check();
    // No scopes: everything the caller may grant (all four for the session, a key's own set).
    if (spec.permissions.empty())
        spec.permissions = ctx.who.session ? all_scopes() : ctx.who.permissions;
    std::string secret;
    const ApiKey &k = api.issue_key(ctx, spec, &secret);
    return resource_response(
        201, "API key generated successfully",
        [&](JsonWriter &w) { write_key(w, k, ctx.now, &secret, KeyShape::kK2); },
        [](JsonWriter &w) {
            kv_bool(w, "success", true);
            kv_str(w, "warning", "Save the API Secret securely. It will not be shown again!");
        });
}

Response key_index(Api &api, Ctx &ctx) {
    long long count = 0;
    return resource_response(
        200, "API keys retrieved successfully",
        [&](JsonWriter &w) {
            w.StartArray();
            for (const auto &id : api.state().key_order) {
                const ApiKey &k = api.state().keys.at(id);
                if (k.user_id != ctx.who.user_id) continue;
                write_key(w, k, ctx.now, nullptr, KeyShape::kK2);
                ++count;
            }
            w.EndArray();
        },
        [&](JsonWriter &w) {
            kv_bool(w, "success", true);
            kv_int(w, "count", count);
        });
}

Response key_delete(Api &api, Ctx &ctx) {
    const ApiKey &k = api.revoke_key(ctx);
    return resource_response(
        200, "API key revoked successfully",
        [&](JsonWriter &w) { write_key(w, k, ctx.now, nullptr, KeyShape::kK2); },
        [](JsonWriter &w) { kv_bool(w, "success", true); });
}

// ---- W2 create and list ----

Response webhook_create_w2(Api &api, Ctx &ctx) {
    return create_webhook(api, ctx, WebhookShape::kW2);
}

Response webhook_index_w2(Api &api, Ctx &ctx) {
    Page page = read_page(ctx.req);
    std::vector<const Webhook *> mine;
    for (const auto &id : api.state().webhook_order) {
        const Webhook &h = api.state().webhooks.at(id);
        if (h.user_id == ctx.who.user_id) mine.push_back(&h);
    }
    return resource_response(200, "Webhooks retrieved successfully", [&](JsonWriter &w) {
        w.StartObject();
        w.Key("webhooks");
        w.StartArray();
        for (size_t i = 0; i < mine.size(); ++i)
            if (on_page(page, i)) write_webhook(w, *mine[i], false, WebhookShape::kW2);
        w.EndArray();
        write_pagination(w, page, mine.size());
        w.EndObject();
    });
}

// ---- One webhook, both dialects ----

Response webhook_answer(const char *message, const Webhook &h) {
    return resource_response(200, message,
                             [&](JsonWriter &w) { write_webhook(w, h, false, WebhookShape::kW2); });
}

Response webhook_get(Api &api, Ctx &ctx) {
    return webhook_answer("Webhook retrieved successfully", find_webhook(api, ctx));
}

// PUT /webhook/{id}: any of url, events, description (null clears it), active (or enabled, or
// status "active"|"inactive"). Everything is checked before anything changes.
Response webhook_update(Api &api, Ctx &ctx) {
    Webhook &h = find_webhook(api, ctx);
    const Json &body = ctx.body;
    FieldReader f(body);
    bool any = false;
    std::string url = h.url;
    if (body.find("url")) {
        any = true;
        url = f.string("url", true, 2048);
        if (!url.empty()) {
            std::string problem = webhook_url_problem(url);
            if (!problem.empty()) f.fail("url", problem);
        }
    }
    std::vector<std::string> events = h.events;
    if (body.find("events")) {
        any = true;
        events = f.string_array("events", true);
        for (const auto &e : events)
            if (!valid_webhook_event(e)) f.fail("events", "unknown event name: " + e.substr(0, 64));
    }
    std::string description = h.description;
    if (const Json *d = body.find("description")) {
        any = true;
        description = d->kind == Json::Kind::kNull ? "" : f.string("description", false, 500);
    }
    bool active = h.active;
    for (const char *name : {"active", "enabled"})
        if (body.find(name)) {
            any = true;
            active = f.boolean(name).value_or(active);
        }
    if (body.find("status")) {
        any = true;
        std::string status = f.string("status", true, 16);
        if (status == "active" || status == "inactive")
            active = status == "active";
        else if (!f.failed("status"))
            f.fail("status", "must be active or inactive");
    }
    if (!any) f.fail("body", "give at least one of url, events, description, active, status");
    f.check();
    h.url = url;
    h.events = events;
    h.description = description;
    h.active = active;
    h.updated_at = ctx.now;
    ctx.resource_id = h.id;
    return webhook_answer("Webhook updated successfully", h);
}

Response webhook_set_active(Api &api, Ctx &ctx, bool active) {
    Webhook &h = find_webhook(api, ctx);
    if (h.active != active) {
        h.active = active;
        h.updated_at = ctx.now;
    }
    ctx.resource_id = h.id;
    return webhook_answer(
        active ? "Webhook activated successfully" : "Webhook deactivated successfully", h);
}

Response webhook_test(Api &api, Ctx &ctx) {
    const Webhook &h = find_webhook(api, ctx);
    if (!h.active)
        throw ApiError(409, "conflict", "The webhook is inactive: activate it to test it",
                       {{"id", h.id}});
    rapidjson::StringBuffer sb;
    {
        JsonWriter w(sb);
        w.StartObject();
        kv_str(w, "webhook_id", h.id);
        kv_str(w, "message", "Test event from yativo-sandbox");
        w.EndObject();
    }
    std::string delivery_id =
        api.queue_delivery(h, "webhook.test", std::string(sb.GetString(), sb.GetSize()));
    const Delivery &d = api.state().delivery.deliveries.at(delivery_id);
    ctx.resource_id = d.event_id;
    return resource_response(200, "Test event queued for delivery", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "webhook_id", h.id);
        kv_str(w, "event_id", d.event_id);
        kv_str(w, "delivery_id", d.id);
        kv_str(w, "type", d.type);
        kv_str(w, "status", d.status);
        w.EndObject();
    });
}

void write_delivery(JsonWriter &w, const Delivery &d) {
    w.StartObject();
    kv_str(w, "id", d.id);
    kv_str(w, "delivery_id", d.id);
    kv_str(w, "event_id", d.event_id);
    kv_str(w, "type", d.type);
    kv_str(w, "webhook_id", d.webhook_id);
    kv_str(w, "status", d.status);
    kv_int(w, "attempts", static_cast<long long>(d.attempts.size()));
    const DeliveryAttempt *last = d.attempts.empty() ? nullptr : &d.attempts.back();
    if (last && last->status_code)
        kv_int(w, "last_status_code", last->status_code);
    else
        kv_null(w, "last_status_code");
    std::string error = last ? last->error : d.error;
    if (!d.error.empty()) error = d.error;
    kv_str_or_null(w, "last_error", error);
    kv_str(w, "created_at", iso8601_ms(d.created_at));
    if (last)
        kv_str(w, "last_attempt_at", iso8601_ms(last->at));
    else
        kv_null(w, "last_attempt_at");
    if (d.status == "pending")
        kv_str(w, "next_attempt_at", iso8601_ms(d.next_attempt_at));
    else
        kv_null(w, "next_attempt_at");
    if (d.status == "delivered")
        kv_str(w, "delivered_at", iso8601_ms(d.finished_at));
    else
        kv_null(w, "delivered_at");
    if (d.status == "failed")
        kv_str(w, "failed_at", iso8601_ms(d.finished_at));
    else
        kv_null(w, "failed_at");
    w.Key("history");
    w.StartArray();
    for (size_t i = 0; i < d.attempts.size(); ++i) {
        const DeliveryAttempt &a = d.attempts[i];
        w.StartObject();
        kv_int(w, "attempt", static_cast<long long>(i + 1));
        kv_str(w, "at", iso8601_ms(a.at));
        if (a.status_code)
            kv_int(w, "status_code", a.status_code);
        else
            kv_null(w, "status_code");
        kv_str_or_null(w, "error", a.error);
        kv_int(w, "duration_ms", a.duration_ms);
        w.EndObject();
    }
    w.EndArray();
    w.Key("payload");
    w.RawValue(d.body.data(), d.body.size(), rapidjson::kObjectType);
    w.EndObject();
}

// GET /webhook/{id}/events?page&limit&status: the webhook's deliveries, newest first.
Response webhook_events(Api &api, Ctx &ctx) {
    const Webhook &h = find_webhook(api, ctx);
    Page page = read_page(ctx.req);
    std::string status = query_param(ctx.req, "status");
    if (!status.empty() && status != "pending" && status != "delivered" && status != "failed")
        throw ApiError(400, "validation_error", "Invalid query parameters",
                       {{"status", "must be pending, delivered or failed"}});
    const DeliveryState &ds = api.state().delivery;
    std::vector<const Delivery *> mine;
    for (auto it = ds.order.rbegin(); it != ds.order.rend(); ++it) {
        const Delivery &d = ds.deliveries.at(*it);
        if (d.webhook_id == h.id && (status.empty() || d.status == status)) mine.push_back(&d);
    }
    return resource_response(200, "Webhook events retrieved successfully", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "webhook_id", h.id);
        w.Key("events");
        w.StartArray();
        for (size_t i = 0; i < mine.size(); ++i)
            if (on_page(page, i)) write_delivery(w, *mine[i]);
        w.EndArray();
        write_pagination(w, page, mine.size());
        w.EndObject();
    });
}

}  // namespace

Module dialects_module() {
    Module m;
    m.routes = {
        {"POST", "/apikey/generate", Scope::kNone, true, key_generate},
        {"GET", "/apikey", Scope::kRead, false, key_index},
        {"DELETE", "/apikey/{id}", Scope::kNone, true, key_delete},
        {"POST", "/webhook/create-webhook", Scope::kWebhooks, true, webhook_create_w2},
        {"GET", "/webhook/get-webhooks", Scope::kWebhooks, false, webhook_index_w2},
        {"GET", "/webhook/{id}", Scope::kWebhooks, false, webhook_get},
        {"PUT", "/webhook/{id}", Scope::kWebhooks, true, webhook_update},
        {"POST", "/webhook/{id}/activate", Scope::kWebhooks, true,
         [](Api &a, Ctx &c) { return webhook_set_active(a, c, true); }},
        {"POST", "/webhook/{id}/deactivate", Scope::kWebhooks, true,
         [](Api &a, Ctx &c) { return webhook_set_active(a, c, false); }},
        {"POST", "/webhook/{id}/test", Scope::kWebhooks, true, webhook_test},
        {"GET", "/webhook/{id}/events", Scope::kWebhooks, false, webhook_events},
    };
    return m;
}

}  // namespace yvsb
