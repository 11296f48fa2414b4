// The HTTP layer: malformed input, 413 before authentication, timeouts, 64 concurrent
// keep-alive connections, rate limits, Expect: 100-continue, TLS.
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "util.hpp"

namespace sbt {
namespace {

class Socket {
  public:
    explicit Socket(int port) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ok_ = ::connect(fd_, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    }
    ~Socket() { ::close(fd_); }
    bool ok() const { return ok_; }
    bool send(const std::string &data) {
        size_t done = 0;
        while (done < data.size()) {
            ssize_t n = ::send(fd_, data.data() + done, data.size() - done, MSG_NOSIGNAL);
            if (n <= 0) return false;
            done += static_cast<size_t>(n);
        }
        return true;
    }
    // One response (headers + Content-Length body); empty when the peer closed first.
    std::string read_response(int timeout_ms = 5000) {
        std::string data = std::move(pending_);
        pending_.clear();
        size_t header_end = std::string::npos, need = 0;
        while (true) {
            if (header_end == std::string::npos) {
                header_end = data.find("\r\n\r\n");
                if (header_end != std::string::npos) {
                    size_t cl = data.find("Content-Length: ");
                    need = header_end + 4 +
                           (cl == std::string::npos ? 0 : std::stoul(data.substr(cl + 16)));
                }
            }
            if (header_end != std::string::npos && data.size() >= need) {
                std::string out = data.substr(0, need);
                pending_ = data.substr(need);
                return out;
            }
            if (!wait_readable(timeout_ms)) return {};
            char buf[65536];
            ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
            if (n <= 0) return {};
            data.append(buf, static_cast<size_t>(n));
        }
    }
    // True when the peer closes (EOF or reset) within timeout_ms.
    bool closed_within(int timeout_ms) {
        auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        while (std::chrono::steady_clock::now() < deadline) {
            if (!wait_readable(50)) continue;
            char buf[4096];
            ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
            if (n <= 0) return true;
        }
        return false;
    }

  private:
    bool wait_readable(int timeout_ms) {
        pollfd p{fd_, POLLIN, 0};
        return ::poll(&p, 1, timeout_ms) > 0;
    }
    int fd_ = -1;
    bool ok_ = false;
    std::string pending_;
};

int status_of(const std::string &response) {
    if (response.size() < 12) return 0;
    return std::atoi(response.substr(9, 3).c_str());
}

TEST(Http, MalformedBodiesAre400AndChangeNothing) {
    SandboxProcess sb;
    Client c(sb);
    for (std::string body : {std::string("{"), std::string("[1,2]"), std::string("\"x\""),
                             std::string("{\"account_name\":\"a\"} trailing"),
                             std::string("{\"account_name\":\"\xff\xfe\"}"),
                             std::string(200, '[') + std::string(200, ']')}) {
        auto r = c.call("POST", "/accounts/create-account", body);
        EXPECT_EQ(r.status, 400) << body;
        auto doc = parse(r.body);
        EXPECT_EQ(str(doc, "error"), "validation_error") << r.body;
        EXPECT_TRUE(doc["message"].IsString());
        EXPECT_TRUE(doc["details"].IsObject());
    }
    auto wrong_types = c.call("POST", "/accounts/create-account", R"({"account_name":5})");
    EXPECT_EQ(wrong_types.status, 400);
    EXPECT_EQ(str(parse(wrong_types.body)["details"], "account_name"), "must be a string");
    EXPECT_EQ(parse(c.call("GET", "/accounts/get-accounts").body)["data"].Size(), 0u);
}

TEST(Http, OversizedBodiesAre413BeforeAuthentication) {
    SandboxProcess sb;
    {
        Socket s(sb.port());
        ASSERT_TRUE(s.ok());
        s.send(
            "POST /api/v1/transactions/send-funds HTTP/1.1\r\nHost: x\r\n"
            "Content-Type: application/json\r\nContent-Length: 1048577\r\n\r\n");
        std::string resp = s.read_response();
        EXPECT_EQ(status_of(resp), 413) << resp;
        EXPECT_NE(resp.find("\"error\":\"payload_too_large\""), std::string::npos);
        EXPECT_NE(resp.find("X-Request-Id: req_"), std::string::npos);
        EXPECT_TRUE(s.closed_within(2000));
    }
    {
        // Chunked bodies are cut off at the limit as they arrive.
        Socket s(sb.port());
        std::string chunk(600 * 1024, ' ');
        char size[32];
        std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
        s.send(
            "POST /api/v1/balance/check HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        s.send(size + chunk + "\r\n");
        s.send(size + chunk + "\r\n0\r\n\r\n");
        EXPECT_EQ(status_of(s.read_response()), 413);
    }
    {
        // Exactly 1 MiB is accepted and processed (here: authenticated, then validated).
        Client c(sb);
        std::string body = "{\"asset_id\":\"ast_x\"}";
        body += std::string(1024 * 1024 - body.size(), ' ');
        auto r = c.call("POST", "/balance/check", body);
        EXPECT_EQ(r.status, 404) << r.body;
    }
    {
        // Through libcurl, which sends the whole body: the 413 still arrives intact.
        Client c(sb);
        auto r = c.anon("POST", "/transactions/send-funds", std::string(3 * 1024 * 1024, ' '));
        EXPECT_EQ(r.status, 413) << r.error;
        EXPECT_EQ(str(parse(r.body), "error"), "payload_too_large");
    }
    EXPECT_EQ(sb.path_count("/transactions/send-funds"), 2);
}

TEST(Http, MalformedHttpClosesTheConnectionAndTheServerLivesOn) {
    SandboxProcess sb;
    for (const char *junk : {"GARBAGE\r\n\r\n", "GET /\x01 HTTP/1.1\r\n\r\n",
                             "POST /api/v1/x HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
                             "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"}) {
        Socket s(sb.port());
        s.send(junk);
        EXPECT_TRUE(s.closed_within(3000)) << junk;
    }
    {
        Socket s(sb.port());
        s.send("GET /api/v1/x HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100 * 1024, 'a') +
               "\r\n\r\n");
        EXPECT_TRUE(s.closed_within(3000));
    }
    Client c(sb);
    EXPECT_EQ(c.call("GET", "/apikey/list").status, 200);
}

TEST(Http, SlowAndIdleConnectionsAreClosed) {
    SandboxProcess sb({"--read-timeout", "1"});
    Socket slow(sb.port());
    slow.send("GET /api/v1/apikey/list HTTP/1.1\r\nHost: x\r\n");
    Socket idle(sb.port());
    auto t0 = std::chrono::steady_clock::now();
    EXPECT_TRUE(slow.closed_within(3000));
    EXPECT_TRUE(idle.closed_within(3000));
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(2500));
}

TEST(Http, SixtyFourConcurrentKeepAliveConnections) {
    SandboxProcess sb;
    constexpr int kConnections = 64, kRounds = 25;
    std::string request = "GET /api/v1/apikey/list HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                          sb.session_token() + "\r\n\r\n";
    std::vector<std::unique_ptr<Socket>> sockets;
    for (int i = 0; i < kConnections; ++i) {
        sockets.push_back(std::make_unique<Socket>(sb.port()));
        ASSERT_TRUE(sockets.back()->ok());
    }
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kConnections; ++i)
        threads.emplace_back([&, i] {
            for (int round = 0; round < kRounds; ++round) {
                if (!sockets[static_cast<size_t>(i)]->send(request)) return;
                std::string resp = sockets[static_cast<size_t>(i)]->read_response();
                if (status_of(resp) != 200 ||
                    resp.find("Connection: keep-alive") == std::string::npos)
                    return;
                ++ok;
            }
        });
    for (auto &t : threads) t.join();
    EXPECT_EQ(ok.load(), kConnections * kRounds);
    EXPECT_EQ(sb.stat("requests"), kConnections * kRounds);
}

TEST(Http, PipelinedRequestsOnOneConnection) {
    SandboxProcess sb;
    Socket s(sb.port());
    std::string request = "GET /api/v1/apikey/list HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                          sb.session_token() + "\r\n\r\n";
    s.send(request + request + request);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(status_of(s.read_response()), 200);
    s.send("GET /api/v1/apikey/list HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    std::string last = s.read_response();
    EXPECT_EQ(status_of(last), 401);
    EXPECT_NE(last.find("Connection: close"), std::string::npos);
    EXPECT_TRUE(s.closed_within(2000));
}

// Stats "connections" reads here go over the test's own sockets, so they add no connection.
long connections_seen_on(Socket &s) {
    s.send("GET /__sandbox/stats HTTP/1.1\r\nHost: x\r\n\r\n");
    std::string resp = s.read_response();
    size_t end = resp.find("\r\n\r\n");
    if (status_of(resp) != 200 || end == std::string::npos) return -1;
    auto doc = parse(resp.substr(end + 4));
    return doc.IsObject() && doc.HasMember("connections") ? doc["connections"].GetInt64() : -1;
}

TEST(Http, StatsCountAcceptedConnections) {
    SandboxProcess sb;
    std::string request = "GET /api/v1/apikey/list HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                          sb.session_token() + "\r\n\r\n";
    Socket first(sb.port());
    ASSERT_TRUE(first.ok());
    first.send(request);
    EXPECT_EQ(status_of(first.read_response()), 200);
    first.send(request);
    EXPECT_EQ(status_of(first.read_response()), 200);
    EXPECT_EQ(connections_seen_on(first), 1);  // two requests, one keep-alive connection

    Socket second(sb.port());
    ASSERT_TRUE(second.ok());
    second.send(request);
    EXPECT_EQ(status_of(second.read_response()), 200);
    EXPECT_EQ(connections_seen_on(second), 2);
    EXPECT_EQ(connections_seen_on(first), 2);

    // Reset zeroes it with the other stats; a control request on a new connection counts too.
    first.send("POST /__sandbox/reset HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    EXPECT_EQ(status_of(first.read_response()), 200);
    EXPECT_EQ(connections_seen_on(first), 0);
    EXPECT_EQ(sb.stat("connections"), 1);
}

TEST(Http, RateLimitPerCredentialPerMinute) {
    SandboxProcess sb({"--rate-limit", "4", "--totp-period", "2"});
    Client c(sb);
    Creds k = c.create_key(R"(["read"])");  // the session's first request
    for (int i = 3; i >= 1; --i) {
        auto r = c.call("GET", "/apikey/list");
        ASSERT_EQ(r.status, 200);
        EXPECT_EQ(r.header("X-RateLimit-Limit"), "4");
        EXPECT_EQ(r.header("X-RateLimit-Remaining"), std::to_string(i - 1));
    }
    auto limited = c.call("GET", "/apikey/list");
    ASSERT_EQ(limited.status, 429);
    auto doc = parse(limited.body);
    EXPECT_EQ(str(doc, "error"), "rate_limit_exceeded");
    long retry = std::stol(limited.header("Retry-After"));
    EXPECT_GE(retry, 1);
    EXPECT_LE(retry, 60);
    EXPECT_EQ(doc["retry_after"].GetInt64(), retry);
    EXPECT_EQ(limited.header("X-RateLimit-Remaining"), "0");
    // Another credential has its own window, shared by its header, token-exchange and bearer
    // requests.
    EXPECT_EQ(c.keyed(k, "GET", "/apikey/list").status, 200);
    std::string token = c.token(k);
    EXPECT_EQ(c.bearer(token, "GET", "/apikey/list").status, 200);
    EXPECT_EQ(c.bearer(token, "GET", "/apikey/list").status, 200);
    EXPECT_EQ(c.bearer(token, "GET", "/apikey/list").status, 429);
    EXPECT_EQ(c.anon("POST", "/auth/token",
                     R"({"api_key":")" + k.api_key + R"(","api_secret":")" + k.api_secret + R"("})")
                  .status,
              429);
}

TEST(Http, ExpectContinueIsAnsweredAtOnce) {
    SandboxProcess sb;
    Client c(sb);
    std::string body = "{\"account_name\":\"a\",\"pad\":\"" + std::string(4000, 'x') + "\"}";
    auto t0 = std::chrono::steady_clock::now();
    yvtest::HttpOptions options;
    auto r = http_call("POST", sb.base_url() + "/accounts/create-account",
                       {"Authorization: Bearer " + sb.session_token(), "Expect: 100-continue"},
                       body, options);
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(800));
}

TEST(Http, TlsWithASelfSignedCertificate) {
    char dir_template[] = "/tmp/yv-sandbox-tls-XXXXXX";
    ASSERT_NE(mkdtemp(dir_template), nullptr);
    std::string dir = dir_template;
    std::string cmd =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
        "-addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout " +
        dir + "/key.pem -out " + dir + "/cert.pem >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    {
        SandboxProcess sb({"--tls-cert", dir + "/cert.pem", "--tls-key", dir + "/key.pem"});
        EXPECT_EQ(sb.base_url().rfind("https://127.0.0.1:", 0), 0u) << sb.base_url();
        Client c(sb);  // trusts the certificate as its CA
        EXPECT_EQ(c.call("GET", "/apikey/list").status, 200);
        auto untrusted = http_call("GET", sb.base_url() + "/apikey/list",
                                   {"Authorization: Bearer " + sb.session_token()});
        EXPECT_EQ(untrusted.status, 0);
        EXPECT_EQ(untrusted.curl_code, CURLE_PEER_FAILED_VERIFICATION) << untrusted.error;
        sb.fault(R"({"path":"/apikey/list","mode":"drop_before"})");
        EXPECT_EQ(c.call("GET", "/apikey/list").status, 0);
        EXPECT_EQ(sb.stat("requests"), 2);  // the untrusted handshake never became a request
        // Plain HTTP to the TLS port gets nothing useful and the server lives on.
        Socket s(sb.port());
        s.send("GET /api/v1/apikey/list HTTP/1.1\r\nHost: x\r\n\r\n");
        EXPECT_TRUE(s.closed_within(3000));
        EXPECT_EQ(c.call("GET", "/apikey/list").status, 200);
        EXPECT_EQ(sb.terminate(), 0);
    }
    std::system(("rm -rf " + dir).c_str());
}

}  // namespace
}  // namespace sbt
