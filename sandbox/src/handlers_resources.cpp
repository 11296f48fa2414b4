// Accounts, assets and balances (reference §7.1–7.3).
#include "api.hpp"
#include "chains.hpp"
#include "crypto.hpp"
#include "ledger_common.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

const char *const kAccountTypes[] = {"business", "personal", "customer"};

}  // namespace

void write_account(JsonWriter &w, const Account &a, size_t asset_count) {
    w.StartObject();
    kv_str(w, "account_id", a.id);
    kv_str(w, "_id", a.id);
    kv_str(w, "account_name", a.name);
    kv_str(w, "account_type", a.type);
    kv_str(w, "user_id", a.user_id);
    kv_str(w, "status", "active");
    kv_str(w, "assets", std::to_string(asset_count));
    kv_str(w, "created_at", iso8601_ms(a.created_at));
    w.EndObject();
}

void write_asset(JsonWriter &w, const Asset &a) {
    const Chain *chain = find_chain(a.chain);
    w.StartObject();
    kv_str(w, "asset_id", a.id);
    kv_str(w, "id", a.id);
    kv_str(w, "account_id", a.account_id);
    kv_str(w, "user_id", a.user_id);
    kv_str(w, "chain", a.chain);
    kv_str(w, "chain_code", chain ? chain->code : "");
    kv_str(w, "ticker", a.ticker);
    kv_str(w, "asset_short_name", a.symbol);
    kv_str(w, "wallet_address", a.wallet_address);
    kv_str(w, "address", a.wallet_address);
    kv_str(w, "balance", a.balance.str());
    kv_str(w, "amount", a.balance.str());
    kv_str(w, "token_type", chain && is_native_symbol(*chain, a.symbol) ? "native" : "token");
    kv_str(w, "status", a.archived ? "archived" : "active");
    if (!a.customer_id.empty()) kv_str(w, "customer_id", a.customer_id);
    if (a.archived) kv_str(w, "archived_at", iso8601_ms(a.archived_at));
    kv_str(w, "created_at", iso8601_ms(a.created_at));
    w.EndObject();
}

size_t account_asset_count(const State &s, const std::string &account_id) {
    size_t count = 0;
    for (const auto &asset : s.assets)
        count += asset.second.account_id == account_id && !asset.second.archived;
    return count;
}

Response Api::account_create(Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string name = f.string("account_name", true, 100);
    std::string type = f.string("account_type", false, 32);
    if (type.empty() && !f.failed("account_type")) type = "business";
    bool known = false;
    for (const char *t : kAccountTypes) known = known || type == t;
    if (!known && !f.failed("account_type"))
        f.fail("account_type", "must be one of business, personal, customer");
    f.check();
    Account a;
    a.id = "acc_" + random_hex(12);
    a.user_id = ctx.who.user_id;
    a.name = name;
    a.type = type;
    a.created_at = ctx.now;
    state_.account_order.push_back(a.id);
    ctx.resource_id = a.id;
    const Account &stored = state_.accounts[a.id] = std::move(a);
    return resource_response(201, "Account created successfully", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "account_id", stored.id);
        kv_str(w, "account_name", stored.name);
        kv_str(w, "account_type", stored.type);
        kv_str(w, "status", "active");
        kv_str(w, "created_at", iso8601_ms(stored.created_at));
        w.EndObject();
    });
}

Response Api::account_list(Ctx &ctx) {
    return resource_response(200, "Accounts and assets listed successfully", [&](JsonWriter &w) {
        w.StartArray();
        for (const auto &id : state_.account_order) {
            const Account &a = state_.accounts.at(id);
            if (a.user_id != ctx.who.user_id) continue;
            write_account(w, a, account_asset_count(state_, a.id));
        }
        w.EndArray();
    });
}

Response Api::asset_add(Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string account_id = f.string("account_id", true, 64);
    std::string chain_name = f.string("chain", true, 32);
    std::string ticker = f.string("ticker", true, 32);
    const Chain *chain = nullptr;
    if (!chain_name.empty() && !(chain = find_chain(chain_name)))
        f.fail("chain", "Unsupported chain identifier");
    std::string symbol;
    const Chain *suffix_chain = nullptr;
    if (!ticker.empty() && !split_ticker(ticker, &symbol, &suffix_chain))
        f.fail("ticker", "must look like USDC_SOL or ETH");
    f.check();
    auto acc = state_.accounts.find(account_id);
    if (acc == state_.accounts.end() || acc->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Account not found", {{"account_id", account_id}});
    if (suffix_chain && suffix_chain != chain)
        throw ApiError(422, "unsupported_token",
                       "Ticker " + ticker + " is not supported on chain " + chain->name,
                       {{"ticker", ticker}, {"chain", chain->name}});
    for (const auto &id : state_.asset_order) {
        const Asset &existing = state_.assets.at(id);
        if (existing.account_id == account_id && existing.chain == chain->name &&
            existing.ticker == ticker && !existing.archived)
            throw ApiError(409, "conflict", "This asset already exists in the account",
                           {{"asset_id", existing.id}});
    }
    Asset a;
    a.id = "ast_" + random_hex(12);
    a.user_id = ctx.who.user_id;
    a.account_id = account_id;
    a.chain = chain->name;
    a.ticker = ticker;
    a.symbol = symbol;
    a.wallet_address = generate_address(*chain);
    a.created_at = a.updated_at = ctx.now;
    state_.asset_order.push_back(a.id);
    ctx.resource_id = a.id;
    const Asset &stored = state_.assets[a.id] = std::move(a);
    return resource_response(201, "Asset created successfully", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "asset_id", stored.id);
        kv_str(w, "account_id", stored.account_id);
        kv_str(w, "chain", stored.chain);
        kv_str(w, "ticker", stored.ticker);
        kv_str(w, "wallet_address", stored.wallet_address);
        kv_str(w, "balance", stored.balance.str());
        kv_str(w, "status", "active");
        kv_str(w, "created_at", iso8601_ms(stored.created_at));
        w.EndObject();
    });
}

Response Api::asset_list(Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string account_id = f.string("account_id", false, 64);
    bool include_archived = f.boolean("include_archived").value_or(false);
    f.check();
    if (!account_id.empty()) {
        auto acc = state_.accounts.find(account_id);
        if (acc == state_.accounts.end() || acc->second.user_id != ctx.who.user_id)
            throw ApiError(404, "not_found", "Account not found", {{"account_id", account_id}});
    }
    return resource_response(200, "Assets Listed Successfully", [&](JsonWriter &w) {
        w.StartArray();
        for (const auto &id : state_.asset_order) {
            const Asset &a = state_.assets.at(id);
            if (a.user_id != ctx.who.user_id || a.station || !a.customer_id.empty()) continue;
            if (a.archived && !include_archived) continue;
            if (!account_id.empty() && a.account_id != account_id) continue;
            write_asset(w, a);
        }
        w.EndArray();
    });
}

Response Api::balance_check(Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string asset_id = f.string("asset_id", true, 64);
    f.check();
    auto it = state_.assets.find(asset_id);
    if (it == state_.assets.end() || it->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Asset not found", {{"asset_id", asset_id}});
    const Asset &a = it->second;
    return resource_response(200, "Balance retrieved successfully", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "asset_id", a.id);
        kv_str(w, "account_id", a.account_id);
        kv_str(w, "chain", a.chain);
        kv_str(w, "ticker", a.ticker);
        kv_str(w, "wallet_address", a.wallet_address);
        kv_str(w, "balance", a.balance.str());
        kv_str(w, "last_updated", iso8601_ms(a.updated_at));
        w.EndObject();
    });
}

}  // namespace yvsb
