// C module "client": construction, credentials, rate limits and the generic request.
#include "async.hpp"

using yv_capi::call_options;
using yv_capi::guard;
using yv_capi::need;
using yv_capi::need_out;
using yv_capi::need_str;

namespace {

// yv_client_request's arguments, checked and copied; the function returned makes the call (once),
// for the blocking call and for its _start twin alike.
auto request_call(yv_client *client, const char *method, const char *path, const char *body,
                  size_t body_len, const yv_call *call) {
    auto &c = need(client, "client");
    std::string m(need_str(method, "method"));
    std::string p(need_str(path, "path"));
    if (!body && body_len > 0) yv_capi::invalid("body is NULL but body_len is not 0");
    std::string json = body ? std::string(body, body_len) : std::string();
    // A call that moves value: as for send-funds, the key is fixed and the error that carries it
    // allocated before it, and the output before the call, so running out of memory once the
    // server may have acted never loses the key. Other calls keep their options as given.
    const bool keyed = yativo::moves_value(m, p);
    auto ready = keyed ? yv_capi::prepare_value_moving(call, "a call that moves value")
                       : yv_capi::ValueMovingCall{call_options(call), {}};
    return [&c, m = std::move(m), p = std::move(p), json = std::move(json),
            ready = std::move(ready), keyed]() mutable {
        auto buffer = std::make_unique<yv_buffer>();
        auto send = [&] {
            buffer->data =
                yv_capi::payload_json(c.client.request(m, p, json, ready.options), ready.options);
        };
        if (keyed) {
            yv_capi::with_prepared_error(ready.prepared, send);
        } else {
            send();
        }
        return buffer;
    };
}

}  // namespace

extern "C" {

YV_API yv_status yv_client_new(const yv_options *opts, yv_client **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        yv_capi::give(out, opts ? opts->options : yativo::ClientOptions{});
    });
}

YV_API void yv_client_free(yv_client *client) {
    delete client;
}

YV_API yv_status yv_client_set_credentials(yv_client *client, const char *api_key,
                                           const char *api_secret, yv_error **err) {
    return guard(err, [&] {
        auto &c = need(client, "client");
        std::string key(need_str(api_key, "api_key"));
        yativo::Secret secret(need_str(api_secret, "api_secret"));
        c.client.set_credentials(std::move(key), std::move(secret));
    });
}

YV_API yv_status yv_client_set_access_token(yv_client *client, const char *token, yv_error **err) {
    return guard(err, [&] {
        auto &c = need(client, "client");
        c.client.set_access_token(yativo::Secret(need_str(token, "token")));
    });
}

YV_API const char *yv_client_base_url(const yv_client *client) {
    return client ? client->client.base_url().c_str() : nullptr;
}

YV_API uint32_t yv_client_timeout_ms(const yv_client *client) {
    if (!client) return 0;
    auto ms = client->client.total_timeout().count();
    return ms > static_cast<long long>(UINT32_MAX) ? UINT32_MAX : static_cast<uint32_t>(ms);
}

YV_API yv_status yv_client_rate_limit(const yv_client *client, int64_t *limit, int64_t *remaining,
                                      int64_t *reset, yv_error **err) {
    return guard(err, [&] {
        const auto rl = need(client, "client").client.rate_limit().value_or(yativo::RateLimit{});
        if (limit) *limit = rl.limit;
        if (remaining) *remaining = rl.remaining;
        if (reset) *reset = rl.reset;
    });
}

YV_API yv_status yv_client_request(yv_client *client, const char *method, const char *path,
                                   const char *body, size_t body_len, const yv_call *call,
                                   yv_buffer **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        *out = request_call(client, method, path, body, body_len, call)().release();
    });
}

YV_API yv_status yv_client_request_start(yv_loop *loop, yv_client *client, const char *method,
                                         const char *path, const char *body, size_t body_len,
                                         const yv_call *call, yv_buffer_done_fn done,
                                         void *user_data, yv_pending **pending, yv_error **err) {
    return guard(err, [&] {
        yv_capi::start(loop, pending, done, user_data,
                       [&] { return request_call(client, method, path, body, body_len, call); });
    });
}

}  // extern "C"
