// The ledger module: accounts beyond the core table (reference §7.1: a user's accounts, chain
// connections), the wallet routes of handlers_wallets.cpp, and the transaction lifecycle of
// handlers_transactions.cpp (one transaction, an asset's history, cancel, pending → confirmed
// by --confirm-after or POST /__sandbox/advance); the helpers every ledger file shares.
#include <algorithm>
#include <cctype>

#include "chains.hpp"
#include "crypto.hpp"
#include "ledger_common.hpp"
#include "modules.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out.push_back(' ');
        } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
                   hex_value(s[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

Response user_accounts(Api &api, Ctx &ctx) {
    std::string id;
    Owner owner = read_owner(api, ctx, &id);
    return resource_response(200, "Accounts fetched successfully", [&](JsonWriter &w) {
        w.StartArray();
        // A customer holds wallets (add-customer-asset), never accounts.
        if (owner == Owner::kUser)
            for (const auto &aid : api.state().account_order) {
                const Account &a = api.state().accounts.at(aid);
                if (a.user_id == id) write_account(w, a, account_asset_count(api.state(), a.id));
            }
        w.EndArray();
    });
}

void write_connection(JsonWriter &w, const Connection &c, const ChainConnection &cc) {
    const Chain *chain = find_chain(cc.chain);
    w.StartObject();
    kv_str(w, "id", cc.id);
    kv_str(w, "connection_id", cc.id);
    kv_str(w, "account_id", c.account_id);
    kv_str(w, "chain", cc.chain);
    kv_str(w, "chain_code", chain ? chain->code : "");
    kv_str(w, "address", cc.address);
    kv_str(w, "wallet_address", cc.address);
    kv_str(w, "status", "connected");
    kv_str(w, "created_at", iso8601_ms(cc.created_at));
    w.EndObject();
}

// {account_id, chains?}: connects the account to those chains (every chain when absent), each
// with an address of its own; a chain already connected stays as it was.
Response create_connections(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string account_id = f.string("account_id", true, 64);
    auto names = f.string_array("chains", false, 64);
    std::vector<const Chain *> chains;
    for (size_t i = 0; i < names.size(); ++i) {
        const Chain *c = find_chain(names[i]);
        if (!c)
            f.fail("chains[" + std::to_string(i) + "]", "Unsupported chain identifier");
        else if (std::find(chains.begin(), chains.end(), c) == chains.end())
            chains.push_back(c);
    }
    bool given = ctx.body.find("chains") && ctx.body.find("chains")->kind != Json::Kind::kNull;
    if (given && names.empty() && !f.failed("chains")) f.fail("chains", "must not be empty");
    f.check();
    own_account(api, ctx, account_id, "account_id");
    if (!given)
        for (const Chain &c : all_chains()) chains.push_back(&c);
    Connection &conn = api.state().ledger.connections[account_id];
    conn.account_id = account_id;
    conn.user_id = ctx.who.user_id;
    std::vector<size_t> added;
    for (const Chain *c : chains) {
        bool have = std::any_of(conn.chains.begin(), conn.chains.end(),
                                [&](const ChainConnection &cc) { return cc.chain == c->name; });
        if (have) continue;
        conn.chains.push_back({"con_" + random_hex(12), c->name, generate_address(*c), ctx.now});
        added.push_back(conn.chains.size() - 1);
    }
    ctx.resource_id = account_id;
    return resource_response(
        201, "Connections created successfully",
        [&](JsonWriter &w) {
            w.StartObject();
            kv_str(w, "account_id", account_id);
            w.Key("connections");
            w.StartArray();
            for (const auto &cc : conn.chains) write_connection(w, conn, cc);
            w.EndArray();
            w.EndObject();
        },
        [&](JsonWriter &w) {
            std::vector<std::string> names_added;
            for (size_t i : added) names_added.push_back(conn.chains[i].chain);
            kv_str_array(w, "added", names_added);
        });
}

// ?account_id=: that account's connections, or every account's; one item per chain.
Response get_connections(Api &api, Ctx &ctx) {
    bool present = false;
    std::string account_id = query_param(ctx.req, "account_id", &present);
    if (present) {
        if (account_id.empty())
            throw ApiError(400, "validation_error", "Validation failed",
                           {{"account_id", "must not be empty"}});
        own_account(api, ctx, account_id, "account_id");
    }
    return resource_response(200, "Connections fetched successfully", [&](JsonWriter &w) {
        w.StartArray();
        for (const auto &aid : api.state().account_order) {
            if (present && aid != account_id) continue;
            auto it = api.state().ledger.connections.find(aid);
            if (it == api.state().ledger.connections.end() || it->second.user_id != ctx.who.user_id)
                continue;
            for (const auto &cc : it->second.chains) write_connection(w, it->second, cc);
        }
        w.EndArray();
    });
}

}  // namespace

std::string query_param(const Request &req, const char *name, bool *present) {
    if (present) *present = false;
    size_t q = req.target.find('?');
    if (q == std::string::npos) return {};
    std::string_view query(req.target);
    query.remove_prefix(q + 1);
    while (!query.empty()) {
        size_t amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        size_t eq = pair.find('=');
        if (percent_decode(pair.substr(0, eq)) == name) {
            if (present) *present = true;
            return eq == std::string_view::npos ? std::string()
                                                : percent_decode(pair.substr(eq + 1));
        }
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return {};
}

Owner read_owner(Api &api, const Ctx &ctx, std::string *id) {
    FieldReader f(ctx.body);
    *id = f.string("user_id", true, 64);
    f.check();
    if (*id == ctx.who.user_id) return Owner::kUser;
    auto it = api.state().customers.find(*id);
    if (it != api.state().customers.end() && it->second.user_id == ctx.who.user_id)
        return Owner::kCustomer;
    throw ApiError(404, "not_found", "User not found", {{"user_id", *id}});
}

Account &own_account(Api &api, const Ctx &ctx, const std::string &id, const char *field) {
    auto it = api.state().accounts.find(id);
    if (it == api.state().accounts.end() || it->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Account not found", {{field, id}});
    return it->second;
}

Asset &own_asset(Api &api, const Ctx &ctx, const std::string &id, const char *field) {
    auto it = api.state().assets.find(id);
    if (it == api.state().assets.end() || it->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Asset not found", {{field, id}});
    return it->second;
}

Customer &own_customer(Api &api, const Ctx &ctx, const std::string &id, const char *field) {
    auto it = api.state().customers.find(id);
    if (it == api.state().customers.end() || it->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Customer not found", {{field, id}});
    return it->second;
}

Module ledger_module() {
    Module m;
    m.routes = {
        {"POST", "/accounts/get-user-accounts", Scope::kRead, false, user_accounts},
        {"POST", "/accounts/create-connections", Scope::kWrite, true, create_connections},
        {"GET", "/accounts/get-connections", Scope::kRead, false, get_connections},
        {"POST", "/transactions/get-transaction", Scope::kRead, false, transaction_get},
        {"POST", "/transactions/asset-history", Scope::kRead, false, transaction_asset_history},
        {"POST", "/transactions/cancel", Scope::kTransactions, true, transaction_cancel},
    };
    auto wallets = wallet_routes();
    m.routes.insert(m.routes.end(), wallets.begin(), wallets.end());
    m.control = {{"POST", "/__sandbox/advance", control_advance}};
    m.tick = confirm_due_transactions;
    return m;
}

}  // namespace yvsb