#include "server.hpp"

#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <csignal>
#include <cstdio>
#include <functional>
#include <optional>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <vector>

#include "clock.hpp"

namespace yvsb {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;

namespace {

constexpr std::chrono::seconds kWriteTimeout(30);
constexpr std::chrono::seconds kHandshakeTimeout(10);
constexpr size_t kHeaderLimit = 64 * 1024;

// What a session may ask of the listening side: stop accepting for a while (the unlisten_ms of
// the drop faults), then run `then`.
class Listener {
  public:
    virtual ~Listener() = default;
    virtual void pause(std::chrono::milliseconds duration, std::function<void()> then) = 0;
};

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

template <class Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
  public:
    template <class... StreamArgs>
    Session(Api &api, Listener &listener, std::chrono::seconds read_timeout, tcp::socket &&socket,
            StreamArgs &&...args)
        : stream_(std::move(socket), std::forward<StreamArgs>(args)...),
          api_(api),
          listener_(listener),
          read_timeout_(read_timeout),
          timer_(stream_.get_executor()) {
        beast::error_code ec;
        auto remote = beast::get_lowest_layer(stream_).socket().remote_endpoint(ec);
        if (!ec) peer_ = remote.address().to_string();
    }

    void start() {
        if constexpr (std::is_same_v<Stream, TlsStream>) {
            beast::get_lowest_layer(stream_).expires_after(kHandshakeTimeout);
            stream_.async_handshake(ssl::stream_base::server,
                                    [self = this->shared_from_this()](beast::error_code ec) {
                                        if (ec) return self->hard_close();
                                        self->read_request();
                                    });
        } else {
            read_request();
        }
    }

  private:
    void read_request() {
        parser_.emplace();
        parser_->body_limit(kMaxBodyBytes);
        parser_->header_limit(kHeaderLimit);
        beast::get_lowest_layer(stream_).expires_after(read_timeout_);
        http::async_read_header(stream_, buffer_, *parser_,
                                [self = this->shared_from_this()](beast::error_code ec, size_t) {
                                    self->on_header(ec);
                                });
    }

    Request headers_only() const {
        const auto &msg = parser_->get();
        Request req;
        req.method = std::string(msg.method_string());
        req.target = std::string(msg.target());
        req.peer = peer_;
        for (const auto &field : msg)
            req.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
        return req;
    }

    void on_header(beast::error_code ec) {
        // Beast checks Content-Length against body_limit as soon as the header is complete.
        if (ec == http::error::body_limit) return too_large();
        if (ec) return hard_close();  // EOF, timeout or a malformed request: nothing to answer
        auto length = parser_->content_length();
        if (length && *length > kMaxBodyBytes) return too_large();
        const auto &msg = parser_->get();
        auto expect = msg[http::field::expect];
        if (!parser_->is_done() && iequals(expect, "100-continue")) {
            interim_ = "HTTP/1.1 100 Continue\r\n\r\n";
            beast::get_lowest_layer(stream_).expires_after(kWriteTimeout);
            net::async_write(stream_, net::buffer(interim_),
                             [self = this->shared_from_this()](beast::error_code wec, size_t) {
                                 if (wec) return self->hard_close();
                                 self->read_body();
                             });
            return;
        }
        read_body();
    }

    void read_body() {
        beast::get_lowest_layer(stream_).expires_after(read_timeout_);
        http::async_read(
            stream_, buffer_, *parser_,
            [self = this->shared_from_this()](beast::error_code ec, size_t) { self->on_body(ec); });
    }

    void too_large() {
        keep_alive_ = false;  // the body stays unread: the connection cannot be reused
        send(api_.payload_too_large(headers_only()));
    }

    void on_body(beast::error_code ec) {
        if (ec == http::error::body_limit) return too_large();
        if (ec) return hard_close();
        req_ = headers_only();
        req_.body = std::move(parser_->get().body());
        keep_alive_ = parser_->get().keep_alive();
        if (Api::is_api_target(req_.target)) in_flight_.emplace(api_.track_in_flight());
        act(api_.handle(req_));
    }

    void act(Response resp) {
        switch (resp.action) {
            case Action::kDelay:
                timer_.expires_after(std::chrono::milliseconds(resp.delay_ms));
                timer_.async_wait([self = this->shared_from_this()](beast::error_code ec) {
                    if (ec) return self->hard_close();
                    self->act(self->api_.handle_after_delay(self->req_));
                });
                return;
            case Action::kClose:
                if (resp.unlisten_ms > 0) {
                    // The listener is closed first: the client's reconnect must be refused.
                    auto self = this->shared_from_this();
                    listener_.pause(std::chrono::milliseconds(resp.unlisten_ms), [self] {
                        net::post(self->stream_.get_executor(), [self] { self->hard_close(); });
                    });
                    return;
                }
                return hard_close();
            case Action::kSendTruncated: {
                keep_alive_ = false;
                std::string full = serialize_response(resp, false);
                out_ = full.substr(0, full.size() - resp.body.size() / 2 - 1);
                return write_out(true);
            }
            case Action::kSend:
                return send(resp);
        }
    }

    void send(const Response &resp) {
        out_ = serialize_response(resp, keep_alive_);
        write_out(!keep_alive_);
    }

    void write_out(bool abrupt_after) {
        beast::get_lowest_layer(stream_).expires_after(kWriteTimeout);
        net::async_write(
            stream_, net::buffer(out_),
            [self = this->shared_from_this(), abrupt_after](beast::error_code ec, size_t) {
                self->in_flight_.reset();
                if (ec) return self->hard_close();
                if (abrupt_after || !self->keep_alive_) return self->graceful_close();
                self->read_request();
            });
    }

    void graceful_close() {
        if constexpr (std::is_same_v<Stream, TlsStream>) {
            beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(2));
            stream_.async_shutdown(
                [self = this->shared_from_this()](beast::error_code) { self->hard_close(); });
        } else {
            // Half-close, then drain what the client still sends (an unread 413 body) for a
            // moment: closing with unread data would reset the connection and could destroy
            // the answer before the client reads it.
            beast::error_code ec;
            stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
            if (ec) return hard_close();
            stream_.expires_after(std::chrono::seconds(2));
            drain();
        }
    }

    void drain() {
        if constexpr (std::is_same_v<Stream, PlainStream>) {
            drain_buffer_.resize(16 * 1024);
            stream_.async_read_some(
                net::buffer(drain_buffer_),
                [self = this->shared_from_this()](beast::error_code ec, size_t n) {
                    self->drained_ += n;
                    if (ec || self->drained_ > 4 * kMaxBodyBytes) return self->hard_close();
                    self->drain();
                });
        }
    }

    void hard_close() {
        in_flight_.reset();
        timer_.cancel();
        beast::error_code ec;
        beast::get_lowest_layer(stream_).socket().close(ec);
    }

    Stream stream_;
    Api &api_;
    Listener &listener_;
    std::chrono::seconds read_timeout_;
    net::steady_timer timer_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    Request req_;
    std::string peer_;  // the client's address (allowed_ips of API keys)
    bool keep_alive_ = true;
    std::string interim_;
    std::string out_;
    std::vector<char> drain_buffer_;
    size_t drained_ = 0;
    std::optional<Api::InFlight> in_flight_;
};

}  // namespace

std::string serialize_response(const Response &resp, bool keep_alive) {
    std::string reason(http::obsolete_reason(static_cast<http::status>(resp.status)));
    std::string out = "HTTP/1.1 " + std::to_string(resp.status) + " " + reason + "\r\n";
    out += "Date: " + http_date(now()) + "\r\n";
    out += "Server: yativo-sandbox\r\n";
    out += "Content-Type: " + resp.content_type + "\r\n";
    out += "Content-Length: " + std::to_string(resp.body.size()) + "\r\n";
    out += std::string("Connection: ") + (keep_alive ? "keep-alive" : "close") + "\r\n";
    for (const auto &h : resp.headers) out += h.first + ": " + h.second + "\r\n";
    out += "\r\n";
    out += resp.body;
    return out;
}

struct Server::Impl : Listener {
    Impl(Api &a, const Options &o) : api(a), options(o), ssl_ctx(ssl::context::tls_server) {}

    // Every acceptor operation runs on accept_strand: the acceptor is shared by the threads.
    void pause(std::chrono::milliseconds duration, std::function<void()> then) override {
        net::post(accept_strand, [this, duration, then = std::move(then)] {
            // Paused already (another drop fault during the pause): that pause's timer reopens.
            if (paused) return then();
            paused = true;
            beast::error_code ec;
            acceptor->close(ec);
            then();
            auto timer = std::make_shared<net::steady_timer>(accept_strand, duration);
            timer->async_wait([this, timer](beast::error_code wait_ec) {
                paused = false;
                if (wait_ec || ioc.stopped()) return;
                beast::error_code open_ec;
                listen(endpoint, open_ec);
                if (open_ec) {
                    std::fprintf(stderr, "yativo-sandbox: listening again on port %u: %s\n",
                                 static_cast<unsigned>(endpoint.port()), open_ec.message().c_str());
                    return;
                }
                accept();
            });
        });
    }

    // Listens on `at` (port 0: a free one), and remembers the address for a reopen.
    void listen(const tcp::endpoint &at, beast::error_code &ec) {
        acceptor.emplace(accept_strand);
        acceptor->open(at.protocol(), ec);
        if (!ec) acceptor->set_option(net::socket_base::reuse_address(true), ec);
        if (!ec) acceptor->bind(at, ec);
        if (!ec) acceptor->listen(net::socket_base::max_listen_connections, ec);
        if (!ec) endpoint = acceptor->local_endpoint(ec);
    }

    void accept() {
        acceptor->async_accept(net::make_strand(ioc), [this](beast::error_code ec,
                                                             tcp::socket socket) {
            if (ec == net::error::operation_aborted || !acceptor->is_open()) return;
            if (!ec) {
                api.count_connection();
                beast::error_code opt_ec;
                socket.set_option(tcp::no_delay(true), opt_ec);
                auto timeout = std::chrono::seconds(options.read_timeout);
                if (use_tls)
                    std::make_shared<Session<TlsStream>>(api, *this, timeout, std::move(socket),
                                                         ssl_ctx)
                        ->start();
                else
                    std::make_shared<Session<PlainStream>>(api, *this, timeout, std::move(socket))
                        ->start();
            }
            accept();
        });
    }

    Api &api;
    Options options;
    bool use_tls = false;
    ssl::context ssl_ctx;
    net::io_context ioc;  // after ssl_ctx: destroyed first, with every pending session
    net::strand<net::io_context::executor_type> accept_strand{net::make_strand(ioc)};
    std::optional<tcp::acceptor> acceptor;
    tcp::endpoint endpoint;  // where the acceptor listens (kept for reopening after a pause)
    bool paused = false;     // on accept_strand
    std::optional<net::signal_set> signals;
};

Server::Server(Api &api, const Options &options) : impl_(std::make_unique<Impl>(api, options)) {
    Impl &s = *impl_;
    if (!options.tls_cert.empty()) {
        s.use_tls = true;
        s.ssl_ctx.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                              ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                              ssl::context::no_tlsv1_1);
        beast::error_code ec;
        s.ssl_ctx.use_certificate_chain_file(options.tls_cert, ec);
        if (ec) throw std::runtime_error("--tls-cert " + options.tls_cert + ": " + ec.message());
        s.ssl_ctx.use_private_key_file(options.tls_key, ssl::context::pem, ec);
        if (ec) throw std::runtime_error("--tls-key " + options.tls_key + ": " + ec.message());
    }
    beast::error_code ec;
    tcp::resolver resolver(s.ioc);
    auto results = resolver.resolve(options.host, std::to_string(options.port),
                                    tcp::resolver::passive | tcp::resolver::numeric_service, ec);
    if (ec || results.empty())
        throw std::runtime_error("--host " + options.host + ": " +
                                 (ec ? ec.message() : "no address"));
    tcp::endpoint endpoint = results.begin()->endpoint();
    s.listen(endpoint, ec);
    if (ec)
        throw std::runtime_error("listen on " + options.host + ":" + std::to_string(options.port) +
                                 ": " + ec.message());
    // Installed before the start line is printed: a SIGTERM right after it must not kill us.
    s.signals.emplace(s.ioc, SIGINT, SIGTERM);
}

Server::~Server() = default;

unsigned short Server::port() const {
    return impl_->endpoint.port();
}

bool Server::tls() const {
    return impl_->use_tls;
}

void Server::stop() {
    net::post(impl_->accept_strand, [this] {
        beast::error_code ec;
        impl_->acceptor->close(ec);
        impl_->ioc.stop();
    });
}

void Server::run() {
    Impl &s = *impl_;
    s.signals->async_wait([this](beast::error_code ec, int) {
        if (!ec) stop();
    });
    s.accept();
    s.api.start_delivery();
    std::vector<std::thread> threads;
    for (int i = 1; i < s.options.threads; ++i) threads.emplace_back([&s] { s.ioc.run(); });
    s.ioc.run();
    for (auto &t : threads) t.join();
    s.api.stop_delivery();
}

}  // namespace yvsb
