// Small typed results where the fields are known and stable, and request parameters.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "yativo/payload.hpp"
#include "yativo/secret.hpp"

namespace yativo {

struct ApiKey {
    std::string id;
    std::string name;
    std::string api_key;
    Secret api_secret;  // only right after create and rotate
    std::vector<std::string> permissions;
    std::string status;
    std::string created_at;
    std::string expires_at;
    std::string last_used_at;
};

struct AccessToken {
    Secret access_token;
    std::string token_type;
    std::int64_t expires_in = 0;  // seconds left when returned
    std::string expires_at;       // as the server wrote it, may be empty
    std::vector<std::string> scopes;
};

struct Webhook {
    std::string id;
    std::string url;
    std::vector<std::string> events;
    std::string description;
    Secret secret;  // shown once, at create
    std::string created_at;
    Payload raw;
};

struct RateLimit {
    std::int64_t limit = -1;
    std::int64_t remaining = -1;
    std::int64_t reset = -1;
};

enum class Priority { Low, Medium, High };

// BEGIN GENERATED: records (python3 -m codegen from api/endpoints.toml; do not edit)

// An account: it holds assets.
struct Account {
    // The account's id.
    std::string id;
    // Its name; "" when absent.
    std::string name;
    // The account's type: business, personal or customer; "" when absent.
    std::string type;
    // Its status: active or archived; "" when absent.
    std::string status;
    // How many assets it holds (in lists); nullopt when absent.
    std::optional<std::int64_t> assets;
    // When it was created; "" when absent.
    std::string created_at;
    // The whole object as the server sent it.
    Payload raw;
};

// An asset: one chain and token within an account, with its deposit address and balance.
struct Asset {
    // The asset's id.
    std::string id;
    // The account holding it; "" when absent.
    std::string account_id;
    // The chain; "" when absent.
    std::string chain;
    // The token, e.g. USDC_SOL; "" when absent.
    std::string ticker;
    // The deposit address; "" when absent.
    std::string address;
    // The balance in token units; exact text, "" when absent.
    std::string balance;
    // Its status: active or archived; "" when absent.
    std::string status;
    // When it was added; "" when absent.
    std::string created_at;
    // The whole object as the server sent it.
    Payload raw;
};

// The balance of one asset, in token units (confirmed funds only).
struct Balance {
    // The asset's id; "" when absent.
    std::string asset_id;
    // The chain; "" when absent.
    std::string chain;
    // The token; "" when absent.
    std::string ticker;
    // The deposit address; "" when absent.
    std::string address;
    // The balance in token units.
    std::string balance;
    // Its value in USD, when the server gives one; exact text, "" when absent.
    std::string balance_usd;
    // When it last changed; "" when absent.
    std::string updated_at;
    // The whole object as the server sent it.
    Payload raw;
};

// The answer to send_funds. idempotency_key is always the key the call carried.
struct Transfer {
    // The transaction's id; "" when absent.
    std::string id;
    // The chain transaction hash, once known; "" when absent.
    std::string hash;
    // Its status: pending, confirmed, failed or cancelled; "" when absent.
    std::string status;
    // The amount sent; exact text, "" when absent.
    std::string amount;
    // The fee charged; exact text, "" when absent.
    std::string fee;
    // The amount plus the fee, taken from the asset; exact text, "" when absent.
    std::string total_debited;
    // The asset's balance after the debit; exact text, "" when absent.
    std::string balance_after;
    // The chain; "" when absent.
    std::string chain;
    // The token; "" when absent.
    std::string ticker;
    // The Idempotency-Key the call carried (the caller's, or the one the core generated).
    std::string idempotency_key;
    // When it was created; "" when absent.
    std::string created_at;
    // The whole object as the server sent it, with the call's idempotency_key added when it
    // names none.
    Payload raw;
};

// One transaction of the history.
struct Transaction {
    // The transaction's id.
    std::string id;
    // Its type: send, receive, ...; "" when absent.
    std::string type;
    // Its direction: in or out; "" when absent.
    std::string direction;
    // Its status: pending, confirmed, failed or cancelled; "" when absent.
    std::string status;
    // The chain; "" when absent.
    std::string chain;
    // The token; "" when absent.
    std::string ticker;
    // The asset it moved; "" when absent.
    std::string asset_id;
    // The account of that asset; "" when absent.
    std::string account_id;
    // The amount; exact text, "" when absent.
    std::string amount;
    // The fee; exact text, "" when absent.
    std::string fee;
    // The chain transaction hash; "" when absent.
    std::string hash;
    // The sending address; "" when absent.
    std::string from_address;
    // The receiving address; "" when absent.
    std::string to_address;
    // The priority it was sent with: low, medium or high; "" when absent.
    std::string priority;
    // The category it was sent with; "" when absent.
    std::string category;
    // The note kept with it; "" when absent.
    std::string description;
    // When it was created; "" when absent.
    std::string created_at;
    // The whole object as the server sent it.
    Payload raw;
};

// An auto-forwarding rule: a share of each deposit to an asset goes on to an address.
struct AutoForwardingRule {
    // The rule's id.
    std::string id;
    // The asset whose deposits are forwarded; "" when absent.
    std::string asset_id;
    // The asset's chain; "" when absent.
    std::string chain;
    // Where the share goes; "" when absent.
    std::string destination_address;
    // The share of each deposit, in percent (more than 0, at most 100); exact text, "" when
    // absent.
    std::string percentage;
    // All_wallets or specific_wallets; "" when absent.
    std::string monitoring_mode;
    // The accounts watched with specific_wallets; empty when absent.
    std::vector<std::string> monitored_accounts;
    // Deposits below this are not forwarded; exact text, "" when absent.
    std::string minimum_amount;
    // The most forwarded from one deposit; exact text, "" when absent.
    std::string maximum_amount;
    // The note kept with the rule; "" when absent.
    std::string description;
    // Whether the rule acts; nullopt when absent.
    std::optional<bool> enabled;
    // When it was created; "" when absent.
    std::string created_at;
    // When it last changed; "" when absent.
    std::string updated_at;
    // The whole object as the server sent it (settings included).
    Payload raw;
};

// A customer of the platform.
struct Customer {
    // The customer's id.
    std::string id;
    // The customer's e-mail address; "" when absent.
    std::string email;
    // The customer's name; "" when absent.
    std::string name;
    // The first name, when given apart; "" when absent.
    std::string first_name;
    // The last name, when given apart; "" when absent.
    std::string last_name;
    // The phone number; "" when absent.
    std::string phone;
    // The customer's status; "" when absent.
    std::string status;
    // When it was created; "" when absent.
    std::string created_at;
    // The whole object as the server sent it (metadata included).
    Payload raw;
};

// A signed-in session. Its tokens are not here: the client keeps them (the access token
// authenticates its later calls, the refresh token renews it).
struct Session {
    // The type of the access token: Bearer; "" when absent.
    std::string token_type;
    // Seconds until the access token expires; nullopt when absent.
    std::optional<std::int64_t> expires_in;
    // When the access token expires; "" when absent.
    std::string expires_at;
};

// One delivery of an event to a webhook, with its attempts so far.
struct WebhookDelivery {
    // The delivery's id.
    std::string id;
    // The event's id (the same in every delivery of the event); "" when absent.
    std::string event_id;
    // The event's type, e.g. transaction.confirmed; "" when absent.
    std::string type;
    // The webhook it went to; "" when absent.
    std::string webhook_id;
    // Pending, delivered or failed; "" when absent.
    std::string status;
    // How many attempts were made; nullopt when absent.
    std::optional<std::int64_t> attempts;
    // The HTTP status of the last attempt; nullopt when absent.
    std::optional<std::int64_t> last_status_code;
    // Why the last attempt failed; "" when absent.
    std::string last_error;
    // When the event was queued; "" when absent.
    std::string created_at;
    // When it was delivered; "" when absent.
    std::string delivered_at;
    // The whole object as the server sent it (the attempts' history and the payload
    // included).
    Payload raw;
};
// END GENERATED: records

// BEGIN GENERATED: parameter structs (python3 -m codegen from api/endpoints.toml; do not edit)

// The parameters of Client::create_api_key.
struct CreateApiKey {
    std::string name;                      // a name to recognise the key by
    std::vector<std::string> permissions;  // scopes: read, write, transactions, webhooks
    std::optional<int> expires_in_days;    // days until the key expires; unset = never
};

// The parameters of Client::send_funds.
struct SendFunds {
    std::string account;            // the account's id
    std::string assets;             // the id of the asset to send from
    std::string receiving_address;  // the destination address, checked against the chain
    std::string amount;             // the amount, > 0, at most 18 decimals
    std::string type;               // the token symbol (USDC for a USDC_SOL asset)
    std::string chain;              // the chain
    std::string category;           // the transfer's category
    std::string priority;           // low, medium or high (slow and fast are aliases); "" = medium
    std::string description;        // a note kept with the transfer; "" = unset
    bool use_self_funding = false;  // pay gas from the asset itself
};

// The parameters of Client::list_transactions.
struct TransactionQuery {
    int page = 1;              // the page, from 1
    std::optional<int> limit;  // items per page, 1..100; unset = the server's default
    std::string status;        // only transactions in this status; "" = unset
    std::string chain;         // only transactions on this chain; "" = unset
    std::string search;        // a hash, address or id to look for; "" = unset
};

// The parameters of Client::create_forwarding_rule.
struct ForwardingRule {
    std::string destination_address;  // where the share goes, checked against the chain
    std::string percentage;  // the share of each deposit in percent, more than 0 and at most 100
    std::string monitoring_mode;  // all_wallets, or specific_wallets with monitored_accounts
    std::string asset_id;         // the asset whose deposits are forwarded
    std::string chain;            // the asset's chain
    std::vector<std::string>
        monitored_accounts;      // the accounts watched with specific_wallets; "" = unset
    std::string minimum_amount;  // deposits below this are not forwarded; "" = unset
    std::string maximum_amount;  // the most forwarded from one deposit; "" = unset
    std::string description;     // a note kept with the rule; "" = unset
    std::string enabled;         // true (the default) or false: whether the rule acts; "" = unset
    std::string settings;        // further settings, a JSON object; "" = unset
};

// The parameters of Client::update_forwarding_rule.
struct ForwardingRuleUpdate {
    std::string rule_id;              // the rule's id
    std::string destination_address;  // where the share goes; "" = unset
    std::string percentage;           // the share of each deposit in percent; "" = unset
    std::string monitoring_mode;      // all_wallets or specific_wallets; "" = unset
    std::vector<std::string>
        monitored_accounts;      // the accounts watched with specific_wallets; "" = unset
    std::string minimum_amount;  // deposits below this are not forwarded; "" = unset
    std::string maximum_amount;  // the most forwarded from one deposit; "" = unset
    std::string description;     // a note kept with the rule; "" = unset
    std::string enabled;         // true: the rule acts; false: it is paused; "" = unset
    std::string settings;        // further settings, a JSON object; "" = unset
};
// END GENERATED: parameter structs

struct WebhookEvent {
    std::string id;
    std::string type;
    std::string created_at;
    Payload data;
    Payload raw;
};

}  // namespace yativo
