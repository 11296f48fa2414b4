// Every resource call of the C ABI against a sandbox: accounts, assets, balance, gas price,
// send-funds (and the idempotency key it used), transactions, the whole answer (envelope),
// webhooks, the generic request and the rate-limit values.
#include <string>

#include "sandbox_client.hpp"

using namespace capi_test;

namespace {

class CapiResources : public ::testing::Test {
  protected:
    FundedAsset funded(const char *deposit) { return funded_asset(c.get(), sb, deposit); }

    yvtest::SandboxProcess sb{sandbox_flags()};
    Client c = session_client(sb);
};

TEST_F(CapiResources, AccountsAssetsAndBalances) {
    const auto [account_id, asset_id] = funded("100.25");
    const auto accounts = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_list_accounts(c.get(), nullptr, out, e);
    });
    EXPECT_NE(accounts.find(account_id), std::string::npos) << accounts;

    const auto mine = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_list_assets(c.get(), account_id.c_str(), nullptr, out, e);
    });
    EXPECT_NE(mine.find(asset_id), std::string::npos) << mine;
    const auto all = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_list_assets(c.get(), nullptr, nullptr, out, e);
    });
    EXPECT_NE(all.find(asset_id), std::string::npos) << all;

    const auto balance = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_check_balance(c.get(), asset_id.c_str(), nullptr, out, e);
    });
    // Amounts are exact decimal strings, never a double.
    EXPECT_EQ(json_field(balance, "balance").rfind("100.25", 0), 0u) << balance;
}

TEST_F(CapiResources, GasPrice) {
    const auto gas = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_gas_price(c.get(), "ethereum", "high", R"({"amount_usd":"10"})", nullptr,
                                   out, e);
    });
    EXPECT_EQ(gas.front(), '{') << gas;
    const auto defaults = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_gas_price(c.get(), "solana", nullptr, nullptr, nullptr, out, e);
    });
    EXPECT_EQ(defaults.front(), '{') << defaults;
}

TEST_F(CapiResources, SendFundsReturnsTheIdempotencyKeyItUsed) {
    const auto from = funded("50");
    const auto &asset_id = from.asset_id;
    auto params = send_params(from, "1.5");
    // Every optional field too.
    ASSERT_EQ(yv_send_set_priority(params.get(), "fast", nullptr), YV_OK);
    ASSERT_EQ(yv_send_set_description(params.get(), "invoice 42", nullptr), YV_OK);
    ASSERT_EQ(yv_send_set_use_self_funding(params.get(), false, nullptr), YV_OK);

    // A generated key: a UUIDv4, in the JSON and in the out parameter.
    yv_buffer *json_raw = nullptr, *key_raw = nullptr;
    Err err;
    ASSERT_EQ(yv_client_send_funds(c.get(), params.get(), nullptr, &json_raw, &key_raw, err.out()),
              YV_OK)
        << err.message();
    Buffer json(json_raw), key(key_raw);
    const std::string generated = text(key_raw);
    EXPECT_EQ(generated.size(), 36u) << generated;
    EXPECT_EQ(generated[14], '4') << "UUID version 4: " << generated;
    EXPECT_EQ(json_field(text(json_raw), "idempotency_key"), generated);
    const auto first_txn = json_field(text(json_raw), "transaction_id");
    EXPECT_FALSE(first_txn.empty());
    EXPECT_EQ(json_field(text(json_raw), "amount"), "1.5");

    // The caller's key; the same request again is replayed, not sent twice.
    yv_call *raw_call = nullptr;
    ASSERT_EQ(yv_call_new(&raw_call, nullptr), YV_OK);
    Call call(raw_call);
    ASSERT_EQ(yv_call_set_idempotency_key(raw_call, "order-42", nullptr), YV_OK);
    const auto a = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), params.get(), raw_call, out, nullptr, e);
    });
    EXPECT_EQ(json_field(a, "idempotency_key"), "order-42");
    const long created = sb.stat("transactions_created");
    const auto b = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), params.get(), raw_call, out, nullptr, e);
    });
    EXPECT_EQ(json_field(b, "transaction_id"), json_field(a, "transaction_id"));
    EXPECT_EQ(sb.stat("transactions_created"), created);

    // 50 - 2 * (1.5 + 0.002 fee)
    const auto balance = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_check_balance(c.get(), asset_id.c_str(), nullptr, out, e);
    });
    EXPECT_EQ(json_field(balance, "balance").rfind("46.996", 0), 0u) << balance;

    // The transaction list, with filters and paging.
    yv_tx_query *q = nullptr;
    ASSERT_EQ(yv_tx_query_new(&q, nullptr), YV_OK);
    TxQuery query(q);
    ASSERT_EQ(yv_tx_query_set_search(q, first_txn.c_str(), nullptr), YV_OK);
    const auto found = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), q, nullptr, out, e);
    });
    EXPECT_NE(found.find(first_txn), std::string::npos) << found;
    EXPECT_EQ(found.find(json_field(a, "transaction_id")), std::string::npos) << found;

    ASSERT_EQ(yv_tx_query_set_search(q, "", nullptr), YV_OK);
    ASSERT_EQ(yv_tx_query_set_chain(q, "ethereum", nullptr), YV_OK);
    ASSERT_EQ(yv_tx_query_set_status(q, "confirmed", nullptr), YV_OK);
    ASSERT_EQ(yv_tx_query_set_limit(q, 1, nullptr), YV_OK);
    ASSERT_EQ(yv_tx_query_set_page(q, 2, nullptr), YV_OK);
    const auto page2 = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), q, nullptr, out, e);
    });
    EXPECT_NE(page2.find("txn_"), std::string::npos) << page2;
    ASSERT_EQ(yv_tx_query_set_page(q, 3, nullptr), YV_OK);
    const auto page3 = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), q, nullptr, out, e);
    });
    EXPECT_EQ(page3.find("txn_"), std::string::npos) << page3;

    const auto all = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), nullptr, nullptr, out, e);
    });
    EXPECT_NE(all.find(first_txn), std::string::npos) << all;
}

TEST_F(CapiResources, EnvelopeReturnsTheSiblingsOfData) {
    const auto from = funded("10");
    auto params = send_params(from, "0.1");
    for (int i = 0; i < 3; ++i) {
        ok_json([&](yv_buffer **out, yv_error **e) {
            return yv_client_send_funds(c.get(), params.get(), nullptr, out, nullptr, e);
        });
    }
    yv_tx_query *q = nullptr;
    ASSERT_EQ(yv_tx_query_new(&q, nullptr), YV_OK);
    TxQuery query(q);
    ASSERT_EQ(yv_tx_query_set_limit(q, 2, nullptr), YV_OK);

    // The default: `data` alone.
    const auto data = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), q, nullptr, out, e);
    });
    ASSERT_FALSE(data.empty());
    EXPECT_EQ(data.front(), '[') << data;
    EXPECT_EQ(data.find("pagination"), std::string::npos) << data;

    yv_call *raw_call = nullptr;
    ASSERT_EQ(yv_call_new(&raw_call, nullptr), YV_OK);
    Call call(raw_call);
    Err err;
    ASSERT_EQ(yv_call_set_envelope(raw_call, true, err.out()), YV_OK) << err.message();
    EXPECT_EQ(err.get(), nullptr);
    const auto whole = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), q, raw_call, out, e);
    });
    EXPECT_NE(whole.find("\"data\":" + data), std::string::npos) << whole;
    // Numbers come back as strings, as everywhere in a payload.
    EXPECT_NE(whole.find(R"("pagination":{"page":"1","limit":"2","total":"3","pages":"2"})"),
              std::string::npos)
        << whole;
    EXPECT_EQ(json_field(whole, "message"), "Transactions fetched successfully") << whole;

    // Other payload calls too; send-funds' key stays in `data`.
    const auto accounts = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_list_accounts(c.get(), raw_call, out, e);
    });
    EXPECT_EQ(accounts.rfind("{", 0), 0u) << accounts;
    EXPECT_NE(accounts.find("\"data\":[{"), std::string::npos) << accounts;
    ASSERT_EQ(yv_call_set_idempotency_key(raw_call, "env-key-1", nullptr), YV_OK);
    const auto sent = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), params.get(), raw_call, out, nullptr, e);
    });
    EXPECT_NE(sent.find("\"data\":{"), std::string::npos) << sent;
    EXPECT_EQ(json_field(sent, "idempotency_key"), "env-key-1") << sent;

    // Switched off again: `data` alone.
    ASSERT_EQ(yv_call_set_envelope(raw_call, false, nullptr), YV_OK);
    const auto again = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), q, raw_call, out, e);
    });
    EXPECT_EQ(again.find("pagination"), std::string::npos) << again;
}

TEST_F(CapiResources, WebhookSubscriptions) {
    const char *events[] = {"transaction.confirmed", "transaction.failed"};
    yv_webhook *raw = nullptr;
    Err err;
    ASSERT_EQ(yv_client_create_webhook(c.get(), "https://example.com/hooks", events, 2,
                                       "ops alerts", nullptr, &raw, err.out()),
              YV_OK)
        << err.message();
    Webhook wh(raw);
    const std::string id = yv_webhook_id(raw);
    EXPECT_FALSE(id.empty());
    EXPECT_STREQ(yv_webhook_url(raw), "https://example.com/hooks");
    ASSERT_EQ(yv_webhook_events_count(raw), 2u);
    EXPECT_STREQ(yv_webhook_event(raw, 1), "transaction.failed");
    EXPECT_EQ(yv_webhook_event(raw, 2), nullptr);
    EXPECT_STREQ(yv_webhook_description(raw), "ops alerts");
    ASSERT_NE(yv_webhook_secret(raw), nullptr);
    EXPECT_FALSE(std::string(yv_webhook_secret(raw)).empty());
    EXPECT_NE(yv_webhook_created_at(raw), nullptr);
    EXPECT_NE(std::string(yv_webhook_json(raw)).find(id), std::string::npos);

    // The secret signs deliveries: what the signer produces with it verifies.
    const std::string body = R"({"id":"evt_7","type":"transaction.confirmed","data":{}})";
    yv_headers *h = nullptr;
    ASSERT_EQ(yv_webhook_sign(reinterpret_cast<const uint8_t *>(body.data()), body.size(),
                              yv_webhook_secret(raw), YV_NOW, &h, nullptr),
              YV_OK);
    Headers headers(h);
    EXPECT_EQ(yv_webhook_verify(reinterpret_cast<const uint8_t *>(body.data()), body.size(), h,
                                yv_webhook_secret(raw), 0, true, nullptr, err.out()),
              YV_OK)
        << err.message();

    auto listed = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_list_webhooks(c.get(), nullptr, out, e);
    });
    EXPECT_NE(listed.find(id), std::string::npos) << listed;
    EXPECT_EQ(listed.find(yv_webhook_secret(raw)), std::string::npos) << "secret shown once";

    ASSERT_EQ(yv_client_delete_webhook(c.get(), id.c_str(), nullptr, err.out()), YV_OK)
        << err.message();
    listed = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_list_webhooks(c.get(), nullptr, out, e);
    });
    EXPECT_EQ(listed.find(id), std::string::npos) << listed;
    EXPECT_EQ(yv_client_delete_webhook(c.get(), id.c_str(), nullptr, err.out()), YV_E_NOT_FOUND);
}

TEST_F(CapiResources, GenericRequestReachesAnyEndpoint) {
    const auto [account_id, asset_id] = funded("7");
    const auto accounts = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_request(c.get(), "GET", "/accounts/get-accounts", nullptr, 0, nullptr, out,
                                 e);
    });
    EXPECT_NE(accounts.find(account_id), std::string::npos);
    const std::string body = "{\"asset_id\":\"" + asset_id + "\"}";
    const auto balance = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_request(c.get(), "POST", "balance/check", body.data(), body.size(),
                                 nullptr, out, e);
    });
    EXPECT_EQ(json_field(balance, "balance").rfind("7", 0), 0u) << balance;

    yv_buffer *out = nullptr;
    Err err;
    EXPECT_EQ(yv_client_request(c.get(), "GET", "/no/such/endpoint", nullptr, 0, nullptr, &out,
                                err.out()),
              YV_E_NOT_FOUND);
    EXPECT_EQ(out, nullptr);
    EXPECT_EQ(yv_client_request(c.get(), "POST", "/balance/check", "{not json", 9, nullptr, &out,
                                err.out()),
              YV_E_INVALID_ARGUMENT)
        << "a body that is not JSON is refused before any I/O: " << err.message();
}

TEST(CapiRateLimit, LastValuesAreReadable) {
    yvtest::SandboxProcess sb({"--rate-limit", "1000", "--totp-period", "2"});
    auto c = session_client(sb);
    int64_t limit = 0, remaining = 0, reset = 0;
    ASSERT_EQ(yv_client_rate_limit(c.get(), &limit, &remaining, &reset, nullptr), YV_OK);
    EXPECT_EQ(limit, -1) << "nothing seen yet";
    for (int i = 0; i < 3; ++i) {
        ok_json([&](yv_buffer **out, yv_error **e) {
            return yv_client_list_accounts(c.get(), nullptr, out, e);
        });
    }
    ASSERT_EQ(yv_client_rate_limit(c.get(), &limit, &remaining, &reset, nullptr), YV_OK);
    EXPECT_EQ(limit, 1000);
    EXPECT_LE(remaining, 997);
    EXPECT_GE(remaining, 0);
    EXPECT_GT(reset, 0);
    ASSERT_EQ(yv_client_rate_limit(c.get(), nullptr, &remaining, nullptr, nullptr), YV_OK);
}

}  // namespace
