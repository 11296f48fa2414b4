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
    std::vector<std::string> allowed_ips;  // addresses or CIDR blocks; empty: any
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

// A card funding: a customer funded from the issuer's wallet, or a deposit funded by hand.
// idempotency_key is always the key the call carried.
struct CardFunding {
    // The funding's id; "" when absent.
    std::string id;
    // The customer funded; "" when absent.
    std::string customer_id;
    // The deposit funded, for a manual funding; "" when absent.
    std::string deposit_id;
    // The amount, exact; exact text, "" when absent.
    std::string amount;
    // The bridge fee taken, exact, when the server gives it; exact text, "" when absent.
    std::string fee;
    // What reached the card, exact, when the server gives it; exact text, "" when absent.
    std::string credited;
    // The chain it was paid from: SOL or XDC; "" when absent.
    std::string source_chain;
    // The token credited to the card; "" when absent.
    std::string destination_token;
    // Send_x (the amount is sent) or receive_x (the amount arrives); "" when absent.
    std::string pricing_mode;
    // Its status: pending, funding, funded/completed or failed; "" when absent.
    std::string status;
    // The Idempotency-Key the call carried (the caller's, or the one the core generated).
    std::string idempotency_key;
    // When it was made; "" when absent.
    std::string created_at;
    // The whole object as the server sent it, with the call's idempotency_key added when it
    // names none.
    Payload raw;
};

// A card account: the holder's onboarding, KYC and wallet state.
struct CardAccount {
    // The card account's id: the {yativo_card_id} of the other calls; "" when absent.
    std::string id;
    // The holder's e-mail address; "" when absent.
    std::string email;
    // The holder's first name; "" when absent.
    std::string first_name;
    // The holder's last name; "" when absent.
    std::string last_name;
    // The account's status; "" when absent.
    std::string status;
    // The KYC status: pending, approved or rejected; "" when absent.
    std::string kyc_status;
    // Whether the terms are accepted; nullopt when absent.
    std::optional<bool> terms_accepted;
    // Whether the card wallet is deployed; nullopt when absent.
    std::optional<bool> safe_deployed;
    // When it was opened; "" when absent.
    std::string created_at;
    // The whole object as the server sent it.
    Payload raw;
};

// A card.
struct Card {
    // The card's id.
    std::string id;
    // The card account it belongs to; "" when absent.
    std::string yativo_card_id;
    // The customer it was issued to, for a customer's card; "" when absent.
    std::string customer_id;
    // Virtual or physical; "" when absent.
    std::string type;
    // Its status: active, frozen or voided; "" when absent.
    std::string status;
    // The name shown for it; "" when absent.
    std::string display_name;
    // The last four digits of its number; "" when absent.
    std::string last4;
    // Its spending limit, exact; exact text, "" when absent.
    std::string spending_limit_amount;
    // How often the limit resets; "" when absent.
    std::string spending_limit_frequency;
    // When it was created; "" when absent.
    std::string created_at;
    // The whole object as the server sent it.
    Payload raw;
};

// A card transaction: a spend, refund or funding.
struct CardTransaction {
    // The transaction's id.
    std::string id;
    // The card it was made with; "" when absent.
    std::string card_id;
    // Its type: spend, refund, funding...; "" when absent.
    std::string type;
    // Its status: pending, completed, declined...; "" when absent.
    std::string status;
    // The amount, exact; exact text, "" when absent.
    std::string amount;
    // The currency; "" when absent.
    std::string currency;
    // The merchant; "" when absent.
    std::string merchant;
    // When it happened; "" when absent.
    std::string created_at;
    // The whole object as the server sent it.
    Payload raw;
};

// A card wallet's spending limits, exact amounts.
struct SpendingLimits {
    // The daily limit; exact text, "" when absent.
    std::string daily_limit;
    // The monthly limit; exact text, "" when absent.
    std::string monthly_limit;
    // The limit of one transaction; exact text, "" when absent.
    std::string per_transaction_limit;
    // The currency of the limits; "" when absent.
    std::string currency;
    // The whole object as the server sent it.
    Payload raw;
};

// A physical card order.
struct CardOrder {
    // The order's id.
    std::string id;
    // Its status: pending_payment, paid, shipped, delivered or cancelled; "" when absent.
    std::string status;
    // The card it makes, once issued; "" when absent.
    std::string card_id;
    // The name embossed on the card; "" when absent.
    std::string personalization;
    // What the order costs, exact; exact text, "" when absent.
    std::string amount;
    // The currency of the amount; "" when absent.
    std::string currency;
    // When it was placed; "" when absent.
    std::string created_at;
    // The whole object as the server sent it.
    Payload raw;
};

// The answer to paying a physical card order: the order as the payment left it. idempotency_key is
// always the key the call carried.
struct CardOrderPayment {
    // The order paid; "" when absent.
    std::string order_id;
    // The payment's id, when the server gives it beside the order (the sandbox nests it:
    // raw["payment"]); "" when absent.
    std::string payment_id;
    // The order's status once paid (paid); "" when absent.
    std::string status;
    // The amount paid, exact, when the server gives it; exact text, "" when absent.
    std::string amount;
    // The currency paid in; "" when absent.
    std::string currency;
    // The Idempotency-Key the call carried (the caller's, or the one the core generated).
    std::string idempotency_key;
    // When the order was placed; "" when absent.
    std::string created_at;
    // The whole object as the server sent it, with the call's idempotency_key added when it
    // names none.
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

// Where an IBAN stands: onboarding, KYC, requested, active; with its number once issued.
struct IbanStatus {
    // The IBAN onboarding's id; "" when absent.
    std::string id;
    // The lifecycle status (e.g. not_started, kyc_submitted, pending, active); "" when
    // absent.
    std::string status;
    // The KYC status; "" when absent.
    std::string kyc_status;
    // The IBAN, once issued; "" when absent.
    std::string iban;
    // The BIC of the issuing bank, once issued; "" when absent.
    std::string bic;
    // The account's currency (EUR); "" when absent.
    std::string currency;
    // The holder's e-mail address; "" when absent.
    std::string email;
    // The customer it belongs to, when it is a customer's; "" when absent.
    std::string customer_id;
    // When it last changed; "" when absent.
    std::string updated_at;
    // The whole object as the server sent it.
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

// A swap quote: what an execution of it would give, until it expires.
struct SwapQuote {
    // The quote's id, for execute.
    std::string id;
    // The asset debited, when the server names it; "" when absent.
    std::string from_asset_id;
    // The asset credited, when the server names it; "" when absent.
    std::string to_asset_id;
    // The chain swapped from; "" when absent.
    std::string from_chain;
    // The token swapped from; "" when absent.
    std::string from_ticker;
    // The chain swapped to; "" when absent.
    std::string to_chain;
    // The token swapped to; "" when absent.
    std::string to_ticker;
    // The amount swapped from, exact; exact text, "" when absent.
    std::string from_amount;
    // The amount it gives, exact; exact text, "" when absent.
    std::string to_amount;
    // The exchange rate; exact text, "" when absent.
    std::string rate;
    // The fee, when the server gives it as one amount; exact text, "" when absent.
    std::string fee;
    // When the quote stops being executable; "" when absent.
    std::string expires_at;
    // The whole object as the server sent it.
    Payload raw;
};

// The answer to swap execute. idempotency_key is always the key the call carried.
struct SwapExecution {
    // The swap's id; "" when absent.
    std::string id;
    // The quote it executed; "" when absent.
    std::string quote_id;
    // Its status: pending, completed or failed; "" when absent.
    std::string status;
    // The chain swapped from; "" when absent.
    std::string from_chain;
    // The token swapped from; "" when absent.
    std::string from_ticker;
    // The chain swapped to; "" when absent.
    std::string to_chain;
    // The token swapped to; "" when absent.
    std::string to_ticker;
    // The amount taken, exact; exact text, "" when absent.
    std::string from_amount;
    // The amount given, exact; exact text, "" when absent.
    std::string to_amount;
    // The fee taken from the source amount, exact; exact text, "" when absent.
    std::string fee;
    // The rate applied; exact text, "" when absent.
    std::string rate;
    // The asset debited; "" when absent.
    std::string from_asset_id;
    // The asset credited; "" when absent.
    std::string to_asset_id;
    // Where the swapped funds went; "" when absent.
    std::string to_address;
    // The hash of the debit, once known; "" when absent.
    std::string from_tx_hash;
    // The hash of the credit, once known; "" when absent.
    std::string to_tx_hash;
    // The Idempotency-Key the call carried (the caller's, or the one the core generated).
    std::string idempotency_key;
    // When it was made; "" when absent.
    std::string created_at;
    // The whole object as the server sent it, with the call's idempotency_key added when it
    // names none.
    Payload raw;
};

// One swap of the history.
struct SwapHistoryItem {
    // The swap's id.
    std::string id;
    // The quote it executed; "" when absent.
    std::string quote_id;
    // Its status: pending, completed or failed; "" when absent.
    std::string status;
    // The chain swapped from; "" when absent.
    std::string from_chain;
    // The token swapped from; "" when absent.
    std::string from_ticker;
    // The chain swapped to; "" when absent.
    std::string to_chain;
    // The token swapped to; "" when absent.
    std::string to_ticker;
    // The amount taken, exact; exact text, "" when absent.
    std::string from_amount;
    // The amount given, exact; exact text, "" when absent.
    std::string to_amount;
    // When it was made; "" when absent.
    std::string created_at;
    // The whole object as the server sent it.
    Payload raw;
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
    std::vector<std::string> allowed_ips;  // the IP addresses or CIDR blocks the key may be used
                                           // from; unset = any; "" = unset
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
        monitored_accounts;       // the accounts watched with specific_wallets; "" = unset
    std::string minimum_amount;   // deposits below this are not forwarded; "" = unset
    std::string maximum_amount;   // the most forwarded from one deposit; "" = unset
    std::string description;      // a note kept with the rule; "" = unset
    std::optional<bool> enabled;  // whether the rule acts; unset: the server's default (it acts)
    std::string settings;         // further settings, a JSON object; "" = unset
};

// The parameters of Client::update_forwarding_rule.
struct ForwardingRuleUpdate {
    std::string rule_id;              // the rule's id
    std::string destination_address;  // where the share goes; "" = unset
    std::string percentage;           // the share of each deposit in percent; "" = unset
    std::string monitoring_mode;      // all_wallets or specific_wallets; "" = unset
    std::vector<std::string>
        monitored_accounts;       // the accounts watched with specific_wallets; "" = unset
    std::string minimum_amount;   // deposits below this are not forwarded; "" = unset
    std::string maximum_amount;   // the most forwarded from one deposit; "" = unset
    std::string description;      // a note kept with the rule; "" = unset
    std::optional<bool> enabled;  // true: the rule acts; false: it is paused; unset: unchanged
    std::string settings;         // further settings, a JSON object; "" = unset
};

// The parameters of Client::card_issuer_apply.
struct IssuerApplication {
    std::string
        funding_structure;  // how customers' cards are funded (e.g. master_wallet, decentralized)
    bool iban_enabled = false;  // whether customers get IBANs too
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
