// Helpers of the C ABI suites: RAII owners for yativo.h handles and an error holder. The suites
// use yativo.h only (plus the sandbox helper), like any C program would.
#pragma once

#include <memory>
#include <string>

#include <yativo.h>

namespace capi_test {

template <class T, void (*Free)(T *)>
struct Deleter {
    void operator()(T *p) const { Free(p); }
};
template <class T, void (*Free)(T *)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;

using Client = Owned<yv_client, yv_client_free>;
using Options = Owned<yv_options, yv_options_free>;
using Call = Owned<yv_call, yv_call_free>;
using Cancel = Owned<yv_cancel, yv_cancel_free>;
using Buffer = Owned<yv_buffer, yv_buffer_free>;
using ApiKey = Owned<yv_api_key, yv_api_key_free>;
using ApiKeyList = Owned<yv_api_key_list, yv_api_key_list_free>;
using Token = Owned<yv_token, yv_token_free>;
using Send = Owned<yv_send, yv_send_free>;
using TxQuery = Owned<yv_tx_query, yv_tx_query_free>;
using TxPager = Owned<yv_tx_pager, yv_tx_pager_free>;
using Webhook = Owned<yv_webhook, yv_webhook_free>;
using WebhookList = Owned<yv_webhook_list, yv_webhook_list_free>;
// The records the endpoints answer (yativo.h, "records").
using Account = Owned<yv_account, yv_account_free>;
using AccountList = Owned<yv_account_list, yv_account_list_free>;
using Asset = Owned<yv_asset, yv_asset_free>;
using AssetList = Owned<yv_asset_list, yv_asset_list_free>;
using Balance = Owned<yv_balance, yv_balance_free>;
using Transfer = Owned<yv_transfer, yv_transfer_free>;
using TransactionList = Owned<yv_transaction_list, yv_transaction_list_free>;
using Headers = Owned<yv_headers, yv_headers_free>;
using Event = Owned<yv_event, yv_event_free>;
using WebhookVerifier = Owned<yv_webhook_verifier, yv_webhook_verifier_free>;

// Receives a yv_error and frees it.
class Err {
  public:
    Err() = default;
    Err(const Err &) = delete;
    Err &operator=(const Err &) = delete;
    ~Err() { yv_error_free(e_); }
    // For the `yv_error **err` argument: drops the previous error.
    yv_error **out() {
        yv_error_free(e_);
        e_ = nullptr;
        return &e_;
    }
    const yv_error *get() const { return e_; }
    yv_status code() const { return yv_error_code(e_); }
    std::string message() const { return yv_error_message(e_); }

  private:
    yv_error *e_ = nullptr;
};

inline std::string text(const yv_buffer *b) {
    return std::string(yv_buffer_data(b), yv_buffer_len(b));
}

// A borrowed C string as std::string, "" for NULL (for messages and comparisons where NULL
// has already been asserted or does not matter).
inline std::string str(const char *s) {
    return s ? std::string(s) : std::string();
}

// Describes a status + error for assertion messages.
inline std::string describe(yv_status st, const Err &err) {
    return std::string(yv_status_str(st)) + ": " + err.message();
}

}  // namespace capi_test
