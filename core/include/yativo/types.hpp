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

struct CreateApiKey {
    std::string name;
    std::vector<std::string> permissions;
    std::optional<int> expires_in_days;
};

enum class Priority { Low, Medium, High };

struct SendFunds {
    std::string account;
    std::string assets;  // the asset id to send from
    std::string receiving_address;
    std::string amount;  // decimal string, > 0, at most 18 decimals
    std::string type;    // token symbol: USDC for a USDC_SOL asset
    std::string chain;
    std::string category;
    std::string priority = "medium";  // low|medium|high; slow and fast are aliases
    std::string description;
    bool use_self_funding = false;
};

struct SendResult {
    Payload payload;  // holds "idempotency_key" too
    std::string idempotency_key;
};

struct TransactionQuery {
    int page = 1;
    std::optional<int> limit;  // 1..100
    std::string status;
    std::string chain;
    std::string search;
};

struct WebhookEvent {
    std::string id;
    std::string type;
    std::string created_at;
    Payload data;
    Payload raw;
};

}  // namespace yativo
