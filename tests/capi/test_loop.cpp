// The event-loop interface of yativo.h (yv_loop, yv_pending, the _start twins) against a real
// sandbox over sockets: many calls in flight on one thread, the connection cap, every kind of
// error reaching the callback (a bad argument refused by _start itself, 4xx and 5xx, a dropped
// connection, a deadline, cancellation mid-transfer from this thread and from another), drop_after
// on send-funds (one transaction, the key in the error), the loop's destructor completing what is
// in flight, and the hand-written twins (token, request, the pager).
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "sandbox_client.hpp"

using namespace capi_test;
using Clock = std::chrono::steady_clock;

namespace {

using Loop = Owned<yv_loop, yv_loop_free>;
using Pending = Owned<yv_pending, yv_pending_free>;
using Error = Owned<yv_error, yv_error_free>;

// What a completion callback saw.
struct Seen {
    int calls = 0;
    yv_status status = YV_OK;
    Error error;
    std::thread::id thread;

    std::string message() const { return str(yv_error_message(error.get())); }
};

template <class Owner>
struct SeenResult : Seen {
    Owner result;
};

// The completion of a call with a result: keeps what it is handed (it owns it).
template <class Owner>
void keep(void *user_data, yv_status status, typename Owner::pointer result, yv_error *err) {
    auto *seen = static_cast<SeenResult<Owner> *>(user_data);
    ++seen->calls;
    seen->status = status;
    seen->result.reset(result);
    seen->error.reset(err);
    seen->thread = std::this_thread::get_id();
    // A result exactly on success, an error exactly on failure.
    EXPECT_EQ(result != nullptr, status == YV_OK) << yv_status_str(status);
    EXPECT_EQ(err != nullptr, status != YV_OK) << yv_status_str(status);
}

void keep_none(void *user_data, yv_status status, yv_error *err) {
    auto *seen = static_cast<Seen *>(user_data);
    ++seen->calls;
    seen->status = status;
    seen->error.reset(err);
    seen->thread = std::this_thread::get_id();
}

Loop self_driven(uint32_t max_host_connections = 0) {
    yv_loop_options *raw = nullptr;
    EXPECT_EQ(yv_loop_options_new(&raw, nullptr), YV_OK);
    Owned<yv_loop_options, yv_loop_options_free> opts(raw);
    if (max_host_connections) {
        EXPECT_EQ(yv_loop_options_set_max_host_connections(raw, max_host_connections, nullptr),
                  YV_OK);
    }
    yv_loop *loop = nullptr;
    Err err;
    EXPECT_EQ(yv_loop_new(raw, &loop, err.out()), YV_OK) << err.message();
    return Loop(loop);
}

void run(yv_loop *loop) {
    Err err;
    ASSERT_EQ(yv_loop_run(loop, err.out()), YV_OK) << err.message();
    EXPECT_EQ(yv_loop_in_flight(loop), 0u);
}

class CapiLoop : public ::testing::Test {
  protected:
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

    // Drives the loop until the sandbox holds `n` requests (they are mid-transfer there).
    void run_until_server_holds(yv_loop *loop, long n) {
        const auto give_up = Clock::now() + std::chrono::seconds(10);
        while (sb.stat("in_flight") < n) {
            ASSERT_LT(Clock::now(), give_up) << "the requests never reached the sandbox";
            ASSERT_EQ(yv_loop_run_once(loop, 20, nullptr, nullptr), YV_OK);
        }
    }

    yvtest::SandboxProcess sb{sandbox_flags()};
    Client c = session_client(sb);
};

// 200 calls in flight from this thread, each held 200 ms by the sandbox: they overlap (at most
// the 50 connections the loop may open), every callback runs on this thread while the loop is
// driven, and never within _start.
TEST_F(CapiLoop, ManyCallsInFlightOnOneThread) {
    constexpr int kCalls = 200;
    sb.fault(R"({"path":"/accounts/get-accounts","count":200,"mode":"delay","delay_ms":200})");
    auto loop = self_driven(50);
    std::vector<SeenResult<AccountList>> seen(kCalls);
    std::vector<Pending> pending(kCalls);
    for (int i = 0; i < kCalls; ++i) {
        yv_pending *p = nullptr;
        Err err;
        ASSERT_EQ(yv_client_list_accounts_start(loop.get(), c.get(), nullptr, keep<AccountList>,
                                                &seen[i], &p, err.out()),
                  YV_OK)
            << err.message();
        ASSERT_NE(p, nullptr);
        pending[i].reset(p);
    }
    EXPECT_EQ(yv_loop_in_flight(loop.get()), static_cast<size_t>(kCalls));
    for (const auto &s : seen) ASSERT_EQ(s.calls, 0) << "a callback ran within _start";
    EXPECT_FALSE(yv_pending_done(pending[0].get()));

    const auto start = Clock::now();
    run(loop.get());
    const auto elapsed = Clock::now() - start;
    for (int i = 0; i < kCalls; ++i) {
        ASSERT_EQ(seen[i].calls, 1) << "call " << i;
        EXPECT_EQ(seen[i].status, YV_OK) << "call " << i << ": " << seen[i].message();
        EXPECT_EQ(seen[i].thread, std::this_thread::get_id()) << "call " << i;
        EXPECT_TRUE(yv_pending_done(pending[i].get())) << "call " << i;
    }
    // One after another they would take 40 s; 50 at a time, 0.8 s.
    EXPECT_LT(elapsed, std::chrono::seconds(8));
    const long most = sb.stat("max_in_flight");
    EXPECT_GT(most, 10) << "the calls did not overlap";
    EXPECT_LE(most, 50) << "the loop opened more connections than allowed";
    EXPECT_EQ(sb.path_count("/accounts/get-accounts"), kCalls);
}

// A bad argument is refused by _start itself: a status and an error there, nothing in flight,
// and the callback never runs.
TEST_F(CapiLoop, ABadArgumentIsRefusedByStart) {
    auto loop = self_driven();
    SeenResult<Balance> seen;
    yv_pending *p = reinterpret_cast<yv_pending *>(0x1);
    Err err;
    EXPECT_EQ(yv_client_check_balance_start(loop.get(), c.get(), "", nullptr, keep<Balance>, &seen,
                                            &p, err.out()),
              YV_E_INVALID_ARGUMENT);
    EXPECT_EQ(p, nullptr);
    EXPECT_EQ(err.code(), YV_E_INVALID_ARGUMENT);
    EXPECT_NE(err.message().find("asset_id"), std::string::npos) << err.message();
    // An optional bool outside its three values, and a NULL item of a string list.
    SeenResult<Owned<yv_auto_forwarding_rule, yv_auto_forwarding_rule_free>> rule;
    EXPECT_EQ(yv_client_update_forwarding_rule_start(
                  loop.get(), c.get(), "rule", nullptr, nullptr, nullptr, nullptr, 0, nullptr,
                  nullptr, nullptr, static_cast<yv_optional_bool>(2), nullptr, nullptr,
                  keep<Owned<yv_auto_forwarding_rule, yv_auto_forwarding_rule_free>>, &rule,
                  nullptr, err.out()),
              YV_E_INVALID_ARGUMENT);
    const char *perms[] = {"read", nullptr};
    SeenResult<ApiKey> made;
    EXPECT_EQ(yv_client_create_api_key_start(loop.get(), c.get(), "k", perms, 2, 0, nullptr, 0,
                                             nullptr, keep<ApiKey>, &made, nullptr, err.out()),
              YV_E_INVALID_ARGUMENT);
    EXPECT_EQ(yv_loop_in_flight(loop.get()), 0u);
    run(loop.get());
    EXPECT_EQ(seen.calls, 0);
    EXPECT_EQ(rule.calls, 0);
    EXPECT_EQ(made.calls, 0);
    EXPECT_EQ(sb.stat("requests"), 0) << "a refused call reached the server";
}

// The checks the core makes on values (exact decimal text, a page limit, JSON text) run where the
// call runs: the callback gets YV_E_INVALID_ARGUMENT, and nothing is sent.
TEST_F(CapiLoop, ACheckOfTheCoreReachesTheCallbackBeforeAnyIo) {
    auto loop = self_driven();
    SeenResult<Buffer> gas;
    ASSERT_EQ(
        yv_client_gas_price_start(loop.get(), c.get(), "solana", nullptr, "1e3", nullptr, nullptr,
                                  nullptr, nullptr, keep<Buffer>, &gas, nullptr, nullptr),
        YV_OK);
    run(loop.get());
    ASSERT_EQ(gas.calls, 1);
    EXPECT_EQ(gas.status, YV_E_INVALID_ARGUMENT) << gas.message();
    EXPECT_EQ(sb.stat("requests"), 0) << "a refused call reached the server";
}

// 404 and 422 as the server sends them, and a 500 after no retry, with every field of the error.
TEST_F(CapiLoop, ServerErrorsReachTheCallback) {
    const auto from = funded_asset(c.get(), sb, "1");
    auto params = send_params(from, "5");  // more than the asset holds: 422
    auto no_retry = client_with_retries(0);
    sb.fault(R"({"path":"/accounts/get-accounts","count":1,"mode":"respond","status":500})");
    auto loop = self_driven();
    SeenResult<ApiKey> missing;
    SeenResult<Transfer> refused;
    SeenResult<AccountList> broken;
    ASSERT_EQ(yv_client_get_api_key_start(loop.get(), c.get(), "key_does_not_exist", nullptr,
                                          keep<ApiKey>, &missing, nullptr, nullptr),
              YV_OK);
    ASSERT_EQ(yv_client_send_funds_start(loop.get(), c.get(), params.get(), nullptr, keep<Transfer>,
                                         &refused, nullptr, nullptr),
              YV_OK);
    ASSERT_EQ(yv_client_list_accounts_start(loop.get(), no_retry.get(), nullptr, keep<AccountList>,
                                            &broken, nullptr, nullptr),
              YV_OK);
    Seen not_deleted;  // a call without a result
    ASSERT_EQ(
        yv_client_delete_forwarding_rule_start(loop.get(), c.get(), "rule_does_not_exist", nullptr,
                                               keep_none, &not_deleted, nullptr, nullptr),
        YV_OK);
    run(loop.get());
    ASSERT_EQ(not_deleted.calls, 1);
    EXPECT_EQ(not_deleted.status, YV_E_NOT_FOUND) << not_deleted.message();
    EXPECT_EQ(yv_error_http_status(not_deleted.error.get()), 404);

    ASSERT_EQ(missing.calls, 1);
    EXPECT_EQ(missing.status, YV_E_NOT_FOUND) << missing.message();
    EXPECT_EQ(yv_error_http_status(missing.error.get()), 404);
    EXPECT_STREQ(yv_error_error_code(missing.error.get()), "not_found");
    EXPECT_NE(yv_error_request_id(missing.error.get()), nullptr);
    EXPECT_FALSE(yv_error_outcome_unknown(missing.error.get()));

    ASSERT_EQ(refused.calls, 1);
    EXPECT_EQ(refused.status, YV_E_VALIDATION) << refused.message();
    EXPECT_EQ(yv_error_http_status(refused.error.get()), 422);
    EXPECT_STREQ(yv_error_error_code(refused.error.get()), "insufficient_balance");
    EXPECT_EQ(str(yv_error_idempotency_key(refused.error.get())).size(), 36u)
        << "send-funds carries its key on every error";

    ASSERT_EQ(broken.calls, 1);
    EXPECT_EQ(broken.status, YV_E_SERVER) << broken.message();
    EXPECT_EQ(yv_error_http_status(broken.error.get()), 500);
    EXPECT_EQ(sb.path_count("/accounts/get-accounts"), 1) << "no retry was allowed";
}

// The connection dropped after the server made the transfer: without retries the callback gets
// NETWORK, outcome unknown and the key; sent again under that key it is the same one transfer.
// With retries the loop re-sends under the same key by itself: still one transaction.
TEST_F(CapiLoop, DroppedSendFundsKeepsItsKeyAndMakesOneTransaction) {
    const auto from = funded_asset(c.get(), sb, "10");
    auto params = send_params(from, "1");
    auto no_retry = client_with_retries(0);
    auto loop = self_driven();

    sb.fault(R"({"path":"/transactions/send-funds","count":1,"mode":"drop_after"})");
    SeenResult<Transfer> dropped;
    ASSERT_EQ(yv_client_send_funds_start(loop.get(), no_retry.get(), params.get(), nullptr,
                                         keep<Transfer>, &dropped, nullptr, nullptr),
              YV_OK);
    run(loop.get());
    ASSERT_EQ(dropped.calls, 1);
    EXPECT_EQ(dropped.status, YV_E_NETWORK) << dropped.message();
    EXPECT_TRUE(yv_error_outcome_unknown(dropped.error.get()));
    const std::string key = str(yv_error_idempotency_key(dropped.error.get()));
    ASSERT_EQ(key.size(), 36u) << key;
    EXPECT_EQ(sb.stat("transactions_created"), 1);

    auto call = call_with_key(key.c_str());
    SeenResult<Transfer> again;
    ASSERT_EQ(yv_client_send_funds_start(loop.get(), no_retry.get(), params.get(), call.get(),
                                         keep<Transfer>, &again, nullptr, nullptr),
              YV_OK);
    call.reset();  // copied by _start
    run(loop.get());
    ASSERT_EQ(again.calls, 1);
    ASSERT_EQ(again.status, YV_OK) << again.message();
    EXPECT_EQ(str(yv_transfer_idempotency_key(again.result.get())), key);
    EXPECT_EQ(sb.stat("transactions_created"), 1) << "the replay made a second transaction";

    sb.fault(R"({"path":"/transactions/send-funds","count":1,"mode":"drop_after"})");
    SeenResult<Transfer> retried;
    ASSERT_EQ(yv_client_send_funds_start(loop.get(), c.get(), params.get(), nullptr, keep<Transfer>,
                                         &retried, nullptr, nullptr),
              YV_OK);
    run(loop.get());
    ASSERT_EQ(retried.calls, 1);
    ASSERT_EQ(retried.status, YV_OK) << retried.message();
    EXPECT_EQ(str(yv_transfer_idempotency_key(retried.result.get())).size(), 36u);
    EXPECT_EQ(sb.stat("transactions_created"), 2) << "the retry made a second transaction";
}

// yv_pending_cancel while the request is held by the sandbox: the call ends at once with
// CANCELLED; a write keeps its key and reports its outcome unknown.
TEST_F(CapiLoop, CancelMidTransfer) {
    sb.fault(R"({"path":"/accounts/get-accounts","count":1,"mode":"delay","delay_ms":10000})");
    sb.fault(R"({"path":"/accounts/create-account","count":1,"mode":"delay","delay_ms":10000})");
    auto loop = self_driven();
    SeenResult<AccountList> read;
    SeenResult<Account> write;
    yv_pending *read_raw = nullptr, *write_raw = nullptr;
    ASSERT_EQ(yv_client_list_accounts_start(loop.get(), c.get(), nullptr, keep<AccountList>, &read,
                                            &read_raw, nullptr),
              YV_OK);
    Pending read_call(read_raw);
    auto call = call_with_key("c0ffee00-0000-4000-8000-000000000001");
    ASSERT_EQ(yv_client_create_account_start(loop.get(), c.get(), "held", nullptr, call.get(),
                                             keep<Account>, &write, &write_raw, nullptr),
              YV_OK);
    Pending write_call(write_raw);
    run_until_server_holds(loop.get(), 2);

    const auto start = Clock::now();
    yv_pending_cancel(read_call.get());
    yv_pending_cancel(write_call.get());
    yv_pending_cancel(write_call.get());  // idempotent
    run(loop.get());
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
    ASSERT_EQ(read.calls, 1);
    EXPECT_EQ(read.status, YV_E_CANCELLED) << read.message();
    ASSERT_EQ(write.calls, 1);
    EXPECT_EQ(write.status, YV_E_CANCELLED) << write.message();
    EXPECT_TRUE(yv_error_outcome_unknown(write.error.get())) << write.message();
    EXPECT_STREQ(yv_error_idempotency_key(write.error.get()),
                 "c0ffee00-0000-4000-8000-000000000001");
    EXPECT_TRUE(yv_pending_done(read_call.get()));
    yv_pending_cancel(read_call.get());  // after the end: no effect
}

// yv_pending_cancel from another thread while this one drives the loop (thread-safe).
TEST_F(CapiLoop, CancelFromAnotherThread) {
    sb.fault(R"({"path":"/accounts/get-accounts","count":1,"mode":"delay","delay_ms":10000})");
    auto loop = self_driven();
    SeenResult<AccountList> read;
    yv_pending *raw = nullptr;
    ASSERT_EQ(yv_client_list_accounts_start(loop.get(), c.get(), nullptr, keep<AccountList>, &read,
                                            &raw, nullptr),
              YV_OK);
    Pending pending(raw);
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        yv_pending_cancel(pending.get());
    });
    const auto start = Clock::now();
    run(loop.get());
    const auto elapsed = Clock::now() - start;
    canceller.join();
    ASSERT_EQ(read.calls, 1);
    EXPECT_EQ(read.status, YV_E_CANCELLED) << read.message();
    EXPECT_EQ(read.thread, std::this_thread::get_id()) << "the callback ran off the loop's thread";
    EXPECT_GE(elapsed, std::chrono::milliseconds(250));
    EXPECT_LT(elapsed, std::chrono::seconds(3));
}

// The call's deadline (yv_call_set_timeout_ms) holds on the loop too.
TEST_F(CapiLoop, DeadlineReachesTheCallback) {
    sb.fault(R"({"path":"/accounts/get-accounts","count":5,"mode":"delay","delay_ms":3000})");
    yv_call *raw = nullptr;
    ASSERT_EQ(yv_call_new(&raw, nullptr), YV_OK);
    Call call(raw);
    ASSERT_EQ(yv_call_set_timeout_ms(raw, 400, nullptr), YV_OK);
    auto loop = self_driven();
    SeenResult<AccountList> read;
    ASSERT_EQ(yv_client_list_accounts_start(loop.get(), c.get(), raw, keep<AccountList>, &read,
                                            nullptr, nullptr),
              YV_OK);
    const auto start = Clock::now();
    run(loop.get());
    ASSERT_EQ(read.calls, 1);
    EXPECT_EQ(read.status, YV_E_TIMEOUT) << read.message();
    EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(2000));
}

// Freeing the loop cancels what is in flight and runs every callback before it returns; the
// pending handles outlive it.
TEST_F(CapiLoop, FreeingTheLoopCompletesEveryCall) {
    sb.fault(R"({"path":"/accounts/get-accounts","count":3,"mode":"delay","delay_ms":10000})");
    auto loop = self_driven();
    std::vector<SeenResult<AccountList>> seen(3);
    std::vector<Pending> pending;
    for (auto &s : seen) {
        yv_pending *p = nullptr;
        ASSERT_EQ(yv_client_list_accounts_start(loop.get(), c.get(), nullptr, keep<AccountList>, &s,
                                                &p, nullptr),
                  YV_OK);
        pending.emplace_back(p);
    }
    run_until_server_holds(loop.get(), 3);
    const auto start = Clock::now();
    loop.reset();
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
    for (size_t i = 0; i < seen.size(); ++i) {
        ASSERT_EQ(seen[i].calls, 1) << "call " << i;
        EXPECT_EQ(seen[i].status, YV_E_CANCELLED) << seen[i].message();
        EXPECT_TRUE(yv_pending_done(pending[i].get()));
    }
}

// A callback starts the next call on the loop (a chain), and yv_loop_run_once reports what is
// left.
TEST_F(CapiLoop, CallbacksStartFurtherCalls) {
    struct Chain {
        yv_loop *loop;
        yv_client *client;
        SeenResult<Account> account;
        SeenResult<Asset> asset;
    } chain{nullptr, c.get(), {}, {}};
    auto loop = self_driven();
    chain.loop = loop.get();
    auto created = [](void *user_data, yv_status status, yv_account *account, yv_error *err) {
        auto *ch = static_cast<Chain *>(user_data);
        keep<Account>(&ch->account, status, account, err);
        if (status != YV_OK) return;
        Err start_err;
        EXPECT_EQ(yv_client_add_asset_start(
                      ch->loop, ch->client, yv_account_id(account), "ethereum", "USDC_ETH", nullptr,
                      [](void *u, yv_status st, yv_asset *asset, yv_error *e) {
                          keep<Asset>(&static_cast<Chain *>(u)->asset, st, asset, e);
                      },
                      ch, nullptr, start_err.out()),
                  YV_OK)
            << start_err.message();
    };
    ASSERT_EQ(yv_client_create_account_start(loop.get(), c.get(), "chain", nullptr, nullptr,
                                             created, &chain, nullptr, nullptr),
              YV_OK);
    size_t left = 1;
    const auto give_up = Clock::now() + std::chrono::seconds(10);
    while (left > 0 && Clock::now() < give_up) {
        ASSERT_EQ(yv_loop_run_once(loop.get(), 100, &left, nullptr), YV_OK);
    }
    EXPECT_EQ(left, 0u);
    ASSERT_EQ(chain.account.calls, 1);
    ASSERT_EQ(chain.account.status, YV_OK) << chain.account.message();
    ASSERT_EQ(chain.asset.calls, 1);
    ASSERT_EQ(chain.asset.status, YV_OK) << chain.asset.message();
    EXPECT_STREQ(yv_asset_account_id(chain.asset.result.get()),
                 yv_account_id(chain.account.result.get()));
}

// The hand-written twins: the token (one exchange for the calls that share it), the generic
// request (a send through it keyed like send-funds), and the pager walked page by page.
TEST_F(CapiLoop, TokenRequestAndPager) {
    const auto from = funded_asset(c.get(), sb, "10");
    auto params = send_params(from, "0.5");
    for (int i = 0; i < 3; ++i) {
        ok<Transfer>([&](yv_transfer **out, yv_error **e) {
            return yv_client_send_funds(c.get(), params.get(), nullptr, out, e);
        });
    }
    auto key = create_key(c.get(), "loop", {"read", "write", "transactions"});
    ASSERT_TRUE(key);
    auto keyed = key_client(sb, yv_api_key_api_key(key.get()), yv_api_key_api_secret(key.get()));
    auto loop = self_driven();

    std::vector<SeenResult<Token>> tokens(5);
    for (auto &t : tokens) {
        ASSERT_EQ(yv_client_token_start(loop.get(), keyed.get(), nullptr, keep<Token>, &t, nullptr,
                                        nullptr),
                  YV_OK);
    }
    const std::string body =
        R"({"account":")" + from.account_id + R"(","assets":")" + from.asset_id +
        R"(","receiving_address":"0x52908400098527886E0F7030069857D2E4169EE7",)"
        R"("amount":"0.5","type":"USDC","chain":"ethereum","category":"business"})";
    SeenResult<Buffer> sent;
    ASSERT_EQ(yv_client_request_start(loop.get(), keyed.get(), "POST", "/transactions/send-funds",
                                      body.data(), body.size(), nullptr, keep<Buffer>, &sent,
                                      nullptr, nullptr),
              YV_OK);
    run(loop.get());
    for (auto &t : tokens) {
        ASSERT_EQ(t.calls, 1);
        ASSERT_EQ(t.status, YV_OK) << t.message();
        EXPECT_STREQ(yv_token_access_token(t.result.get()),
                     yv_token_access_token(tokens[0].result.get()));
    }
    EXPECT_EQ(sb.stat("token_exchanges"), 1) << "the token exchange is single-flight";
    ASSERT_EQ(sent.calls, 1);
    ASSERT_EQ(sent.status, YV_OK) << sent.message();
    EXPECT_EQ(json_field(text(sent.result.get()), "idempotency_key").size(), 36u)
        << text(sent.result.get());
    EXPECT_EQ(sb.stat("transactions_created"), 4);

    yv_tx_query *q = nullptr;
    ASSERT_EQ(yv_tx_query_new(&q, nullptr), YV_OK);
    TxQuery query(q);
    ASSERT_EQ(yv_tx_query_set_limit(q, 3, nullptr), YV_OK);
    yv_tx_pager *raw = nullptr;
    ASSERT_EQ(yv_tx_pager_new(c.get(), q, nullptr, &raw, nullptr), YV_OK);
    TxPager pager(raw);
    struct Page {
        int calls = 0;
        yv_status status = YV_OK;
        TransactionList list;
        bool finished = false;
    };
    std::vector<size_t> sizes;
    for (int i = 0; i < 5; ++i) {
        Page page;
        ASSERT_EQ(
            yv_tx_pager_next_start(
                loop.get(), pager.get(),
                [](void *u, yv_status st, yv_transaction_list *list, bool finished, yv_error *err) {
                    auto *p = static_cast<Page *>(u);
                    ++p->calls;
                    p->status = st;
                    p->list.reset(list);
                    p->finished = finished;
                    yv_error_free(err);
                },
                &page, nullptr, nullptr),
            YV_OK);
        run(loop.get());
        ASSERT_EQ(page.calls, 1);
        ASSERT_EQ(page.status, YV_OK);
        if (page.finished) {
            EXPECT_EQ(page.list, nullptr);
            break;
        }
        sizes.push_back(yv_transaction_list_count(page.list.get()));
    }
    EXPECT_EQ(sizes, (std::vector<size_t>{3, 1}));
}

// One client serves a loop on this thread and blocking callers on two others at once; the loop's
// calls and the blocking ones share its token (a key client: one exchange for all of them).
TEST_F(CapiLoop, BlockingAndLoopCallersShareOneClient) {
    auto key = create_key(c.get(), "mixed", {"read"});
    ASSERT_TRUE(key);
    auto shared = key_client(sb, yv_api_key_api_key(key.get()), yv_api_key_api_secret(key.get()));
    sb.fault(R"({"path":"/accounts/get-accounts","count":60,"mode":"delay","delay_ms":50})");
    auto loop = self_driven();
    std::vector<SeenResult<AccountList>> seen(40);
    for (auto &s : seen) {
        ASSERT_EQ(yv_client_list_accounts_start(loop.get(), shared.get(), nullptr,
                                                keep<AccountList>, &s, nullptr, nullptr),
                  YV_OK);
    }
    std::atomic<int> blocking_ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 10; ++i) {
                yv_account_list *out = nullptr;
                if (yv_client_list_accounts(shared.get(), nullptr, &out, nullptr) == YV_OK) {
                    ++blocking_ok;
                }
                yv_account_list_free(out);
            }
        });
    }
    run(loop.get());
    for (auto &t : threads) t.join();
    for (const auto &s : seen) EXPECT_EQ(s.status, YV_OK) << s.message();
    EXPECT_EQ(blocking_ok.load(), 20);
    EXPECT_EQ(sb.stat("token_exchanges"), 1) << "the token is shared by every caller";
}

// A client with a supplied transport makes blocking calls only: on a loop its call ends with
// INVALID_ARGUMENT in the callback, and the transport is never called.
TEST_F(CapiLoop, ASuppliedTransportIsRefusedOnALoop) {
    auto o = sandbox_options(sb.base_url());
    ASSERT_EQ(yv_options_set_access_token(o.get(), "CANARY-token-loop", nullptr), YV_OK);
    static std::atomic<int> exchanges{0};
    ASSERT_EQ(yv_options_set_transport(
                  o.get(),
                  [](void *, const yv_http_request *, yv_http_response *) {
                      ++exchanges;
                      return YV_E_NETWORK;
                  },
                  nullptr, nullptr, nullptr),
              YV_OK);
    auto own = make_client(o.get());
    auto loop = self_driven();
    SeenResult<AccountList> seen;
    ASSERT_EQ(yv_client_list_accounts_start(loop.get(), own.get(), nullptr, keep<AccountList>,
                                            &seen, nullptr, nullptr),
              YV_OK);
    run(loop.get());
    ASSERT_EQ(seen.calls, 1);
    EXPECT_EQ(seen.status, YV_E_INVALID_ARGUMENT) << seen.message();
    EXPECT_EQ(exchanges.load(), 0);
}

}  // namespace
