// Customers of the user (reference §9 "Customers"): create, list, and the transactions of their
// wallets. Customer wallets themselves are assets (add-customer-asset, handlers_ledger.cpp).
#include <algorithm>
#include <cctype>

#include "crypto.hpp"
#include "ledger_common.hpp"
#include "modules.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

std::string lower(std::string s) {
    for (char &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// local@domain.tld, no spaces, one @, a dot in the domain with text on both sides.
bool plausible_email(const std::string &e) {
    size_t at = e.find('@');
    if (at == std::string::npos || at == 0 || e.find('@', at + 1) != std::string::npos)
        return false;
    if (e.find_first_of(" \t\r\n<>,;\"") != std::string::npos) return false;
    std::string domain = e.substr(at + 1);
    size_t dot = domain.rfind('.');
    return dot != std::string::npos && dot > 0 && dot + 1 < domain.size();
}

// Optional leading +, then 6 to 20 digits, spaces, dashes or parentheses with at least 6 digits.
bool plausible_phone(const std::string &p) {
    size_t start = !p.empty() && p[0] == '+' ? 1 : 0;
    size_t digits = 0;
    for (size_t i = start; i < p.size(); ++i) {
        char c = p[i];
        if (std::isdigit(static_cast<unsigned char>(c)))
            ++digits;
        else if (c != ' ' && c != '-' && c != '(' && c != ')')
            return false;
    }
    return digits >= 6 && digits <= 20;
}

void write_customer(JsonWriter &w, const Customer &c, size_t assets) {
    w.StartObject();
    kv_str(w, "id", c.id);
    kv_str(w, "_id", c.id);
    kv_str(w, "customer_id", c.id);
    kv_str(w, "user_id", c.user_id);
    kv_str(w, "email", c.email);
    kv_str_or_null(w, "name", c.name);
    kv_str_or_null(w, "username", c.name);
    kv_str_or_null(w, "phone", c.phone);
    kv_str_or_null(w, "phone_number", c.phone);
    w.Key("metadata");
    Json meta;
    if (c.metadata_json.empty() || !parse_json(c.metadata_json, meta, nullptr))
        w.Null();
    else
        write_json(w, meta);
    kv_str(w, "status", "active");
    kv_int(w, "assets", static_cast<long long>(assets));
    kv_str(w, "created_at", iso8601_ms(c.created_at));
    w.EndObject();
}

size_t asset_count(const State &s, const std::string &customer_id) {
    size_t n = 0;
    for (const auto &a : s.assets) n += a.second.customer_id == customer_id && !a.second.archived;
    return n;
}

// {email, name?, phone?, metadata?}; the API reference's {first_name, last_name} make the name.
Response create_customer(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string email = f.string("email", true, 254);
    std::string name = f.string("name", false, 200);
    std::string first = f.string("first_name", false, 100);
    std::string last = f.string("last_name", false, 100);
    std::string phone = f.string("phone", false, 32);
    if (!email.empty() && !plausible_email(email))
        f.fail("email", "must be an e-mail address such as alice@example.com");
    if (!phone.empty() && !plausible_phone(phone))
        f.fail("phone", "must be a phone number of 6 to 20 digits, optionally starting with +");
    if (!name.empty() && (!first.empty() || !last.empty()))
        f.fail("name", "give name, or first_name and last_name, not both");
    const Json *meta = ctx.body.find("metadata");
    std::string metadata_json;
    if (meta && meta->kind != Json::Kind::kNull) {
        if (meta->kind != Json::Kind::kObject) {
            f.fail("metadata", "must be a JSON object");
        } else {
            rapidjson::StringBuffer sb;
            JsonWriter w(sb);
            write_json(w, *meta);
            metadata_json.assign(sb.GetString(), sb.GetSize());
            if (metadata_json.size() > 16384) f.fail("metadata", "must be at most 16 KiB");
        }
    }
    f.check();
    if (name.empty()) name = first + (first.empty() || last.empty() ? "" : " ") + last;
    State &s = api.state();
    for (const auto &id : s.customer_order) {
        const Customer &c = s.customers.at(id);
        if (c.user_id == ctx.who.user_id && lower(c.email) == lower(email))
            throw ApiError(409, "conflict", "A customer with this e-mail already exists",
                           {{"email", email}, {"customer_id", c.id}});
    }
    Customer c;
    c.id = "cus_" + random_hex(12);
    c.user_id = ctx.who.user_id;
    c.email = email;
    c.name = name;
    c.phone = phone;
    c.metadata_json = metadata_json;
    c.created_at = ctx.now;
    s.customer_order.push_back(c.id);
    ctx.resource_id = c.id;
    const Customer &stored = s.customers[c.id] = std::move(c);
    return resource_response(201, "Customer created successfully",
                             [&](JsonWriter &w) { write_customer(w, stored, 0); });
}

// {page?, limit?, search?, customerId?|customer_id?}: oldest first, paged.
Response list_customers(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    long long page = f.integer("page", false, 1, 1000000).value_or(1);
    long long limit = f.integer("limit", false, 1, 100).value_or(20);
    std::string search = lower(f.string("search", false, 256));
    std::string only = f.string("customerId", false, 64);
    if (only.empty()) only = f.string("customer_id", false, 64);
    std::string status = f.string("status", false, 32);
    if (!status.empty() && status != "active")
        f.fail("status", "must be active (customers are never deactivated in the sandbox)");
    f.check();
    State &s = api.state();
    std::vector<const Customer *> matches;
    for (const auto &id : s.customer_order) {
        const Customer &c = s.customers.at(id);
        if (c.user_id != ctx.who.user_id) continue;
        if (!only.empty() && c.id != only) continue;
        if (!search.empty() && lower(c.email).find(search) == std::string::npos &&
            lower(c.name).find(search) == std::string::npos && c.id != search)
            continue;
        matches.push_back(&c);
    }
    size_t total = matches.size();
    size_t begin = std::min(total, static_cast<size_t>((page - 1) * limit));
    size_t end = std::min(total, begin + static_cast<size_t>(limit));
    return resource_response(
        200, "Customers fetched successfully",
        [&](JsonWriter &w) {
            w.StartArray();
            for (size_t i = begin; i < end; ++i)
                write_customer(w, *matches[i], asset_count(s, matches[i]->id));
            w.EndArray();
        },
        [&](JsonWriter &w) {
            kv_int(w, "total", static_cast<long long>(total));
            w.Key("pagination");
            w.StartObject();
            kv_int(w, "page", page);
            kv_int(w, "limit", limit);
            kv_int(w, "total", static_cast<long long>(total));
            kv_int(w, "pages",
                   static_cast<long long>((total + static_cast<size_t>(limit) - 1) /
                                          static_cast<size_t>(limit)));
            w.EndObject();
        });
}

// {customer_id, page?, limit?}: transfers from the customer's wallets, newest first.
Response customer_transactions(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string customer_id = f.string("customer_id", true, 64);
    long long page = f.integer("page", false, 1, 1000000).value_or(1);
    long long limit = f.integer("limit", false, 1, 100).value_or(20);
    f.check();
    own_customer(api, ctx, customer_id, "customer_id");
    State &s = api.state();
    std::vector<const Transaction *> matches;
    for (auto it = s.transactions.rbegin(); it != s.transactions.rend(); ++it) {
        auto asset = s.assets.find(it->asset_id);
        if (it->user_id == ctx.who.user_id && asset != s.assets.end() &&
            asset->second.customer_id == customer_id)
            matches.push_back(&*it);
    }
    return paged_transactions(matches, page, limit);
}

}  // namespace

Module customers_module() {
    Module m;
    m.routes = {
        {"POST", "/customers/create-customer", Scope::kWrite, true, create_customer},
        {"POST", "/customers/get-customers", Scope::kRead, false, list_customers},
        {"POST", "/customers/get-customer-transactions", Scope::kRead, false,
         customer_transactions},
    };
    return m;
}

}  // namespace yvsb
