// C module "errors": the yv_error object, yv_status_str, and the check that yativo.h's enum
// matches the status table.
#include <climits>
#include <cmath>
#include <cstring>

#include "handles.hpp"

namespace {

// yativo.h's enum is generated from status.def by `python3 -m codegen`; this fails to compile
// when the committed header and the table disagree.
constexpr yv_status YV_E_OK = YV_OK;
#define YV_STATUS(name, number, py, doc) \
    static_assert(YV_E_##name == (number), "yativo.h is stale: run python3 -m codegen");
#include "yativo/status.def"
#undef YV_STATUS

yv_error no_memory{YV_E_NO_MEMORY, "out of memory", 0, {}, {}, {}, -1, {}, {}, false, false, true};

}  // namespace

namespace yv_capi {

yv_error *no_memory_error() noexcept {
    return &no_memory;
}

yv_error *make_error(const yativo::Error &e) noexcept {
    try {
        auto out = std::make_unique<yv_error>();
        out->code = static_cast<yv_status>(static_cast<int>(e.code()));
        out->message = e.message();
        out->http_status = e.http_status;
        out->error_code = e.error_code;
        out->details_json = e.details_json;
        out->request_id = e.request_id;
        if (e.retry_after_s && std::isfinite(*e.retry_after_s) && *e.retry_after_s >= 0) {
            out->retry_after_ms = std::llround(*e.retry_after_s * 1000.0);
        }
        out->existing_transaction_id = e.existing_transaction_id;
        out->idempotency_key = e.idempotency_key;
        out->outcome_unknown = e.outcome_unknown;
        out->retryable = e.retryable;
        return out.release();
    } catch (...) {
        return &no_memory;
    }
}

PreparedError prepare_outcome_unknown(const std::string &idempotency_key, const char *message) {
    PreparedError prepared{std::make_unique<yv_error>()};
    yv_error &e = *prepared.error;
    e.code = YV_E_NO_MEMORY;
    e.message = message;
    e.idempotency_key = idempotency_key;
    e.outcome_unknown = true;
    e.retryable = !idempotency_key.empty();
    return prepared;
}

ValueMovingCall prepare_value_moving(const yv_call *call, const char *what) {
    yativo::CallOptions options = call_options(call);
    if (options.idempotency_key.empty()) options.idempotency_key = yativo::new_idempotency_key();
    const std::string message = std::string("out of memory during ") + what +
                                ": its outcome is unknown; send it again with the same "
                                "idempotency key";
    PreparedError prepared = prepare_outcome_unknown(options.idempotency_key, message.c_str());
    return ValueMovingCall{std::move(options), std::move(prepared)};
}

yv_error *make_error(yv_status code, const char *message) noexcept {
    try {
        auto out = std::make_unique<yv_error>();
        out->code = code;
        out->message = message ? message : "";
        return out.release();
    } catch (...) {
        return &no_memory;
    }
}

}  // namespace yv_capi

extern "C" {

YV_API const char *yv_status_str(yv_status status) {
    const long long raw = yv_capi::raw_enum(status);
    if (raw < INT_MIN || raw > INT_MAX) return "UNKNOWN";
    return yativo::status_name(static_cast<yativo::Status>(static_cast<int>(raw)));
}

YV_API yv_status yv_error_code(const yv_error *err) {
    return err ? err->code : YV_OK;
}

YV_API const char *yv_error_message(const yv_error *err) {
    return err ? err->message.c_str() : "";
}

YV_API int yv_error_http_status(const yv_error *err) {
    return err ? err->http_status : 0;
}

YV_API const char *yv_error_error_code(const yv_error *err) {
    return err ? yv_capi::or_null(err->error_code) : nullptr;
}

YV_API const char *yv_error_details_json(const yv_error *err) {
    return err ? yv_capi::or_null(err->details_json) : nullptr;
}

YV_API const char *yv_error_request_id(const yv_error *err) {
    return err ? yv_capi::or_null(err->request_id) : nullptr;
}

YV_API int64_t yv_error_retry_after_ms(const yv_error *err) {
    return err ? err->retry_after_ms : -1;
}

YV_API const char *yv_error_existing_transaction_id(const yv_error *err) {
    return err ? yv_capi::or_null(err->existing_transaction_id) : nullptr;
}

YV_API const char *yv_error_idempotency_key(const yv_error *err) {
    return err ? yv_capi::or_null(err->idempotency_key) : nullptr;
}

YV_API bool yv_error_outcome_unknown(const yv_error *err) {
    return err && err->outcome_unknown;
}

YV_API bool yv_error_retryable(const yv_error *err) {
    return err && err->retryable;
}

YV_API void yv_error_free(yv_error *err) {
    if (err && !err->is_static) delete err;
}

}  // extern "C"
