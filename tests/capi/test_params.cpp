// json and query parameters through the C ABI against a sandbox: a GET's parameter travels in the
// query string (the sandbox filters by it), a json parameter is JSON text sent as the value it is
// and refused, naming it, when it is not JSON.
#include <string>

#include "sandbox_client.hpp"

using namespace capi_test;

namespace {

using Customer = Owned<yv_customer, yv_customer_free>;
using Rule = Owned<yv_auto_forwarding_rule, yv_auto_forwarding_rule_free>;
using RuleList = Owned<yv_auto_forwarding_rule_list, yv_auto_forwarding_rule_list_free>;

class CapiParams : public ::testing::Test {
  protected:
    std::string new_account(const char *name) {
        const auto a = ok<Account>([&](yv_account **out, yv_error **e) {
            return yv_client_create_account(c.get(), name, nullptr, nullptr, out, e);
        });
        return a ? str(yv_account_id(a.get())) : std::string();
    }

    yvtest::SandboxProcess sb{sandbox_flags()};
    Client c = session_client(sb);
};

TEST_F(CapiParams, GetConnectionsSendsTheAccountInTheQueryString) {
    const std::string a = new_account("c-conn-a"), b = new_account("c-conn-b");
    const char *solana[] = {"solana"};
    ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_create_account_connections(c.get(), a.c_str(), solana, 1, nullptr, out, e);
    });
    ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_create_account_connections(c.get(), b.c_str(), nullptr, 0, nullptr, out,
                                                    e);
    });
    const std::string only = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_get_account_connections(c.get(), a.c_str(), nullptr, out, e);
    });
    EXPECT_NE(only.find(a), std::string::npos) << only;
    EXPECT_EQ(only.find(b), std::string::npos) << only;
    EXPECT_NE(only.find(R"("chain":"solana")"), std::string::npos) << only;
    EXPECT_EQ(only.find(R"("chain":"ethereum")"), std::string::npos) << only;
    const std::string every = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_get_account_connections(c.get(), nullptr, nullptr, out, e);
    });
    EXPECT_NE(every.find(a), std::string::npos) << every;
    EXPECT_NE(every.find(b), std::string::npos) << every;

    yv_buffer *out = nullptr;
    Err err;
    EXPECT_EQ(yv_client_get_account_connections(c.get(), "acc_000000000000000000000000", nullptr,
                                                &out, err.out()),
              YV_E_NOT_FOUND);
    EXPECT_EQ(out, nullptr);
}

TEST_F(CapiParams, CreateCustomerSendsJsonMetadata) {
    const auto cu = ok<Customer>([&](yv_customer **out, yv_error **e) {
        return yv_client_create_customer(c.get(), "c-json@example.com", "C", nullptr,
                                         R"({"tier": "gold", "limit": 1000.10, "tags": ["a"]})",
                                         nullptr, out, e);
    });
    ASSERT_TRUE(cu);
    EXPECT_STREQ(yv_customer_email(cu.get()), "c-json@example.com");
    const std::string raw = str(yv_customer_json(cu.get()));
    EXPECT_NE(raw.find(R"("metadata":{"tier":"gold","limit":"1000.10","tags":["a"]})"),
              std::string::npos)
        << raw;

    const long before = sb.path_count("/customers/create-customer");
    yv_customer *bad = nullptr;
    Err err;
    EXPECT_EQ(yv_client_create_customer(c.get(), "c-bad@example.com", nullptr, nullptr,
                                        "{\"a\":", nullptr, &bad, err.out()),
              YV_E_INVALID_ARGUMENT);
    EXPECT_EQ(bad, nullptr);
    EXPECT_NE(std::string(err.message()).find("metadata"), std::string::npos) << err.message();
    EXPECT_EQ(sb.path_count("/customers/create-customer"), before);
}

// Auto-forwarding through C: a 2FA write (the session's TOTP secret), the percentage as exact
// decimal text, json settings, enabled false, what the next call sees.
TEST_F(CapiParams, AutoForwardingRules) {
    const std::string account = new_account("c-fwd");
    const auto asset = ok<Asset>([&](yv_asset **out, yv_error **e) {
        return yv_client_add_asset(c.get(), account.c_str(), "solana", "USDC_SOL", nullptr, out, e);
    });
    ASSERT_TRUE(asset);
    const auto rule = ok<Rule>([&](yv_auto_forwarding_rule **out, yv_error **e) {
        return yv_client_create_forwarding_rule(
            c.get(), "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T", "0.000000000000000001",
            "all_wallets", yv_asset_id(asset.get()), "solana", nullptr, 0, nullptr, nullptr,
            "from C", YV_BOOL_FALSE, R"({"k":"v"})", nullptr, out, e);
    });
    ASSERT_TRUE(rule);
    EXPECT_STREQ(yv_auto_forwarding_rule_percentage(rule.get()), "0.000000000000000001");
    bool enabled = true;
    ASSERT_TRUE(yv_auto_forwarding_rule_enabled(rule.get(), &enabled));
    EXPECT_FALSE(enabled);
    const std::string id = str(yv_auto_forwarding_rule_id(rule.get()));
    const auto rules = ok<RuleList>([&](yv_auto_forwarding_rule_list **out, yv_error **e) {
        return yv_client_list_forwarding_rules(c.get(), nullptr, out, e);
    });
    ASSERT_EQ(yv_auto_forwarding_rule_list_count(rules.get()), 1u);
    EXPECT_EQ(str(yv_auto_forwarding_rule_id(yv_auto_forwarding_rule_list_get(rules.get(), 0))),
              id);
    Err err;
    ASSERT_EQ(yv_client_delete_forwarding_rule(c.get(), id.c_str(), nullptr, err.out()), YV_OK)
        << err.message();
    yv_auto_forwarding_rule *gone = nullptr;
    EXPECT_EQ(yv_client_get_forwarding_rule(c.get(), id.c_str(), nullptr, &gone, err.out()),
              YV_E_NOT_FOUND);
    EXPECT_EQ(gone, nullptr);
}

// enabled is a yv_optional_bool: YV_BOOL_UNSET sends nothing (the server's default on create,
// no change on update), YV_BOOL_TRUE and YV_BOOL_FALSE send true and false; C's true and false
// are the same values.
TEST_F(CapiParams, AutoForwardingEnabledSetTrueSetFalseOrUnset) {
    const std::string account = new_account("c-fwd-enabled");
    const auto asset = ok<Asset>([&](yv_asset **out, yv_error **e) {
        return yv_client_add_asset(c.get(), account.c_str(), "solana", "USDC_SOL", nullptr, out, e);
    });
    ASSERT_TRUE(asset);
    const auto enabled_of = [](const yv_auto_forwarding_rule *r) {
        bool v = false;
        EXPECT_TRUE(yv_auto_forwarding_rule_enabled(r, &v)) << str(yv_auto_forwarding_rule_json(r));
        return v;
    };
    const auto create = [&](yv_optional_bool enabled) {
        return ok<Rule>([&](yv_auto_forwarding_rule **out, yv_error **e) {
            return yv_client_create_forwarding_rule(
                c.get(), "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T", "10", "all_wallets",
                yv_asset_id(asset.get()), "solana", nullptr, 0, nullptr, nullptr, nullptr, enabled,
                nullptr, nullptr, out, e);
        });
    };
    const auto unset = create(YV_BOOL_UNSET);
    ASSERT_TRUE(unset);
    EXPECT_TRUE(enabled_of(unset.get()));  // the server's default
    const auto on = create(YV_BOOL_TRUE);
    ASSERT_TRUE(on);
    EXPECT_TRUE(enabled_of(on.get()));
    const auto off = create(static_cast<yv_optional_bool>(false));  // C's false is YV_BOOL_FALSE
    ASSERT_TRUE(off);
    EXPECT_FALSE(enabled_of(off.get()));

    const std::string id = str(yv_auto_forwarding_rule_id(off.get()));
    const auto update = [&](const char *percentage, yv_optional_bool enabled) {
        return ok<Rule>([&](yv_auto_forwarding_rule **out, yv_error **e) {
            return yv_client_update_forwarding_rule(c.get(), id.c_str(), nullptr, percentage,
                                                    nullptr, nullptr, 0, nullptr, nullptr, nullptr,
                                                    enabled, nullptr, nullptr, out, e);
        });
    };
    // Unset on update: only the percentage changes; the rule stays paused.
    const auto same = update("20", YV_BOOL_UNSET);
    ASSERT_TRUE(same);
    EXPECT_STREQ(yv_auto_forwarding_rule_percentage(same.get()), "20");
    EXPECT_FALSE(enabled_of(same.get()));
    const auto resumed = update(nullptr, YV_BOOL_TRUE);
    ASSERT_TRUE(resumed);
    EXPECT_TRUE(enabled_of(resumed.get()));
    const auto still = update("30", YV_BOOL_UNSET);
    ASSERT_TRUE(still);
    EXPECT_TRUE(enabled_of(still.get()));
    const auto paused = update(nullptr, YV_BOOL_FALSE);
    ASSERT_TRUE(paused);
    EXPECT_FALSE(enabled_of(paused.get()));
    const auto got = ok<Rule>([&](yv_auto_forwarding_rule **out, yv_error **e) {
        return yv_client_get_forwarding_rule(c.get(), id.c_str(), nullptr, out, e);
    });
    ASSERT_TRUE(got);
    EXPECT_FALSE(enabled_of(got.get()));
    EXPECT_STREQ(yv_auto_forwarding_rule_percentage(got.get()), "30");
}

}  // namespace
