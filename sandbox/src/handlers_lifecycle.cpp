// The transfer lifecycle (reference §7.6, SPEC §6): a transfer is recorded pending, confirms
// when its delay has passed on the sandbox clock or /__sandbox/advance says so, and only a
// pending one can be cancelled (amount + fee refunded exactly); one transaction, an asset's
// history.
#include <algorithm>

#include "chains.hpp"
#include "crypto.hpp"
#include "ledger_common.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

Transaction &own_transaction(Api &api, const Ctx &ctx, const std::string &id) {
    for (Transaction &t : api.state().transactions)
        if (t.id == id && t.user_id == ctx.who.user_id) return t;
    throw ApiError(404, "not_found", "Transaction not found", {{"transaction_id", id}});
}

}  // namespace

Transaction &record_transfer(Api &api, Asset &asset, Transaction t, SysTime now) {
    int delay_seconds = api.options().confirm_after;
    const Chain *chain = find_chain(asset.chain);
    t.fee = *Decimal::parse(chain->fee, nullptr);
    asset.balance = *asset.balance.minus(*t.amount.plus(t.fee));
    asset.updated_at = now;
    t.id = "txn_" + random_hex(12);
    t.user_id = asset.user_id;
    t.account_id = asset.account_id;
    t.asset_id = asset.id;
    t.chain = asset.chain;
    t.ticker = asset.ticker;
    t.symbol = asset.symbol;
    t.from_address = asset.wallet_address;
    t.hash = generate_tx_hash(*chain);
    t.status = "pending";
    t.created_at = now;
    // Due on the sandbox clock (`now` is read from it).
    t.confirm_due = now + std::chrono::seconds(delay_seconds);
    api.state().transactions.push_back(std::move(t));
    Transaction &stored = api.state().transactions.back();
    ++api.stats().transactions_created;
    api.emit_event(stored.user_id, "transaction.created", transaction_event_json(stored));
    if (delay_seconds == 0) confirm_transfer(api, stored, now);
    return stored;
}

Response transaction_get(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string id = f.string("transaction_id", true, 64);
    f.check();
    const Transaction &t = own_transaction(api, ctx, id);
    return resource_response(200, "Transaction fetched successfully",
                             [&](JsonWriter &w) { write_transaction_detail(w, t); });
}

Response transaction_asset_history(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string asset_id = f.string("asset_id", true, 64);
    long long page = f.integer("page", false, 1, 1000000).value_or(1);
    long long limit = f.integer("limit", false, 1, 100).value_or(20);
    f.check();
    own_asset(api, ctx, asset_id, "asset_id");
    std::vector<const Transaction *> matches;
    const auto &all = api.state().transactions;
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (it->user_id == ctx.who.user_id && it->asset_id == asset_id) matches.push_back(&*it);
    return paged_transactions(matches, page, limit);
}

// Only a pending transfer can be cancelled; amount + fee go back to the asset exactly.
Response transaction_cancel(Api &api, Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string id = f.string("transaction_id", true, 64);
    f.check();
    Transaction &t = own_transaction(api, ctx, id);
    if (t.status != "pending")
        throw ApiError(409, "invalid_state",
                       "Only a pending transaction can be cancelled; this one is " + t.status,
                       {{"transaction_id", t.id}, {"status", t.status}});
    auto it = api.state().assets.find(t.asset_id);
    if (it == api.state().assets.end())
        throw ApiError(409, "invalid_state", "The transaction's asset no longer exists",
                       {{"asset_id", t.asset_id}});
    auto refund = t.amount.plus(t.fee);
    auto balance = refund ? it->second.balance.plus(*refund) : std::nullopt;
    if (!balance)
        throw ApiError(409, "invalid_state", "The refund would exceed the emulator's range",
                       {{"transaction_id", t.id}});
    it->second.balance = *balance;
    it->second.updated_at = ctx.now;
    t.status = "cancelled";
    t.settled_at = ctx.now;
    ctx.resource_id = t.id;
    api.emit_event(t.user_id, "transaction.cancelled", transaction_event_json(t));
    return resource_response(
        200, "Transaction cancelled successfully",
        [&](JsonWriter &w) { write_transaction_detail(w, t); },
        [&](JsonWriter &w) {
            kv_str(w, "refunded", refund->str());
            kv_str(w, "balance_after", balance->str());
        });
}

// POST /__sandbox/advance {transaction_id?}: confirms that pending transfer, or every one.
Response control_advance(Api &api, const Request &req) {
    Json body = parse_request_body(req.body);
    FieldReader f(body);
    std::string id = f.string("transaction_id", false, 64);
    auto seconds = f.integer("seconds", false, 0, 10LL * 365 * 86400);
    if (seconds && !id.empty()) f.fail("seconds", "give seconds or transaction_id, not both");
    f.check();
    std::vector<std::string> confirmed;
    if (seconds) {
        // Time moves on: whatever falls due confirms (and every other module's tick runs).
        std::vector<std::string> before;
        for (const Transaction &t : api.state().transactions)
            if (t.status == "pending") before.push_back(t.id);
        api.advance_clock(std::chrono::seconds(*seconds));
        for (const Transaction &t : api.state().transactions)
            if (t.status == "confirmed" &&
                std::find(before.begin(), before.end(), t.id) != before.end())
                confirmed.push_back(t.id);
        return resource_response(200, "Sandbox clock advanced", [&](JsonWriter &w) {
            w.StartObject();
            kv_int(w, "advanced_seconds", *seconds);
            kv_int(w, "clock_lead_seconds", static_cast<long long>(api.clock_lead().count()));
            kv_str_array(w, "confirmed", confirmed);
            kv_int(w, "count", static_cast<long long>(confirmed.size()));
            w.EndObject();
        });
    }
    SysTime at = api.sandbox_now();
    bool found = false;
    for (Transaction &t : api.state().transactions) {
        if (!id.empty() && t.id != id) continue;
        found = true;
        if (t.status != "pending") {
            if (!id.empty())
                throw ApiError(
                    409, "invalid_state",
                    "Only a pending transaction can be confirmed; this one is " + t.status,
                    {{"transaction_id", t.id}, {"status", t.status}});
            continue;
        }
        confirm_transfer(api, t, at);
        confirmed.push_back(t.id);
    }
    if (!id.empty() && !found)
        throw ApiError(404, "not_found", "Transaction not found", {{"transaction_id", id}});
    return resource_response(200, "Transactions confirmed", [&](JsonWriter &w) {
        w.StartObject();
        kv_str_array(w, "confirmed", confirmed);
        kv_int(w, "count", static_cast<long long>(confirmed.size()));
        w.EndObject();
    });
}

void confirm_due_transactions(Api &api, SysTime t) {
    for (Transaction &tx : api.state().transactions)
        if (tx.status == "pending" && tx.confirm_due <= t)
            confirm_transfer(api, tx, tx.confirm_due);
}

}  // namespace yvsb
