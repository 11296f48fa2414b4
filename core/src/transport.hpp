// The HTTP transport behind the client: an interface so tests can fake what is hard to provoke
// (clock edges, races), and the libcurl implementation used everywhere else.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "yativo/cancel.hpp"
#include "yativo/secret.hpp"
#include "yativo/transport.hpp"

namespace yativo::detail {

struct HttpRequest {
    std::string method;  // GET POST PUT PATCH DELETE
    std::string url;
    std::vector<std::string> headers;  // "Name: value"; may hold secrets, wiped after use
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
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds timeout{30'000};
    CancelToken *cancel = nullptr;

    HttpRequest() = default;
    HttpRequest(HttpRequest &&) = default;  // the moved-from strings are wiped by its destructor
    HttpRequest(const HttpRequest &) = delete;
    HttpRequest &operator=(const HttpRequest &) = delete;
    // On every way out, an exception or a forced unwind included: headers and body hold secrets.
    ~HttpRequest() {
        for (auto &h : headers) wipe(h);
        wipe(body);
    }
};

enum class FailureKind { None, Network, Timeout, Tls, Protocol, Cancelled, NoMemory };

struct HttpResult {
    FailureKind failure = FailureKind::None;
    // Whether any byte of the request may have reached the server (decides retries).
    bool request_sent = false;
    std::string failure_message;  // libcurl's text; never contains secrets
    long status = 0;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    bool reused_connection = false;
    // How many times the request went (or may have gone) on the wire, as libcurl reported it:
    // each time a connection was ready to carry it. 2 means libcurl re-sent it on a fresh
    // connection after a reused one died before answering.
    int sends = 0;

    const std::string *header(const char *name) const;
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
};

std::unique_ptr<Transport> make_curl_transport(const TransportConfig &config);

// Appends to a body that may hold a secret: when the buffer must grow, the new one is allocated
// here and the old one wiped before it is freed (std::string would free it as it is). Every
// transport stores a sensitive answer through it.
void append_wiping_old_buffer(std::string &body, std::string_view bytes);
// A transport over the application's function (ClientOptions::transport). Of `config` it uses
// user_agent (sent as User-Agent) and max_response_bytes.
std::unique_ptr<Transport> make_supplied_transport(TransportFn fn, const TransportConfig &config);

}  // namespace yativo::detail
