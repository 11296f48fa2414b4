// Gas price, send-funds (schema S1) and transaction history (reference §7.4–7.6).
#include <algorithm>

#include "api.hpp"
#include "chains.hpp"
#include "crypto.hpp"
#include "validate.hpp"

namespace yvsb {
namespace {

const char *const kCategories[] = {"personal",     "business", "payment",
                                   "auto-forward", "other",    "transfer"};
const char *const kStatuses[] = {"pending",   "processing", "confirmed",
                                 "completed", "failed",     "cancelled"};

// low|medium|high, with slow/fast as aliases; empty when unknown.
std::string canonical_priority(const std::string &p) {
    if (p == "low" || p == "slow") return "low";
    if (p == "medium") return "medium";
    if (p == "high" || p == "fast") return "high";
    return {};
}

int seconds_for(const std::string &priority) {
    return priority == "low" ? 120 : priority == "high" ? 10 : 30;
}

std::string upper(std::string s) {
    for (char &c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

void write_transaction(JsonWriter &w, const Transaction &t) {
    const Chain *chain = find_chain(t.chain);
    w.StartObject();
    kv_str(w, "transaction_id", t.id);
    kv_str(w, "_id", t.id);
    kv_str(w, "type", "send");
    kv_str(w, "direction", "out");
    kv_str(w, "status", t.status);
    kv_str(w, "chain", t.chain);
    kv_str(w, "chain_code", chain ? chain->code : "");
    kv_str(w, "ticker", t.ticker);
    kv_str(w, "asset_name", t.symbol);
    kv_str(w, "asset_id", t.asset_id);
    kv_str(w, "account_id", t.account_id);
    kv_str(w, "amount", t.amount.str());
    kv_str(w, "fee", t.fee.str());
    kv_str(w, "transaction_hash", t.hash);
    kv_str(w, "tx_hash", t.hash);
    kv_str(w, "from_address", t.from_address);
    kv_str(w, "receiving_address", t.receiving_address);
    kv_str(w, "priority", t.priority);
    kv_str(w, "category", t.category);
    kv_str_or_null(w, "description", t.description);
    kv_str(w, "created_at", iso8601_ms(t.created_at));
    w.EndObject();
}

}  // namespace

Response Api::gas_price(Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string field = "chainType";
    std::string chain_name = f.string("chainType", false, 32);
    if (chain_name.empty() && ctx.body.find("chain_type")) {
        field = "chain_type";
        chain_name = f.string("chain_type", false, 32);
    }
    if (chain_name.empty() && ctx.body.find("chain")) {
        field = "chain";
        chain_name = f.string("chain", false, 32);
    }
    const Chain *chain = nullptr;
    if (chain_name.empty() && !f.failed(field))
        f.fail("chainType", "is required (chainType, chain_type or chain)");
    else if (!chain_name.empty() && !(chain = find_chain(chain_name)))
        f.fail(field, "Unsupported chain identifier");
    std::string priority_in = f.string("priority", false, 16);
    std::string priority = priority_in.empty() ? "medium" : canonical_priority(priority_in);
    if (priority.empty() && !f.failed("priority"))
        f.fail("priority", "must be low, medium or high (slow and fast are aliases)");
    f.check();
    std::string fee = Decimal::parse(chain->fee, nullptr)->str();
    return resource_response(200, "Gas price estimated successfully", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "chain", chain->code);
        kv_str(w, "chainType", chain->code);
        kv_str(w, "inputChain", upper(chain->name));
        kv_str(w, "priority", priority);
        kv_str(w, "estimatedFee", fee);
        kv_str(w, "gasFee", fee);
        kv_str(w, "platformFees", "0");
        kv_str(w, "fee", fee);
        kv_str(w, "nativeToken", chain->native);
        kv_int(w, "estimated_time_seconds", seconds_for(priority));
        w.EndObject();
    });
}

Response Api::send_funds(Ctx &ctx) {
    FieldReader f(ctx.body);
    std::string account_id = f.string("account", true, 64);
    std::string asset_id = f.string("assets", true, 64);
    std::string address = f.string("receiving_address", true, 128);
    auto amount = f.amount("amount", true);
    std::string type = f.string("type", true, 32);
    std::string chain_name = f.string("chain", true, 32);
    std::string category = f.string("category", true, 32);
    std::string priority_in = f.string("priority", false, 16);
    std::string description = f.string("description", false, 500);
    auto self_funding = f.boolean("use_self_funding");

    const Chain *chain = nullptr;
    if (!chain_name.empty() && !(chain = find_chain(chain_name)))
        f.fail("chain", "Unsupported chain identifier");
    if (chain && !address.empty()) {
        std::string problem = address_problem(*chain, address);
        if (!problem.empty()) f.fail("receiving_address", problem);
    }
    if (!category.empty() && std::none_of(std::begin(kCategories), std::end(kCategories),
                                          [&](const char *c) { return category == c; }))
        f.fail("category",
               "must be one of personal, business, payment, auto-forward, other, "
               "transfer");
    std::string priority = priority_in.empty() ? "medium" : canonical_priority(priority_in);
    if (priority.empty() && !f.failed("priority"))
        f.fail("priority", "must be low, medium or high (slow and fast are aliases)");
    f.check();

    auto acc = state_.accounts.find(account_id);
    if (acc == state_.accounts.end() || acc->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Account not found", {{"account", account_id}});
    auto it = state_.assets.find(asset_id);
    if (it == state_.assets.end() || it->second.user_id != ctx.who.user_id)
        throw ApiError(404, "not_found", "Asset not found", {{"assets", asset_id}});
    Asset &asset = it->second;
    if (asset.account_id != account_id) f.fail("assets", "does not belong to this account");
    if (asset.chain != chain->name)
        f.fail("chain", std::string("does not match the asset's chain (") + asset.chain + ")");
    if (upper(type) != upper(asset.symbol) && type != "crypto")
        f.fail("type", "must be the asset's token symbol (" + asset.symbol + ")");
    if (self_funding.value_or(false) && !is_native_symbol(*chain, asset.symbol))
        f.fail("use_self_funding", "is only possible for the chain's native asset");
    f.check();

    Decimal fee = *Decimal::parse(chain->fee, nullptr);
    auto total = amount->plus(fee);
    if (!total || asset.balance < *total) {
        std::string required = total ? total->str() : "too large";
        ApiError e(422, "insufficient_balance", "Insufficient balance for this transfer",
                   {{"available_balance", asset.balance.str()},
                    {"requested_amount", amount->str()},
                    {"fee", fee.str()},
                    {"required_balance", required},
                    {"ticker", asset.ticker}});
        throw e;
    }
    if (opts_.require_2fa_on_send) require_2fa(ctx.req, ctx.now);

    asset.balance = *asset.balance.minus(*total);
    asset.updated_at = ctx.now;
    Transaction t;
    t.id = "txn_" + random_hex(12);
    t.user_id = ctx.who.user_id;
    t.account_id = account_id;
    t.asset_id = asset.id;
    t.chain = asset.chain;
    t.ticker = asset.ticker;
    t.symbol = asset.symbol;
    t.receiving_address = address;
    t.from_address = asset.wallet_address;
    t.amount = *amount;
    t.fee = fee;
    t.hash = generate_tx_hash(*chain);
    t.status = "confirmed";
    t.priority = priority;
    t.category = category;
    t.description = description;
    t.use_self_funding = self_funding.value_or(false);
    t.idempotency_key = ctx.req.header("Idempotency-Key");
    t.created_at = ctx.now;
    state_.transactions.push_back(t);
    ++stats_.transactions_created;
    ctx.resource_id = t.id;
    std::string balance_after = asset.balance.str();

    return resource_response(201, "Transaction Created Successfully", [&](JsonWriter &w) {
        w.StartObject();
        kv_str(w, "transaction_id", t.id);
        kv_str(w, "transaction_hash", t.hash);
        kv_str(w, "status", t.status);
        kv_str(w, "amount", t.amount.str());
        kv_str(w, "fee", t.fee.str());
        kv_str(w, "total_fee", t.fee.str());
        kv_str(w, "total_debited", total->str());
        kv_str(w, "balance_after", balance_after);
        kv_str(w, "chain", t.chain);
        kv_str(w, "ticker", t.ticker);
        kv_str(w, "type", type);
        kv_str(w, "account_id", t.account_id);
        kv_str(w, "asset_id", t.asset_id);
        kv_str(w, "from_address", t.from_address);
        kv_str(w, "receiving_address", t.receiving_address);
        kv_str(w, "priority", t.priority);
        kv_str(w, "category", t.category);
        kv_str_or_null(w, "description", t.description);
        kv_bool(w, "use_self_funding", t.use_self_funding);
        kv_str_or_null(w, "idempotency_key", t.idempotency_key);
        kv_null(w, "gas_tx_hash");
        kv_null(w, "platform_fee_tx_hash");
        kv_str(w, "created_at", iso8601_ms(t.created_at));
        w.EndObject();
    });
}

Response Api::transaction_list(Ctx &ctx) {
    FieldReader f(ctx.body);
    long long page = f.integer("page", false, 1, 1000000).value_or(1);
    long long limit = f.integer("limit", false, 1, 100).value_or(20);
    std::string status = f.string("status", false, 32);
    std::string chain_name = f.string("chain", false, 32);
    std::string search = f.string("search", false, 256);
    std::string account_id = f.string("account_id", false, 64);
    std::string asset_id = f.string("asset_id", false, 64);
    if (!status.empty() && std::none_of(std::begin(kStatuses), std::end(kStatuses),
                                        [&](const char *s) { return status == s; }))
        f.fail("status",
               "must be one of pending, processing, confirmed, completed, failed, "
               "cancelled");
    const Chain *chain = nullptr;
    if (!chain_name.empty() && !(chain = find_chain(chain_name)))
        f.fail("chain", "Unsupported chain identifier");
    f.check();

    std::vector<const Transaction *> matches;
    for (auto it = state_.transactions.rbegin(); it != state_.transactions.rend(); ++it) {
        const Transaction &t = *it;
        if (t.user_id != ctx.who.user_id) continue;
        if (!status.empty() && t.status != status) continue;
        if (chain && t.chain != chain->name) continue;
        if (!account_id.empty() && t.account_id != account_id) continue;
        if (!asset_id.empty() && t.asset_id != asset_id) continue;
        if (!search.empty() && t.id != search && t.hash != search &&
            t.receiving_address.find(search) == std::string::npos &&
            t.description.find(search) == std::string::npos)
            continue;
        matches.push_back(&t);
    }
    size_t total = matches.size();
    size_t begin = static_cast<size_t>((page - 1) * limit);
    size_t end = std::min(total, begin + static_cast<size_t>(limit));
    return resource_response(
        200, "Transactions fetched successfully",
        [&](JsonWriter &w) {
            w.StartArray();
            for (size_t i = begin; i < end; ++i) write_transaction(w, *matches[i]);
            w.EndArray();
        },
        [&](JsonWriter &w) {
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

}  // namespace yvsb
