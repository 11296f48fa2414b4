// Failures provoked for real with the sandbox's fault injection: what is retried, what never is.
#include <curl/curl.h>

#include <thread>

#include "itest.hpp"

using itest::code_of;
using yativo::Status;
using Clock = std::chrono::steady_clock;

namespace {
struct Fixture {
    yvtest::SandboxProcess sb;
    itest::Key key;
    std::vector<std::string> log;
    std::mutex log_mutex;
    std::unique_ptr<yativo::Client> client;
    explicit Fixture(std::function<void(yativo::ClientOptions &)> tweak = {})
        : sb(), key(itest::create_key(sb)) {
        auto o = itest::key_options(sb, key);
        o.log_level = yativo::LogLevel::Debug;
        o.log = [this](yativo::LogLevel, std::string_view line) {
            std::lock_guard<std::mutex> lock(log_mutex);
            log.emplace_back(line);
        };
        if (tweak) tweak(o);
        client = std::make_unique<yativo::Client>(o);
    }
    std::string dump() {
        std::lock_guard<std::mutex> lock(log_mutex);
        std::string out;
        for (const auto &l : log) out += "\n  log: " + l;
        return out;
    }
    bool logged(const std::string &needle) {
        std::lock_guard<std::mutex> lock(log_mutex);
        for (const auto &l : log)
            if (l.find(needle) != std::string::npos) return true;
        return false;
    }
};
}  // namespace

TEST(Faults, ServiceUnavailableRetriedHonouringRetryAfter) {
    Fixture f;
    f.client->list_accounts();
    f.sb.fault(
        R"({"path":"/accounts/get-accounts","count":1,"mode":"respond","status":503,"retry_after":1})");
    auto start = Clock::now();
    EXPECT_NO_THROW(f.client->list_accounts());
    EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(950));
    EXPECT_EQ(f.sb.path_count("/accounts/get-accounts"), 3);
}

TEST(Faults, RateLimitRetriedHonouringRetryAfter) {
    Fixture f;
    f.sb.fault(
        R"({"path":"/accounts/create-account","count":1,"mode":"respond","status":429,"retry_after":1})");
    auto start = Clock::now();
    EXPECT_NO_THROW(f.client->create_account("x", "business"));
    EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(950));
    EXPECT_EQ(f.sb.path_count("/accounts/create-account"), 2);
}

TEST(Faults, ServerErrorAfterRetries) {
    Fixture f([](yativo::ClientOptions &o) { o.backoff_base = std::chrono::milliseconds(10); });
    f.sb.fault(R"({"path":"/accounts/get-accounts","count":10,"mode":"respond","status":500})");
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { f.client->list_accounts(); }, &e), Status::SERVER);
    EXPECT_EQ(e.http_status, 500);
    EXPECT_EQ(f.sb.path_count("/accounts/get-accounts"), 4);
}

TEST(Faults, SendFundsDroppedAfterProcessingIsSentExactlyOnce) {
    Fixture f;
    auto [account, asset] = itest::funded_asset(*f.client, f.sb, "10");
    f.sb.fault(R"({"path":"/transactions/send-funds","count":1,"mode":"drop_after"})");
    auto r = f.client->send_funds(itest::a_send(account, asset, "1.5"));
    EXPECT_EQ(f.sb.path_count("/transactions/send-funds"), 2);  // the retry, with the same key
    EXPECT_EQ(f.sb.stat("transactions_created"), 1);
    EXPECT_FALSE(r.idempotency_key.empty());
    EXPECT_EQ(r.amount, "1.5");
    EXPECT_EQ(r.raw.get_string("idempotency_key"), r.idempotency_key);  // the replayed answer
}

// A keyless write after a warm keep-alive connection, whose connection dies after the request
// left: the SDK reports outcome_unknown and nothing sends it again — neither the retry loop nor
// libcurl. The write never rides the warm connection: it gets one of its own (SPEC §4).
TEST(Faults, KeylessWriteOnReusedConnectionIsNeverResent) {
    for (const char *mode : {"drop_after", "drop_before"}) {
        Fixture f;
        f.client->list_accounts();  // warm the connection
        long connections = f.sb.stat("connections");
        f.sb.fault(std::string(R"({"path":"/accounts/create-account","count":1,"mode":")") + mode +
                   "\"}");
        yativo::Error e(Status::OK, "");
        EXPECT_EQ(code_of([&] { f.client->create_account("Once", "business"); }, &e),
                  Status::NETWORK)
            << mode;
        // One connection for the fault request, one for the write, one for this stats request.
        EXPECT_EQ(f.sb.stat("connections"), connections + 3) << mode << f.dump();
        EXPECT_TRUE(e.outcome_unknown) << mode;
        EXPECT_EQ(f.sb.path_count("/accounts/create-account"), 1) << mode;
        long expected_accounts = std::string(mode) == "drop_after" ? 1 : 0;
        long found = 0;
        for (const yativo::Account &a : f.client->list_accounts()) found += a.name == "Once";
        EXPECT_EQ(found, expected_accounts) << mode;
    }
}

namespace {
size_t discard(char *, size_t size, size_t n, void *) {
    return size * n;
}
}  // namespace

// The control for the test above: plain libcurl with a rewindable body re-sends the same write on
// the reused connection, so the server sees it twice.
TEST(Faults, ControlPlainLibcurlResendsOnReusedConnection) {
    yvtest::SandboxProcess sb;
    CURL *e = curl_easy_init();
    curl_slist *h = nullptr;
    h = curl_slist_append(h, ("Authorization: Bearer " + sb.session_token()).c_str());
    h = curl_slist_append(h, "Content-Type: application/json");
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(e, CURLOPT_URL, (sb.base_url() + "/accounts/get-accounts").c_str());
    ASSERT_EQ(curl_easy_perform(e), CURLE_OK);
    sb.fault(R"({"path":"/accounts/create-account","count":1,"mode":"drop_after"})");
    curl_easy_setopt(e, CURLOPT_URL, (sb.base_url() + "/accounts/create-account").c_str());
    curl_easy_setopt(e, CURLOPT_POSTFIELDS,
                     R"({"account_name":"Twice","account_type":"business"})");
    curl_easy_perform(e);
    curl_slist_free_all(h);
    curl_easy_cleanup(e);
    EXPECT_EQ(sb.path_count("/accounts/create-account"), 2);
}

TEST(Faults, TruncatedOrGarbageBodyIsProtocol) {
    for (const char *mode : {"truncate", "garbage"}) {
        Fixture f;
        f.sb.fault(std::string(R"({"path":"/accounts/get-accounts","count":1,"mode":")") + mode +
                   "\"}");
        EXPECT_EQ(code_of([&] { f.client->list_accounts(); }), Status::PROTOCOL) << mode;
    }
}

TEST(Faults, AttemptTimeoutsEndInTimeout) {
    Fixture f([](yativo::ClientOptions &o) {
        o.attempt_timeout = std::chrono::milliseconds(300);
        o.total_timeout = std::chrono::milliseconds(1500);
    });
    f.client->list_accounts();
    f.sb.fault(R"({"path":"/accounts/get-accounts","count":20,"mode":"delay","delay_ms":3000})");
    auto start = Clock::now();
    EXPECT_EQ(code_of([&] { f.client->list_accounts(); }), Status::TIMEOUT);
    EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(2500));
}

TEST(Faults, CancelStopsATransferPromptly) {
    Fixture f;
    f.client->list_accounts();
    f.sb.fault(R"({"path":"/accounts/get-accounts","count":1,"mode":"delay","delay_ms":10000})");
    auto cancel = std::make_shared<yativo::CancelToken>();
    yativo::CallOptions call;
    call.cancel = cancel;
    std::thread trigger([cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        cancel->cancel();
    });
    auto start = Clock::now();
    EXPECT_EQ(code_of([&] { f.client->list_accounts(call); }), Status::CANCELLED);
    trigger.join();
    EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(2000));
}

TEST(Faults, ConnectionRefusedIsNetwork) {
    std::string base;
    {
        yvtest::SandboxProcess gone;
        base = gone.base_url();
    }
    yativo::ClientOptions o;
    o.base_url = base;
    o.use_environment = false;
    o.access_token = yativo::Secret("token");
    o.backoff_base = std::chrono::milliseconds(10);
    yativo::Client c(o);
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { c.create_account("x", "business"); }, &e), Status::NETWORK);
    EXPECT_FALSE(e.outcome_unknown);  // nothing was sent
}

// Found in review: a DELETE has no body to make un-rewindable, so a keyless one gets a connection
// of its own; the server sees it once even when the connection dies after processing.
TEST(Faults, KeylessDeleteIsNeverResent) {
    Fixture f;
    auto hook = f.client->create_webhook("https://example.com/h", {"transaction.completed"}, "");
    f.client->list_webhooks();  // warm the connection
    f.sb.fault("{\"path\":\"/webhook/" + hook.id + "\",\"count\":1,\"mode\":\"drop_after\"}");
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { f.client->delete_webhook(hook.id); }, &e), Status::NETWORK);
    EXPECT_TRUE(e.outcome_unknown);
    EXPECT_EQ(f.sb.path_count("/webhook/" + hook.id), 1);
}
