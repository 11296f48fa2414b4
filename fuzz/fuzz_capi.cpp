// libFuzzer: the C ABI entry points that take caller text, through yativo.h only. Input
// (fuzz/text_input.hpp): line 1 picks the entry point ("verify", "request", "totp"), the next
// lines are its arguments, the body after the blank line.
//  - yv_webhook_verify with fuzzed headers, body and secret, and the event accessors;
//  - yv_client_request (method, path, JSON body) on a client whose call is already cancelled,
//    so no byte leaves the process: the answer must be YV_E_INVALID_ARGUMENT (bad input) or
//    YV_E_CANCELLED (input accepted), with an error object that has a message;
//  - yv_totp with a fuzzed secret.
#include <cstdlib>
#include <cstring>
#include <string>

#include "text_input.hpp"
#include "yativo.h"

namespace {

void check_error(yv_status st, yv_error *err) {
    if (st == YV_OK) {
        if (err) std::abort();  // no error object on success
        return;
    }
    if (!err || yv_error_code(err) != st || !yv_error_message(err)) std::abort();
    yv_error_free(err);
}

struct Fixture {
    yv_client *client = nullptr;
    yv_call *call = nullptr;
    yv_cancel *cancel = nullptr;
    Fixture() {
        yv_options *opts = nullptr;
        if (yv_options_new(&opts, nullptr) != YV_OK ||
            yv_options_set_base_url(opts, "http://127.0.0.1:9/api/v1", nullptr) != YV_OK ||
            yv_options_set_auth_mode(opts, YV_AUTH_BEARER, nullptr) != YV_OK ||
            yv_options_set_access_token(opts, "fuzz-token", nullptr) != YV_OK ||
            yv_options_set_use_environment(opts, false, nullptr) != YV_OK ||
            yv_client_new(opts, &client, nullptr) != YV_OK ||
            yv_call_new(&call, nullptr) != YV_OK || yv_cancel_new(&cancel, nullptr) != YV_OK ||
            yv_call_set_cancel(call, cancel, nullptr) != YV_OK)
            std::abort();
        yv_options_free(opts);
        yv_cancel_trigger(cancel);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static Fixture fx;
    const yvfuzz::TextInput in =
        yvfuzz::parse_text_input({reinterpret_cast<const char *>(data), size});
    auto line = [&](size_t i) { return i < in.lines.size() ? in.lines[i] : std::string(); };
    const std::string what = line(0);

    if (what == "verify") {
        yv_headers *headers = nullptr;
        if (yv_headers_new(&headers, nullptr) != YV_OK) std::abort();
        for (size_t i = 3; i < in.lines.size(); ++i) {
            const auto h = yvfuzz::split_header(in.lines[i]);
            yv_error *err = nullptr;
            check_error(yv_headers_add(headers, h.first.c_str(), h.second.c_str(), &err), err);
        }
        const std::string flags = line(2);
        const bool require_ts = flags.find('T') != std::string::npos;
        const auto tolerance = static_cast<uint32_t>(yvfuzz::to_int(flags, 0) % 100000);
        yv_event *event = nullptr;
        yv_error *err = nullptr;
        const yv_status st =
            yv_webhook_verify(reinterpret_cast<const uint8_t *>(in.body.data()), in.body.size(),
                              headers, line(1).c_str(), tolerance, require_ts, &event, &err);
        check_error(st, err);
        if ((st == YV_OK) != (event != nullptr)) std::abort();
        if (event) {
            if (!yv_event_id(event) || !yv_event_data_json(event) || !yv_event_json(event))
                std::abort();
            yv_event_free(event);
        }
        yv_headers_free(headers);
    } else if (what == "request") {
        yv_buffer *out = nullptr;
        yv_error *err = nullptr;
        const yv_status st = yv_client_request(fx.client, line(1).c_str(), line(2).c_str(),
                                               in.body.data(), in.body.size(), fx.call, &out, &err);
        if (st != YV_E_INVALID_ARGUMENT && st != YV_E_CANCELLED) std::abort();
        if (out) std::abort();
        check_error(st, err);
    } else if (what == "totp") {
        const int64_t t = yvfuzz::to_int(line(2), 0);
        const auto period = static_cast<uint32_t>(yvfuzz::to_int(line(3), 0) % 100000);
        const auto digits = static_cast<uint32_t>(yvfuzz::to_int(line(4), 0) % 12);
        char code[YV_TOTP_CODE_SIZE];
        yv_error *err = nullptr;
        const yv_status st = yv_totp(line(1).c_str(), t, period, digits, code, sizeof code, &err);
        if (st == YV_OK && std::strlen(code) != (digits == 0 ? 6u : digits)) std::abort();
        check_error(st, err);
    }
    return 0;
}
