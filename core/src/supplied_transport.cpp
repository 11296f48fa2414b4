// The transport over the application's function (ClientOptions::transport): lends it the
// request, collects its report, and turns the report into the HttpResult the retry rules read.
// Whatever the function leaves unsaid is taken the way that never repeats a payment: a request
// counts as possibly sent unless the function says it was not.
#include <cxxabi.h>

#include <algorithm>
#include <new>
#include <optional>
#include <string>
#include <utility>

#include "json_util.hpp"
#include "transport.hpp"
#include "yativo/status.hpp"

namespace yativo {

namespace detail {

// The state of one exchange: what the function reported so far.
class SuppliedExchange {
  public:
    SuppliedExchange(HttpRequest &request, std::size_t max_bytes)
        : request_(request), url_(request.url()), max_bytes_(max_bytes) {}
    SuppliedExchange(const SuppliedExchange &) = delete;
    SuppliedExchange &operator=(const SuppliedExchange &) = delete;
    ~SuppliedExchange() { wipe(result_.body); }

    // Runs the function once.
    __attribute__((no_sanitize("null"))) void run(const TransportFn &fn) {
        try {
            const TransportRequest view(request_, url_);
            TransportResponse response(*this);
            fn(view, response);
        } catch (abi::__forced_unwind &) {
            throw;  // the thread is being ended (pthread_exit in the function): let it unwind
        } catch (const Error &e) {
            unknown(kind_of(e.code()), "", e.message().c_str());
        } catch (const std::bad_alloc &) {
            unknown(FailureKind::NoMemory, "", "out of memory in the supplied transport");
        } catch (const std::exception &e) {
            unknown(FailureKind::Network, "the supplied transport threw: ", e.what());
        } catch (...) {
            unknown(FailureKind::Network, "", "the supplied transport threw");
        }
    }

    // The report as the retry rules read it.
    HttpResult finish() {
        HttpResult out = std::move(result_);
        // Unsaid means possibly sent; a count of sends says it was.
        bool sent = request_sent_.value_or(true) || sends_.value_or(0) > 0;
        if (too_large_) {
            out.failure = FailureKind::Protocol;
            out.failure_message = "response larger than " + std::to_string(max_bytes_) + " bytes";
            sent = true;
        } else if (thrown_) {
            out.failure = thrown_kind_;
            out.failure_message = thrown_message_.empty() ? "the supplied transport failed"
                                                          : std::move(thrown_message_);
            sent = true;
        } else if (!outcome_) {
            out.failure = FailureKind::Network;
            out.failure_message = "the supplied transport reported no outcome";
            sent = true;
        } else if (*outcome_ == TransportOutcome::Ok) {
            if (out.status == 0) {
                out.failure = FailureKind::Network;
                out.failure_message = "the supplied transport reported a response without a status";
            }
            sent = true;  // the server answered it
        } else {
            out.failure = kind_of(*outcome_);
            out.failure_message = message_.empty() ? default_message(*outcome_) : message_;
        }
        // A transport that gave up because the call was cancelled may describe it any way.
        if (out.failure != FailureKind::None && request_.cancel && request_.cancel->cancelled()) {
            out.failure = FailureKind::Cancelled;
            out.failure_message = "call cancelled";
        }
        if (out.failure != FailureKind::None) {
            wipe(out.body);
            out.headers.clear();
            out.status = 0;
        }
        out.request_sent = sent;
        out.sends = sent ? std::max(1, thrown_ ? 1 : sends_.value_or(1)) : 0;
        out.reused_connection = out.sends > 1;
        return out;
    }

    // TransportResponse's setters.
    void set_status(int status) {
        if (status < 100 || status > 599) throw_invalid("status_code must be 100..599");
        result_.status = status;
    }
    void add_header(std::string_view name, std::string_view value) {
        if (name.empty()) throw_invalid("header name is empty");
        result_.headers.add(name, value);  // only the headers the client reads are kept
    }
    void append_body(std::string_view bytes) {
        if (too_large_ || result_.body.size() + bytes.size() > max_bytes_) {
            too_large_ = true;
            throw Error(Status::PROTOCOL,
                        "response larger than " + std::to_string(max_bytes_) + " bytes");
        }
        json::append_body(result_.body, bytes, request_.sensitive_response);
    }
    void set_outcome(TransportOutcome outcome, std::string_view message) {
        switch (outcome) {
            case TransportOutcome::Ok:
            case TransportOutcome::Network:
            case TransportOutcome::Timeout:
            case TransportOutcome::Tls:
            case TransportOutcome::Protocol:
            case TransportOutcome::Cancelled:
                message_.assign(message);
                // One line: the text becomes part of an error message.
                std::replace_if(
                    message_.begin(), message_.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x20; }, ' ');
                outcome_ = outcome;
                return;
        }
        throw_invalid("outcome is not a TransportOutcome value");
    }
    void set_request_sent(bool sent) { request_sent_ = sent; }
    void set_sends(int sends) {
        if (sends < 0) throw_invalid("sends must not be negative");
        sends_ = sends;
    }

  private:
    // The function could not say what happened: whatever it reported is set aside.
    void unknown(FailureKind kind, const char *prefix, const char *text) noexcept {
        thrown_ = true;
        thrown_kind_ = kind;
        try {
            thrown_message_ = std::string(prefix) + text;
        } catch (...) {
            // No memory for the message: finish() says something general.
        }
    }

  private:
    static FailureKind kind_of(Status status) {
        switch (status) {
            case Status::TIMEOUT:
                return FailureKind::Timeout;
            case Status::TLS:
                return FailureKind::Tls;
            case Status::PROTOCOL:
                return FailureKind::Protocol;
            case Status::CANCELLED:
                return FailureKind::Cancelled;
            case Status::NO_MEMORY:
                return FailureKind::NoMemory;
            default:
                return FailureKind::Network;
        }
    }
    static FailureKind kind_of(TransportOutcome outcome) {
        switch (outcome) {
            case TransportOutcome::Timeout:
                return FailureKind::Timeout;
            case TransportOutcome::Tls:
                return FailureKind::Tls;
            case TransportOutcome::Protocol:
                return FailureKind::Protocol;
            case TransportOutcome::Cancelled:
                return FailureKind::Cancelled;
            default:
                return FailureKind::Network;
        }
    }
    static const char *default_message(TransportOutcome outcome) {
        switch (outcome) {
            case TransportOutcome::Timeout:
                return "the supplied transport timed out";
            case TransportOutcome::Tls:
                return "the supplied transport reported a TLS failure";
            case TransportOutcome::Protocol:
                return "the supplied transport received an answer that is not HTTP";
            case TransportOutcome::Cancelled:
                return "call cancelled";
            default:
                return "the supplied transport reported a network failure";
        }
    }

    HttpRequest &request_;
    const std::string url_;  // the request's, whole: the function reads it as one string
    std::size_t max_bytes_;
    HttpResult result_;
    std::optional<TransportOutcome> outcome_;
    std::string message_;
    std::optional<bool> request_sent_;
    std::optional<int> sends_;
    bool too_large_ = false;
    bool thrown_ = false;
    FailureKind thrown_kind_ = FailureKind::Network;
    std::string thrown_message_;
};

namespace {

class SuppliedTransport : public Transport {
  public:
    SuppliedTransport(TransportFn fn, const TransportConfig &config)
        : fn_(std::move(fn)),
          user_agent_("User-Agent: " + config.user_agent),
          max_bytes_(config.max_response_bytes) {}

    bool runs_on_loop() const override { return false; }

    HttpResult perform(HttpRequest &request) override {
        if (request.cancel && request.cancel->cancelled()) {
            HttpResult result;
            result.failure = FailureKind::Cancelled;
            result.failure_message = "call cancelled";
            return result;
        }
        request.headers.add(HeaderLine::borrowed(user_agent_));
        SuppliedExchange exchange(request, max_bytes_);
        exchange.run(fn_);
        return exchange.finish();
    }

  private:
    const TransportFn fn_;
    const std::string user_agent_;
    const std::size_t max_bytes_;
};

}  // namespace

std::unique_ptr<Transport> make_supplied_transport(TransportFn fn, const TransportConfig &config) {
    return std::make_unique<SuppliedTransport>(std::move(fn), config);
}

}  // namespace detail

// TransportRequest: a view of the HttpRequest.
const std::string &TransportRequest::method() const noexcept {
    return request_.method;
}
const std::string &TransportRequest::url() const noexcept {
    return url_;
}
std::size_t TransportRequest::header_count() const noexcept {
    return request_.headers.size();
}
const std::string &TransportRequest::header(std::size_t i) const {
    if (i >= request_.headers.size()) throw_invalid("header index out of range");
    return request_.headers[i];
}
bool TransportRequest::has_body() const noexcept {
    return request_.has_body;
}
const std::string &TransportRequest::body() const noexcept {
    return request_.body;
}
bool TransportRequest::may_resend() const noexcept {
    return request_.may_resend;
}
int TransportRequest::max_sends() const noexcept {
    return request_.may_resend ? std::max(1, request_.max_sends) : 1;
}
std::chrono::milliseconds TransportRequest::connect_timeout() const noexcept {
    return request_.connect_timeout;
}
std::chrono::milliseconds TransportRequest::timeout() const noexcept {
    return request_.timeout;
}
bool TransportRequest::cancelled() const noexcept {
    return request_.cancel && request_.cancel->cancelled();
}

// TransportResponse: forwards to the exchange.
void TransportResponse::set_status(int status_code) {
    exchange_.set_status(status_code);
}
void TransportResponse::add_header(std::string_view name, std::string_view value) {
    exchange_.add_header(name, value);
}
void TransportResponse::append_body(std::string_view bytes) {
    exchange_.append_body(bytes);
}
void TransportResponse::set_outcome(TransportOutcome outcome, std::string_view message) {
    exchange_.set_outcome(outcome, message);
}
void TransportResponse::set_request_sent(bool sent) {
    exchange_.set_request_sent(sent);
}
void TransportResponse::set_sends(int sends) {
    exchange_.set_sends(sends);
}

}  // namespace yativo
