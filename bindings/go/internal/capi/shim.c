/* See shim.h. */
#include "shim.h"

#include <string.h>

yv_status yvgo_call_new(uint32_t timeout_ms, const char *idempotency_key, const char *totp_code,
                        bool envelope, bool cancellable, yv_call **call, yv_cancel **cancel,
                        yv_error **err) {
    yv_status st;
    *call = NULL;
    *cancel = NULL;
    st = yv_call_new(call, err);
    if (st == YV_OK && timeout_ms > 0) st = yv_call_set_timeout_ms(*call, timeout_ms, err);
    if (st == YV_OK && idempotency_key)
        st = yv_call_set_idempotency_key(*call, idempotency_key, err);
    if (st == YV_OK && totp_code) st = yv_call_set_totp_code(*call, totp_code, err);
    if (st == YV_OK && envelope) st = yv_call_set_envelope(*call, true, err);
    if (st == YV_OK && cancellable) st = yv_cancel_new(cancel, err);
    if (st == YV_OK && cancellable) st = yv_call_set_cancel(*call, *cancel, err);
    if (st != YV_OK) {
        yvgo_call_free(*call, *cancel);
        *call = NULL;
        *cancel = NULL;
    }
    return st;
}

void yvgo_call_free(yv_call *call, yv_cancel *cancel) {
    yv_call_free(call);
    yv_cancel_free(cancel);
}

static const char *view(const char *s, size_t *len) {
    *len = s ? strlen(s) : 0;
    return s;
}

void yvgo_error_read(const yv_error *e, yvgo_error *out) {
    out->code = (int)yv_error_code(e);
    out->http_status = yv_error_http_status(e);
    out->retry_after_ms = yv_error_retry_after_ms(e);
    out->outcome_unknown = yv_error_outcome_unknown(e);
    out->retryable = yv_error_retryable(e);
    out->message = view(yv_error_message(e), &out->message_len);
    out->error_code = view(yv_error_error_code(e), &out->error_code_len);
    out->details_json = view(yv_error_details_json(e), &out->details_json_len);
    out->request_id = view(yv_error_request_id(e), &out->request_id_len);
    out->existing_transaction_id =
        view(yv_error_existing_transaction_id(e), &out->existing_transaction_id_len);
    out->idempotency_key = view(yv_error_idempotency_key(e), &out->idempotency_key_len);
}

yvgo_bytes yvgo_buffer_view(const yv_buffer *b) {
    yvgo_bytes out;
    out.data = yv_buffer_data(b);
    out.len = yv_buffer_len(b);
    return out;
}
