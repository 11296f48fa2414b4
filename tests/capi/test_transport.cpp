// A supplied transport (yv_options_set_transport) keeps every rule of SPEC §2-4. The transport
// here is what a gateway would write over its own stack: plain POSIX sockets, HTTP/1.1 with
// `Connection: close`, read until EOF, through yativo.h only. It counts what it puts on the wire,
// so the suite can tell that every request the sandbox saw came through it (libcurl made none),
// and it can be told to misbehave the ways a real stack does.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sandbox_client.hpp"

using namespace capi_test;
using Clock = std::chrono::steady_clock;

namespace {

// ---- The transport ------------------------------------------------------------------------

// What the test asks of the next exchanges to a path (matched as a suffix of the URL's path).
enum class Misbehave {
    FailBeforeSending,  // report a refused connection: request_sent false
    LoseAnswer,         // send the request for real, drop the answer, report it sent
    ReturnStatus,       // return `status` from the callback, reporting nothing
    NoOutcome,          // return YV_OK, reporting nothing
};

struct Script {
    std::string path;
    Misbehave what;
    int count;
    int status;  // an int: 12345 is no yv_status, and reading it as one is undefined (UBSan)
};

// What one exchange was asked to do (copied; the request view is borrowed).
struct Seen {
    std::string method, path, user_agent, idempotency_key;
    bool may_resend = true;
    uint32_t max_sends = 0;
};

// The transport's user_data.
struct Wire {
    std::atomic<int> calls{0};        // callback invocations
    std::atomic<int> on_the_wire{0};  // requests of which at least one byte was written
    std::atomic<int> saw_cancel{0};   // exchanges abandoned because the call was cancelled
    std::atomic<int> freed{0};        // free_fn runs (on a Wire the test owns)
    std::atomic<int> in_flight{0}, most_in_flight{0};  // callbacks running at once
    std::mutex mutex;
    std::vector<Seen> seen;
    std::vector<Script> scripts;

    void script(const std::string &path, Misbehave what, int count = 1, int status = YV_OK) {
        std::lock_guard<std::mutex> lock(mutex);
        scripts.push_back({path, what, count, status});
    }
    bool take(const std::string &path, Script &out) {
        std::lock_guard<std::mutex> lock(mutex);
        for (auto &s : scripts) {
            if (s.count > 0 && path.size() >= s.path.size() &&
                path.compare(path.size() - s.path.size(), s.path.size(), s.path) == 0) {
                --s.count;
                out = s;
                return true;
            }
        }
        return false;
    }
    std::vector<Seen> seen_for(const std::string &suffix) {
        std::lock_guard<std::mutex> lock(mutex);
        std::vector<Seen> out;
        for (const auto &s : seen)
            if (s.path.size() >= suffix.size() &&
                s.path.compare(s.path.size() - suffix.size(), suffix.size(), suffix) == 0)
                out.push_back(s);
        return out;
    }
};

struct Url {
    std::string host, path;
    int port = 80;
};

bool parse_url(const char *text, Url &url) {
    const std::string u = text ? text : "";
    const std::string scheme = "http://";
    if (u.compare(0, scheme.size(), scheme) != 0) return false;  // this transport speaks no TLS
    const auto slash = u.find('/', scheme.size());
    const std::string authority = u.substr(scheme.size(), slash - scheme.size());
    url.path = slash == std::string::npos ? "/" : u.substr(slash);
    const auto colon = authority.rfind(':');
    url.host = authority.substr(0, colon);
    if (colon != std::string::npos) url.port = std::atoi(authority.c_str() + colon + 1);
    return !url.host.empty() && url.port > 0;
}

// Case-insensitive "Name: value" match; returns the value.
std::string header_value(const std::string &line, const char *name) {
    const size_t n = std::strlen(name);
    if (line.size() > n + 1 && strncasecmp(line.c_str(), name, n) == 0 && line[n] == ':')
        return line.substr(line.find_first_not_of(' ', n + 1));
    return {};
}

void wipe(std::string &s) {
    volatile char *p = s.data();
    for (size_t i = 0; i < s.size(); ++i) p[i] = 0;
    s.clear();
}

// Why a wait ended.
enum class Wait { Ready, Timeout, Cancelled, Error };

// Waits for `events` on fd until `deadline`, waking every 50 ms to poll cancellation.
Wait wait_for(int fd, short events, Clock::time_point deadline, const yv_http_request *rq) {
    for (;;) {
        if (yv_http_request_cancelled(rq)) return Wait::Cancelled;
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) return Wait::Timeout;
        pollfd p{fd, events, 0};
        const int rc = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 50)));
        if (rc > 0) return Wait::Ready;
        if (rc < 0 && errno != EINTR) return Wait::Error;
    }
}

// Decodes a chunked body; false when it is not whole.
bool dechunk(const std::string &in, std::string &out) {
    size_t pos = 0;
    for (;;) {
        const auto eol = in.find("\r\n", pos);
        if (eol == std::string::npos) return false;
        const unsigned long size = std::strtoul(in.c_str() + pos, nullptr, 16);
        pos = eol + 2;
        if (size == 0) return true;
        if (in.size() < pos + size + 2) return false;
        out.append(in, pos, size);
        pos += size + 2;
    }
}

// Reports a failure: the outcome, and whether the request may have reached the server.
yv_status fail(yv_http_response *rs, yv_transport_outcome outcome, const char *message, bool sent) {
    yv_http_response_set_outcome(rs, outcome, message, nullptr);
    yv_http_response_set_request_sent(rs, sent, nullptr);
    return YV_OK;
}

yv_transport_outcome outcome_of(Wait w) {
    switch (w) {
        case Wait::Timeout:
            return YV_TRANSPORT_TIMEOUT;
        case Wait::Cancelled:
            return YV_TRANSPORT_CANCELLED;
        default:
            return YV_TRANSPORT_NETWORK;
    }
}

// Parses "HTTP/1.1 200 OK\r\nName: value\r\n...\r\n\r\nbody" into the response.
yv_status report_answer(const std::string &raw, yv_http_response *rs) {
    const auto end = raw.find("\r\n\r\n");
    if (raw.compare(0, 5, "HTTP/") != 0 || end == std::string::npos)
        return fail(rs, YV_TRANSPORT_PROTOCOL, "no HTTP response head", true);
    const auto sp = raw.find(' ');
    const unsigned status = static_cast<unsigned>(std::atoi(raw.c_str() + sp + 1));
    if (yv_http_response_set_status(rs, status, nullptr) != YV_OK)
        return fail(rs, YV_TRANSPORT_PROTOCOL, "bad status line", true);
    long content_length = -1;
    bool chunked = false;
    size_t pos = raw.find("\r\n") + 2;
    while (pos < end) {
        const auto eol = raw.find("\r\n", pos);
        const std::string line = raw.substr(pos, eol - pos);
        pos = eol + 2;
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const std::string name = line.substr(0, colon);
        const auto vstart = line.find_first_not_of(' ', colon + 1);
        const std::string value = vstart == std::string::npos ? "" : line.substr(vstart);
        if (!header_value(line, "Content-Length").empty())
            content_length = std::atol(value.c_str());
        if (header_value(line, "Transfer-Encoding").find("chunked") != std::string::npos)
            chunked = true;
        yv_http_response_add_header(rs, name.c_str(), value.c_str(), nullptr);
    }
    std::string body = raw.substr(end + 4);
    if (chunked) {
        std::string decoded;
        if (!dechunk(body, decoded))
            return fail(rs, YV_TRANSPORT_PROTOCOL, "chunked body cut short", true);
        body.swap(decoded);
    } else if (content_length >= 0) {
        if (body.size() < static_cast<size_t>(content_length))
            return fail(rs, YV_TRANSPORT_PROTOCOL, "body shorter than its Content-Length", true);
        body.resize(static_cast<size_t>(content_length));
    }
    if (yv_http_response_append_body(rs, reinterpret_cast<const uint8_t *>(body.data()),
                                     body.size(), nullptr) != YV_OK)
        return YV_E_PROTOCOL;  // too large: the library already knows
    yv_http_response_set_outcome(rs, YV_TRANSPORT_OK, nullptr, nullptr);
    return YV_OK;
}

// One exchange over a new TCP connection.
yv_status exchange(Wire &w, const Url &url, const yv_http_request *rq, yv_http_response *rs,
                   bool lose_answer) {
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::milliseconds(yv_http_request_timeout_ms(rq));
    const auto connect_deadline = std::min(
        deadline, start + std::chrono::milliseconds(yv_http_request_connect_timeout_ms(rq)));

    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return fail(rs, YV_TRANSPORT_NETWORK, "socket", false);
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(url.port));
    if (::inet_pton(AF_INET, url.host.c_str(), &addr.sin_addr) != 1)
        return fail(rs, YV_TRANSPORT_NETWORK, "host is not an IPv4 address", false);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        if (errno != EINPROGRESS) return fail(rs, YV_TRANSPORT_NETWORK, "connect", false);
        const Wait wt = wait_for(fd, POLLOUT, connect_deadline, rq);
        if (wt == Wait::Cancelled) ++w.saw_cancel;
        if (wt != Wait::Ready) return fail(rs, outcome_of(wt), "connecting", false);
        int so_error = 0;
        socklen_t len = sizeof so_error;
        ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &len);
        if (so_error != 0) return fail(rs, YV_TRANSPORT_NETWORK, "connection refused", false);
    }

    // The request text holds the auth headers: wiped once written.
    std::string text = std::string(yv_http_request_method(rq)) + " " + url.path + " HTTP/1.1\r\n";
    text += "Host: " + url.host + ":" + std::to_string(url.port) + "\r\nConnection: close\r\n";
    for (size_t i = 0; i < yv_http_request_header_count(rq); ++i)
        text += std::string(yv_http_request_header(rq, i)) + "\r\n";
    size_t body_len = 0;
    const uint8_t *body = yv_http_request_body(rq, &body_len);
    if (body || std::strcmp(yv_http_request_method(rq), "GET") != 0)
        text += "Content-Length: " + std::to_string(body_len) + "\r\n";
    text += "\r\n";
    if (body) text.append(reinterpret_cast<const char *>(body), body_len);

    size_t written = 0;
    while (written < text.size()) {
        const Wait wt = wait_for(fd, POLLOUT, deadline, rq);
        if (wt == Wait::Cancelled) ++w.saw_cancel;
        if (wt != Wait::Ready) {
            wipe(text);
            return fail(rs, outcome_of(wt), "sending", written > 0);
        }
        const ssize_t n = ::send(fd, text.data() + written, text.size() - written, MSG_NOSIGNAL);
        if (n < 0 && errno != EAGAIN && errno != EINTR) {
            wipe(text);
            return fail(rs, YV_TRANSPORT_NETWORK, "send", written > 0);
        }
        if (n > 0) {
            if (written == 0) ++w.on_the_wire;
            written += static_cast<size_t>(n);
        }
    }
    wipe(text);

    // From here on the server may have acted on the request.
    std::string raw;
    char buf[4096];
    for (;;) {
        const Wait wt = wait_for(fd, POLLIN, deadline, rq);
        if (wt == Wait::Cancelled) ++w.saw_cancel;
        if (wt != Wait::Ready) return fail(rs, outcome_of(wt), "waiting for the answer", true);
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR) continue;
            return fail(rs, YV_TRANSPORT_NETWORK, "connection reset", true);
        }
        raw.append(buf, static_cast<size_t>(n));
    }
    if (lose_answer) return fail(rs, YV_TRANSPORT_NETWORK, "scripted: the answer was lost", true);
    if (raw.empty()) return fail(rs, YV_TRANSPORT_NETWORK, "closed before an answer", true);
    return report_answer(raw, rs);
}

yv_status socket_transport(void *user_data, const yv_http_request *rq, yv_http_response *rs) {
    auto &w = *static_cast<Wire *>(user_data);
    ++w.calls;
    struct InFlight {
        Wire &w;
        explicit InFlight(Wire &wire) : w(wire) {
            const int now = ++w.in_flight;
            int most = w.most_in_flight.load();
            while (now > most && !w.most_in_flight.compare_exchange_weak(most, now)) {
            }
        }
        ~InFlight() { --w.in_flight; }
    } in_flight(w);
    Url url;
    if (!parse_url(yv_http_request_url(rq), url))
        return fail(rs, YV_TRANSPORT_NETWORK, "unsupported URL", false);
    Seen seen;
    seen.method = yv_http_request_method(rq);
    seen.path = url.path;
    seen.may_resend = yv_http_request_may_resend(rq);
    seen.max_sends = yv_http_request_max_sends(rq);
    for (size_t i = 0; i < yv_http_request_header_count(rq); ++i) {
        const std::string line = yv_http_request_header(rq, i);
        if (auto ua = header_value(line, "User-Agent"); !ua.empty()) seen.user_agent = ua;
        if (auto key = header_value(line, "Idempotency-Key"); !key.empty())
            seen.idempotency_key = key;
    }
    {
        std::lock_guard<std::mutex> lock(w.mutex);
        w.seen.push_back(seen);
    }
    Script s{};
    bool lose_answer = false;
    if (w.take(url.path, s)) {
        switch (s.what) {
            case Misbehave::FailBeforeSending:
                return fail(rs, YV_TRANSPORT_NETWORK, "scripted: connection refused", false);
            case Misbehave::ReturnStatus:
                // Whatever was reported before the failure is set aside by the library.
                yv_http_response_set_request_sent(rs, false, nullptr);
                return static_cast<yv_status>(s.status);
            case Misbehave::NoOutcome:
                return YV_OK;
            case Misbehave::LoseAnswer:
                lose_answer = true;
                break;
        }
    }
    return exchange(w, url, rq, rs, lose_answer);
}

void free_wire(void *user_data) {
    ++static_cast<Wire *>(user_data)->freed;
}

// ---- The suite ----------------------------------------------------------------------------

class CapiTransport : public ::testing::Test {
  protected:
    // Options over the socket transport (the Wire stays the test's; free_fn counts).
    Options over_wire(Options o, uint32_t retries = 3) {
        Err err;
        EXPECT_EQ(yv_options_set_transport(o.get(), socket_transport, &wire, free_wire, err.out()),
                  YV_OK)
            << err.message();
        EXPECT_EQ(yv_options_set_max_retries(o.get(), retries, nullptr), YV_OK);
        EXPECT_EQ(yv_options_set_backoff_base_ms(o.get(), 10, nullptr), YV_OK);
        return o;
    }
    Client session(uint32_t retries = 3) {
        auto o = over_wire(session_options(sb), retries);
        return make_client(o.get());
    }
    Client keyed(const yv_api_key *key, uint32_t retries = 3) {
        auto o = over_wire(sandbox_options(sb.base_url()), retries);
        EXPECT_EQ(yv_options_set_api_key(o.get(), yv_api_key_api_key(key), nullptr), YV_OK);
        EXPECT_EQ(yv_options_set_api_secret(o.get(), yv_api_key_api_secret(key), nullptr), YV_OK);
        return make_client(o.get());
    }
    // Every API request the sandbox counted came through the transport.
    void expect_all_through_the_wire() {
        EXPECT_EQ(sb.stat("requests"), wire.on_the_wire.load()) << sb.stats_json();
    }

    yvtest::SandboxProcess sb{sandbox_flags()};
    Wire wire;
};

TEST_F(CapiTransport, KeyWith2faTokenExchangeAndReadAllGoThroughIt) {
    {
        auto admin = session();
        // Key management with a TOTP code computed by the library.
        auto key = create_key(admin.get(), "gateway", {"read"});
        ASSERT_TRUE(key);
        ASSERT_NE(yv_api_key_api_secret(key.get()), nullptr);
        auto user = keyed(key.get());
        const auto accounts = ok<AccountList>([&](yv_account_list **out, yv_error **e) {
            return yv_client_list_accounts(user.get(), nullptr, out, e);
        });
        EXPECT_TRUE(accounts);
        EXPECT_EQ(sb.stat("token_exchanges"), 1);
        // A server error arrives whole: status, error code and X-Request-Id through the headers.
        yv_api_key *missing = nullptr;
        Err err;
        EXPECT_EQ(yv_client_get_api_key(admin.get(), "key_nope", nullptr, &missing, err.out()),
                  YV_E_NOT_FOUND);
        EXPECT_EQ(yv_error_http_status(err.get()), 404);
        EXPECT_NE(yv_error_request_id(err.get()), nullptr);
        // The rate-limit headers are read from what the transport reported.
        int64_t limit = -1;
        ASSERT_EQ(yv_client_rate_limit(admin.get(), &limit, nullptr, nullptr, nullptr), YV_OK);
        EXPECT_GT(limit, 0);
    }
    expect_all_through_the_wire();
    EXPECT_EQ(wire.calls.load(), wire.on_the_wire.load());
    const auto created = wire.seen_for("/apikey/create");
    ASSERT_EQ(created.size(), 1u);
    EXPECT_EQ(created[0].user_agent.rfind("libyativo/", 0), 0u) << created[0].user_agent;
    // The options and both clients let go of user_data: free_fn ran once for each installation.
    EXPECT_EQ(wire.freed.load(), 2);
}

TEST_F(CapiTransport, ThreadsWithoutATokenWaitForOneExchange) {
    Client user;
    {
        auto admin = session();
        auto key = create_key(admin.get(), "threads", {"read"});
        ASSERT_TRUE(key);
        user = keyed(key.get());
    }
    // A slow token endpoint: every thread arrives while the one exchange is in flight. Slow
    // reads after it: the callbacks overlap.
    sb.fault(R"({"path":"/auth/token","count":1,"mode":"delay","delay_ms":400})");
    sb.fault(R"({"path":"/accounts/get-accounts","count":8,"mode":"delay","delay_ms":300})");
    std::vector<std::thread> threads;
    std::atomic<int> ok_calls{0};
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            yv_account_list *list = nullptr;
            if (yv_client_list_accounts(user.get(), nullptr, &list, nullptr) == YV_OK) ++ok_calls;
            yv_account_list_free(list);
        });
    }
    for (auto &t : threads) t.join();
    EXPECT_EQ(ok_calls.load(), 8);
    EXPECT_EQ(sb.stat("token_exchanges"), 1);
    EXPECT_EQ(wire.seen_for("/auth/token").size() + wire.seen_for("/apikey/token").size(), 1u);
    EXPECT_GE(wire.most_in_flight.load(), 2) << "the transport ran on several threads at once";
    expect_all_through_the_wire();
}

TEST_F(CapiTransport, DroppedSendIsRetriedWithTheSameKeyAndCreatesOneTransaction) {
    auto c = session();
    const auto ids = funded_asset(c.get(), sb, "10");
    auto params = send_params(ids, "1");
    sb.fault(R"({"path":"/transactions/send-funds","count":1,"mode":"drop_after"})");
    const auto sent = ok<Transfer>([&](yv_transfer **out, yv_error **e) {
        return yv_client_send_funds(c.get(), params.get(), nullptr, out, e);
    });
    ASSERT_TRUE(sent);
    EXPECT_EQ(sb.stat("transactions_created"), 1);
    EXPECT_EQ(sb.path_count("/transactions/send-funds"), 2);
    const auto sends = wire.seen_for("/transactions/send-funds");
    ASSERT_EQ(sends.size(), 2u);
    EXPECT_EQ(sends[0].idempotency_key.size(), 36u);
    EXPECT_EQ(sends[0].idempotency_key, sends[1].idempotency_key);
    EXPECT_EQ(str(yv_transfer_idempotency_key(sent.get())), sends[0].idempotency_key);
    EXPECT_TRUE(sends[0].may_resend) << "a keyed write may be repeated";
    expect_all_through_the_wire();
}

TEST_F(CapiTransport, KeylessWriteReportedSentIsNotResentAndItsOutcomeIsUnknown) {
    auto c = session();
    wire.script("/accounts/create-account", Misbehave::LoseAnswer);
    yv_account *out = nullptr;
    Err err;
    const yv_status st =
        yv_client_create_account(c.get(), "maybe", nullptr, nullptr, &out, err.out());
    EXPECT_EQ(st, YV_E_NETWORK) << describe(st, err);
    EXPECT_EQ(out, nullptr);
    EXPECT_TRUE(yv_error_outcome_unknown(err.get()));
    EXPECT_NE(err.message().find("the answer was lost"), std::string::npos) << err.message();
    const auto tries = wire.seen_for("/accounts/create-account");
    ASSERT_EQ(tries.size(), 1u) << "never re-sent, though 3 retries were allowed";
    EXPECT_FALSE(tries[0].may_resend);
    EXPECT_EQ(tries[0].max_sends, 1u);
    EXPECT_TRUE(tries[0].idempotency_key.empty());
    // The server did act: the outcome really was unknown.
    EXPECT_EQ(sb.path_count("/accounts/create-account"), 1);
    const auto accounts = ok_json([&](yv_buffer **b, yv_error **e) {
        return yv_client_request(c.get(), "GET", "/accounts/get-accounts", nullptr, 0, nullptr, b,
                                 e);
    });
    EXPECT_NE(accounts.find("\"maybe\""), std::string::npos) << accounts;
    expect_all_through_the_wire();
}

TEST_F(CapiTransport, KeylessWriteReportedNotSentIsRetried) {
    auto c = session();
    wire.script("/accounts/create-account", Misbehave::FailBeforeSending, 2);
    const auto account = ok<Account>([&](yv_account **out, yv_error **e) {
        return yv_client_create_account(c.get(), "surely", nullptr, nullptr, out, e);
    });
    EXPECT_TRUE(account);
    EXPECT_EQ(wire.seen_for("/accounts/create-account").size(), 3u);
    EXPECT_EQ(sb.path_count("/accounts/create-account"), 1);
    expect_all_through_the_wire();
}

TEST_F(CapiTransport, CancelWhileTheTransportWaitsEndsTheCall) {
    auto c = session();
    sb.fault(R"({"path":"/accounts/get-accounts","count":1,"mode":"delay","delay_ms":10000})");
    yv_cancel *cancel = nullptr;
    ASSERT_EQ(yv_cancel_new(&cancel, nullptr), YV_OK);
    Cancel cancel_owned(cancel);
    yv_call *raw = nullptr;
    ASSERT_EQ(yv_call_new(&raw, nullptr), YV_OK);
    Call call(raw);
    ASSERT_EQ(yv_call_set_cancel(raw, cancel, nullptr), YV_OK);
    std::thread trigger([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        yv_cancel_trigger(cancel);
    });
    const auto start = Clock::now();
    yv_account_list *out = nullptr;
    Err err;
    const yv_status st = yv_client_list_accounts(c.get(), raw, &out, err.out());
    const auto elapsed = Clock::now() - start;
    trigger.join();
    EXPECT_EQ(st, YV_E_CANCELLED) << describe(st, err);
    EXPECT_EQ(out, nullptr);
    EXPECT_LT(elapsed, std::chrono::seconds(2));
    EXPECT_EQ(wire.saw_cancel.load(), 1);
    EXPECT_EQ(wire.seen_for("/accounts/get-accounts").size(), 1u) << "not retried";
    // A triggered token: the next call ends before the transport is called.
    EXPECT_EQ(yv_client_list_accounts(c.get(), raw, &out, err.out()), YV_E_CANCELLED);
    EXPECT_EQ(wire.seen_for("/accounts/get-accounts").size(), 1u);
}

TEST_F(CapiTransport, ACallbackErrorIsATypedErrorAndCountsAsSent) {
    auto c = session();
    // A read: the error names the status the callback returned.
    wire.script("/accounts/get-accounts", Misbehave::ReturnStatus, 4, YV_E_VALIDATION);
    yv_account_list *list = nullptr;
    Err err;
    EXPECT_EQ(yv_client_list_accounts(c.get(), nullptr, &list, err.out()), YV_E_NETWORK);
    EXPECT_NE(err.message().find("transport callback returned VALIDATION"), std::string::npos)
        << err.message();
    EXPECT_EQ(wire.seen_for("/accounts/get-accounts").size(), 4u) << "a read is retried";

    // A keyless write: its request_sent=false was set aside, so it is not re-sent.
    wire.script("/accounts/create-account", Misbehave::ReturnStatus, 1, 12345);
    yv_account *account = nullptr;
    EXPECT_EQ(yv_client_create_account(c.get(), "x", nullptr, nullptr, &account, err.out()),
              YV_E_NETWORK);
    EXPECT_TRUE(yv_error_outcome_unknown(err.get()));
    EXPECT_NE(err.message().find("12345"), std::string::npos) << err.message();
    EXPECT_EQ(wire.seen_for("/accounts/create-account").size(), 1u);

    // A transport status keeps its type.
    wire.script("/accounts/create-account", Misbehave::ReturnStatus, 1, YV_E_TLS);
    EXPECT_EQ(yv_client_create_account(c.get(), "y", nullptr, nullptr, &account, err.out()),
              YV_E_TLS);
    EXPECT_TRUE(yv_error_outcome_unknown(err.get()));

    // YV_OK with nothing reported.
    wire.script("/accounts/create-account", Misbehave::NoOutcome);
    EXPECT_EQ(yv_client_create_account(c.get(), "z", nullptr, nullptr, &account, err.out()),
              YV_E_NETWORK);
    EXPECT_NE(err.message().find("reported no outcome"), std::string::npos) << err.message();
    EXPECT_TRUE(yv_error_outcome_unknown(err.get()));
    EXPECT_EQ(account, nullptr);
    EXPECT_EQ(sb.path_count("/accounts/create-account"), 0);
}

TEST_F(CapiTransport, ResponseLimitAndLibcurlOnlyOptions) {
    // max_response_bytes holds over a supplied transport.
    auto o = over_wire(session_options(sb));
    ASSERT_EQ(yv_options_set_max_response_bytes(o.get(), 16, nullptr), YV_OK);
    auto small = make_client(o.get());
    yv_account_list *list = nullptr;
    Err err;
    EXPECT_EQ(yv_client_list_accounts(small.get(), nullptr, &list, err.out()), YV_E_PROTOCOL);
    EXPECT_NE(err.message().find("larger than 16 bytes"), std::string::npos) << err.message();

    // A pin that would silently go unused is refused.
    ASSERT_EQ(yv_options_set_pinned_public_key(o.get(), "sha256//AAAA", nullptr), YV_OK);
    yv_client *c = nullptr;
    EXPECT_EQ(yv_client_new(o.get(), &c, err.out()), YV_E_INVALID_ARGUMENT);
    EXPECT_EQ(c, nullptr);
    // NULL restores libcurl, with which the pin is fine.
    ASSERT_EQ(yv_options_set_transport(o.get(), nullptr, nullptr, nullptr, err.out()), YV_OK);
    ASSERT_EQ(yv_client_new(o.get(), &c, err.out()), YV_OK) << err.message();
    yv_client_free(c);
}

}  // namespace
