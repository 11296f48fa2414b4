// Error objects carry every field of SPEC §3 through the C ABI: 404, 403, 422, 409, 429, 5xx,
// dropped connections on send-funds, cancellation and deadlines.
#include <chrono>
#include <string>
#include <thread>

#include "sandbox_client.hpp"

using namespace capi_test;
using Clock = std::chrono::steady_clock;

namespace {

class CapiErrors : public ::testing::Test {
  protected:
    FundedAsset asset(const char *deposit) { return funded_asset(c.get(), sb, deposit); }

    // A session client with the given retry count.
    Client client_with_retries(uint32_t retries) {
        auto o = session_options(sb);
        EXPECT_EQ(yv_options_set_max_retries(o.get(), retries, nullptr), YV_OK);
        EXPECT_EQ(yv_options_set_backoff_base_ms(o.get(), 10, nullptr), YV_OK);
        return make_client(o.get());
    }

    Call call_with_key(const char *key) {
        yv_call *raw = nullptr;
        EXPECT_EQ(yv_call_new(&raw, nullptr), YV_OK);
        EXPECT_EQ(yv_call_set_idempotency_key(raw, key, nullptr), YV_OK);
        return Call(raw);
    }

    yvtest::SandboxProcess sb{sandbox_flags()};
    Client c = session_client(sb);
};

TEST_F(CapiErrors, NotFound) {
    yv_api_key *k = reinterpret_cast<yv_api_key *>(0x1);
    Err err;
    EXPECT_EQ(yv_client_get_api_key(c.get(), "key_does_not_exist", nullptr, &k, err.out()),
              YV_E_NOT_FOUND);
    EXPECT_EQ(k, nullptr);
    EXPECT_EQ(err.code(), YV_E_NOT_FOUND);
    EXPECT_EQ(yv_error_http_status(err.get()), 404);
    EXPECT_STREQ(yv_error_error_code(err.get()), "not_found");
    EXPECT_NE(yv_error_request_id(err.get()), nullptr);
    EXPECT_FALSE(err.message().empty());
    EXPECT_EQ(yv_error_retry_after_ms(err.get()), -1);
    EXPECT_FALSE(yv_error_outcome_unknown(err.get()));
    EXPECT_FALSE(yv_error_retryable(err.get()));
}

TEST_F(CapiErrors, PermissionDeniedForAReadOnlyKey) {
    auto key = create_key(c.get(), "reader", {"read"});
    ASSERT_TRUE(key);
    auto reader = key_client(sb, yv_api_key_api_key(key.get()), yv_api_key_api_secret(key.get()));
    yv_account *out = nullptr;
    Err err;
    EXPECT_EQ(yv_client_create_account(reader.get(), "nope", nullptr, nullptr, &out, err.out()),
              YV_E_PERMISSION_DENIED)
        << err.message();
    EXPECT_EQ(yv_error_http_status(err.get()), 403);
    EXPECT_NE(yv_error_error_code(err.get()), nullptr);
    EXPECT_EQ(out, nullptr);
    // Reading is allowed.
    const auto accounts = ok<AccountList>([&](yv_account_list **list, yv_error **e) {
        return yv_client_list_accounts(reader.get(), nullptr, list, e);
    });
    EXPECT_TRUE(accounts);
}

TEST_F(CapiErrors, InsufficientBalanceIsAValidationErrorWithDetails) {
    const auto ids = asset("1");
    auto params = send_params(ids, "5");
    yv_transfer *out = nullptr;
    Err err;
    EXPECT_EQ(yv_client_send_funds(c.get(), params.get(), nullptr, &out, err.out()),
              YV_E_VALIDATION);
    EXPECT_EQ(out, nullptr);
    EXPECT_EQ(yv_error_http_status(err.get()), 422);
    EXPECT_STREQ(yv_error_error_code(err.get()), "insufficient_balance");
    ASSERT_NE(yv_error_details_json(err.get()), nullptr);
    EXPECT_NE(std::string(yv_error_details_json(err.get())).find("available_balance"),
              std::string::npos);
    ASSERT_NE(yv_error_idempotency_key(err.get()), nullptr) << "send-funds always has a key";
    EXPECT_EQ(std::string(yv_error_idempotency_key(err.get())).size(), 36u);
}

TEST_F(CapiErrors, ConflictNamesTheExistingTransaction) {
    const auto ids = asset("10");
    auto call = call_with_key("invoice-7");
    auto one = send_params(ids, "1");
    const auto first = ok<Transfer>([&](yv_transfer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), one.get(), call.get(), out, e);
    });
    ASSERT_NE(yv_transfer_id(first.get()), nullptr);
    auto two = send_params(ids, "2");
    yv_transfer *out = nullptr;
    Err err;
    EXPECT_EQ(yv_client_send_funds(c.get(), two.get(), call.get(), &out, err.out()), YV_E_CONFLICT);
    EXPECT_EQ(out, nullptr);
    EXPECT_EQ(yv_error_http_status(err.get()), 409);
    EXPECT_STREQ(yv_error_existing_transaction_id(err.get()), yv_transfer_id(first.get()));
    EXPECT_STREQ(yv_error_idempotency_key(err.get()), "invoice-7");
}

TEST_F(CapiErrors, RateLimitedCarriesRetryAfter) {
    sb.fault(R"({"path":"/accounts/get-accounts","count":1,"status":429,"retry_after":7})");
    auto no_retry = client_with_retries(0);
    yv_account_list *out = nullptr;
    Err err;
    EXPECT_EQ(yv_client_list_accounts(no_retry.get(), nullptr, &out, err.out()), YV_E_RATE_LIMITED);
    EXPECT_EQ(out, nullptr);
    EXPECT_EQ(yv_error_http_status(err.get()), 429);
    EXPECT_EQ(yv_error_retry_after_ms(err.get()), 7000);
    EXPECT_TRUE(yv_error_retryable(err.get()));
}

TEST_F(CapiErrors, RateLimitedRetriedWithinTheDeadline) {
    sb.fault(R"({"path":"/accounts/get-accounts","count":1,"status":429,"retry_after":1})");
    const auto start = Clock::now();
    ok<AccountList>([&](yv_account_list **out, yv_error **e) {
        return yv_client_list_accounts(c.get(), nullptr, out, e);
    });
    EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(900)) << "Retry-After honoured";
}

TEST_F(CapiErrors, ServerErrorsAfterRetries) {
    sb.fault(R"({"path":"/accounts/get-accounts","count":5,"status":503})");
    auto one_retry = client_with_retries(1);
    yv_account_list *out = nullptr;
    Err err;
    EXPECT_EQ(yv_client_list_accounts(one_retry.get(), nullptr, &out, err.out()), YV_E_SERVER);
    EXPECT_EQ(yv_error_http_status(err.get()), 503);
    EXPECT_EQ(sb.path_count("/accounts/get-accounts"), 2) << "one try + one retry";
}

TEST_F(CapiErrors, DroppedSendIsRetriedWithTheSameKeyAndCreatesOneTransaction) {
    const auto ids = asset("10");
    auto params = send_params(ids, "1");
    sb.fault(R"({"path":"/transactions/send-funds","count":1,"mode":"drop_after"})");
    const auto sent = ok<Transfer>([&](yv_transfer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), params.get(), nullptr, out, e);
    });
    // The retry carried the generated key: the answer (the replay) names the same one.
    const std::string key = str(yv_transfer_idempotency_key(sent.get()));
    EXPECT_EQ(key.size(), 36u) << key;
    EXPECT_NE(str(yv_transfer_json(sent.get())).find("\"idempotency_key\":\"" + key + "\""),
              std::string::npos)
        << str(yv_transfer_json(sent.get()));
    EXPECT_EQ(sb.stat("transactions_created"), 1);
    const auto list = ok<TransactionList>([&](yv_transaction_list **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), nullptr, nullptr, out, e);
    });
    ASSERT_EQ(yv_transaction_list_count(list.get()), 1u) << "exactly one transaction";
    EXPECT_STREQ(yv_transaction_id(yv_transaction_list_get(list.get(), 0)),
                 yv_transfer_id(sent.get()));
}

TEST_F(CapiErrors, DroppedSendWithoutRetriesHasAnUnknownOutcome) {
    const auto ids = asset("10");
    auto params = send_params(ids, "1");
    sb.fault(R"({"path":"/transactions/send-funds","count":1,"mode":"drop_after"})");
    auto no_retry = client_with_retries(0);
    yv_transfer *out = nullptr;
    Err err;
    EXPECT_EQ(yv_client_send_funds(no_retry.get(), params.get(), nullptr, &out, err.out()),
              YV_E_NETWORK);
    EXPECT_EQ(out, nullptr);
    EXPECT_TRUE(yv_error_outcome_unknown(err.get()));
    ASSERT_NE(yv_error_idempotency_key(err.get()), nullptr);
    const std::string used = yv_error_idempotency_key(err.get());

    // Retrying with that key replays the original: still one transaction.
    auto call = call_with_key(used.c_str());
    const auto replay = ok<Transfer>([&](yv_transfer **res, yv_error **e) {
        return yv_client_send_funds(no_retry.get(), params.get(), call.get(), res, e);
    });
    EXPECT_EQ(str(yv_transfer_idempotency_key(replay.get())), used);
    EXPECT_EQ(sb.stat("transactions_created"), 1);
}

TEST_F(CapiErrors, CancelFromAnotherThreadEndsAStuckCallPromptly) {
    sb.fault(R"({"path":"/accounts/get-accounts","count":1,"mode":"delay","delay_ms":10000})");
    yv_cancel *cancel = nullptr;
    ASSERT_EQ(yv_cancel_new(&cancel, nullptr), YV_OK);
    Cancel cancel_owned(cancel);
    yv_call *raw = nullptr;
    ASSERT_EQ(yv_call_new(&raw, nullptr), YV_OK);
    Call call(raw);
    ASSERT_EQ(yv_call_set_cancel(raw, cancel, nullptr), YV_OK);

    std::thread trigger([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        yv_cancel_trigger(cancel);
    });
    const auto start = Clock::now();
    yv_account_list *out = nullptr;
    Err err;
    const yv_status st = yv_client_list_accounts(c.get(), raw, &out, err.out());
    const auto elapsed = Clock::now() - start;
    trigger.join();
    EXPECT_EQ(st, YV_E_CANCELLED) << describe(st, err);
    EXPECT_EQ(out, nullptr);
    EXPECT_LT(elapsed, std::chrono::seconds(2));
    EXPECT_GE(elapsed, std::chrono::milliseconds(250));

    // A triggered token stays triggered: the next call with it ends at once.
    EXPECT_EQ(yv_client_list_accounts(c.get(), raw, &out, err.out()), YV_E_CANCELLED);
}

TEST_F(CapiErrors, PerCallDeadline) {
    sb.fault(R"({"path":"/accounts/get-accounts","count":5,"mode":"delay","delay_ms":3000})");
    yv_call *raw = nullptr;
    ASSERT_EQ(yv_call_new(&raw, nullptr), YV_OK);
    Call call(raw);
    ASSERT_EQ(yv_call_set_timeout_ms(raw, 400, nullptr), YV_OK);
    const auto start = Clock::now();
    yv_account_list *out = nullptr;
    Err err;
    EXPECT_EQ(yv_client_list_accounts(c.get(), raw, &out, err.out()), YV_E_TIMEOUT)
        << err.message();
    EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(2000));
}

TEST_F(CapiErrors, GarbageIsAProtocolError) {
    sb.fault(R"({"path":"/accounts/get-accounts","count":5,"mode":"garbage"})");
    auto no_retry = client_with_retries(0);
    yv_account_list *out = nullptr;
    Err err;
    EXPECT_EQ(yv_client_list_accounts(no_retry.get(), nullptr, &out, err.out()), YV_E_PROTOCOL)
        << err.message();
}

}  // namespace
