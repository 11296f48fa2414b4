// The HTTP transport behind the client: an interface so tests can fake what is hard to provoke
// (clock edges, races), and the libcurl implementation used everywhere else.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "request_headers.hpp"
#include "yativo/cancel.hpp"
#include "yativo/secret.hpp"
#include "yativo/transport.hpp"

namespace yativo::detail {

struct HttpRequest {
    std::string method;  // GET POST PUT PATCH DELETE
    // The URL is base_url + path, kept apart so that a transport which holds the URL it sent
    // last compares it piecewise; both outlive the request (the client's base URL, the call).
    std::string_view base_url;
    std::string_view path;   // starts with '/'; the query string included
    RequestHeaders headers;  // may hold secrets: each line is wiped when dropped
    std::string body;
    bool has_body = false;
    // A repeat of this request can do no harm (a read, or a write with an idempotency key). When
    // false, the request goes out on a connection of its own, so libcurl never has a dead reused
    // connection to re-send it on, and its body cannot be rewound.
    bool may_resend = true;
    // How many times this attempt may put the request on the wire: libcurl re-sends a request
    // on its own when a reused connection dies before the answer, and that re-send is a send.
    // 1 refuses it (the caller has no retry left, or the request may not be repeated).
    int max_sends = 2;
    // The answer holds a secret (a token, a new API secret): the body buffer is wiped when it
    // grows, so no copy of the secret is left in freed memory.
    bool sensitive_response = false;
    // A header holds a value for this request alone (X-2FA-Token): a transport keeps no copy of
    // the header list after the exchange.
    bool one_time_headers = false;
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds timeout{30'000};
    CancelToken *cancel = nullptr;

    HttpRequest() = default;
    HttpRequest(HttpRequest &&) = default;  // the moved-from body is wiped by its destructor
    HttpRequest(const HttpRequest &) = delete;
    HttpRequest &operator=(const HttpRequest &) = delete;
    // On every way out, an exception or a forced unwind included: the body may hold a secret
    // (the header lines wipe themselves).
    ~HttpRequest() { wipe(body); }

    // The whole URL, for a transport that hands it out (the supplied one).
    std::string url() const {
        std::string url;
        url.reserve(base_url.size() + path.size());
        url.append(base_url).append(path);
        return url;
    }
};

enum class FailureKind { None, Network, Timeout, Tls, Protocol, Cancelled, NoMemory };

// The response headers the client reads, and only those: a slot per name, the values in a
// buffer inside the object, so keeping them takes no allocation unless they outgrow it (copying
// every header of every answer showed up as a tenth of the per-call cost in the benchmarks, and a
// string per value as two allocations per call: Date and X-Request-Id are longer than a
// std::string holds inline). Names compare case-insensitively; of a header sent twice, the first
// is kept.
enum class ResponseHeader {
    RequestId,
    RetryAfter,
    RateLimitLimit,
    RateLimitRemaining,
    RateLimitReset,
    Date,
    IdempotentReplayed
};

class ResponseHeaders {
  public:
    // In the order of ResponseHeader.
    static constexpr std::string_view kNames[] = {
        "X-Request-Id",      "Retry-After", "X-RateLimit-Limit",  "X-RateLimit-Remaining",
        "X-RateLimit-Reset", "Date",        "Idempotent-Replayed"};
    static constexpr std::size_t kCount = sizeof kNames / sizeof kNames[0];

    // Keeps the header if it is one of kNames; false when it is not.
    bool add(std::string_view name, std::string_view value);
    // The same for a raw line as libcurl hands it over ("Name: value\r\n"); a status line
    // ("HTTP/1.1 200 OK") starts a new response (after 100 Continue): what was kept is dropped.
    void add_line(std::string_view line);
    // The value, or nullopt when the answer did not carry it. The view is followed by a NUL, so
    // its data() is a C string for C functions (curl_getdate).
    std::optional<std::string_view> get(ResponseHeader which) const;
    void clear() noexcept {
        present_ = 0;
        used_ = 0;
        overflow_.clear();
    }

  private:
    static int index(std::string_view name) noexcept;
    void keep(int i, std::string_view value);
    // Where a value is: offsets, not pointers, so a copied or moved object stays right.
    struct Slot {
        std::uint32_t offset = 0;
        std::uint32_t size = 0;
        bool overflow = false;  // in overflow_, not inline_
    };
    static constexpr std::size_t kInline = 160;  // the usual values with their NULs
    Slot slots_[kCount];
    unsigned present_ = 0;    // bit i: slots_[i] holds a received header
    std::uint32_t used_ = 0;  // bytes of inline_ in use
    char inline_[kInline];
    std::string overflow_;  // values that did not fit inline, each followed by a NUL
};

struct HttpResult {
    FailureKind failure = FailureKind::None;
    // Whether any byte of the request may have reached the server (decides retries).
    bool request_sent = false;
    std::string failure_message;  // libcurl's text; never contains secrets
    long status = 0;
    ResponseHeaders headers;
    std::string body;
    bool reused_connection = false;
    // How many times the request went (or may have gone) on the wire, as libcurl reported it:
    // each time a connection was ready to carry it. 2 means libcurl re-sent it on a fresh
    // connection after a reused one died before answering.
    int sends = 0;

    std::optional<std::string_view> header(ResponseHeader which) const {
        return headers.get(which);
    }
};

struct TransportConfig {
    std::string ca_file;
    std::string ca_path;
    std::string ca_blob;
    std::string pinned_public_key;
    std::string proxy;
    std::string user_agent;
    std::size_t max_response_bytes = 0;
};

class Transport {
  public:
    virtual ~Transport() = default;
    virtual HttpResult perform(HttpRequest &request) = 0;
    // The credentials changed: header lists kept from earlier requests (which carry the old
    // ones) are wiped and dropped.
    virtual void forget_headers() {}
    // Whether perform() may run on an EventLoop's fiber: it gives the loop back while waiting
    // (libcurl), or never waits. An application's transport blocks, so calls through it are
    // blocking calls only.
    virtual bool runs_on_loop() const { return true; }
};

std::unique_ptr<Transport> make_curl_transport(const TransportConfig &config);

// A transport over the application's function (ClientOptions::transport). Of `config` it uses
// user_agent (sent as User-Agent) and max_response_bytes.
std::unique_ptr<Transport> make_supplied_transport(TransportFn fn, const TransportConfig &config);

}  // namespace yativo::detail
