// EventLoop against real sandboxes: many calls from one thread, the same rules as blocking calls
// (single-flight exchange, retries, idempotency keys, cancellation), host-driven and self-driven.
#include <dirent.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <thread>

#include "itest.hpp"
#include "yativo/event_loop.hpp"

using itest::code_of;
using yativo::Status;
using Clock = std::chrono::steady_clock;

namespace {

int thread_count() {
    int n = 0;
    DIR *d = opendir("/proc/self/task");
    while (dirent *e = readdir(d))
        if (e->d_name[0] != '.') ++n;
    closedir(d);
    return n;
}

struct Outcome {
    bool done = false;
    Status code = Status::OK;
    yativo::Error error{Status::OK, ""};
};

// Records how a started call ended.
std::function<void(const yativo::Error *)> record(Outcome &out) {
    return [&out](const yativo::Error *e) {
        out.done = true;
        if (e) {
            out.code = e->code();
            out.error = *e;
        }
    };
}

}  // namespace

TEST(Async, TwoHundredCallsInFlightFromOneThreadWithOneExchange) {
    yvtest::SandboxProcess sb;
    auto key = itest::create_key(sb);
    yativo::Client c(itest::key_options(sb, key));
    // Every call waits 300 ms in the server: run one after another they would take a minute.
    sb.fault(R"({"path":"/accounts/get-accounts","count":200,"mode":"delay","delay_ms":300})");
    sb.fault(R"({"path":"/auth/token","count":1,"mode":"delay","delay_ms":300})");
    int threads_before = thread_count();
    yativo::EventLoopOptions lo;
    lo.max_host_connections = 200;
    yativo::EventLoop loop(lo);
    std::vector<Outcome> outcomes(200);
    std::atomic<int> lists{0};
    for (auto &o : outcomes)
        loop.start(
            [&c, &lists] {
                c.list_accounts();
                ++lists;
            },
            record(o));
    EXPECT_EQ(loop.in_flight(), 200u);
    EXPECT_EQ(lists.load(), 0);  // nothing runs within start()
    auto start = Clock::now();
    int max_threads = threads_before;
    while (loop.run_once(std::chrono::milliseconds(100)) > 0)
        max_threads = std::max(max_threads, thread_count());
    auto took = Clock::now() - start;
    for (auto &o : outcomes) {
        EXPECT_TRUE(o.done);
        EXPECT_EQ(o.code, Status::OK) << o.error.what();
    }
    EXPECT_EQ(lists.load(), 200);
    EXPECT_EQ(sb.stat("token_exchanges"), 1);
    EXPECT_EQ(sb.path_count("/accounts/get-accounts"), 200);
    EXPECT_EQ(max_threads, threads_before) << "the loop started a thread";
    // Concurrency, not speed: in series the delays alone add up to 60 s.
    EXPECT_LT(took, std::chrono::seconds(20));
}

TEST(Async, SingleFlightSharedWithBlockingCallers) {
    yvtest::SandboxProcess sb;
    auto key = itest::create_key(sb);
    yativo::Client c(itest::key_options(sb, key));
    sb.fault(R"({"path":"/auth/token","count":1,"mode":"delay","delay_ms":700})");
    yativo::EventLoop loop;
    std::vector<Outcome> outcomes(50);
    for (auto &o : outcomes) loop.start([&c] { c.list_accounts(); }, record(o));
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            c.list_accounts();
            ++ok;
        });
    loop.run();
    for (auto &t : threads) t.join();
    for (auto &o : outcomes) EXPECT_EQ(o.code, Status::OK) << o.error.what();
    EXPECT_EQ(ok.load(), 8);
    EXPECT_EQ(sb.stat("token_exchanges"), 1);
}

TEST(Async, AsyncCallersWaitForABlockingCallersExchange) {
    yvtest::SandboxProcess sb;
    auto key = itest::create_key(sb);
    yativo::Client c(itest::key_options(sb, key));
    sb.fault(R"({"path":"/auth/token","count":1,"mode":"delay","delay_ms":800})");
    std::thread blocking([&] { c.list_accounts(); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // its exchange is in flight
    yativo::EventLoop loop;
    std::vector<Outcome> outcomes(20);
    for (auto &o : outcomes) loop.start([&c] { c.list_accounts(); }, record(o));
    loop.run();
    blocking.join();
    for (auto &o : outcomes) EXPECT_EQ(o.code, Status::OK) << o.error.what();
    EXPECT_EQ(sb.stat("token_exchanges"), 1);
}

TEST(Async, SendFundsDroppedAfterProcessingIsSentExactlyOnce) {
    yvtest::SandboxProcess sb;
    auto key = itest::create_key(sb);
    yativo::Client c(itest::key_options(sb, key));
    auto [account, asset] = itest::funded_asset(c, sb, "10");
    sb.fault(R"({"path":"/transactions/send-funds","count":1,"mode":"drop_after"})");
    yativo::EventLoop loop;
    std::optional<yativo::Transfer> sent;
    Outcome o;
    loop.call([&] { return c.send_funds(itest::a_send(account, asset, "1.5")); },
              [&](std::optional<yativo::Transfer> t, const yativo::Error *e) {
                  o.done = true;
                  if (e) o.code = e->code();
                  sent = std::move(t);
              });
    loop.run();
    ASSERT_EQ(o.code, Status::OK);
    ASSERT_TRUE(sent);
    EXPECT_EQ(sb.path_count("/transactions/send-funds"), 2);  // the retry, with the same key
    EXPECT_EQ(sb.stat("transactions_created"), 1);
    EXPECT_FALSE(sent->idempotency_key.empty());
    EXPECT_EQ(sent->raw.get_string("idempotency_key"), sent->idempotency_key);
}

TEST(Async, KeylessWriteDroppedIsNeverResent) {
    yvtest::SandboxProcess sb;
    auto key = itest::create_key(sb);
    yativo::Client c(itest::key_options(sb, key));
    c.list_accounts();
    sb.fault(R"({"path":"/accounts/create-account","count":1,"mode":"drop_after"})");
    yativo::EventLoop loop;
    Outcome o;
    loop.start([&] { c.create_account("Once", "business"); }, record(o));
    loop.run();
    EXPECT_EQ(o.code, Status::NETWORK);
    EXPECT_TRUE(o.error.outcome_unknown);
    EXPECT_EQ(sb.path_count("/accounts/create-account"), 1);
}

TEST(Async, CancelStopsATransferPromptly) {
    yvtest::SandboxProcess sb;
    auto key = itest::create_key(sb);
    yativo::Client c(itest::key_options(sb, key));
    c.list_accounts();
    sb.fault(R"({"path":"/accounts/get-accounts","count":1,"mode":"delay","delay_ms":10000})");
    yativo::EventLoop loop;
    Outcome slow, other;
    yativo::AsyncCall call = loop.start([&] { c.list_accounts(); }, record(slow));
    loop.start([&] { c.list_webhooks(); }, record(other));  // another path: no delay
    auto start = Clock::now();
    std::thread trigger([call] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        call.cancel();  // from another thread
    });
    loop.run();
    trigger.join();
    EXPECT_EQ(slow.code, Status::CANCELLED);
    EXPECT_TRUE(call.done());
    EXPECT_EQ(other.code, Status::OK);  // the other call of the loop is untouched
    EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(5000));
}

TEST(Async, CancelDuringBackoffKeepsTheWritesKey) {
    yvtest::SandboxProcess sb;
    auto key = itest::create_key(sb);
    yativo::Client c(itest::key_options(sb, key));
    auto [account, asset] = itest::funded_asset(c, sb, "10");
    sb.fault(
        R"({"path":"/transactions/send-funds","count":1,"mode":"respond","status":503,"retry_after":30})");
    yativo::EventLoop loop;
    Outcome o;
    yativo::AsyncCall call =
        loop.start([&] { c.send_funds(itest::a_send(account, asset, "1")); }, record(o));
    auto start = Clock::now();
    // Driven until the 503 arrived and the call sleeps in its backoff, then cancelled.
    while (sb.path_count("/transactions/send-funds") < 1)
        loop.run_once(std::chrono::milliseconds(50));
    loop.run_once(std::chrono::milliseconds(100));
    call.cancel();
    loop.run();
    EXPECT_EQ(o.code, Status::CANCELLED);
    EXPECT_FALSE(o.error.idempotency_key.empty());  // the same key settles it later
    EXPECT_EQ(sb.path_count("/transactions/send-funds"), 1);
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(10));
}

TEST(Async, ErrorsReachTheCompletion) {
    yvtest::SandboxProcess sb;
    auto key = itest::create_key(sb);
    yativo::Client c(itest::key_options(sb, key));
    yativo::EventLoop loop;
    Outcome missing, invalid, thrown;
    loop.start([&] { c.get_api_key("no-such-key"); }, record(missing));
    loop.start([&] { c.create_account("", "business"); }, record(invalid));
    loop.start([] { throw std::runtime_error("not a yativo error"); }, record(thrown));
    loop.run();
    EXPECT_EQ(missing.code, Status::NOT_FOUND) << missing.error.what();
    EXPECT_EQ(invalid.code, Status::INVALID_ARGUMENT);
    EXPECT_EQ(thrown.code, Status::INTERNAL);
}

TEST(Async, DestroyingTheLoopCancelsAndCompletesEveryCall) {
    yvtest::SandboxProcess sb;
    auto key = itest::create_key(sb);
    yativo::Client c(itest::key_options(sb, key));
    c.list_accounts();
    sb.fault(R"({"path":"/accounts/get-accounts","count":5,"mode":"delay","delay_ms":10000})");
    std::vector<Outcome> outcomes(5);
    auto start = Clock::now();
    {
        yativo::EventLoop loop;
        for (auto &o : outcomes) loop.start([&c] { c.list_accounts(); }, record(o));
        for (int i = 0; i < 5; ++i) loop.run_once(std::chrono::milliseconds(50));
    }
    for (auto &o : outcomes) {
        EXPECT_TRUE(o.done);
        EXPECT_EQ(o.code, Status::CANCELLED);
    }
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(5));
    EXPECT_NO_THROW(c.list_accounts());  // the client is fine for blocking calls after
}

TEST(Async, ApplicationTransportIsRefusedOnALoop) {
    yativo::ClientOptions o;
    o.base_url = "http://127.0.0.1:9/api/v1";
    o.use_environment = false;
    o.access_token = yativo::Secret("token");
    o.transport = [](const yativo::TransportRequest &, yativo::TransportResponse &r) {
        r.set_outcome(yativo::TransportOutcome::Network, "unused");
    };
    yativo::Client c(o);
    yativo::EventLoop loop;
    Outcome out;
    loop.start([&] { c.list_accounts(); }, record(out));
    loop.run();
    EXPECT_EQ(out.code, Status::INVALID_ARGUMENT);
}

// The host's own epoll loop drives it through the watch and timer hooks.
TEST(Async, HostDrivenEpoll) {
    yvtest::SandboxProcess sb;
    auto key = itest::create_key(sb);
    yativo::Client c(itest::key_options(sb, key));
    int ep = epoll_create1(EPOLL_CLOEXEC);
    int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
    epoll_event tev{};
    tev.events = EPOLLIN;
    tev.data.fd = tfd;
    ASSERT_EQ(epoll_ctl(ep, EPOLL_CTL_ADD, tfd, &tev), 0);
    std::map<int, int> watched;
    int timer_calls = 0;
    yativo::EventLoopOptions lo;
    lo.watch = [&](int fd, int events) {
        epoll_event ev{};
        ev.data.fd = fd;
        if (events & yativo::WatchRead) ev.events |= EPOLLIN;
        if (events & yativo::WatchWrite) ev.events |= EPOLLOUT;
        if (events == yativo::WatchNone) {
            epoll_ctl(ep, EPOLL_CTL_DEL, fd, nullptr);
            watched.erase(fd);
        } else if (watched.count(fd)) {
            epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev);
            watched[fd] = events;
        } else {
            epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
            watched[fd] = events;
        }
    };
    lo.timer = [&](long ms) {
        ++timer_calls;
        itimerspec its{};
        if (ms >= 0) {
            if (ms == 0) ms = 1;  // 0 would disarm a timerfd
            its.it_value.tv_sec = ms / 1000;
            its.it_value.tv_nsec = (ms % 1000) * 1000000L;
        }
        timerfd_settime(tfd, 0, &its, nullptr);
    };
    // Dropped connections make libcurl close sockets and open new ones, which get the closed
    // ones' numbers: each must be announced to the host's epoll set again.
    c.list_accounts();
    sb.fault(R"({"path":"/accounts/get-accounts","count":12,"mode":"drop_before"})");
    std::vector<Outcome> outcomes(30);
    {
        yativo::EventLoop loop(lo);
        for (auto &o : outcomes) loop.start([&c] { c.list_accounts(); }, record(o));
        auto until = Clock::now() + std::chrono::seconds(30);
        while (loop.in_flight() > 0 && Clock::now() < until) {
            epoll_event evs[16];
            int n = epoll_wait(ep, evs, 16, 1000);
            for (int i = 0; i < n; ++i) {
                if (evs[i].data.fd == tfd) {
                    std::uint64_t expirations;
                    ssize_t r = read(tfd, &expirations, sizeof expirations);
                    (void)r;
                    loop.on_timeout();
                    continue;
                }
                int events = 0;
                if (evs[i].events & EPOLLIN) events |= yativo::WatchRead;
                if (evs[i].events & EPOLLOUT) events |= yativo::WatchWrite;
                if (evs[i].events & (EPOLLERR | EPOLLHUP)) events |= yativo::WatchError;
                loop.on_socket(evs[i].data.fd, events);
            }
        }
        EXPECT_EQ(loop.in_flight(), 0u);
    }
    for (auto &o : outcomes) EXPECT_EQ(o.code, Status::OK) << o.error.what();
    EXPECT_GT(timer_calls, 0);
    EXPECT_TRUE(watched.empty()) << "the loop left sockets watched after it was destroyed";
    close(tfd);
    close(ep);
}

// Back-to-back 2FA calls on one loop each wait for a TOTP step of their own as a timer, without
// holding the other calls of the loop.
TEST(Async, TwoFactorStepsWaitAsTimers) {
    yvtest::SandboxProcess sb({"--totp-period", "2"});
    yativo::Client session(itest::session_options(sb));
    yativo::EventLoop loop;
    std::vector<Outcome> keys(2);
    std::vector<Outcome> lists(10);
    for (auto &o : keys)
        loop.start([&] { session.create_api_key({"async", {"read"}, {}, {}}); }, record(o));
    for (auto &o : lists) loop.start([&] { session.list_accounts(); }, record(o));
    loop.run();
    for (auto &o : keys) EXPECT_EQ(o.code, Status::OK) << o.error.what();
    for (auto &o : lists) EXPECT_EQ(o.code, Status::OK) << o.error.what();
}

// The token expired: 500 calls in flight on one loop wait for one exchange and share it.
TEST(Async, ExpiredTokenRefreshedOnceForFiveHundredCalls) {
    yvtest::SandboxProcess sb({"--token-ttl", "2"});
    auto key = itest::create_key(sb);
    auto o = itest::key_options(sb, key);
    o.refresh_margin = std::chrono::seconds(1);
    yativo::Client c(o);
    c.list_accounts();
    ASSERT_EQ(sb.stat("token_exchanges"), 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));  // the token has expired
    sb.fault(R"({"path":"/auth/token","count":1,"mode":"delay","delay_ms":300})");
    yativo::EventLoopOptions lo;
    lo.max_host_connections = 500;
    yativo::EventLoop loop(lo);
    std::vector<Outcome> outcomes(500);
    for (auto &out : outcomes) loop.start([&c] { c.list_accounts(); }, record(out));
    loop.run();
    int failed = 0;
    for (auto &out : outcomes) failed += out.code != Status::OK;
    EXPECT_EQ(failed, 0) << outcomes[0].error.what();
    EXPECT_EQ(sb.stat("token_exchanges"), 2);
}
