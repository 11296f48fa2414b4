// Swaps and bridges (reference "Swap"): quotes with a rate, a fee and an expiry, execution that
// debits the source asset and credits the destination asset of the same user exactly, history.
// Arithmetic: fee = amount × fee_rate and to_amount = (amount − fee) × rate, each truncated to
// 18 decimals (never crediting more than the rate gives); the source is debited `amount`.
#include <algorithm>

#include "chains.hpp"
#include "crypto.hpp"
#include "identity.hpp"
#include "modules.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

// The emulated market: rate from → to in units of `to` per unit of `from`, and the fee rate
// charged in `from`. Same symbol on two chains is a bridge (rate 1).
struct Pair {
    const char *from, *to, *rate, *fee_rate;
};
// clang-format off
constexpr Pair kPairs[] = {
    {"USDC", "USDT", "0.999", "0.001"},    {"USDT", "USDC", "0.999", "0.001"},
    {"USDC", "ETH", "0.00033", "0.001"},   {"ETH", "USDC", "2995.5", "0.001"},
    {"USDT", "ETH", "0.00033", "0.001"},   {"ETH", "USDT", "2995.5", "0.001"},
    {"USDC", "SOL", "0.0066", "0.001"},    {"SOL", "USDC", "149.25", "0.001"},
    {"USDT", "SOL", "0.0066", "0.001"},    {"SOL", "USDT", "149.25", "0.001"},
    {"ETH", "SOL", "19.9", "0.002"},       {"SOL", "ETH", "0.0498", "0.002"},
    {"USDC", "USDC", "1", "0.0005"},       {"USDT", "USDT", "1", "0.0005"},
    {"ETH", "ETH", "1", "0.0005"},
};
// clang-format on

// Where each symbol can be held (canonical chain names).
struct Listing {
    const char *symbol;
    std::vector<const char *> chains;
};
const std::vector<Listing> &listings() {
    static const std::vector<Listing> kListings = {
        {"USDC", {"solana", "ethereum", "base", "polygon", "arbitrum", "optimism", "avalanche"}},
        {"USDT", {"solana", "ethereum", "tron", "bsc", "polygon"}},
        {"ETH", {"ethereum", "base", "arbitrum", "optimism"}},
        {"SOL", {"solana"}},
    };
    return kListings;
}

const std::vector<const char *> *chains_of(const std::string &symbol) {
    for (const Listing &l : listings())
        if (symbol == l.symbol) return &l.chains;
    return nullptr;
}

bool listed(const std::string &symbol, const std::string &chain) {
    const auto *chains = chains_of(symbol);
    return chains && std::find_if(chains->begin(), chains->end(),
                                  [&](const char *c) { return chain == c; }) != chains->end();
}

const char *code_of(const std::string &chain) {
    const Chain *c = find_chain(chain);
    return c ? c->code : "";
}

const Pair *find_pair(const std::string &from, const std::string &to) {
    for (const Pair &p : kPairs)
        if (from == p.from && to == p.to) return &p;
    return nullptr;
}

Decimal dec(const char *text) {
    return *Decimal::parse(text, nullptr);
}

// a × b truncated to 18 decimals (non-negative operands); nullopt when out of range.
std::optional<Decimal> mul_trunc(const Decimal &a, const Decimal &b) {
    auto split = [](const std::string &s, int *scale) {
        size_t dot = s.find('.');
        *scale = dot == std::string::npos ? 0 : static_cast<int>(s.size() - dot - 1);
        std::string digits = dot == std::string::npos ? s : s.substr(0, dot) + s.substr(dot + 1);
        return digits;
    };
    int sa = 0, sb = 0;
    std::string da = split(a.str(), &sa), db = split(b.str(), &sb);
    std::vector<int> prod(da.size() + db.size(), 0);
    for (size_t i = da.size(); i-- > 0;)
        for (size_t j = db.size(); j-- > 0;) {
            int sum = prod[i + j + 1] + (da[i] - '0') * (db[j] - '0');
            prod[i + j + 1] = sum % 10;
            prod[i + j] += sum / 10;
        }
    std::string p;
    for (int d : prod) p.push_back(static_cast<char>('0' + d));
    int scale = sa + sb;
    if (scale > Decimal::kScale) {
        p.resize(p.size() - static_cast<size_t>(scale - Decimal::kScale));
        scale = Decimal::kScale;
    }
    if (static_cast<int>(p.size()) <= scale)
        p.insert(0, static_cast<size_t>(scale) + 1 - p.size(), '0');
    std::string ip = p.substr(0, p.size() - static_cast<size_t>(scale));
    std::string fp = p.substr(p.size() - static_cast<size_t>(scale));
    size_t nz = ip.find_first_not_of('0');
    ip = nz == std::string::npos ? "0" : ip.substr(nz);
    std::string text = fp.empty() ? ip : ip + "." + fp;
    return Decimal::parse(text, nullptr);
}

std::string upper(std::string s) {
    for (char &c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// The caller's asset with this id, or nullptr.
Asset *own_asset(Api &api, const Ctx &ctx, const std::string &id) {
    auto it = api.state().assets.find(id);
    return it != api.state().assets.end() && it->second.user_id == ctx.who.user_id ? &it->second
                                                                                   : nullptr;
}

// The caller's asset holding `ticker` on `chain` (canonical name), or nullptr; 400 when several.
Asset *held(Api &api, const Ctx &ctx, const std::string &field, const std::string &ticker,
            const std::string &chain) {
    Asset *found = nullptr;
    for (const auto &id : api.state().asset_order) {
        Asset &a = api.state().assets.at(id);
        if (a.user_id != ctx.who.user_id || upper(a.ticker) != upper(ticker)) continue;
        if (!chain.empty() && a.chain != chain) continue;
        if (found)
            throw ApiError(400, "validation_error", "Request validation failed",
                           {{field, "names several of your assets; send the asset id"}});
        found = &a;
    }
    return found;
}

// A ticker's symbol and chain: the chain field's, else the ticker's suffix; "" + a problem.
bool ticker_chain(FieldReader &f, const std::string &field, const std::string &ticker,
                  const std::string &chain_field, const std::string &chain_in, std::string *symbol,
                  std::string *chain) {
    const Chain *suffix = nullptr;
    if (!split_ticker(ticker, symbol, &suffix)) {
        f.fail(field, "must be an asset id or a ticker like USDC_SOL");
        return false;
    }
    *symbol = upper(*symbol);
    const Chain *named = chain_in.empty() ? nullptr : find_chain(chain_in);
    if (!chain_in.empty() && !named) {
        f.fail(chain_field, "Unsupported chain identifier");
        return false;
    }
    if (named && suffix && named != suffix) {
        f.fail(chain_field, "does not match the ticker's chain");
        return false;
    }
    const Chain *c = named ? named : suffix;
    if (!c) {
        f.fail(chain_field, "is required for a ticker without a chain suffix");
        return false;
    }
    *chain = c->name;
    return true;
}

void write_quote(JsonWriter &w, const SwapQuote &q, SysTime t) {
    const Pair *pair = find_pair(q.from_symbol, q.to_symbol);
    w.StartObject();
    kv_str(w, "quote_id", q.id);
    kv_str(w, "quoteId", q.id);
    kv_str(w, "from_asset_id", q.from_asset_id);
    kv_str_or_null(w, "to_asset_id", q.to_asset_id);
    kv_str(w, "from_chain", code_of(q.from_chain));
    kv_str(w, "from_ticker", q.from_ticker);
    kv_str(w, "to_chain", code_of(q.to_chain));
    kv_str(w, "to_ticker", q.to_ticker);
    kv_str(w, "sourceAsset", q.from_ticker);
    kv_str(w, "destinationAsset", q.to_ticker);
    kv_str_or_null(w, "to_address", q.to_address);
    kv_str(w, "amount", q.amount.str());
    kv_str(w, "from_amount", q.amount.str());
    kv_str(w, "inputAmount", q.amount.str());
    kv_str(w, "rate", q.rate.str());
    kv_str(w, "exchangeRate", q.rate.str());
    w.Key("fee");
    w.StartObject();
    kv_str(w, "amount", q.fee.str());
    kv_str(w, "asset", q.from_symbol);
    kv_str(w, "rate", pair ? pair->fee_rate : "0");
    w.EndObject();
    kv_str(w, "to_amount", q.to_amount.str());
    kv_str(w, "estimatedOutput", q.to_amount.str());
    kv_int(w, "estimated_time_seconds", q.from_chain == q.to_chain ? 15 : 120);
    kv_str(w, "status", !q.swap_id.empty() ? "executed" : t >= q.expires_at ? "expired" : "open");
    kv_str(w, "expires_at", iso8601_ms(q.expires_at));
    kv_str(w, "expiresAt", iso8601_ms(q.expires_at));
    kv_int(w, "expires_in", std::max<long long>(0, unix_seconds(q.expires_at) - unix_seconds(t)));
    kv_str(w, "created_at", iso8601_ms(q.created_at));
    w.EndObject();
}

void write_swap(JsonWriter &w, const SwapRecord &s) {
    w.StartObject();
    kv_str(w, "swap_id", s.id);
    kv_str(w, "id", s.id);
    kv_str(w, "quote_id", s.quote_id);
    kv_str(w, "from_asset_id", s.from_asset_id);
    kv_str_or_null(w, "to_asset_id", s.to_asset_id);
    kv_str(w, "from_chain", s.from_chain);
    kv_str(w, "from_ticker", s.from_ticker);
    kv_str(w, "to_chain", s.to_chain);
    kv_str(w, "to_ticker", s.to_ticker);
    kv_str(w, "from_amount", s.from_amount.str());
    kv_str(w, "fee", s.fee.str());
    kv_str(w, "rate", s.rate.str());
    kv_str(w, "to_amount", s.to_amount.str());
    kv_str(w, "to_address", s.to_address);
    kv_str(w, "from_tx_hash", s.from_tx_hash);
    kv_str(w, "to_tx_hash", s.to_tx_hash);
    kv_str(w, "status", s.status);
    kv_str(w, "created_at", iso8601_ms(s.created_at));
    w.EndObject();
}

Response assets(Api &api, Ctx &ctx) {
    return resource_response(200, "Swappable assets", [&](JsonWriter &w) {
        w.StartObject();
        w.Key("assets");
        w.StartArray();
        for (const auto &id : api.state().asset_order) {
            const Asset &a = api.state().assets.at(id);
            if (a.user_id != ctx.who.user_id || !listed(upper(a.symbol), a.chain)) continue;
            std::vector<std::string> to;
            for (const Pair &p : kPairs)
                if (upper(a.symbol) == p.from) to.push_back(p.to);
            w.StartObject();
            kv_str(w, "asset_id", a.id);
            kv_str(w, "account_id", a.account_id);
            kv_str(w, "chain", code_of(a.chain));
            kv_str(w, "ticker", a.ticker);
            kv_str(w, "symbol", a.symbol);
            kv_str(w, "balance", a.balance.str());
            kv_str_array(w, "swappable_to", to);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    });
}

Response routes(Api &api, Ctx &) {
    return resource_response(200, "Swap routes", [&](JsonWriter &w) {
        w.StartObject();
        w.Key("sources");
        w.StartArray();
        for (const Listing &l : listings()) {
            w.StartObject();
            kv_str(w, "asset", l.symbol);
            kv_str_array(w, "chains", std::vector<std::string>(l.chains.begin(), l.chains.end()));
            w.Key("destinations");
            w.StartArray();
            for (const Pair &p : kPairs) {
                if (std::string(p.from) != l.symbol) continue;
                const auto *to_chains = chains_of(p.to);
                w.StartObject();
                kv_str(w, "asset", p.to);
                kv_str_array(w, "chains",
                             std::vector<std::string>(to_chains->begin(), to_chains->end()));
                kv_str(w, "rate", p.rate);
                kv_str(w, "fee_rate", p.fee_rate);
                w.EndObject();
            }
            w.EndArray();
            w.EndObject();
        }
        w.EndArray();
        // Every (chain, asset) -> (chain, asset) route, flat.
        w.Key("routes");
        w.StartArray();
        for (const Pair &p : kPairs)
            for (const char *fc : *chains_of(p.from))
                for (const char *tc : *chains_of(p.to)) {
                    if (std::string(p.from) == p.to && std::string(fc) == tc) continue;
                    w.StartObject();
                    kv_str(w, "from_chain", fc);
                    kv_str(w, "from_asset", p.from);
                    kv_str(w, "to_chain", tc);
                    kv_str(w, "to_asset", p.to);
                    kv_str(w, "rate", p.rate);
                    kv_str(w, "fee_rate", p.fee_rate);
                    kv_str(w, "kind", std::string(p.from) == p.to ? "bridge" : "swap");
                    w.EndObject();
                }
        w.EndArray();
        kv_str(w, "provider", "sandbox");
        kv_int(w, "quote_ttl_seconds", api.options().quote_ttl);
        w.EndObject();
    });
}

// The first of `names` present in the body, read as a string ("" when none).
std::string first_of(FieldReader &f, const Json &body, std::initializer_list<const char *> names,
                     std::string *used) {
    for (const char *n : names)
        if (const Json *v = body.find(n); v && v->kind != Json::Kind::kNull) {
            *used = n;
            return f.string(n, true, 64);
        }
    *used = *names.begin();
    return {};
}

// Body keys: the source as from_asset_id (or sourceAsset / source_asset / from_asset / from_ticker
// + from_chain: an asset id or a ticker of the caller's), the destination as to_asset_id (or
// destinationAsset / destination_asset / to_asset / to_ticker + to_chain: the caller's asset, or a
// ticker paid out to to_address), amount; from_address and to_address optional.
Response quote(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string from_field, to_field;
    std::string from = first_of(
        f, ctx.body, {"from_asset_id", "sourceAsset", "source_asset", "from_asset", "from_ticker"},
        &from_field);
    std::string to =
        first_of(f, ctx.body,
                 {"to_asset_id", "destinationAsset", "destination_asset", "to_asset", "to_ticker"},
                 &to_field);
    std::string from_chain_in = f.string("from_chain", false, 32);
    std::string to_chain_in = f.string("to_chain", false, 32);
    std::string from_address = f.string("from_address", false, 128);
    std::string to_address = f.string("to_address", false, 128);
    if (from.empty() && !f.failed(from_field))
        f.fail("from_asset_id", "is required (from_asset_id, sourceAsset or from_ticker)");
    if (to.empty() && !f.failed(to_field))
        f.fail("to_asset_id", "is required (to_asset_id, destinationAsset or to_ticker)");
    auto amount = f.amount("amount", true);

    // The source: always one of the caller's assets.
    Asset *src = from.empty() ? nullptr : own_asset(api, ctx, from);
    std::string symbol, chain;
    if (!src && !from.empty() &&
        ticker_chain(f, from_field, from, "from_chain", from_chain_in, &symbol, &chain)) {
        src = held(api, ctx, from_field, from, chain);
        if (!src) f.fail(from_field, "you hold no " + upper(from) + " asset on " + chain);
    }
    // The destination: the caller's asset when it holds one, else a payout to to_address.
    Asset *dst = to.empty() ? nullptr : own_asset(api, ctx, to);
    std::string to_symbol, to_chain, to_ticker;
    if (dst) {
        to_symbol = upper(dst->symbol);
        to_chain = dst->chain;
        to_ticker = dst->ticker;
    } else if (!to.empty() &&
               ticker_chain(f, to_field, to, "to_chain", to_chain_in, &to_symbol, &to_chain)) {
        to_ticker = upper(to);
        dst = held(api, ctx, to_field, to, to_chain);
    }
    const Chain *tc = to_chain.empty() ? nullptr : find_chain(to_chain);
    if (tc && !to_address.empty() && !address_problem(*tc, to_address).empty())
        f.fail("to_address", address_problem(*tc, to_address));
    if (src && !from_address.empty() &&
        !address_problem(*find_chain(src->chain), from_address).empty())
        f.fail("from_address", address_problem(*find_chain(src->chain), from_address));
    f.check();
    if (src == dst)
        throw ApiError(400, "validation_error", "Request validation failed",
                       {{to_field, "must differ from the source asset"}});
    const Pair *pair = find_pair(upper(src->symbol), to_symbol);
    if (!pair || !listed(upper(src->symbol), src->chain) || !listed(to_symbol, to_chain))
        throw ApiError(422, "unsupported_route",
                       "No swap route from " + src->ticker + " on " + src->chain + " to " +
                           to_ticker + " on " + to_chain,
                       {{"from", src->ticker}, {"to", to_ticker}});
    SwapQuote q;
    q.id = "quote_" + random_hex(12);
    q.user_id = ctx.who.user_id;
    q.from_asset_id = src->id;
    q.from_chain = src->chain;
    q.from_ticker = src->ticker;
    q.from_symbol = upper(src->symbol);
    q.to_asset_id = dst ? dst->id : "";
    q.to_chain = to_chain;
    q.to_ticker = to_ticker;
    q.to_symbol = to_symbol;
    q.to_address = to_address;
    q.amount = *amount;
    q.rate = dec(pair->rate);
    auto fee = mul_trunc(*amount, dec(pair->fee_rate));
    auto net = fee ? amount->minus(*fee) : std::nullopt;
    auto out = net ? mul_trunc(*net, q.rate) : std::nullopt;
    if (!out)
        throw ApiError(400, "validation_error", "Request validation failed",
                       {{"amount", "is too large for the emulator's range"}});
    if (out->is_zero())
        throw ApiError(422, "amount_too_small", "The amount is too small to swap",
                       {{"amount", amount->str()}});
    q.fee = *fee;
    q.to_amount = *out;
    q.created_at = ctx.now;
    q.expires_at = ctx.now + std::chrono::seconds(api.options().quote_ttl);
    ctx.resource_id = q.id;
    const SwapQuote &stored = api.state().identity.quotes[q.id] = q;
    return resource_response(201, "Quote created",
                             [&](JsonWriter &w) { write_quote(w, stored, ctx.now); });
}

Response execute(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string id_field =
        ctx.body.find("quoteId") && !ctx.body.find("quote_id") ? "quoteId" : "quote_id";
    std::string quote_id = f.string(id_field.c_str(), true, 64);
    std::string from_asset = f.string("from_asset_id", false, 64);
    std::string to_address = f.string("to_address", false, 128);
    f.check();
    auto &quotes = api.state().identity.quotes;
    auto it = quotes.find(quote_id);
    if (it == quotes.end() || it->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Quote not found", {{id_field, quote_id}});
    SwapQuote &q = it->second;
    if (!from_asset.empty() && from_asset != q.from_asset_id)
        throw ApiError(400, "validation_error", "Request validation failed",
                       {{"from_asset_id", "is not the source asset of the quote"}});
    const Chain *sc = find_chain(q.from_chain);
    const Chain *dc = find_chain(q.to_chain);
    if (!to_address.empty() && !address_problem(*dc, to_address).empty())
        throw ApiError(400, "validation_error", "Request validation failed",
                       {{"to_address", address_problem(*dc, to_address)}});
    if (to_address.empty()) to_address = q.to_address;
    Asset *src = own_asset(api, ctx, q.from_asset_id);
    if (!src) throw ApiError(404, "not_found", "The source asset of the quote no longer exists");
    // Credited: the quoted destination asset unless the payout goes elsewhere, or the caller's
    // asset of that ticker whose wallet is to_address.
    Asset *dst = q.to_asset_id.empty() ? nullptr : own_asset(api, ctx, q.to_asset_id);
    if (dst && !to_address.empty() && to_address != dst->wallet_address) dst = nullptr;
    if (!dst && !to_address.empty())
        for (const auto &id : api.state().asset_order) {
            Asset &a = api.state().assets.at(id);
            if (a.user_id == ctx.who.user_id && a.chain == q.to_chain &&
                upper(a.ticker) == upper(q.to_ticker) && a.wallet_address == to_address)
                dst = &a;
        }
    if (!dst && to_address.empty())
        throw ApiError(400, "validation_error", "Request validation failed",
                       {{"to_address", "is required: you hold no " + q.to_ticker + " asset"}});
    require_user_2fa(api, ctx);
    if (!q.swap_id.empty())
        throw ApiError(409, "conflict", "This quote was executed already",
                       {{"swap_id", q.swap_id}, {"quote_id", q.id}});
    if (ctx.now >= q.expires_at)
        throw ApiError(422, "quote_expired", "The quote has expired; request a new one",
                       {{"expires_at", iso8601_ms(q.expires_at)}});
    if (src->balance < q.amount)
        throw ApiError(422, "insufficient_balance", "Insufficient balance for this swap",
                       {{"available_balance", src->balance.str()},
                        {"requested_amount", q.amount.str()},
                        {"ticker", src->ticker}});
    std::optional<Decimal> credited;
    if (dst) {
        credited = dst->balance.plus(q.to_amount);
        if (!credited)
            throw ApiError(422, "balance_overflow",
                           "The destination balance would leave the emulator's range");
    }
    src->balance = *src->balance.minus(q.amount);
    src->updated_at = ctx.now;
    if (dst) {
        dst->balance = *credited;
        dst->updated_at = ctx.now;
    }

    SwapRecord s;
    s.id = "swap_" + random_hex(12);
    s.user_id = ctx.who.user_id;
    s.quote_id = q.id;
    s.from_asset_id = src->id;
    s.to_asset_id = dst ? dst->id : "";
    s.from_chain = sc->code;
    s.from_ticker = q.from_ticker;
    s.to_chain = dc->code;
    s.to_ticker = q.to_ticker;
    s.from_amount = q.amount;
    s.fee = q.fee;
    s.rate = q.rate;
    s.to_amount = q.to_amount;
    s.to_address = dst ? dst->wallet_address : to_address;
    s.from_tx_hash = generate_tx_hash(*sc);
    s.to_tx_hash = generate_tx_hash(*dc);
    s.status = "completed";
    s.created_at = ctx.now;
    q.swap_id = s.id;
    ctx.resource_id = s.id;
    api.state().identity.swaps.push_back(s);

    rapidjson::StringBuffer ev;
    {
        JsonWriter w(ev);
        w.StartObject();
        kv_str(w, "swap_id", s.id);
        kv_str(w, "from_chain", s.from_chain);
        kv_str(w, "from_ticker", s.from_ticker);
        kv_str(w, "from_amount", s.from_amount.str());
        kv_str(w, "to_chain", s.to_chain);
        kv_str(w, "to_ticker", s.to_ticker);
        kv_str(w, "to_amount", s.to_amount.str());
        kv_str(w, "to_address", s.to_address);
        kv_str(w, "source_tx_hash", s.from_tx_hash);
        kv_str(w, "destination_tx_hash", s.to_tx_hash);
        w.EndObject();
    }
    api.emit_event(ctx.who.user_id, "swap.completed", std::string(ev.GetString(), ev.GetSize()));
    return resource_response(200, "Swap executed successfully", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "swap_id", s.id);
        kv_str(w, "quote_id", s.quote_id);
        kv_str(w, "from_asset_id", s.from_asset_id);
        kv_str_or_null(w, "to_asset_id", s.to_asset_id);
        kv_str(w, "from_chain", s.from_chain);
        kv_str(w, "from_ticker", s.from_ticker);
        kv_str(w, "to_chain", s.to_chain);
        kv_str(w, "to_ticker", s.to_ticker);
        kv_str(w, "from_amount", s.from_amount.str());
        kv_str(w, "fee", s.fee.str());
        kv_str(w, "rate", s.rate.str());
        kv_str(w, "to_amount", s.to_amount.str());
        kv_str(w, "to_address", s.to_address);
        kv_str(w, "from_tx_hash", s.from_tx_hash);
        kv_str(w, "to_tx_hash", s.to_tx_hash);
        kv_str(w, "status", s.status);
        kv_str(w, "from_balance_after", src->balance.str());
        if (dst)
            kv_str(w, "to_balance_after", dst->balance.str());
        else
            kv_null(w, "to_balance_after");
        kv_str(w, "created_at", iso8601_ms(s.created_at));
        w.EndObject();
    });
}

// An integer query parameter in [lo, hi], recorded as a problem otherwise.
std::optional<long long> int_param(const Ctx &ctx, const char *name, long long lo, long long hi,
                                   FieldReader &f) {
    auto v = query_param(ctx.req.target, name);
    if (!v) return std::nullopt;
    if (v->empty() || v->size() > 9 || v->find_first_not_of("0123456789") != std::string::npos ||
        std::stoll(*v) < lo || std::stoll(*v) > hi) {
        f.fail(name, "must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
        return std::nullopt;
    }
    return std::stoll(*v);
}

Response history(Api &api, Ctx &ctx) {
    Json none;
    FieldReader f(none);
    long long limit = int_param(ctx, "limit", 1, 100, f).value_or(20);
    long long offset = int_param(ctx, "offset", 0, 100000000, f).value_or(0);
    if (auto page = int_param(ctx, "page", 1, 1000000, f)) offset = (*page - 1) * limit;
    std::string status = query_param(ctx.req.target, "status").value_or("");
    if (!status.empty() && status != "completed" && status != "pending" && status != "failed")
        f.fail("status", "must be completed, pending or failed");
    f.check();
    std::vector<const SwapRecord *> mine;
    const auto &swaps = api.state().identity.swaps;
    for (auto it = swaps.rbegin(); it != swaps.rend(); ++it)  // newest first
        if (it->user_id == ctx.who.user_id && (status.empty() || it->status == status))
            mine.push_back(&*it);
    return resource_response(200, "Swap history", [&](JsonWriter &w) {
        w.StartObject();
        w.Key("swaps");
        w.StartArray();
        for (size_t i = static_cast<size_t>(offset);
             i < mine.size() && i < static_cast<size_t>(offset + limit); ++i)
            write_swap(w, *mine[i]);
        w.EndArray();
        kv_int(w, "total", static_cast<long long>(mine.size()));
        kv_int(w, "limit", limit);
        kv_int(w, "offset", offset);
        w.EndObject();
    });
}

void swap_tick(Api &api, SysTime t) {
    auto &quotes = api.state().identity.quotes;
    for (auto it = quotes.begin(); it != quotes.end();)
        it = it->second.swap_id.empty() && t - it->second.expires_at > std::chrono::hours(1)
                 ? quotes.erase(it)
                 : std::next(it);
}

}  // namespace

Module swap_module() {
    Module m;
    m.routes = {
        {"GET", "/swap/assets", Scope::kRead, false, assets},
        {"GET", "/swap/routes", Scope::kRead, false, routes},
        {"POST", "/swap/quote", Scope::kWrite, false, quote},
        {"POST", "/swap/execute", Scope::kTransactions, true, execute},
        {"GET", "/swap/history", Scope::kRead, false, history},
    };
    m.tick = swap_tick;
    return m;
}

}  // namespace yvsb
