// C modules "call" (per-call options) and "cancel" (the core's cancellation token).
#include <chrono>

#include "handles.hpp"

using yv_capi::guard;
using yv_capi::need;
using yv_capi::need_out;

extern "C" {

YV_API yv_status yv_cancel_new(yv_cancel **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        yv_capi::give(out, std::make_shared<yativo::CancelToken>());
    });
}

YV_API void yv_cancel_trigger(yv_cancel *cancel) {
    if (cancel) cancel->token->cancel();
}

YV_API bool yv_cancel_is_triggered(const yv_cancel *cancel) {
    return cancel && cancel->token->cancelled();
}

YV_API void yv_cancel_free(yv_cancel *cancel) {
    delete cancel;
}

YV_API yv_status yv_call_new(yv_call **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        yv_capi::give(out);
    });
}

YV_API void yv_call_free(yv_call *call) {
    delete call;
}

YV_API yv_status yv_call_set_timeout_ms(yv_call *call, uint32_t ms, yv_error **err) {
    return guard(err, [&] {
        need(call, "call").call.timeout =
            std::chrono::milliseconds(yv_capi::need_positive(ms, "timeout_ms"));
    });
}

YV_API yv_status yv_call_set_envelope(yv_call *call, bool envelope, yv_error **err) {
    return guard(err, [&] { need(call, "call").call.envelope = envelope; });
}

YV_API yv_status yv_call_set_idempotency_key(yv_call *call, const char *key, yv_error **err) {
    return guard(err, [&] {
        auto &c = need(call, "call");
        c.call.idempotency_key = std::string(yv_capi::need_str_or_empty(key, "key"));
    });
}

YV_API yv_status yv_call_set_totp_code(yv_call *call, const char *code, yv_error **err) {
    return guard(err, [&] {
        auto &c = need(call, "call");
        c.call.totp_code = yativo::Secret(yv_capi::need_str_or_empty(code, "code"));
    });
}

YV_API yv_status yv_call_set_cancel(yv_call *call, yv_cancel *cancel, yv_error **err) {
    return guard(err, [&] { need(call, "call").call.cancel = cancel ? cancel->token : nullptr; });
}

}  // extern "C"
