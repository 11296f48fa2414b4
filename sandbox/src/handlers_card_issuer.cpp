// The card-issuer program (/card-issuer/...): apply, status, the issuer's wallets (one per enabled
// chain), funding customers' card wallets from them, funding addresses, deposits and their manual
// funding, and the funding history. docs/sandbox.md ("Card-issuer program").
#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <set>

#include "cards_common.hpp"
#include "modules.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

const char *const kMaxFunding = "100000";
// What each wallet of a new program holds: sandbox test USDC, so customers can be funded at once.
const char *const kStartingFloat = "10000";
const char *const kChains[] = {"SOL", "XDC"};
const char *const kStructures[] = {"master_wallet", "master", "centralized", "decentralized",
                                   "per_customer"};
const char *const kDepositStatuses[] = {"pending", "auto_funding", "awaiting_manual",
                                        "funding", "funded",       "failed"};

template <typename List>
bool one_of(const std::string &v, const List &list) {
    return std::any_of(std::begin(list), std::end(list), [&](const char *s) { return v == s; });
}

// The bridge fee of a chain, in USDC: what moving funds from it to a card wallet costs.
Decimal bridge_fee(const std::string &chain) {
    return *Decimal::parse(chain == "XDC" ? "0.1" : "0.5", nullptr);
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

bool decentralized(const IssuerProgram &p) {
    return p.funding_structure == "decentralized" || p.funding_structure == "per_customer";
}

IssuerProgram &require_program(Api &api, const std::string &user_id) {
    auto it = cs(api).programs.find(user_id);
    if (it == cs(api).programs.end())
        throw cards::conflict_error("issuer_program_not_active",
                                    "Apply for the card issuer program first (/card-issuer/apply)");
    return it->second;
}

IssuerWallet &wallet_of(IssuerProgram &p, const std::string &chain) {
    for (auto &w : p.wallets)
        if (w.chain == chain) return w;
    throw ApiError(422, "unsupported_chain", "The program has no wallet on " + chain,
                   {{"source_chain", chain}});
}

// "SOL", "sol", "solana" -> "SOL"; "" when not SOL or XDC.
std::string chain_code(const std::string &name) {
    const Chain *c = find_chain(name);
    if (!c) return {};
    std::string code = c->code;
    return one_of(code, kChains) ? code : std::string();
}

std::string token_of(const std::string &chain) {
    return "USDC_" + chain;
}

bool valid_token(const std::string &t) {
    return !t.empty() && t.size() <= 32 && std::all_of(t.begin(), t.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
    });
}

cards::Page read_page(FieldReader &f) {
    cards::Page pg;
    pg.page = f.integer("page", false, 1, 1000000).value_or(1);
    pg.limit = f.integer("limit", false, 1, 100).value_or(20);
    return pg;
}

void write_addresses(JsonWriter &w, const std::vector<std::pair<std::string, std::string>> &list) {
    w.Key("addresses");
    w.StartArray();
    for (const auto &a : list) {
        w.StartObject();
        kv_str(w, "chain", a.first);
        kv_str(w, "token", token_of(a.first));
        kv_str(w, "address", a.second);
        w.EndObject();
    }
    w.EndArray();
    for (const auto &a : list) kv_str(w, a.first.c_str(), a.second);
}

std::vector<std::pair<std::string, std::string>> customer_addresses(const IssuerProgram &p,
                                                                    const std::string &cid) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto &w : p.wallets)
        out.emplace_back(w.chain, cards::address_for(w.chain, "issuer-customer/" + cid));
    return out;
}

void write_program(JsonWriter &w, const IssuerProgram &p, Api &api) {
    w.StartObject();
    kv_str(w, "program_id", p.id);
    kv_str(w, "id", p.id);
    kv_bool(w, "applied", true);
    kv_str(w, "status", p.status);
    kv_str(w, "funding_structure", p.funding_structure);
    kv_bool(w, "iban_enabled", p.iban_enabled);
    kv_str(w, "visibility", "private");
    w.Key("enabled_chains");
    w.StartArray();
    for (const auto &wal : p.wallets) w.String(wal.chain.c_str());
    w.EndArray();
    w.Key("limits");
    w.StartObject();
    kv_str(w, "max_funding_per_request", kMaxFunding);
    kv_str(w, "bridge_fee_SOL", bridge_fee("SOL").str());
    kv_str(w, "bridge_fee_XDC", bridge_fee("XDC").str());
    w.EndObject();
    Decimal total;
    long long fundings = 0;
    std::set<std::string> customers;
    for (const auto &r : cs(api).funding)
        if (r.user_id == p.user_id) {
            total = total.plus(r.credited).value_or(total);
            ++fundings;
            customers.insert(r.customer_id);
        }
    w.Key("stats");
    w.StartObject();
    kv_int(w, "fundings", fundings);
    kv_int(w, "customers_funded", static_cast<long long>(customers.size()));
    kv_str(w, "total_funded", total.str());
    w.EndObject();
    kv_str(w, "created_at", iso8601_ms(p.created_at));
    w.EndObject();
}

void write_wallet(JsonWriter &w, const IssuerWallet &wal) {
    w.StartObject();
    kv_str(w, "chain", wal.chain);
    kv_str(w, "token", wal.token);
    kv_str(w, "address", wal.address);
    kv_str(w, "balance", wal.balance.str());
    w.EndObject();
}

void write_deposit(JsonWriter &w, const FundingDeposit &d) {
    w.StartObject();
    kv_str(w, "deposit_id", d.id);
    kv_str(w, "id", d.id);
    kv_str_or_null(w, "customer_id", d.customer_id);
    kv_str(w, "chain", d.chain);
    kv_str(w, "token", token_of(d.chain));
    kv_str(w, "address", d.address);
    kv_str(w, "tx_hash", d.tx_hash);
    kv_str(w, "amount", d.amount.str());
    kv_str(w, "status", d.status);
    kv_str_or_null(w, "funding_id", d.funding_id);
    kv_str(w, "created_at", iso8601_ms(d.created_at));
    kv_str(w, "updated_at", iso8601_ms(d.updated_at));
    w.EndObject();
}

void write_funding(JsonWriter &w, const FundingRecord &r) {
    w.StartObject();
    kv_str(w, "funding_id", r.id);
    kv_str(w, "id", r.id);
    kv_str(w, "customer_id", r.customer_id);
    kv_str(w, "yativo_card_id", r.profile_id);
    kv_str(w, "source", r.source);
    kv_str_or_null(w, "deposit_id", r.deposit_id);
    kv_str(w, "chain", r.chain);
    kv_str(w, "source_chain", r.chain);
    kv_str(w, "pricing_mode", r.pricing_mode);
    kv_str(w, "destination_token", r.destination_token);
    kv_str(w, "amount", r.amount.str());
    kv_str(w, "fee", r.fee.str());
    kv_str(w, "debited", r.debited.str());
    kv_str(w, "credited", r.credited.str());
    kv_str(w, "status", r.status);
    kv_str(w, "created_at", iso8601_ms(r.created_at));
    w.EndObject();
}

// Credits a customer's card wallet: the record of the movement (stored).
FundingRecord &credit_customer(Api &api, const Customer &c, FundingRecord r, SysTime now) {
    CardProfile &profile = cards::ensure_customer_profile(api, c, now);
    profile.balance = *profile.balance.plus(r.credited);
    r.id = "fnd_" + random_hex(12);
    r.profile_id = profile.id;
    r.status = "completed";
    r.created_at = now;
    cs(api).funding.push_back(r);
    api.emit_event(c.user_id, "customer.funded", json_of([&](JsonWriter &w) {
                       w.StartObject();
                       kv_str(w, "customer_id", c.id);
                       kv_str(w, "funding_id", r.id);
                       kv_str(w, "amount", r.credited.str());
                       kv_str(w, "new_balance", profile.balance.str());
                       w.EndObject();
                   }));
    return cs(api).funding.back();
}

Response funding_answer(Api &api, const FundingRecord &r, const char *message) {
    const CardProfile &p = cs(api).profiles.at(r.profile_id);
    return resource_response(
        201, message, [&](JsonWriter &w) { write_funding(w, r); },
        [&](JsonWriter &w) { kv_str(w, "card_balance", p.balance.str()); });
}

// ---- handlers ----------------------------------------------------------------------------

Response apply(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string structure = f.string("funding_structure", true, 32);
    bool iban = f.boolean("iban_enabled").value_or(false);
    if (!structure.empty() && !one_of(structure, kStructures))
        f.fail("funding_structure",
               "must be master_wallet (alias master, centralized) or decentralized (alias "
               "per_customer)");
    f.check();
    if (cs(api).programs.count(ctx.who.user_id))
        throw cards::conflict_error("already_applied", "This user already has an issuer program",
                                    {{"program_id", cs(api).programs.at(ctx.who.user_id).id}});
    IssuerProgram p;
    p.id = "cip_" + random_hex(12);
    p.user_id = ctx.who.user_id;
    p.funding_structure = structure;
    p.iban_enabled = iban;
    p.status = "approved";
    p.created_at = ctx.now;
    for (const char *chain : kChains) {
        IssuerWallet w;
        w.chain = chain;
        w.token = token_of(chain);
        w.address = cards::address_for(chain, "issuer/" + p.id);
        w.balance = *Decimal::parse(kStartingFloat, nullptr);
        p.wallets.push_back(w);
    }
    IssuerProgram &stored = cs(api).programs[p.user_id] = p;
    ctx.resource_id = p.id;
    return resource_response(201, "Issuer program approved (sandbox approves at once)",
                             [&](JsonWriter &w) { write_program(w, stored, api); });
}

Response status(Api &api, Ctx &ctx) {
    auto it = cs(api).programs.find(ctx.who.user_id);
    if (it == cs(api).programs.end())
        return resource_response(200, "No issuer program", [](JsonWriter &w) {
            w.StartObject();
            kv_bool(w, "applied", false);
            kv_str(w, "status", "not_applied");
            w.EndObject();
        });
    return resource_response(200, "Issuer program fetched",
                             [&](JsonWriter &w) { write_program(w, it->second, api); });
}

Response wallets(Api &api, Ctx &ctx) {
    IssuerProgram &p = require_program(api, ctx.who.user_id);
    return resource_response(200, "Issuer wallets fetched", [&](JsonWriter &w) {
        w.StartArray();
        for (const auto &wal : p.wallets) write_wallet(w, wal);
        w.EndArray();
    });
}

Response fund_customer(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string customer_id = f.string("customer_id", true, 64);
    auto amount = f.amount("amount", true);
    std::string chain_in = f.string("source_chain", true, 16);
    std::string mode = f.string("pricing_mode", false, 16);
    std::string token = f.string("destination_token", false, 32);
    std::string chain = chain_in.empty() ? "" : chain_code(chain_in);
    if (!chain_in.empty() && chain.empty()) f.fail("source_chain", "must be SOL or XDC");
    if (mode.empty() && !f.failed("pricing_mode")) mode = "send_x";
    if (!f.failed("pricing_mode") && mode != "send_x" && mode != "receive_x")
        f.fail("pricing_mode", "must be send_x or receive_x");
    if (token.empty() && !f.failed("destination_token")) token = "USDC";
    if (!f.failed("destination_token") && !valid_token(token))
        f.fail("destination_token", "must be a token symbol such as USDC");
    Decimal fee = chain.empty() ? Decimal() : bridge_fee(chain);
    if (amount && *Decimal::parse(kMaxFunding, nullptr) < *amount)
        f.fail("amount", std::string("must be at most ") + kMaxFunding + " per request");
    if (amount && mode == "send_x" && *amount <= fee)
        f.fail("amount", "must exceed the bridge fee (" + fee.str() + ") with send_x");
    f.check();
    const Customer &c = cards::find_customer(api, ctx, customer_id, "customer_id");
    IssuerProgram &p = require_program(api, ctx.who.user_id);
    IssuerWallet &wal = wallet_of(p, chain);
    FundingRecord r;
    r.user_id = ctx.who.user_id;
    r.customer_id = c.id;
    r.source = "fund_customer";
    r.chain = chain;
    r.pricing_mode = mode;
    r.destination_token = token;
    r.amount = *amount;
    r.fee = fee;
    auto debit = mode == "send_x" ? std::optional<Decimal>(*amount) : amount->plus(fee);
    r.credited = mode == "send_x" ? *amount->minus(fee) : *amount;
    if (!debit || wal.balance < *debit)
        throw ApiError(422, "insufficient_balance",
                       "The issuer wallet on " + chain + " cannot cover this funding",
                       {{"available_balance", wal.balance.str()},
                        {"requested_amount", amount->str()},
                        {"required_balance", debit ? debit->str() : "too large"},
                        {"ticker", wal.token}});
    r.debited = *debit;
    wal.balance = *wal.balance.minus(*debit);
    FundingRecord &stored = credit_customer(api, c, r, ctx.now);
    ctx.resource_id = stored.id;
    return funding_answer(api, stored, "Customer card funded");
}

Response customers(Api &api, Ctx &ctx) {
    Json q = cards::query_object(ctx.req);
    FieldReader f(q);
    cards::Page pg = read_page(f);
    f.check();
    require_program(api, ctx.who.user_id);
    std::vector<const Customer *> list;
    for (const auto &id : api.state().customer_order) {
        auto it = api.state().customers.find(id);
        if (it != api.state().customers.end() && it->second.user_id == ctx.who.user_id)
            list.push_back(&it->second);
    }
    pg.total = list.size();
    return resource_response(
        200, "Customers fetched",
        [&](JsonWriter &w) {
            w.StartArray();
            for (size_t i = pg.begin(); i < pg.end(); ++i) {
                const Customer &c = *list[i];
                const CardProfile *prof = cards::customer_profile(api, c.id);
                Decimal funded;
                for (const auto &r : cs(api).funding)
                    if (r.customer_id == c.id) funded = funded.plus(r.credited).value_or(funded);
                long long ncards = 0;
                if (prof)
                    for (const auto &card : cs(api).cards)
                        if (card.second.profile_id == prof->id) ++ncards;
                w.StartObject();
                kv_str(w, "customer_id", c.id);
                kv_str(w, "id", c.id);
                kv_str(w, "email", c.email);
                kv_str(w, "name", c.name);
                kv_str_or_null(w, "yativo_card_id", prof ? prof->id : std::string());
                kv_str(w, "card_balance", prof ? prof->balance.str() : "0");
                kv_int(w, "cards", ncards);
                kv_str(w, "total_funded", funded.str());
                kv_str(w, "created_at", iso8601_ms(c.created_at));
                w.EndObject();
            }
            w.EndArray();
        },
        [&](JsonWriter &w) { pg.write(w); });
}

Response funding_addresses(Api &api, Ctx &ctx) {
    Json q = cards::query_object(ctx.req);
    FieldReader f(q);
    std::string customer_id = f.string("customer_id", false, 64);
    f.check();
    IssuerProgram &p = require_program(api, ctx.who.user_id);
    std::vector<std::pair<std::string, std::string>> list;
    if (!customer_id.empty()) {
        cards::find_customer(api, ctx, customer_id, "customer_id");
        list = customer_addresses(p, customer_id);
    } else {
        if (decentralized(p))
            throw ApiError(400, "validation_error", "Request validation failed",
                           {{"customer_id", "is required with a decentralized program"}});
        for (const auto &wal : p.wallets) list.emplace_back(wal.chain, wal.address);
    }
    return resource_response(200, "Funding addresses fetched", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "funding_structure", p.funding_structure);
        kv_str_or_null(w, "customer_id", customer_id);
        write_addresses(w, list);
        w.EndObject();
    });
}

Response deposits(Api &api, Ctx &ctx) {
    Json q = cards::query_object(ctx.req);
    FieldReader f(q);
    cards::Page pg = read_page(f);
    std::string status = f.string("status", false, 32);
    std::string chain_in = f.string("chain", false, 16);
    std::string chain = chain_in.empty() ? "" : chain_code(chain_in);
    if (!status.empty() && !one_of(status, kDepositStatuses))
        f.fail("status",
               "must be pending, auto_funding, awaiting_manual, funding, funded or failed");
    if (!chain_in.empty() && chain.empty()) f.fail("chain", "must be SOL or XDC");
    f.check();
    require_program(api, ctx.who.user_id);
    std::vector<const FundingDeposit *> list;
    for (auto it = cs(api).deposit_order.rbegin(); it != cs(api).deposit_order.rend(); ++it) {
        const FundingDeposit &d = cs(api).deposits.at(*it);
        if (d.user_id != ctx.who.user_id) continue;
        if (!status.empty() && d.status != status) continue;
        if (!chain.empty() && d.chain != chain) continue;
        list.push_back(&d);
    }
    pg.total = list.size();
    return resource_response(
        200, "Deposits fetched",
        [&](JsonWriter &w) {
            w.StartArray();
            for (size_t i = pg.begin(); i < pg.end(); ++i) write_deposit(w, *list[i]);
            w.EndArray();
        },
        [&](JsonWriter &w) { pg.write(w); });
}

Response fund_deposit(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string token = f.string("destination_token", false, 32);
    if (token.empty() && !f.failed("destination_token")) token = "USDC";
    if (!f.failed("destination_token") && !valid_token(token))
        f.fail("destination_token", "must be a token symbol such as USDC");
    f.check();
    require_program(api, ctx.who.user_id);
    const std::string &id = ctx.params.at(0);
    auto it = cs(api).deposits.find(id);
    if (it == cs(api).deposits.end() || it->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Deposit not found", {{"deposit_id", id}});
    FundingDeposit &d = it->second;
    if (d.status != "pending" && d.status != "awaiting_manual")
        throw cards::conflict_error(
            "deposit_not_fundable",
            "Only a pending deposit (pending or awaiting_manual) can be funded",
            {{"deposit_id", d.id}, {"status", d.status}});
    if (d.customer_id.empty()) {
        // A deposit to the master wallet: funding credits that wallet with the amount.
        IssuerProgram &p = require_program(api, ctx.who.user_id);
        IssuerWallet &wal = wallet_of(p, d.chain);
        auto sum = wal.balance.plus(d.amount);
        if (!sum) throw ApiError(422, "amount_too_large", "The balance would overflow");
        wal.balance = *sum;
        d.status = "funded";
        d.updated_at = ctx.now;
        ctx.resource_id = d.id;
        return resource_response(
            201, "Deposit funded to the master wallet", [&](JsonWriter &w) { write_deposit(w, d); },
            [&](JsonWriter &w) { kv_str(w, "wallet_balance", wal.balance.str()); });
    }
    Decimal fee = bridge_fee(d.chain);
    if (d.amount <= fee)
        throw ApiError(422, "amount_below_fee", "The deposit does not cover the bridge fee",
                       {{"amount", d.amount.str()}, {"fee", fee.str()}});
    auto c = api.state().customers.find(d.customer_id);
    if (c == api.state().customers.end())
        throw ApiError(404, "not_found", "The deposit's customer no longer exists",
                       {{"customer_id", d.customer_id}});
    FundingRecord r;
    r.user_id = d.user_id;
    r.customer_id = d.customer_id;
    r.source = "deposit";
    r.deposit_id = d.id;
    r.chain = d.chain;
    r.pricing_mode = "send_x";
    r.destination_token = token;
    r.amount = d.amount;
    r.fee = fee;
    r.debited = d.amount;
    r.credited = *d.amount.minus(fee);
    FundingRecord &stored = credit_customer(api, c->second, r, ctx.now);
    d.status = "funded";
    d.funding_id = stored.id;
    d.updated_at = ctx.now;
    ctx.resource_id = stored.id;
    return resource_response(
        201, "Deposit funded to the customer's card", [&](JsonWriter &w) { write_deposit(w, d); },
        [&](JsonWriter &w) {
            w.Key("funding");
            write_funding(w, stored);
            kv_str(w, "card_balance", cs(api).profiles.at(stored.profile_id).balance.str());
        });
}

Response customer_wallets(Api &api, Ctx &ctx) {
    const Customer &c = cards::find_customer(api, ctx, ctx.params.at(0), "customer_id");
    IssuerProgram &p = require_program(api, ctx.who.user_id);
    const CardProfile *prof = cards::customer_profile(api, c.id);
    return resource_response(200, "Customer wallets fetched", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "customer_id", c.id);
        kv_str_or_null(w, "yativo_card_id", prof ? prof->id : std::string());
        w.Key("card_wallet");
        w.StartObject();
        kv_str(w, "currency", "USD");
        kv_str(w, "balance", prof ? prof->balance.str() : "0");
        kv_str_or_null(w, "safe_address", prof ? prof->safe_address : std::string());
        w.EndObject();
        w.Key("wallets");
        w.StartArray();
        for (const auto &a : customer_addresses(p, c.id)) {
            w.StartObject();
            kv_str(w, "type", "funding");
            kv_str(w, "chain", a.first);
            kv_str(w, "token", token_of(a.first));
            kv_str(w, "address", a.second);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    });
}

Response funding_history(Api &api, Ctx &ctx) {
    Json q = cards::query_object(ctx.req);
    FieldReader f(q);
    cards::Page pg = read_page(f);
    std::string status = f.string("status", false, 32);
    std::string customer_id = f.string("customer_id", false, 64);
    std::string chain_in = f.string("chain", false, 16);
    std::string chain = chain_in.empty() ? "" : chain_code(chain_in);
    if (!status.empty() && status != "completed" && status != "failed")
        f.fail("status", "must be completed or failed");
    if (!chain_in.empty() && chain.empty()) f.fail("chain", "must be SOL or XDC");
    f.check();
    require_program(api, ctx.who.user_id);
    std::vector<const FundingRecord *> list;
    for (auto it = cs(api).funding.rbegin(); it != cs(api).funding.rend(); ++it) {
        if (it->user_id != ctx.who.user_id) continue;
        if (!status.empty() && it->status != status) continue;
        if (!customer_id.empty() && it->customer_id != customer_id) continue;
        if (!chain.empty() && it->chain != chain) continue;
        list.push_back(&*it);
    }
    pg.total = list.size();
    return resource_response(
        200, "Funding history fetched",
        [&](JsonWriter &w) {
            w.StartArray();
            for (size_t i = pg.begin(); i < pg.end(); ++i) write_funding(w, *list[i]);
            w.EndArray();
        },
        [&](JsonWriter &w) { pg.write(w); });
}

// POST /__sandbox/card-issuer/deposit {chain, amount, customer_id?, status?}: funds reach a
// funding address of the seeded user's program. With customer_id the deposit waits (status
// awaiting_manual for XDC, pending for SOL, or as given) until /deposits/{id}/fund; without, it
// lands in the issuer's master wallet of that chain at once (status funded).
Response control_deposit(Api &api, const Request &req) {
    try {
        Json body = parse_request_body(req.body);
        FieldReader f(body);
        std::string chain_in = f.string("chain", true, 16);
        auto amount = f.amount("amount", true);
        std::string customer_id = f.string("customer_id", false, 64);
        std::string status = f.string("status", false, 32);
        std::string chain = chain_in.empty() ? "" : chain_code(chain_in);
        if (!chain_in.empty() && chain.empty()) f.fail("chain", "must be SOL or XDC");
        if (!status.empty() && status != "pending" && status != "awaiting_manual")
            f.fail("status", "must be pending or awaiting_manual");
        f.check();
        std::string user = api.seeded_user();
        IssuerProgram &p = require_program(api, user);
        FundingDeposit d;
        d.id = "dep_" + random_hex(12);
        d.user_id = user;
        d.chain = chain;
        d.amount = *amount;
        d.tx_hash = generate_tx_hash(*find_chain(chain));
        d.created_at = d.updated_at = api.sandbox_now();
        if (!customer_id.empty()) {
            auto c = api.state().customers.find(customer_id);
            if (c == api.state().customers.end() || c->second.user_id != user)
                throw ApiError(404, "not_found", "Customer not found",
                               {{"customer_id", customer_id}});
            d.customer_id = customer_id;
            d.address = cards::address_for(chain, "issuer-customer/" + customer_id);
            d.status = !status.empty() ? status : chain == "XDC" ? "awaiting_manual" : "pending";
        } else if (chain == "XDC" || !status.empty()) {
            // XDC deposits wait for manual funding (the SDK: "only valid for deposits with
            // status='awaiting_manual' and chain='XDC'").
            d.address = wallet_of(p, chain).address;
            d.status = !status.empty() ? status : "awaiting_manual";
        } else {
            IssuerWallet &wal = wallet_of(p, chain);
            auto sum = wal.balance.plus(*amount);
            if (!sum) throw ApiError(422, "amount_too_large", "The balance would overflow");
            wal.balance = *sum;
            d.address = wal.address;
            d.status = "funded";
        }
        cs(api).deposit_order.push_back(d.id);
        cs(api).deposits[d.id] = d;
        if (d.customer_id.empty())
            api.emit_event(user, "master_wallet.deposit", json_of([&](JsonWriter &w) {
                               w.StartObject();
                               kv_str(w, "deposit_id", d.id);
                               kv_str(w, "chain", d.chain);
                               kv_str(w, "amount", d.amount.str());
                               w.EndObject();
                           }));
        return resource_response(201, "Deposit received",
                                 [&](JsonWriter &w) { write_deposit(w, d); });
    } catch (const ApiError &e) {
        Response r;
        r.status = e.status;
        r.body = error_body(e, "");
        return r;
    }
}

}  // namespace

Module card_issuer_module() {
    Module m;
    const Scope R = Scope::kRead, W = Scope::kWrite, T = Scope::kTransactions;
    m.routes = {
        {"POST", "/card-issuer/apply", W, true, apply},
        {"GET", "/card-issuer/status", R, false, status},
        {"GET", "/card-issuer/wallets", R, false, wallets},
        {"POST", "/card-issuer/fund-customer", T, true, fund_customer},
        {"GET", "/card-issuer/customers", R, false, customers},
        {"GET", "/card-issuer/funding-addresses", R, false, funding_addresses},
        {"GET", "/card-issuer/deposits", R, false, deposits},
        {"POST", "/card-issuer/deposits/{id}/fund", T, true, fund_deposit},
        {"GET", "/card-issuer/customers/{id}/wallets", R, false, customer_wallets},
        {"GET", "/card-issuer/funding-history", R, false, funding_history},
    };
    m.control = {{"POST", "/__sandbox/card-issuer/deposit", control_deposit}};
    return m;
}

}  // namespace yvsb
