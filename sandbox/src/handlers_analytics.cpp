// Analytics (reference §9 "Analytics"), computed from the caller's own state: transfers counted
// by status, volumes per chain and ticker as exact decimals, a per-period series, and the
// dashboard's counts and monthly chart.
#include <cctype>
#include <map>
#include <regex>

#include "chains.hpp"
#include "ledger_common.hpp"
#include "modules.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

const char *const kStatusOrder[] = {"pending",   "processing", "confirmed",
                                    "completed", "failed",     "cancelled"};

void add_to(Decimal &sum, const Decimal &x) {
    auto r = sum.plus(x);
    if (!r) throw ApiError(422, "out_of_range", "A total exceeds the emulator's decimal range", {});
    sum = *r;
}

// Moved value: a transfer that was cancelled or failed moved nothing.
bool counts_in_volume(const Transaction &t) {
    return t.status != "cancelled" && t.status != "failed";
}

// ?from= and ?to= as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS(.sss)Z; a date-only `to` takes the whole
// day. A transaction is in the window when its ISO time, cut to the bound's length, lies inside.
struct Window {
    std::string from, to;
    bool contains(const Transaction &t) const {
        std::string at = iso8601_ms(t.created_at);
        if (!from.empty() && at.substr(0, from.size()) < from) return false;
        if (!to.empty() && at.substr(0, to.size()) > to) return false;
        return true;
    }
};

Window read_window(const Ctx &ctx, StringFields *problems) {
    static const std::regex kTime(
        R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z)?)");
    Window win;
    win.from = query_param(ctx.req, "from");
    win.to = query_param(ctx.req, "to");
    auto norm = [](std::string &s) {
        // 2026-12-04T10:00:00Z and 2026-12-04T10:00:00.5Z compare as iso8601_ms writes them.
        if (s.size() > 10 && s.back() == 'Z') {
            s.pop_back();
            if (s.size() == 19) s += ".000";
            while (s.size() < 23) s += '0';
            s += 'Z';
        }
    };
    if (!win.from.empty() && !std::regex_match(win.from, kTime))
        problems->emplace_back("from", "must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
    if (!win.to.empty() && !std::regex_match(win.to, kTime))
        problems->emplace_back("to", "must be YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
    norm(win.from);
    norm(win.to);
    if (problems->empty() && !win.from.empty() && !win.to.empty() &&
        win.to < win.from.substr(0, win.to.size()))
        problems->emplace_back("to", "must not be before from");
    return win;
}

struct Volume {
    long long count = 0;
    Decimal amount, fees;
};

void write_window(JsonWriter &w, const Window &win) {
    w.Key("period");
    w.StartObject();
    kv_str_or_null(w, "from", win.from);
    kv_str_or_null(w, "to", win.to);
    w.EndObject();
}

// ?from&to&granularity=day|month&asset=<ticker or symbol>&network=<chain>
Response transaction_analytics(Api &api, Ctx &ctx) {
    StringFields problems;
    Window win = read_window(ctx, &problems);
    std::string granularity = query_param(ctx.req, "granularity");
    if (granularity.empty()) granularity = "day";
    if (granularity != "day" && granularity != "month")
        problems.emplace_back("granularity", "must be day or month");
    std::string asset = query_param(ctx.req, "asset");
    if (asset.size() > 32 ||
        asset.find_first_not_of(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
        problems.emplace_back("asset", "must be a ticker (USDC_SOL) or a symbol (USDC)");
    std::string network = query_param(ctx.req, "network");
    const Chain *chain = nullptr;
    if (!network.empty() && !(chain = find_chain(network)))
        problems.emplace_back("network", "Unsupported chain identifier");
    if (!problems.empty()) throw ApiError(400, "validation_error", "Validation failed", problems);
    auto upper = [](std::string s) {
        for (char &c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return s;
    };
    std::map<std::string, long long> by_status;
    std::map<std::pair<std::string, std::string>, Volume> volumes;  // (chain, ticker)
    std::map<std::string, std::map<std::string, Volume>> series;    // period -> ticker
    long long total = 0;
    Decimal total_amount, total_fees;
    for (const Transaction &t : api.state().transactions) {
        if (t.user_id != ctx.who.user_id || !win.contains(t)) continue;
        if (chain && t.chain != chain->name) continue;
        if (!asset.empty() && upper(asset) != upper(t.ticker) && upper(asset) != upper(t.symbol))
            continue;
        ++total;
        ++by_status[t.status];
        std::string period = iso8601_ms(t.created_at).substr(0, granularity == "day" ? 10 : 7);
        Volume &p = series[period][t.ticker];
        ++p.count;
        if (!counts_in_volume(t)) continue;
        add_to(total_amount, t.amount);
        add_to(total_fees, t.fee);
        Volume &v = volumes[{t.chain, t.ticker}];
        ++v.count;
        add_to(v.amount, t.amount);
        add_to(v.fees, t.fee);
        add_to(p.amount, t.amount);
        add_to(p.fees, t.fee);
    }
    return resource_response(200, "Transaction analytics fetched successfully", [&](JsonWriter &w) {
        w.StartObject();
        write_window(w, win);
        kv_str(w, "granularity", granularity);
        kv_int(w, "total_transactions", total);
        // Token units summed across tickers (as the dashboard's documented totalAmount);
        // `volumes` splits them per chain and ticker.
        kv_str(w, "total_amount", total_amount.str());
        kv_str(w, "total_fees", total_fees.str());
        w.Key("by_status");
        w.StartObject();
        for (const char *s : kStatusOrder) kv_int(w, s, by_status[s]);
        w.EndObject();
        w.Key("volumes");
        w.StartArray();
        for (const auto &v : volumes) {
            w.StartObject();
            kv_str(w, "chain", v.first.first);
            kv_str(w, "ticker", v.first.second);
            kv_int(w, "count", v.second.count);
            kv_str(w, "amount", v.second.amount.str());
            kv_str(w, "fees", v.second.fees.str());
            w.EndObject();
        }
        w.EndArray();
        w.Key("series");
        w.StartArray();
        for (const auto &p : series) {
            w.StartObject();
            kv_str(w, "period", p.first);
            long long count = 0;
            for (const auto &t : p.second) count += t.second.count;
            kv_int(w, "count", count);
            w.Key("tickers");
            w.StartArray();
            for (const auto &t : p.second) {
                w.StartObject();
                kv_str(w, "ticker", t.first);
                kv_int(w, "count", t.second.count);
                kv_str(w, "amount", t.second.amount.str());
                kv_str(w, "fees", t.second.fees.str());
                w.EndObject();
            }
            w.EndArray();
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    });
}

// ?from&to: counts of what the user holds, balances per ticker, and chartTransactions (per
// month: count, and totalAmount = the sum of the month's amounts across tickers, as the docs
// show it; byTicker splits it, since token units of different tickers do not add up to value).
Response dashboard_analytics(Api &api, Ctx &ctx) {
    StringFields problems;
    Window win = read_window(ctx, &problems);
    if (!problems.empty()) throw ApiError(400, "validation_error", "Validation failed", problems);
    const State &s = api.state();
    const std::string &me = ctx.who.user_id;
    long long accounts = 0, assets = 0, archived = 0, stations = 0, customer_assets = 0,
              customers = 0, rules = 0, webhooks = 0;
    for (const auto &a : s.accounts) accounts += a.second.user_id == me;
    std::map<std::pair<std::string, std::string>, Decimal> balances;
    for (const auto &kv : s.assets) {
        const Asset &a = kv.second;
        if (a.user_id != me) continue;
        if (a.archived)
            ++archived;
        else if (a.station)
            ++stations;
        else if (!a.customer_id.empty())
            ++customer_assets;
        else
            ++assets;
        if (!a.archived && !a.station && a.customer_id.empty())
            add_to(balances[{a.chain, a.ticker}], a.balance);
    }
    for (const auto &c : s.customers) customers += c.second.user_id == me;
    for (const auto &r : s.ledger.rules) rules += r.second.user_id == me;
    for (const auto &h : s.webhooks) webhooks += h.second.user_id == me;
    long long total = 0, pending = 0;
    std::map<std::string, Volume> months;
    std::map<std::string, std::map<std::string, Decimal>> month_tickers;
    for (const Transaction &t : s.transactions) {
        if (t.user_id != me || !win.contains(t)) continue;
        ++total;
        pending += t.status == "pending";
        std::string month = iso8601_ms(t.created_at).substr(0, 7);
        Volume &m = months[month];
        ++m.count;
        if (!counts_in_volume(t)) continue;
        add_to(m.amount, t.amount);
        add_to(month_tickers[month][t.ticker], t.amount);
    }
    return resource_response(200, "Dashboard analytics fetched successfully", [&](JsonWriter &w) {
        w.StartObject();
        write_window(w, win);
        kv_int(w, "accounts", accounts);
        kv_int(w, "assets", assets);
        kv_int(w, "archived_assets", archived);
        kv_int(w, "station_assets", stations);
        kv_int(w, "customer_assets", customer_assets);
        kv_int(w, "customers", customers);
        kv_int(w, "auto_forwarding_rules", rules);
        kv_int(w, "webhooks", webhooks);
        kv_int(w, "total_transactions", total);
        kv_int(w, "pending_transactions", pending);
        w.Key("balances");
        w.StartArray();
        for (const auto &b : balances) {
            w.StartObject();
            kv_str(w, "chain", b.first.first);
            kv_str(w, "ticker", b.first.second);
            kv_str(w, "balance", b.second.str());
            w.EndObject();
        }
        w.EndArray();
        w.Key("chartTransactions");
        w.StartArray();
        for (const auto &m : months) {
            w.StartObject();
            kv_str(w, "month", m.first);
            kv_int(w, "count", m.second.count);
            kv_str(w, "totalAmount", m.second.amount.str());
            w.Key("byTicker");
            w.StartArray();
            for (const auto &t : month_tickers[m.first]) {
                w.StartObject();
                kv_str(w, "ticker", t.first);
                kv_str(w, "amount", t.second.str());
                w.EndObject();
            }
            w.EndArray();
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    });
}

}  // namespace

Module analytics_module() {
    Module m;
    m.routes = {
        {"GET", "/analytics/transaction-analytics", Scope::kRead, false, transaction_analytics},
        {"GET", "/analytics/dashboard-analytics", Scope::kRead, false, dashboard_analytics},
    };
    return m;
}

}  // namespace yvsb
