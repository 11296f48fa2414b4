// Shared pieces of the integration suite: clients for a sandbox and a freshly created API key.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "sandbox_process.hpp"
#include "yativo/yativo.hpp"

namespace itest {

inline yativo::ClientOptions options_for(const yvtest::SandboxProcess &sb) {
    yativo::ClientOptions o;
    o.base_url = sb.base_url();
    o.use_environment = false;
    return o;
}

// The dashboard session of the seeded user: every scope, 2FA from the sandbox's TOTP secret.
inline yativo::ClientOptions session_options(const yvtest::SandboxProcess &sb) {
    auto o = options_for(sb);
    o.auth = yativo::AuthMode::Bearer;
    o.access_token = yativo::Secret(sb.session_token());
    o.totp_secret = yativo::Secret(sb.totp_secret());
    o.totp_period = std::chrono::seconds(sb.totp_period());
    return o;
}

struct Key {
    std::string id, api_key;
    yativo::Secret secret;
};

inline Key create_key(const yvtest::SandboxProcess &sb,
                      std::vector<std::string> perms = {"read", "write", "transactions",
                                                        "webhooks"}) {
    yativo::Client session(session_options(sb));
    auto k = session.create_api_key({"integration", perms, {}, {}});
    return Key{k.id, k.api_key, k.api_secret};
}

inline yativo::ClientOptions key_options(const yvtest::SandboxProcess &sb, const Key &key) {
    auto o = options_for(sb);
    o.api_key = key.api_key;
    o.api_secret = key.secret;
    return o;
}

inline yativo::Status code_of(const std::function<void()> &f, yativo::Error *out = nullptr) {
    try {
        f();
    } catch (const yativo::Error &e) {
        if (out) *out = e;
        return e.code();
    }
    return yativo::Status::OK;
}

// An account with a funded USDC-on-Solana asset; returns {account_id, asset_id}.
inline std::pair<std::string, std::string> funded_asset(yativo::Client &c,
                                                        yvtest::SandboxProcess &sb,
                                                        const std::string &amount) {
    std::string account_id = c.create_account("Treasury", "business").id;
    std::string asset_id = c.add_asset(account_id, "solana", "USDC_SOL").id;
    if (!amount.empty()) sb.deposit(asset_id, amount);
    return {account_id, asset_id};
}

inline yativo::SendFunds a_send(const std::string &account, const std::string &asset,
                                const std::string &amount) {
    yativo::SendFunds s;
    s.account = account;
    s.assets = asset;
    s.receiving_address = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";
    s.amount = amount;
    s.type = "USDC";
    s.chain = "solana";
    s.category = "transfer";
    return s;
}

}  // namespace itest
