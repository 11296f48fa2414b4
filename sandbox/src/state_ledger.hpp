// State of transaction lifecycle, asset catalogue, auto-forwarding. Part of State (state.hpp),
// guarded by Api's mutex.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "clock.hpp"
#include "decimal.hpp"

namespace yvsb {

// A chain an account is connected to (create-connections), with the address it got there.
struct ChainConnection {
    std::string id;     // con_<24 hex>
    std::string chain;  // canonical name
    std::string address;
    SysTime created_at;
};

// An account's connections, in the order added.
struct Connection {
    std::string account_id;
    std::string user_id;
    std::vector<ChainConnection> chains;
};

// An auto-forwarding rule (reference §9): what part of a deposit goes where.
struct ForwardingRule {
    std::string id;  // afr_<24 hex>
    std::string user_id;
    std::string asset_id;
    std::string chain;  // canonical name
    std::string destination_address;
    Decimal percentage;           // 0 < p <= 100
    std::string monitoring_mode;  // all_wallets | specific_wallets
    std::vector<std::string> monitored_accounts;
    bool has_minimum = false;
    Decimal minimum_amount;
    bool has_maximum = false;
    Decimal maximum_amount;
    std::string description;  // empty = none
    bool enabled = true;
    std::string settings_json;  // a JSON object as sent; empty = none
    SysTime created_at;
    SysTime updated_at;
};

struct LedgerState {
    std::map<std::string, Connection> connections;  // by account id
    std::map<std::string, ForwardingRule> rules;    // by id
    std::vector<std::string> rule_order;
};

}  // namespace yvsb
