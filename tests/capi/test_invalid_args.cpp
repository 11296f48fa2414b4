// Every exported function called with NULL, empty or out-of-range arguments: the documented
// status (YV_E_INVALID_ARGUMENT for calls, NULL / 0 / -1 / false for accessors), an error object
// with a message, cleared out parameters, and never a crash. The table must name every symbol of
// capi/symbols.txt, so a new export cannot skip this test.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "capi_test.hpp"

using namespace capi_test;

namespace {

// Runs a status-returning call with an error object and again with err == NULL.
template <class F>
void expect_invalid(const char *what, F &&call) {
    Err err;
    const yv_status st = call(err.out());
    EXPECT_EQ(st, YV_E_INVALID_ARGUMENT) << what << ": " << describe(st, err);
    EXPECT_EQ(err.code(), st) << what;
    EXPECT_FALSE(err.message().empty()) << what;
    EXPECT_EQ(call(nullptr), YV_E_INVALID_ARGUMENT) << what;
}

// An out parameter that starts non-NULL, to prove a failing call clears it.
template <class T>
struct Out {
    T *p = reinterpret_cast<T *>(static_cast<uintptr_t>(0x1));
    T **operator&() { return &p; }
    ~Out() { EXPECT_EQ(p, nullptr) << "out parameter not cleared"; }
};

// A supplied transport that answers 200 "{}" to everything.
yv_status answer_empty(void *, const yv_http_request *, yv_http_response *rs) {
    static const uint8_t empty[] = {'{', '}'};
    yv_http_response_set_status(rs, 200, nullptr);
    yv_http_response_append_body(rs, empty, sizeof empty, nullptr);
    return yv_http_response_set_outcome(rs, YV_TRANSPORT_OK, nullptr, nullptr);
}

// The response setters refuse bad values inside a real exchange (a response exists only there),
// and the request accessors give NULL past the end; the exchange then succeeds.
yv_status refuse_bad_values(void *, const yv_http_request *rq, yv_http_response *rs) {
    EXPECT_EQ(yv_http_request_header(rq, yv_http_request_header_count(rq)), nullptr);
    expect_invalid("status 99",
                   [&](yv_error **e) { return yv_http_response_set_status(rs, 99, e); });
    expect_invalid("status 600",
                   [&](yv_error **e) { return yv_http_response_set_status(rs, 600, e); });
    expect_invalid("empty header name",
                   [&](yv_error **e) { return yv_http_response_add_header(rs, "", "v", e); });
    expect_invalid("NULL header value", [&](yv_error **e) {
        return yv_http_response_add_header(rs, "X-A", nullptr, e);
    });
    expect_invalid("NULL body bytes",
                   [&](yv_error **e) { return yv_http_response_append_body(rs, nullptr, 3, e); });
    expect_invalid("outcome out of range", [&](yv_error **e) {
        return yv_http_response_set_outcome(rs, static_cast<yv_transport_outcome>(9), nullptr, e);
    });
    expect_invalid("sends above INT_MAX",
                   [&](yv_error **e) { return yv_http_response_set_sends(rs, UINT32_MAX, e); });
    return answer_empty(nullptr, rq, rs);
}

void exchange_through(yv_transport_fn fn) {
    yv_options *raw = nullptr;
    ASSERT_EQ(yv_options_new(&raw, nullptr), YV_OK);
    Options o(raw);
    ASSERT_EQ(yv_options_set_base_url(raw, "http://127.0.0.1:9/api/v1", nullptr), YV_OK);
    ASSERT_EQ(yv_options_set_use_environment(raw, false, nullptr), YV_OK);
    ASSERT_EQ(yv_options_set_access_token(raw, "CANARY-token-args", nullptr), YV_OK);
    ASSERT_EQ(yv_options_set_transport(raw, fn, nullptr, nullptr, nullptr), YV_OK);
    yv_client *c = nullptr;
    ASSERT_EQ(yv_client_new(raw, &c, nullptr), YV_OK);
    Client client(c);
    yv_buffer *out = nullptr;
    Err err;
    EXPECT_EQ(yv_client_request(c, "GET", "/x", nullptr, 0, nullptr, &out, err.out()), YV_OK)
        << err.message();
    yv_buffer_free(out);
}

struct Case {
    const char *symbol;
    std::function<void()> run;
};

// A completion that must never run: its _start refused the call.
template <class... A>
void never_called(void *, yv_status status, A...) {
    ADD_FAILURE() << "the callback of a refused _start ran (" << yv_status_str(status) << ")";
}
template <class... A>
using DoneFn = void (*)(void *, yv_status, A...);

// Converts to any completion callback type: never_called, or NULL.
struct MaybeDone {
    bool set;
    template <class... A>
    operator DoneFn<A...>() const {
        return set ? &never_called<A...> : nullptr;
    }
};

// A loop of its own for one row; the row's calls are all refused, so nothing is in flight.
struct RowLoop {
    RowLoop() { EXPECT_EQ(yv_loop_new(nullptr, &loop, nullptr), YV_OK); }
    ~RowLoop() {
        EXPECT_EQ(yv_loop_in_flight(loop), 0u) << "a refused _start left a call in flight";
        EXPECT_EQ(yv_loop_run(loop, nullptr), YV_OK);
        yv_loop_free(loop);
    }
    RowLoop(const RowLoop &) = delete;
    RowLoop &operator=(const RowLoop &) = delete;
    yv_loop *loop = nullptr;
};

class InvalidArgs : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(yv_options_new(&opts_, nullptr), YV_OK);
        ASSERT_EQ(yv_options_set_base_url(opts_, "http://127.0.0.1:9/api/v1", nullptr), YV_OK);
        ASSERT_EQ(yv_options_set_use_environment(opts_, false, nullptr), YV_OK);
        ASSERT_EQ(yv_client_new(opts_, &client_, nullptr), YV_OK);
        ASSERT_EQ(yv_call_new(&call_, nullptr), YV_OK);
        ASSERT_EQ(yv_send_new(&send_, nullptr), YV_OK);
        ASSERT_EQ(yv_tx_query_new(&query_, nullptr), YV_OK);
        ASSERT_EQ(yv_headers_new(&headers_, nullptr), YV_OK);
        ASSERT_EQ(yv_webhook_verifier_new("whsec_CANARY_args", 0, 0, 0, false, &verifier_, nullptr),
                  YV_OK);
    }
    void TearDown() override {
        yv_webhook_verifier_free(verifier_);
        yv_headers_free(headers_);
        yv_tx_query_free(query_);
        yv_send_free(send_);
        yv_call_free(call_);
        yv_client_free(client_);
        yv_options_free(opts_);
    }

    std::vector<Case> cases();

    // A _start twin refuses a NULL loop, a NULL callback and a NULL client: the status and error
    // come from _start, *pending is cleared, and the callback never runs. `start(loop, done,
    // client, pending, err)` passes placeholders for the rest.
    template <class F>
    void expect_start_refused(const char *what, F &&start) {
        RowLoop row;
        expect_invalid(what, [&](yv_error **e) {
            return start(nullptr, MaybeDone{true}, client_, &Out<yv_pending>{}, e);
        });
        expect_invalid(what, [&](yv_error **e) {
            return start(row.loop, MaybeDone{false}, client_, &Out<yv_pending>{}, e);
        });
        expect_invalid(what, [&](yv_error **e) {
            return start(row.loop, MaybeDone{true}, nullptr, &Out<yv_pending>{}, e);
        });
        expect_invalid(what, [&](yv_error **e) {
            return start(row.loop, MaybeDone{true}, nullptr, nullptr, e);
        });
    }

    yv_options *opts_ = nullptr;
    yv_client *client_ = nullptr;
    yv_call *call_ = nullptr;
    yv_send *send_ = nullptr;
    yv_tx_query *query_ = nullptr;
    yv_headers *headers_ = nullptr;
    yv_webhook_verifier *verifier_ = nullptr;
    char code[YV_TOTP_CODE_SIZE] = {};
};

std::set<std::string> exported_symbols() {
    std::ifstream in(YV_SYMBOLS_FILE);
    std::set<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string name;
        fields >> name;
        out.insert(name);
    }
    return out;
}

#define STATUS_CASE(fn, ...)                                                             \
    Case {                                                                               \
#fn, [&] { expect_invalid(#fn, [&](yv_error **e) { return fn(__VA_ARGS__); }); } \
    }
#define CHECK_CASE(fn, ...)       \
    Case {                        \
#fn, [&] { __VA_ARGS__; } \
    }

std::vector<Case> InvalidArgs::cases() {
    // The lambdas run after this function returns: they capture only `this` and statics.
    static const char *const perms[] = {"read", nullptr};
    static const char *const empty_item[] = {""};
    static const uint8_t body[] = {'{', '}'};
    return {
        // Versions and status names.
        CHECK_CASE(yv_version, EXPECT_STREQ(yv_version(), YV_VERSION_STRING)),
            CHECK_CASE(yv_status_str,
                       EXPECT_STREQ(yv_status_str(static_cast<yv_status>(12345)), "UNKNOWN");
                       EXPECT_STREQ(yv_status_str(YV_E_TIMEOUT), "TIMEOUT")),
            // Errors: every accessor accepts NULL.
            CHECK_CASE(yv_error_code, EXPECT_EQ(yv_error_code(nullptr), YV_OK)),
            CHECK_CASE(yv_error_message, EXPECT_STREQ(yv_error_message(nullptr), "")),
            CHECK_CASE(yv_error_http_status, EXPECT_EQ(yv_error_http_status(nullptr), 0)),
            CHECK_CASE(yv_error_error_code, EXPECT_EQ(yv_error_error_code(nullptr), nullptr)),
            CHECK_CASE(yv_error_details_json, EXPECT_EQ(yv_error_details_json(nullptr), nullptr)),
            CHECK_CASE(yv_error_request_id, EXPECT_EQ(yv_error_request_id(nullptr), nullptr)),
            CHECK_CASE(yv_error_retry_after_ms, EXPECT_EQ(yv_error_retry_after_ms(nullptr), -1)),
            CHECK_CASE(yv_error_existing_transaction_id,
                       EXPECT_EQ(yv_error_existing_transaction_id(nullptr), nullptr)),
            CHECK_CASE(yv_error_idempotency_key,
                       EXPECT_EQ(yv_error_idempotency_key(nullptr), nullptr)),
            CHECK_CASE(yv_error_outcome_unknown, EXPECT_FALSE(yv_error_outcome_unknown(nullptr))),
            CHECK_CASE(yv_error_retryable, EXPECT_FALSE(yv_error_retryable(nullptr))),
            CHECK_CASE(yv_error_free, yv_error_free(nullptr)),
            // Buffers.
            CHECK_CASE(yv_buffer_data, EXPECT_EQ(yv_buffer_data(nullptr), nullptr)),
            CHECK_CASE(yv_buffer_len, EXPECT_EQ(yv_buffer_len(nullptr), 0u)),
            CHECK_CASE(yv_buffer_free, yv_buffer_free(nullptr)),
            // Cancellation.
            STATUS_CASE(yv_cancel_new, nullptr, e),
            CHECK_CASE(yv_cancel_trigger, yv_cancel_trigger(nullptr)),
            CHECK_CASE(yv_cancel_is_triggered, EXPECT_FALSE(yv_cancel_is_triggered(nullptr))),
            CHECK_CASE(yv_cancel_free, yv_cancel_free(nullptr)),
            // Options.
            STATUS_CASE(yv_options_new, nullptr, e),
            CHECK_CASE(yv_options_free, yv_options_free(nullptr)),
            STATUS_CASE(yv_options_set_environment, nullptr, YV_ENV_SANDBOX, e),
            STATUS_CASE(yv_options_set_environment, opts_, static_cast<yv_environment>(7), e),
            STATUS_CASE(yv_options_set_base_url, opts_, nullptr, e),
            STATUS_CASE(yv_options_set_base_url, nullptr, "https://x.test", e),
            STATUS_CASE(yv_options_set_auth_mode, opts_, static_cast<yv_auth_mode>(-1), e),
            STATUS_CASE(yv_options_set_auth_mode, nullptr, YV_AUTH_BEARER, e),
            STATUS_CASE(yv_options_set_api_key, opts_, nullptr, e),
            STATUS_CASE(yv_options_set_api_secret, opts_, nullptr, e),
            STATUS_CASE(yv_options_set_access_token, nullptr, "t", e),
            STATUS_CASE(yv_options_set_totp_secret, opts_, nullptr, e),
            STATUS_CASE(yv_options_set_totp_period_s, opts_, 0, e),
            STATUS_CASE(yv_options_set_totp_use_server_time, nullptr, true, e),
            STATUS_CASE(yv_options_set_use_environment, nullptr, false, e),
            STATUS_CASE(yv_options_set_timeout_ms, opts_, 0, e),
            STATUS_CASE(yv_options_set_connect_timeout_ms, opts_, 0, e),
            STATUS_CASE(yv_options_set_attempt_timeout_ms, opts_, 0, e),
            STATUS_CASE(yv_options_set_max_retries, nullptr, 1, e),
            STATUS_CASE(yv_options_set_max_retries, opts_, UINT32_MAX, e),
            STATUS_CASE(yv_options_set_backoff_base_ms, opts_, 0, e),
            STATUS_CASE(yv_options_set_backoff_cap_ms, opts_, 0, e),
            STATUS_CASE(yv_options_set_refresh_margin_s, nullptr, 5, e),
            STATUS_CASE(yv_options_set_max_response_bytes, opts_, 0, e),
            STATUS_CASE(yv_options_set_ca_file, opts_, nullptr, e),
            STATUS_CASE(yv_options_set_ca_path, opts_, nullptr, e),
            STATUS_CASE(yv_options_set_ca_blob, opts_, nullptr, e),
            STATUS_CASE(yv_options_set_pinned_public_key, opts_, nullptr, e),
            STATUS_CASE(yv_options_set_proxy, opts_, nullptr, e),
            STATUS_CASE(yv_options_set_user_agent, opts_, nullptr, e),
            STATUS_CASE(yv_options_set_log_callback, nullptr, nullptr, nullptr, nullptr, e),
            STATUS_CASE(yv_options_set_log_level, opts_, static_cast<yv_log_level>(5), e),
            // Supplied transport: accessors take NULL, setters refuse it and bad values.
            STATUS_CASE(yv_options_set_transport, nullptr, answer_empty, nullptr, nullptr, e),
            CHECK_CASE(yv_http_request_method, EXPECT_EQ(yv_http_request_method(nullptr), nullptr)),
            CHECK_CASE(yv_http_request_url, EXPECT_EQ(yv_http_request_url(nullptr), nullptr)),
            CHECK_CASE(yv_http_request_header_count,
                       EXPECT_EQ(yv_http_request_header_count(nullptr), 0u)),
            CHECK_CASE(yv_http_request_header,
                       EXPECT_EQ(yv_http_request_header(nullptr, 0), nullptr)),
            CHECK_CASE(yv_http_request_body,
                       {
                           size_t len = 7;
                           EXPECT_EQ(yv_http_request_body(nullptr, &len), nullptr);
                           EXPECT_EQ(len, 0u);
                           EXPECT_EQ(yv_http_request_body(nullptr, nullptr), nullptr);
                       }),
            CHECK_CASE(yv_http_request_may_resend,
                       EXPECT_FALSE(yv_http_request_may_resend(nullptr))),
            CHECK_CASE(yv_http_request_max_sends,
                       EXPECT_EQ(yv_http_request_max_sends(nullptr), 0u)),
            CHECK_CASE(yv_http_request_connect_timeout_ms,
                       EXPECT_EQ(yv_http_request_connect_timeout_ms(nullptr), 0u)),
            CHECK_CASE(yv_http_request_timeout_ms,
                       EXPECT_EQ(yv_http_request_timeout_ms(nullptr), 0u)),
            CHECK_CASE(yv_http_request_cancelled, EXPECT_FALSE(yv_http_request_cancelled(nullptr))),
            STATUS_CASE(yv_http_response_set_status, nullptr, 200, e),
            CHECK_CASE(yv_http_response_set_status, exchange_through(refuse_bad_values)),
            STATUS_CASE(yv_http_response_add_header, nullptr, "X-A", "b", e),
            STATUS_CASE(yv_http_response_append_body, nullptr, body, sizeof body, e),
            STATUS_CASE(yv_http_response_set_outcome, nullptr, YV_TRANSPORT_OK, nullptr, e),
            STATUS_CASE(yv_http_response_set_request_sent, nullptr, true, e),
            STATUS_CASE(yv_http_response_set_sends, nullptr, 1, e),
            // Per-call options.
            STATUS_CASE(yv_call_new, nullptr, e), CHECK_CASE(yv_call_free, yv_call_free(nullptr)),
            STATUS_CASE(yv_call_set_timeout_ms, call_, 0, e),
            STATUS_CASE(yv_call_set_envelope, nullptr, true, e),
            STATUS_CASE(yv_call_set_idempotency_key, call_, nullptr, e),
            STATUS_CASE(yv_call_set_totp_code, call_, nullptr, e),
            STATUS_CASE(yv_call_set_cancel, nullptr, nullptr, e),
            // Client.
            STATUS_CASE(yv_client_new, opts_, nullptr, e),
            CHECK_CASE(
                yv_client_new,
                {
                    // Secrets must not travel in clear: http:// only to loopback hosts.
                    Options o;
                    yv_options *raw = nullptr;
                    ASSERT_EQ(yv_options_new(&raw, nullptr), YV_OK);
                    o.reset(raw);
                    ASSERT_EQ(yv_options_set_base_url(raw, "http://example.com/api/v1", nullptr),
                              YV_OK);
                    Out<yv_client> out;
                    expect_invalid("http:// to a remote host",
                                   [&](yv_error **e) { return yv_client_new(raw, &out, e); });
                }),
            CHECK_CASE(yv_client_free, yv_client_free(nullptr)),
            STATUS_CASE(yv_client_set_credentials, nullptr, "k", "s", e),
            STATUS_CASE(yv_client_set_credentials, client_, "", "s", e),
            STATUS_CASE(yv_client_set_credentials, client_, "k", nullptr, e),
            STATUS_CASE(yv_client_set_access_token, client_, "", e),
            CHECK_CASE(yv_client_base_url, EXPECT_EQ(yv_client_base_url(nullptr), nullptr)),
            CHECK_CASE(yv_client_timeout_ms, EXPECT_EQ(yv_client_timeout_ms(nullptr), 0u)),
            STATUS_CASE(yv_client_rate_limit, nullptr, nullptr, nullptr, nullptr, e),
            CHECK_CASE(yv_client_request,
                       {
                           Out<yv_buffer> out;
                           expect_invalid("NULL method", [&](yv_error **e) {
                               return yv_client_request(client_, nullptr, "/x", nullptr, 0, nullptr,
                                                        &out, e);
                           });
                           expect_invalid("empty path", [&](yv_error **e) {
                               return yv_client_request(client_, "GET", "", nullptr, 0, nullptr,
                                                        &out, e);
                           });
                           expect_invalid("NULL body with a length", [&](yv_error **e) {
                               return yv_client_request(client_, "POST", "/x", nullptr, 3, nullptr,
                                                        &out, e);
                           });
                           expect_invalid("NULL out", [&](yv_error **e) {
                               return yv_client_request(client_, "GET", "/x", nullptr, 0, nullptr,
                                                        nullptr, e);
                           });
                       }),
            // API keys.
            CHECK_CASE(yv_api_key_id, EXPECT_EQ(yv_api_key_id(nullptr), nullptr)),
            CHECK_CASE(yv_api_key_name, EXPECT_EQ(yv_api_key_name(nullptr), nullptr)),
            CHECK_CASE(yv_api_key_api_key, EXPECT_EQ(yv_api_key_api_key(nullptr), nullptr)),
            CHECK_CASE(yv_api_key_api_secret, EXPECT_EQ(yv_api_key_api_secret(nullptr), nullptr)),
            CHECK_CASE(yv_api_key_permissions_count,
                       EXPECT_EQ(yv_api_key_permissions_count(nullptr), 0u)),
            CHECK_CASE(yv_api_key_permission,
                       EXPECT_EQ(yv_api_key_permission(nullptr, 0), nullptr)),
            CHECK_CASE(yv_api_key_status, EXPECT_EQ(yv_api_key_status(nullptr), nullptr)),
            CHECK_CASE(yv_api_key_created_at, EXPECT_EQ(yv_api_key_created_at(nullptr), nullptr)),
            CHECK_CASE(yv_api_key_expires_at, EXPECT_EQ(yv_api_key_expires_at(nullptr), nullptr)),
            CHECK_CASE(yv_api_key_last_used_at,
                       EXPECT_EQ(yv_api_key_last_used_at(nullptr), nullptr)),
            CHECK_CASE(yv_api_key_allowed_ips_count,
                       EXPECT_EQ(yv_api_key_allowed_ips_count(nullptr), 0u)),
            CHECK_CASE(yv_api_key_allowed_ip,
                       EXPECT_EQ(yv_api_key_allowed_ip(nullptr, 0), nullptr)),
            CHECK_CASE(yv_api_key_free, yv_api_key_free(nullptr)),
            CHECK_CASE(yv_api_key_list_count, EXPECT_EQ(yv_api_key_list_count(nullptr), 0u)),
            CHECK_CASE(yv_api_key_list_get, EXPECT_EQ(yv_api_key_list_get(nullptr, 0), nullptr)),
            CHECK_CASE(yv_api_key_list_free, yv_api_key_list_free(nullptr)),
        // Every generated record's accessors (api/endpoints.toml [[record]]).
#include "record_cases_gen.inc"
            CHECK_CASE(yv_client_create_api_key,
                       {
                           Out<yv_api_key> out;
                           expect_invalid("NULL client", [&](yv_error **e) {
                               return yv_client_create_api_key(nullptr, "n", perms, 1, 0, nullptr,
                                                               0, nullptr, &out, e);
                           });
                           expect_invalid("empty name", [&](yv_error **e) {
                               return yv_client_create_api_key(client_, "", perms, 1, 0, nullptr, 0,
                                                               nullptr, &out, e);
                           });
                           expect_invalid("NULL permission", [&](yv_error **e) {
                               return yv_client_create_api_key(client_, "n", perms, 2, 0, nullptr,
                                                               0, nullptr, &out, e);
                           });
                           expect_invalid("NULL permissions array", [&](yv_error **e) {
                               return yv_client_create_api_key(client_, "n", nullptr, 1, 0, nullptr,
                                                               0, nullptr, &out, e);
                           });
                       }),
            STATUS_CASE(yv_client_list_api_keys, client_, nullptr, nullptr, e),
            STATUS_CASE(yv_client_get_api_key, client_, nullptr, nullptr, &Out<yv_api_key>{}, e),
            STATUS_CASE(yv_client_rotate_api_key, client_, "", nullptr, &Out<yv_api_key>{}, e),
            STATUS_CASE(yv_client_update_api_key_permissions, client_, "id", empty_item, 1, nullptr,
                        &Out<yv_api_key>{}, e),
            STATUS_CASE(yv_client_revoke_api_key, client_, "", nullptr, e),
            // Token.
            STATUS_CASE(yv_client_token, client_, nullptr, nullptr, e),
            STATUS_CASE(yv_client_token, nullptr, nullptr, &Out<yv_token>{}, e),
            CHECK_CASE(yv_token_access_token, EXPECT_EQ(yv_token_access_token(nullptr), nullptr)),
            CHECK_CASE(yv_token_token_type, EXPECT_EQ(yv_token_token_type(nullptr), nullptr)),
            CHECK_CASE(yv_token_expires_in, EXPECT_EQ(yv_token_expires_in(nullptr), 0)),
            CHECK_CASE(yv_token_expires_at, EXPECT_EQ(yv_token_expires_at(nullptr), nullptr)),
            CHECK_CASE(yv_token_scopes_count, EXPECT_EQ(yv_token_scopes_count(nullptr), 0u)),
            CHECK_CASE(yv_token_scope, EXPECT_EQ(yv_token_scope(nullptr, 0), nullptr)),
            CHECK_CASE(yv_token_free, yv_token_free(nullptr)),
            // Resources.
            STATUS_CASE(yv_client_list_accounts, nullptr, nullptr, &Out<yv_account_list>{}, e),
            STATUS_CASE(yv_client_create_account, client_, "", nullptr, nullptr, &Out<yv_account>{},
                        e),
            STATUS_CASE(yv_client_create_account, client_, "a", "", nullptr, &Out<yv_account>{}, e),
            STATUS_CASE(yv_client_get_account_connections, nullptr, nullptr, nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_create_account_connections, client_, "", nullptr, 0, nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_create_customer, client_, "", nullptr, nullptr, nullptr, nullptr,
                        &Out<yv_customer>{}, e),
            // A json parameter that is not JSON: refused before any I/O.
            STATUS_CASE(yv_client_create_customer, client_, "a@example.com", nullptr, nullptr,
                        "{not json", nullptr, &Out<yv_customer>{}, e),
            STATUS_CASE(yv_client_list_user_accounts, client_, "", nullptr, &Out<yv_account_list>{},
                        e),
            STATUS_CASE(yv_client_transaction_analytics, nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_dashboard_analytics, client_, nullptr, nullptr, e),
            STATUS_CASE(yv_client_list_supported_assets, nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_list_chains, client_, nullptr, nullptr, e),
            STATUS_CASE(yv_client_add_assets, client_, "acc", nullptr, 0, nullptr, 0, nullptr,
                        &Out<yv_asset_list>{}, e),
            STATUS_CASE(yv_client_list_user_assets, client_, nullptr, nullptr,
                        &Out<yv_asset_list>{}, e),
            STATUS_CASE(yv_client_archive_asset, client_, "", nullptr, &Out<yv_asset>{}, e),
            STATUS_CASE(yv_client_add_gas_station, client_, "ethereum", "", nullptr,
                        &Out<yv_asset>{}, e),
            STATUS_CASE(yv_client_list_gas_stations, nullptr, nullptr, &Out<yv_asset_list>{}, e),
            STATUS_CASE(yv_client_add_customer_asset, client_, "", "solana", "USDC_SOL", nullptr,
                        &Out<yv_asset>{}, e),
            STATUS_CASE(yv_client_list_customer_assets, nullptr, nullptr, nullptr,
                        &Out<yv_asset_list>{}, e),
            STATUS_CASE(yv_client_list_forwarding_rules, nullptr, nullptr,
                        &Out<yv_auto_forwarding_rule_list>{}, e),
            STATUS_CASE(yv_client_get_forwarding_rule, client_, "", nullptr,
                        &Out<yv_auto_forwarding_rule>{}, e),
            // percentage is an amount: "1e2" is refused before any I/O.
            STATUS_CASE(yv_client_create_forwarding_rule, client_,
                        "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T", "1e2", "all_wallets",
                        "asset", "solana", nullptr, 0, nullptr, nullptr, nullptr, YV_BOOL_UNSET,
                        nullptr, nullptr, &Out<yv_auto_forwarding_rule>{}, e),
            STATUS_CASE(yv_client_update_forwarding_rule, client_, "rule", nullptr, nullptr,
                        nullptr, nullptr, 0, nullptr, nullptr, nullptr, YV_BOOL_UNSET, "{not json",
                        nullptr, &Out<yv_auto_forwarding_rule>{}, e),
            // An optional bool is one of its three values: anything else is refused.
            STATUS_CASE(yv_client_update_forwarding_rule, client_, "rule", nullptr, nullptr,
                        nullptr, nullptr, 0, nullptr, nullptr, nullptr,
                        static_cast<yv_optional_bool>(2), nullptr, nullptr,
                        &Out<yv_auto_forwarding_rule>{}, e),
            STATUS_CASE(yv_client_delete_forwarding_rule, client_, "", nullptr, e),
            STATUS_CASE(yv_client_list_customers, client_, 0, 101, nullptr, nullptr, nullptr,
                        &Out<yv_customer_list>{}, e),
            STATUS_CASE(yv_client_customer_transactions, client_, "", 0, 0, nullptr,
                        &Out<yv_transaction_list>{}, e),
            STATUS_CASE(yv_client_get_transaction, client_, nullptr, nullptr,
                        &Out<yv_transaction>{}, e),
            STATUS_CASE(yv_client_cancel_transaction, client_, "", nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_asset_history, client_, "asset", 0, 101, nullptr,
                        &Out<yv_transaction_list>{}, e),
            STATUS_CASE(yv_client_get_webhook, client_, "", nullptr, &Out<yv_webhook>{}, e),
            STATUS_CASE(yv_client_update_webhook, client_, "wh", nullptr, nullptr, 0, nullptr,
                        "paused", nullptr, &Out<yv_webhook>{}, e),
            STATUS_CASE(yv_client_activate_webhook, client_, nullptr, nullptr, &Out<yv_webhook>{},
                        e),
            STATUS_CASE(yv_client_deactivate_webhook, client_, "", nullptr, &Out<yv_webhook>{}, e),
            STATUS_CASE(yv_client_list_webhook_events, client_, "wh", 0, 0, "done", nullptr,
                        &Out<yv_webhook_delivery_list>{}, e),
            STATUS_CASE(yv_client_test_webhook, client_, "", nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_register_user, client_, "a@example.com", "", nullptr, nullptr,
                        nullptr, nullptr, &Out<yv_session>{}, e),
            STATUS_CASE(yv_client_sign_in, client_, nullptr, nullptr, nullptr, &Out<yv_buffer>{},
                        e),
            STATUS_CASE(yv_client_verify_otp, client_, "", nullptr, nullptr, &Out<yv_session>{}, e),
            // No session was adopted: no refresh token to send, refused before any I/O.
            STATUS_CASE(yv_client_refresh_session, client_, nullptr, &Out<yv_session>{}, e),
            STATUS_CASE(yv_client_resend_otp, nullptr, "a@example.com", nullptr, &Out<yv_buffer>{},
                        e),
            STATUS_CASE(yv_client_google_auth_details, nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_google_auth_enable, client_, nullptr, nullptr, e),
            STATUS_CASE(yv_client_google_auth_verify, client_, nullptr, nullptr, nullptr,
                        &Out<yv_session>{}, e),
            STATUS_CASE(yv_client_passkey_options, client_, "", nullptr, &Out<yv_buffer>{}, e),
            // The assertion is a JSON object: anything else is refused before any I/O.
            STATUS_CASE(yv_client_passkey_verify, client_, "[1]", nullptr, &Out<yv_session>{}, e),
            STATUS_CASE(yv_client_add_asset, client_, "acc", nullptr, "USDC_SOL", nullptr,
                        &Out<yv_asset>{}, e),
            STATUS_CASE(yv_client_list_assets, nullptr, nullptr, nullptr, &Out<yv_asset_list>{}, e),
            STATUS_CASE(yv_client_check_balance, client_, "", nullptr, &Out<yv_balance>{}, e),
            STATUS_CASE(yv_client_gas_price, client_, nullptr, nullptr, nullptr, nullptr, nullptr,
                        nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_gas_price, client_, "solana", "", nullptr, nullptr, nullptr,
                        nullptr, nullptr, &Out<yv_buffer>{}, e),
            // amount_usd is exact decimal text.
            STATUS_CASE(yv_client_gas_price, client_, "solana", nullptr, "1e3", nullptr, nullptr,
                        nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_send_new, nullptr, e), CHECK_CASE(yv_send_free, yv_send_free(nullptr)),
            STATUS_CASE(yv_send_set_account, send_, "", e),
            STATUS_CASE(yv_send_set_assets, nullptr, "a", e),
            STATUS_CASE(yv_send_set_receiving_address, send_, nullptr, e),
            CHECK_CASE(yv_send_set_amount,
                       {
                           for (const char *bad : {"", "0", "-1", "1e5", "1.5e2", " 1", "01", "1.",
                                                   "0.1234567890123456789", "abc", "NaN"}) {
                               expect_invalid(bad, [&](yv_error **e) {
                                   return yv_send_set_amount(send_, bad, e);
                               });
                           }
                       }),
            STATUS_CASE(yv_send_set_type, send_, "", e),
            STATUS_CASE(yv_send_set_chain, send_, nullptr, e),
            STATUS_CASE(yv_send_set_category, send_, "", e),
            STATUS_CASE(yv_send_set_priority, send_, "", e),
            STATUS_CASE(yv_send_set_description, send_, nullptr, e),
            STATUS_CASE(yv_send_set_use_self_funding, nullptr, true, e),
            STATUS_CASE(yv_client_send_funds, client_, nullptr, nullptr, &Out<yv_transfer>{}, e),
            STATUS_CASE(yv_client_send_funds, nullptr, send_, nullptr, &Out<yv_transfer>{}, e),
            STATUS_CASE(yv_tx_query_new, nullptr, e),
            CHECK_CASE(yv_tx_query_free, yv_tx_query_free(nullptr)),
            STATUS_CASE(yv_tx_query_set_page, query_, 0, e),
            STATUS_CASE(yv_tx_query_set_limit, nullptr, 10, e),
            STATUS_CASE(yv_tx_query_set_status, query_, nullptr, e),
            STATUS_CASE(yv_tx_query_set_chain, nullptr, "solana", e),
            STATUS_CASE(yv_tx_query_set_search, query_, nullptr, e),
            CHECK_CASE(
                yv_client_list_transactions,
                {
                    // limit above 100 is caught before any I/O (the client points at a closed
                    // port).
                    ASSERT_EQ(yv_tx_query_set_limit(query_, 101, nullptr), YV_OK);
                    Out<yv_transaction_list> out;
                    expect_invalid("limit 101", [&](yv_error **e) {
                        return yv_client_list_transactions(client_, query_, nullptr, &out, e);
                    });
                    expect_invalid("NULL client", [&](yv_error **e) {
                        return yv_client_list_transactions(nullptr, nullptr, nullptr, &out, e);
                    });
                }),
            STATUS_CASE(yv_tx_pager_new, nullptr, query_, nullptr, &Out<yv_tx_pager>{}, e),
            STATUS_CASE(yv_tx_pager_new, client_, query_, nullptr, nullptr, e),
            CHECK_CASE(yv_tx_pager_next,
                       {
                           bool done = true;
                           expect_invalid("NULL pager", [&](yv_error **e) {
                               Out<yv_transaction_list> out;
                               return yv_tx_pager_next(nullptr, &out, &done, e);
                           });
                           EXPECT_FALSE(done);
                           // limit above 100 is caught before any I/O, at the first page.
                           ASSERT_EQ(yv_tx_query_set_limit(query_, 101, nullptr), YV_OK);
                           yv_tx_pager *pager = nullptr;
                           ASSERT_EQ(yv_tx_pager_new(client_, query_, nullptr, &pager, nullptr),
                                     YV_OK);
                           expect_invalid("limit 101", [&](yv_error **e) {
                               Out<yv_transaction_list> out;
                               return yv_tx_pager_next(pager, &out, &done, e);
                           });
                           expect_invalid("NULL done", [&](yv_error **e) {
                               Out<yv_transaction_list> out;
                               return yv_tx_pager_next(pager, &out, nullptr, e);
                           });
                           expect_invalid("NULL out", [&](yv_error **e) {
                               return yv_tx_pager_next(pager, nullptr, &done, e);
                           });
                           yv_tx_pager_free(pager);
                       }),
            CHECK_CASE(yv_tx_pager_free, yv_tx_pager_free(nullptr)),
            // The event loop.
            STATUS_CASE(yv_loop_options_new, nullptr, e),
            CHECK_CASE(yv_loop_options_free, yv_loop_options_free(nullptr)),
            CHECK_CASE(yv_loop_options_set_callbacks,
                       {
                           yv_loop_options *lo = nullptr;
                           ASSERT_EQ(yv_loop_options_new(&lo, nullptr), YV_OK);
                           expect_invalid("NULL options", [&](yv_error **e) {
                               return yv_loop_options_set_callbacks(nullptr, nullptr, nullptr,
                                                                    nullptr, e);
                           });
                           expect_invalid("a watch without a timer", [&](yv_error **e) {
                               return yv_loop_options_set_callbacks(
                                   lo, [](void *, int, int) {}, nullptr, nullptr, e);
                           });
                           expect_invalid("a timer without a watch", [&](yv_error **e) {
                               return yv_loop_options_set_callbacks(
                                   lo, nullptr, [](void *, int64_t) {}, nullptr, e);
                           });
                           yv_loop_options_free(lo);
                       }),
            CHECK_CASE(yv_loop_options_set_max_host_connections,
                       {
                           yv_loop_options *lo = nullptr;
                           ASSERT_EQ(yv_loop_options_new(&lo, nullptr), YV_OK);
                           expect_invalid("NULL options", [&](yv_error **e) {
                               return yv_loop_options_set_max_host_connections(nullptr, 4, e);
                           });
                           expect_invalid("above INT32_MAX", [&](yv_error **e) {
                               return yv_loop_options_set_max_host_connections(lo, UINT32_MAX, e);
                           });
                           yv_loop_options_free(lo);
                       }),
            STATUS_CASE(yv_loop_new, nullptr, nullptr, e),
            CHECK_CASE(yv_loop_free, yv_loop_free(nullptr)),
            STATUS_CASE(yv_loop_on_socket, nullptr, 3, YV_WATCH_READ, e),
            STATUS_CASE(yv_loop_on_timeout, nullptr, e),
            CHECK_CASE(yv_loop_run_once,
                       {
                           size_t left = 7;
                           expect_invalid("NULL loop", [&](yv_error **e) {
                               return yv_loop_run_once(nullptr, 0, &left, e);
                           });
                           EXPECT_EQ(left, 0u);
                       }),
            STATUS_CASE(yv_loop_run, nullptr, e),
            CHECK_CASE(yv_loop_in_flight, EXPECT_EQ(yv_loop_in_flight(nullptr), 0u)),
            CHECK_CASE(yv_pending_cancel, yv_pending_cancel(nullptr)),
            CHECK_CASE(yv_pending_done, EXPECT_FALSE(yv_pending_done(nullptr))),
            CHECK_CASE(yv_pending_free, yv_pending_free(nullptr)),
            CHECK_CASE(yv_client_request_start,
                       {
                           expect_start_refused("yv_client_request_start",
                                                [&](yv_loop *l, MaybeDone done, yv_client *c,
                                                    yv_pending **p, yv_error **e) {
                                                    return yv_client_request_start(
                                                        l, c, "GET", "/x", nullptr, 0, nullptr,
                                                        done, nullptr, p, e);
                                                });
                           RowLoop row;
                           expect_invalid("NULL body with a length", [&](yv_error **e) {
                               return yv_client_request_start(row.loop, client_, "POST", "/x",
                                                              nullptr, 3, nullptr, MaybeDone{true},
                                                              nullptr, &Out<yv_pending>{}, e);
                           });
                           expect_invalid("empty method", [&](yv_error **e) {
                               return yv_client_request_start(row.loop, client_, "", "/x", nullptr,
                                                              0, nullptr, MaybeDone{true}, nullptr,
                                                              &Out<yv_pending>{}, e);
                           });
                       }),
            CHECK_CASE(
                yv_client_token_start,
                expect_start_refused(
                    "yv_client_token_start",
                    [&](yv_loop *l, MaybeDone done, yv_client *c, yv_pending **p, yv_error **e) {
                        return yv_client_token_start(l, c, nullptr, done, nullptr, p, e);
                    })),
            CHECK_CASE(
                yv_tx_pager_next_start,
                {
                    yv_tx_pager *pager = nullptr;
                    ASSERT_EQ(yv_tx_pager_new(client_, nullptr, nullptr, &pager, nullptr), YV_OK);
                    // The "client" slot carries the pager: NULL is refused the same way.
                    expect_start_refused("yv_tx_pager_next_start", [&](yv_loop *l, MaybeDone done,
                                                                       yv_client *c, yv_pending **p,
                                                                       yv_error **e) {
                        return yv_tx_pager_next_start(l, c ? pager : nullptr, done, nullptr, p, e);
                    });
                    yv_tx_pager_free(pager);
                }),
        // Every endpoint's _start twin (generated rows).
#include "start_cases_gen.inc"
            // Cards, card issuer, IBAN, swap (api/groups): a NULL client, the first required
            // argument refused, each decimal refused (rows made by a script from the description).
            STATUS_CASE(yv_client_card_issuer_apply, nullptr, "x", false, nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_card_issuer_apply, client_, "", false, nullptr, &Out<yv_buffer>{},
                        e),
            STATUS_CASE(yv_client_card_issuer_get_program, nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_card_issuer_get_wallets, nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_card_issuer_fund_customer, nullptr, "x", "1", "x", "send_x",
                        nullptr, nullptr, &Out<yv_card_funding>{}, e),
            STATUS_CASE(yv_client_card_issuer_fund_customer, client_, "", "1", "x", "send_x",
                        nullptr, nullptr, &Out<yv_card_funding>{}, e),
            STATUS_CASE(yv_client_card_issuer_fund_customer, client_, "x", "1e5", "x", "send_x",
                        nullptr, nullptr, &Out<yv_card_funding>{}, e),
            STATUS_CASE(yv_client_card_issuer_trigger_manual_funding, nullptr, "x", nullptr,
                        nullptr, &Out<yv_card_funding>{}, e),
            STATUS_CASE(yv_client_card_issuer_trigger_manual_funding, client_, "", nullptr, nullptr,
                        &Out<yv_card_funding>{}, e),
            STATUS_CASE(yv_client_card_issuer_get_customer_wallets, nullptr, "x", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_card_issuer_get_customer_wallets, client_, "", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_card_issuer_list_customers, nullptr, 0, 0, nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_card_issuer_list_customers, client_, 0, 101, nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_card_issuer_get_funding_addresses, nullptr, nullptr, nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_card_issuer_list_deposits, nullptr, 0, 0, nullptr, nullptr,
                        nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_card_issuer_list_deposits, client_, 0, 101, nullptr, nullptr,
                        nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_card_issuer_get_funding_history, nullptr, 0, 0, nullptr, nullptr,
                        nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_card_issuer_get_funding_history, client_, 0, 101, nullptr,
                        nullptr, nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_onboard, nullptr, "x", "x", "x", nullptr,
                        &Out<yv_card_account>{}, e),
            STATUS_CASE(yv_client_cards_onboard, client_, "", "x", "x", nullptr,
                        &Out<yv_card_account>{}, e),
            STATUS_CASE(yv_client_cards_get_kyc_status, nullptr, nullptr, &Out<yv_card_account>{},
                        e),
            STATUS_CASE(yv_client_cards_accept_terms, nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_deploy_safe, nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_list, nullptr, nullptr, &Out<yv_card_list>{}, e),
            STATUS_CASE(yv_client_cards_create, nullptr, "virtual", nullptr, "1", nullptr, nullptr,
                        &Out<yv_card>{}, e),
            STATUS_CASE(yv_client_cards_create, client_, "virtual", nullptr, "1e5", nullptr,
                        nullptr, &Out<yv_card>{}, e),
            STATUS_CASE(yv_client_cards_freeze, nullptr, "x", nullptr, &Out<yv_card>{}, e),
            STATUS_CASE(yv_client_cards_freeze, client_, "", nullptr, &Out<yv_card>{}, e),
            STATUS_CASE(yv_client_cards_unfreeze, nullptr, "x", nullptr, &Out<yv_card>{}, e),
            STATUS_CASE(yv_client_cards_unfreeze, client_, "", nullptr, &Out<yv_card>{}, e),
            STATUS_CASE(yv_client_cards_void, nullptr, "x", nullptr, &Out<yv_card>{}, e),
            STATUS_CASE(yv_client_cards_void, client_, "", nullptr, &Out<yv_card>{}, e),
            STATUS_CASE(yv_client_cards_request_pin_otp, nullptr, "x", nullptr, &Out<yv_buffer>{},
                        e),
            STATUS_CASE(yv_client_cards_request_pin_otp, client_, "", nullptr, &Out<yv_buffer>{},
                        e),
            STATUS_CASE(yv_client_cards_set_pin, nullptr, "x", "x", "x", nullptr, &Out<yv_buffer>{},
                        e),
            STATUS_CASE(yv_client_cards_set_pin, client_, "", "x", "x", nullptr, &Out<yv_buffer>{},
                        e),
            STATUS_CASE(yv_client_cards_get_ephemeral_token, nullptr, "x", "x", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_get_ephemeral_token, client_, "", "x", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_get_wallet, nullptr, "x", nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_get_wallet, client_, "", nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_get_funding_address, nullptr, "x", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_get_funding_address, client_, "", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_get_customer_funding_address, nullptr, "x", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_get_customer_funding_address, client_, "", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_get_dispute_reasons, nullptr, "x", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_get_dispute_reasons, client_, "", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_dispute_transaction, nullptr, "x", "x", "x", nullptr,
                        nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_dispute_transaction, client_, "", "x", "x", nullptr,
                        nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_get_customer_dispute_reasons, nullptr, "x", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_get_customer_dispute_reasons, client_, "", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_dispute_customer_transaction, nullptr, "x", "x", "x",
                        nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_dispute_customer_transaction, client_, "", "x", "x",
                        nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_get_spending_limits, nullptr, "x", nullptr,
                        &Out<yv_spending_limits>{}, e),
            STATUS_CASE(yv_client_cards_get_spending_limits, client_, "", nullptr,
                        &Out<yv_spending_limits>{}, e),
            STATUS_CASE(yv_client_cards_set_daily_spending_limit, nullptr, "x", "1", nullptr,
                        &Out<yv_spending_limits>{}, e),
            STATUS_CASE(yv_client_cards_set_daily_spending_limit, client_, "", "1", nullptr,
                        &Out<yv_spending_limits>{}, e),
            STATUS_CASE(yv_client_cards_set_daily_spending_limit, client_, "x", "1e5", nullptr,
                        &Out<yv_spending_limits>{}, e),
            STATUS_CASE(yv_client_cards_get_customer_spending_limits, nullptr, "x", nullptr,
                        &Out<yv_spending_limits>{}, e),
            STATUS_CASE(yv_client_cards_get_customer_spending_limits, client_, "", nullptr,
                        &Out<yv_spending_limits>{}, e),
            STATUS_CASE(yv_client_cards_set_customer_daily_spending_limit, nullptr, "x", "1",
                        nullptr, &Out<yv_spending_limits>{}, e),
            STATUS_CASE(yv_client_cards_set_customer_daily_spending_limit, client_, "", "1",
                        nullptr, &Out<yv_spending_limits>{}, e),
            STATUS_CASE(yv_client_cards_set_customer_daily_spending_limit, client_, "x", "1e5",
                        nullptr, &Out<yv_spending_limits>{}, e),
            STATUS_CASE(yv_client_cards_get_user_profile, nullptr, "x", nullptr, &Out<yv_buffer>{},
                        e),
            STATUS_CASE(yv_client_cards_get_user_profile, client_, "", nullptr, &Out<yv_buffer>{},
                        e),
            STATUS_CASE(yv_client_cards_get_customer_profile, nullptr, "x", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_get_customer_profile, client_, "", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_list_customer_cards, nullptr, "x", nullptr,
                        &Out<yv_card_list>{}, e),
            STATUS_CASE(yv_client_cards_list_customer_cards, client_, "", nullptr,
                        &Out<yv_card_list>{}, e),
            STATUS_CASE(yv_client_cards_create_customer_card, nullptr, "x", "virtual", nullptr,
                        &Out<yv_card>{}, e),
            STATUS_CASE(yv_client_cards_create_customer_card, client_, "", "virtual", nullptr,
                        &Out<yv_card>{}, e),
            STATUS_CASE(yv_client_cards_get_customer_ephemeral_token, nullptr, "x", "x", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_get_customer_ephemeral_token, client_, "", "x", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_subscribe_webhook, nullptr, "x", "x", perms, 1, nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_subscribe_webhook, client_, "", "x", perms, 1, nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_unsubscribe_webhook, nullptr, "x", "x", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_unsubscribe_webhook, client_, "", "x", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_get_physical_card_order_status, nullptr, "x", "x", nullptr,
                        &Out<yv_card_order>{}, e),
            STATUS_CASE(yv_client_cards_get_physical_card_order_status, client_, "", "x", nullptr,
                        &Out<yv_card_order>{}, e),
            STATUS_CASE(yv_client_cards_list_physical_card_orders, nullptr, "x", nullptr,
                        &Out<yv_card_order_list>{}, e),
            STATUS_CASE(yv_client_cards_list_physical_card_orders, client_, "", nullptr,
                        &Out<yv_card_order_list>{}, e),
            STATUS_CASE(yv_client_cards_cancel_physical_card_order, nullptr, "x", "x", nullptr,
                        &Out<yv_card_order>{}, e),
            STATUS_CASE(yv_client_cards_cancel_physical_card_order, client_, "", "x", nullptr,
                        &Out<yv_card_order>{}, e),
            STATUS_CASE(yv_client_cards_attach_order_payment, nullptr, "x", "x", "{}", nullptr,
                        &Out<yv_card_order_payment>{}, e),
            STATUS_CASE(yv_client_cards_attach_order_payment, client_, "", "x", "{}", nullptr,
                        &Out<yv_card_order_payment>{}, e),
            STATUS_CASE(yv_client_cards_set_physical_card_pin, nullptr, "x", "x", "x", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_set_physical_card_pin, client_, "", "x", "x", nullptr,
                        &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_cards_activate_iban, nullptr, "x", "platform_sumsub", nullptr,
                        nullptr, &Out<yv_iban_status>{}, e),
            STATUS_CASE(yv_client_cards_activate_iban, client_, "", "platform_sumsub", nullptr,
                        nullptr, &Out<yv_iban_status>{}, e),
            STATUS_CASE(yv_client_cards_get_iban_status, nullptr, "x", nullptr,
                        &Out<yv_iban_status>{}, e),
            STATUS_CASE(yv_client_cards_get_iban_status, client_, "", nullptr,
                        &Out<yv_iban_status>{}, e),
            STATUS_CASE(yv_client_cards_get_transactions, nullptr, "x", "x", 0, 0, nullptr, nullptr,
                        nullptr, nullptr, &Out<yv_card_transaction_list>{}, e),
            STATUS_CASE(yv_client_cards_get_transactions, client_, "", "x", 0, 0, nullptr, nullptr,
                        nullptr, nullptr, &Out<yv_card_transaction_list>{}, e),
            STATUS_CASE(yv_client_cards_get_transactions, client_, "x", "x", 101, 0, nullptr,
                        nullptr, nullptr, nullptr, &Out<yv_card_transaction_list>{}, e),
            STATUS_CASE(yv_client_cards_get_all_transactions, nullptr, "x", 0, 0, nullptr, nullptr,
                        &Out<yv_card_transaction_list>{}, e),
            STATUS_CASE(yv_client_cards_get_all_transactions, client_, "", 0, 0, nullptr, nullptr,
                        &Out<yv_card_transaction_list>{}, e),
            STATUS_CASE(yv_client_cards_get_all_transactions, client_, "x", 101, 0, nullptr,
                        nullptr, &Out<yv_card_transaction_list>{}, e),
            STATUS_CASE(yv_client_cards_create_physical_card_order, nullptr, "x", "{}", nullptr,
                        nullptr, &Out<yv_card_order>{}, e),
            STATUS_CASE(yv_client_cards_create_physical_card_order, client_, "", "{}", nullptr,
                        nullptr, &Out<yv_card_order>{}, e),
            STATUS_CASE(yv_client_cards_create_physical_card_order, client_, "x", "[1", nullptr,
                        nullptr, &Out<yv_card_order>{}, e),
            STATUS_CASE(yv_client_iban_get_options, nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_iban_initialize, nullptr, "x", nullptr, nullptr,
                        &Out<yv_iban_status>{}, e),
            STATUS_CASE(yv_client_iban_initialize, client_, "", nullptr, nullptr,
                        &Out<yv_iban_status>{}, e),
            STATUS_CASE(yv_client_iban_request, nullptr, nullptr, nullptr, &Out<yv_iban_status>{},
                        e),
            STATUS_CASE(yv_client_iban_submit_kyc, nullptr, "{}", nullptr, nullptr, nullptr,
                        &Out<yv_iban_status>{}, e),
            STATUS_CASE(yv_client_iban_submit_kyc, client_, "[1", nullptr, nullptr, nullptr,
                        &Out<yv_iban_status>{}, e),
            STATUS_CASE(yv_client_iban_get_status, nullptr, nullptr, nullptr,
                        &Out<yv_iban_status>{}, e),
            STATUS_CASE(yv_client_swap_get_assets, nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_swap_get_routes, nullptr, nullptr, &Out<yv_buffer>{}, e),
            STATUS_CASE(yv_client_swap_get_quote, nullptr, "{}", nullptr, &Out<yv_swap_quote>{}, e),
            STATUS_CASE(yv_client_swap_get_quote, client_, "[1]", nullptr, &Out<yv_swap_quote>{},
                        e),
            STATUS_CASE(yv_client_swap_execute, nullptr, "{}", nullptr, &Out<yv_swap_execution>{},
                        e),
            STATUS_CASE(yv_client_swap_execute, client_, "[1]", nullptr, &Out<yv_swap_execution>{},
                        e),
            STATUS_CASE(yv_client_swap_get_history, nullptr, 0, 0, nullptr, nullptr,
                        &Out<yv_swap_history_item_list>{}, e),
            STATUS_CASE(yv_client_swap_get_history, client_, 101, 0, nullptr, nullptr,
                        &Out<yv_swap_history_item_list>{}, e),
            // End of cards, card issuer, IBAN, swap.
            // Webhook subscriptions.
            STATUS_CASE(yv_client_create_webhook, client_, "https://x.test/h", nullptr, 0, nullptr,
                        nullptr, &Out<yv_webhook>{}, e),
            STATUS_CASE(yv_client_create_webhook, client_, "", perms, 1, nullptr, nullptr,
                        &Out<yv_webhook>{}, e),
            STATUS_CASE(yv_client_create_webhook, client_, "https://x.test/h", empty_item, 1,
                        nullptr, nullptr, &Out<yv_webhook>{}, e),
            STATUS_CASE(yv_client_list_webhooks, client_, nullptr, nullptr, e),
            STATUS_CASE(yv_client_list_webhooks, nullptr, nullptr, &Out<yv_webhook_list>{}, e),
            STATUS_CASE(yv_client_delete_webhook, client_, "", nullptr, e),
            CHECK_CASE(yv_webhook_id, EXPECT_EQ(yv_webhook_id(nullptr), nullptr)),
            CHECK_CASE(yv_webhook_url, EXPECT_EQ(yv_webhook_url(nullptr), nullptr)),
            CHECK_CASE(yv_webhook_events_count, EXPECT_EQ(yv_webhook_events_count(nullptr), 0u)),
            CHECK_CASE(yv_webhook_event, EXPECT_EQ(yv_webhook_event(nullptr, 0), nullptr)),
            CHECK_CASE(yv_webhook_description, EXPECT_EQ(yv_webhook_description(nullptr), nullptr)),
            CHECK_CASE(yv_webhook_secret, EXPECT_EQ(yv_webhook_secret(nullptr), nullptr)),
            CHECK_CASE(yv_webhook_created_at, EXPECT_EQ(yv_webhook_created_at(nullptr), nullptr)),
            CHECK_CASE(yv_webhook_json, EXPECT_EQ(yv_webhook_json(nullptr), nullptr)),
            CHECK_CASE(yv_webhook_free, yv_webhook_free(nullptr)),
            CHECK_CASE(yv_webhook_list_count, EXPECT_EQ(yv_webhook_list_count(nullptr), 0u)),
            CHECK_CASE(yv_webhook_list_get, EXPECT_EQ(yv_webhook_list_get(nullptr, 0), nullptr)),
            CHECK_CASE(yv_webhook_list_free, yv_webhook_list_free(nullptr)),
            // Headers, verification, signing, events.
            STATUS_CASE(yv_headers_new, nullptr, e),
            CHECK_CASE(yv_headers_free, yv_headers_free(nullptr)),
            STATUS_CASE(yv_headers_add, headers_, "", "v", e),
            STATUS_CASE(yv_headers_add, headers_, "X-A", nullptr, e),
            STATUS_CASE(yv_headers_add, nullptr, "X-A", "v", e),
            CHECK_CASE(yv_headers_count, EXPECT_EQ(yv_headers_count(nullptr), 0u)),
            CHECK_CASE(yv_headers_name, EXPECT_EQ(yv_headers_name(nullptr, 0), nullptr);
                       EXPECT_EQ(yv_headers_name(headers_, 5), nullptr)),
            CHECK_CASE(yv_headers_value, EXPECT_EQ(yv_headers_value(headers_, 0), nullptr)),
            CHECK_CASE(yv_headers_get, EXPECT_EQ(yv_headers_get(nullptr, "a"), nullptr);
                       EXPECT_EQ(yv_headers_get(headers_, nullptr), nullptr)),
            STATUS_CASE(yv_webhook_verify, nullptr, 4, headers_, "s", 0, false, nullptr, e),
            STATUS_CASE(yv_webhook_verify, body, 2, nullptr, "s", 0, false, &Out<yv_event>{}, e),
            STATUS_CASE(yv_webhook_verify, body, 2, headers_, "", 0, false, &Out<yv_event>{}, e),
            STATUS_CASE(yv_webhook_sign, body, 2, "s", YV_NOW, nullptr, e),
            STATUS_CASE(yv_webhook_sign, body, 2, nullptr, YV_NOW, &Out<yv_headers>{}, e),
            STATUS_CASE(yv_webhook_sign, body, 2, "s", -5, &Out<yv_headers>{}, e),
            CHECK_CASE(yv_event_id, EXPECT_EQ(yv_event_id(nullptr), nullptr)),
            CHECK_CASE(yv_event_type, EXPECT_EQ(yv_event_type(nullptr), nullptr)),
            CHECK_CASE(yv_event_created_at, EXPECT_EQ(yv_event_created_at(nullptr), nullptr)),
            CHECK_CASE(yv_event_data_json, EXPECT_EQ(yv_event_data_json(nullptr), nullptr)),
            CHECK_CASE(yv_event_json, EXPECT_EQ(yv_event_json(nullptr), nullptr)),
            CHECK_CASE(yv_event_free, yv_event_free(nullptr)),
            STATUS_CASE(yv_webhook_verifier_new, nullptr, 0, 0, 0, false,
                        &Out<yv_webhook_verifier>{}, e),
            STATUS_CASE(yv_webhook_verifier_new, "", 0, 0, 0, false, &Out<yv_webhook_verifier>{},
                        e),
            STATUS_CASE(yv_webhook_verifier_new, "whsec_CANARY_args", 0, 0, 0, false, nullptr, e),
            CHECK_CASE(yv_webhook_verifier_free, yv_webhook_verifier_free(nullptr)),
            STATUS_CASE(yv_webhook_verifier_verify, nullptr, body, 2, headers_, &Out<yv_event>{},
                        e),
            STATUS_CASE(yv_webhook_verifier_verify, verifier_, nullptr, 4, headers_,
                        &Out<yv_event>{}, e),
            STATUS_CASE(yv_webhook_verifier_verify, verifier_, body, 2, nullptr, &Out<yv_event>{},
                        e),
            // TOTP.
            STATUS_CASE(yv_totp, nullptr, 59, 30, 8, code, sizeof code, e),
            STATUS_CASE(yv_totp, "not base32!", 59, 30, 8, code, sizeof code, e),
            STATUS_CASE(yv_totp, "GEZDGNBVGY3TQOJQ", 59, 30, 9, code, sizeof code, e),
            STATUS_CASE(yv_totp, "GEZDGNBVGY3TQOJQ", 59, 30, 5, code, sizeof code, e),
            STATUS_CASE(yv_totp, "GEZDGNBVGY3TQOJQ", 59, 30, 8, code, 8, e),
            STATUS_CASE(yv_totp, "GEZDGNBVGY3TQOJQ", 59, 30, 6, nullptr, 7, e),
            STATUS_CASE(yv_totp, "GEZDGNBVGY3TQOJQ", -2, 30, 6, code, sizeof code, e),
    };
}

TEST_F(InvalidArgs, EveryExportedFunctionRefusesBadArguments) {
    std::set<std::string> covered;
    for (const auto &c : cases()) {
        SCOPED_TRACE(c.symbol);
        c.run();
        covered.insert(c.symbol);
    }
    const auto exported = exported_symbols();
    ASSERT_FALSE(exported.empty()) << "cannot read " << YV_SYMBOLS_FILE;
    for (const auto &name : exported) {
        EXPECT_TRUE(covered.count(name)) << name << " has no case in this table";
    }
}

TEST_F(InvalidArgs, SettersAcceptEmptyToRestoreDefaults) {
    Err err;
    EXPECT_EQ(yv_options_set_proxy(opts_, "", err.out()), YV_OK);
    EXPECT_EQ(yv_options_set_api_key(opts_, "", err.out()), YV_OK);
    EXPECT_EQ(yv_call_set_idempotency_key(call_, "", err.out()), YV_OK);
    EXPECT_EQ(err.get(), nullptr) << "a successful call sets *err to NULL";
}

}  // namespace
