// Wallets beyond add-asset (reference §7.2, §9 gas station): the supported catalogue and chains,
// batch add, a user's or customer's wallets by id, archive, gas-station and customer wallets.
#include <algorithm>

#include "chains.hpp"
#include "crypto.hpp"
#include "ledger_common.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

// The ticker under which a chain's native asset is added: the symbol, or SYMBOL_CODE when the
// symbol is native to several chains (ETH on base, arbitrum, optimism).
std::string native_ticker(const Chain &c) {
    size_t sharing = 0;
    for (const Chain &other : all_chains()) sharing += std::string(other.native) == c.native;
    if (sharing > 1 && std::string(c.name) != "ethereum")
        return std::string(c.native) + "_" + c.code;
    return c.native;
}

int native_decimals(const Chain &c) {
    switch (c.family) {
        case AddressFamily::kSolana:
            return 9;
        case AddressFamily::kBitcoin:
            return 8;
        case AddressFamily::kTron:
            return 6;
        default:
            return 18;
    }
}

// Tokens the reference lists per chain (§10), beside each chain's native asset.
struct TokenRow {
    const char *ticker;
    const char *name;
};
const TokenRow kTokens[] = {
    {"USDC_ETH", "USD Coin"},      {"USDT_ETH", "Tether USD"},  {"USDC_SOL", "USD Coin"},
    {"USDT_SOL", "Tether USD"},    {"EURC_SOL", "Euro Coin"},   {"PYUSD_SOL", "PayPal USD"},
    {"USDG_SOL", "Global Dollar"}, {"USDC_POL", "USD Coin"},    {"USDT_POL", "Tether USD"},
    {"USDC_BASE", "USD Coin"},     {"USDT_BASE", "Tether USD"}, {"EURC_BASE", "Euro Coin"},
    {"USDC_OP", "USD Coin"},       {"USDT_OP", "Tether USD"},   {"USDC_ARB", "USD Coin"},
    {"USDT_ARB", "Tether USD"},    {"USDT_TRON", "Tether USD"}, {"USDC_XDC", "USD Coin"},
    {"TIVO_XDC", "Tivo"},
};

void write_catalogue_entry(JsonWriter &w, const Chain &c, const std::string &ticker,
                           const std::string &symbol, const std::string &name, bool native) {
    w.StartObject();
    kv_str(w, "_id", ticker);
    kv_str(w, "asset_name", name);
    kv_str(w, "asset_short_name", symbol);
    kv_str(w, "ticker_name", ticker);
    kv_str(w, "ticker", ticker);
    kv_str(w, "chain", c.code);
    kv_str(w, "chain_name", c.name);
    kv_str(w, "network_type", "testnet");
    kv_str(w, "asset_type", native ? "native" : "token");
    kv_int(w, "decimals", native ? native_decimals(c) : symbol == "TIVO" ? 18 : 6);
    kv_str(w, "fee", Decimal::parse(c.fee, nullptr)->str());
    kv_bool(w, "active", true);
    kv_bool(w, "suspended", false);
    w.EndObject();
}

Response all_assets(Api &, Ctx &) {
    return resource_response(200, "Assets fetched successfully", [&](JsonWriter &w) {
        w.StartArray();
        for (const Chain &c : all_chains()) {
            write_catalogue_entry(w, c, native_ticker(c), c.native, c.native, true);
            for (const TokenRow &t : kTokens) {
                std::string symbol;
                const Chain *suffix = nullptr;
                if (split_ticker(t.ticker, &symbol, &suffix) && suffix == &c)
                    write_catalogue_entry(w, c, t.ticker, symbol, t.name, false);
            }
        }
        w.EndArray();
    });
}

Response chains_list(Api &, Ctx &) {
    return resource_response(200, "Chains fetched successfully", [&](JsonWriter &w) {
        w.StartArray();
        for (const Chain &c : all_chains()) {
            w.StartObject();
            kv_str(w, "id", c.code);
            kv_str(w, "name", c.name);
            kv_str(w, "native_token", c.native);
            kv_str(w, "native_ticker", native_ticker(c));
            kv_str(w, "fee", Decimal::parse(c.fee, nullptr)->str());
            w.EndObject();
        }
        w.EndArray();
    });
}

// What a wallet of `ticker` on `chain` would be, or the problem recorded in `f` under `field`.
struct AssetSpec {
    const Chain *chain = nullptr;
    std::string ticker, symbol;
};
AssetSpec read_spec(FieldReader &f, const std::string &chain_name, const std::string &ticker,
                    const std::string &chain_field, const std::string &ticker_field) {
    AssetSpec spec;
    if (chain_name.empty() || ticker.empty()) return spec;
    spec.chain = find_chain(chain_name);
    if (!spec.chain) f.fail(chain_field, "Unsupported chain identifier");
    const Chain *suffix = nullptr;
    if (!split_ticker(ticker, &spec.symbol, &suffix))
        f.fail(ticker_field, "must look like USDC_SOL or ETH");
    else if (spec.chain && suffix && suffix != spec.chain)
        f.fail(ticker_field, "is not on chain " + std::string(spec.chain->name));
    spec.ticker = ticker;
    return spec;
}

Asset &store_asset(Api &api, const Ctx &ctx, const AssetSpec &spec, const std::string &prefix) {
    Asset a;
    a.id = prefix + random_hex(12);
    a.user_id = ctx.who.user_id;
    a.chain = spec.chain->name;
    a.ticker = spec.ticker;
    a.symbol = spec.symbol;
    a.wallet_address = generate_address(*spec.chain);
    a.created_at = a.updated_at = ctx.now;
    api.state().asset_order.push_back(a.id);
    std::string id = a.id;
    return api.state().assets[id] = std::move(a);
}

bool same_wallet(const Asset &a, const AssetSpec &spec) {
    return !a.archived && a.chain == spec.chain->name && a.ticker == spec.ticker;
}

// {account_id, chains[], tickers[]?}: parallel arrays (a missing ticker is the chain's native);
// every pair is checked before any is added, so a bad one adds nothing.
Response batch_add(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string account_id = f.string("account_id", true, 64);
    auto chains = f.string_array("chains", true, 50);
    auto tickers = f.string_array("tickers", false, 50);
    if (!f.failed("chains") && ctx.body.find("chains") && chains.empty())
        f.fail("chains", "must not be empty");
    if (!tickers.empty() && tickers.size() != chains.size())
        f.fail("tickers", "must have one ticker per chain (" + std::to_string(chains.size()) + ")");
    f.check();
    own_account(api, ctx, account_id, "account_id");
    std::vector<AssetSpec> specs;
    for (size_t i = 0; i < chains.size(); ++i) {
        std::string cf = "chains[" + std::to_string(i) + "]";
        std::string tf = "tickers[" + std::to_string(i) + "]";
        const Chain *c = find_chain(chains[i]);
        std::string ticker = i < tickers.size() ? tickers[i] : c ? native_ticker(*c) : "";
        if (!c) {
            f.fail(cf, "Unsupported chain identifier");
            continue;
        }
        specs.push_back(read_spec(f, chains[i], ticker, cf, tf));
    }
    f.check();
    for (size_t i = 0; i < specs.size(); ++i) {
        for (size_t j = 0; j < i; ++j)
            if (specs[j].chain == specs[i].chain && specs[j].ticker == specs[i].ticker)
                throw ApiError(409, "conflict", "The batch names the same asset twice",
                               {{"chains[" + std::to_string(i) + "]", specs[i].ticker}});
        for (const auto &id : api.state().asset_order) {
            const Asset &a = api.state().assets.at(id);
            if (a.account_id == account_id && same_wallet(a, specs[i]))
                throw ApiError(409, "conflict", "This asset already exists in the account",
                               {{"asset_id", a.id}, {"ticker", a.ticker}});
        }
    }
    std::vector<const Asset *> made;
    for (const AssetSpec &spec : specs) {
        Asset &a = store_asset(api, ctx, spec, "ast_");
        a.account_id = account_id;
        made.push_back(&a);
    }
    ctx.resource_id = made.front()->id;
    return resource_response(201, "Assets created successfully", [&](JsonWriter &w) {
        w.StartArray();
        for (const Asset *a : made) write_asset(w, *a);
        w.EndArray();
    });
}

Response user_assets(Api &api, Ctx &ctx) {
    std::string id;
    Owner owner = read_owner(api, ctx, &id);
    return resource_response(200, "Assets Listed Successfully", [&](JsonWriter &w) {
        w.StartArray();
        for (const auto &aid : api.state().asset_order) {
            const Asset &a = api.state().assets.at(aid);
            if (a.user_id != ctx.who.user_id || a.archived || a.station) continue;
            if (owner == Owner::kUser ? !a.customer_id.empty() : a.customer_id != id) continue;
            write_asset(w, a);
        }
        w.EndArray();
    });
}

// Archived assets refuse sends (422 asset_archived) and leave get-user-assets unless it is asked
// for include_archived; balance/check still answers, and deposits still credit them.
Response archive_asset(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string asset_id = f.string("asset_id", true, 64);
    f.check();
    Asset &a = own_asset(api, ctx, asset_id, "asset_id");
    if (a.archived)
        throw ApiError(409, "conflict", "This asset is already archived", {{"asset_id", a.id}});
    a.archived = true;
    a.archived_at = ctx.now;
    a.updated_at = ctx.now;
    ctx.resource_id = a.id;
    return resource_response(200, "Asset archived successfully", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "asset_id", a.id);
        kv_str(w, "status", "archived");
        kv_str(w, "archived_at", iso8601_ms(a.archived_at));
        kv_str(w, "balance", a.balance.str());
        w.EndObject();
    });
}

void write_station(JsonWriter &w, const Asset &a) {
    w.StartObject();
    kv_str(w, "id", a.id);
    kv_str(w, "asset_id", a.id);
    kv_str(w, "chain", a.chain);
    kv_str(w, "ticker", a.ticker);
    kv_str(w, "address", a.wallet_address);
    kv_str(w, "wallet_address", a.wallet_address);
    kv_str(w, "balance", a.balance.str());
    kv_str(w, "status", "active");
    kv_str(w, "created_at", iso8601_ms(a.created_at));
    w.EndObject();
}

// {chain, ticker}: one gas-station wallet per chain, holding the chain's native token.
Response add_station(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string chain = f.string("chain", true, 32);
    std::string ticker = f.string("ticker", true, 32);
    AssetSpec spec = read_spec(f, chain, ticker, "chain", "ticker");
    if (spec.chain && !spec.symbol.empty() && !f.failed("ticker") &&
        !is_native_symbol(*spec.chain, spec.symbol))
        f.fail("ticker", "must be the chain's gas token (" + native_ticker(*spec.chain) + ")");
    f.check();
    for (const auto &id : api.state().asset_order) {
        const Asset &a = api.state().assets.at(id);
        if (a.user_id == ctx.who.user_id && a.station && a.chain == spec.chain->name)
            throw ApiError(409, "conflict", "A gas station exists for this chain",
                           {{"asset_id", a.id}, {"chain", a.chain}});
    }
    Asset &a = store_asset(api, ctx, spec, "station_");
    a.station = true;
    ctx.resource_id = a.id;
    return resource_response(201, "Gas station asset created successfully",
                             [&](JsonWriter &w) { write_station(w, a); });
}

Response list_stations(Api &api, Ctx &ctx) {
    return resource_response(200, "Gas station assets fetched successfully", [&](JsonWriter &w) {
        w.StartArray();
        for (const auto &id : api.state().asset_order) {
            const Asset &a = api.state().assets.at(id);
            if (a.user_id == ctx.who.user_id && a.station) write_station(w, a);
        }
        w.EndArray();
    });
}

// {customer_id, chain, ticker}: a wallet of one of the user's customers (no account).
Response add_customer_asset(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string customer_id = f.string("customer_id", true, 64);
    std::string chain = f.string("chain", true, 32);
    std::string ticker = f.string("ticker", true, 32);
    AssetSpec spec = read_spec(f, chain, ticker, "chain", "ticker");
    f.check();
    own_customer(api, ctx, customer_id, "customer_id");
    for (const auto &id : api.state().asset_order) {
        const Asset &a = api.state().assets.at(id);
        if (a.customer_id == customer_id && same_wallet(a, spec))
            throw ApiError(409, "conflict", "The customer already holds this asset",
                           {{"asset_id", a.id}});
    }
    Asset &a = store_asset(api, ctx, spec, "ast_");
    a.customer_id = customer_id;
    ctx.resource_id = a.id;
    return resource_response(201, "Customer asset created successfully",
                             [&](JsonWriter &w) { write_asset(w, a); });
}

// {customer_id?}: that customer's wallets, or every customer's.
Response customer_assets(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string customer_id = f.string("customer_id", false, 64);
    bool include_archived = f.boolean("include_archived").value_or(false);
    f.check();
    if (!customer_id.empty()) own_customer(api, ctx, customer_id, "customer_id");
    return resource_response(200, "Customer assets fetched successfully", [&](JsonWriter &w) {
        w.StartArray();
        for (const auto &id : api.state().asset_order) {
            const Asset &a = api.state().assets.at(id);
            if (a.user_id != ctx.who.user_id || a.customer_id.empty()) continue;
            if (!customer_id.empty() && a.customer_id != customer_id) continue;
            if (a.archived && !include_archived) continue;
            write_asset(w, a);
        }
        w.EndArray();
    });
}
}  // namespace

std::vector<Route> wallet_routes() {
    return {
        {"GET", "/assets/get-all-assets", Scope::kRead, false, all_assets},
        {"GET", "/assets/get-chains", Scope::kRead, false, chains_list},
        {"POST", "/assets/batch-add-asset", Scope::kWrite, true, batch_add},
        {"POST", "/assets/get-user-assets-by-id", Scope::kRead, false, user_assets},
        {"POST", "/assets/archive-asset", Scope::kWrite, true, archive_asset},
        {"POST", "/assets/add-station-asset", Scope::kWrite, true, add_station},
        {"POST", "/assets/get-station-assets", Scope::kRead, false, list_stations},
        {"POST", "/assets/add-customer-asset", Scope::kWrite, true, add_customer_asset},
        {"POST", "/assets/get-customer-assets", Scope::kRead, false, customer_assets},
    };
}

}  // namespace yvsb
