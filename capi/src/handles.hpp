// The C handles of yativo.h as C++ structs over the core, the one exception guard every exported
// body runs in, and the argument checks they share. Internal to capi/.
#pragma once

#include <cxxabi.h>

#include <cstring>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "records_gen.hpp"
#include "yativo.h"
#include "yativo/cancel.hpp"
#include "yativo/client.hpp"
#include "yativo/options.hpp"
#include "yativo/pager.hpp"
#include "yativo/secret.hpp"
#include "yativo/status.hpp"
#include "yativo/transport.hpp"
#include "yativo/types.hpp"
#include "yativo/webhook.hpp"

struct yv_error {
    yv_status code = YV_E_INTERNAL;
    std::string message;
    int http_status = 0;
    std::string error_code;
    std::string details_json;
    std::string request_id;
    int64_t retry_after_ms = -1;
    std::string existing_transaction_id;
    std::string idempotency_key;
    bool outcome_unknown = false;
    bool retryable = false;
    // The preallocated NO_MEMORY error is shared and never deleted.
    bool is_static = false;
};

struct yv_buffer {
    std::string data;
    ~yv_buffer() { yativo::wipe(data); }
};

struct yv_cancel {
    yativo::CancelTokenPtr token;
};

struct yv_options {
    yativo::ClientOptions options;
};

struct yv_call {
    yativo::CallOptions call;
};

// A supplied transport's view of one exchange: built on the stack for each callback, borrowed.
struct yv_http_request {
    const yativo::TransportRequest &request;
};

struct yv_http_response {
    yativo::TransportResponse &response;
};

struct yv_client {
    explicit yv_client(yativo::ClientOptions options) : client(std::move(options)) {}
    yativo::Client client;
};

struct yv_api_key {
    yativo::ApiKey key;
    yativo::ApiKey &value() { return key; }
};

struct yv_api_key_list {
    std::vector<yv_api_key> keys;
};

struct yv_token {
    yativo::AccessToken token;
    yativo::AccessToken &value() { return token; }
};

struct yv_send {
    yativo::SendFunds params;
};

struct yv_tx_query {
    yativo::TransactionQuery params;
};

struct yv_tx_pager {
    yativo::TransactionPager pager;
};

struct yv_webhook {
    yativo::Webhook webhook;
    std::string json;       // webhook.raw as text, kept so yv_webhook_json can lend it
    bool has_json = false;  // false: memory ran out building it (the webhook itself is whole)
    ~yv_webhook() { yativo::wipe(json); }
};

struct yv_webhook_list {
    std::vector<yv_webhook> items;
};

struct yv_headers {
    yativo::HeaderList headers;
};

struct yv_event {
    yativo::WebhookEvent event;
    std::string data_json;
    std::string json;
};

struct yv_webhook_verifier {
    explicit yv_webhook_verifier(yativo::Secret secret, yativo::WebhookVerifierOptions options)
        : verifier(std::move(secret), std::move(options)) {}
    yativo::WebhookVerifier verifier;
};

namespace yv_capi {

// The integer a C caller passed for an enum parameter. C lets any int through, but in C++
// reading an enum object that holds a value outside its enumerators' range is undefined
// (UBSan: "load of value 7, which is not a valid value for type 'yv_environment'"), so the
// bytes are copied out instead of the enum being read.
template <class E>
inline long long raw_enum(const E &value) {
    std::underlying_type_t<E> raw;
    static_assert(sizeof raw == sizeof value, "an enum has the size of its underlying type");
    std::memcpy(&raw, &value, sizeof raw);
    return static_cast<long long>(raw);
}

// An error object made whole before a call that moves value, for the case where memory runs
// out after the server may have acted: the caller still gets the idempotency key (and knows the
// outcome is unknown), where the static NO_MEMORY error could carry nothing. Thrown as is
// (guard() hands it to the caller).
struct PreparedError {
    std::unique_ptr<yv_error> error;
};

// NO_MEMORY, outcome unknown (retryable when there is an `idempotency_key`); allocated now.
PreparedError prepare_outcome_unknown(const std::string &idempotency_key, const char *message);

// A call that moves value, made ready before it runs: its key fixed (the caller's, or a new one)
// and the error that carries it allocated, so memory running out once the server may have acted
// never loses the key (run it through with_prepared_error).
struct ValueMovingCall {
    yativo::CallOptions options;
    PreparedError prepared;
};
ValueMovingCall prepare_value_moving(const yv_call *call, const char *what);

// Runs a call that may change something on the server with `prepared` standing by: memory
// running out anywhere in it, or in copying its error out, reports `prepared`.
template <class F>
void with_prepared_error(PreparedError &prepared, F &&call);

// Builds the caller's error object; never throws (falls back to the static NO_MEMORY error).
yv_error *make_error(const yativo::Error &e) noexcept;
yv_error *make_error(yv_status code, const char *message) noexcept;
yv_error *no_memory_error() noexcept;

// Runs one exported body: every exception stops here and becomes a status + error object,
// except a forced unwind (pthread_exit or pthread_cancel of the calling thread, raised in a
// callback), which must go on through the caller's frames: swallowing it makes glibc abort.
// `body` returns nothing; it reports failure by throwing (yativo::Error for expected failures).
// no_sanitize("null"): UBSan reports the catch of abi::__forced_unwind, which has no object, as
// a reference bound to null.
template <class F>
__attribute__((no_sanitize("null"))) yv_status guard(yv_error **err, F &&body) {
    if (err) *err = nullptr;
    yv_error *e = nullptr;
    try {
        body();
        return YV_OK;
    } catch (abi::__forced_unwind &) {
        throw;
    } catch (PreparedError &prepared) {
        e = prepared.error.release();
    } catch (const yativo::Error &ex) {
        e = make_error(ex);
    } catch (const std::bad_alloc &) {
        e = no_memory_error();
    } catch (const std::exception &ex) {
        e = make_error(YV_E_INTERNAL, ex.what());
    } catch (...) {
        e = make_error(YV_E_INTERNAL, "unknown exception");
    }
    const yv_status code = e->code;
    if (err) {
        *err = e;
    } else {
        yv_error_free(e);
    }
    return code;
}

[[noreturn]] void invalid(std::string message);

// A required handle: throws INVALID_ARGUMENT naming `what` when it is NULL.
template <class T>
T &need(T *handle, const char *what) {
    if (!handle) invalid(std::string(what) + " is NULL");
    return *handle;
}

// An out parameter: NULL is INVALID_ARGUMENT; else *out is cleared so a failure leaves NULL.
template <class T>
T **need_out(T **out, const char *what) {
    if (!out) invalid(std::string(what) + " is NULL");
    *out = nullptr;
    return out;
}

// Clears an optional out parameter.
template <class T>
void clear_out(T **out) {
    if (out) *out = nullptr;
}

// A required, non-empty string.
std::string_view need_str(const char *s, const char *what);
// A string that must not be NULL but may be empty ("" = unset, for setters).
std::string_view need_str_or_empty(const char *s, const char *what);
// NULL or "" -> "".
std::string_view opt_str(const char *s);
// `count` non-NULL, non-empty strings; `items` may be NULL only when count is 0.
std::vector<std::string> need_str_array(const char *const *items, size_t count, const char *what);
// NULL = unset (""); "" is refused: the core has a default to apply when the value is unset.
std::string_view opt_nonempty_str(const char *s, const char *what);
// 0 = unset; at most INT32_MAX.
std::optional<int> opt_int(uint32_t value, const char *what);
// YV_BOOL_UNSET = unset; YV_BOOL_FALSE, YV_BOOL_TRUE; anything else is refused.
std::optional<bool> opt_bool(yv_optional_bool value, const char *what);
// A setter's number: at least `min`, at most INT32_MAX.
int need_int(uint32_t value, const char *what, uint32_t min);
// A strictly positive number.
uint32_t need_positive(uint32_t value, const char *what);

// The per-call options, or the defaults for NULL.
const yativo::CallOptions &call_options(const yv_call *call);

template <class F>
void with_prepared_error(PreparedError &prepared, F &&call) {
    try {
        call();
    } catch (const std::bad_alloc &) {
        throw std::move(prepared);
    } catch (const yativo::Error &e) {
        yv_error *made = make_error(e);
        if (made->is_static) throw std::move(prepared);
        throw PreparedError{std::unique_ptr<yv_error>(made)};
    }
}

// Moves a call's result into the output object the caller will get (allocated before the call).
inline void fill(yv_api_key &out, yativo::ApiKey &&key) {
    out.key = std::move(key);
}
inline void fill(yv_api_key_list &out, std::vector<yativo::ApiKey> &&keys) {
    out.keys.reserve(keys.size());
    for (auto &k : keys) out.keys.push_back(yv_api_key{std::move(k)});
}
// The signing secret is shown once: a JSON view that cannot be built (out of memory) is left
// out rather than the webhook lost.
void fill(yv_webhook &out, yativo::Webhook &&webhook);
void fill(yv_webhook_list &out, std::vector<yativo::Webhook> &&webhooks);

// Hands a new object to the caller.
template <class T, class... Args>
void give(T **out, Args &&...args) {
    *out = new T{std::forward<Args>(args)...};
}

void give_buffer(yv_buffer **out, std::string data);

// A call's payload as JSON, or its whole answer when the call asked for the envelope.
std::string payload_json(const yativo::Payload &payload, const yv_call *call);
std::string payload_json(const yativo::Payload &payload, const yativo::CallOptions &options);

// A new buffer holding `data`.
std::unique_ptr<yv_buffer> buffer_of(std::string data);

// An argument as the run function of a call keeps it: a string view becomes a string of its own
// (what it views belongs to the caller and may be gone by the time the call runs).
inline std::string own(std::string_view s) {
    return std::string(s);
}
template <class T>
T own(T value) {
    return value;
}

// "" -> NULL, for optional fields.
inline const char *or_null(const std::string &s) noexcept {
    return s.empty() ? nullptr : s.c_str();
}

}  // namespace yv_capi
