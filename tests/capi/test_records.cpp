// The typed records of the C ABI against a sandbox: decimals are exact text (a 1e-18 deposit
// reads back to the last digit), integers come from numeric strings and JSON numbers through an
// out pointer and only when they fit, absent fields are NULL, yv_<record>_json keeps what no
// field names, a list's _get out of range is NULL, and a transfer's key is the call's. Answers
// the sandbox does not give are injected with its `respond` fault.
#include <cstdint>
#include <string>

#include "sandbox_client.hpp"

using namespace capi_test;

namespace {

// `text` as a JSON string literal.
std::string quoted(const std::string &text) {
    std::string out = "\"";
    for (char ch : text) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + '"';
}

bool has(const char *json, const std::string &part) {
    return json && std::string(json).find(part) != std::string::npos;
}

class CapiRecords : public ::testing::Test {
  protected:
    // The next request to `path` is answered with `body`, status 200.
    void answer(const std::string &path, const std::string &body) {
        sb.fault(R"({"path":")" + path + R"(","count":1,"mode":"respond","status":200,"body":)" +
                 quoted(body) + "}");
    }

    yvtest::SandboxProcess sb{sandbox_flags()};
    Client c = session_client(sb);
};

TEST_F(CapiRecords, ATinyDepositReadsBackExactly) {
    const auto from = funded_asset(c.get(), sb, "1000.123456789012345678");
    sb.deposit(from.asset_id, "0.000000000000000001");
    const auto balance = ok<Balance>([&](yv_balance **out, yv_error **e) {
        return yv_client_check_balance(c.get(), from.asset_id.c_str(), nullptr, out, e);
    });
    EXPECT_STREQ(yv_balance_balance(balance.get()), "1000.123456789012345679");
    const auto assets = ok<AssetList>([&](yv_asset_list **out, yv_error **e) {
        return yv_client_list_assets(c.get(), from.account_id.c_str(), nullptr, out, e);
    });
    ASSERT_EQ(yv_asset_list_count(assets.get()), 1u);
    EXPECT_STREQ(yv_asset_balance(yv_asset_list_get(assets.get(), 0)), "1000.123456789012345679");

    // 1e-18 sent: amount, debit and what is left, every digit kept.
    auto params = send_params(from, "0.000000000000000001");
    const auto sent = ok<Transfer>([&](yv_transfer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), params.get(), nullptr, out, e);
    });
    EXPECT_STREQ(yv_transfer_amount(sent.get()), "0.000000000000000001");
    EXPECT_STREQ(yv_transfer_total_debited(sent.get()), "0.002000000000000001");
    EXPECT_STREQ(yv_transfer_balance_after(sent.get()), "1000.121456789012345678");
    const auto history = ok<TransactionList>([&](yv_transaction_list **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), nullptr, nullptr, out, e);
    });
    ASSERT_EQ(yv_transaction_list_count(history.get()), 1u);
    EXPECT_STREQ(yv_transaction_amount(yv_transaction_list_get(history.get(), 0)),
                 "0.000000000000000001");
}

// An answer's number written as a JSON number keeps every digit too, and its JSON view holds it
// as a string.
TEST_F(CapiRecords, ADecimalWrittenAsAJsonNumberKeepsEveryDigit) {
    answer("/balance/check",
           R"({"data":{"asset_id":"a","balance":123456789012345678901234567890.123456789012345678,)"
           R"("balance_usd":"0.10","last_updated":"t"}})");
    const auto balance = ok<Balance>([&](yv_balance **out, yv_error **e) {
        return yv_client_check_balance(c.get(), "a", nullptr, out, e);
    });
    EXPECT_STREQ(yv_balance_balance(balance.get()),
                 "123456789012345678901234567890.123456789012345678");
    EXPECT_STREQ(yv_balance_balance_usd(balance.get()), "0.10");
    EXPECT_STREQ(yv_balance_updated_at(balance.get()), "t");
    EXPECT_TRUE(has(yv_balance_json(balance.get()),
                    R"("balance":"123456789012345678901234567890.123456789012345678")"))
        << yv_balance_json(balance.get());
}

TEST_F(CapiRecords, AssetCountIsAnIntegerWhereTheAnswerHasOne) {
    const auto account = ok<Account>([&](yv_account **out, yv_error **e) {
        return yv_client_create_account(c.get(), "ops", nullptr, nullptr, out, e);
    });
    int64_t n = 7;
    EXPECT_FALSE(yv_account_assets(account.get(), &n)) << "the create answer has no count";
    EXPECT_EQ(n, 7) << "an absent integer leaves *out alone";
    EXPECT_FALSE(yv_account_assets(account.get(), nullptr));
    EXPECT_STREQ(yv_account_type(account.get()), "business") << "the default type";

    // The sandbox writes the count as a string, "0".
    auto accounts = ok<AccountList>([&](yv_account_list **out, yv_error **e) {
        return yv_client_list_accounts(c.get(), nullptr, out, e);
    });
    ASSERT_EQ(yv_account_list_count(accounts.get()), 1u);
    EXPECT_TRUE(yv_account_assets(yv_account_list_get(accounts.get(), 0), &n));
    EXPECT_EQ(n, 0);
    EXPECT_TRUE(has(yv_account_json(yv_account_list_get(accounts.get(), 0)), R"("assets":"0")"));

    ok<Asset>([&](yv_asset **out, yv_error **e) {
        return yv_client_add_asset(c.get(), yv_account_id(account.get()), "solana", "SOL", nullptr,
                                   out, e);
    });
    accounts = ok<AccountList>([&](yv_account_list **out, yv_error **e) {
        return yv_client_list_accounts(c.get(), nullptr, out, e);
    });
    ASSERT_EQ(yv_account_list_count(accounts.get()), 1u);
    EXPECT_TRUE(yv_account_assets(yv_account_list_get(accounts.get(), 0), &n));
    EXPECT_EQ(n, 1);
    EXPECT_TRUE(yv_account_assets(yv_account_list_get(accounts.get(), 0), nullptr));
}

TEST_F(CapiRecords, IntegersFromStringsAndNumbersOnlyWhenTheyFit) {
    answer("/accounts/get-accounts",
           R"({"data":[{"account_id":"a1","assets":"3"},{"_id":"a2","asset_count":12},)"
           R"({"account_id":"a3","assets":"many"},{"account_id":"a4","assets":1.5},)"
           R"({"account_id":"a5","assets":null},{"id":"a6"}],"message":"ok"})");
    const auto accounts = ok<AccountList>([&](yv_account_list **out, yv_error **e) {
        return yv_client_list_accounts(c.get(), nullptr, out, e);
    });
    ASSERT_EQ(yv_account_list_count(accounts.get()), 6u);
    const int64_t expected[] = {3, 12};
    for (size_t i = 0; i < 6; ++i) {
        const yv_account *a = yv_account_list_get(accounts.get(), i);
        EXPECT_EQ(str(yv_account_id(a)), "a" + std::to_string(i + 1));
        int64_t n = -1;
        if (i < 2) {
            EXPECT_TRUE(yv_account_assets(a, &n)) << i;
            EXPECT_EQ(n, expected[i]);
        } else {
            EXPECT_FALSE(yv_account_assets(a, &n)) << i;
            EXPECT_EQ(n, -1);
        }
        EXPECT_EQ(yv_account_name(a), nullptr);
        EXPECT_EQ(yv_account_status(a), nullptr);
        // The record's own object: the envelope's `message` is not in it.
        EXPECT_FALSE(has(yv_account_json(a), "message")) << yv_account_json(a);
    }
}

TEST_F(CapiRecords, AbsentFieldsAreNull) {
    const auto from = funded_asset(c.get(), sb, "5");
    const auto balance = ok<Balance>([&](yv_balance **out, yv_error **e) {
        return yv_client_check_balance(c.get(), from.asset_id.c_str(), nullptr, out, e);
    });
    EXPECT_STREQ(yv_balance_balance(balance.get()), "5");
    EXPECT_EQ(yv_balance_balance_usd(balance.get()), nullptr) << "the sandbox gives no USD value";

    // No description: the history writes null, read as absent; the others are there.
    auto params = send_params(from, "1");
    ok<Transfer>([&](yv_transfer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), params.get(), nullptr, out, e);
    });
    const auto history = ok<TransactionList>([&](yv_transaction_list **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), nullptr, nullptr, out, e);
    });
    ASSERT_EQ(yv_transaction_list_count(history.get()), 1u);
    const yv_transaction *t = yv_transaction_list_get(history.get(), 0);
    EXPECT_EQ(yv_transaction_description(t), nullptr);
    EXPECT_TRUE(has(yv_transaction_json(t), R"("description":null)")) << yv_transaction_json(t);
    EXPECT_STREQ(yv_transaction_category(t), "business");
    EXPECT_STREQ(yv_transaction_priority(t), "medium");

    // A value that is no decimal reads as absent; the next wire key that fits is taken.
    answer("/balance/check", R"({"data":{"balance":"N/A","amount":"12.50","balance_usd":"n/a"}})");
    const auto odd = ok<Balance>([&](yv_balance **out, yv_error **e) {
        return yv_client_check_balance(c.get(), "a", nullptr, out, e);
    });
    EXPECT_STREQ(yv_balance_balance(odd.get()), "12.50");
    EXPECT_EQ(yv_balance_balance_usd(odd.get()), nullptr);
    EXPECT_EQ(yv_balance_asset_id(odd.get()), nullptr);
    EXPECT_EQ(yv_balance_updated_at(odd.get()), nullptr);
    EXPECT_TRUE(has(yv_balance_json(odd.get()), R"("balance":"N/A")"))
        << yv_balance_json(odd.get());
}

TEST_F(CapiRecords, JsonHoldsWhatNoFieldNames) {
    const auto from = funded_asset(c.get(), sb, "5");
    const auto accounts = ok<AccountList>([&](yv_account_list **out, yv_error **e) {
        return yv_client_list_accounts(c.get(), nullptr, out, e);
    });
    ASSERT_EQ(yv_account_list_count(accounts.get()), 1u);
    const char *account = yv_account_json(yv_account_list_get(accounts.get(), 0));
    EXPECT_TRUE(has(account, R"("user_id":"usr_)")) << account;

    const auto assets = ok<AssetList>([&](yv_asset_list **out, yv_error **e) {
        return yv_client_list_assets(c.get(), nullptr, nullptr, out, e);
    });
    ASSERT_EQ(yv_asset_list_count(assets.get()), 1u);
    const char *asset = yv_asset_json(yv_asset_list_get(assets.get(), 0));
    EXPECT_TRUE(has(asset, R"("token_type":"token")")) << asset;
    EXPECT_TRUE(has(asset, R"("asset_short_name":"USDC")")) << asset;

    const auto balance = ok<Balance>([&](yv_balance **out, yv_error **e) {
        return yv_client_check_balance(c.get(), from.asset_id.c_str(), nullptr, out, e);
    });
    EXPECT_TRUE(has(yv_balance_json(balance.get()), R"("account_id":")" + from.account_id + '"'))
        << yv_balance_json(balance.get());

    auto params = send_params(from, "1");
    const auto sent = ok<Transfer>([&](yv_transfer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), params.get(), nullptr, out, e);
    });
    const char *transfer = yv_transfer_json(sent.get());
    EXPECT_TRUE(
        has(transfer, R"("receiving_address":"0x52908400098527886E0F7030069857D2E4169EE7")"))
        << transfer;
    EXPECT_TRUE(has(transfer, R"("category":"business")")) << transfer;

    const auto history = ok<TransactionList>([&](yv_transaction_list **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), nullptr, nullptr, out, e);
    });
    ASSERT_EQ(yv_transaction_list_count(history.get()), 1u);
    const char *txn = yv_transaction_json(yv_transaction_list_get(history.get(), 0));
    EXPECT_TRUE(has(txn, R"("asset_name":"USDC")")) << txn;
    EXPECT_TRUE(has(txn, R"("chain_code":")")) << txn;
}

TEST_F(CapiRecords, AListsGetOutOfRangeIsNull) {
    // Empty lists are lists: non-NULL, no records.
    const auto no_accounts = ok<AccountList>([&](yv_account_list **out, yv_error **e) {
        return yv_client_list_accounts(c.get(), nullptr, out, e);
    });
    ASSERT_TRUE(no_accounts);
    EXPECT_EQ(yv_account_list_count(no_accounts.get()), 0u);
    EXPECT_EQ(yv_account_list_get(no_accounts.get(), 0), nullptr);
    const auto no_txns = ok<TransactionList>([&](yv_transaction_list **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), nullptr, nullptr, out, e);
    });
    ASSERT_TRUE(no_txns);
    EXPECT_EQ(yv_transaction_list_count(no_txns.get()), 0u);
    EXPECT_EQ(yv_transaction_list_get(no_txns.get(), 0), nullptr);
    const auto no_hooks = ok<WebhookList>([&](yv_webhook_list **out, yv_error **e) {
        return yv_client_list_webhooks(c.get(), nullptr, out, e);
    });
    ASSERT_TRUE(no_hooks);
    EXPECT_EQ(yv_webhook_list_count(no_hooks.get()), 0u);
    EXPECT_EQ(yv_webhook_list_get(no_hooks.get(), 0), nullptr);

    const auto from = funded_asset(c.get(), sb, "5");
    auto params = send_params(from, "1");
    ok<Transfer>([&](yv_transfer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), params.get(), nullptr, out, e);
    });
    const char *events[] = {"transaction.confirmed"};
    Webhook hook(nullptr);
    {
        yv_webhook *raw = nullptr;
        ASSERT_EQ(yv_client_create_webhook(c.get(), "https://example.com/h", events, 1, nullptr,
                                           nullptr, &raw, nullptr),
                  YV_OK);
        hook.reset(raw);
    }

    const auto accounts = ok<AccountList>([&](yv_account_list **out, yv_error **e) {
        return yv_client_list_accounts(c.get(), nullptr, out, e);
    });
    ASSERT_EQ(yv_account_list_count(accounts.get()), 1u);
    EXPECT_NE(yv_account_list_get(accounts.get(), 0), nullptr);
    EXPECT_EQ(yv_account_list_get(accounts.get(), 1), nullptr);
    EXPECT_EQ(yv_account_list_get(accounts.get(), SIZE_MAX), nullptr);
    const auto assets = ok<AssetList>([&](yv_asset_list **out, yv_error **e) {
        return yv_client_list_assets(c.get(), nullptr, nullptr, out, e);
    });
    ASSERT_EQ(yv_asset_list_count(assets.get()), 1u);
    EXPECT_EQ(yv_asset_list_get(assets.get(), 1), nullptr);
    EXPECT_EQ(yv_asset_list_get(assets.get(), SIZE_MAX), nullptr);
    const auto txns = ok<TransactionList>([&](yv_transaction_list **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), nullptr, nullptr, out, e);
    });
    ASSERT_EQ(yv_transaction_list_count(txns.get()), 1u);
    EXPECT_EQ(yv_transaction_list_get(txns.get(), 1), nullptr);
    EXPECT_EQ(yv_transaction_list_get(txns.get(), SIZE_MAX), nullptr);
    const auto hooks = ok<WebhookList>([&](yv_webhook_list **out, yv_error **e) {
        return yv_client_list_webhooks(c.get(), nullptr, out, e);
    });
    ASSERT_EQ(yv_webhook_list_count(hooks.get()), 1u);
    EXPECT_STREQ(yv_webhook_id(yv_webhook_list_get(hooks.get(), 0)), yv_webhook_id(hook.get()));
    EXPECT_EQ(yv_webhook_list_get(hooks.get(), 1), nullptr);
    EXPECT_EQ(yv_webhook_list_get(hooks.get(), SIZE_MAX), nullptr);
}

// The key is the one the call carried, whatever the answer says (or leaves out).
TEST_F(CapiRecords, ATransfersKeyIsTheCallsOrAFreshUuidV4) {
    const auto from = funded_asset(c.get(), sb, "10");
    auto params = send_params(from, "1");
    std::string previous;
    for (int i = 0; i < 2; ++i) {
        const auto sent = ok<Transfer>([&](yv_transfer **out, yv_error **e) {
            return yv_client_send_funds(c.get(), params.get(), nullptr, out, e);
        });
        const std::string key = str(yv_transfer_idempotency_key(sent.get()));
        ASSERT_EQ(key.size(), 36u) << key;
        EXPECT_EQ(key[8], '-');
        EXPECT_EQ(key[14], '4') << "version 4: " << key;
        EXPECT_NE(std::string("89ab").find(key[19]), std::string::npos) << "variant: " << key;
        EXPECT_NE(key, previous) << "a new key for each call";
        previous = key;
    }

    yv_call *raw = nullptr;
    ASSERT_EQ(yv_call_new(&raw, nullptr), YV_OK);
    Call call(raw);
    ASSERT_EQ(yv_call_set_idempotency_key(raw, "order-7", nullptr), YV_OK);
    answer("/transactions/send-funds",
           R"({"status":true,"data":{"transaction_id":"txn_1","total_fee":"0.62000000",)"
           R"("gas_tx_hash":null}})");
    const auto bare = ok<Transfer>([&](yv_transfer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), params.get(), raw, out, e);
    });
    EXPECT_STREQ(yv_transfer_idempotency_key(bare.get()), "order-7");
    EXPECT_STREQ(yv_transfer_id(bare.get()), "txn_1");
    EXPECT_STREQ(yv_transfer_fee(bare.get()), "0.62000000");
    EXPECT_EQ(yv_transfer_hash(bare.get()), nullptr);
    EXPECT_EQ(yv_transfer_amount(bare.get()), nullptr);
    EXPECT_TRUE(has(yv_transfer_json(bare.get()), R"("gas_tx_hash":null)"))
        << yv_transfer_json(bare.get());

    answer("/transactions/send-funds",
           R"({"data":{"transaction_id":"txn_2","idempotency_key":"not-the-call's"}})");
    const auto other = ok<Transfer>([&](yv_transfer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), params.get(), raw, out, e);
    });
    EXPECT_STREQ(yv_transfer_idempotency_key(other.get()), "order-7");
}

}  // namespace
