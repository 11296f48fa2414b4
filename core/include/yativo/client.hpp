// The client: one per application, shared by every thread (all methods are thread-safe).
// Every method throws yativo::Error on failure. The endpoint methods are generated from
// api/endpoints.toml (the region marked below).
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

    // The access token in use (AuthMode::Token: exchanged now if none is cached and valid).
    AccessToken token(const CallOptions &call = {});

    // BEGIN GENERATED: endpoints (python3 -m codegen from api/endpoints.toml; do not edit)

    // --- api_keys: API key management. Writes send X-2FA-Token: the call's code or the
    // client's TOTP source.
    // Creates an API key. Its api_secret is in this answer only.
    // Sends X-2FA-Token: call.totp_code or the client's TOTP source.
    ApiKey create_api_key(const CreateApiKey &params, const CallOptions &call = {});
    // Every API key of the account, without secrets.
    std::vector<ApiKey> list_api_keys(const CallOptions &call = {});
    // One API key, without its secret.
    ApiKey get_api_key(std::string_view key_id, const CallOptions &call = {});
    // Issues a new api_secret (in this answer only); the old one stops working at once.
    // Sends X-2FA-Token: call.totp_code or the client's TOTP source.
    ApiKey rotate_api_key(std::string_view key_id, const CallOptions &call = {});
    // Replaces the key's whole set of scopes.
    // Sends X-2FA-Token: call.totp_code or the client's TOTP source.
    ApiKey update_api_key_permissions(std::string_view key_id,
                                      const std::vector<std::string> &permissions,
                                      const CallOptions &call = {});
    // Revokes the key: it stops working at once.
    // Sends X-2FA-Token: call.totp_code or the client's TOTP source.
    void revoke_api_key(std::string_view key_id, const CallOptions &call = {});

    // --- accounts: Accounts hold assets.
    // The accounts of the user.
    std::vector<Account> list_accounts(const CallOptions &call = {});
    // Creates an account.
    Account create_account(std::string_view account_name, std::string_view account_type = {},
                           const CallOptions &call = {});
    // The wallet connections of one account, or of every account.
    Payload get_account_connections(std::string_view account_id = {}, const CallOptions &call = {});
    // Connects an account to chains (every supported chain when none are named); a chain
    // already connected stays as it was.
    Payload create_account_connections(std::string_view account_id,
                                       const std::vector<std::string> &chains = {},
                                       const CallOptions &call = {});
    // The accounts of a user (yourself); a customer holds wallets, not accounts.
    std::vector<Account> list_user_accounts(std::string_view user_id, const CallOptions &call = {});

    // --- assets: Assets: one chain and token within an account.
    // Adds an asset (a chain and token, with its deposit address) to an account.
    Asset add_asset(std::string_view account_id, std::string_view chain, std::string_view ticker,
                    const CallOptions &call = {});
    // The assets of one account, or of every account.
    std::vector<Asset> list_assets(std::string_view account_id = {}, const CallOptions &call = {});
    // The catalogue of supported assets: chain, ticker, decimals, price.
    Payload list_supported_assets(const CallOptions &call = {});
    // The supported chains: id, name, explorer.
    Payload list_chains(const CallOptions &call = {});
    // Adds several assets to an account at once: chains[i] with tickers[i]; all or none are
    // added.
    std::vector<Asset> add_assets(std::string_view account_id,
                                  const std::vector<std::string> &chains,
                                  const std::vector<std::string> &tickers = {},
                                  const CallOptions &call = {});
    // The assets of a user (yourself) or of one of your customers.
    std::vector<Asset> list_user_assets(std::string_view user_id, const CallOptions &call = {});
    // Archives an asset: it leaves the lists and can no longer send; deposits still credit
    // it.
    Asset archive_asset(std::string_view asset_id, const CallOptions &call = {});
    // Adds a gas-station wallet for a chain: it pays the gas of your transfers on that
    // chain.
    Asset add_gas_station(std::string_view chain, std::string_view ticker,
                          const CallOptions &call = {});
    // Your gas-station wallets.
    std::vector<Asset> list_gas_stations(const CallOptions &call = {});
    // Adds a wallet (a chain and token) for one of your customers.
    Asset add_customer_asset(std::string_view customer_id, std::string_view chain,
                             std::string_view ticker, const CallOptions &call = {});
    // The wallets of one customer, or of every customer.
    std::vector<Asset> list_customer_assets(std::string_view customer_id = {},
                                            const CallOptions &call = {});

    // --- balance: Balances of assets.
    // The balance of one asset; amounts are exact decimal text.
    Balance check_balance(std::string_view asset_id, const CallOptions &call = {});

    // --- transactions: Gas prices, transfers and the transaction history.
    // A gas price estimate for a chain.
    Payload gas_price(std::string_view chain, std::string_view priority = {},
                      std::string_view amount_usd = {}, std::string_view asset_id = {},
                      std::string_view token_symbol = {}, std::string_view extra_fields_json = {},
                      const CallOptions &call = {});
    // Sends funds. Always carries an Idempotency-Key (the call's, or one the core
    // generates), returned with the result and on every error; after an error whose outcome
    // is unknown, call again with that key: the transfer happens once.
    // Sends X-2FA-Token when call.totp_code is set, or from the TOTP source when the server asks.
    Transfer send_funds(const SendFunds &params, const CallOptions &call = {});
    // One page of the transaction history, newest first.
    std::vector<Transaction> list_transactions(const TransactionQuery &params,
                                               const CallOptions &call = {});
    // One transaction.
    Transaction get_transaction(std::string_view transaction_id, const CallOptions &call = {});
    // Cancels a pending transfer: its amount and fee go back to the asset, exactly.
    Payload cancel_transaction(std::string_view transaction_id, const CallOptions &call = {});
    // One page of the transactions of one asset, newest first.
    std::vector<Transaction> asset_history(std::string_view asset_id,
                                           std::optional<std::int64_t> page = {},
                                           std::optional<std::int64_t> limit = {},
                                           const CallOptions &call = {});

    // --- webhooks: Webhook subscriptions. Deliveries are checked with the webhook
    // verifier.
    // Subscribes a URL to events. The signing secret is in this answer only.
    Webhook create_webhook(std::string_view url, const std::vector<std::string> &events,
                           std::string_view description = {}, const CallOptions &call = {});
    // Every webhook subscription, without secrets.
    std::vector<Webhook> list_webhooks(const CallOptions &call = {});
    // Deletes a webhook subscription.
    void delete_webhook(std::string_view webhook_id, const CallOptions &call = {});
    // One webhook subscription, without its secret.
    Webhook get_webhook(std::string_view webhook_id, const CallOptions &call = {});
    // Changes a webhook subscription: only what is given changes.
    Webhook update_webhook(std::string_view webhook_id, std::string_view url = {},
                           const std::vector<std::string> &events = {},
                           std::string_view description = {}, std::string_view status = {},
                           const CallOptions &call = {});
    // Resumes deliveries to a webhook.
    Webhook activate_webhook(std::string_view webhook_id, const CallOptions &call = {});
    // Pauses deliveries to a webhook (events are not queued for it meanwhile).
    Webhook deactivate_webhook(std::string_view webhook_id, const CallOptions &call = {});
    // The deliveries of one webhook, newest first, one page at a time.
    std::vector<WebhookDelivery> list_webhook_events(std::string_view webhook_id,
                                                     std::optional<std::int64_t> page = {},
                                                     std::optional<std::int64_t> limit = {},
                                                     std::string_view status = {},
                                                     const CallOptions &call = {});
    // Queues a webhook.test event for delivery to this webhook; the answer names the event
    // and delivery.
    Payload test_webhook(std::string_view webhook_id, const CallOptions &call = {});

    // --- analytics: Totals over your transactions and wallets.
    // Totals over your transactions (counts and exact amounts by status, chain and type).
    Payload transaction_analytics(const CallOptions &call = {});
    // The dashboard's totals: accounts, assets, balances and recent activity.
    Payload dashboard_analytics(const CallOptions &call = {});

    // --- auto_forwarding: Auto-forwarding rules: a share of each deposit to an asset is
    // sent on to an address. Writes send X-2FA-Token: the call's code or the client's TOTP
    // source.
    // Every auto-forwarding rule.
    std::vector<AutoForwardingRule> list_forwarding_rules(const CallOptions &call = {});
    // One auto-forwarding rule.
    AutoForwardingRule get_forwarding_rule(std::string_view rule_id, const CallOptions &call = {});
    // Creates an auto-forwarding rule.
    // Sends X-2FA-Token: call.totp_code or the client's TOTP source.
    AutoForwardingRule create_forwarding_rule(const ForwardingRule &params,
                                              const CallOptions &call = {});
    // Changes an auto-forwarding rule: only what is given changes.
    // Sends X-2FA-Token: call.totp_code or the client's TOTP source.
    AutoForwardingRule update_forwarding_rule(const ForwardingRuleUpdate &params,
                                              const CallOptions &call = {});
    // Deletes an auto-forwarding rule.
    // Sends X-2FA-Token: call.totp_code or the client's TOTP source.
    void delete_forwarding_rule(std::string_view rule_id, const CallOptions &call = {});

    // --- card_issuer: The card-issuer program: application, master wallets, customer
    // funding (moves value), deposits and history.
    // Applies for the card-issuer program.
    Payload card_issuer_apply(const IssuerApplication &params, const CallOptions &call = {});
    // The issuer program: its status, visibility, enabled chains, limits and stats.
    Payload card_issuer_get_program(const CallOptions &call = {});
    // The issuer's master wallets and their balances.
    Payload card_issuer_get_wallets(const CallOptions &call = {});
    // Funds a customer's card from the master wallet. Always carries an Idempotency-Key
    // (the call's, or one the core generates), returned with the result and on every error:
    // called again with that key, the funding happens once.
    CardFunding card_issuer_fund_customer(std::string_view customer_id, std::string_view amount,
                                          std::string_view source_chain,
                                          std::string_view pricing_mode = {},
                                          std::string_view destination_token = {},
                                          const CallOptions &call = {});
    // Funds a deposit by hand (an XDC deposit awaiting_manual). Always carries an
    // Idempotency-Key, returned with the result and on every error: the funding happens
    // once.
    CardFunding card_issuer_trigger_manual_funding(std::string_view deposit_id,
                                                   std::string_view destination_token = {},
                                                   const CallOptions &call = {});
    // A customer's own wallets (decentralized funding).
    Payload card_issuer_get_customer_wallets(std::string_view customer_id,
                                             const CallOptions &call = {});
    // One page of the issuer's customers.
    Payload card_issuer_list_customers(std::optional<std::int64_t> page = {},
                                       std::optional<std::int64_t> limit = {},
                                       const CallOptions &call = {});
    // The SOL and/or XDC addresses that fund the program (per enabled chain).
    Payload card_issuer_get_funding_addresses(std::string_view customer_id = {},
                                              const CallOptions &call = {});
    // One page of funding deposits (SOL auto-funding, XDC manual).
    Payload card_issuer_list_deposits(std::optional<std::int64_t> page = {},
                                      std::optional<std::int64_t> limit = {},
                                      std::string_view status = {}, std::string_view chain = {},
                                      const CallOptions &call = {});
    // One page of the funding history.
    Payload card_issuer_get_funding_history(std::optional<std::int64_t> page = {},
                                            std::optional<std::int64_t> limit = {},
                                            std::string_view status = {},
                                            std::string_view customer_id = {},
                                            std::string_view chain = {},
                                            const CallOptions &call = {});

    // --- cards: Yativo cards: account onboarding, cards (freeze and unfreeze need 2FA),
    // transactions, disputes, limits, customers' cards, physical orders and the account's
    // IBAN.
    // Opens the user's card account; KYC follows.
    CardAccount cards_onboard(std::string_view email, std::string_view first_name,
                              std::string_view last_name, const CallOptions &call = {});
    // The card account, with its KYC status.
    CardAccount cards_get_kyc_status(const CallOptions &call = {});
    // Accepts the card program's terms and conditions.
    Payload cards_accept_terms(const CallOptions &call = {});
    // Deploys the card wallet (needs KYC approved and the terms accepted).
    Payload cards_deploy_safe(const CallOptions &call = {});
    // The user's cards.
    std::vector<Card> cards_list(const CallOptions &call = {});
    // Creates a card (needs the card wallet deployed).
    Card cards_create(std::string_view card_type = {}, std::string_view display_name = {},
                      std::string_view spending_limit_amount = {},
                      std::string_view spending_limit_frequency = {}, const CallOptions &call = {});
    // Freezes a card: it refuses use until unfrozen. Sends X-2FA-Token.
    // Sends X-2FA-Token: call.totp_code or the client's TOTP source.
    Card cards_freeze(std::string_view card_id, const CallOptions &call = {});
    // Unfreezes a frozen card. Sends X-2FA-Token.
    // Sends X-2FA-Token: call.totp_code or the client's TOTP source.
    Card cards_unfreeze(std::string_view card_id, const CallOptions &call = {});
    // Voids (cancels) a card for good.
    Card cards_void(std::string_view card_id, const CallOptions &call = {});
    // Sends the one-time code that set_pin needs.
    Payload cards_request_pin_otp(std::string_view card_id, const CallOptions &call = {});
    // Sets the card's PIN.
    Payload cards_set_pin(std::string_view card_id, std::string_view otp, std::string_view pin,
                          const CallOptions &call = {});
    // A short-lived token for the secure card-details display (safe to repeat: it moves
    // nothing).
    Payload cards_get_ephemeral_token(std::string_view yativo_card_id, std::string_view card_id,
                                      const CallOptions &call = {});
    // The card wallet, with its funding wallet when auto-bridge is on.
    Payload cards_get_wallet(std::string_view yativo_card_id, const CallOptions &call = {});
    // The card wallet's deposit address (typically a USDC_SOL collateral wallet).
    Payload cards_get_funding_address(std::string_view yativo_card_id,
                                      const CallOptions &call = {});
    // A customer card wallet's deposit address.
    Payload cards_get_customer_funding_address(std::string_view yativo_card_id,
                                               const CallOptions &call = {});
    // The reasons a transaction can be disputed for, with their codes.
    Payload cards_get_dispute_reasons(std::string_view yativo_card_id,
                                      const CallOptions &call = {});
    // Disputes a card transaction.
    Payload cards_dispute_transaction(std::string_view yativo_card_id,
                                      std::string_view transaction_id, std::string_view reason_code,
                                      std::string_view description = {},
                                      const CallOptions &call = {});
    // The dispute reasons for a customer's card.
    Payload cards_get_customer_dispute_reasons(std::string_view yativo_card_id,
                                               const CallOptions &call = {});
    // Disputes a customer's card transaction.
    Payload cards_dispute_customer_transaction(std::string_view yativo_card_id,
                                               std::string_view transaction_id,
                                               std::string_view reason_code,
                                               std::string_view description = {},
                                               const CallOptions &call = {});
    // The spending limits (daily, monthly, per transaction).
    SpendingLimits cards_get_spending_limits(std::string_view yativo_card_id,
                                             const CallOptions &call = {});
    // Sets the daily spending limit.
    SpendingLimits cards_set_daily_spending_limit(std::string_view yativo_card_id,
                                                  std::string_view daily_limit,
                                                  const CallOptions &call = {});
    // A customer card's spending limits.
    SpendingLimits cards_get_customer_spending_limits(std::string_view yativo_card_id,
                                                      const CallOptions &call = {});
    // Sets a customer card's daily spending limit.
    SpendingLimits cards_set_customer_daily_spending_limit(std::string_view yativo_card_id,
                                                           std::string_view daily_limit,
                                                           const CallOptions &call = {});
    // The card holder's profile (name, address, KYC status...).
    Payload cards_get_user_profile(std::string_view yativo_card_id, const CallOptions &call = {});
    // A customer card holder's profile.
    Payload cards_get_customer_profile(std::string_view yativo_card_id,
                                       const CallOptions &call = {});
    // A customer's cards.
    std::vector<Card> cards_list_customer_cards(std::string_view customer_id,
                                                const CallOptions &call = {});
    // Creates a card for a customer.
    Card cards_create_customer_card(std::string_view customer_id, std::string_view card_type = {},
                                    const CallOptions &call = {});
    // A short-lived token for the secure display of a customer card's details.
    Payload cards_get_customer_ephemeral_token(std::string_view yativo_card_id,
                                               std::string_view card_id,
                                               const CallOptions &call = {});
    // Subscribes a URL to the card account's events; answers the subscription id.
    Payload cards_subscribe_webhook(std::string_view yativo_card_id, std::string_view callback_url,
                                    const std::vector<std::string> &events = {},
                                    const CallOptions &call = {});
    // Ends a card webhook subscription.
    Payload cards_unsubscribe_webhook(std::string_view yativo_card_id,
                                      std::string_view subscription_id,
                                      const CallOptions &call = {});
    // A physical card order and where it stands.
    CardOrder cards_get_physical_card_order_status(std::string_view yativo_card_id,
                                                   std::string_view order_id,
                                                   const CallOptions &call = {});
    // The account's physical card orders.
    std::vector<CardOrder> cards_list_physical_card_orders(std::string_view yativo_card_id,
                                                           const CallOptions &call = {});
    // Cancels a physical card order that is not paid or shipped yet.
    CardOrder cards_cancel_physical_card_order(std::string_view yativo_card_id,
                                               std::string_view order_id,
                                               const CallOptions &call = {});
    // Pays a physical card order. Always carries an Idempotency-Key (the call's, or one the
    // core generates), returned with the result and on every error: the payment happens
    // once.
    CardOrderPayment cards_attach_order_payment(std::string_view yativo_card_id,
                                                std::string_view order_id,
                                                std::string_view payment_data_json,
                                                const CallOptions &call = {});
    // Sets a physical card's PIN, encrypted for the card processor.
    Payload cards_set_physical_card_pin(std::string_view yativo_card_id, std::string_view card_id,
                                        std::string_view encrypted_pin,
                                        const CallOptions &call = {});
    // Activates an IBAN for the card account.
    IbanStatus cards_activate_iban(std::string_view yativo_card_id, std::string_view kyc_method,
                                   std::string_view sumsub_token = {},
                                   const CallOptions &call = {});
    // Where the card account's IBAN stands (422 iban_not_activated before activation).
    IbanStatus cards_get_iban_status(std::string_view yativo_card_id, const CallOptions &call = {});
    // One card's transactions, newest first.
    std::vector<CardTransaction> cards_get_transactions(
        std::string_view yativo_card_id, std::string_view card_id,
        std::optional<std::int64_t> limit = {}, std::optional<std::int64_t> offset = {},
        std::string_view status = {}, std::string_view from_date = {},
        std::string_view to_date = {}, const CallOptions &call = {});
    // The transactions of every card of the account, newest first.
    std::vector<CardTransaction> cards_get_all_transactions(std::string_view yativo_card_id,
                                                            std::optional<std::int64_t> limit = {},
                                                            std::optional<std::int64_t> offset = {},
                                                            std::string_view status = {},
                                                            const CallOptions &call = {});
    // Orders a physical card, shipped to an address.
    CardOrder cards_create_physical_card_order(std::string_view yativo_card_id,
                                               std::string_view shipping_address_json,
                                               std::string_view personalization = {},
                                               const CallOptions &call = {});

    // --- customers: Customers of the platform, with their wallets and transactions.
    // Creates a customer.
    Customer create_customer(std::string_view email, std::string_view name = {},
                             std::string_view phone = {}, std::string_view metadata_json = {},
                             const CallOptions &call = {});
    // One page of your customers, oldest first.
    std::vector<Customer> list_customers(std::optional<std::int64_t> page = {},
                                         std::optional<std::int64_t> limit = {},
                                         std::string_view search = {},
                                         std::string_view customer_id = {},
                                         const CallOptions &call = {});
    // One page of the transfers from one customer's wallets, newest first.
    std::vector<Transaction> customer_transactions(std::string_view customer_id,
                                                   std::optional<std::int64_t> page = {},
                                                   std::optional<std::int64_t> limit = {},
                                                   const CallOptions &call = {});

    // --- iban: The standalone IBAN: product options, onboarding, KYC, the IBAN request and
    // its status.
    // The standalone IBAN product's options.
    Payload iban_get_options(const CallOptions &call = {});
    // Starts IBAN onboarding for the user, or for one of its customers.
    IbanStatus iban_initialize(std::string_view email, std::string_view customer_id = {},
                               const CallOptions &call = {});
    // Requests the IBAN once KYC is submitted.
    IbanStatus iban_request(std::string_view customer_id = {}, const CallOptions &call = {});
    // Submits the holder's KYC data.
    IbanStatus iban_submit_kyc(std::string_view kyc_json, std::string_view email = {},
                               std::string_view customer_id = {}, const CallOptions &call = {});
    // Where the IBAN stands.
    IbanStatus iban_get_status(std::string_view customer_id = {}, const CallOptions &call = {});

    // --- session: Session sign-in: registration, e-mailed one-time codes, Google
    // Authenticator, passkeys. A call that opens a session makes it this client's
    // credential; its tokens stay inside the client.
    // Registers a user. The answer carries the new user's tokens: the session they open
    // becomes this client's credential (its tokens stay inside the client), as after
    // verify_otp.
    Session register_user(std::string_view email, std::string_view password,
                          std::string_view username = {}, std::string_view first_name = {},
                          std::string_view last_name = {}, const CallOptions &call = {});
    // Starts a sign-in: the server e-mails a one-time code (then verify_otp).
    Payload sign_in(std::string_view email, std::string_view role = {},
                    const CallOptions &call = {});
    // Checks the e-mailed one-time code: the session it opens becomes this client's
    // credential (its tokens stay inside the client).
    Session verify_otp(std::string_view otp, std::string_view email = {},
                       const CallOptions &call = {});
    // E-mails a new one-time code.
    Payload resend_otp(std::string_view email, const CallOptions &call = {});
    // The Google Authenticator setup of the signed-in user (its secret and QR code while
    // not enabled).
    Payload google_auth_details(const CallOptions &call = {});
    // Enables Google Authenticator for the signed-in user.
    Payload google_auth_enable(const CallOptions &call = {});
    // Checks a Google Authenticator code at sign-in: the session it opens becomes this
    // client's credential.
    Session google_auth_verify(std::string_view code, std::string_view email = {},
                               const CallOptions &call = {});
    // The WebAuthn options (challenge, allowed credentials) for a passkey sign-in.
    Payload passkey_options(std::string_view email, const CallOptions &call = {});
    // Checks a passkey assertion (the authenticator's answer, as JSON): the session it
    // opens becomes this client's credential.
    Session passkey_verify(std::string_view assertion_json, const CallOptions &call = {});
    // Renews the session's access token with its refresh token (both kept inside the
    // client).
    Session refresh_session(const CallOptions &call = {});

    // --- swap: Swaps between assets: route catalogue, quotes, execution (moves value, 2FA)
    // and history.
    // The user's assets that can be swapped.
    Payload swap_get_assets(const CallOptions &call = {});
    // The catalogue of enabled swap routes ({sources: [...]}).
    Payload swap_get_routes(const CallOptions &call = {});
    // Asks for a quote (safe to repeat: a quote moves nothing). The body is the caller's
    // object.
    SwapQuote swap_get_quote(std::string_view data_json, const CallOptions &call = {});
    // Executes a quote. Always carries an Idempotency-Key (the call's, or one the core
    // generates), returned with the result and on every error: called again with that key,
    // the swap happens once. Sends X-2FA-Token. An expired quote is refused (422
    // quote_expired).
    // Sends X-2FA-Token: call.totp_code or the client's TOTP source.
    SwapExecution swap_execute(std::string_view data_json, const CallOptions &call = {});
    // The swap history, newest first.
    std::vector<SwapHistoryItem> swap_get_history(std::optional<std::int64_t> limit = {},
                                                  std::optional<std::int64_t> offset = {},
                                                  std::string_view status = {},
                                                  const CallOptions &call = {});
    // END GENERATED: endpoints

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
