// State of cards and the card-issuer program. Part of State (state.hpp), guarded by Api's mutex.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "clock.hpp"
#include "decimal.hpp"

namespace yvsb {

// A card account ("yativo_card_id"): the user's own (onboarded) or one of a customer's (created
// by the customer-card and card-issuer calls).
struct CardProfile {
    std::string id;  // ycd_<24 hex>
    std::string user_id;
    std::string customer_id;  // empty: the user's own profile
    std::string email;
    std::string first_name;
    std::string last_name;
    std::string kyc_status;  // pending | approved | rejected
    SysTime kyc_due;         // pending turns approved at this time (--card-kyc-delay)
    bool kyc_auto = true;    // false once the control endpoint set the status
    bool terms_accepted = false;
    SysTime terms_accepted_at;
    std::string safe_address;  // empty until deploy-safe
    SysTime safe_deployed_at;
    Decimal balance;  // the card wallet, in USD
    Decimal daily_limit;
    Decimal monthly_limit;
    Decimal per_transaction_limit;
    std::string iban;  // empty until IBAN activation
    std::string iban_kyc_method;
    SysTime iban_activated_at;
    SysTime created_at;
};

struct Card {
    std::string id;  // crd_<24 hex>
    std::string user_id;
    std::string profile_id;
    std::string type;  // virtual | physical
    std::string display_name;
    std::string status;  // active | frozen | voided
    std::string last_four;
    bool has_limit = false;
    Decimal limit_amount;
    std::string limit_frequency;
    bool pin_set = false;
    SysTime created_at;
    SysTime updated_at;
};

struct CardTransaction {
    std::string id;  // ctx_<24 hex>
    std::string profile_id;
    std::string card_id;
    Decimal amount;
    std::string currency;
    std::string merchant_name;
    std::string merchant_category;
    std::string status;  // completed | declined
    std::string decline_reason;
    std::string dispute_id;  // empty: not disputed
    SysTime created_at;
};

struct CardDispute {
    std::string id;  // dsp_<24 hex>
    std::string profile_id;
    std::string transaction_id;
    std::string reason_code;
    std::string description;
    SysTime created_at;
};

struct PinOtp {
    std::string code;
    SysTime expires_at;
    int failures = 0;
};

struct CardWebhookSubscription {
    std::string id;  // cws_<24 hex>
    std::string profile_id;
    std::string callback_url;
    std::vector<std::string> events;  // "*", exact types, or prefixes ("card.transaction")
    std::string secret;               // whsec_<64 hex>: signs deliveries; shown once
    SysTime created_at;
};

struct PhysicalCardOrder {
    std::string id;  // pco_<24 hex>
    std::string profile_id;
    std::string shipping_address_json;  // canonical JSON object
    std::string personalization;
    std::string status;  // pending_payment | paid | shipped | cancelled
    std::string payment_id;
    std::string payment_json;  // canonical JSON object; empty until paid
    std::string card_id;       // the physical card, once shipped
    SysTime created_at;
    SysTime updated_at;
};

// The issuer program of a user (one per user) and its wallets, one per enabled chain.
struct IssuerWallet {
    std::string chain;  // SOL | XDC
    std::string token;  // USDC_SOL | USDC_XDC
    std::string address;
    Decimal balance;
};

struct IssuerProgram {
    std::string id;  // cip_<24 hex>
    std::string user_id;
    std::string funding_structure;
    bool iban_enabled = false;
    std::string status;  // approved
    std::vector<IssuerWallet> wallets;
    SysTime created_at;
};

struct FundingDeposit {
    std::string id;  // dep_<24 hex>
    std::string user_id;
    std::string customer_id;  // empty: a deposit to the issuer's master wallet
    std::string chain;        // SOL | XDC
    std::string address;
    std::string tx_hash;
    Decimal amount;
    std::string status;  // pending | awaiting_manual | funded
    std::string funding_id;
    SysTime created_at;
    SysTime updated_at;
};

// One movement into a customer's card wallet (fund-customer or a funded deposit).
struct FundingRecord {
    std::string id;  // fnd_<24 hex>
    std::string user_id;
    std::string customer_id;
    std::string profile_id;
    std::string source;  // fund_customer | deposit
    std::string deposit_id;
    std::string chain;
    std::string pricing_mode;
    std::string destination_token;
    Decimal amount;      // as requested
    Decimal fee;         // bridge fee
    Decimal debited;     // from the issuer wallet (or the deposit)
    Decimal credited;    // to the customer's card wallet
    std::string status;  // completed
    SysTime created_at;
};

struct CardsState {
    std::map<std::string, CardProfile> profiles;  // by id
    std::vector<std::string> profile_order;
    std::map<std::string, Card> cards;  // by id
    std::vector<std::string> card_order;
    std::vector<CardTransaction> transactions;  // oldest first
    std::map<std::string, CardDispute> disputes;
    std::map<std::string, PinOtp> pin_otps;  // by card id
    std::map<std::string, CardWebhookSubscription> subscriptions;
    std::vector<std::string> subscription_order;
    std::map<std::string, PhysicalCardOrder> orders;
    std::vector<std::string> order_order;
    std::map<std::string, IssuerProgram> programs;  // by user id
    std::map<std::string, FundingDeposit> deposits;
    std::vector<std::string> deposit_order;
    std::vector<FundingRecord> funding;  // oldest first
};

}  // namespace yvsb
