// Everything the emulator remembers. Guarded by Api's mutex; no I/O in here.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "clock.hpp"
#include "decimal.hpp"
#include "state_cards.hpp"
#include "state_delivery.hpp"
#include "state_identity.hpp"
#include "state_ledger.hpp"

namespace yvsb {

struct ApiKey {
    std::string id;  // key_<24 hex>
    std::string user_id;
    std::string name;
    std::string api_key;      // yativo_<48 hex>, public
    std::string secret_hash;  // HMAC-SHA256(pepper, api_secret), hex
    std::vector<std::string> permissions;
    SysTime created_at;
    bool has_expiry = false;
    SysTime expires_at;
    bool revoked = false;
    SysTime revoked_at;
    bool used = false;
    SysTime last_used_at;
    bool rotated = false;
    SysTime rotated_at;
    // Addresses or CIDRs as given; when not empty, the token exchange, X-API-Key requests and the
    // key's access tokens are refused (403) from any other peer address (handlers_keys.cpp).
    std::vector<std::string> allowed_ips;

    bool expired(SysTime t) const { return has_expiry && t >= expires_at; }
    std::string status(SysTime t) const {
        return revoked ? "revoked" : expired(t) ? "expired" : "active";
    }
};

struct AccessToken {
    std::string key_id;
    std::string user_id;
    SysTime expires_at;
};

struct Account {
    std::string id;  // acc_<24 hex>
    std::string user_id;
    std::string name;
    std::string type;
    SysTime created_at;
};

struct Asset {
    std::string id;  // ast_<24 hex>
    std::string user_id;
    std::string account_id;
    std::string chain;   // canonical chain name
    std::string ticker;  // as given: "USDC_SOL"
    std::string symbol;  // "USDC"
    std::string wallet_address;
    Decimal balance;
    SysTime created_at;
    SysTime updated_at;
    std::string customer_id;  // a customer's wallet (add-customer-asset); empty = the user's own
    bool station = false;     // a gas-station wallet (add-station-asset): no account
    bool archived = false;    // archive-asset: refuses sends, left out of lists unless asked
    SysTime archived_at;
};

struct Transaction {
    std::string id;  // txn_<24 hex>
    std::string user_id;
    std::string account_id;
    std::string asset_id;
    std::string chain;
    std::string ticker;
    std::string symbol;
    std::string receiving_address;
    std::string from_address;
    Decimal amount;
    Decimal fee;
    std::string hash;
    std::string status;
    std::string priority;
    std::string category;
    std::string description;  // empty = none
    bool use_self_funding = false;
    std::string idempotency_key;  // empty = none
    SysTime created_at;
    SysTime confirm_due;  // a pending transfer confirms by itself then (--confirm-after)
    SysTime settled_at;   // when it was confirmed or cancelled
};

struct Webhook {
    std::string id;  // wh_<24 hex>
    std::string user_id;
    std::string url;
    std::vector<std::string> events;
    std::string description;
    std::string secret;  // whsec_..., shown once; kept to sign deliveries
    bool active = true;  // an inactive webhook receives nothing
    SysTime created_at;
    SysTime updated_at;
};

// A customer of the user (customers, customer assets, customer cards, the card-issuer program).
struct Customer {
    std::string id;  // cus_<24 hex>
    std::string user_id;
    std::string email;
    std::string name;
    std::string phone;          // empty = none
    std::string metadata_json;  // a JSON object as sent; empty = none
    SysTime created_at;
};

// A message the sandbox "e-mailed" (sign-in OTPs, card PIN OTPs): GET /__sandbox/outbox.
struct Email {
    std::string to;
    std::string subject;
    std::string code;  // the one-time code it carries
    SysTime sent_at;
};

// A stored outcome of a write that carried an Idempotency-Key.
struct IdempotencyRecord {
    std::string fingerprint;  // method + path + canonical body
    int status = 0;
    std::string body;
    std::string resource_id;  // reported as existing_transaction_id on a conflict
    SysTime created_at;
};

struct Stats {
    long connections = 0;  // TCP connections accepted (any purpose, control ones included)
    long requests = 0;
    long token_exchanges = 0;
    long transactions_created = 0;
    long max_in_flight = 0;
    long webhook_deliveries = 0;  // deliveries answered 2xx
    std::map<std::string, long> paths;
};

struct State {
    std::map<std::string, ApiKey> keys;  // by id
    std::vector<std::string> key_order;
    std::map<std::string, std::string> key_by_public;  // api_key -> id
    std::map<std::string, AccessToken> tokens;         // by SHA-256 hex of the token
    std::map<std::string, Account> accounts;
    std::vector<std::string> account_order;
    std::map<std::string, Asset> assets;
    std::vector<std::string> asset_order;
    std::vector<Transaction> transactions;  // oldest first
    std::map<std::string, Webhook> webhooks;
    std::vector<std::string> webhook_order;
    // user -> idempotency key -> record
    std::map<std::string, std::map<std::string, IdempotencyRecord>> idempotency;
    std::map<std::string, Customer> customers;  // by id
    std::vector<std::string> customer_order;
    std::vector<Email> outbox;  // oldest first
    LedgerState ledger;
    DeliveryState delivery;
    IdentityState identity;
    CardsState cards;
};

}  // namespace yvsb
