// C module "transport": a transport the application supplies (yv_transport_fn) as the core's
// yativo::TransportFn, the request view it reads and the response it fills in.
#include <chrono>
#include <climits>
#include <cstdint>
#include <string>

#include "handles.hpp"

using yv_capi::guard;
using yv_capi::need;

namespace {

// Owns the caller's user_data: shared by the options and every client copied from them, so
// free_fn runs once, when the last of them lets go.
struct TransportSink {
    TransportSink(yv_transport_fn f, void *data) : fn(f), user_data(data) {}
    TransportSink(const TransportSink &) = delete;
    TransportSink &operator=(const TransportSink &) = delete;
    ~TransportSink() {
        if (free_fn) free_fn(user_data);
    }

    // A status other than YV_OK: the callback cannot say what happened (the core sets its
    // report aside and counts the request as possibly sent).
    void operator()(const yativo::TransportRequest &request,
                    yativo::TransportResponse &response) const {
        const yv_http_request req{request};
        yv_http_response resp{response};
        const yv_status st = fn(user_data, &req, &resp);
        const auto raw = yv_capi::raw_enum(st);
        if (raw == YV_OK) return;
        const int code = raw >= INT_MIN && raw <= INT_MAX ? static_cast<int>(raw) : INT_MIN;
        // yativo::Status has a fixed underlying type, so any int is a value of it; a yv_status
        // outside the enum's range is not (UBSan). The core's table names it, or says UNKNOWN.
        const auto status = static_cast<yativo::Status>(code);
        throw yativo::Error(status, std::string("the transport callback returned ") +
                                        yativo::status_name(status) + " (" + std::to_string(raw) +
                                        ")");
    }

    yv_transport_fn fn;
    void *user_data;
    yv_free_fn free_fn = nullptr;
};

const yativo::TransportRequest *view(const yv_http_request *request) {
    return request ? &request->request : nullptr;
}

uint32_t ms32(std::chrono::milliseconds ms) {
    if (ms.count() <= 0) return 0;
    return ms.count() > static_cast<long long>(UINT32_MAX) ? UINT32_MAX
                                                           : static_cast<uint32_t>(ms.count());
}

// Applies `fill` to a non-NULL response.
template <class F>
yv_status report(yv_http_response *response, yv_error **err, F &&fill) {
    return guard(err, [&] { fill(need(response, "response").response); });
}

}  // namespace

extern "C" {

YV_API yv_status yv_options_set_transport(yv_options *opts, yv_transport_fn fn, void *user_data,
                                          yv_free_fn free_fn, yv_error **err) {
    return guard(err, [&] {
        auto &o = need(opts, "opts").options;
        if (!fn) {
            o.transport = nullptr;
            return;
        }
        // The sink takes ownership of user_data only once nothing else can fail.
        auto sink = std::make_shared<TransportSink>(fn, user_data);
        yativo::TransportFn transport = [sink](const yativo::TransportRequest &request,
                                               yativo::TransportResponse &response) {
            (*sink)(request, response);
        };
        sink->free_fn = free_fn;
        o.transport = std::move(transport);
    });
}

YV_API const char *yv_http_request_method(const yv_http_request *request) {
    return request ? view(request)->method().c_str() : nullptr;
}

YV_API const char *yv_http_request_url(const yv_http_request *request) {
    return request ? view(request)->url().c_str() : nullptr;
}

YV_API size_t yv_http_request_header_count(const yv_http_request *request) {
    return request ? view(request)->header_count() : 0;
}

YV_API const char *yv_http_request_header(const yv_http_request *request, size_t i) {
    if (!request || i >= view(request)->header_count()) return nullptr;
    return view(request)->header(i).c_str();
}

YV_API const uint8_t *yv_http_request_body(const yv_http_request *request, size_t *len) {
    if (len) *len = 0;
    if (!request || !view(request)->has_body()) return nullptr;
    const std::string &body = view(request)->body();
    if (len) *len = body.size();
    return reinterpret_cast<const uint8_t *>(body.data());
}

YV_API bool yv_http_request_may_resend(const yv_http_request *request) {
    return request && view(request)->may_resend();
}

YV_API uint32_t yv_http_request_max_sends(const yv_http_request *request) {
    return request ? static_cast<uint32_t>(view(request)->max_sends()) : 0;
}

YV_API uint32_t yv_http_request_connect_timeout_ms(const yv_http_request *request) {
    return request ? ms32(view(request)->connect_timeout()) : 0;
}

YV_API uint32_t yv_http_request_timeout_ms(const yv_http_request *request) {
    return request ? ms32(view(request)->timeout()) : 0;
}

YV_API bool yv_http_request_cancelled(const yv_http_request *request) {
    return request && view(request)->cancelled();
}

YV_API yv_status yv_http_response_set_status(yv_http_response *response, uint32_t status_code,
                                             yv_error **err) {
    return report(response, err, [&](yativo::TransportResponse &r) {
        if (status_code < 100 || status_code > 599)
            yv_capi::invalid("status_code must be 100..599");
        r.set_status(static_cast<int>(status_code));
    });
}

YV_API yv_status yv_http_response_add_header(yv_http_response *response, const char *name,
                                             const char *value, yv_error **err) {
    return report(response, err, [&](yativo::TransportResponse &r) {
        const auto n = yv_capi::need_str(name, "name");
        const auto v = yv_capi::need_str_or_empty(value, "value");
        r.add_header(n, v);
    });
}

YV_API yv_status yv_http_response_append_body(yv_http_response *response, const uint8_t *data,
                                              size_t len, yv_error **err) {
    return report(response, err, [&](yativo::TransportResponse &r) {
        if (!data && len > 0) yv_capi::invalid("data is NULL but len is not 0");
        if (len == 0) return;
        r.append_body(std::string_view(reinterpret_cast<const char *>(data), len));
    });
}

YV_API yv_status yv_http_response_set_outcome(yv_http_response *response,
                                              yv_transport_outcome outcome, const char *message,
                                              yv_error **err) {
    return report(response, err, [&](yativo::TransportResponse &r) {
        const std::string_view text = yv_capi::opt_str(message);
        switch (yv_capi::raw_enum(outcome)) {
            case YV_TRANSPORT_OK:
                return r.set_outcome(yativo::TransportOutcome::Ok, text);
            case YV_TRANSPORT_NETWORK:
                return r.set_outcome(yativo::TransportOutcome::Network, text);
            case YV_TRANSPORT_TIMEOUT:
                return r.set_outcome(yativo::TransportOutcome::Timeout, text);
            case YV_TRANSPORT_TLS:
                return r.set_outcome(yativo::TransportOutcome::Tls, text);
            case YV_TRANSPORT_PROTOCOL:
                return r.set_outcome(yativo::TransportOutcome::Protocol, text);
            case YV_TRANSPORT_CANCELLED:
                return r.set_outcome(yativo::TransportOutcome::Cancelled, text);
        }
        yv_capi::invalid("outcome is not a yv_transport_outcome value");
    });
}

YV_API yv_status yv_http_response_set_request_sent(yv_http_response *response, bool sent,
                                                   yv_error **err) {
    return report(response, err, [&](yativo::TransportResponse &r) { r.set_request_sent(sent); });
}

YV_API yv_status yv_http_response_set_sends(yv_http_response *response, uint32_t sends,
                                            yv_error **err) {
    return report(response, err, [&](yativo::TransportResponse &r) {
        if (sends > static_cast<uint32_t>(INT_MAX)) yv_capi::invalid("sends is too large");
        r.set_sends(static_cast<int>(sends));
    });
}

}  // extern "C"
