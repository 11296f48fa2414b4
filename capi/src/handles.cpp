// The argument checks and small helpers shared by every C module (declared in handles.hpp).
#include "handles.hpp"

namespace yv_capi {

void invalid(std::string message) {
    throw yativo::Error(yativo::Status::INVALID_ARGUMENT, std::move(message));
}

std::string_view need_str(const char *s, const char *what) {
    if (!s) invalid(std::string(what) + " is NULL");
    if (!*s) invalid(std::string(what) + " is empty");
    return s;
}

std::string_view need_str_or_empty(const char *s, const char *what) {
    if (!s) invalid(std::string(what) + " is NULL");
    return s;
}

std::string_view opt_nonempty_str(const char *s, const char *what) {
    if (s && !*s) invalid(std::string(what) + " is empty (NULL means unset)");
    return opt_str(s);
}

std::optional<int> opt_int(uint32_t value, const char *what) {
    if (value == 0) return std::nullopt;
    if (value > static_cast<uint32_t>(INT32_MAX)) invalid(std::string(what) + " is too large");
    return static_cast<int>(value);
}

std::optional<bool> opt_bool(yv_optional_bool value, const char *what) {
    switch (value) {
        case YV_BOOL_UNSET:
            return std::nullopt;
        case YV_BOOL_FALSE:
            return false;
        case YV_BOOL_TRUE:
            return true;
        case YV_BOOL_RANGE_:  // not a value (it only widens the type)
            break;
    }
    invalid(std::string(what) + " must be YV_BOOL_UNSET, YV_BOOL_FALSE or YV_BOOL_TRUE, not " +
            std::to_string(static_cast<int>(value)));
}

int need_int(uint32_t value, const char *what, uint32_t min) {
    if (value < min) invalid(std::string(what) + " must be " + std::to_string(min) + " or more");
    if (value > static_cast<uint32_t>(INT32_MAX)) invalid(std::string(what) + " is too large");
    return static_cast<int>(value);
}

void fill(yv_webhook_list &out, std::vector<yativo::Webhook> &&webhooks) {
    out.items.resize(webhooks.size());
    for (std::size_t i = 0; i < webhooks.size(); ++i) fill(out.items[i], std::move(webhooks[i]));
}

void fill(yv_webhook &out, yativo::Webhook &&webhook) {
    out.webhook = std::move(webhook);
    try {
        out.json = out.webhook.raw.json();
        out.has_json = true;
    } catch (const std::bad_alloc &) {
    }
}

std::string_view opt_str(const char *s) {
    return s ? std::string_view(s) : std::string_view();
}

std::vector<std::string> need_str_array(const char *const *items, size_t count, const char *what) {
    if (!items && count > 0) invalid(std::string(what) + " is NULL");
    std::vector<std::string> out;
    out.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        if (!items[i] || !*items[i]) {
            invalid(std::string(what) + "[" + std::to_string(i) + "] is " +
                    (items[i] ? "empty" : "NULL"));
        }
        out.emplace_back(items[i]);
    }
    return out;
}

uint32_t need_positive(uint32_t value, const char *what) {
    if (value == 0) invalid(std::string(what) + " must be greater than 0");
    return value;
}

const yativo::CallOptions &call_options(const yv_call *call) {
    static const yativo::CallOptions defaults;
    return call ? call->call : defaults;
}

std::string payload_json(const yativo::Payload &payload, const yv_call *call) {
    return call && call->call.envelope ? payload.envelope().json() : payload.json();
}

std::string payload_json(const yativo::Payload &payload, const yativo::CallOptions &options) {
    return options.envelope ? payload.envelope().json() : payload.json();
}

std::unique_ptr<yv_buffer> buffer_of(std::string data) {
    auto buf = std::make_unique<yv_buffer>();
    buf->data = std::move(data);
    return buf;
}

void give_buffer(yv_buffer **out, std::string data) {
    auto buf = std::make_unique<yv_buffer>();
    buf->data = std::move(data);
    *out = buf.release();
}

}  // namespace yv_capi
