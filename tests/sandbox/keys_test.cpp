// API keys (K1), token exchange, header auth, 2FA, scopes and escalation, expiry, revocation,
// rotation.
#include <chrono>
#include <regex>
#include <thread>

#include "util.hpp"

namespace sbt {
namespace {

std::string error_of(const HttpResult &r) {
    return str(parse(r.body), "error");
}

TEST(Keys, CreateListGetShapesAndSecretOnlyOnce) {
    SandboxProcess sb({"--totp-period", "2"});
    Client c(sb);
    auto r = c.call("POST", "/apikey/create",
                    R"({"name":"ci","permissions":["read","write"],"expires_in_days":30})",
                    {c.code_header()});
    ASSERT_EQ(r.status, 201) << r.body;
    auto doc = parse(r.body);
    ASSERT_TRUE(doc["status"].IsTrue());
    const auto &k = doc["data"];
    EXPECT_TRUE(std::regex_match(str(k, "id"), std::regex("key_[0-9a-f]{24}")));
    EXPECT_TRUE(std::regex_match(str(k, "api_key"), std::regex("yativo_[0-9a-f]{48}")));
    EXPECT_TRUE(std::regex_match(str(k, "api_secret"), std::regex("[0-9a-f]{64}")));
    EXPECT_EQ(str(k, "name"), "ci");
    EXPECT_EQ(str(k, "status"), "active");
    ASSERT_TRUE(k["permissions"].IsArray());
    EXPECT_EQ(k["permissions"].Size(), 2u);
    EXPECT_TRUE(k["last_used_at"].IsNull());
    EXPECT_TRUE(std::regex_match(str(k, "created_at"),
                                 std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
    EXPECT_TRUE(k["expires_at"].IsString());
    std::string id = str(k, "id");

    auto list = c.call("GET", "/apikey/list");
    ASSERT_EQ(list.status, 200);
    auto ldoc = parse(list.body);
    ASSERT_TRUE(ldoc["data"]["keys"].IsArray());
    ASSERT_EQ(ldoc["data"]["keys"].Size(), 1u);
    EXPECT_EQ(str(ldoc["data"]["keys"][0], "id"), id);
    EXPECT_FALSE(ldoc["data"]["keys"][0].HasMember("api_secret"));
    EXPECT_EQ(list.body.find(str(k, "api_secret")), std::string::npos);

    auto get = c.call("GET", "/apikey/" + id);
    ASSERT_EQ(get.status, 200);
    EXPECT_EQ(data_str(get, "api_key"), str(k, "api_key"));
    EXPECT_FALSE(parse(get.body)["data"].HasMember("api_secret"));
    EXPECT_EQ(c.call("GET", "/apikey/key_000000000000000000000000").status, 404);
}

TEST(Keys, CreateValidatesFieldsWithoutUsingTheCode) {
    SandboxProcess sb({"--totp-period", "2"});
    Client c(sb);
    std::string code = c.code();
    auto r = c.call("POST", "/apikey/create", R"({"permissions":"read","expires_in_days":-1})",
                    {"X-2FA-Token: " + code});
    ASSERT_EQ(r.status, 400) << r.body;
    auto doc = parse(r.body);
    EXPECT_EQ(str(doc, "error"), "validation_error");
    EXPECT_TRUE(doc["details"].HasMember("name"));
    EXPECT_TRUE(doc["details"].HasMember("permissions"));
    EXPECT_TRUE(doc["details"].HasMember("expires_in_days"));
    // The rejected request did not consume the step: the same code still works.
    auto ok = c.call("POST", "/apikey/create", R"({"name":"a","permissions":["read"]})",
                     {"X-2FA-Token: " + code});
    EXPECT_EQ(ok.status, 201) << ok.body;
}

TEST(Keys, TwoFactorRequiredInvalidAndNeverReused) {
    SandboxProcess sb({"--totp-period", "2"});
    Client c(sb);
    const std::string body = R"({"name":"a","permissions":["read"]})";
    auto none = c.call("POST", "/apikey/create", body);
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(error_of(none), "two_factor_required");
    auto wrong = c.call("POST", "/apikey/create", body, {"X-2FA-Token: 000000"});
    // (000000 could be the real code once in a million runs)
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(error_of(wrong), "two_factor_invalid");
    EXPECT_EQ(error_of(c.call("POST", "/apikey/create", body, {"X-2FA-Token: 12ab56"})),
              "two_factor_invalid");
    // A code two steps away is outside the ±1 window.
    std::string far = sb.totp_at_step(sb.totp_step_now() + 3);
    EXPECT_EQ(error_of(c.call("POST", "/apikey/create", body, {"X-2FA-Token: " + far})),
              "two_factor_invalid");

    std::string code = c.code();
    EXPECT_EQ(c.call("POST", "/apikey/create", body, {"X-2FA-Token: " + code}).status, 201);
    auto again = c.call("POST", "/apikey/create", body, {"X-2FA-Token: " + code});
    EXPECT_EQ(again.status, 401);
    EXPECT_EQ(error_of(again), "two_factor_invalid");
    // Neighbouring steps are each accepted once.
    EXPECT_EQ(c.call("POST", "/apikey/create", body, {c.code_header()}).status, 201);
    EXPECT_EQ(parse(c.call("GET", "/apikey/list").body)["data"]["keys"].Size(), 2u);
}

TEST(Keys, TokenExchangeOnBothPathsWithTheFlatSupersetBody) {
    SandboxProcess sb({"--totp-period", "2", "--token-ttl", "120"});
    Client c(sb);
    Creds k = c.create_key(R"(["read","transactions"])");
    for (const char *path : {"/auth/token", "/apikey/token"}) {
        auto r =
            c.anon("POST", path,
                   R"({"api_key":")" + k.api_key + R"(","api_secret":")" + k.api_secret + R"("})");
        ASSERT_EQ(r.status, 200) << r.body;
        auto doc = parse(r.body);
        EXPECT_TRUE(doc["success"].IsTrue());
        EXPECT_EQ(str(doc, "token_type"), "Bearer");
        EXPECT_EQ(doc["expires_in"].GetInt(), 120);
        EXPECT_TRUE(
            std::regex_match(str(doc, "access_token"),
                             std::regex(R"(eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)")));
        EXPECT_TRUE(doc["expires_at"].IsString());
        ASSERT_TRUE(doc["scopes"].IsArray());
        EXPECT_EQ(doc["scopes"].Size(), 2u);
        EXPECT_EQ(doc["refresh_recommendation"]["refresh_before_seconds"].GetInt(), 300);
        EXPECT_TRUE(doc["refresh_recommendation"]["auto_refresh_enabled"].IsTrue());
        EXPECT_EQ(c.bearer(str(doc, "access_token"), "GET", "/apikey/list").status, 200);
    }
    EXPECT_EQ(sb.stat("token_exchanges"), 2);
    auto bad =
        c.anon("POST", "/auth/token", R"({"api_key":")" + k.api_key + R"(","api_secret":"nope"})");
    EXPECT_EQ(bad.status, 401);
    EXPECT_EQ(error_of(bad), "unauthorized");
    auto missing = c.anon("POST", "/auth/token", R"({"api_key":"x"})");
    EXPECT_EQ(missing.status, 400);
    EXPECT_TRUE(parse(missing.body)["details"].HasMember("api_secret"));
    // last_used_at is set once the key was used.
    EXPECT_TRUE(parse(c.call("GET", "/apikey/" + k.id).body)["data"]["last_used_at"].IsString());
}

TEST(Keys, BearerErrorsAreToldApart) {
    SandboxProcess sb({"--totp-period", "2", "--token-ttl", "1"});
    Client c(sb);
    Creds k = c.create_key(R"(["read"])");
    std::string token = c.token(k);
    EXPECT_EQ(c.bearer(token, "GET", "/apikey/list").status, 200);
    EXPECT_EQ(error_of(c.anon("GET", "/apikey/list")), "unauthorized");
    EXPECT_EQ(error_of(c.bearer("eyJnope", "GET", "/apikey/list")), "invalid_token");
    EXPECT_EQ(error_of(c.anon("GET", "/apikey/list", "", {"Authorization: Basic abc"})),
              "unauthorized");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    auto expired = c.bearer(token, "GET", "/apikey/list");
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(error_of(expired), "token_expired");
}

TEST(Keys, HeaderModeAuthenticatesWithKeyAndSecret) {
    SandboxProcess sb({"--totp-period", "2"});
    Client c(sb);
    Creds k = c.create_key(R"(["read"])");
    EXPECT_EQ(c.keyed(k, "GET", "/apikey/list").status, 200);
    Creds wrong = k;
    wrong.api_secret[0] = wrong.api_secret[0] == 'a' ? 'b' : 'a';
    EXPECT_EQ(c.keyed(wrong, "GET", "/apikey/list").status, 401);
    EXPECT_EQ(c.anon("GET", "/apikey/list", "", {"X-API-Key: " + k.api_key}).status, 401);
}

TEST(Keys, ScopesAreEnforcedPerEndpoint) {
    SandboxProcess sb({"--totp-period", "2"});
    Client c(sb);
    Creds reader = c.create_key(R"(["read"])");
    Creds writer = c.create_key(R"(["write"])");
    std::string acc = c.account();
    auto denied = c.keyed(reader, "POST", "/accounts/create-account", R"({"account_name":"x"})");
    EXPECT_EQ(denied.status, 403);
    EXPECT_EQ(error_of(denied), "forbidden");
    EXPECT_EQ(c.keyed(writer, "POST", "/accounts/create-account", R"({"account_name":"x"})").status,
              201);
    EXPECT_EQ(c.keyed(writer, "GET", "/accounts/get-accounts").status, 403);
    EXPECT_EQ(c.keyed(reader, "GET", "/accounts/get-accounts").status, 200);
    EXPECT_EQ(c.keyed(reader, "POST", "/transactions/get-transactions", "{}").status, 200);
    EXPECT_EQ(c.keyed(reader, "POST", "/transactions/send-funds", "{}").status, 403);
    EXPECT_EQ(c.keyed(reader, "GET", "/webhook/list").status, 403);
    // Resource:action aliases count as their coarse scope.
    Creds alias = c.create_key(R"(["wallets:read","webhooks:manage"])");
    EXPECT_EQ(c.keyed(alias, "POST", "/assets/get-user-assets", "{}").status, 200);
    EXPECT_EQ(c.keyed(alias, "GET", "/webhook/list").status, 200);
}

TEST(Keys, NoEscalationThroughKeyManagement) {
    SandboxProcess sb({"--totp-period", "1"});
    Client c(sb);
    Creds admin = c.create_key(R"(["read","write"])", "admin");
    Creds strong = c.create_key(R"(["read","write","transactions"])", "strong");
    std::string token = c.token(admin);

    // May grant what it holds, never more.
    auto child = c.bearer(token, "POST", "/apikey/create",
                          R"({"name":"child","permissions":["read"]})", {c.code_header()});
    ASSERT_EQ(child.status, 201) << child.body;
    std::string child_id = data_str(child, "id");
    auto more =
        c.bearer(token, "POST", "/apikey/create",
                 R"({"name":"x","permissions":["read","transactions"]})", {c.code_header()});
    EXPECT_EQ(more.status, 403);
    EXPECT_EQ(error_of(more), "forbidden");
    auto unknown = c.bearer(token, "POST", "/apikey/create",
                            R"({"name":"x","permissions":["apikey:write"]})", {c.code_header()});
    EXPECT_EQ(unknown.status, 403);
    // Cannot raise a key above itself, nor touch a stronger key.
    EXPECT_EQ(c.bearer(token, "PUT", "/apikey/" + child_id + "/permissions",
                       R"({"permissions":["transactions"]})", {c.code_header()})
                  .status,
              403);
    EXPECT_EQ(
        c.bearer(token, "POST", "/apikey/" + strong.id + "/rotate", "", {c.code_header()}).status,
        403);
    EXPECT_EQ(
        c.bearer(token, "POST", "/apikey/" + strong.id + "/revoke", "", {c.code_header()}).status,
        403);
    // Within its own scopes it manages keys of its user.
    auto narrowed = c.bearer(token, "PUT", "/apikey/" + child_id + "/permissions",
                             R"({"permissions":["write"]})", {c.code_header()});
    ASSERT_EQ(narrowed.status, 200) << narrowed.body;
    auto perms = parse(narrowed.body);
    ASSERT_EQ(perms["data"]["permissions"].Size(), 1u);
    EXPECT_STREQ(perms["data"]["permissions"][0].GetString(), "write");
    // Key management by key still needs 2FA.
    EXPECT_EQ(error_of(c.bearer(token, "POST", "/apikey/" + child_id + "/revoke")),
              "two_factor_required");
}

TEST(Keys, PermissionsUpdateReplacesTheSetAndAppliesToLiveTokens) {
    SandboxProcess sb({"--totp-period", "2"});
    Client c(sb);
    Creds k = c.create_key(R"(["read"])");
    std::string token = c.token(k);
    EXPECT_EQ(c.bearer(token, "GET", "/accounts/get-accounts").status, 200);
    auto r = c.call("PUT", "/apikey/" + k.id + "/permissions", R"({"permissions":["write"]})",
                    {c.code_header()});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(c.bearer(token, "GET", "/accounts/get-accounts").status, 403);
    EXPECT_EQ(c.call("PUT", "/apikey/" + k.id + "/permissions", R"({"permissions":[]})",
                     {c.code_header()})
                  .status,
              400);
    // Only a pattern matches this path with another method: unknown, not 405 (SPEC §6).
    EXPECT_EQ(
        c.call("POST", "/apikey/" + k.id + "/permissions", R"({"permissions":["read"]})").status,
        404);
}

TEST(Keys, RevocationKillsTheKeyAndItsLiveTokens) {
    SandboxProcess sb({"--totp-period", "2"});
    Client c(sb);
    Creds k = c.create_key(R"(["read"])");
    std::string token = c.token(k);
    auto r = c.call("POST", "/apikey/" + k.id + "/revoke", "", {c.code_header()});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(data_str(r, "status"), "revoked");
    EXPECT_EQ(error_of(c.bearer(token, "GET", "/apikey/list")), "invalid_token");
    EXPECT_EQ(c.keyed(k, "GET", "/apikey/list").status, 401);
    EXPECT_EQ(c.anon("POST", "/auth/token",
                     R"({"api_key":")" + k.api_key + R"(","api_secret":")" + k.api_secret + R"("})")
                  .status,
              401);
    EXPECT_EQ(data_str(c.call("GET", "/apikey/" + k.id), "status"), "revoked");
    EXPECT_EQ(c.call("POST", "/apikey/" + k.id + "/rotate", "", {c.code_header()}).status, 409);
    EXPECT_EQ(c.call("POST", "/apikey/key_nope/revoke", "", {c.code_header()}).status, 404);
}

TEST(Keys, RotationKillsTheOldSecretAtOnce) {
    SandboxProcess sb({"--totp-period", "2"});
    Client c(sb);
    Creds k = c.create_key(R"(["read"])");
    std::string old_token = c.token(k);
    auto r = c.call("POST", "/apikey/" + k.id + "/rotate", "", {c.code_header()});
    ASSERT_EQ(r.status, 200) << r.body;
    Creds rotated{k.id, data_str(r, "api_key"), data_str(r, "api_secret")};
    EXPECT_EQ(rotated.api_key, k.api_key);
    EXPECT_NE(rotated.api_secret, k.api_secret);
    EXPECT_NE(data_str(r, "rotated_at"), "<missing>");
    EXPECT_EQ(c.keyed(k, "GET", "/apikey/list").status, 401);
    EXPECT_EQ(c.keyed(rotated, "GET", "/apikey/list").status, 200);
    EXPECT_EQ(error_of(c.bearer(old_token, "GET", "/apikey/list")), "invalid_token");
    EXPECT_EQ(c.bearer(c.token(rotated), "GET", "/apikey/list").status, 200);
}

// allowed_ips (reference §2.3): a key that lists addresses serves only requests whose socket
// peer is one of them — here 127.0.0.1, the address this test connects from — in both key
// dialects, for the token exchange and X-API-Key requests alike; 403 forbidden otherwise.
TEST(Keys, AllowedIpsAreEnforcedOnTheSocketPeer) {
    SandboxProcess sb({"--totp-period", "1"});
    Client c(sb);
    auto make = [&](const char *path, const std::string &body) {
        auto r = c.call("POST", path, body, {c.code_header()});
        EXPECT_EQ(r.status, 201) << r.body;
        return Creds{data_str(r, "id"), data_str(r, "api_key"), data_str(r, "api_secret")};
    };
    auto exchange = [&](const Creds &k) {
        return c.anon("POST", "/auth/token",
                      R"({"api_key":")" + k.api_key + R"(","api_secret":")" + k.api_secret + "\"}");
    };
    Creds here = make("/apikey/create",
                      R"({"name":"here","permissions":["read"],"allowed_ips":["127.0.0.1"]})");
    Creds block = make("/apikey/generate",
                       R"({"key_name":"block","scopes":["read"],"allowed_ips":["127.0.0.0/8"]})");
    for (const Creds &k : {here, block}) {
        auto t = exchange(k);
        ASSERT_EQ(t.status, 200) << t.body;
        EXPECT_EQ(c.bearer(str(parse(t.body), "access_token"), "GET", "/apikey/list").status, 200);
        EXPECT_EQ(c.keyed(k, "GET", "/apikey/list").status, 200);
    }

    Creds elsewhere = make("/apikey/create",
                           R"({"name":"far","permissions":["read"],"allowed_ips":["10.1.2.3"]})");
    Creds other_net =
        make("/apikey/generate",
             R"({"key_name":"v6","scopes":["read"],"allowed_ips":["10.0.0.0/8","::1"]})");
    for (const Creds &k : {elsewhere, other_net}) {
        auto t = exchange(k);
        ASSERT_EQ(t.status, 403) << t.body;
        auto doc = parse(t.body);
        EXPECT_EQ(str(doc, "error"), "forbidden");
        EXPECT_EQ(str(doc["details"], "reason"), "ip_not_allowed");
        EXPECT_EQ(str(doc["details"], "ip_address"), "127.0.0.1");
        auto keyed = c.keyed(k, "GET", "/apikey/list");
        EXPECT_EQ(keyed.status, 403) << keyed.body;
        EXPECT_EQ(error_of(keyed), "forbidden");
        // Without the right secret the key's restriction is not even disclosed.
        Creds wrong = k;
        wrong.api_secret = std::string(64, '0');
        EXPECT_EQ(exchange(wrong).status, 401);
        EXPECT_EQ(c.keyed(wrong, "GET", "/apikey/list").status, 401);
    }
    // The refusals left the keys unused.
    auto got = parse(c.call("GET", "/apikey/" + elsewhere.id).body);
    EXPECT_TRUE(got["data"]["last_used_at"].IsNull());
}

TEST(Keys, ExpiredKeysAreRefused) {
    SandboxProcess sb({"--totp-period", "2"});
    Client c(sb);
    // expires_in_days accepts fractions: 0.00002 days = 1.728 s (rounded down to 1 s).
    auto r = c.call("POST", "/apikey/create",
                    R"({"name":"short","permissions":["read"],"expires_in_days":0.00002})",
                    {c.code_header()});
    ASSERT_EQ(r.status, 201) << r.body;
    Creds k{data_str(r, "id"), data_str(r, "api_key"), data_str(r, "api_secret")};
    std::string token = c.token(k);
    EXPECT_EQ(c.keyed(k, "GET", "/apikey/list").status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    EXPECT_EQ(c.keyed(k, "GET", "/apikey/list").status, 401);
    EXPECT_EQ(c.bearer(token, "GET", "/apikey/list").status, 401);
    EXPECT_EQ(data_str(c.call("GET", "/apikey/" + k.id), "status"), "expired");
}

}  // namespace
}  // namespace sbt
