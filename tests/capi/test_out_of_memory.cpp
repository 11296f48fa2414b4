// Memory running out in the middle of a call that moves value or hands out a secret (issue 14,
// item 8): whatever allocation fails, a transfer's caller gets its result (its JSON view may be
// left out, never the transfer), or an error carrying the idempotency key (outcome unknown when
// the server may have acted); a new API secret is never lost after the server made it.
//
// This executable replaces the global operator new (libyativo resolves it here too), and fails
// the Nth allocation after it is armed; each test walks N over every allocation of the call.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>

#include "sandbox_client.hpp"

namespace {
std::atomic<long> countdown{-1};  // < 0: disarmed; else allocations left before one fails
std::atomic<long> failures{0};

void *allocate(std::size_t size) {
    long left = countdown.load(std::memory_order_relaxed);
    if (left >= 0) {
        if (left == 0) {
            countdown.store(-1);  // one failure per arming
            ++failures;
            throw std::bad_alloc();
        }
        countdown.store(left - 1);
    }
    if (void *p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}

// Arms the Nth allocation from now to fail, for the life of the object.
struct FailNth {
    explicit FailNth(long n) { countdown.store(n); }
    ~FailNth() { countdown.store(-1); }
    FailNth(const FailNth &) = delete;
    FailNth &operator=(const FailNth &) = delete;
};
}  // namespace

void *operator new(std::size_t size) {
    return allocate(size);
}
void *operator new[](std::size_t size) {
    return allocate(size);
}
void operator delete(void *p) noexcept {
    std::free(p);
}
void operator delete[](void *p) noexcept {
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void *p, std::size_t) noexcept {
    std::free(p);
}

using namespace capi_test;

namespace {

// Walks the failing allocation over the whole call (every `stride`-th one) until a run passes
// without one failing.
template <class Call>
void for_each_failing_allocation(Call &&call, long stride = 1) {
    for (long n = 0;; n += stride) {
        long before = failures.load();
        bool done = call(n);
        if (failures.load() == before) {
            EXPECT_TRUE(done) << "no allocation failed, yet the call did not succeed";
            break;
        }
        ASSERT_LT(n, 5000) << "the call never completed";
    }
}

}  // namespace

TEST(CapiOutOfMemory, SendFundsNeverLosesItsKey) {
    yvtest::SandboxProcess sb(sandbox_flags());
    Client c = session_client(sb);
    const auto from = funded_asset(c.get(), sb, "100000");
    auto params = send_params(from, "1");
    long failing_runs = 0, unknown = 0, without_json = 0;
    for_each_failing_allocation([&](long n) {
        yv_transfer *transfer = nullptr;
        yv_error *err = nullptr;
        long created = sb.stat("transactions_created");
        yv_status st;
        {
            FailNth fail(n);
            st = yv_client_send_funds(c.get(), params.get(), nullptr, &transfer, &err);
        }
        bool made = sb.stat("transactions_created") > created;
        if (st == YV_OK) {
            EXPECT_TRUE(made);
            EXPECT_NE(transfer, nullptr);
            // The record is whole; only its JSON view may be left out.
            EXPECT_EQ(str(yv_transfer_idempotency_key(transfer)).size(), 36u) << "allocation " << n;
            EXPECT_NE(yv_transfer_id(transfer), nullptr) << "allocation " << n;
            EXPECT_STREQ(yv_transfer_amount(transfer), "1") << "allocation " << n;
            if (!yv_transfer_json(transfer)) ++without_json;
        } else {
            ++failing_runs;
            EXPECT_EQ(transfer, nullptr);
            // The server made the transfer, yet memory ran out before the caller had the answer:
            // the error carries the key, so the caller re-sends under it and not a new one.
            // (Before the key is fixed nothing can have been sent: no key is owed then.)
            if (made) {
                ++unknown;
                EXPECT_NE(yv_error_idempotency_key(err), nullptr) << "allocation " << n;
                EXPECT_TRUE(yv_error_outcome_unknown(err))
                    << "allocation " << n << ": " << yv_error_message(err);
            }
        }
        const bool whole = st == YV_OK && transfer && yv_transfer_json(transfer);
        yv_transfer_free(transfer);
        yv_error_free(err);
        return whole;
    });
    EXPECT_GT(failing_runs, 10);
    EXPECT_GT(unknown, 0) << "no allocation failed after the server made the transfer";
    EXPECT_GT(without_json, 0) << "no allocation failed while the JSON view was built";
    std::printf(
        "walked %ld failing allocations, %ld after the transfer was made, %ld without "
        "the JSON view\n",
        failing_runs, unknown, without_json);
}

// The same through the generic request(): a call that moves value is keyed there too.
TEST(CapiOutOfMemory, RequestThatMovesValueNeverLosesItsKey) {
    yvtest::SandboxProcess sb(sandbox_flags());
    Client c = session_client(sb);
    const auto from = funded_asset(c.get(), sb, "100000");
    const std::string body =
        R"({"account":")" + from.account_id + R"(","assets":")" + from.asset_id +
        R"(","receiving_address":"0x52908400098527886E0F7030069857D2E4169EE7",)"
        R"("amount":1,"type":"USDC","chain":"ethereum","category":"business"})";
    long unknown = 0;
    for_each_failing_allocation([&](long n) {
        yv_buffer *json = nullptr;
        yv_error *err = nullptr;
        long created = sb.stat("transactions_created");
        yv_status st;
        {
            FailNth fail(n);
            st = yv_client_request(c.get(), "POST", "/transactions/send-funds", body.data(),
                                   body.size(), nullptr, &json, &err);
        }
        bool made = sb.stat("transactions_created") > created;
        if (st == YV_OK) {
            EXPECT_TRUE(made);
            EXPECT_NE(json, nullptr);
        } else if (made) {
            ++unknown;
            EXPECT_NE(yv_error_idempotency_key(err), nullptr) << "allocation " << n;
            EXPECT_TRUE(yv_error_outcome_unknown(err))
                << "allocation " << n << ": " << yv_error_message(err);
        }
        yv_buffer_free(json);
        yv_error_free(err);
        return st == YV_OK;
    });
    EXPECT_GT(unknown, 0) << "no allocation failed after the server made the transfer";
}

TEST(CapiOutOfMemory, AKeyMadeByTheServerIsReturnedOrReportedUnknown) {
    // Each creation spends a TOTP step: 1 s steps and every other allocation keep this short.
    yvtest::SandboxProcess sb({"--rate-limit", "0", "--totp-period", "1"});
    auto o = session_options(sb);
    ASSERT_EQ(yv_options_set_totp_period_s(o.get(), 1, nullptr), YV_OK);
    Client c = make_client(o.get());
    const char *perms[] = {"read"};
    auto keys = [&] { return sb.path_count("/apikey/create"); };
    long failing_runs = 0;
    for_each_failing_allocation(
        [&](long n) {
            yv_api_key *key = nullptr;
            yv_error *err = nullptr;
            yv_status st;
            long before = keys();
            {
                FailNth fail(n);
                st = yv_client_create_api_key(c.get(), "oom", perms, 1, 0, nullptr, 0, nullptr,
                                              &key, &err);
            }
            bool reached_server = keys() > before;
            if (st == YV_OK) {
                EXPECT_NE(key, nullptr);
                EXPECT_TRUE(key && yv_api_key_api_secret(key));
            } else {
                ++failing_runs;
                EXPECT_EQ(key, nullptr);
                // A key the server may have made is never reported as surely not made.
                if (reached_server) {
                    EXPECT_TRUE(yv_error_outcome_unknown(err))
                        << "allocation " << n << ": " << yv_error_message(err);
                }
            }
            yv_api_key_free(key);
            yv_error_free(err);
            return st == YV_OK;
        },
        2);
    EXPECT_GT(failing_runs, 5);
}

// A webhook's signing secret is shown once: it is returned whole (its JSON view may be left out),
// or the error says the webhook may have been created.
TEST(CapiOutOfMemory, AWebhookMadeByTheServerIsReturnedOrReportedUnknown) {
    yvtest::SandboxProcess sb(sandbox_flags());
    Client c = session_client(sb);
    const char *events[] = {"transaction.completed"};
    long without_json = 0;
    for_each_failing_allocation([&](long n) {
        yv_webhook *hook = nullptr;
        yv_error *err = nullptr;
        long before = sb.path_count("/webhook/create");
        yv_status st;
        {
            FailNth fail(n);
            st = yv_client_create_webhook(c.get(), "https://example.com/hook", events, 1, nullptr,
                                          nullptr, &hook, &err);
        }
        bool reached_server = sb.path_count("/webhook/create") > before;
        if (st == YV_OK) {
            EXPECT_TRUE(hook && yv_webhook_secret(hook) && yv_webhook_id(hook));
            if (hook && !yv_webhook_json(hook)) ++without_json;
        } else {
            EXPECT_EQ(hook, nullptr);
            if (reached_server) {
                EXPECT_TRUE(yv_error_outcome_unknown(err))
                    << "allocation " << n << ": " << yv_error_message(err);
            }
        }
        const bool whole = st == YV_OK && hook && yv_webhook_json(hook);
        yv_webhook_free(hook);
        yv_error_free(err);
        return whole;
    });
    EXPECT_GT(without_json, 0) << "no allocation failed while the JSON view was built";
}
