// Webhook delivery over real HTTP to a receiver in this test: events on deposits and on
// POST /webhook/{id}/test, both signature schemes checked here with OpenSSL, retries with
// backoff recorded in /webhook/{id}/events, inactive webhooks, reset, remote URLs, shutdown.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "util.hpp"

namespace sbt {
namespace {

using Steady = std::chrono::steady_clock;

// A loopback HTTP/1.1 server on a thread: records each request and answers it with the next of
// `statuses` (200 once they run out), or never answers when `hang`.
class Receiver {
  public:
    struct Hit {
        std::string path;
        std::map<std::string, std::string> headers;  // names in lower case
        std::string body;
        Steady::time_point at;
    };

    explicit Receiver(std::vector<int> statuses = {}, bool hang = false)
        : statuses_(std::move(statuses)), hang_(hang) {
        fd_ = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
            listen(fd_, 16) != 0)
            throw std::runtime_error("receiver: cannot listen");
        socklen_t len = sizeof addr;
        getsockname(fd_, reinterpret_cast<sockaddr *>(&addr), &len);
        port_ = ntohs(addr.sin_port);
        thread_ = std::thread([this] { run(); });
    }
    ~Receiver() {
        stop_ = true;
        thread_.join();
        for (int fd : held_) close(fd);
        close(fd_);
    }
    Receiver(const Receiver &) = delete;
    Receiver &operator=(const Receiver &) = delete;

    std::string url(const std::string &path = "/hook") const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }
    // The requests so far, after waiting up to `timeout_ms` for at least `n` of them.
    std::vector<Hit> wait_for(size_t n, int timeout_ms = 5000) {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                     [&] { return hits_.size() >= n; });
        return hits_;
    }
    std::vector<Hit> hits() {
        std::lock_guard<std::mutex> lock(mu_);
        return hits_;
    }

  private:
    void run() {
        while (!stop_) {
            pollfd p{fd_, POLLIN, 0};
            if (poll(&p, 1, 50) <= 0) continue;
            int c = accept(fd_, nullptr, nullptr);
            if (c < 0) continue;
            serve(c);
        }
    }

    void serve(int c) {
        std::string in;
        char buf[4096];
        size_t header_end = std::string::npos;
        size_t want = 0;
        auto deadline = Steady::now() + std::chrono::seconds(5);
        while (Steady::now() < deadline) {
            pollfd p{c, POLLIN, 0};
            if (poll(&p, 1, 50) <= 0) continue;
            ssize_t n = recv(c, buf, sizeof buf, 0);
            if (n <= 0) break;
            in.append(buf, static_cast<size_t>(n));
            if (header_end == std::string::npos) {
                header_end = in.find("\r\n\r\n");
                if (header_end == std::string::npos) continue;
                want = header_end + 4 + content_length(in.substr(0, header_end));
            }
            if (in.size() >= want) break;
        }
        Hit hit;
        hit.at = Steady::now();
        if (header_end != std::string::npos) {
            std::string head = in.substr(0, header_end);
            size_t line_end = head.find("\r\n");
            std::string request_line = head.substr(0, line_end);
            size_t sp1 = request_line.find(' ');
            hit.path = request_line.substr(sp1 + 1, request_line.rfind(' ') - sp1 - 1);
            size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
            while (pos < head.size()) {
                size_t eol = head.find("\r\n", pos);
                if (eol == std::string::npos) eol = head.size();
                std::string line = head.substr(pos, eol - pos);
                size_t colon = line.find(':');
                if (colon != std::string::npos) {
                    std::string name = line.substr(0, colon);
                    std::transform(name.begin(), name.end(), name.begin(),
                                   [](unsigned char ch) { return std::tolower(ch); });
                    size_t v = line.find_first_not_of(' ', colon + 1);
                    hit.headers[name] = v == std::string::npos ? "" : line.substr(v);
                }
                pos = eol + 2;
            }
            hit.body = in.substr(header_end + 4);
        }
        int status = 200;
        {
            std::lock_guard<std::mutex> lock(mu_);
            if (hits_.size() < statuses_.size()) status = statuses_[hits_.size()];
            hits_.push_back(hit);
        }
        cv_.notify_all();
        if (hang_) {
            held_.push_back(c);  // never answered; closed by the destructor
            return;
        }
        std::string out = "HTTP/1.1 " + std::to_string(status) +
                          " Whatever\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
        send(c, out.data(), out.size(), MSG_NOSIGNAL);
        close(c);
    }

    static size_t content_length(const std::string &head) {
        std::string lower = head;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char ch) { return std::tolower(ch); });
        size_t at = lower.find("\r\ncontent-length:");
        if (at == std::string::npos) return 0;
        return std::strtoul(lower.c_str() + at + 17, nullptr, 10);
    }

    int fd_ = -1;
    int port_ = 0;
    std::vector<int> statuses_;
    bool hang_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<Hit> hits_;
    std::vector<int> held_;
};

std::string hmac_hex(const std::string &key, const std::string &data) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char *>(data.data()), data.size(), mac, &len);
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < len; ++i) {
        out += kHex[mac[i] >> 4];
        out += kHex[mac[i] & 15];
    }
    return out;
}

// Both schemes of SPEC §5, checked from the raw body.
void expect_signed(const Receiver::Hit &hit, const std::string &secret) {
    ASSERT_FALSE(hit.body.empty());
    EXPECT_EQ(hit.headers.at("content-type"), "application/json");
    EXPECT_EQ(hit.headers.at("x-webhook-signature"), hmac_hex(secret, hit.body));
    const std::string ts = hit.headers.at("x-yativo-timestamp");
    ASSERT_FALSE(ts.empty());
    long long sent = std::stoll(ts);
    long long now = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    EXPECT_LE(std::llabs(now - sent), 300);
    EXPECT_EQ(hit.headers.at("x-yativo-signature"),
              "sha256=" + hmac_hex(secret, ts + "." + hit.body));
    // Another secret does not verify: the check above means something.
    EXPECT_NE(hit.headers.at("x-webhook-signature"), hmac_hex(secret + "x", hit.body));
}

struct Hook {
    std::string id, secret;
};

Hook make_hook(Client &c, const std::string &url, const std::string &events = R"(["*"])",
               const std::string &path = "/webhook/create") {
    auto r = c.call("POST", path, R"({"url":")" + url + R"(","events":)" + events + "}");
    EXPECT_EQ(r.status, 201) << r.body;
    return Hook{data_str(r, "id"), data_str(r, "secret")};
}

// GET /webhook/{id}/events once a delivery there is no longer pending (or after 5 s).
rapidjson::Document settled_events(Client &c, const std::string &hook, size_t n = 1) {
    auto deadline = Steady::now() + std::chrono::seconds(5);
    while (true) {
        auto r = c.call("GET", "/webhook/" + hook + "/events");
        EXPECT_EQ(r.status, 200) << r.body;
        auto doc = parse(r.body);
        const auto &events = doc["data"]["events"];
        bool settled = events.Size() >= n;
        for (rapidjson::SizeType i = 0; settled && i < events.Size(); ++i)
            settled = str(events[i], "status") != "pending";
        if (settled || Steady::now() > deadline) return doc;
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }
}

TEST(WebhookDelivery, DepositAndTestEventsArriveSignedBothWays) {
    SandboxProcess sb;
    Client c(sb);
    Receiver rx;
    Hook hook = make_hook(c, rx.url("/deposits"), R"(["deposit.received"])");
    Hook other =
        make_hook(c, rx.url("/other"), R"(["transaction.confirmed"])", "/webhook/create-webhook");
    std::string acc = c.account();
    std::string ast = c.asset(acc);
    sb.deposit(ast, "12.000000000000000001");

    auto hits = rx.wait_for(1);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].path, "/deposits");
    expect_signed(hits[0], hook.secret);
    auto event = parse(hits[0].body);
    ASSERT_TRUE(event.IsObject()) << hits[0].body;
    EXPECT_EQ(str(event, "type"), "deposit.received");
    EXPECT_EQ(str(event, "id").rfind("evt_", 0), 0u);
    EXPECT_EQ(hits[0].headers.at("x-yativo-event-id"), str(event, "id"));
    EXPECT_EQ(str(event["data"], "asset_id"), ast);
    EXPECT_EQ(str(event["data"], "amount"), "12.000000000000000001");
    EXPECT_EQ(str(event["data"], "chain"), "solana");
    EXPECT_EQ(str(event["data"], "ticker"), "USDC_SOL");

    auto test = c.call("POST", "/webhook/" + other.id + "/test");
    ASSERT_EQ(test.status, 200) << test.body;
    hits = rx.wait_for(2);
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[1].path, "/other");
    expect_signed(hits[1], other.secret);
    auto tevent = parse(hits[1].body);
    EXPECT_EQ(str(tevent, "type"), "webhook.test");
    EXPECT_EQ(str(tevent, "id"), data_str(test, "event_id"));

    auto log = settled_events(c, hook.id);
    const auto &events = log["data"]["events"];
    ASSERT_EQ(events.Size(), 1u);
    EXPECT_EQ(str(events[0], "status"), "delivered");
    EXPECT_EQ(str(events[0], "event_id"), str(event, "id"));
    EXPECT_EQ(str(events[0], "type"), "deposit.received");
    EXPECT_EQ(events[0]["attempts"].GetInt(), 1);
    EXPECT_EQ(events[0]["last_status_code"].GetInt(), 200);
    EXPECT_EQ(settled_events(c, other.id)["data"]["events"].Size(), 1u);
    EXPECT_EQ(sb.stat("webhook_deliveries"), 2);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(rx.hits().size(), 2u);  // nothing for the subscriber of transaction.confirmed
}

TEST(WebhookDelivery, RetriesWithBackoffUntilA2xxAndRecordsEachAttempt) {
    SandboxProcess sb({"--webhook-retry-ms", "60"});
    Client c(sb);
    Receiver rx({500, 500, 200});
    Hook hook = make_hook(c, rx.url());
    sb.deposit(c.asset(c.account()), "5");

    auto hits = rx.wait_for(3);
    ASSERT_EQ(hits.size(), 3u);
    for (const auto &h : hits) {
        EXPECT_EQ(h.body, hits[0].body);  // the same event, re-signed
        expect_signed(h, hook.secret);
    }
    // Backoff: 60 ms, then twice that.
    EXPECT_GE(hits[1].at - hits[0].at, std::chrono::milliseconds(55));
    EXPECT_GE(hits[2].at - hits[1].at, std::chrono::milliseconds(115));

    auto log = settled_events(c, hook.id);
    const auto &d = log["data"]["events"][0];
    EXPECT_EQ(str(d, "status"), "delivered");
    EXPECT_EQ(d["attempts"].GetInt(), 3);
    EXPECT_EQ(d["last_status_code"].GetInt(), 200);
    ASSERT_EQ(d["history"].Size(), 3u);
    EXPECT_EQ(d["history"][0]["status_code"].GetInt(), 500);
    EXPECT_EQ(str(d["history"][1], "error"), "HTTP 500");
    EXPECT_EQ(d["history"][2]["status_code"].GetInt(), 200);
    EXPECT_TRUE(d["history"][2]["error"].IsNull());
    EXPECT_EQ(str(d["payload"], "id"), str(d, "event_id"));
    EXPECT_EQ(sb.stat("webhook_deliveries"), 1);
}

TEST(WebhookDelivery, GivesUpAfterTheLastAttempt) {
    SandboxProcess sb({"--webhook-retry-ms", "20", "--webhook-attempts", "3"});
    Client c(sb);
    Receiver rx({500, 503, 502, 200});
    Hook failing = make_hook(c, rx.url());
    // A port nobody listens on: the connection is refused.
    int port = 0;
    {
        Receiver gone;
        port = std::stoi(gone.url().substr(gone.url().rfind(':') + 1));
    }
    Hook refused = make_hook(c, "http://127.0.0.1:" + std::to_string(port) + "/x");
    sb.deposit(c.asset(c.account()), "1");

    auto d = settled_events(c, failing.id);
    const auto &e = d["data"]["events"][0];
    EXPECT_EQ(str(e, "status"), "failed");
    EXPECT_EQ(e["attempts"].GetInt(), 3);
    EXPECT_EQ(e["last_status_code"].GetInt(), 502);
    EXPECT_EQ(str(e, "last_error"), "HTTP 502");
    EXPECT_FALSE(e["failed_at"].IsNull());
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_EQ(rx.hits().size(), 3u);

    auto r = settled_events(c, refused.id);
    const auto &f = r["data"]["events"][0];
    EXPECT_EQ(str(f, "status"), "failed");
    EXPECT_EQ(f["attempts"].GetInt(), 3);
    EXPECT_TRUE(f["last_status_code"].IsNull());
    EXPECT_NE(str(f, "last_error"), "<missing>");
    EXPECT_EQ(sb.stat("webhook_deliveries"), 0);
    // Filters of the log.
    EXPECT_EQ(parse(c.call("GET", "/webhook/" + failing.id + "/events?status=delivered")
                        .body)["data"]["events"]
                  .Size(),
              0u);
    EXPECT_EQ(c.call("GET", "/webhook/" + failing.id + "/events?status=gone").status, 400);
}

TEST(WebhookDelivery, AnInactiveWebhookGetsNothing) {
    SandboxProcess sb;
    Client c(sb);
    Receiver rx;
    Hook on = make_hook(c, rx.url("/on"));
    Hook off = make_hook(c, rx.url("/off"), R"(["deposit.received"])", "/webhook/create-webhook");
    ASSERT_EQ(c.call("POST", "/webhook/" + off.id + "/deactivate").status, 200);
    std::string ast = c.asset(c.account());
    sb.deposit(ast, "3");
    auto hits = rx.wait_for(1);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].path, "/on");
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_EQ(rx.hits().size(), 1u);
    EXPECT_EQ(parse(c.call("GET", "/webhook/" + off.id + "/events").body)["data"]["events"].Size(),
              0u);

    // Active again: the next deposit reaches it.
    ASSERT_EQ(c.call("POST", "/webhook/" + off.id + "/activate").status, 200);
    sb.deposit(ast, "4");
    hits = rx.wait_for(3);
    ASSERT_EQ(hits.size(), 3u);
    int to_off = 0;
    for (const auto &h : hits) to_off += h.path == "/off";
    EXPECT_EQ(to_off, 1);
}

TEST(WebhookDelivery, ResetDropsQueuedDeliveries) {
    SandboxProcess sb({"--webhook-retry-ms", "300"});
    Client c(sb);
    Receiver rx({500, 500, 500, 500, 500});
    make_hook(c, rx.url());
    sb.deposit(c.asset(c.account()), "1");
    ASSERT_EQ(rx.wait_for(1).size(), 1u);
    sb.reset();
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
    EXPECT_EQ(rx.hits().size(), 1u);  // the retries died with the state
    EXPECT_EQ(sb.stat("webhook_deliveries"), 0);
}

TEST(WebhookDelivery, RemoteUrlsOnlyWithTheFlag) {
    SandboxProcess sb;
    Client c(sb);
    Hook remote = make_hook(c, "https://example.invalid/hook");
    ASSERT_EQ(c.call("POST", "/webhook/" + remote.id + "/test").status, 200);
    auto log = settled_events(c, remote.id);
    const auto &e = log["data"]["events"][0];
    EXPECT_EQ(str(e, "status"), "failed");
    EXPECT_EQ(e["attempts"].GetInt(), 0);  // never sent
    EXPECT_NE(str(e, "last_error").find("--allow-remote-webhooks"), std::string::npos);
}

TEST(WebhookDelivery, ShutdownDoesNotWaitForAHangingReceiver) {
    auto sb = std::make_unique<SandboxProcess>();
    Client c(*sb);
    Receiver rx({}, /*hang=*/true);
    make_hook(c, rx.url());
    sb->deposit(c.asset(c.account()), "1");
    ASSERT_EQ(rx.wait_for(1).size(), 1u);
    auto start = Steady::now();
    EXPECT_EQ(sb->terminate(4000), 0);
    EXPECT_LT(Steady::now() - start, std::chrono::seconds(3));
}

}  // namespace
}  // namespace sbt
