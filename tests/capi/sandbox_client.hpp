// Clients of a test sandbox, built through yativo.h only.
#pragma once

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "capi_test.hpp"
#include "sandbox_process.hpp"

namespace capi_test {

// The sandbox flags every C ABI suite uses: no rate limit, 2 s TOTP steps so 2FA calls are quick.
inline std::vector<std::string> sandbox_flags() {
    return {"--rate-limit", "0", "--totp-period", "2"};
}

// Options pointing at the sandbox, reading nothing from the environment.
inline Options sandbox_options(const std::string &base_url) {
    yv_options *o = nullptr;
    EXPECT_EQ(yv_options_new(&o, nullptr), YV_OK);
    EXPECT_EQ(yv_options_set_base_url(o, base_url.c_str(), nullptr), YV_OK);
    EXPECT_EQ(yv_options_set_use_environment(o, false, nullptr), YV_OK);
    return Options(o);
}

inline Client make_client(const yv_options *opts) {
    yv_client *c = nullptr;
    Err err;
    EXPECT_EQ(yv_client_new(opts, &c, err.out()), YV_OK) << err.message();
    return Client(c);
}

// The dashboard session with the account's TOTP secret: may manage keys.
inline Options session_options(yvtest::SandboxProcess &sb) {
    auto o = sandbox_options(sb.base_url());
    EXPECT_EQ(yv_options_set_auth_mode(o.get(), YV_AUTH_BEARER, nullptr), YV_OK);
    EXPECT_EQ(yv_options_set_access_token(o.get(), sb.session_token().c_str(), nullptr), YV_OK);
    EXPECT_EQ(yv_options_set_totp_secret(o.get(), sb.totp_secret().c_str(), nullptr), YV_OK);
    EXPECT_EQ(yv_options_set_totp_period_s(o.get(), 2, nullptr), YV_OK);
    return o;
}

inline Client session_client(yvtest::SandboxProcess &sb) {
    auto o = session_options(sb);
    return make_client(o.get());
}

// A client authenticating with an API key (token exchange, or headers).
inline Client key_client(yvtest::SandboxProcess &sb, const char *api_key, const char *api_secret,
                         yv_auth_mode mode = YV_AUTH_TOKEN) {
    auto o = sandbox_options(sb.base_url());
    EXPECT_EQ(yv_options_set_auth_mode(o.get(), mode, nullptr), YV_OK);
    EXPECT_EQ(yv_options_set_api_key(o.get(), api_key, nullptr), YV_OK);
    EXPECT_EQ(yv_options_set_api_secret(o.get(), api_secret, nullptr), YV_OK);
    return make_client(o.get());
}

inline ApiKey create_key(yv_client *admin, const char *name, std::vector<const char *> perms) {
    yv_api_key *k = nullptr;
    Err err;
    const yv_status st = yv_client_create_api_key(admin, name, perms.data(), perms.size(), 0,
                                                  nullptr, 0, nullptr, &k, err.out());
    EXPECT_EQ(st, YV_OK) << describe(st, err);
    return ApiKey(k);
}

// A string member of a flat JSON text ("" when absent): enough for ids in these tests.
inline std::string json_field(const std::string &json, const std::string &name) {
    std::smatch m;
    const std::regex re("\"" + name + "\":\"([^\"]*)\"");
    return std::regex_search(json, m, re) ? m[1].str() : std::string();
}

// Runs a call with an owned output (`Owner::pointer *out`), expecting success; returns its
// owner (empty when the call failed).
template <class Owner, class F>
Owner ok(F &&call) {
    typename Owner::pointer p = nullptr;
    Err err;
    const yv_status st = call(&p, err.out());
    EXPECT_EQ(st, YV_OK) << describe(st, err);
    return Owner(p);
}

// Runs a buffer-returning call, expecting success; returns the JSON text.
template <class F>
std::string ok_json(F &&call) {
    const auto b = ok<Buffer>(std::forward<F>(call));
    return b ? text(b.get()) : std::string();
}

// An account with a USDC asset on Ethereum, holding `deposit` (NULL = nothing).
struct FundedAsset {
    std::string account_id;
    std::string asset_id;
};

inline FundedAsset funded_asset(yv_client *c, yvtest::SandboxProcess &sb, const char *deposit) {
    const auto account = ok<Account>([&](yv_account **out, yv_error **e) {
        return yv_client_create_account(c, "treasury", nullptr, nullptr, out, e);
    });
    FundedAsset ids{str(yv_account_id(account.get())), ""};
    EXPECT_FALSE(ids.account_id.empty()) << str(yv_account_json(account.get()));
    const auto asset = ok<Asset>([&](yv_asset **out, yv_error **e) {
        return yv_client_add_asset(c, ids.account_id.c_str(), "ethereum", "USDC_ETH", nullptr, out,
                                   e);
    });
    ids.asset_id = str(yv_asset_id(asset.get()));
    EXPECT_FALSE(ids.asset_id.empty()) << str(yv_asset_json(asset.get()));
    if (deposit) sb.deposit(ids.asset_id, deposit);
    return ids;
}

// Send-funds parameters moving `amount` USDC from that asset to a fixed Ethereum address.
inline Send send_params(const FundedAsset &from, const char *amount) {
    yv_send *s = nullptr;
    EXPECT_EQ(yv_send_new(&s, nullptr), YV_OK);
    Err err;
    EXPECT_EQ(yv_send_set_account(s, from.account_id.c_str(), err.out()), YV_OK);
    EXPECT_EQ(yv_send_set_assets(s, from.asset_id.c_str(), err.out()), YV_OK);
    EXPECT_EQ(
        yv_send_set_receiving_address(s, "0x52908400098527886E0F7030069857D2E4169EE7", err.out()),
        YV_OK);
    EXPECT_EQ(yv_send_set_amount(s, amount, err.out()), YV_OK) << err.message();
    EXPECT_EQ(yv_send_set_type(s, "USDC", err.out()), YV_OK);
    EXPECT_EQ(yv_send_set_chain(s, "ethereum", err.out()), YV_OK);
    EXPECT_EQ(yv_send_set_category(s, "business", err.out()), YV_OK);
    return Send(s);
}

}  // namespace capi_test
