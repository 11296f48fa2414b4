// The client: one per application, shared by every thread (all methods are thread-safe).
// Every method throws yativo::Error on failure.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "yativo/options.hpp"
#include "yativo/payload.hpp"
#include "yativo/types.hpp"

namespace yativo {

// A fresh idempotency key (a random UUIDv4), as the SDK generates for calls that move value. A
// caller who fixes the key before the call knows it whatever happens to the call.
std::string new_idempotency_key();

// Whether a call moves value (send-funds, swap execute, card funding, ...; SPEC §4): such a call
// always carries an idempotency key, through request() too. `path` is relative to the base URL.
bool moves_value(std::string_view method, std::string_view path);

namespace detail {
class ClientImpl;
}

class Client {
  public:
    // Validates the options (INVALID_ARGUMENT) and performs no I/O.
    explicit Client(ClientOptions options);
    // For tests of the core: a client over an engine built with test seams.
    explicit Client(std::unique_ptr<detail::ClientImpl> impl);
    ~Client();
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;
    Client(Client &&) noexcept;
    Client &operator=(Client &&) noexcept;

    // Replaces key + secret for every later call (AuthMode::Token and Headers). The cached token
    // is dropped; calls already in flight finish with the old credentials.
    void set_credentials(std::string api_key, Secret api_secret);
    // Replaces the caller-supplied bearer token (AuthMode::Bearer).
    void set_access_token(Secret access_token);

    const std::string &base_url() const noexcept;
    // The total deadline of a call that sets none: ClientOptions::total_timeout or the default.
    // Bindings whose callers bring deadlines of their own (Go contexts) take the earlier one.
    std::chrono::milliseconds total_timeout() const noexcept;

    // --- API keys (create, rotate, update_permissions and revoke send X-2FA-Token) ---
    ApiKey create_api_key(const CreateApiKey &params, const CallOptions &call = {});
    std::vector<ApiKey> list_api_keys(const CallOptions &call = {});
    ApiKey get_api_key(std::string_view id, const CallOptions &call = {});
    ApiKey rotate_api_key(std::string_view id, const CallOptions &call = {});
    ApiKey update_api_key_permissions(std::string_view id, const std::vector<std::string> &perms,
                                      const CallOptions &call = {});
    void revoke_api_key(std::string_view id, const CallOptions &call = {});

    // The access token in use (AuthMode::Token: exchanged now if none is cached and valid).
    AccessToken token(const CallOptions &call = {});

    // --- Resources ---
    Payload list_accounts(const CallOptions &call = {});
    Payload create_account(std::string_view account_name, std::string_view account_type,
                           const CallOptions &call = {});
    Payload add_asset(std::string_view account_id, std::string_view chain, std::string_view ticker,
                      const CallOptions &call = {});
    Payload list_assets(std::string_view account_id, const CallOptions &call = {});  // "" = all
    Payload check_balance(std::string_view asset_id, const CallOptions &call = {});
    // extra_fields_json: a JSON object of further fields, or "".
    Payload gas_price(std::string_view chain, std::string_view priority,
                      std::string_view extra_fields_json = {}, const CallOptions &call = {});
    // Always carries an Idempotency-Key: call.idempotency_key, or a generated one
    // (new_idempotency_key()).
    SendResult send_funds(const SendFunds &params, const CallOptions &call = {});
    Payload list_transactions(const TransactionQuery &query, const CallOptions &call = {});
    Webhook create_webhook(std::string_view url, const std::vector<std::string> &events,
                           std::string_view description, const CallOptions &call = {});
    Payload list_webhooks(const CallOptions &call = {});
    void delete_webhook(std::string_view id, const CallOptions &call = {});

    // Any endpoint: method GET/POST/PUT/PATCH/DELETE, path relative to the base URL,
    // json_body a JSON text or "" for none.
    Payload request(std::string_view method, std::string_view path, std::string_view json_body,
                    const CallOptions &call = {});

    // X-RateLimit-* of the last response that carried them.
    std::optional<RateLimit> rate_limit() const;

    detail::ClientImpl &impl() noexcept { return *impl_; }

  private:
    std::unique_ptr<detail::ClientImpl> impl_;
};

}  // namespace yativo
