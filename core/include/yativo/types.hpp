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

struct SendResult {
    Payload payload;  // holds "idempotency_key" too
    std::string idempotency_key;
};

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
// END GENERATED: parameter structs

struct WebhookEvent {
    std::string id;
    std::string type;
    std::string created_at;
    Payload data;
    Payload raw;
};

}  // namespace yativo
