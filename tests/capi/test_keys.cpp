// API keys, tokens, 2FA and the three auth modes through the C ABI, against a sandbox.
#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "sandbox_client.hpp"

using namespace capi_test;

namespace {

class CapiKeys : public ::testing::Test {
  protected:
    yvtest::SandboxProcess sb{sandbox_flags()};
    Client admin = session_client(sb);
};

yv_status token_status(yv_client *c, Token *out = nullptr) {
    yv_token *t = nullptr;
    Err err;
    const yv_status st = yv_client_token(c, nullptr, &t, err.out());
    if (out)
        out->reset(t);
    else
        yv_token_free(t);
    return st;
}

std::set<std::string> permissions(const yv_api_key *k) {
    std::set<std::string> out;
    for (size_t i = 0; i < yv_api_key_permissions_count(k); ++i) {
        out.insert(yv_api_key_permission(k, i));
    }
    EXPECT_EQ(yv_api_key_permission(k, yv_api_key_permissions_count(k)), nullptr);
    return out;
}

std::vector<std::string> allowed_ips(const yv_api_key *k) {
    std::vector<std::string> out;
    for (size_t i = 0; i < yv_api_key_allowed_ips_count(k); ++i)
        out.push_back(yv_api_key_allowed_ip(k, i));
    EXPECT_EQ(yv_api_key_allowed_ip(k, yv_api_key_allowed_ips_count(k)), nullptr);
    return out;
}

// allowed_ips is sent at creation and read back from create, list and get; unset, the key has
// none; an entry that is no address is refused by the server.
TEST_F(CapiKeys, AllowedIpsAreSentAndReadBack) {
    const char *perms[] = {"read"};
    const char *ips[] = {"127.0.0.1"};
    yv_api_key *raw = nullptr;
    Err err;
    ASSERT_EQ(yv_client_create_api_key(admin.get(), "pinned", perms, 1, 0, ips, 1, nullptr, &raw,
                                       err.out()),
              YV_OK)
        << err.message();
    ApiKey key(raw);
    const std::string id = yv_api_key_id(raw);
    EXPECT_EQ(allowed_ips(raw), std::vector<std::string>{"127.0.0.1"});

    yv_api_key *got = nullptr;
    ASSERT_EQ(yv_client_get_api_key(admin.get(), id.c_str(), nullptr, &got, err.out()), YV_OK)
        << err.message();
    ApiKey got_key(got);
    EXPECT_EQ(allowed_ips(got), std::vector<std::string>{"127.0.0.1"});

    yv_api_key_list *list_raw = nullptr;
    ASSERT_EQ(yv_client_list_api_keys(admin.get(), nullptr, &list_raw, err.out()), YV_OK)
        << err.message();
    ApiKeyList list(list_raw);
    bool found = false;
    for (size_t i = 0; i < yv_api_key_list_count(list_raw); ++i) {
        const yv_api_key *k = yv_api_key_list_get(list_raw, i);
        if (id != yv_api_key_id(k)) continue;
        found = true;
        EXPECT_EQ(allowed_ips(k), std::vector<std::string>{"127.0.0.1"});
    }
    EXPECT_TRUE(found);

    yv_api_key *open = nullptr;
    ASSERT_EQ(yv_client_create_api_key(admin.get(), "open", perms, 1, 0, nullptr, 0, nullptr, &open,
                                       err.out()),
              YV_OK)
        << err.message();
    ApiKey open_key(open);
    EXPECT_EQ(yv_api_key_allowed_ips_count(open), 0u);

    const char *bad[] = {"not-an-address"};
    yv_api_key *never = nullptr;
    EXPECT_EQ(yv_client_create_api_key(admin.get(), "bad", perms, 1, 0, bad, 1, nullptr, &never,
                                       err.out()),
              YV_E_VALIDATION)
        << err.message();
    EXPECT_EQ(never, nullptr);
    // An empty entry is refused before any request.
    const char *empty[] = {""};
    EXPECT_EQ(yv_client_create_api_key(admin.get(), "bad", perms, 1, 0, empty, 1, nullptr, &never,
                                       err.out()),
              YV_E_INVALID_ARGUMENT);
}

TEST_F(CapiKeys, WholeLifecycle) {
    // Create (2FA from the TOTP secret): every field, the one-time secret included.
    const char *perms[] = {"read", "write"};
    yv_api_key *raw = nullptr;
    Err err;
    ASSERT_EQ(yv_client_create_api_key(admin.get(), "gateway", perms, 2, 30, nullptr, 0, nullptr,
                                       &raw, err.out()),
              YV_OK)
        << err.message();
    ApiKey key(raw);
    const std::string id = yv_api_key_id(raw);
    EXPECT_FALSE(id.empty());
    EXPECT_STREQ(yv_api_key_name(raw), "gateway");
    EXPECT_FALSE(std::string(yv_api_key_api_key(raw)).empty());
    ASSERT_NE(yv_api_key_api_secret(raw), nullptr);
    const std::string secret = yv_api_key_api_secret(raw);
    EXPECT_EQ(permissions(raw), (std::set<std::string>{"read", "write"}));
    EXPECT_STREQ(yv_api_key_status(raw), "active");
    EXPECT_FALSE(std::string(yv_api_key_created_at(raw)).empty());
    EXPECT_NE(yv_api_key_expires_at(raw), nullptr);  // 30 days

    // Token exchange with the new key.
    auto user = key_client(sb, yv_api_key_api_key(raw), secret.c_str());
    Token token;
    ASSERT_EQ(token_status(user.get(), &token), YV_OK);
    EXPECT_FALSE(std::string(yv_token_access_token(token.get())).empty());
    EXPECT_FALSE(std::string(yv_token_token_type(token.get())).empty());
    EXPECT_GT(yv_token_expires_in(token.get()), 0);
    std::set<std::string> scopes;
    for (size_t i = 0; i < yv_token_scopes_count(token.get()); ++i) {
        scopes.insert(yv_token_scope(token.get(), i));
    }
    EXPECT_TRUE(scopes.count("read")) << "scopes of a read+write key";
    EXPECT_EQ(yv_token_scope(token.get(), 99), nullptr);

    // List and get: the key is there, without its secret.
    yv_api_key_list *list_raw = nullptr;
    ASSERT_EQ(yv_client_list_api_keys(admin.get(), nullptr, &list_raw, err.out()), YV_OK)
        << err.message();
    ApiKeyList list(list_raw);
    bool found = false;
    for (size_t i = 0; i < yv_api_key_list_count(list_raw); ++i) {
        const yv_api_key *k = yv_api_key_list_get(list_raw, i);
        if (id == yv_api_key_id(k)) {
            found = true;
            EXPECT_EQ(yv_api_key_api_secret(k), nullptr);
        }
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(yv_api_key_list_get(list_raw, yv_api_key_list_count(list_raw)), nullptr);

    yv_api_key *got = nullptr;
    ASSERT_EQ(yv_client_get_api_key(admin.get(), id.c_str(), nullptr, &got, err.out()), YV_OK)
        << err.message();
    ApiKey got_key(got);
    EXPECT_STREQ(yv_api_key_name(got), "gateway");
    EXPECT_EQ(yv_api_key_api_secret(got), nullptr);

    // Narrow the permissions.
    const char *read_only[] = {"read"};
    yv_api_key *updated = nullptr;
    ASSERT_EQ(yv_client_update_api_key_permissions(admin.get(), id.c_str(), read_only, 1, nullptr,
                                                   &updated, err.out()),
              YV_OK)
        << err.message();
    ApiKey updated_key(updated);
    EXPECT_EQ(permissions(updated), (std::set<std::string>{"read"}));

    // Rotate: a new secret; the old one is refused at once.
    yv_api_key *rotated = nullptr;
    ASSERT_EQ(yv_client_rotate_api_key(admin.get(), id.c_str(), nullptr, &rotated, err.out()),
              YV_OK)
        << err.message();
    ApiKey rotated_key(rotated);
    ASSERT_NE(yv_api_key_api_secret(rotated), nullptr);
    const std::string new_secret = yv_api_key_api_secret(rotated);
    EXPECT_NE(new_secret, secret);
    auto old_user = key_client(sb, yv_api_key_api_key(raw), secret.c_str());
    EXPECT_EQ(token_status(old_user.get()), YV_E_AUTHENTICATION);
    auto new_user = key_client(sb, yv_api_key_api_key(rotated), new_secret.c_str());
    EXPECT_EQ(token_status(new_user.get()), YV_OK);

    // Revoke: the key is refused from now on, even with a token it already holds.
    ASSERT_EQ(yv_client_revoke_api_key(admin.get(), id.c_str(), nullptr, err.out()), YV_OK)
        << err.message();
    auto after = key_client(sb, yv_api_key_api_key(rotated), new_secret.c_str());
    EXPECT_EQ(token_status(after.get()), YV_E_AUTHENTICATION);
    yv_account_list *accounts = nullptr;
    const yv_status st = yv_client_list_accounts(new_user.get(), nullptr, &accounts, err.out());
    EXPECT_EQ(st, YV_E_AUTHENTICATION) << describe(st, err);
    EXPECT_EQ(accounts, nullptr);
}

TEST_F(CapiKeys, TwoFactorCodesFromTheCallOrRefused) {
    auto o = sandbox_options(sb.base_url());
    ASSERT_EQ(yv_options_set_auth_mode(o.get(), YV_AUTH_BEARER, nullptr), YV_OK);
    ASSERT_EQ(yv_options_set_access_token(o.get(), sb.session_token().c_str(), nullptr), YV_OK);
    auto no_totp = make_client(o.get());
    const char *perms[] = {"read"};
    Err err;
    yv_api_key *k = nullptr;

    // No code and no TOTP source: refused before any I/O.
    EXPECT_EQ(yv_client_create_api_key(no_totp.get(), "k", perms, 1, 0, nullptr, 0, nullptr, &k,
                                       err.out()),
              YV_E_TWO_FACTOR_REQUIRED);
    EXPECT_EQ(k, nullptr);

    // A wrong code: the server's two_factor_invalid.
    char code[YV_TOTP_CODE_SIZE];
    ASSERT_EQ(yv_totp(sb.totp_secret().c_str(), 1000, 2, 6, code, sizeof code, nullptr), YV_OK);
    yv_call *raw_call = nullptr;
    ASSERT_EQ(yv_call_new(&raw_call, nullptr), YV_OK);
    Call call(raw_call);
    ASSERT_EQ(yv_call_set_totp_code(raw_call, code, nullptr), YV_OK);
    EXPECT_EQ(yv_client_create_api_key(no_totp.get(), "k", perms, 1, 0, nullptr, 0, raw_call, &k,
                                       err.out()),
              YV_E_TWO_FACTOR_REQUIRED);
    EXPECT_EQ(yv_error_http_status(err.get()), 401);
    EXPECT_STREQ(yv_error_error_code(err.get()), "two_factor_invalid");
    EXPECT_EQ(err.message().find(code), std::string::npos) << "a 2FA code in a message";

    // The current code, computed with yv_totp and passed per call.
    ASSERT_EQ(yv_totp(sb.totp_secret().c_str(), YV_NOW, 2, 6, code, sizeof code, nullptr), YV_OK);
    ASSERT_EQ(yv_call_set_totp_code(raw_call, code, nullptr), YV_OK);
    const yv_status st = yv_client_create_api_key(no_totp.get(), "k", perms, 1, 0, nullptr, 0,
                                                  raw_call, &k, err.out());
    EXPECT_EQ(st, YV_OK) << describe(st, err);
    yv_api_key_free(k);
}

TEST_F(CapiKeys, SetCredentialsReplacesAWrongSecret) {
    auto key = create_key(admin.get(), "svc", {"read"});
    ASSERT_TRUE(key);
    auto user = key_client(sb, yv_api_key_api_key(key.get()), "CANARY-wrong-secret-c");
    Err err;
    EXPECT_EQ(token_status(user.get()), YV_E_AUTHENTICATION);
    ASSERT_EQ(yv_client_set_credentials(user.get(), yv_api_key_api_key(key.get()),
                                        yv_api_key_api_secret(key.get()), err.out()),
              YV_OK);
    EXPECT_EQ(token_status(user.get()), YV_OK);
}

TEST_F(CapiKeys, HeaderModeSendsTheKeyOnEveryRequestWithoutAToken) {
    auto key = create_key(admin.get(), "hdr", {"read"});
    ASSERT_TRUE(key);
    const auto exchanges = sb.stat("token_exchanges");
    auto user = key_client(sb, yv_api_key_api_key(key.get()), yv_api_key_api_secret(key.get()),
                           YV_AUTH_HEADERS);
    for (int i = 0; i < 3; ++i) {
        ok<AccountList>([&](yv_account_list **out, yv_error **e) {
            return yv_client_list_accounts(user.get(), nullptr, out, e);
        });
    }
    EXPECT_EQ(sb.stat("token_exchanges"), exchanges);
}

TEST_F(CapiKeys, BearerTokenCanBeReplaced) {
    auto o = sandbox_options(sb.base_url());
    ASSERT_EQ(yv_options_set_auth_mode(o.get(), YV_AUTH_BEARER, nullptr), YV_OK);
    ASSERT_EQ(yv_options_set_access_token(o.get(), "not-a-session", nullptr), YV_OK);
    auto c = make_client(o.get());
    yv_account_list *out = nullptr;
    Err err;
    EXPECT_EQ(yv_client_list_accounts(c.get(), nullptr, &out, err.out()), YV_E_AUTHENTICATION);
    EXPECT_EQ(out, nullptr);
    EXPECT_EQ(yv_error_http_status(err.get()), 401);
    EXPECT_EQ(err.message().find("not-a-session"), std::string::npos);
    ASSERT_EQ(yv_client_set_access_token(c.get(), sb.session_token().c_str(), err.out()), YV_OK);
    ok<AccountList>([&](yv_account_list **list, yv_error **e) {
        return yv_client_list_accounts(c.get(), nullptr, list, e);
    });
}

TEST_F(CapiKeys, OneClientSharedByManyThreadsExchangesOnce) {
    auto key = create_key(admin.get(), "threads", {"read"});
    ASSERT_TRUE(key);
    auto user = key_client(sb, yv_api_key_api_key(key.get()), yv_api_key_api_secret(key.get()));
    const auto before = sb.stat("token_exchanges");
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&] {
            yv_account_list *list = nullptr;
            if (yv_client_list_accounts(user.get(), nullptr, &list, nullptr) == YV_OK) ++ok;
            yv_account_list_free(list);
        });
    }
    for (auto &t : threads) t.join();
    EXPECT_EQ(ok.load(), 8);
    EXPECT_EQ(sb.stat("token_exchanges"), before + 1);
}

}  // namespace
