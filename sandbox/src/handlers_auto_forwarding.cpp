// Auto-forwarding rules (reference §9 "Auto-forwarding", the official SDK's auto_forwarding):
// list, get, create, update, delete. Writes need X-2FA-Token (reference §2.6). A rule names a
// wallet of the user, a destination valid on its chain, the share of each deposit to forward
// (0 < percentage <= 100, exact) and optional exact bounds (minimum <= maximum).
#include <algorithm>

#include "chains.hpp"
#include "crypto.hpp"
#include "ledger_common.hpp"
#include "modules.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

const char *const kModes[] = {"all_wallets", "specific_wallets"};

void write_rule(JsonWriter &w, const ForwardingRule &r) {
    w.StartObject();
    kv_str(w, "id", r.id);
    kv_str(w, "rule_id", r.id);
    kv_str(w, "asset_id", r.asset_id);
    kv_str(w, "chain", r.chain);
    kv_str(w, "destination_address", r.destination_address);
    kv_str(w, "percentage", r.percentage.str());
    kv_str(w, "monitoring_mode", r.monitoring_mode);
    kv_str_array(w, "monitored_accounts", r.monitored_accounts);
    if (r.has_minimum)
        kv_str(w, "minimum_amount", r.minimum_amount.str());
    else
        kv_null(w, "minimum_amount");
    if (r.has_maximum)
        kv_str(w, "maximum_amount", r.maximum_amount.str());
    else
        kv_null(w, "maximum_amount");
    kv_str_or_null(w, "description", r.description);
    kv_bool(w, "enabled", r.enabled);
    w.Key("settings");
    Json settings;
    if (r.settings_json.empty() || !parse_json(r.settings_json, settings, nullptr))
        w.Null();
    else
        write_json(w, settings);
    kv_str(w, "created_at", iso8601_ms(r.created_at));
    kv_str(w, "updated_at", iso8601_ms(r.updated_at));
    w.EndObject();
}

ForwardingRule &own_rule(Api &api, const Ctx &ctx) {
    auto &rules = api.state().ledger.rules;
    auto it = rules.find(ctx.params.at(0));
    if (it == rules.end() || it->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Auto-forwarding rule not found",
                       {{"rule_id", ctx.params.at(0)}});
    return it->second;
}

// Reads the fields present in the body into `r` (all of create's are required when `create`),
// then checks the rule as a whole. Throws before anything is stored.
void read_rule(Api &api, const Ctx &ctx, ForwardingRule &r, bool create) {
    FieldReader f(ctx.body);
    const Json &b = ctx.body;
    auto has = [&](const char *k) {
        const Json *v = b.find(k);
        return v && v->kind != Json::Kind::kNull;
    };
    std::string address = f.string("destination_address", create, 128);
    std::string chain_name = f.string("chain", create, 32);
    std::string asset_id = f.string("asset_id", create, 64);
    auto percentage = f.amount("percentage", create);
    std::string mode = f.string("monitoring_mode", create, 32);
    auto accounts = f.string_array("monitored_accounts", false, 100);
    auto minimum = f.amount("minimum_amount", false);
    auto maximum = f.amount("maximum_amount", false);
    std::string description = f.string("description", false, 500);
    auto enabled = f.boolean("enabled");
    std::string settings_json;
    if (has("settings")) {
        if (b.find("settings")->kind != Json::Kind::kObject) {
            f.fail("settings", "must be a JSON object");
        } else {
            rapidjson::StringBuffer sb;
            JsonWriter w(sb);
            write_json(w, *b.find("settings"));
            settings_json.assign(sb.GetString(), sb.GetSize());
            if (settings_json.size() > 16384) f.fail("settings", "must be at most 16 KiB");
        }
    }
    const Chain *chain = nullptr;
    if (!chain_name.empty() && !(chain = find_chain(chain_name)))
        f.fail("chain", "Unsupported chain identifier");
    if (percentage && *Decimal::parse("100", nullptr) < *percentage)
        f.fail("percentage", "must be more than 0 and at most 100");
    if (!mode.empty() && std::none_of(std::begin(kModes), std::end(kModes),
                                      [&](const char *m) { return mode == m; }))
        f.fail("monitoring_mode", "must be all_wallets or specific_wallets");
    f.check();

    if (!address.empty()) r.destination_address = address;
    if (chain) r.chain = chain->name;
    if (!asset_id.empty()) r.asset_id = asset_id;
    if (percentage) r.percentage = *percentage;
    if (!mode.empty()) r.monitoring_mode = mode;
    if (has("monitored_accounts")) r.monitored_accounts = accounts;
    if (minimum) r.has_minimum = true, r.minimum_amount = *minimum;
    if (maximum) r.has_maximum = true, r.maximum_amount = *maximum;
    if (has("description")) r.description = description;
    if (enabled) r.enabled = *enabled;
    if (has("settings")) r.settings_json = settings_json;

    // The rule as a whole: each check names the field the caller sent, or else the other one.
    const Chain *rule_chain = find_chain(r.chain);
    if (!r.destination_address.empty()) {
        std::string problem = address_problem(*rule_chain, r.destination_address);
        if (!problem.empty()) f.fail("destination_address", problem + " (chain " + r.chain + ")");
    }
    if (r.has_minimum && r.has_maximum && r.maximum_amount < r.minimum_amount)
        f.fail(maximum ? "maximum_amount" : "minimum_amount",
               "minimum_amount must not exceed maximum_amount");
    if (r.monitoring_mode == "specific_wallets" && r.monitored_accounts.empty())
        f.fail("monitored_accounts", "must name at least one account with specific_wallets");
    if (r.monitoring_mode == "all_wallets" && !r.monitored_accounts.empty())
        f.fail("monitored_accounts", "goes only with monitoring_mode specific_wallets");
    f.check();
    Asset &asset = own_asset(api, ctx, r.asset_id, "asset_id");
    if (asset.chain != r.chain)
        f.fail(chain ? "chain" : "asset_id",
               "the asset is on chain " + asset.chain + ", the rule on " + r.chain);
    if (asset.archived) f.fail("asset_id", "is archived");
    for (size_t i = 0; i < r.monitored_accounts.size(); ++i) {
        auto it = api.state().accounts.find(r.monitored_accounts[i]);
        if (it == api.state().accounts.end() || it->second.user_id != ctx.who.user_id)
            throw ApiError(
                404, "not_found", "Account not found",
                {{"monitored_accounts[" + std::to_string(i) + "]", r.monitored_accounts[i]}});
    }
    f.check();
}

// A decimal as its integer count of 10^-18 units, in decimal digits.
std::string units_of(const Decimal &d) {
    std::string s = d.str();
    size_t dot = s.find('.');
    std::string whole = dot == std::string::npos ? s : s.substr(0, dot);
    std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
    frac.resize(Decimal::kScale, '0');
    return whole + frac;
}

// percentage% of amount, exactly, rounded down to 10^-18 (schoolbook product of the digits).
Decimal percent_of(const Decimal &amount, const Decimal &percentage) {
    std::string a = units_of(amount), b = units_of(percentage);
    std::vector<int> prod(a.size() + b.size(), 0);
    for (size_t i = a.size(); i-- > 0;)
        for (size_t j = b.size(); j-- > 0;) {
            int sum = prod[i + j + 1] + (a[i] - '0') * (b[j] - '0');
            prod[i + j + 1] = sum % 10;
            prod[i + j] += sum / 10;
        }
    std::string digits;
    for (int d : prod) digits.push_back(static_cast<char>('0' + d));
    // digits count 10^-36 units; / 100 and back to 10^-18 units: drop the last 20 digits.
    digits = digits.size() > 20 ? digits.substr(0, digits.size() - 20) : "0";
    if (digits.size() < 19) digits.insert(0, 19 - digits.size(), '0');
    std::string whole = digits.substr(0, digits.size() - 18);
    std::string frac = digits.substr(digits.size() - 18);
    whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    return *Decimal::parse(frac.empty() ? whole : whole + "." + frac, nullptr);
}

Response list_rules(Api &api, Ctx &ctx) {
    return resource_response(200, "Auto-forwarding rules fetched successfully", [&](JsonWriter &w) {
        w.StartArray();
        for (const auto &id : api.state().ledger.rule_order) {
            const ForwardingRule &r = api.state().ledger.rules.at(id);
            if (r.user_id == ctx.who.user_id) write_rule(w, r);
        }
        w.EndArray();
    });
}

Response get_rule(Api &api, Ctx &ctx) {
    const ForwardingRule &r = own_rule(api, ctx);
    return resource_response(200, "Auto-forwarding rule fetched successfully",
                             [&](JsonWriter &w) { write_rule(w, r); });
}

Response create_rule(Api &api, Ctx &ctx) {
    ForwardingRule r;
    read_rule(api, ctx, r, true);
    api.require_2fa(ctx.req);
    r.id = "afr_" + random_hex(12);
    r.user_id = ctx.who.user_id;
    r.created_at = r.updated_at = ctx.now;
    auto &ledger = api.state().ledger;
    ledger.rule_order.push_back(r.id);
    ctx.resource_id = r.id;
    const ForwardingRule &stored = ledger.rules[r.id] = std::move(r);
    return resource_response(201, "Auto-forwarding rule created successfully",
                             [&](JsonWriter &w) { write_rule(w, stored); });
}

Response update_rule(Api &api, Ctx &ctx) {
    ForwardingRule &existing = own_rule(api, ctx);
    ForwardingRule r = existing;
    read_rule(api, ctx, r, false);
    api.require_2fa(ctx.req);
    r.updated_at = ctx.now;
    existing = std::move(r);
    ctx.resource_id = existing.id;
    return resource_response(200, "Auto-forwarding rule updated successfully",
                             [&](JsonWriter &w) { write_rule(w, existing); });
}

Response delete_rule(Api &api, Ctx &ctx) {
    ForwardingRule &r = own_rule(api, ctx);
    api.require_2fa(ctx.req);
    std::string id = r.id;
    auto &ledger = api.state().ledger;
    ledger.rules.erase(id);
    ledger.rule_order.erase(std::find(ledger.rule_order.begin(), ledger.rule_order.end(), id));
    ctx.resource_id = id;
    return resource_response(200, "Auto-forwarding rule deleted successfully", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "id", id);
        kv_bool(w, "deleted", true);
        w.EndObject();
    });
}

}  // namespace

// Each enabled rule of the asset (all_wallets, or specific_wallets naming the asset's account)
// whose minimum the deposit reaches sends percentage% of the deposit (capped at maximum_amount)
// to its destination as an `auto-forward` transfer: amount + fee debited like any send, pending
// like an S2 send. A rule the balance cannot cover (share + fee) is skipped for this deposit.
void forward_deposit(Api &api, Asset &asset, const Decimal &amount, SysTime now) {
    if (asset.archived) return;
    const Chain *chain = find_chain(asset.chain);
    if (!chain) return;
    Decimal fee = *Decimal::parse(chain->fee, nullptr);
    std::vector<std::string> order = api.state().ledger.rule_order;
    for (const auto &id : order) {
        const ForwardingRule &r = api.state().ledger.rules.at(id);
        if (!r.enabled || r.user_id != asset.user_id || r.asset_id != asset.id) continue;
        if (r.monitoring_mode == "specific_wallets" &&
            std::find(r.monitored_accounts.begin(), r.monitored_accounts.end(), asset.account_id) ==
                r.monitored_accounts.end())
            continue;
        if (r.has_minimum && amount < r.minimum_amount) continue;
        Decimal share = percent_of(amount, r.percentage);
        if (r.has_maximum && r.maximum_amount < share) share = r.maximum_amount;
        auto total = share.plus(fee);
        if (share.is_zero() || !total || asset.balance < *total) continue;
        Transaction t;
        t.receiving_address = r.destination_address;
        t.amount = share;
        t.priority = "medium";
        t.category = "auto-forward";
        t.description = "auto-forwarding rule " + r.id;
        record_transfer(api, asset, std::move(t), now);
    }
}

Module auto_forwarding_module() {
    Module m;
    m.routes = {
        {"GET", "/auto-forwarding", Scope::kRead, false, list_rules},
        {"POST", "/auto-forwarding", Scope::kWrite, true, create_rule},
        {"GET", "/auto-forwarding/{id}", Scope::kRead, false, get_rule},
        {"PUT", "/auto-forwarding/{id}", Scope::kWrite, true, update_rule},
        {"DELETE", "/auto-forwarding/{id}", Scope::kWrite, true, delete_rule},
    };
    return m;
}

}  // namespace yvsb
