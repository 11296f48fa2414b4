// Races that need real threads: single flight, the valid token that keeps serving, TOTP queueing,
// cancellation and credential swaps. The transport is scripted; the threads are real.
#include <gtest/gtest.h>

#include <condition_variable>
#include <set>
#include <thread>

#include "fakes.hpp"

using namespace std::chrono_literals;
using yativo::Status;
using yvtest::ends_with;
using yvtest::ok_data;
using yvtest::respond;

namespace {

class Barrier {
  public:
    explicit Barrier(int n) : n_(n) {}
    void arrive_and_wait() {
        std::unique_lock<std::mutex> lock(m_);
        if (--n_ == 0) cv_.notify_all();
        cv_.wait(lock, [&] { return n_ <= 0; });
    }

  private:
    std::mutex m_;
    std::condition_variable cv_;
    int n_;
};

// 16 threads released together while the exchange is slowed: how many exchanges happen.
int exchanges_for_16_threads(bool single_flight) {
    auto h = yvtest::make(
        [](const yvtest::Seen &s, int) {
            if (ends_with(s.url, "/auth/token")) {
                std::this_thread::sleep_for(200ms);
                return respond(200, yvtest::token_body("CANARY-TOKEN"));
            }
            return ok_data("[]");
        },
        yvtest::base_options(), nullptr);
    h.client->impl().tokens().set_single_flight_for_testing(single_flight);
    Barrier barrier(16);
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int i = 0; i < 16; ++i)
        threads.emplace_back([&] {
            barrier.arrive_and_wait();
            h.client->list_accounts();
            ++ok;
        });
    for (auto &t : threads) t.join();
    EXPECT_EQ(ok.load(), 16);
    return h.transport->count("/auth/token");
}

}  // namespace

TEST(Concurrency, SingleFlightExchangesOnce) {
    EXPECT_EQ(exchanges_for_16_threads(true), 1);
}

// The control: the same test with single flight switched off sees several exchanges, so the test
// above can fail.
TEST(Concurrency, WithoutSingleFlightTheTestSeesMoreExchanges) {
    EXPECT_GT(exchanges_for_16_threads(false), 1);
}

TEST(Concurrency, SingleFlightWaitersShareTheExchangeError) {
    auto h = yvtest::make(
        [](const yvtest::Seen &s, int) {
            if (ends_with(s.url, "/auth/token")) {
                std::this_thread::sleep_for(200ms);
                return respond(401, R"({"error":"invalid_credentials"})");
            }
            return ok_data("[]");
        },
        yvtest::base_options(), nullptr);
    Barrier barrier(8);
    std::vector<std::thread> threads;
    std::atomic<int> auth_errors{0};
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            barrier.arrive_and_wait();
            try {
                h.client->list_accounts();
            } catch (const yativo::Error &e) {
                if (e.code() == Status::AUTHENTICATION) ++auth_errors;
            }
        });
    for (auto &t : threads) t.join();
    EXPECT_EQ(auth_errors.load(), 8);
    EXPECT_EQ(h.transport->count("/auth/token"), 1);
}

// While a refresh is in flight, callers holding a valid token do not wait for it: the refresh
// below cannot finish until eight other calls have completed.
TEST(Concurrency, ValidTokenKeepsServingDuringRefresh) {
    std::mutex m;
    std::condition_variable cv;
    int others_done = 0;
    bool refresh_started = false;
    auto n = std::make_shared<int>(0);
    auto clock = std::make_shared<yvtest::FakeClock>();
    auto h = yvtest::make(
        [&, n](const yvtest::Seen &s, int) {
            if (ends_with(s.url, "/auth/token")) {
                if (++*n == 2) {
                    std::unique_lock<std::mutex> lock(m);
                    refresh_started = true;
                    cv.notify_all();
                    bool others = cv.wait_for(lock, 10s, [&] { return others_done == 8; });
                    EXPECT_TRUE(others) << "callers with a valid token waited for the refresh";
                }
                return respond(200, yvtest::token_body("CANARY-TOKEN-" + std::to_string(*n)));
            }
            return ok_data("[]");
        },
        yvtest::base_options(), clock);
    h.client->list_accounts();
    clock->advance(3600s - 30s);  // inside the refresh margin, token still valid
    std::thread refresher([&] { h.client->list_accounts(); });
    {
        std::unique_lock<std::mutex> lock(m);
        cv.wait(lock, [&] { return refresh_started; });
    }
    std::vector<std::thread> others;
    for (int i = 0; i < 8; ++i)
        others.emplace_back([&] {
            h.client->list_accounts();
            std::lock_guard<std::mutex> lock(m);
            ++others_done;
            cv.notify_all();
        });
    for (auto &t : others) t.join();
    refresher.join();
    EXPECT_EQ(h.transport->count("/auth/token"), 2);
    int old_token_uses = 0;
    for (const auto &s : h.transport->seen())
        if (s.authorization == "Bearer CANARY-TOKEN-1") ++old_token_uses;
    EXPECT_GE(old_token_uses, 9);
}

TEST(Concurrency, ConcurrentTwoFactorCallsUseSuccessiveSteps) {
    auto o = yvtest::base_options();
    o.totp_secret = yativo::Secret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    o.totp_period = 1s;  // real clock: keep the test short
    auto h = yvtest::make(
        yvtest::with_tokens([](const yvtest::Seen &, int) {
            return respond(200, R"({"id":"key_1","api_key":"yativo_x","permissions":["read"]})");
        }),
        o, nullptr);
    std::vector<std::thread> threads;
    for (int i = 0; i < 3; ++i)
        threads.emplace_back([&] { h.client->update_api_key_permissions("key_1", {"read"}); });
    for (auto &t : threads) t.join();
    std::set<std::string> codes;
    for (const auto &s : h.transport->seen())
        if (!s.two_factor.empty()) codes.insert(s.two_factor);
    EXPECT_EQ(codes.size(), 3u);
}

TEST(Concurrency, CancelStopsAWaitingCallPromptly) {
    auto h = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &, int) {
                              return respond(503, "{}", {{"Retry-After", "20"}});
                          }),
                          yvtest::base_options(), nullptr);
    auto cancel = std::make_shared<yativo::CancelToken>();
    yativo::CallOptions call;
    call.cancel = cancel;
    auto start = std::chrono::steady_clock::now();
    std::thread trigger([cancel] {
        std::this_thread::sleep_for(200ms);
        cancel->cancel();
    });
    try {
        h.client->list_accounts(call);
        FAIL();
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), Status::CANCELLED);
    }
    trigger.join();
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
    // Sticky: a later call with the same token stops at once.
    EXPECT_THROW(h.client->list_accounts(call), yativo::Error);
}

TEST(Concurrency, CredentialSwapUnderLoad) {
    auto h =
        yvtest::make(yvtest::with_tokens([](const yvtest::Seen &, int) { return ok_data("[]"); }),
                     yvtest::base_options(), nullptr);
    std::atomic<bool> stop{false};
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&] {
            while (!stop) try {
                    h.client->list_accounts();
                } catch (...) {
                    ++failures;
                }
        });
    for (int i = 0; i < 50; ++i)
        h.client->set_credentials("yativo_key_" + std::to_string(i),
                                  yativo::Secret("CANARY-SECRET"));
    stop = true;
    for (auto &t : threads) t.join();
    EXPECT_EQ(failures.load(), 0);
    h.client->list_accounts();
    auto seen = h.transport->seen();
    std::string last_exchange;
    for (const auto &s : seen)
        if (ends_with(s.url, "/auth/token")) last_exchange = s.body;
    EXPECT_NE(last_exchange.find("yativo_key_49"), std::string::npos);
}

// Found in review: an exchange that fails with credentials replaced meanwhile must not fail the
// callers waiting for a token: they exchange again with the new credentials.
TEST(Concurrency, ExchangeWithReplacedCredentialsIsNotShared) {
    std::mutex m;
    std::condition_variable cv;
    bool in_exchange = false, release = false;
    auto h = yvtest::make(
        [&](const yvtest::Seen &s, int) {
            if (ends_with(s.url, "/auth/token")) {
                if (s.body.find("yativo_testkey") != std::string::npos) {
                    std::unique_lock<std::mutex> lock(m);
                    in_exchange = true;
                    cv.notify_all();
                    cv.wait(lock, [&] { return release; });
                    return respond(401, R"({"error":"invalid_credentials"})");
                }
                return respond(200, yvtest::token_body("CANARY-TOKEN-NEW"));
            }
            return ok_data("[]");
        },
        yvtest::base_options(), nullptr);
    std::atomic<bool> ok{false};
    std::thread caller([&] {
        try {
            h.client->list_accounts();
            ok = true;
        } catch (...) {
        }
    });
    {
        std::unique_lock<std::mutex> lock(m);
        cv.wait(lock, [&] { return in_exchange; });
    }
    h.client->set_credentials("yativo_rotated", yativo::Secret("CANARY-SECRET-ROTATED"));
    {
        std::lock_guard<std::mutex> lock(m);
        release = true;
        cv.notify_all();
    }
    caller.join();
    EXPECT_TRUE(ok.load());
    EXPECT_EQ(h.transport->seen().back().authorization, "Bearer CANARY-TOKEN-NEW");
}
