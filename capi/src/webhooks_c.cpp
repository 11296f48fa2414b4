// C module "webhooks": subscriptions, signature verification, the replay guard, the test signer,
// and the header and event handles they use.
#include <strings.h>

#include <chrono>

#include "handles.hpp"

using yv_capi::call_options;
using yv_capi::guard;
using yv_capi::need;
using yv_capi::need_out;
using yv_capi::need_str;
using yv_capi::or_null;

namespace {

std::string_view bytes(const uint8_t *body, size_t len) {
    if (!body && len > 0) yv_capi::invalid("body is NULL but body_len is not 0");
    return body ? std::string_view(reinterpret_cast<const char *>(body), len) : std::string_view();
}

// Hands a verified event to the caller when it asked for one.
void give_event(yv_event **out_event, yativo::WebhookEvent event) {
    if (!out_event) return;
    auto ev = std::make_unique<yv_event>();
    ev->data_json = event.data.json();
    ev->json = event.raw.json();
    ev->event = std::move(event);
    *out_event = ev.release();
}

}  // namespace

extern "C" {

YV_API const char *yv_webhook_id(const yv_webhook *webhook) {
    return webhook ? webhook->webhook.id.c_str() : nullptr;
}

YV_API const char *yv_webhook_url(const yv_webhook *webhook) {
    return webhook ? webhook->webhook.url.c_str() : nullptr;
}

YV_API size_t yv_webhook_events_count(const yv_webhook *webhook) {
    return webhook ? webhook->webhook.events.size() : 0;
}

YV_API const char *yv_webhook_event(const yv_webhook *webhook, size_t i) {
    return webhook && i < webhook->webhook.events.size() ? webhook->webhook.events[i].c_str()
                                                         : nullptr;
}

YV_API const char *yv_webhook_description(const yv_webhook *webhook) {
    return webhook ? or_null(webhook->webhook.description) : nullptr;
}

YV_API const char *yv_webhook_secret(const yv_webhook *webhook) {
    return webhook ? or_null(webhook->webhook.secret.reveal()) : nullptr;
}

YV_API const char *yv_webhook_created_at(const yv_webhook *webhook) {
    return webhook ? webhook->webhook.created_at.c_str() : nullptr;
}

YV_API const char *yv_webhook_json(const yv_webhook *webhook) {
    return webhook && webhook->has_json ? webhook->json.c_str() : nullptr;
}

YV_API void yv_webhook_free(yv_webhook *webhook) {
    delete webhook;
}

YV_API size_t yv_webhook_list_count(const yv_webhook_list *list) {
    return list ? list->items.size() : 0;
}

YV_API const yv_webhook *yv_webhook_list_get(const yv_webhook_list *list, size_t i) {
    return list && i < list->items.size() ? &list->items[i] : nullptr;
}

YV_API void yv_webhook_list_free(yv_webhook_list *list) {
    delete list;
}

YV_API yv_status yv_headers_new(yv_headers **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        yv_capi::give(out);
    });
}

YV_API void yv_headers_free(yv_headers *headers) {
    delete headers;
}

YV_API yv_status yv_headers_add(yv_headers *headers, const char *name, const char *value,
                                yv_error **err) {
    return guard(err, [&] {
        auto &h = need(headers, "headers");
        std::string n(need_str(name, "name"));
        std::string v(yv_capi::need_str_or_empty(value, "value"));
        h.headers.emplace_back(std::move(n), std::move(v));
    });
}

YV_API size_t yv_headers_count(const yv_headers *headers) {
    return headers ? headers->headers.size() : 0;
}

YV_API const char *yv_headers_name(const yv_headers *headers, size_t i) {
    return headers && i < headers->headers.size() ? headers->headers[i].first.c_str() : nullptr;
}

YV_API const char *yv_headers_value(const yv_headers *headers, size_t i) {
    return headers && i < headers->headers.size() ? headers->headers[i].second.c_str() : nullptr;
}

YV_API const char *yv_headers_get(const yv_headers *headers, const char *name) {
    if (!headers || !name) return nullptr;
    for (const auto &[n, v] : headers->headers) {
        if (strcasecmp(n.c_str(), name) == 0) return v.c_str();
    }
    return nullptr;
}

YV_API yv_status yv_webhook_verify(const uint8_t *body, size_t body_len, const yv_headers *headers,
                                   const char *secret, uint32_t tolerance_s, bool require_timestamp,
                                   yv_event **out_event, yv_error **err) {
    return guard(err, [&] {
        yv_capi::clear_out(out_event);
        const auto raw = bytes(body, body_len);
        const auto &h = need(headers, "headers");
        const yativo::Secret key(need_str(secret, "secret"));
        yativo::VerifyOptions options;
        if (tolerance_s > 0) options.tolerance = std::chrono::seconds(tolerance_s);
        options.require_timestamp = require_timestamp;
        give_event(out_event, yativo::verify_webhook(raw, h.headers, key, options));
    });
}

YV_API yv_status yv_webhook_verifier_new(const char *secret, uint32_t window_s, size_t max_events,
                                         uint32_t tolerance_s, bool require_timestamp,
                                         yv_webhook_verifier **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        yativo::Secret key(need_str(secret, "secret"));
        yativo::WebhookVerifierOptions options;
        if (window_s > 0) options.window = std::chrono::seconds(window_s);
        if (max_events > 0) options.max_events = max_events;
        if (tolerance_s > 0) options.verify.tolerance = std::chrono::seconds(tolerance_s);
        options.verify.require_timestamp = require_timestamp;
        yv_capi::give(out, std::move(key), std::move(options));
    });
}

YV_API void yv_webhook_verifier_free(yv_webhook_verifier *verifier) {
    delete verifier;
}

YV_API yv_status yv_webhook_verifier_verify(yv_webhook_verifier *verifier, const uint8_t *body,
                                            size_t body_len, const yv_headers *headers,
                                            yv_event **out_event, yv_error **err) {
    return guard(err, [&] {
        yv_capi::clear_out(out_event);
        auto &v = need(verifier, "verifier");
        const auto raw = bytes(body, body_len);
        const auto &h = need(headers, "headers");
        give_event(out_event, v.verifier.verify(raw, h.headers));
    });
}

YV_API yv_status yv_webhook_sign(const uint8_t *body, size_t body_len, const char *secret,
                                 int64_t unix_time, yv_headers **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        const auto raw = bytes(body, body_len);
        const yativo::Secret key(need_str(secret, "secret"));
        if (unix_time < 0 && unix_time != YV_NOW) yv_capi::invalid("unix_time is negative");
        std::optional<std::int64_t> at;
        if (unix_time != YV_NOW) at = unix_time;
        yv_capi::give(out, yativo::sign_webhook(raw, key, at));
    });
}

YV_API const char *yv_event_id(const yv_event *event) {
    return event ? event->event.id.c_str() : nullptr;
}

YV_API const char *yv_event_type(const yv_event *event) {
    return event ? event->event.type.c_str() : nullptr;
}

YV_API const char *yv_event_created_at(const yv_event *event) {
    return event ? event->event.created_at.c_str() : nullptr;
}

YV_API const char *yv_event_data_json(const yv_event *event) {
    return event ? event->data_json.c_str() : nullptr;
}

YV_API const char *yv_event_json(const yv_event *event) {
    return event ? event->json.c_str() : nullptr;
}

YV_API void yv_event_free(yv_event *event) {
    delete event;
}

}  // extern "C"
