// Cards (/yativo-card/...): onboarding (KYC, terms, card wallet), cards and their states, PINs,
// ephemeral tokens, the card wallet (funding address, limits), card transactions and disputes,
// customers' cards, card webhooks, physical card orders and IBAN. docs/sandbox.md ("Cards").
#include <algorithm>
#include <cctype>
#include <chrono>
#include <functional>
#include <optional>

#include "cards_common.hpp"
#include "modules.hpp"
#include "secret_record.hpp"
#include "validate.hpp"
#include "webhook_rules.hpp"

namespace yvsb {
namespace {

using cards::write_raw_json;

constexpr int kPinOtpSeconds = 300;
constexpr int kPinOtpMaxFailures = 5;
constexpr int kEphemeralSeconds = 300;

const char *const kFrequencies[] = {"daily",  "weekly",          "monthly",
                                    "yearly", "per_transaction", "all_time"};
const char *const kKycMethods[] = {"platform_sumsub", "user_sumsub", "direct_docs"};

struct DisputeReason {
    const char *code;
    const char *description;
};
// The API's catalogue of dispute reasons.
const DisputeReason kDisputeReasons[] = {
    {"unauthorized_transaction", "I did not make or authorize this transaction"},
    {"duplicate_charge", "I was charged more than once for the same purchase"},
    {"incorrect_amount", "The amount charged differs from the amount agreed"},
    {"goods_not_received", "I paid but did not receive the goods or services"},
    {"goods_not_as_described", "The goods or services were defective or not as described"},
    {"cancelled_subscription", "I was charged after cancelling a subscription"},
    {"credit_not_processed", "A refund I was promised has not been credited"},
    {"atm_cash_not_dispensed", "The ATM did not dispense the cash that was debited"},
    {"other", "Another reason, explained in the description"},
};

template <typename List>
bool one_of(const std::string &v, const List &list) {
    return std::any_of(std::begin(list), std::end(list), [&](const char *s) { return v == s; });
}

std::string json_of(const std::function<void(JsonWriter &)> &fn) {
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    fn(w);
    return std::string(sb.GetString(), sb.GetSize());
}

CardsState &cs(Api &api) {
    return api.state().cards;
}

// ---- card events -------------------------------------------------------------------------

// An event of a card account: to the user's webhooks and to the account's card webhook
// subscriptions that want it, through the one delivery path (webhook_delivery.cpp).
void notify(Api &api, const std::string &profile_id, const std::string &type,
            const std::string &data_json) {
    const CardProfile &p = cs(api).profiles.at(profile_id);
    api.emit_event(p.user_id, type, data_json, p.id);
}

// ---- finding things ----------------------------------------------------------------------

// The user's own card account (one per user; the calls without a yativo_card_id act on it).
CardProfile *own_profile(Api &api, const std::string &user_id) {
    const auto &order = cs(api).profile_order;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        CardProfile &p = cs(api).profiles.at(*it);
        if (p.user_id == user_id && p.customer_id.empty()) return &p;
    }
    return nullptr;
}

CardProfile &require_own_profile(Api &api, const Ctx &ctx) {
    CardProfile *p = own_profile(api, ctx.who.user_id);
    if (!p)
        throw ApiError(404, "not_found", "No card account yet: call /yativo-card/onboard first",
                       {{"yativo_card_id", "no card account for this user"}});
    return *p;
}

// Any card profile of the caller (its own or a customer's), by id.
CardProfile &find_profile(Api &api, const Ctx &ctx, const std::string &id) {
    auto it = cs(api).profiles.find(id);
    if (it == cs(api).profiles.end() || it->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Card account not found", {{"yativo_card_id", id}});
    return it->second;
}

// A customer's card profile, by its yativo_card_id or by the customer's id (created on first
// use for a customer of the caller).
CardProfile &find_customer_profile(Api &api, const Ctx &ctx, const std::string &id) {
    auto it = cs(api).profiles.find(id);
    if (it != cs(api).profiles.end() && it->second.user_id == ctx.who.user_id &&
        !it->second.customer_id.empty())
        return it->second;
    auto c = api.state().customers.find(id);
    if (c != api.state().customers.end() && c->second.user_id == ctx.who.user_id)
        return cards::ensure_customer_profile(api, c->second, ctx.now);
    throw ApiError(404, "not_found", "Customer card account not found", {{"yativo_card_id", id}});
}

Card &find_card(Api &api, const Ctx &ctx, const std::string &id) {
    auto it = cs(api).cards.find(id);
    if (it == cs(api).cards.end() || it->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Card not found", {{"card_id", id}});
    return it->second;
}

Card &find_card_of(Api &api, const Ctx &ctx, const CardProfile &p, const std::string &id) {
    Card &card = find_card(api, ctx, id);
    if (card.profile_id != p.id)
        throw ApiError(404, "not_found", "Card not found in this card account", {{"card_id", id}});
    return card;
}

// 422 card_not_active unless the card is active (frozen and voided cards refuse use).
void require_active(const Card &card) {
    if (card.status == "active") return;
    throw ApiError(422, "card_not_active",
                   card.status == "voided" ? "The card is voided and can no longer be used"
                                           : "The card is frozen; unfreeze it first",
                   {{"card_id", card.id}, {"status", card.status}});
}

void require_safe(const CardProfile &p) {
    if (p.kyc_status != "approved")
        throw cards::conflict_error("kyc_not_approved", "KYC is not approved for this card account",
                                    {{"kyc_status", p.kyc_status}});
    if (p.safe_address.empty())
        throw cards::conflict_error(
            "safe_not_deployed",
            "The card wallet is not deployed yet: call /yativo-card/deploy-safe",
            {{"yativo_card_id", p.id}});
}

// ---- writing things ----------------------------------------------------------------------

void write_profile(JsonWriter &w, const CardProfile &p) {
    w.StartObject();
    kv_str(w, "yativo_card_id", p.id);
    kv_str(w, "id", p.id);
    kv_str_or_null(w, "customer_id", p.customer_id);
    kv_str(w, "email", p.email);
    kv_str(w, "first_name", p.first_name);
    kv_str(w, "last_name", p.last_name);
    kv_str(w, "kyc_status", p.kyc_status);
    kv_bool(w, "terms_accepted", p.terms_accepted);
    if (p.terms_accepted)
        kv_str(w, "terms_accepted_at", iso8601_ms(p.terms_accepted_at));
    else
        kv_null(w, "terms_accepted_at");
    kv_bool(w, "safe_deployed", !p.safe_address.empty());
    kv_str_or_null(w, "safe_address", p.safe_address);
    kv_str(w, "iban_status", p.iban.empty() ? "inactive" : "active");
    kv_str(w, "created_at", iso8601_ms(p.created_at));
    w.EndObject();
}

void write_card(JsonWriter &w, const Card &c, const CardProfile &p) {
    w.StartObject();
    kv_str(w, "card_id", c.id);
    kv_str(w, "id", c.id);
    kv_str(w, "yativo_card_id", c.profile_id);
    kv_str_or_null(w, "customer_id", p.customer_id);
    kv_str(w, "type", c.type);
    kv_str(w, "card_type", c.type);
    kv_str_or_null(w, "display_name", c.display_name);
    kv_str(w, "status", c.status);
    kv_str(w, "last_four", c.last_four);
    kv_str(w, "masked_number", "**** **** **** " + c.last_four);
    w.Key("spending_limit");
    if (c.has_limit) {
        w.StartObject();
        kv_str(w, "amount", c.limit_amount.str());
        kv_str(w, "frequency", c.limit_frequency);
        w.EndObject();
    } else {
        w.Null();
    }
    kv_bool(w, "pin_set", c.pin_set);
    kv_str(w, "created_at", iso8601_ms(c.created_at));
    kv_str(w, "updated_at", iso8601_ms(c.updated_at));
    w.EndObject();
}

void write_transaction(JsonWriter &w, const CardTransaction &t) {
    w.StartObject();
    kv_str(w, "transaction_id", t.id);
    kv_str(w, "id", t.id);
    kv_str(w, "yativo_card_id", t.profile_id);
    kv_str(w, "card_id", t.card_id);
    kv_str(w, "amount", t.amount.str());
    kv_str(w, "currency", t.currency);
    kv_str(w, "merchant_name", t.merchant_name);
    kv_str(w, "merchant_category", t.merchant_category);
    kv_str(w, "status", t.status);
    kv_str_or_null(w, "decline_reason", t.decline_reason);
    kv_bool(w, "disputed", !t.dispute_id.empty());
    kv_str_or_null(w, "dispute_id", t.dispute_id);
    kv_str(w, "created_at", iso8601_ms(t.created_at));
    w.EndObject();
}

void write_limits(JsonWriter &w, const CardProfile &p) {
    w.StartObject();
    kv_str(w, "yativo_card_id", p.id);
    kv_str(w, "currency", "USD");
    kv_str(w, "daily_limit", p.daily_limit.str());
    kv_str(w, "monthly_limit", p.monthly_limit.str());
    kv_str(w, "per_transaction_limit", p.per_transaction_limit.str());
    w.EndObject();
}

void write_order(JsonWriter &w, const PhysicalCardOrder &o) {
    w.StartObject();
    kv_str(w, "order_id", o.id);
    kv_str(w, "id", o.id);
    kv_str(w, "yativo_card_id", o.profile_id);
    kv_str(w, "status", o.status);
    w.Key("shipping_address");
    write_raw_json(w, o.shipping_address_json);
    kv_str_or_null(w, "personalization", o.personalization);
    w.Key("payment");
    if (o.payment_id.empty()) {
        w.Null();
    } else {
        w.StartObject();
        kv_str(w, "payment_id", o.payment_id);
        w.Key("payment_data");
        write_raw_json(w, o.payment_json);
        w.EndObject();
    }
    kv_str_or_null(w, "card_id", o.card_id);
    kv_str(w, "created_at", iso8601_ms(o.created_at));
    kv_str(w, "updated_at", iso8601_ms(o.updated_at));
    w.EndObject();
}

std::string card_event(const Card &c) {
    return json_of([&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "card_id", c.id);
        kv_str(w, "yativo_card_id", c.profile_id);
        kv_str(w, "status", c.status);
        w.EndObject();
    });
}

Response card_answer(Api &api, int status, const char *message, const Card &c) {
    const CardProfile &p = cs(api).profiles.at(c.profile_id);
    return resource_response(status, message, [&](JsonWriter &w) { write_card(w, c, p); });
}

// ---- onboarding --------------------------------------------------------------------------

bool plausible_email(const std::string &e) {
    size_t at = e.find('@');
    return at != std::string::npos && at > 0 && e.find('.', at) != std::string::npos &&
           e.back() != '.' && e.find(' ') == std::string::npos && e.find('@', at + 1) == e.npos;
}

// firstName as the SDK sends it, first_name as the reference documents it.
std::string name_field(FieldReader &f, const Json &body, const char *camel, const char *snake) {
    if (body.find(camel)) return f.string(camel, true, 100);
    if (body.find(snake)) return f.string(snake, true, 100);
    f.fail(camel, "is required");
    return {};
}

Response onboard(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string email = f.string("email", true, 254);
    std::string first = name_field(f, ctx.body, "firstName", "first_name");
    std::string last = name_field(f, ctx.body, "lastName", "last_name");
    if (!email.empty() && !plausible_email(email)) f.fail("email", "must be an e-mail address");
    f.check();
    if (const CardProfile *existing = own_profile(api, ctx.who.user_id))
        throw cards::conflict_error("already_onboarded", "This user already has a card account",
                                    {{"yativo_card_id", existing->id}});
    CardProfile p;
    p.id = "ycd_" + random_hex(12);
    p.user_id = ctx.who.user_id;
    p.email = email;
    p.first_name = first;
    p.last_name = last;
    p.kyc_status = "pending";
    p.kyc_due = ctx.now + std::chrono::seconds(api.options().card_kyc_delay);
    cards::set_default_limits(p);
    p.created_at = ctx.now;
    cs(api).profile_order.push_back(p.id);
    cs(api).profiles[p.id] = p;
    ctx.resource_id = p.id;
    return resource_response(201, "Card account created; KYC is pending",
                             [&](JsonWriter &w) { write_profile(w, p); });
}

Response kyc_status(Api &api, Ctx &ctx) {
    const CardProfile &p = require_own_profile(api, ctx);
    return resource_response(200, "KYC status fetched", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "yativo_card_id", p.id);
        kv_str(w, "kyc_status", p.kyc_status);
        kv_str(w, "status", p.kyc_status);
        kv_bool(w, "terms_accepted", p.terms_accepted);
        kv_bool(w, "safe_deployed", !p.safe_address.empty());
        w.EndObject();
    });
}

Response accept_terms(Api &api, Ctx &ctx) {
    CardProfile &p = require_own_profile(api, ctx);
    if (!p.terms_accepted) {
        p.terms_accepted = true;
        p.terms_accepted_at = ctx.now;
    }
    ctx.resource_id = p.id;
    return resource_response(200, "Terms accepted", [&](JsonWriter &w) { write_profile(w, p); });
}

Response deploy_safe(Api &api, Ctx &ctx) {
    CardProfile &p = require_own_profile(api, ctx);
    if (p.kyc_status != "approved")
        throw cards::conflict_error("kyc_not_approved",
                                    "The card wallet can be deployed once KYC is approved",
                                    {{"kyc_status", p.kyc_status}});
    if (!p.terms_accepted)
        throw cards::conflict_error("terms_not_accepted",
                                    "Accept the terms (/yativo-card/accept-terms) before deploying",
                                    {{"terms_accepted", "false"}});
    if (!p.safe_address.empty())
        throw cards::conflict_error("safe_already_deployed", "The card wallet is already deployed",
                                    {{"safe_address", p.safe_address}});
    p.safe_address = cards::safe_address_for(p.id);
    p.safe_deployed_at = ctx.now;
    ctx.resource_id = p.id;
    return resource_response(201, "Card wallet deployed", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "yativo_card_id", p.id);
        kv_str(w, "safe_address", p.safe_address);
        kv_str(w, "chain", "gnosis");
        kv_str(w, "status", "deployed");
        kv_str(w, "deployed_at", iso8601_ms(p.safe_deployed_at));
        w.EndObject();
    });
}

// ---- cards -------------------------------------------------------------------------------

Card new_card(Api &api, const Ctx &ctx, const CardProfile &p, const std::string &type) {
    Card c;
    c.id = "crd_" + random_hex(12);
    c.user_id = ctx.who.user_id;
    c.profile_id = p.id;
    c.type = type;
    c.status = "active";
    auto bytes = random_bytes(4);
    unsigned n = (unsigned(bytes[0]) << 24 | unsigned(bytes[1]) << 16 | unsigned(bytes[2]) << 8 |
                  unsigned(bytes[3])) %
                 10000;
    c.last_four = std::to_string(10000 + n).substr(1);
    c.created_at = ctx.now;
    c.updated_at = ctx.now;
    (void)api;
    return c;
}

Card &store_card(Api &api, const Card &c) {
    cs(api).card_order.push_back(c.id);
    Card &stored = cs(api).cards[c.id] = c;
    notify(api, c.profile_id, "card.created", card_event(c));
    return stored;
}

std::string card_type_field(FieldReader &f, const Json &body) {
    std::string type =
        body.find("type") ? f.string("type", false, 16) : f.string("card_type", false, 16);
    const char *field = body.find("type") ? "type" : "card_type";
    if (type.empty() && !f.failed(field)) type = "virtual";
    if (!f.failed(field) && type != "virtual" && type != "physical")
        f.fail(field, "must be virtual or physical");
    return type;
}

Response list_cards_of(Api &api, const CardProfile *p) {
    std::vector<const Card *> list;
    if (p)
        for (const auto &id : cs(api).card_order) {
            const Card &c = cs(api).cards.at(id);
            if (c.profile_id == p->id) list.push_back(&c);
        }
    return resource_response(
        200, "Cards fetched",
        [&](JsonWriter &w) {
            w.StartArray();
            for (const Card *c : list) write_card(w, *c, *p);
            w.EndArray();
        },
        [&](JsonWriter &w) { kv_int(w, "count", static_cast<long long>(list.size())); });
}

Response list_cards(Api &api, Ctx &ctx) {
    return list_cards_of(api, own_profile(api, ctx.who.user_id));
}

Response create_card(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string type = card_type_field(f, ctx.body);
    std::string name = f.string("display_name", false, 64);
    auto limit = f.amount("spending_limit_amount", false);
    std::string freq = f.string("spending_limit_frequency", false, 32);
    if (!freq.empty() && !one_of(freq, kFrequencies))
        f.fail("spending_limit_frequency",
               "must be daily, weekly, monthly, yearly, per_transaction or all_time");
    if (!freq.empty() && !limit && !f.failed("spending_limit_amount"))
        f.fail("spending_limit_amount", "is required with spending_limit_frequency");
    f.check();
    CardProfile &p = require_own_profile(api, ctx);
    require_safe(p);
    Card c = new_card(api, ctx, p, type);
    c.display_name = name;
    if (limit) {
        c.has_limit = true;
        c.limit_amount = *limit;
        c.limit_frequency = freq.empty() ? "monthly" : freq;
    }
    Card &stored = store_card(api, c);
    ctx.resource_id = c.id;
    return card_answer(api, 201, "Card created", stored);
}

Response freeze(Api &api, Ctx &ctx) {
    Card &c = find_card(api, ctx, ctx.params.at(0));
    if (c.status == "voided") require_active(c);
    if (c.status == "frozen")
        throw cards::conflict_error("card_already_frozen", "The card is already frozen",
                                    {{"card_id", c.id}, {"status", c.status}});
    api.require_2fa(ctx.req);
    c.status = "frozen";
    c.updated_at = ctx.now;
    ctx.resource_id = c.id;
    notify(api, c.profile_id, "card.frozen", card_event(c));
    return card_answer(api, 200, "Card frozen", c);
}

Response unfreeze(Api &api, Ctx &ctx) {
    Card &c = find_card(api, ctx, ctx.params.at(0));
    if (c.status == "voided") require_active(c);
    if (c.status != "frozen")
        throw cards::conflict_error("card_not_frozen", "The card is not frozen",
                                    {{"card_id", c.id}, {"status", c.status}});
    api.require_2fa(ctx.req);
    c.status = "active";
    c.updated_at = ctx.now;
    ctx.resource_id = c.id;
    notify(api, c.profile_id, "card.unfrozen", card_event(c));
    return card_answer(api, 200, "Card unfrozen", c);
}

Response void_card(Api &api, Ctx &ctx) {
    Card &c = find_card(api, ctx, ctx.params.at(0));
    if (c.status == "voided") require_active(c);
    c.status = "voided";
    c.updated_at = ctx.now;
    cs(api).pin_otps.erase(c.id);
    ctx.resource_id = c.id;
    notify(api, c.profile_id, "card.voided", card_event(c));
    return card_answer(api, 200, "Card voided", c);
}

Response pin_otp(Api &api, Ctx &ctx) {
    Card &c = find_card(api, ctx, ctx.params.at(0));
    require_active(c);
    const CardProfile &p = cs(api).profiles.at(c.profile_id);
    auto bytes = random_bytes(4);
    unsigned n = (unsigned(bytes[0]) << 24 | unsigned(bytes[1]) << 16 | unsigned(bytes[2]) << 8 |
                  unsigned(bytes[3])) %
                 1000000;
    PinOtp otp;
    otp.code = std::to_string(1000000 + n).substr(1);
    otp.expires_at = ctx.now + std::chrono::seconds(kPinOtpSeconds);
    cs(api).pin_otps[c.id] = otp;
    api.state().outbox.push_back(
        Email{p.email, "Your card PIN code (card ending " + c.last_four + ")", otp.code, ctx.now});
    ctx.resource_id = c.id;
    return resource_response(200, "A one-time code was sent to the card holder's e-mail",
                             [&](JsonWriter &w) {
                                 w.StartObject();
                                 kv_str(w, "card_id", c.id);
                                 kv_bool(w, "sent", true);
                                 kv_str(w, "channel", "email");
                                 kv_int(w, "expires_in", kPinOtpSeconds);
                                 w.EndObject();
                             });
}

bool all_digits(const std::string &s, size_t n) {
    return s.size() == n && std::all_of(s.begin(), s.end(), [](char ch) {
               return std::isdigit(static_cast<unsigned char>(ch));
           });
}

Response pin_set(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string otp = f.string("otp", true, 16);
    std::string pin = f.string("pin", true, 16);
    if (!otp.empty() && !all_digits(otp, 6)) f.fail("otp", "must be the 6-digit code e-mailed");
    if (!pin.empty() && !all_digits(pin, 4)) f.fail("pin", "must be 4 digits");
    f.check();
    Card &c = find_card(api, ctx, ctx.params.at(0));
    require_active(c);
    auto it = cs(api).pin_otps.find(c.id);
    if (it == cs(api).pin_otps.end())
        throw ApiError(422, "otp_required", "Request a code first (/pin/otp)", {{"otp", "none"}});
    if (ctx.now >= it->second.expires_at) {
        cs(api).pin_otps.erase(it);
        throw ApiError(422, "otp_expired", "The code has expired; request a new one",
                       {{"otp", "expired"}});
    }
    if (!constant_time_equal(it->second.code, otp)) {
        if (++it->second.failures >= kPinOtpMaxFailures) cs(api).pin_otps.erase(it);
        throw ApiError(422, "invalid_otp", "The code is not valid", {{"otp", "invalid"}});
    }
    cs(api).pin_otps.erase(it);
    c.pin_set = true;
    c.updated_at = ctx.now;
    ctx.resource_id = c.id;
    return resource_response(200, "PIN set", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "card_id", c.id);
        kv_bool(w, "pin_set", true);
        w.EndObject();
    });
}

Response ephemeral_for(Api &api, Ctx &ctx, CardProfile &p) {
    Card &c = find_card_of(api, ctx, p, ctx.params.at(1));
    require_active(c);
    std::string token = "eph_" + random_hex(24);
    record_secret(token);  // --record-secrets: a leak scan looks for it (6-digit PIN codes are
                           // too short to scan for and are not recorded)
    SysTime expires = ctx.now + std::chrono::seconds(kEphemeralSeconds);
    return resource_response(201, "Ephemeral token issued", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "ephemeral_token", token);
        kv_str(w, "token", token);
        kv_str(w, "card_id", c.id);
        kv_str(w, "yativo_card_id", p.id);
        kv_int(w, "expires_in", kEphemeralSeconds);
        kv_str(w, "expires_at", iso8601_ms(expires));
        w.EndObject();
    });
}

Response ephemeral(Api &api, Ctx &ctx) {
    return ephemeral_for(api, ctx, find_profile(api, ctx, ctx.params.at(0)));
}

Response customer_ephemeral(Api &api, Ctx &ctx) {
    return ephemeral_for(api, ctx, find_customer_profile(api, ctx, ctx.params.at(0)));
}

// ---- wallet, limits, profile -------------------------------------------------------------

Response wallet(Api &api, Ctx &ctx) {
    const CardProfile &p = find_profile(api, ctx, ctx.params.at(0));
    require_safe(p);
    return resource_response(200, "Card wallet fetched", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "yativo_card_id", p.id);
        kv_str(w, "safe_address", p.safe_address);
        kv_str(w, "chain", "gnosis");
        kv_str(w, "currency", "USD");
        kv_str(w, "balance", p.balance.str());
        kv_str(w, "available_balance", p.balance.str());
        w.Key("funding");
        w.StartObject();
        kv_bool(w, "auto_bridge", true);
        kv_str(w, "chain", "SOL");
        kv_str(w, "ticker", "USDC_SOL");
        kv_str(w, "address", cards::address_for("SOL", "card/" + p.id));
        w.EndObject();
        w.EndObject();
    });
}

Response funding_address_of(const CardProfile &p) {
    require_safe(p);
    return resource_response(200, "Funding address fetched", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "yativo_card_id", p.id);
        kv_str(w, "chain", "SOL");
        kv_str(w, "ticker", "USDC_SOL");
        kv_str(w, "address", cards::address_for("SOL", "card/" + p.id));
        kv_bool(w, "auto_bridge", true);
        w.EndObject();
    });
}

Response funding_address(Api &api, Ctx &ctx) {
    return funding_address_of(find_profile(api, ctx, ctx.params.at(0)));
}

Response customer_funding_address(Api &api, Ctx &ctx) {
    return funding_address_of(find_customer_profile(api, ctx, ctx.params.at(0)));
}

Response limits_answer(const CardProfile &p, const char *message) {
    return resource_response(200, message, [&](JsonWriter &w) { write_limits(w, p); });
}

Response set_limits_of(Ctx &ctx, CardProfile &p) {
    FieldReader f(ctx.body);
    auto daily = f.amount("daily_limit", true);
    if (daily && p.monthly_limit < *daily)
        f.fail("daily_limit", "must not exceed the monthly limit (" + p.monthly_limit.str() + ")");
    f.check();
    p.daily_limit = *daily;
    ctx.resource_id = p.id;
    return limits_answer(p, "Spending limits updated");
}

Response get_limits(Api &api, Ctx &ctx) {
    return limits_answer(find_profile(api, ctx, ctx.params.at(0)), "Spending limits fetched");
}
Response set_limits(Api &api, Ctx &ctx) {
    return set_limits_of(ctx, find_profile(api, ctx, ctx.params.at(0)));
}
Response customer_get_limits(Api &api, Ctx &ctx) {
    return limits_answer(find_customer_profile(api, ctx, ctx.params.at(0)),
                         "Spending limits fetched");
}
Response customer_set_limits(Api &api, Ctx &ctx) {
    return set_limits_of(ctx, find_customer_profile(api, ctx, ctx.params.at(0)));
}

Response profile(Api &api, Ctx &ctx) {
    const CardProfile &p = find_profile(api, ctx, ctx.params.at(0));
    return resource_response(200, "Profile fetched", [&](JsonWriter &w) { write_profile(w, p); });
}
Response customer_profile(Api &api, Ctx &ctx) {
    const CardProfile &p = find_customer_profile(api, ctx, ctx.params.at(0));
    return resource_response(200, "Profile fetched", [&](JsonWriter &w) { write_profile(w, p); });
}

// ---- transactions and disputes -----------------------------------------------------------

// YYYY-MM-DD, optionally followed by THH:MM[:SS[.mmm]][Z].
bool iso_date_like(const std::string &s) {
    if (s.size() < 10 || s.size() > 30) return false;
    for (size_t i = 0; i < 10; ++i) {
        bool dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    return s.size() == 10 || s[10] == 'T';
}

Response transactions_of(Api &api, Ctx &ctx, const CardProfile &p, const Card *card) {
    Json q = cards::query_object(ctx.req);
    FieldReader f(q);
    long long limit = f.integer("limit", false, 1, 100).value_or(20);
    long long offset = f.integer("offset", false, 0, 1000000000).value_or(0);
    std::string status = f.string("status", false, 32);
    std::string from = f.string("from", false, 40);
    std::string to = f.string("to", false, 40);
    if (from.empty()) from = f.string("from_date", false, 40);
    if (to.empty()) to = f.string("to_date", false, 40);
    if (!status.empty() && status != "completed" && status != "declined")
        f.fail("status", "must be completed or declined");
    if (!from.empty() && !iso_date_like(from)) f.fail("from", "must be an ISO 8601 date");
    if (!to.empty() && !iso_date_like(to)) f.fail("to", "must be an ISO 8601 date");
    f.check();
    std::vector<const CardTransaction *> matches;
    for (auto it = cs(api).transactions.rbegin(); it != cs(api).transactions.rend(); ++it) {
        if (it->profile_id != p.id) continue;
        if (card && it->card_id != card->id) continue;
        if (!status.empty() && it->status != status) continue;
        std::string at = iso8601_ms(it->created_at);
        if (!from.empty() && at.compare(0, from.size(), from) < 0) continue;
        if (!to.empty() && at.compare(0, to.size(), to) > 0) continue;
        matches.push_back(&*it);
    }
    size_t total = matches.size();
    size_t begin = std::min(total, static_cast<size_t>(offset));
    size_t end = std::min(total, begin + static_cast<size_t>(limit));
    return resource_response(
        200, "Transactions fetched",
        [&](JsonWriter &w) {
            w.StartArray();
            for (size_t i = begin; i < end; ++i) write_transaction(w, *matches[i]);
            w.EndArray();
        },
        [&](JsonWriter &w) {
            w.Key("pagination");
            w.StartObject();
            kv_int(w, "total", static_cast<long long>(total));
            kv_int(w, "limit", limit);
            kv_int(w, "offset", offset);
            kv_bool(w, "has_more", end < total);
            w.EndObject();
        });
}

Response card_transactions(Api &api, Ctx &ctx) {
    const CardProfile &p = find_profile(api, ctx, ctx.params.at(0));
    const Card &c = find_card_of(api, ctx, p, ctx.params.at(1));
    return transactions_of(api, ctx, p, &c);
}

Response all_transactions(Api &api, Ctx &ctx) {
    return transactions_of(api, ctx, find_profile(api, ctx, ctx.params.at(0)), nullptr);
}

Response dispute_reasons_of(const CardProfile &p) {
    return resource_response(
        200, "Dispute reasons fetched",
        [&](JsonWriter &w) {
            w.StartArray();
            for (const auto &r : kDisputeReasons) {
                w.StartObject();
                kv_str(w, "code", r.code);
                kv_str(w, "reason_code", r.code);
                kv_str(w, "description", r.description);
                w.EndObject();
            }
            w.EndArray();
        },
        [&](JsonWriter &w) { kv_str(w, "yativo_card_id", p.id); });
}

Response dispute_reasons(Api &api, Ctx &ctx) {
    return dispute_reasons_of(find_profile(api, ctx, ctx.params.at(0)));
}
Response customer_dispute_reasons(Api &api, Ctx &ctx) {
    return dispute_reasons_of(find_customer_profile(api, ctx, ctx.params.at(0)));
}

Response dispute_of(Api &api, Ctx &ctx, const CardProfile &p) {
    FieldReader f(ctx.body);
    std::string reason = f.string("reason_code", true, 64);
    std::string description = f.string("description", false, 1000);
    if (!reason.empty() && std::none_of(std::begin(kDisputeReasons), std::end(kDisputeReasons),
                                        [&](const DisputeReason &r) { return reason == r.code; }))
        f.fail("reason_code", "is not one of the dispute reasons (GET .../dispute-reasons)");
    if (reason == "other" && description.empty() && !f.failed("description"))
        f.fail("description", "is required with reason_code other");
    f.check();
    const std::string &tx_id = ctx.params.at(1);
    auto it = std::find_if(cs(api).transactions.begin(), cs(api).transactions.end(),
                           [&](const CardTransaction &t) { return t.id == tx_id; });
    if (it == cs(api).transactions.end() || it->profile_id != p.id)
        throw ApiError(404, "not_found", "Transaction not found in this card account",
                       {{"transaction_id", tx_id}});
    if (!it->dispute_id.empty())
        throw cards::conflict_error("already_disputed", "This transaction is already disputed",
                                    {{"dispute_id", it->dispute_id}});
    if (it->status != "completed")
        throw ApiError(422, "transaction_not_disputable",
                       "Only a completed transaction can be disputed", {{"status", it->status}});
    CardDispute d;
    d.id = "dsp_" + random_hex(12);
    d.profile_id = p.id;
    d.transaction_id = it->id;
    d.reason_code = reason;
    d.description = description;
    d.created_at = ctx.now;
    cs(api).disputes[d.id] = d;
    it->dispute_id = d.id;
    ctx.resource_id = d.id;
    return resource_response(201, "Dispute opened", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "dispute_id", d.id);
        kv_str(w, "id", d.id);
        kv_str(w, "transaction_id", d.transaction_id);
        kv_str(w, "yativo_card_id", p.id);
        kv_str(w, "reason_code", d.reason_code);
        kv_str_or_null(w, "description", d.description);
        kv_str(w, "status", "open");
        kv_str(w, "created_at", iso8601_ms(d.created_at));
        w.EndObject();
    });
}

Response dispute(Api &api, Ctx &ctx) {
    return dispute_of(api, ctx, find_profile(api, ctx, ctx.params.at(0)));
}
Response customer_dispute(Api &api, Ctx &ctx) {
    return dispute_of(api, ctx, find_customer_profile(api, ctx, ctx.params.at(0)));
}

// ---- customers' cards --------------------------------------------------------------------

Response customer_cards(Api &api, Ctx &ctx) {
    const Customer &c = cards::find_customer(api, ctx, ctx.params.at(0), "customer_id");
    return list_cards_of(api, cards::customer_profile(api, c.id));
}

Response customer_create_card(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string type = card_type_field(f, ctx.body);
    std::string name = f.string("display_name", false, 64);
    f.check();
    const Customer &cust = cards::find_customer(api, ctx, ctx.params.at(0), "customer_id");
    CardProfile &p = cards::ensure_customer_profile(api, cust, ctx.now);
    Card c = new_card(api, ctx, p, type);
    c.display_name = name;
    Card &stored = store_card(api, c);
    ctx.resource_id = c.id;
    return card_answer(api, 201, "Card created", stored);
}

// ---- card webhooks -----------------------------------------------------------------------

Response subscribe(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string url = f.string("callback_url", true, 2048);
    auto events =
        ctx.body.find("events") ? f.string_array("events", false) : std::vector<std::string>{"*"};
    if (!url.empty()) {
        std::string problem = webhook_url_problem(url);
        if (!problem.empty()) f.fail("callback_url", problem);
    }
    for (const auto &e : events)
        if (!valid_webhook_event(e)) f.fail("events", "unknown event name: " + e.substr(0, 64));
    f.check();
    const CardProfile &p = find_profile(api, ctx, ctx.params.at(0));
    CardWebhookSubscription s;
    s.id = "cws_" + random_hex(12);
    s.profile_id = p.id;
    s.callback_url = url;
    s.events = events;
    s.secret = "whsec_" + random_hex(32);
    record_secret(s.secret);
    s.created_at = ctx.now;
    cs(api).subscription_order.push_back(s.id);
    cs(api).subscriptions[s.id] = s;
    ctx.resource_id = s.id;
    return resource_response(201, "Subscribed to card webhooks", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "subscription_id", s.id);
        kv_str(w, "id", s.id);
        kv_str(w, "yativo_card_id", p.id);
        kv_str(w, "callback_url", s.callback_url);
        kv_str_array(w, "events", s.events);
        kv_str(w, "secret", s.secret);
        kv_bool(w, "receives_deliveries",
                api.options().allow_remote_webhooks || webhook_url_is_loopback(s.callback_url));
        kv_str(w, "status", "active");
        kv_str(w, "created_at", iso8601_ms(s.created_at));
        w.EndObject();
    });
}

Response unsubscribe(Api &api, Ctx &ctx) {
    const CardProfile &p = find_profile(api, ctx, ctx.params.at(0));
    const std::string &id = ctx.params.at(1);
    auto it = cs(api).subscriptions.find(id);
    if (it == cs(api).subscriptions.end() || it->second.profile_id != p.id)
        throw ApiError(404, "not_found", "Webhook subscription not found",
                       {{"subscription_id", id}});
    cs(api).subscriptions.erase(it);
    auto &order = cs(api).subscription_order;
    order.erase(std::remove(order.begin(), order.end(), id), order.end());
    drop_deliveries_to(api.state().delivery, id);  // none queued is sent any more
    return resource_response(200, "Unsubscribed", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "subscription_id", id);
        kv_bool(w, "deleted", true);
        w.EndObject();
    });
}

// ---- physical cards ----------------------------------------------------------------------

// Reads the shipping address object; its canonical JSON, or "" after recording problems.
std::string shipping_address(FieldReader &f, const Json &body) {
    const char *field = body.find("shippingAddress") ? "shippingAddress" : "shipping_address";
    const Json *a = body.find(field);
    if (!a || a->kind == Json::Kind::kNull) {
        f.fail("shippingAddress", "is required");
        return {};
    }
    if (!a->is_object()) {
        f.fail(field, "must be an object");
        return {};
    }
    auto member = [&](std::initializer_list<const char *> names) -> const Json * {
        for (const char *n : names)
            if (const Json *v = a->find(n)) return v;
        return nullptr;
    };
    struct Need {
        const char *label;
        std::initializer_list<const char *> names;
    };
    const Need needs[] = {
        {"line1", {"line1", "address_line1", "addressLine1", "street", "address1", "address"}},
        {"city", {"city"}},
        {"postal_code", {"postal_code", "postalCode", "zip", "zip_code", "zipCode"}},
        {"country", {"country", "country_code", "countryCode"}},
    };
    for (const Need &n : needs) {
        const Json *v = member(n.names);
        std::string name = std::string(field) + "." + n.label;
        if (!v || v->kind != Json::Kind::kString || v->text.empty())
            f.fail(name, "is required (a non-empty string)");
        else if (v->text.size() > 128)
            f.fail(name, "must be at most 128 characters");
        else if (std::string(n.label) == "country" &&
                 !(v->text.size() == 2 && std::isupper(static_cast<unsigned char>(v->text[0])) &&
                   std::isupper(static_cast<unsigned char>(v->text[1]))))
            f.fail(name, "must be an ISO 3166-1 alpha-2 code such as DE");
    }
    for (const auto &m : a->members)
        if (m.second.kind != Json::Kind::kString || m.second.text.size() > 128)
            f.fail(std::string(field) + "." + m.first,
                   "must be a string of at most 128 characters");
    return cards::json_text(*a);
}

PhysicalCardOrder &find_order(Api &api, const Ctx &ctx, const CardProfile &p) {
    const std::string &id = ctx.params.at(1);
    auto it = cs(api).orders.find(id);
    if (it == cs(api).orders.end() || it->second.profile_id != p.id)
        throw ApiError(404, "not_found", "Physical card order not found", {{"order_id", id}});
    return it->second;
}

Response order_answer(int status, const char *message, const PhysicalCardOrder &o) {
    return resource_response(status, message, [&](JsonWriter &w) { write_order(w, o); });
}

Response create_order(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string address = shipping_address(f, ctx.body);
    std::string personalization = f.string("personalization", false, 26);
    f.check();
    CardProfile &p = find_profile(api, ctx, ctx.params.at(0));
    require_safe(p);
    PhysicalCardOrder o;
    o.id = "pco_" + random_hex(12);
    o.profile_id = p.id;
    o.shipping_address_json = address;
    o.personalization = personalization;
    o.status = "pending_payment";
    o.created_at = ctx.now;
    o.updated_at = ctx.now;
    cs(api).order_order.push_back(o.id);
    cs(api).orders[o.id] = o;
    ctx.resource_id = o.id;
    return order_answer(201, "Physical card order created", o);
}

Response order_status(Api &api, Ctx &ctx) {
    const CardProfile &p = find_profile(api, ctx, ctx.params.at(0));
    return order_answer(200, "Order fetched", find_order(api, ctx, p));
}

Response list_orders(Api &api, Ctx &ctx) {
    const CardProfile &p = find_profile(api, ctx, ctx.params.at(0));
    std::vector<const PhysicalCardOrder *> list;
    for (auto it = cs(api).order_order.rbegin(); it != cs(api).order_order.rend(); ++it) {
        const PhysicalCardOrder &o = cs(api).orders.at(*it);
        if (o.profile_id == p.id) list.push_back(&o);
    }
    return resource_response(
        200, "Orders fetched",
        [&](JsonWriter &w) {
            w.StartArray();
            for (const auto *o : list) write_order(w, *o);
            w.EndArray();
        },
        [&](JsonWriter &w) { kv_int(w, "count", static_cast<long long>(list.size())); });
}

Response cancel_order(Api &api, Ctx &ctx) {
    const CardProfile &p = find_profile(api, ctx, ctx.params.at(0));
    PhysicalCardOrder &o = find_order(api, ctx, p);
    if (o.status == "shipped")
        throw cards::conflict_error("order_already_shipped", "A shipped order cannot be cancelled",
                                    {{"order_id", o.id}, {"status", o.status}});
    if (o.status == "cancelled")
        throw cards::conflict_error("order_cancelled", "The order is already cancelled",
                                    {{"order_id", o.id}, {"status", o.status}});
    o.status = "cancelled";
    o.updated_at = ctx.now;
    ctx.resource_id = o.id;
    return order_answer(200, "Order cancelled", o);
}

Response order_payment(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    if (ctx.body.members.empty()) f.fail("payment_data", "must not be empty");
    if (ctx.body.members.size() > 32) f.fail("payment_data", "must have at most 32 fields");
    for (const auto &m : ctx.body.members)
        if ((m.second.kind != Json::Kind::kString && m.second.kind != Json::Kind::kNumber) ||
            m.second.text.empty() || m.second.text.size() > 512 || m.first.size() > 64)
            f.fail(m.first, "must be a non-empty string or number");
    f.check();
    const CardProfile &p = find_profile(api, ctx, ctx.params.at(0));
    PhysicalCardOrder &o = find_order(api, ctx, p);
    if (o.status == "cancelled")
        throw cards::conflict_error("order_cancelled", "A cancelled order cannot be paid",
                                    {{"order_id", o.id}, {"status", o.status}});
    if (!o.payment_id.empty())
        throw cards::conflict_error("order_already_paid",
                                    "A payment is already attached to this order",
                                    {{"order_id", o.id}, {"payment_id", o.payment_id}});
    o.payment_id = "pay_" + random_hex(12);
    o.payment_json = cards::json_text(ctx.body);
    o.status = "paid";
    o.updated_at = ctx.now;
    ctx.resource_id = o.payment_id;
    return order_answer(200, "Payment attached", o);
}

Response physical_pin(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string pin = f.string("encrypted_pin", true, 4096);
    f.check();
    const CardProfile &p = find_profile(api, ctx, ctx.params.at(0));
    Card &c = find_card_of(api, ctx, p, ctx.params.at(1));
    if (c.type != "physical")
        throw cards::conflict_error("not_a_physical_card",
                                    "Only a physical card takes a PIN this way",
                                    {{"card_id", c.id}, {"type", c.type}});
    require_active(c);
    c.pin_set = true;
    c.updated_at = ctx.now;
    ctx.resource_id = c.id;
    return resource_response(200, "PIN set", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "card_id", c.id);
        kv_bool(w, "pin_set", true);
        w.EndObject();
    });
}

// ---- IBAN --------------------------------------------------------------------------------

// A German IBAN (valid ISO 13616 check digits) derived from the profile id.
std::string iban_for(const std::string &profile_id) {
    std::string hex = cards::derived_hex("iban/" + profile_id, 16);
    std::string bban;
    for (char c : hex) {
        if (bban.size() == 18) break;
        bban += static_cast<char>('0' + cards::hex_value(c) % 10);
    }
    std::string digits = bban + "131400";  // "DE00" moved to the end, letters as numbers
    int mod = 0;
    for (char c : digits) mod = (mod * 10 + (c - '0')) % 97;
    int check = 98 - mod;
    return std::string("DE") + static_cast<char>('0' + check / 10) +
           static_cast<char>('0' + check % 10) + bban;
}

void write_iban(JsonWriter &w, const CardProfile &p) {
    w.StartObject();
    kv_str(w, "yativo_card_id", p.id);
    kv_str(w, "status", p.iban.empty() ? "inactive" : "active");
    kv_str_or_null(w, "iban", p.iban);
    kv_str_or_null(w, "bic", p.iban.empty() ? std::string() : "YATVDEB1XXX");
    kv_str_or_null(w, "kyc_method", p.iban_kyc_method);
    if (p.iban.empty())
        kv_null(w, "activated_at");
    else
        kv_str(w, "activated_at", iso8601_ms(p.iban_activated_at));
    w.EndObject();
}

Response iban_activate(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string method = f.string("kyc_method", true, 32);
    std::string token = f.string("sumsub_token", false, 2048);
    if (!method.empty() && !one_of(method, kKycMethods))
        f.fail("kyc_method", "must be platform_sumsub, user_sumsub or direct_docs");
    if (method == "user_sumsub" && token.empty() && !f.failed("sumsub_token"))
        f.fail("sumsub_token", "is required with kyc_method user_sumsub");
    f.check();
    CardProfile &p = find_profile(api, ctx, ctx.params.at(0));
    if (p.kyc_status != "approved")
        throw cards::conflict_error("kyc_not_approved", "IBAN activation needs approved KYC",
                                    {{"kyc_status", p.kyc_status}});
    if (!p.iban.empty())
        throw cards::conflict_error("iban_already_active", "The IBAN is already active",
                                    {{"yativo_card_id", p.id}});
    p.iban = iban_for(p.id);
    p.iban_kyc_method = method;
    p.iban_activated_at = ctx.now;
    ctx.resource_id = p.id;
    notify(api, p.id, "iban.activated", json_of([&](JsonWriter &w) {
               w.StartObject();
               kv_str(w, "yativo_card_id", p.id);
               kv_str(w, "iban", p.iban);
               w.EndObject();
           }));
    return resource_response(200, "IBAN activated", [&](JsonWriter &w) { write_iban(w, p); });
}

Response iban_status(Api &api, Ctx &ctx) {
    const CardProfile &p = find_profile(api, ctx, ctx.params.at(0));
    return resource_response(200, "IBAN status fetched", [&](JsonWriter &w) { write_iban(w, p); });
}

// ---- control endpoints (tests) -----------------------------------------------------------

Response control_error(const ApiError &e) {
    Response r;
    r.status = e.status;
    r.body = error_body(e, "");
    return r;
}

// POST /__sandbox/cards/kyc {yativo_card_id, status: pending|approved|rejected}
Response control_kyc(Api &api, const Request &req) {
    try {
        Json body = parse_request_body(req.body);
        FieldReader f(body);
        std::string id = f.string("yativo_card_id", false, 64);
        std::string customer_id = f.string("customer_id", false, 64);
        std::string status = f.string("status", true, 16);
        if (id.empty() == customer_id.empty() && !f.failed("yativo_card_id") &&
            !f.failed("customer_id"))
            f.fail("yativo_card_id", "give yativo_card_id or customer_id (one of them)");
        if (!status.empty() && status != "pending" && status != "approved" && status != "rejected")
            f.fail("status", "must be pending, approved or rejected");
        f.check();
        if (!customer_id.empty()) {
            auto c = api.state().customers.find(customer_id);
            if (c == api.state().customers.end())
                throw ApiError(404, "not_found", "Customer not found",
                               {{"customer_id", customer_id}});
            id = cards::ensure_customer_profile(api, c->second, api.sandbox_now()).id;
        }
        auto it = cs(api).profiles.find(id);
        if (it == cs(api).profiles.end())
            throw ApiError(404, "not_found", "Card account not found", {{"yativo_card_id", id}});
        it->second.kyc_status = status;
        it->second.kyc_auto = false;
        return resource_response(200, "KYC status set",
                                 [&](JsonWriter &w) { write_profile(w, it->second); });
    } catch (const ApiError &e) {
        return control_error(e);
    }
}

// POST /__sandbox/cards/fund {yativo_card_id, amount}: a deposit reaches the card wallet.
Response control_fund(Api &api, const Request &req) {
    try {
        Json body = parse_request_body(req.body);
        FieldReader f(body);
        std::string id = f.string("yativo_card_id", true, 64);
        auto amount = f.amount("amount", true);
        f.check();
        auto it = cs(api).profiles.find(id);
        if (it == cs(api).profiles.end())
            throw ApiError(404, "not_found", "Card account not found", {{"yativo_card_id", id}});
        CardProfile &p = it->second;
        if (p.safe_address.empty())
            throw cards::conflict_error("safe_not_deployed", "The card wallet is not deployed yet");
        auto sum = p.balance.plus(*amount);
        if (!sum) throw ApiError(422, "amount_too_large", "The balance would overflow");
        p.balance = *sum;
        return resource_response(200, "Card wallet credited", [&](JsonWriter &w) {
            w.StartObject();
            kv_str(w, "yativo_card_id", p.id);
            kv_str(w, "balance", p.balance.str());
            w.EndObject();
        });
    } catch (const ApiError &e) {
        return control_error(e);
    }
}

// Completed spend of a profile (or of one card) in a window ending at `t`: the UTC day of `t`
// for "daily", the last 7/30/365 days for weekly/monthly/yearly, everything for all_time.
Decimal spent(Api &api, const std::string &profile_id, const std::string &card_id,
              const std::string &window, SysTime t) {
    std::string day = iso8601_ms(t).substr(0, 10);
    int days = window == "weekly" ? 7 : window == "monthly" ? 30 : window == "yearly" ? 365 : 0;
    Decimal sum;
    for (const auto &tx : cs(api).transactions) {
        if (tx.profile_id != profile_id || tx.status != "completed") continue;
        if (!card_id.empty() && tx.card_id != card_id) continue;
        if (tx.created_at > t) continue;
        if (window == "daily" && iso8601_ms(tx.created_at).compare(0, 10, day) != 0) continue;
        if (days && t - tx.created_at >= std::chrono::hours(24 * days)) continue;
        sum = sum.plus(tx.amount).value_or(sum);
    }
    return sum;
}

// Why the network declines a purchase of `amount` with `card` at `t` (the balance of the card
// wallet, the account's per-transaction, daily and monthly limits, the card's own limit per its
// frequency), or "" when it is authorised.
std::string decline_reason_for(Api &api, const Card &card, const Decimal &amount, SysTime t) {
    const CardProfile &p = cs(api).profiles.at(card.profile_id);
    auto over = [&](const Decimal &spent_before, const Decimal &cap) {
        auto total = spent_before.plus(amount);
        return !total || cap < *total;
    };
    if (p.balance < amount) return "insufficient_funds";
    if (p.per_transaction_limit < amount) return "per_transaction_limit_exceeded";
    if (over(spent(api, p.id, "", "daily", t), p.daily_limit)) return "daily_limit_exceeded";
    if (over(spent(api, p.id, "", "monthly", t), p.monthly_limit)) return "monthly_limit_exceeded";
    if (card.has_limit) {
        Decimal before = card.limit_frequency == "per_transaction"
                             ? Decimal()
                             : spent(api, p.id, card.id, card.limit_frequency, t);
        if (over(before, card.limit_amount)) return "card_limit_exceeded";
    }
    return {};
}

// Records one purchase with `card` at `t`: completed (drawn from the card wallet) unless
// `decline_reason` is set, then declined (nothing drawn).
const CardTransaction &record_spend(Api &api, const Card &card, const Decimal &amount,
                                    const std::string &merchant, const std::string &category,
                                    const std::string &currency, SysTime t,
                                    const std::string &decline_reason) {
    CardProfile &p = cs(api).profiles.at(card.profile_id);
    CardTransaction tx;
    tx.id = "ctx_" + random_hex(12);
    tx.profile_id = card.profile_id;
    tx.card_id = card.id;
    tx.amount = amount;
    tx.currency = currency.empty() ? "USD" : currency;
    tx.merchant_name = merchant.empty() ? "Sandbox Merchant" : merchant;
    tx.merchant_category = category.empty() ? "5999" : category;
    tx.created_at = t;
    tx.decline_reason = decline_reason;
    tx.status = decline_reason.empty() ? "completed" : "declined";
    if (tx.status == "completed") p.balance = *p.balance.minus(amount);
    cs(api).transactions.push_back(tx);
    notify(api, card.profile_id,
           tx.status == "completed" ? "card.transaction.completed" : "card.transaction.declined",
           json_of([&](JsonWriter &w) {
               w.StartObject();
               kv_str(w, "card_id", card.id);
               kv_str(w, "yativo_card_id", card.profile_id);
               kv_str(w, "transaction_id", tx.id);
               kv_str(w, "merchant_name", tx.merchant_name);
               kv_str(w, "merchant_category", tx.merchant_category);
               kv_str(w, "amount", tx.amount.str());
               kv_str(w, "currency", tx.currency);
               kv_str(w, "status", tx.status);
               kv_str_or_null(w, "decline_reason", tx.decline_reason);
               kv_str(w, "new_balance", p.balance.str());
               w.EndObject();
           }));
    return cs(api).transactions.back();
}

// {card_id, amount, merchant_name|merchant?, merchant_category?, currency?, decline_reason?}: a
// purchase with a card of `user` (any user when empty). A frozen or voided card refuses (422
// card_not_active, nothing recorded); a purchase over the balance or a limit is recorded as
// declined; decline_reason declines it for a reason of the caller's (a network decline).
Response spend_body(Api &api, const Json &body, const std::string &user) {
    FieldReader f(body);
    std::string card_id = f.string("card_id", true, 64);
    auto amount = f.amount("amount", true);
    std::string merchant = body.find("merchant_name") ? f.string("merchant_name", false, 128)
                                                      : f.string("merchant", false, 128);
    std::string category = f.string("merchant_category", false, 64);
    std::string currency = f.string("currency", false, 8);
    std::string declined = f.string("decline_reason", false, 64);
    if (!currency.empty() &&
        !(currency.size() == 3 && std::all_of(currency.begin(), currency.end(), [](char c) {
              return std::isupper(static_cast<unsigned char>(c));
          })))
        f.fail("currency", "must be an ISO 4217 code such as USD");
    f.check();
    auto cit = cs(api).cards.find(card_id);
    if (cit == cs(api).cards.end() || (!user.empty() && cit->second.user_id != user))
        throw ApiError(404, "not_found", "Card not found", {{"card_id", card_id}});
    const Card &card = cit->second;
    require_active(card);
    SysTime t = api.sandbox_now();
    if (declined.empty()) declined = decline_reason_for(api, card, *amount, t);
    const CardTransaction &tx =
        record_spend(api, card, *amount, merchant, category, currency, t, declined);
    const CardProfile &p = cs(api).profiles.at(card.profile_id);
    return resource_response(
        201, "Card transaction simulated", [&](JsonWriter &w) { write_transaction(w, tx); },
        [&](JsonWriter &w) { kv_str(w, "balance", p.balance.str()); });
}

// POST /__sandbox/cards/spend: spend_body for any card.
Response control_spend(Api &api, const Request &req) {
    try {
        return spend_body(api, parse_request_body(req.body), "");
    } catch (const ApiError &e) {
        return control_error(e);
    }
}

// POST /sandbox/simulate-card-spend (reference §9, sandbox-only): spend_body for the caller.
Response simulate_spend(Api &api, Ctx &ctx) {
    return spend_body(api, ctx.body, ctx.who.user_id);
}

// POST /sandbox/generate-card-history {card_id, count (1..50, default 10)}: `count` purchases
// of random amounts (1.00 to 50.99) at random merchants over the last 30 days, each checked
// against the balance and the limits like any purchase (declined when over).
Response generate_history(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string card_id = f.string("card_id", true, 64);
    long long count = f.integer("count", false, 1, 50).value_or(10);
    f.check();
    const Card &card = find_card(api, ctx, card_id);
    require_active(card);
    static const char *const kMerchants[][2] = {
        {"Coffee Corner", "5814"}, {"Metro Transit", "4111"}, {"Book Nook", "5942"},
        {"Fresh Market", "5411"},  {"Cloud Hosting", "4816"}, {"City Cinema", "7832"}};
    // Oldest first, so the history reads in time order.
    std::vector<long long> offsets;
    for (long long i = 0; i < count; ++i) {
        auto b = random_bytes(4);
        offsets.push_back(
            (long long)((unsigned(b[0]) << 16 | unsigned(b[1]) << 8 | b[2]) % (30LL * 86400)));
    }
    std::sort(offsets.rbegin(), offsets.rend());
    for (long long off : offsets) {
        auto b = random_bytes(3);
        unsigned cents = 100 + (unsigned(b[0]) << 8 | b[1]) % 5000;
        std::string amount =
            std::to_string(cents / 100) + "." + std::to_string(100 + cents % 100).substr(1);
        const auto &m = kMerchants[b[2] % 6];
        Decimal value = *Decimal::parse(amount, nullptr);
        SysTime at = ctx.now - std::chrono::seconds(off);
        record_spend(api, card, value, m[0], m[1], "USD", at,
                     decline_reason_for(api, card, value, at));
    }
    // Keep the store in time order: the generated purchases lie in the past.
    auto &all = cs(api).transactions;
    std::stable_sort(all.begin(), all.end(),
                     [](const CardTransaction &a, const CardTransaction &b) {
                         return a.created_at < b.created_at;
                     });
    return resource_response(201, "Card history generated", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "card_id", card.id);
        kv_int(w, "generated", count);
        w.EndObject();
    });
}

// POST /__sandbox/cards/ship-order {order_id}: a paid physical order ships, with its card.
Response control_ship(Api &api, const Request &req) {
    try {
        Json body = parse_request_body(req.body);
        FieldReader f(body);
        std::string id = f.string("order_id", true, 64);
        f.check();
        auto it = cs(api).orders.find(id);
        if (it == cs(api).orders.end())
            throw ApiError(404, "not_found", "Order not found", {{"order_id", id}});
        PhysicalCardOrder &o = it->second;
        if (o.status != "paid")
            throw cards::conflict_error("order_not_paid", "Only a paid order ships",
                                        {{"status", o.status}});
        const CardProfile &p = cs(api).profiles.at(o.profile_id);
        Card c;
        c.id = "crd_" + random_hex(12);
        c.user_id = p.user_id;
        c.profile_id = p.id;
        c.type = "physical";
        c.display_name = o.personalization;
        c.status = "active";
        c.last_four = cards::derived_hex("last4/" + c.id, 2);
        for (char &ch : c.last_four) ch = static_cast<char>('0' + cards::hex_value(ch) % 10);
        c.created_at = c.updated_at = api.sandbox_now();
        store_card(api, c);
        o.card_id = c.id;
        o.status = "shipped";
        o.updated_at = c.created_at;
        return order_answer(200, "Order shipped", o);
    } catch (const ApiError &e) {
        return control_error(e);
    }
}

// POST /__sandbox/cards/customer {email, name}: a customer of the seeded user, for tests of
// customers' cards without the customers group.
Response control_customer(Api &api, const Request &req) {
    try {
        Json body = parse_request_body(req.body);
        FieldReader f(body);
        std::string email = f.string("email", true, 254);
        std::string name = f.string("name", true, 200);
        if (!email.empty() && !plausible_email(email)) f.fail("email", "must be an e-mail address");
        f.check();
        Customer c;
        c.id = "cus_" + random_hex(12);
        c.user_id = api.seeded_user();
        c.email = email;
        c.name = name;
        c.created_at = api.sandbox_now();
        api.state().customer_order.push_back(c.id);
        api.state().customers[c.id] = c;
        return resource_response(201, "Customer created", [&](JsonWriter &w) {
            w.StartObject();
            kv_str(w, "customer_id", c.id);
            kv_str(w, "id", c.id);
            kv_str(w, "email", c.email);
            kv_str(w, "name", c.name);
            w.EndObject();
        });
    } catch (const ApiError &e) {
        return control_error(e);
    }
}

void tick(Api &api, SysTime t) {
    for (auto &entry : cs(api).profiles) {
        CardProfile &p = entry.second;
        if (p.kyc_auto && p.kyc_status == "pending" && t >= p.kyc_due) p.kyc_status = "approved";
    }
    for (auto it = cs(api).pin_otps.begin(); it != cs(api).pin_otps.end();)
        it = t >= it->second.expires_at + std::chrono::seconds(60) ? cs(api).pin_otps.erase(it)
                                                                   : std::next(it);
}

}  // namespace

Module cards_module() {
    Module m;
    const Scope R = Scope::kRead, W = Scope::kWrite;
    m.routes = {
        {"POST", "/yativo-card/onboard", W, true, onboard},
        {"GET", "/yativo-card/kyc-status", R, false, kyc_status},
        {"POST", "/yativo-card/accept-terms", W, true, accept_terms},
        {"POST", "/yativo-card/deploy-safe", W, true, deploy_safe},
        {"GET", "/yativo-card/list-cards", R, false, list_cards},
        {"POST", "/yativo-card/create-card", W, true, create_card},
        {"POST", "/yativo-card/cards/{id}/freeze", W, true, freeze},
        {"POST", "/yativo-card/cards/{id}/unfreeze", W, true, unfreeze},
        {"POST", "/yativo-card/cards/{id}/void", W, true, void_card},
        {"POST", "/yativo-card/cards/{id}/pin/otp", W, true, pin_otp},
        {"POST", "/yativo-card/cards/{id}/pin/set", W, true, pin_set},
        {"POST", "/yativo-card/{id}/cards/{id}/ephemeral-token", W, false, ephemeral},
        {"GET", "/yativo-card/{id}/wallet", R, false, wallet},
        {"GET", "/yativo-card/{id}/wallet/funding-address", R, false, funding_address},
        {"GET", "/yativo-card/customers/{id}/wallet/funding-address", R, false,
         customer_funding_address},
        {"GET", "/yativo-card/{id}/cards/{id}/transactions", R, false, card_transactions},
        {"GET", "/yativo-card/{id}/transactions", R, false, all_transactions},
        {"GET", "/yativo-card/{id}/transactions/dispute-reasons", R, false, dispute_reasons},
        {"POST", "/yativo-card/{id}/transactions/{id}/dispute", W, true, dispute},
        {"GET", "/yativo-card/customers/{id}/transactions/dispute-reasons", R, false,
         customer_dispute_reasons},
        {"POST", "/yativo-card/customers/{id}/transactions/{id}/dispute", W, true,
         customer_dispute},
        {"GET", "/yativo-card/{id}/wallet/limits", R, false, get_limits},
        {"PUT", "/yativo-card/{id}/wallet/limits", W, true, set_limits},
        {"GET", "/yativo-card/customers/{id}/wallet/limits", R, false, customer_get_limits},
        {"PUT", "/yativo-card/customers/{id}/wallet/limits", W, true, customer_set_limits},
        {"GET", "/yativo-card/{id}/profile", R, false, profile},
        {"GET", "/yativo-card/customers/{id}/profile", R, false, customer_profile},
        {"GET", "/yativo-card/customers/{id}/cards", R, false, customer_cards},
        {"POST", "/yativo-card/customers/{id}/create-card", W, true, customer_create_card},
        {"POST", "/yativo-card/customers/{id}/cards/{id}/ephemeral-token", W, false,
         customer_ephemeral},
        {"POST", "/yativo-card/{id}/webhooks/subscribe", W, true, subscribe},
        {"DELETE", "/yativo-card/{id}/webhooks/subscribe/{id}", W, true, unsubscribe},
        {"POST", "/yativo-card/{id}/cards/physical/order", W, true, create_order},
        {"GET", "/yativo-card/{id}/cards/physical/order/{id}/status", R, false, order_status},
        {"GET", "/yativo-card/{id}/cards/physical/orders", R, false, list_orders},
        {"POST", "/yativo-card/{id}/cards/physical/order/{id}/cancel", W, true, cancel_order},
        {"POST", "/yativo-card/{id}/cards/physical/order/{id}/payment", W, true, order_payment},
        {"POST", "/yativo-card/{id}/cards/physical/{id}/pin", W, true, physical_pin},
        {"POST", "/yativo-card/{id}/iban/activate", W, true, iban_activate},
        {"GET", "/yativo-card/{id}/iban/status", R, false, iban_status},
        {"POST", "/sandbox/simulate-card-spend", W, true, simulate_spend},
        {"POST", "/sandbox/generate-card-history", W, true, generate_history},
    };
    m.control = {
        {"POST", "/__sandbox/cards/kyc", control_kyc},
        {"POST", "/__sandbox/cards/fund", control_fund},
        {"POST", "/__sandbox/cards/spend", control_spend},
        {"POST", "/__sandbox/cards/ship-order", control_ship},
        {"POST", "/__sandbox/cards/customer", control_customer},
    };
    m.tick = tick;
    return m;
}

}  // namespace yvsb
