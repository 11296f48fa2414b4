/* Trampolines between the C ABI's log callback and the Go exports of log.go. user_data is the
 * number of a cgo.Handle, never a Go pointer. */
#include <stdint.h>
#include <yativo.h>

#include "_cgo_export.h"

static yv_status yvgo_log_trampoline(yv_log_level level, const char *message, size_t message_len,
                                     void *user_data) {
    return (yv_status)yvgoLog((int)level, (char *)message, message_len, (uintptr_t)user_data);
}

static void yvgo_log_free(void *user_data) { yvgoLogFree((uintptr_t)user_data); }

yv_status yvgo_set_log_callback(yv_options *opts, uintptr_t handle, yv_error **err) {
    return yv_options_set_log_callback(opts, yvgo_log_trampoline, (void *)handle, yvgo_log_free, err);
}
