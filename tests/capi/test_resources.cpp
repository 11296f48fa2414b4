// Every resource call of the C ABI against a sandbox, read through the typed records: accounts,
// assets, balance, gas price, send-funds (and the idempotency key it used), transactions, the
// whole answer (envelope) where a call returns JSON, webhooks, the generic request and the
// rate-limit values.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

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
    const auto account = ok<Account>([&](yv_account **out, yv_error **e) {
        return yv_client_create_account(c.get(), "treasury", "personal", nullptr, out, e);
    });
    const std::string account_id = str(yv_account_id(account.get()));
    ASSERT_FALSE(account_id.empty());
    EXPECT_STREQ(yv_account_name(account.get()), "treasury");
    EXPECT_STREQ(yv_account_type(account.get()), "personal");
    EXPECT_STREQ(yv_account_status(account.get()), "active");
    EXPECT_NE(yv_account_created_at(account.get()), nullptr);

    const auto asset = ok<Asset>([&](yv_asset **out, yv_error **e) {
        return yv_client_add_asset(c.get(), account_id.c_str(), "solana", "USDC_SOL", nullptr, out,
                                   e);
    });
    const std::string asset_id = str(yv_asset_id(asset.get()));
    ASSERT_FALSE(asset_id.empty());
    EXPECT_EQ(str(yv_asset_account_id(asset.get())), account_id);
    EXPECT_STREQ(yv_asset_chain(asset.get()), "solana");
    EXPECT_STREQ(yv_asset_ticker(asset.get()), "USDC_SOL");
    ASSERT_NE(yv_asset_address(asset.get()), nullptr);
    EXPECT_STREQ(yv_asset_balance(asset.get()), "0");
    EXPECT_STREQ(yv_asset_status(asset.get()), "active");

    const auto accounts = ok<AccountList>([&](yv_account_list **out, yv_error **e) {
        return yv_client_list_accounts(c.get(), nullptr, out, e);
    });
    ASSERT_EQ(yv_account_list_count(accounts.get()), 1u);
    const yv_account *listed = yv_account_list_get(accounts.get(), 0);
    EXPECT_EQ(str(yv_account_id(listed)), account_id);
    EXPECT_STREQ(yv_account_name(listed), "treasury");
    int64_t assets = -1;
    EXPECT_TRUE(yv_account_assets(listed, &assets));
    EXPECT_EQ(assets, 1);

    const auto mine = ok<AssetList>([&](yv_asset_list **out, yv_error **e) {
        return yv_client_list_assets(c.get(), account_id.c_str(), nullptr, out, e);
    });
    ASSERT_EQ(yv_asset_list_count(mine.get()), 1u);
    EXPECT_EQ(str(yv_asset_id(yv_asset_list_get(mine.get(), 0))), asset_id);
    EXPECT_STREQ(yv_asset_address(yv_asset_list_get(mine.get(), 0)), yv_asset_address(asset.get()));
    const auto all = ok<AssetList>([&](yv_asset_list **out, yv_error **e) {
        return yv_client_list_assets(c.get(), nullptr, nullptr, out, e);
    });
    ASSERT_EQ(yv_asset_list_count(all.get()), 1u);
    EXPECT_EQ(str(yv_asset_id(yv_asset_list_get(all.get(), 0))), asset_id);

    // Amounts are exact decimal text, never a double.
    sb.deposit(asset_id, "100.25");
    const auto balance = ok<Balance>([&](yv_balance **out, yv_error **e) {
        return yv_client_check_balance(c.get(), asset_id.c_str(), nullptr, out, e);
    });
    EXPECT_STREQ(yv_balance_balance(balance.get()), "100.25");
    EXPECT_EQ(str(yv_balance_asset_id(balance.get())), asset_id);
    EXPECT_STREQ(yv_balance_chain(balance.get()), "solana");
    EXPECT_STREQ(yv_balance_ticker(balance.get()), "USDC_SOL");
    EXPECT_STREQ(yv_balance_address(balance.get()), yv_asset_address(asset.get()));
    EXPECT_NE(yv_balance_updated_at(balance.get()), nullptr);

    yv_balance *missing = nullptr;
    Err err;
    EXPECT_EQ(
        yv_client_check_balance(c.get(), "asset_does_not_exist", nullptr, &missing, err.out()),
        YV_E_NOT_FOUND);
    EXPECT_EQ(missing, nullptr);
}

TEST_F(CapiResources, GasPrice) {
    const auto gas = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_gas_price(c.get(), "ethereum", "high", nullptr, nullptr, nullptr,
                                   R"({"note":"10"})", nullptr, out, e);
    });
    EXPECT_EQ(gas.front(), '{') << gas;
    const auto defaults = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_gas_price(c.get(), "solana", nullptr, nullptr, nullptr, nullptr, nullptr,
                                   nullptr, out, e);
    });
    EXPECT_EQ(defaults.front(), '{') << defaults;
}

// amount_usd, asset_id and token_symbol travel as typed fields; the sandbox echoes what it used:
// the amount as its exact decimal, the asset's id, and the fee charged in the asset's symbol.
TEST_F(CapiResources, GasPriceForAnAssetAndAmount) {
    const auto from = funded(nullptr);
    const auto gas = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_gas_price(c.get(), "ethereum", "low", "25.50", from.asset_id.c_str(),
                                   "usdc", nullptr, nullptr, out, e);
    });
    EXPECT_EQ(json_field(gas, "amount_usd"), "25.5") << gas;
    EXPECT_EQ(json_field(gas, "asset_id"), from.asset_id) << gas;
    EXPECT_EQ(json_field(gas, "token_symbol"), "USDC") << gas;
    EXPECT_EQ(json_field(gas, "feeCurrency"), "USDC") << gas;
    EXPECT_EQ(json_field(gas, "priority"), "low") << gas;
    // Unset, none of them is sent: the fee is in the chain's native token.
    const auto plain = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_gas_price(c.get(), "ethereum", nullptr, nullptr, nullptr, nullptr, nullptr,
                                   nullptr, out, e);
    });
    EXPECT_EQ(json_field(plain, "amount_usd"), "") << plain;
    EXPECT_EQ(json_field(plain, "feeCurrency"), "ETH") << plain;
    // The sandbox checks what it is given: a symbol that is not the asset's is refused.
    yv_buffer *none = nullptr;
    Err err;
    EXPECT_EQ(yv_client_gas_price(c.get(), "ethereum", nullptr, nullptr, from.asset_id.c_str(),
                                  "DAI", nullptr, nullptr, &none, err.out()),
              YV_E_VALIDATION)
        << err.message();
    EXPECT_EQ(none, nullptr);
}

TEST_F(CapiResources, SendFundsReturnsTheIdempotencyKeyItUsed) {
    const auto from = funded("50");
    const auto &asset_id = from.asset_id;
    auto params = send_params(from, "1.5");
    // Every optional field too.
    ASSERT_EQ(yv_send_set_priority(params.get(), "fast", nullptr), YV_OK);
    ASSERT_EQ(yv_send_set_description(params.get(), "invoice 42", nullptr), YV_OK);
    ASSERT_EQ(yv_send_set_use_self_funding(params.get(), false, nullptr), YV_OK);

    // A generated key: a UUIDv4, in the transfer and in what the server answered.
    const auto sent = ok<Transfer>([&](yv_transfer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), params.get(), nullptr, out, e);
    });
    const std::string generated = str(yv_transfer_idempotency_key(sent.get()));
    EXPECT_EQ(generated.size(), 36u) << generated;
    EXPECT_EQ(generated[14], '4') << "UUID version 4: " << generated;
    EXPECT_NE(str(yv_transfer_json(sent.get())).find(R"("idempotency_key":")" + generated + '"'),
              std::string::npos)
        << str(yv_transfer_json(sent.get()));
    const std::string first_txn = str(yv_transfer_id(sent.get()));
    EXPECT_FALSE(first_txn.empty());
    EXPECT_STREQ(yv_transfer_amount(sent.get()), "1.5");
    EXPECT_STREQ(yv_transfer_fee(sent.get()), "0.002");
    EXPECT_STREQ(yv_transfer_total_debited(sent.get()), "1.502");
    EXPECT_STREQ(yv_transfer_balance_after(sent.get()), "48.498");
    EXPECT_STREQ(yv_transfer_status(sent.get()), "confirmed");
    EXPECT_STREQ(yv_transfer_chain(sent.get()), "ethereum");
    EXPECT_STREQ(yv_transfer_ticker(sent.get()), "USDC_ETH");
    EXPECT_NE(yv_transfer_hash(sent.get()), nullptr);
    EXPECT_NE(yv_transfer_created_at(sent.get()), nullptr);

    // The caller's key; the same request again is replayed, not sent twice.
    yv_call *raw_call = nullptr;
    ASSERT_EQ(yv_call_new(&raw_call, nullptr), YV_OK);
    Call call(raw_call);
    ASSERT_EQ(yv_call_set_idempotency_key(raw_call, "order-42", nullptr), YV_OK);
    const auto a = ok<Transfer>([&](yv_transfer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), params.get(), raw_call, out, e);
    });
    EXPECT_STREQ(yv_transfer_idempotency_key(a.get()), "order-42");
    const long created = sb.stat("transactions_created");
    const auto b = ok<Transfer>([&](yv_transfer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), params.get(), raw_call, out, e);
    });
    ASSERT_NE(yv_transfer_id(a.get()), nullptr);
    EXPECT_STREQ(yv_transfer_id(b.get()), yv_transfer_id(a.get()));
    EXPECT_STREQ(yv_transfer_idempotency_key(b.get()), "order-42");
    EXPECT_EQ(sb.stat("transactions_created"), created);

    // 50 - 2 * (1.5 + 0.002 fee), to the last digit.
    const auto balance = ok<Balance>([&](yv_balance **out, yv_error **e) {
        return yv_client_check_balance(c.get(), asset_id.c_str(), nullptr, out, e);
    });
    EXPECT_STREQ(yv_balance_balance(balance.get()), "46.996");
    EXPECT_STREQ(yv_balance_balance(balance.get()), yv_transfer_balance_after(b.get()));

    // The transaction list, with filters and paging.
    yv_tx_query *q = nullptr;
    ASSERT_EQ(yv_tx_query_new(&q, nullptr), YV_OK);
    TxQuery query(q);
    ASSERT_EQ(yv_tx_query_set_search(q, first_txn.c_str(), nullptr), YV_OK);
    const auto found = ok<TransactionList>([&](yv_transaction_list **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), q, nullptr, out, e);
    });
    ASSERT_EQ(yv_transaction_list_count(found.get()), 1u);
    const yv_transaction *t = yv_transaction_list_get(found.get(), 0);
    EXPECT_EQ(str(yv_transaction_id(t)), first_txn);
    EXPECT_STREQ(yv_transaction_amount(t), "1.5");
    EXPECT_STREQ(yv_transaction_fee(t), "0.002");
    EXPECT_STREQ(yv_transaction_hash(t), yv_transfer_hash(sent.get()));
    EXPECT_EQ(str(yv_transaction_asset_id(t)), asset_id);
    EXPECT_STREQ(yv_transaction_to_address(t), "0x52908400098527886E0F7030069857D2E4169EE7");
    EXPECT_STREQ(yv_transaction_priority(t), "high");
    EXPECT_STREQ(yv_transaction_category(t), "business");
    EXPECT_STREQ(yv_transaction_description(t), "invoice 42");

    ASSERT_EQ(yv_tx_query_set_search(q, "", nullptr), YV_OK);
    ASSERT_EQ(yv_tx_query_set_chain(q, "ethereum", nullptr), YV_OK);
    ASSERT_EQ(yv_tx_query_set_status(q, "confirmed", nullptr), YV_OK);
    ASSERT_EQ(yv_tx_query_set_limit(q, 1, nullptr), YV_OK);
    ASSERT_EQ(yv_tx_query_set_page(q, 2, nullptr), YV_OK);
    const auto page2 = ok<TransactionList>([&](yv_transaction_list **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), q, nullptr, out, e);
    });
    ASSERT_EQ(yv_transaction_list_count(page2.get()), 1u);
    EXPECT_EQ(str(yv_transaction_id(yv_transaction_list_get(page2.get(), 0))), first_txn)
        << "newest first: the first transfer is second";
    ASSERT_EQ(yv_tx_query_set_page(q, 3, nullptr), YV_OK);
    const auto page3 = ok<TransactionList>([&](yv_transaction_list **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), q, nullptr, out, e);
    });
    ASSERT_TRUE(page3);
    EXPECT_EQ(yv_transaction_list_count(page3.get()), 0u);

    const auto all = ok<TransactionList>([&](yv_transaction_list **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), nullptr, nullptr, out, e);
    });
    ASSERT_EQ(yv_transaction_list_count(all.get()), 2u);
    EXPECT_STREQ(yv_transaction_id(yv_transaction_list_get(all.get(), 0)), yv_transfer_id(a.get()));
    EXPECT_EQ(str(yv_transaction_id(yv_transaction_list_get(all.get(), 1))), first_txn);
}

// The envelope option applies where a call returns JSON (gas_price, request): the whole answer.
// Calls that return records are unchanged by it.
TEST_F(CapiResources, EnvelopeReturnsTheSiblingsOfData) {
    const auto from = funded("10");
    auto params = send_params(from, "0.1");
    for (int i = 0; i < 3; ++i) {
        ok<Transfer>([&](yv_transfer **out, yv_error **e) {
            return yv_client_send_funds(c.get(), params.get(), nullptr, out, e);
        });
    }
    const std::string body = R"({"limit":2})";
    const auto request = [&](const yv_call *call) {
        return ok_json([&](yv_buffer **out, yv_error **e) {
            return yv_client_request(c.get(), "POST", "/transactions/get-transactions", body.data(),
                                     body.size(), call, out, e);
        });
    };

    // The default: `data` alone.
    const auto data = request(nullptr);
    ASSERT_FALSE(data.empty());
    EXPECT_EQ(data.front(), '[') << data;
    EXPECT_EQ(data.find("pagination"), std::string::npos) << data;
    const auto gas = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_gas_price(c.get(), "ethereum", nullptr, nullptr, nullptr, nullptr, nullptr,
                                   nullptr, out, e);
    });
    EXPECT_EQ(gas.find("\"message\""), std::string::npos) << gas;

    yv_call *raw_call = nullptr;
    ASSERT_EQ(yv_call_new(&raw_call, nullptr), YV_OK);
    Call call(raw_call);
    Err err;
    ASSERT_EQ(yv_call_set_envelope(raw_call, true, err.out()), YV_OK) << err.message();
    EXPECT_EQ(err.get(), nullptr);
    const auto whole = request(raw_call);
    EXPECT_NE(whole.find("\"data\":" + data), std::string::npos) << whole;
    // Numbers come back as strings, as everywhere in a payload.
    EXPECT_NE(whole.find(R"("pagination":{"page":"1","limit":"2","total":"3","pages":"2"})"),
              std::string::npos)
        << whole;
    EXPECT_EQ(json_field(whole, "message"), "Transactions fetched successfully") << whole;
    const auto gas_whole = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_gas_price(c.get(), "ethereum", nullptr, nullptr, nullptr, nullptr, nullptr,
                                   raw_call, out, e);
    });
    EXPECT_NE(gas_whole.find("\"data\":" + gas), std::string::npos) << gas_whole;
    EXPECT_EQ(json_field(gas_whole, "message"), "Gas price estimated successfully") << gas_whole;

    // A record keeps its own object: the envelope's siblings are not in it.
    ASSERT_EQ(yv_call_set_idempotency_key(raw_call, "env-key-1", nullptr), YV_OK);
    const auto sent = ok<Transfer>([&](yv_transfer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), params.get(), raw_call, out, e);
    });
    EXPECT_STREQ(yv_transfer_idempotency_key(sent.get()), "env-key-1");
    EXPECT_EQ(str(yv_transfer_json(sent.get())).rfind(R"({"transaction_id":")", 0), 0u)
        << str(yv_transfer_json(sent.get()));
    const auto accounts = ok<AccountList>([&](yv_account_list **out, yv_error **e) {
        return yv_client_list_accounts(c.get(), raw_call, out, e);
    });
    ASSERT_EQ(yv_account_list_count(accounts.get()), 1u);
    EXPECT_EQ(str(yv_account_json(yv_account_list_get(accounts.get(), 0))).find("\"message\""),
              std::string::npos);

    // Switched off again: `data` alone.
    ASSERT_EQ(yv_call_set_envelope(raw_call, false, nullptr), YV_OK);
    const auto again = request(raw_call);
    EXPECT_EQ(again.front(), '[') << again;
    EXPECT_EQ(again.find("pagination"), std::string::npos) << again;
}

// A loopback HTTP receiver for webhook deliveries: answers 200 to each POST (one request per
// connection) and keeps its body and headers.
class Receiver {
  public:
    struct Delivery {
        std::string body;
        std::vector<std::pair<std::string, std::string>> headers;
    };
    Receiver() {
        fd_ = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (bind(fd_, reinterpret_cast<sockaddr *>(&addr), len) != 0 || listen(fd_, 8) != 0 ||
            getsockname(fd_, reinterpret_cast<sockaddr *>(&addr), &len) != 0)
            throw std::runtime_error("receiver: cannot listen");
        port_ = ntohs(addr.sin_port);
        thread_ = std::thread([this] { serve(); });
    }
    ~Receiver() {
        shutdown(fd_, SHUT_RDWR);
        close(fd_);
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hooks"; }
    // The first `n` deliveries, waiting up to 10 s for them.
    std::vector<Delivery> wait_for(std::size_t n) {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait_for(lock, std::chrono::seconds(10), [&] { return got_.size() >= n; });
        return got_;
    }

  private:
    void serve() {
        for (;;) {
            int conn = accept(fd_, nullptr, nullptr);
            if (conn < 0) return;
            std::string in;
            char buf[4096];
            std::size_t end = std::string::npos, length = 0;
            ssize_t n;
            while ((n = read(conn, buf, sizeof buf)) > 0) {
                in.append(buf, static_cast<std::size_t>(n));
                if (end == std::string::npos && (end = in.find("\r\n\r\n")) != std::string::npos) {
                    std::size_t at = in.find("Content-Length:");
                    if (at == std::string::npos) at = in.find("content-length:");
                    length = at == std::string::npos ? 0 : std::stoul(in.substr(at + 15));
                }
                if (end != std::string::npos && in.size() >= end + 4 + length) break;
            }
            Delivery d;
            d.body = in.substr(end + 4, length);
            std::size_t line = in.find("\r\n") + 2;
            while (line < end) {
                std::size_t next = in.find("\r\n", line);
                std::string h = in.substr(line, next - line);
                std::size_t colon = h.find(':');
                d.headers.emplace_back(h.substr(0, colon),
                                       h.substr(h.find_first_not_of(' ', colon + 1)));
                line = next + 2;
            }
            const char ok[] = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            (void)!write(conn, ok, sizeof ok - 1);
            close(conn);
            std::lock_guard<std::mutex> lock(mu_);
            got_.push_back(std::move(d));
            cv_.notify_all();
        }
    }
    int fd_ = -1;
    int port_ = 0;
    std::thread thread_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<Delivery> got_;
};

yv_status verify(const Receiver::Delivery &d, const char *secret, bool require_timestamp,
                 Event *event, const std::string &body_override = "") {
    yv_headers *h = nullptr;
    EXPECT_EQ(yv_headers_new(&h, nullptr), YV_OK);
    Headers headers(h);
    for (const auto &kv : d.headers)
        EXPECT_EQ(yv_headers_add(h, kv.first.c_str(), kv.second.c_str(), nullptr), YV_OK);
    const std::string &body = body_override.empty() ? d.body : body_override;
    yv_event *raw = nullptr;
    yv_status st = yv_webhook_verify(reinterpret_cast<const uint8_t *>(body.data()), body.size(), h,
                                     secret, 0, require_timestamp, &raw, nullptr);
    if (event)
        *event = Event(raw);
    else
        yv_event_free(raw);
    return st;
}

// The verifier against real deliveries: the sandbox's signed deposit event, received here.
TEST_F(CapiResources, WebhookVerifierAcceptsRealDeliveries) {
    Receiver receiver;
    const char *events[] = {"deposit.received"};
    yv_webhook *raw = nullptr;
    Err err;
    ASSERT_EQ(yv_client_create_webhook(c.get(), receiver.url().c_str(), events, 1, nullptr, nullptr,
                                       &raw, err.out()),
              YV_OK)
        << err.message();
    Webhook wh(raw);
    const std::string secret = str(yv_webhook_secret(raw));
    const auto asset = funded("12.5");
    const auto got = receiver.wait_for(1);
    ASSERT_EQ(got.size(), 1u);
    Event event(nullptr);
    ASSERT_EQ(verify(got[0], secret.c_str(), true, &event), YV_OK);
    EXPECT_STREQ(yv_event_type(event.get()), "deposit.received");
    const std::string data = str(yv_event_data_json(event.get()));
    EXPECT_NE(data.find("\"amount\":\"12.5\""), std::string::npos) << data;
    EXPECT_NE(data.find(asset.asset_id), std::string::npos) << data;
    // A changed byte, another secret: refused.
    std::string tampered = got[0].body;
    tampered.replace(tampered.find("12.5"), 4, "92.5");
    EXPECT_EQ(verify(got[0], secret.c_str(), false, nullptr, tampered), YV_E_SIGNATURE_INVALID);
    EXPECT_EQ(verify(got[0], (secret + "x").c_str(), false, nullptr), YV_E_SIGNATURE_INVALID);
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

    auto listed = ok<WebhookList>([&](yv_webhook_list **out, yv_error **e) {
        return yv_client_list_webhooks(c.get(), nullptr, out, e);
    });
    ASSERT_EQ(yv_webhook_list_count(listed.get()), 1u);
    const yv_webhook *item = yv_webhook_list_get(listed.get(), 0);
    EXPECT_EQ(str(yv_webhook_id(item)), id);
    EXPECT_STREQ(yv_webhook_url(item), "https://example.com/hooks");
    ASSERT_EQ(yv_webhook_events_count(item), 2u);
    EXPECT_STREQ(yv_webhook_event(item, 0), "transaction.confirmed");
    EXPECT_STREQ(yv_webhook_description(item), "ops alerts");
    EXPECT_EQ(yv_webhook_secret(item), nullptr) << "secret shown once";
    EXPECT_EQ(str(yv_webhook_json(item)).find(yv_webhook_secret(raw)), std::string::npos);
    EXPECT_EQ(yv_webhook_list_get(listed.get(), 1), nullptr);

    ASSERT_EQ(yv_client_delete_webhook(c.get(), id.c_str(), nullptr, err.out()), YV_OK)
        << err.message();
    listed = ok<WebhookList>([&](yv_webhook_list **out, yv_error **e) {
        return yv_client_list_webhooks(c.get(), nullptr, out, e);
    });
    ASSERT_TRUE(listed);
    EXPECT_EQ(yv_webhook_list_count(listed.get()), 0u);
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
    EXPECT_EQ(json_field(balance, "balance"), "7") << balance;

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
        ok<AccountList>([&](yv_account_list **out, yv_error **e) {
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
