// Gas price, send-funds (schema S1) and transaction history (reference §7.4–7.6).
#include <algorithm>
#include <stdexcept>
#include <string_view>

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

// What only the send-funds answer tells: the type as the caller sent it and the debit made.
struct SendReceipt {
    std::string type;
    std::string total_debited;
    std::string balance_after;
};

// The two shapes of docs/sandbox.md ("Response shapes"): which members, in which order.
// clang-format off
constexpr const char *kSendFundsMembers[] = {
    "transaction_id", "transaction_hash", "status", "amount", "fee", "total_fee",
    "total_debited", "balance_after", "chain", "ticker", "type", "account_id", "asset_id",
    "from_address", "receiving_address", "priority", "category", "description",
    "use_self_funding", "idempotency_key", "gas_tx_hash", "platform_fee_tx_hash", "created_at"};
constexpr const char *kHistoryMembers[] = {
    "transaction_id", "_id", "type", "direction", "status", "chain", "chain_code", "ticker",
    "asset_name", "asset_id", "account_id", "amount", "fee", "transaction_hash", "tx_hash",
    "from_address", "receiving_address", "priority", "category", "description", "created_at"};
// clang-format on

// Every member either shape may name is written here, once. total_debited and balance_after
// need the receipt, so only the send-funds shape names them.
void write_member(JsonWriter &w, std::string_view key, const Transaction &t,
                  const SendReceipt *receipt) {
    w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    auto str = [&w](std::string_view v) {
        w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
    };
    auto null = [&w] { w.Null(); };
    auto str_or_null = [&](const std::string &v) { return v.empty() ? null() : str(v); };
    auto boolean = [&w](bool b) { w.Bool(b); };
    if (key == "transaction_id" || key == "_id") return str(t.id);
    if (key == "transaction_hash" || key == "tx_hash") return str(t.hash);
    if (key == "fee" || key == "total_fee") return str(t.fee.str());
    if (key == "type") return str(receipt ? std::string_view(receipt->type) : "send");
    if (key == "direction") return str("out");
    if (key == "status") return str(t.status);
    if (key == "chain") return str(t.chain);
    if (key == "chain_code") {
        const Chain *chain = find_chain(t.chain);
        return str(chain ? chain->code : "");
    }
    if (key == "ticker") return str(t.ticker);
    if (key == "asset_name") return str(t.symbol);
    if (key == "asset_id") return str(t.asset_id);
    if (key == "account_id") return str(t.account_id);
    if (key == "amount") return str(t.amount.str());
    if (key == "total_debited") return str(receipt->total_debited);
    if (key == "balance_after") return str(receipt->balance_after);
    if (key == "from_address") return str(t.from_address);
    if (key == "receiving_address") return str(t.receiving_address);
    if (key == "priority") return str(t.priority);
    if (key == "category") return str(t.category);
    if (key == "description") return str_or_null(t.description);
    if (key == "use_self_funding") return boolean(t.use_self_funding);
    if (key == "idempotency_key") return str_or_null(t.idempotency_key);
    if (key == "gas_tx_hash" || key == "platform_fee_tx_hash") return null();
    if (key == "created_at") return str(iso8601_ms(t.created_at));
    throw std::logic_error("no transaction member " + std::string(key));
}

// A transaction as send-funds answers it (given its receipt) or as the history lists it.
void write_transaction(JsonWriter &w, const Transaction &t, const SendReceipt *receipt = nullptr) {
    w.StartObject();
    if (receipt)
        for (const char *key : kSendFundsMembers) write_member(w, key, t, receipt);
    else
        for (const char *key : kHistoryMembers) write_member(w, key, t, nullptr);
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
    SendReceipt receipt{type, total->str(), asset.balance.str()};
    return resource_response(201, "Transaction Created Successfully",
                             [&](JsonWriter &w) { write_transaction(w, t, &receipt); });
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
