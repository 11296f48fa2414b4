// A process that forks while holding a client (issue 10): the child works with connections and a
// token of its own, never with the parent's sockets, TLS state or exchange in flight. Each test
// runs one scenario that reports what it saw; its control runs the same scenario with fork
// detection switched off through the test seam and shows the observations the test relies on
// come out differently, so the test can fail.
#include <rapidjson/document.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include "certs.hpp"
#include "fork_guard.hpp"
#include "itest.hpp"

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Switches fork detection (transport and token cache) for the scope; always back on after.
struct ForkDetection {
    explicit ForkDetection(bool on) { yativo::detail::set_fork_detection_for_testing(on); }
    ~ForkDetection() { yativo::detail::set_fork_detection_for_testing(true); }
    ForkDetection(const ForkDetection &) = delete;
    ForkDetection &operator=(const ForkDetection &) = delete;
};

struct ChildEnd {
    bool finished = false;  // exited on its own within the limit (else killed)
    int exit_code = -1;
    std::chrono::milliseconds took{0};
};

// Waits up to `limit` for the child, then kills it: a hanging child never hangs the test.
ChildEnd await_child(pid_t pid, std::chrono::milliseconds limit) {
    ChildEnd end;
    auto start = Clock::now();
    for (;;) {
        int status = 0;
        pid_t r = waitpid(pid, &status, WNOHANG);
        end.took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
        if (r == pid) {
            end.finished = true;
            end.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            return end;
        }
        if (r < 0 || end.took >= limit) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return end;
        }
        std::this_thread::sleep_for(5ms);
    }
}

// Sandbox counters, read with one stats request each. Every stats request rides a connection of
// its own, so `connections` leaves those out: what remains are the clients' connections.
class Meter {
  public:
    explicit Meter(yvtest::SandboxProcess &sb) : sb_(sb) {}
    struct Reading {
        long connections = -1;
        long token_exchanges = -1;
    };
    Reading read() {
        rapidjson::Document doc;
        doc.Parse(sb_.stats_json().c_str());
        ++reads_;
        Reading r;
        if (doc.IsObject() && doc.HasMember("connections") && doc.HasMember("token_exchanges")) {
            r.connections = static_cast<long>(doc["connections"].GetInt64()) - reads_;
            r.token_exchanges = static_cast<long>(doc["token_exchanges"].GetInt64());
        }
        return r;
    }

  private:
    yvtest::SandboxProcess &sb_;
    long reads_ = 0;
};

struct KeepAliveFork {
    Meter::Reading before_child, after_child, after_parent;
    ChildEnd child;  // exit code 0: every call of the child succeeded
    bool parent_ok = false;
    bool parent_sees_child_account = false;
};

// A client with a live TLS keep-alive connection and a cached token forks; the child makes four
// calls (one a write), then the parent makes three.
KeepAliveFork fork_with_live_connection(bool fork_detection) {
    KeepAliveFork seen;
    itest::TempDir dir;
    std::string cert = itest::make_cert(dir.path, "fork", "IP:127.0.0.1", 2);
    if (cert.empty()) {
        ADD_FAILURE() << "openssl could not make a certificate";
        return seen;
    }
    yvtest::SandboxProcess sb({"--tls-cert", cert, "--tls-key", dir.path + "/fork.key"});
    auto session_options = itest::session_options(sb);
    session_options.ca_file = cert;
    auto created =
        yativo::Client(session_options).create_api_key({"fork", {"read", "write"}, {}, {}});
    auto o = itest::key_options(sb, {created.id, created.api_key, created.api_secret});
    o.ca_file = cert;
    std::optional<yativo::Client> client(std::in_place, o);
    yativo::Client &c = *client;
    c.list_accounts();  // the connection and the token the child inherits

    ForkDetection detection(fork_detection);
    Meter meter(sb);
    seen.before_child = meter.read();
    pid_t child = fork();
    if (child == 0) {
        int code = 0;
        try {
            for (int i = 0; i < 3; ++i) c.list_accounts();
            // Keyed: a keyless write would take a connection of its own (SPEC §4).
            yativo::CallOptions keyed;
            keyed.idempotency_key = "fork-child-account";
            c.create_account("from-child", "business", keyed);
        } catch (...) {
            code = 1;
        }
        client.reset();  // a child done with the client frees it (no TLS shutdown of the parent's)
        _exit(code);
    }
    seen.child = await_child(child, 20s);
    seen.after_child = meter.read();
    try {
        c.list_accounts();
        c.list_accounts();
        for (const yativo::Account &a : c.list_accounts())
            seen.parent_sees_child_account =
                seen.parent_sees_child_account || a.name == "from-child";
        seen.parent_ok = true;
    } catch (...) {
    }
    seen.after_parent = meter.read();
    return seen;
}

}  // namespace

TEST(Fork, ChildUsesItsOwnConnectionAndTokenParentUnharmed) {
    auto seen = fork_with_live_connection(true);
    ASSERT_TRUE(seen.child.finished);
    EXPECT_EQ(seen.child.exit_code, 0) << "a call of the child failed";
    // The child opened one connection of its own (the token exchange and its four calls on it)...
    EXPECT_EQ(seen.after_child.connections, seen.before_child.connections + 1);
    // ...and exchanged its own token.
    EXPECT_EQ(seen.after_child.token_exchanges, seen.before_child.token_exchanges + 1);
    // The parent's calls succeed on its original connection: the child left its TLS state intact.
    EXPECT_TRUE(seen.parent_ok);
    EXPECT_EQ(seen.after_parent.connections, seen.after_child.connections);
    EXPECT_EQ(seen.after_parent.token_exchanges, seen.after_child.token_exchanges);
    EXPECT_TRUE(seen.parent_sees_child_account);
}

// The control: without fork detection the child talks over the parent's connection with the
// parent's token, and the parent's connection is ruined (its TLS records are out of sequence
// for the server), so each check above that the child is separate would fail.
TEST(Fork, ControlWithoutDetectionChildSharesTheParentsConnection) {
    auto seen = fork_with_live_connection(false);
    ASSERT_TRUE(seen.child.finished);
    EXPECT_EQ(seen.child.exit_code, 0);
    EXPECT_EQ(seen.after_child.connections, seen.before_child.connections);
    EXPECT_EQ(seen.after_child.token_exchanges, seen.before_child.token_exchanges);
    EXPECT_GT(seen.after_parent.connections, seen.after_child.connections);
}

namespace {

struct ForkDuringExchange {
    bool exchange_in_flight_at_fork = false;  // the fork came before the delayed answer
    ChildEnd child;
    bool parent_ok = false;
    long token_exchanges = -1;  // after everything
};

constexpr auto kExchangeDelay = 1500ms;
// Longer than the parent's exchange takes: a child still waiting then waits for an exchange
// that will never finish in its process.
constexpr auto kChildLimit = 4000ms;

// Another thread of the parent is inside the (delayed) token exchange and a third waits for it
// when the process forks; the child makes one call.
ForkDuringExchange fork_during_exchange(bool fork_detection) {
    ForkDuringExchange seen;
    yvtest::SandboxProcess sb;
    std::optional<yativo::Client> client(std::in_place,
                                         itest::key_options(sb, itest::create_key(sb, {"read"})));
    yativo::Client &c = *client;
    sb.fault(R"({"path":"/auth/token","count":1,"mode":"delay","delay_ms":)" +
             std::to_string(kExchangeDelay.count()) + "}");
    std::atomic<int> parent_calls_ok{0};
    auto call = [&] {
        try {
            c.list_accounts();
            ++parent_calls_ok;
        } catch (...) {
        }
    };
    // The fault is taken when the sandbox reads the exchange's request: from then on the
    // exchanging thread waits for the answer, with the token cache's lock released, and the
    // answer comes kExchangeDelay after that. `pending_at` is a time the fault was not yet taken.
    auto pending_at = Clock::now();
    std::thread exchanging(call);
    bool taken = false;
    for (auto deadline = pending_at + 5s; !taken && Clock::now() < deadline;) {
        auto now = Clock::now();
        taken = sb.stat("faults_pending") == 0;
        if (!taken) {
            pending_at = now;
            std::this_thread::sleep_for(5ms);
        }
    }
    std::thread waiting(call);
    std::this_thread::sleep_for(100ms);  // time to start waiting for the exchange

    ForkDetection detection(fork_detection);
    pid_t child = fork();
    if (child == 0) {
        int code = 0;
        try {
            c.list_accounts();
        } catch (...) {
            code = 1;
        }
        // Freeing the client must not wait for the parent's threads either (glibc's condition
        // variable destroy waits for every waiter it counts).
        client.reset();
        _exit(code);
    }
    seen.exchange_in_flight_at_fork = taken && Clock::now() - pending_at < kExchangeDelay;
    seen.child = await_child(child, kChildLimit);
    exchanging.join();
    waiting.join();
    seen.parent_ok = parent_calls_ok.load() == 2;
    seen.token_exchanges = sb.stat("token_exchanges");
    return seen;
}

}  // namespace

TEST(Fork, ChildDoesNotWaitForTheParentsExchangeInFlight) {
    auto seen = fork_during_exchange(true);
    ASSERT_TRUE(seen.exchange_in_flight_at_fork) << "the machine stalled; the scenario did not run";
    EXPECT_TRUE(seen.child.finished)
        << "the child was still waiting after " << seen.child.took.count() << " ms";
    EXPECT_EQ(seen.child.exit_code, 0);
    EXPECT_TRUE(seen.parent_ok);
    EXPECT_EQ(seen.token_exchanges, 2);  // the parent's and the child's own
}

// The control: without fork detection the child waits for the exchange its process will never
// finish (until its call's deadline, a minute), and is killed at the limit.
TEST(Fork, ControlWithoutDetectionChildWaitsForAGhostExchange) {
    auto seen = fork_during_exchange(false);
    ASSERT_TRUE(seen.exchange_in_flight_at_fork) << "the machine stalled; the scenario did not run";
    EXPECT_FALSE(seen.child.finished);
    EXPECT_TRUE(seen.parent_ok);
    EXPECT_EQ(seen.token_exchanges, 1);
}
