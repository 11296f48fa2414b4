// The second dialects (K2 keys, W2 webhooks) on the stores and rules of K1 and W1; the routes for
// one webhook; unknown paths are 404 even where a pattern with another method matches.
#include <regex>

#include "util.hpp"

namespace sbt {
namespace {

std::string error_of(const HttpResult &r) {
    return str(parse(r.body), "error");
}

size_t key_count_k1(Client &c) {
    auto r = c.call("GET", "/apikey/list");
    EXPECT_EQ(r.status, 200) << r.body;
    return parse(r.body)["data"]["keys"].Size();
}

TEST(Dialects, K1AndK2ShareOneKeyStore) {
    SandboxProcess sb({"--totp-period", "2"});
    Client c(sb);
    auto made = c.call(
        "POST", "/apikey/generate",
        R"({"key_name":"k2","scopes":["read","webhooks"],"expires_in_days":30,"allowed_ips":["10.0.0.0/8","::1","127.0.0.1"]})",
        {c.code_header()});
    ASSERT_EQ(made.status, 201) << made.body;
    auto doc = parse(made.body);
    const auto &k = doc["data"];
    std::string id = str(k, "id");
    EXPECT_TRUE(std::regex_match(id, std::regex("key_[0-9a-f]{24}")));
    EXPECT_TRUE(std::regex_match(str(k, "api_secret"), std::regex("[0-9a-f]{64}")));
    EXPECT_EQ(str(k, "key_name"), "k2");
    EXPECT_EQ(str(k, "name"), "k2");
    ASSERT_EQ(k["scopes"].Size(), 2u);
    EXPECT_EQ(std::string(k["scopes"][1].GetString()), "webhooks");
    ASSERT_EQ(k["allowed_ips"].Size(), 3u);
    EXPECT_EQ(std::string(k["allowed_ips"][0].GetString()), "10.0.0.0/8");
    EXPECT_TRUE(k["is_active"].IsTrue());
    EXPECT_TRUE(doc["success"].IsTrue());
    Creds creds{id, str(k, "api_key"), str(k, "api_secret")};

    // K1 sees it (secret never again), and K2's list sees the K1 keys.
    auto list = c.call("GET", "/apikey/list");
    ASSERT_EQ(list.status, 200);
    auto ldoc = parse(list.body);
    ASSERT_EQ(ldoc["data"]["keys"].Size(), 1u);
    EXPECT_EQ(str(ldoc["data"]["keys"][0], "id"), id);
    EXPECT_EQ(ldoc["data"]["keys"][0]["allowed_ips"].Size(), 3u);
    EXPECT_EQ(list.body.find(creds.api_secret), std::string::npos);
    Creds k1 = c.create_key(R"(["read"])", "k1");
    auto k2list = c.call("GET", "/apikey");
    ASSERT_EQ(k2list.status, 200) << k2list.body;
    auto kdoc = parse(k2list.body);
    EXPECT_EQ(kdoc["count"].GetInt(), 2);
    ASSERT_EQ(kdoc["data"].Size(), 2u);
    EXPECT_EQ(str(kdoc["data"][1], "id"), k1.id);
    EXPECT_EQ(str(kdoc["data"][1], "key_name"), "k1");
    EXPECT_EQ(k2list.body.find(k1.api_secret), std::string::npos);
    EXPECT_EQ(c.call("GET", "/apikey/" + id).status, 200);  // K1's get of a K2 key

    // The K2 key works, and K2's DELETE revokes it as K1's revoke does.
    std::string token = c.token(creds);
    EXPECT_EQ(c.bearer(token, "GET", "/webhook/list").status, 200);
    auto del = c.call("DELETE", "/apikey/" + id, "", {c.code_header()});
    ASSERT_EQ(del.status, 200) << del.body;
    EXPECT_TRUE(parse(del.body)["data"]["is_revoked"].IsTrue());
    EXPECT_EQ(data_str(del, "status"), "revoked");
    EXPECT_EQ(data_str(c.call("GET", "/apikey/" + id), "status"), "revoked");
    EXPECT_EQ(error_of(c.bearer(token, "GET", "/webhook/list")), "invalid_token");
    EXPECT_EQ(c.keyed(creds, "GET", "/webhook/list").status, 401);
    // A key revoked through K1 reads as revoked through K2.
    ASSERT_EQ(c.call("POST", "/apikey/" + k1.id + "/revoke", "", {c.code_header()}).status, 200);
    auto after = parse(c.call("GET", "/apikey").body);
    EXPECT_TRUE(after["data"][1]["is_revoked"].IsTrue());
    EXPECT_EQ(
        c.call("DELETE", "/apikey/key_000000000000000000000000", "", {c.code_header()}).status,
        404);
}

TEST(Dialects, K2WritesNeed2FAAndChangeNothingWithout) {
    SandboxProcess sb({"--totp-period", "2"});
    Client c(sb);
    auto none = c.call("POST", "/apikey/generate", R"({"key_name":"x","scopes":["read"]})");
    EXPECT_EQ(none.status, 401);
    EXPECT_EQ(error_of(none), "two_factor_required");
    auto wrong = c.call("POST", "/apikey/generate", R"({"key_name":"x","scopes":["read"]})",
                        {"X-2FA-Token: 000000"});
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(error_of(wrong), "two_factor_invalid");
    EXPECT_EQ(key_count_k1(c), 0u);

    Creds k = c.create_key(R"(["read"])");
    auto del = c.call("DELETE", "/apikey/" + k.id);
    EXPECT_EQ(error_of(del), "two_factor_required");
    EXPECT_EQ(data_str(c.call("GET", "/apikey/" + k.id), "status"), "active");
    EXPECT_EQ(c.keyed(k, "GET", "/apikey/list").status, 200);
}

TEST(Dialects, K2RefusesEscalationAndBadFields) {
    SandboxProcess sb({"--totp-period", "2"});
    Client c(sb);
    Creds reader = c.create_key(R"(["read"])", "reader");
    Creds admin = c.create_key(R"(["read","write","transactions","webhooks"])", "admin");

    auto up = c.keyed(reader, "POST", "/apikey/generate",
                      R"({"key_name":"more","scopes":["read","write"]})", {"X-2FA-Token: 000000"});
    EXPECT_EQ(up.status, 403) << up.body;
    EXPECT_EQ(error_of(up), "forbidden");
    // A reader may not revoke a key that holds more than it does.
    // (Both refusals come before the 2FA check: no code is spent on them.)
    auto down = c.keyed(reader, "DELETE", "/apikey/" + admin.id, "", {"X-2FA-Token: 000000"});
    EXPECT_EQ(down.status, 403);
    EXPECT_EQ(data_str(c.call("GET", "/apikey/" + admin.id), "status"), "active");

    // No scopes: what the caller holds (a key's own set; everything for the session).
    auto own =
        c.keyed(reader, "POST", "/apikey/generate", R"({"key_name":"same"})", {c.code_header()});
    ASSERT_EQ(own.status, 201) << own.body;
    auto odoc = parse(own.body);
    ASSERT_EQ(odoc["data"]["scopes"].Size(), 1u);
    EXPECT_EQ(std::string(odoc["data"]["scopes"][0].GetString()), "read");
    auto all = c.call("POST", "/apikey/generate", R"({"key_name":"all"})", {c.code_header()});
    ASSERT_EQ(all.status, 201) << all.body;
    EXPECT_EQ(parse(all.body)["data"]["scopes"].Size(), 4u);

    size_t before = key_count_k1(c);
    for (const char *body :
         {R"({"scopes":["read"]})", R"({"key_name":"x","allowed_ips":["999.1.1.1"]})",
          R"({"key_name":"x","allowed_ips":["10.0.0.0/33"]})",
          R"({"key_name":"x","allowed_ips":["::1/129"]})",
          R"({"key_name":"x","allowed_ips":"10.0.0.1"})", R"({"key_name":"x","scopes":"read"})",
          R"({"key_name":"x","expires_in_days":4000})"}) {
        auto bad = c.call("POST", "/apikey/generate", body, {"X-2FA-Token: 000000"});
        EXPECT_EQ(bad.status, 400) << body << " " << bad.body;
        EXPECT_EQ(error_of(bad), "validation_error") << body;
    }
    auto bad = parse(
        c.call("POST", "/apikey/generate", R"({"key_name":"x","allowed_ips":["1.2.3.4","nope"]})")
            .body);
    EXPECT_TRUE(bad["details"].HasMember("allowed_ips"));
    EXPECT_EQ(key_count_k1(c), before);
}

std::string webhook_body(const std::string &url, const std::string &events = R"(["*"])") {
    return R"({"url":")" + url + R"(","events":)" + events + "}";
}

TEST(Dialects, W1AndW2ShareOneWebhookStore) {
    SandboxProcess sb;
    Client c(sb);
    auto w2 = c.call(
        "POST", "/webhook/create-webhook",
        R"({"url":"https://example.com/a","events":["deposit.received"],"description":"two"})");
    ASSERT_EQ(w2.status, 201) << w2.body;
    std::string a = data_str(w2, "id");
    EXPECT_TRUE(std::regex_match(data_str(w2, "secret"), std::regex("whsec_[0-9a-f]{64}")));
    EXPECT_EQ(data_str(w2, "_id"), a);
    EXPECT_EQ(data_str(w2, "webhook_url"), "https://example.com/a");
    auto w1 = c.call("POST", "/webhook/create", webhook_body("https://example.com/b"));
    ASSERT_EQ(w1.status, 201) << w1.body;
    std::string b = data_str(w1, "id");

    auto l1 = parse(c.call("GET", "/webhook/list").body);
    ASSERT_EQ(l1["data"]["webhooks"].Size(), 2u);
    EXPECT_EQ(str(l1["data"]["webhooks"][0], "id"), a);
    auto l2r = c.call("GET", "/webhook/get-webhooks");
    ASSERT_EQ(l2r.status, 200) << l2r.body;
    auto l2 = parse(l2r.body);
    ASSERT_EQ(l2["data"]["webhooks"].Size(), 2u);
    EXPECT_EQ(str(l2["data"]["webhooks"][1], "id"), b);
    EXPECT_EQ(l2["data"]["pagination"]["total"].GetInt(), 2);
    EXPECT_EQ(l2r.body.find("whsec_"), std::string::npos);
    auto p2 = parse(c.call("GET", "/webhook/get-webhooks?page=2&limit=1").body);
    ASSERT_EQ(p2["data"]["webhooks"].Size(), 1u);
    EXPECT_EQ(str(p2["data"]["webhooks"][0], "id"), b);
    EXPECT_EQ(p2["data"]["pagination"]["pages"].GetInt(), 2);
    EXPECT_EQ(c.call("GET", "/webhook/get-webhooks?limit=101").status, 400);
    EXPECT_EQ(c.call("GET", "/webhook/get-webhooks?page=0").status, 400);

    // Get, deleted through W1's path, gone from both lists.
    auto got = c.call("GET", "/webhook/" + a);
    ASSERT_EQ(got.status, 200);
    EXPECT_EQ(data_str(got, "description"), "two");
    EXPECT_EQ(got.body.find("whsec_"), std::string::npos);
    ASSERT_EQ(c.call("DELETE", "/webhook/" + a).status, 200);
    EXPECT_EQ(parse(c.call("GET", "/webhook/get-webhooks").body)["data"]["webhooks"].Size(), 1u);
    EXPECT_EQ(c.call("GET", "/webhook/" + a).status, 404);
    EXPECT_EQ(c.call("GET", "/webhook/" + a + "/events").status, 404);
}

TEST(Dialects, WebhookUpdateActivateDeactivate) {
    SandboxProcess sb;
    Client c(sb);
    std::string id =
        data_str(c.call("POST", "/webhook/create",
                        R"({"url":"https://example.com/a","events":["*"],"description":"d"})"),
                 "id");
    // The official SDK's update sends its keyword arguments as they are.
    auto up = c.call("PUT", "/webhook/" + id,
                     R"({"url":"https://example.com/new","events":["transaction.*"]})");
    ASSERT_EQ(up.status, 200) << up.body;
    EXPECT_EQ(data_str(up, "url"), "https://example.com/new");
    EXPECT_EQ(parse(up.body)["data"]["events"].Size(), 1u);
    EXPECT_EQ(data_str(up, "description"), "d");

    // Refused updates change nothing.
    for (const char *body :
         {R"({})", R"({"url":"http://example.com/x"})", R"({"events":[]})",
          R"({"events":["Bad Name"]})", R"({"active":"yes"})", R"({"status":"paused"})",
          R"({"url":"https://example.com/ok","events":"*"})"}) {
        auto bad = c.call("PUT", "/webhook/" + id, body);
        EXPECT_EQ(bad.status, 400) << body << " " << bad.body;
    }
    auto same = c.call("GET", "/webhook/" + id);
    EXPECT_EQ(data_str(same, "url"), "https://example.com/new");

    auto off = c.call("POST", "/webhook/" + id + "/deactivate");
    ASSERT_EQ(off.status, 200) << off.body;
    EXPECT_EQ(data_str(off, "status"), "inactive");
    EXPECT_EQ(data_str(c.call("GET", "/webhook/" + id), "status"), "inactive");
    EXPECT_EQ(c.call("POST", "/webhook/" + id + "/test").status, 409);
    auto on = c.call("POST", "/webhook/" + id + "/activate");
    EXPECT_EQ(data_str(on, "status"), "active");
    auto by_put = c.call("PUT", "/webhook/" + id, R"({"active":false,"description":null})");
    ASSERT_EQ(by_put.status, 200) << by_put.body;
    EXPECT_EQ(data_str(by_put, "status"), "inactive");
    EXPECT_TRUE(parse(by_put.body)["data"]["description"].IsNull());
    EXPECT_EQ(data_str(c.call("PUT", "/webhook/" + id, R"({"status":"active"})"), "status"),
              "active");

    EXPECT_EQ(c.call("POST", "/webhook/wh_000000000000000000000000/activate").status, 404);
    EXPECT_EQ(c.call("PUT", "/webhook/wh_000000000000000000000000", R"({"active":true})").status,
              404);
}

TEST(Dialects, WebhookRoutesNeedTheWebhooksScope) {
    SandboxProcess sb({"--totp-period", "2"});
    Client c(sb);
    Creds reader = c.create_key(R"(["read","write"])");
    std::string id = data_str(
        c.call("POST", "/webhook/create-webhook", webhook_body("https://example.com/h")), "id");
    for (auto [method, path] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/webhook/get-webhooks"},
             {"POST", "/webhook/create-webhook"},
             {"GET", "/webhook/" + id},
             {"PUT", "/webhook/" + id},
             {"POST", "/webhook/" + id + "/deactivate"},
             {"POST", "/webhook/" + id + "/test"},
             {"GET", "/webhook/" + id + "/events"}}) {
        auto r = c.keyed(reader, method, path, webhook_body("https://example.com/x"));
        EXPECT_EQ(r.status, 403) << method << " " << path;
    }
    EXPECT_EQ(data_str(c.call("GET", "/webhook/" + id), "status"), "active");
}

TEST(Dialects, PlainHttpOnlyToALoopbackAddress) {
    SandboxProcess sb;
    Client c(sb);
    for (const char *url :
         {"http://127.0.0.1:9/h", "http://localhost:9/h", "http://[::1]:9/h", "http://127.1.2.3/h"})
        EXPECT_EQ(c.call("POST", "/webhook/create-webhook", webhook_body(url)).status, 201) << url;
    for (const char *url : {"http://127.example.com/h", "http://127.0.0.1@example.com/h",
                            "http://[::2]/h", "http://10.0.0.1/h"})
        EXPECT_EQ(c.call("POST", "/webhook/create-webhook", webhook_body(url)).status, 400) << url;
    std::string id =
        data_str(c.call("POST", "/webhook/create", webhook_body("https://example.com/h")), "id");
    EXPECT_EQ(c.call("PUT", "/webhook/" + id, R"({"url":"http://127.example.com/h"})").status, 400);
}

TEST(Dialects, UnknownPathIs404NeverA405FromAPattern) {
    SandboxProcess sb;
    Client c(sb);
    // Only patterns match these (DELETE|GET|PUT /webhook/{id}, GET|DELETE /apikey/{id}).
    EXPECT_EQ(c.call("POST", "/webhook/get-webhookz").status, 404);
    EXPECT_EQ(error_of(c.call("POST", "/webhook/get-webhookz")), "not_found");
    EXPECT_EQ(c.call("PATCH", "/apikey/key_000000000000000000000000").status, 404);
    EXPECT_EQ(c.call("POST", "/webhook/wh_000000000000000000000000/events").status, 404);
    EXPECT_EQ(c.call("GET", "/apikey/key_0/rotate").status, 404);
    // A literal path with another method is still 405 with Allow.
    auto lit = c.call("GET", "/apikey/generate");
    EXPECT_EQ(lit.status, 405);
    EXPECT_EQ(lit.header("Allow"), "POST");
    EXPECT_EQ(c.call("POST", "/webhook/get-webhooks").status, 405);
    EXPECT_EQ(c.call("DELETE", "/apikey").status, 405);
    EXPECT_EQ(c.call("GET", "/auth/token").status, 405);
}

}  // namespace
}  // namespace sbt
