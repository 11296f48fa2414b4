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

// The caller's asset named by an id or a ticker ("USDC_SOL", with `chain` to narrow it).
Asset *resolve_asset(Api &api, const Ctx &ctx, const std::string &field, const std::string &value,
                     const std::string &chain) {
    auto &st = api.state();
    auto it = st.assets.find(value);
    if (it != st.assets.end() && it->second.user_id == ctx.who.user_id) return &it->second;
    const Chain *want_chain = chain.empty() ? nullptr : find_chain(chain);
    Asset *found = nullptr;
    for (const auto &id : st.asset_order) {
        Asset &a = st.assets.at(id);
        if (a.user_id != ctx.who.user_id || upper(a.ticker) != upper(value)) continue;
        if (want_chain && a.chain != want_chain->name) continue;
        if (found)
            throw ApiError(400, "validation_error", "Request validation failed",
                           {{field, "names several of your assets; send the asset id"}});
        found = &a;
    }
    if (!found) throw ApiError(404, "not_found", "Asset not found", {{field, value}});
    return found;
}

void write_quote(JsonWriter &w, Api &api, const SwapQuote &q, SysTime t) {
    const Asset &from = api.state().assets.at(q.from_asset_id);
    const Asset &to = api.state().assets.at(q.to_asset_id);
    const Chain *fc = find_chain(from.chain);
    const Chain *tc = find_chain(to.chain);
    w.StartObject();
    kv_str(w, "quote_id", q.id);
    kv_str(w, "quoteId", q.id);
    kv_str(w, "from_asset_id", from.id);
    kv_str(w, "to_asset_id", to.id);
    kv_str(w, "from_chain", fc ? fc->code : from.chain);
    kv_str(w, "from_ticker", from.ticker);
    kv_str(w, "to_chain", tc ? tc->code : to.chain);
    kv_str(w, "to_ticker", to.ticker);
    kv_str(w, "sourceAsset", from.ticker);
    kv_str(w, "destinationAsset", to.ticker);
    kv_str(w, "amount", q.amount.str());
    kv_str(w, "from_amount", q.amount.str());
    kv_str(w, "inputAmount", q.amount.str());
    kv_str(w, "rate", q.rate.str());
    kv_str(w, "exchangeRate", q.rate.str());
    w.Key("fee");
    w.StartObject();
    kv_str(w, "amount", q.fee.str());
    kv_str(w, "asset", from.symbol);
    kv_str(w, "rate", find_pair(from.symbol, to.symbol)->fee_rate);
    w.EndObject();
    kv_str(w, "to_amount", q.to_amount.str());
    kv_str(w, "estimatedOutput", q.to_amount.str());
    kv_int(w, "estimated_time_seconds", from.chain == to.chain ? 15 : 120);
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
    kv_str(w, "to_asset_id", s.to_asset_id);
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
            if (a.user_id != ctx.who.user_id) continue;
            std::vector<std::string> to;
            for (const Pair &p : kPairs)
                if (a.symbol == p.from) to.push_back(p.to);
            if (to.empty()) continue;
            const Chain *c = find_chain(a.chain);
            w.StartObject();
            kv_str(w, "asset_id", a.id);
            kv_str(w, "account_id", a.account_id);
            kv_str(w, "chain", c ? c->code : a.chain);
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
        std::vector<std::string> seen;
        for (const Pair &s : kPairs) {
            if (std::find(seen.begin(), seen.end(), s.from) != seen.end()) continue;
            seen.push_back(s.from);
            w.StartObject();
            kv_str(w, "asset", s.from);
            w.Key("destinations");
            w.StartArray();
            for (const Pair &p : kPairs) {
                if (std::string(p.from) != s.from) continue;
                w.StartObject();
                kv_str(w, "asset", p.to);
                kv_str(w, "rate", p.rate);
                kv_str(w, "fee_rate", p.fee_rate);
                kv_str(w, "kind", std::string(p.from) == p.to ? "bridge" : "swap");
                w.EndObject();
            }
            w.EndArray();
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
    std::string from_chain = f.string("from_chain", false, 32);
    std::string to_chain = f.string("to_chain", false, 32);
    if (!from_chain.empty() && !find_chain(from_chain)) f.fail("from_chain", "Unsupported chain");
    if (!to_chain.empty() && !find_chain(to_chain)) f.fail("to_chain", "Unsupported chain");
    if (from.empty() && !f.failed(from_field))
        f.fail("from_asset_id", "is required (from_asset_id, sourceAsset or from_ticker)");
    if (to.empty() && !f.failed(to_field))
        f.fail("to_asset_id", "is required (to_asset_id, destinationAsset or to_ticker)");
    auto amount = f.amount("amount", true);
    f.check();
    Asset *src = resolve_asset(api, ctx, from_field, from, from_chain);
    Asset *dst = resolve_asset(api, ctx, to_field, to, to_chain);
    if (src == dst)
        throw ApiError(400, "validation_error", "Request validation failed",
                       {{to_field, "must differ from the source asset"}});
    const Pair *pair = find_pair(src->symbol, dst->symbol);
    if (!pair)
        throw ApiError(422, "unsupported_route",
                       "No swap route from " + src->symbol + " to " + dst->symbol,
                       {{"from", src->ticker}, {"to", dst->ticker}});
    SwapQuote q;
    q.id = "quote_" + random_hex(12);
    q.user_id = ctx.who.user_id;
    q.from_asset_id = src->id;
    q.to_asset_id = dst->id;
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
                             [&](JsonWriter &w) { write_quote(w, api, stored, ctx.now); });
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
    auto src_it = api.state().assets.find(q.from_asset_id);
    auto dst_it = api.state().assets.find(q.to_asset_id);
    if (src_it == api.state().assets.end() || dst_it == api.state().assets.end())
        throw ApiError(404, "not_found", "An asset of the quote no longer exists");
    Asset &src = src_it->second;
    Asset &dst = dst_it->second;
    const Chain *dc = find_chain(dst.chain);
    if (!to_address.empty() && dc && !address_problem(*dc, to_address).empty())
        throw ApiError(400, "validation_error", "Request validation failed",
                       {{"to_address", address_problem(*dc, to_address)}});
    require_user_2fa(api, ctx);
    if (!q.swap_id.empty())
        throw ApiError(409, "quote_already_executed", "This quote was executed already",
                       {{"swap_id", q.swap_id}});
    if (ctx.now >= q.expires_at)
        throw ApiError(422, "quote_expired", "The quote has expired; request a new one",
                       {{"expires_at", iso8601_ms(q.expires_at)}});
    if (src.balance < q.amount)
        throw ApiError(422, "insufficient_balance", "Insufficient balance for this swap",
                       {{"available_balance", src.balance.str()},
                        {"requested_amount", q.amount.str()},
                        {"ticker", src.ticker}});
    auto credited = dst.balance.plus(q.to_amount);
    if (!credited)
        throw ApiError(422, "balance_overflow", "The destination balance would leave the range");
    src.balance = *src.balance.minus(q.amount);
    src.updated_at = ctx.now;
    dst.balance = *credited;
    dst.updated_at = ctx.now;

    const Chain *sc = find_chain(src.chain);
    SwapRecord s;
    s.id = "swap_" + random_hex(12);
    s.user_id = ctx.who.user_id;
    s.quote_id = q.id;
    s.from_asset_id = src.id;
    s.to_asset_id = dst.id;
    s.from_chain = sc ? sc->code : src.chain;
    s.from_ticker = src.ticker;
    s.to_chain = dc ? dc->code : dst.chain;
    s.to_ticker = dst.ticker;
    s.from_amount = q.amount;
    s.fee = q.fee;
    s.rate = q.rate;
    s.to_amount = q.to_amount;
    s.to_address = to_address.empty() ? dst.wallet_address : to_address;
    s.from_tx_hash = sc ? generate_tx_hash(*sc) : random_hex(32);
    s.to_tx_hash = dc ? generate_tx_hash(*dc) : random_hex(32);
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
        kv_str(w, "to_asset_id", s.to_asset_id);
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
        kv_str(w, "from_balance_after", src.balance.str());
        kv_str(w, "to_balance_after", dst.balance.str());
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
