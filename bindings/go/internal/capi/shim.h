/* Helpers of the Go binding that do in one C call what would otherwise take one cgo call per
 * setter, accessor or free: every cgo call costs a switch of stacks and of scheduler state, so the
 * hot path (an API call, its error, its records) crosses as few times as it can. Only what
 * yativo.h exports is used; nothing here holds a Go pointer after it returns. */
#ifndef YVGO_SHIM_H
#define YVGO_SHIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <yativo.h>

/* yv_call_new and the setters of what is set: timeout_ms 0, a NULL string and false leave a value
 * unset; cancellable also makes *cancel and attaches it. On failure whatever was made is freed and
 * *call and *cancel are NULL. */
yv_status yvgo_call_new(uint32_t timeout_ms, const char *idempotency_key, const char *totp_code,
                        bool envelope, bool cancellable, yv_call **call, yv_cancel **cancel,
                        yv_error **err);
/* yv_call_free and yv_cancel_free (both accept NULL). */
void yvgo_call_free(yv_call *call, yv_cancel *cancel);

/* Every field of a yv_error; the strings are borrowed from it (NULL when absent). */
typedef struct yvgo_error {
    int code;
    int http_status;
    int64_t retry_after_ms;
    bool outcome_unknown;
    bool retryable;
    const char *message;
    size_t message_len;
    const char *error_code;
    size_t error_code_len;
    const char *details_json;
    size_t details_json_len;
    const char *request_id;
    size_t request_id_len;
    const char *existing_transaction_id;
    size_t existing_transaction_id_len;
    const char *idempotency_key;
    size_t idempotency_key_len;
} yvgo_error;

void yvgo_error_read(const yv_error *e, yvgo_error *out);

/* The bytes of a yv_buffer. */
typedef struct yvgo_bytes {
    const char *data;
    size_t len;
} yvgo_bytes;

yvgo_bytes yvgo_buffer_view(const yv_buffer *b);

#endif
