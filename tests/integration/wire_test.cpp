// What reached the wire is measured, never inferred from an error code (issue 14, SPEC §4).
// The sandbox's drop faults with unlisten_ms play a server that read the request, processed it,
// stopped listening and closed the connection unanswered, then came back: libcurl's own re-send
// of the request on a fresh connection is refused, and it reports a connect error although the
// first send was processed.
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "itest.hpp"

using itest::code_of;
using yativo::Status;
using namespace std::chrono_literals;

namespace {

struct Fixture {
    yvtest::SandboxProcess sb;
    itest::Key key;
    std::unique_ptr<yativo::Client> client;
    std::unique_ptr<yativo::Client> sender;
    std::mutex log_mutex;
    std::vector<std::string> log;  // the sender's debug lines
    explicit Fixture(int max_retries) : sb(), key(itest::create_key(sb)) {
        auto o = itest::key_options(sb, key);
        client = std::make_unique<yativo::Client>(o);
        o.max_retries = max_retries;
        o.backoff_base = 100ms;
        o.backoff_cap = 400ms;
        o.log_level = yativo::LogLevel::Debug;
        o.log = [this](yativo::LogLevel, std::string_view line) {
            std::lock_guard<std::mutex> lock(log_mutex);
            log.emplace_back(line);
        };
        sender = std::make_unique<yativo::Client>(o);
    }
    bool logged(const std::string &needle) {
        std::lock_guard<std::mutex> lock(log_mutex);
        for (const auto &l : log)
            if (l.find(needle) != std::string::npos) return true;
        return false;
    }
    // The sender's one keep-alive connection (its token exchange and a read ride it): when it
    // dies, libcurl has no other live connection to re-send on and must reconnect.
    void warm_sender() { sender->list_accounts(); }
};

// A send's fault: processed, then the listener closed for `unlisten_ms` before the connection is.
std::string drop_after(const std::string &path, int unlisten_ms) {
    return R"({"path":")" + path + R"(","count":1,"mode":"drop_after","unlisten_ms":)" +
           std::to_string(unlisten_ms) + "}";
}

// Waits (up to 10 s) until the sandbox listens again after an unlisten_ms pause.
void await_listening(yvtest::SandboxProcess &sb) {
    auto until = std::chrono::steady_clock::now() + 10s;
    for (;;) {
        try {
            sb.stats_json();
            return;
        } catch (const std::exception &) {
            if (std::chrono::steady_clock::now() > until) throw;
            std::this_thread::sleep_for(50ms);
        }
    }
}

long accounts_named(yativo::Client &c, const std::string &name) {
    long found = 0;
    for (const yativo::Account &a : c.list_accounts()) found += a.name == name;
    return found;
}

}  // namespace

// The critical path: send-funds, max_retries 0, on a reused connection whose reconnect is
// refused. The server processed the transfer; the error must say the outcome is unknown and
// carry the key, so the caller re-sends with that key and not a new one.
TEST(Wire, SendFundsWithARefusedReconnectIsOutcomeUnknown) {
    Fixture f(0);
    auto [account, asset] = itest::funded_asset(*f.client, f.sb, "10");
    f.warm_sender();
    long connections = f.sb.stat("connections");
    f.sb.fault(drop_after("/transactions/send-funds", 400));
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { f.sender->send_funds(itest::a_send(account, asset, "1.5")); }, &e),
              Status::NETWORK);
    EXPECT_TRUE(e.outcome_unknown) << e.what();
    EXPECT_TRUE(e.retryable);  // keyed: safe to send again with the same key
    ASSERT_FALSE(e.idempotency_key.empty());
    await_listening(f.sb);
    // The send went out on the reused connection: new ones are only the fault request's and
    // this stats request's (and those of the polls that found the sandbox listening again).
    EXPECT_EQ(f.sb.stat("connections"), connections + 2 + 1);
    EXPECT_EQ(f.sb.path_count("/transactions/send-funds"), 1);
    EXPECT_EQ(f.sb.stat("transactions_created"), 1);
    // Sending again with the error's key replays the original: still one transfer.
    yativo::CallOptions again;
    again.idempotency_key = e.idempotency_key;
    auto r = f.sender->send_funds(itest::a_send(account, asset, "1.5"), again);
    EXPECT_EQ(r.idempotency_key, e.idempotency_key);
    EXPECT_EQ(f.sb.stat("transactions_created"), 1);
}

// With retries left, the same restart costs nothing: the retry engine re-sends with the same key
// once the server is back, and the server makes one transfer.
TEST(Wire, SendFundsAcrossARestartMakesOneTransfer) {
    Fixture f(10);
    auto [account, asset] = itest::funded_asset(*f.client, f.sb, "10");
    f.warm_sender();
    f.sb.fault(drop_after("/transactions/send-funds", 300));
    auto started = std::chrono::steady_clock::now();
    auto r = f.sender->send_funds(itest::a_send(account, asset, "2"));
    // It could only be answered once the sandbox listened again.
    EXPECT_GE(std::chrono::steady_clock::now() - started, 300ms);
    EXPECT_EQ(r.amount, "2");
    EXPECT_EQ(f.sb.stat("transactions_created"), 1);
    EXPECT_GE(f.sb.path_count("/transactions/send-funds"), 2);  // the replay answered
}

// A keyless write is never re-sent, whatever retries are left: it goes out on a connection of
// its own, so libcurl has no dead reused connection to re-send it on, and the retry engine does
// not send a write that may have been processed.
TEST(Wire, KeylessWriteWithARefusedReconnectIsSentOnce) {
    Fixture f(3);
    f.warm_sender();
    long connections = f.sb.stat("connections");
    f.sb.fault(drop_after("/accounts/create-account", 400));
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { f.sender->create_account("Once", "business"); }, &e), Status::NETWORK);
    EXPECT_TRUE(e.outcome_unknown) << e.what();
    EXPECT_FALSE(e.retryable);
    await_listening(f.sb);
    // The fault request's connection, the write's own, the poll that answered, and this stats
    // request's.
    EXPECT_EQ(f.sb.stat("connections"), connections + 3 + 1);
    EXPECT_EQ(f.sb.path_count("/accounts/create-account"), 1);
    EXPECT_EQ(accounts_named(*f.client, "Once"), 1);
}

// max_retries = 0 means exactly one send: libcurl's own re-send of a keyed write (or a read) on
// a dead reused connection is a send too, and is refused. Before, send-funds with no retries
// went out twice.
TEST(Wire, NoRetriesMeansExactlyOneSendIncludingLibcurls) {
    Fixture f(0);
    auto [account, asset] = itest::funded_asset(*f.client, f.sb, "10");
    f.warm_sender();
    f.sb.fault(drop_after("/transactions/send-funds", 0));
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { f.sender->send_funds(itest::a_send(account, asset, "1")); }, &e),
              Status::NETWORK);
    EXPECT_TRUE(e.outcome_unknown);
    EXPECT_EQ(f.sb.path_count("/transactions/send-funds"), 1);
    EXPECT_EQ(f.sb.stat("transactions_created"), 1);

    f.warm_sender();  // the refused re-send closed the connection: a read reuses a new one
    long accounts_reads = f.sb.path_count("/accounts/get-accounts");
    f.sb.fault(drop_after("/accounts/get-accounts", 0));
    EXPECT_EQ(code_of([&] { f.sender->list_accounts(); }), Status::NETWORK);
    // The setup's calls, the warm-up and the one send.
    EXPECT_EQ(f.sb.path_count("/accounts/get-accounts"), accounts_reads + 1);
}

// The control for the test above: with one retry left, libcurl's re-send on a fresh connection
// is allowed and answers (the sandbox replays the keyed send), on a connection of its own.
TEST(Wire, LibcurlResendIsAllowedWhileARetryIsLeft) {
    Fixture f(1);
    auto [account, asset] = itest::funded_asset(*f.client, f.sb, "10");
    f.warm_sender();
    long connections = f.sb.stat("connections");
    f.sb.fault(drop_after("/transactions/send-funds", 0));
    auto r = f.sender->send_funds(itest::a_send(account, asset, "1"));
    EXPECT_FALSE(r.idempotency_key.empty());
    EXPECT_EQ(f.sb.path_count("/transactions/send-funds"), 2);
    EXPECT_EQ(f.sb.stat("transactions_created"), 1);
    // The fault request's, the re-send's and the three stats requests' (path_count is one).
    EXPECT_EQ(f.sb.stat("connections"), connections + 5);
    // libcurl's re-send, not the retry engine's: one attempt, and the re-send counted as a retry.
    EXPECT_TRUE(f.logged("libcurl re-sent the request on a fresh one (counted as retry 1 of 1)"));
    EXPECT_FALSE(f.logged("send-funds attempt 2"));
}

// ... and that re-send spent the one retry: when it is dropped too, nothing is sent again.
TEST(Wire, LibcurlResendSpendsTheRetry) {
    Fixture f(1);
    auto [account, asset] = itest::funded_asset(*f.client, f.sb, "10");
    f.warm_sender();
    f.sb.fault(R"({"path":"/transactions/send-funds","count":2,"mode":"drop_after"})");
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { f.sender->send_funds(itest::a_send(account, asset, "1")); }, &e),
              Status::NETWORK);
    EXPECT_TRUE(e.outcome_unknown);
    EXPECT_FALSE(e.idempotency_key.empty());
    EXPECT_EQ(f.sb.path_count("/transactions/send-funds"), 2);  // the send and libcurl's re-send
    EXPECT_EQ(f.sb.stat("transactions_created"), 1);
    EXPECT_TRUE(f.logged("counted as retry 1 of 1"));
    EXPECT_FALSE(f.logged("send-funds attempt 2"));
}
