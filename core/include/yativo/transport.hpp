// A transport the application supplies in place of libcurl: a gateway's own HTTP/TLS stack
// (lwIP + mbedTLS, a modem's socket API) performs each HTTP exchange, and the client keeps every
// rule of its own (single-flight token exchange, retries, idempotency, deadlines, cancellation).
// Set ClientOptions::transport; left empty, the client uses libcurl.
//
// What the transport reports decides retries (SPEC §4): whether any byte of the request may have
// reached the server. A write without an idempotency key that may have reached it is never sent
// again, and its error says outcome_unknown; a request that certainly did not is retried.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace yativo {

namespace detail {
struct HttpRequest;
class SuppliedExchange;
}  // namespace detail

// How one exchange ended, as the transport saw it.
enum class TransportOutcome {
    Ok,         // a whole HTTP response arrived (status, headers, body)
    Network,    // refused, reset, or closed before a whole response arrived
    Timeout,    // the connect or attempt timeout passed
    Tls,        // handshake or certificate verification failed
    Protocol,   // the server answered, but not with HTTP (a broken status line, a body cut short)
    Cancelled,  // TransportRequest::cancelled() turned true and the exchange was abandoned
};

// One request to put on the wire, lent to the transport for the duration of one exchange.
class TransportRequest {
  public:
    const std::string &method() const noexcept;  // GET POST PUT PATCH DELETE
    const std::string &url() const noexcept;     // absolute: scheme, host, port, path, query
    std::size_t header_count() const noexcept;
    // "Name: value". Auth headers carry secrets: a copy the transport makes is its to wipe.
    const std::string &header(std::size_t i) const;
    bool has_body() const noexcept;
    const std::string &body() const noexcept;  // empty when !has_body()
    // False for a write that must never reach the server twice (no idempotency key): send it
    // on a connection of its own, never on a reused keep-alive one, and never send it again.
    bool may_resend() const noexcept;
    // How many times this exchange may put the request on the wire: 2 lets a transport re-send
    // on a fresh connection after a reused one died before answering; 1 forbids it.
    int max_sends() const noexcept;
    std::chrono::milliseconds connect_timeout() const noexcept;
    // The time this attempt may take, already cut to what is left of the call's deadline.
    std::chrono::milliseconds timeout() const noexcept;
    // Whether the call was cancelled: poll it while waiting, then abandon the exchange and
    // report TransportOutcome::Cancelled.
    bool cancelled() const noexcept;

  private:
    friend class detail::SuppliedExchange;
    TransportRequest(const detail::HttpRequest &request, const std::string &url) noexcept
        : request_(request), url_(url) {}
    const detail::HttpRequest &request_;
    const std::string &url_;
};

// What the transport reports about one exchange. Until told otherwise, the request counts as
// possibly sent: a transport that cannot tell errs on the side that never repeats a payment.
class TransportResponse {
  public:
    // The HTTP status code, 100..599 (INVALID_ARGUMENT otherwise).
    void set_status(int status_code);
    // A response header; the name must not be empty (INVALID_ARGUMENT).
    void add_header(std::string_view name, std::string_view value);
    // Appends body bytes. PROTOCOL once the body would pass ClientOptions::max_response_bytes:
    // the exchange then fails with PROTOCOL whatever else is reported.
    void append_body(std::string_view bytes);
    // How the exchange ended; `message` (one line, no secret) explains a failure. An exchange
    // that never reports an outcome fails with NETWORK and counts as possibly sent.
    void set_outcome(TransportOutcome outcome, std::string_view message = {});
    // Whether any byte of the request may have reached the server. Say false only when none
    // can have (the connection was never established, or nothing was written to it).
    void set_request_sent(bool sent);
    // How many times the request went (or may have gone) on the wire; default 1 when sent.
    void set_sends(int sends);

  private:
    friend class detail::SuppliedExchange;
    explicit TransportResponse(detail::SuppliedExchange &exchange) noexcept : exchange_(exchange) {}
    detail::SuppliedExchange &exchange_;
};

// Performs one HTTP exchange: sends `request`, reports what happened in `response`. Runs on the
// thread that made the call, possibly on several threads at once, and must not call into the
// client. Throwing (a yativo::Error, or anything else) means the transport cannot say what
// happened: the exchange fails with the error's transport status (NETWORK, TIMEOUT, TLS,
// PROTOCOL, CANCELLED, NO_MEMORY), any other as NETWORK, and the request counts as possibly
// sent.
using TransportFn =
    std::function<void(const TransportRequest &request, TransportResponse &response)>;

}  // namespace yativo
