// yativo::Client: construction, and request(), which applies the route table's rules to any
// path. Every endpoint's request builder is generated (endpoints_gen.cpp); one the rows of
// api/endpoints.toml cannot say would be written here (body = "custom").
#include <algorithm>

#include "client_impl.hpp"
#include "crypto.hpp"
#include "endpoint_support.hpp"
#include "json_util.hpp"
#include "yativo/client.hpp"
#include "yativo/status.hpp"

namespace yativo {

using detail::Call;
using detail::Kind;
using detail::TwoFactor;

std::string new_idempotency_key() {
    return crypto::uuid4();
}

Client::Client(ClientOptions options)
    : impl_(std::make_unique<detail::ClientImpl>(std::move(options))) {}
Client::Client(std::unique_ptr<detail::ClientImpl> impl) : impl_(std::move(impl)) {
    if (!impl_) throw_invalid("client engine is null");
}
Client::~Client() = default;
Client::Client(Client &&) noexcept = default;
Client &Client::operator=(Client &&) noexcept = default;

void Client::set_credentials(std::string api_key, Secret api_secret) {
    impl_->set_credentials(std::move(api_key), std::move(api_secret));
}
void Client::set_access_token(Secret token) {
    impl_->set_access_token(std::move(token));
}
const std::string &Client::base_url() const noexcept {
    return impl_->base_url();
}
std::chrono::milliseconds Client::total_timeout() const noexcept {
    return impl_->total_timeout();
}
std::optional<RateLimit> Client::rate_limit() const {
    return impl_->rate_limit();
}
AccessToken Client::token(const CallOptions &call) {
    return impl_->token(call);
}

// --- Anything else ---

bool moves_value(std::string_view method, std::string_view path) {
    const detail::Route *route = detail::find_route(method, path);
    return route && route->kind == Kind::MovesValue;
}

Payload Client::request(std::string_view method_in, std::string_view path,
                        std::string_view json_body, const CallOptions &opts) {
    std::string method(method_in);
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    static const char *methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE"};
    if (std::none_of(std::begin(methods), std::end(methods),
                     [&](const char *m) { return method == m; }))
        throw_invalid("method \"" + std::string(method_in) +
                      "\" is not GET, POST, PUT, PATCH or DELETE");
    std::string p = detail::normalize_path(path);
    if (!json_body.empty() && !json::parse(json_body))
        throw_invalid("request body is not valid JSON");
    if (method == "GET" && !json_body.empty()) throw_invalid("a GET request takes no body");
    // The route table's rules for a described path; an unknown path is a write without 2FA
    // unless the caller gives a code or a key.
    const detail::Route *route = detail::find_route(method, p);
    Kind kind = method == "GET" ? Kind::Read : route ? route->kind : Kind::Write;
    Call c = detail::make_call(method.c_str(), p, kind, TwoFactor::OnDemand, opts);
    if (kind == Kind::Read) {
        detail::check_idempotency_key(opts.idempotency_key);
        c.idempotency_key = opts.idempotency_key;
    }
    if (route && route->two_factor == TwoFactor::Required && impl_->totp() != nullptr)
        c.needs_2fa = true;
    if (!json_body.empty()) {
        c.body = std::string(json_body);
        c.has_body = true;
    }
    Payload payload = impl_->execute(c, opts);
    if (kind == Kind::MovesValue) detail::add_idempotency_key(payload, c);
    return payload;
}

}  // namespace yativo
