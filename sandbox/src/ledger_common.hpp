// Helpers shared by the ledger groups' files (accounts, assets, transactions, customers,
// auto-forwarding, analytics): writers of the shapes docs/sandbox.md lists, look-ups scoped to
// the caller, the query string.
#pragma once

#include <string>
#include <vector>

#include "api.hpp"

namespace yvsb {

// handlers_resources.cpp
void write_account(JsonWriter &w, const Account &a, size_t asset_count);
void write_asset(JsonWriter &w, const Asset &a);
// The number of live (not archived) wallets of an account.
size_t account_asset_count(const State &s, const std::string &account_id);

// handlers_transactions.cpp
// A transaction as get-transaction and events show it.
void write_transaction_detail(JsonWriter &w, const Transaction &t);
// The detail shape as JSON text, the data of transaction.* events.
std::string transaction_event_json(const Transaction &t);
// Marks a pending transfer confirmed at `at` (sandbox time) and emits transaction.confirmed.
void confirm_transfer(Api &api, Transaction &t, SysTime at);
// The history item (get-transactions, asset-history).
void write_transaction_item(JsonWriter &w, const Transaction &t);
// get-transactions' envelope: `matches` (newest first) paged by the body's page and limit.
Response paged_transactions(const std::vector<const Transaction *> &matches, long long page,
                            long long limit);

// handlers_lifecycle.cpp
Response transaction_get(Api &api, Ctx &ctx);
Response transaction_asset_history(Api &api, Ctx &ctx);
Response transaction_cancel(Api &api, Ctx &ctx);
// POST /__sandbox/advance {seconds?, transaction_id?}: the sandbox clock moves on by `seconds`
// (every module's tick runs), or one pending transfer confirms, or (empty body) every one.
Response control_advance(Api &api, const Request &req);
// Debits amount + fee (the chain's) from `asset`, whose balance the caller checked, and records
// `t` (address, amount, priority, category, description, key filled in by the caller): pending
// for --confirm-after seconds of sandbox time (one rule for S1 and S2 sends and auto-forwards),
// 0 = confirmed at once; counted, events emitted.
Transaction &record_transfer(Api &api, Asset &asset, Transaction t, SysTime now);
void confirm_due_transactions(Api &api, SysTime t);

// handlers_auto_forwarding.cpp: a deposit of `amount` just credited to `asset` sends each
// enabled rule's share on (control_deposit calls it).
void forward_deposit(Api &api, Asset &asset, const Decimal &amount, SysTime now);

// handlers_ledger.cpp
// The value of query parameter `name` (percent-decoded); *present tells whether it was there.
std::string query_param(const Request &req, const char *name, bool *present = nullptr);
// The caller's account / asset / customer, or 404 naming `field`.
Account &own_account(Api &api, const Ctx &ctx, const std::string &id, const char *field);
Asset &own_asset(Api &api, const Ctx &ctx, const std::string &id, const char *field);
Customer &own_customer(Api &api, const Ctx &ctx, const std::string &id, const char *field);
// Reads {user_id}: the caller's own id, or the id of one of its customers (404 otherwise).
enum class Owner { kUser, kCustomer };
Owner read_owner(Api &api, const Ctx &ctx, std::string *id);

// handlers_wallets.cpp: catalogue, chains, batch add, wallets by owner, archive, gas stations,
// customer wallets.
std::vector<Route> wallet_routes();

}  // namespace yvsb
