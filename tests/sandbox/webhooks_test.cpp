// Webhook subscriptions: the secret is shown once; list; delete; validation; scope.
#include <regex>

#include "util.hpp"

namespace sbt {
namespace {

TEST(Webhooks, CreateListDelete) {
    SandboxProcess sb;
    Client c(sb);
    auto r = c.call(
        "POST", "/webhook/create",
        R"({"url":"https://example.com/hook","events":["transaction.confirmed","deposit.confirmed"],"description":"ops"})");
    ASSERT_EQ(r.status, 201) << r.body;
    auto doc = parse(r.body);
    const auto &d = doc["data"];
    EXPECT_TRUE(std::regex_match(str(d, "id"), std::regex("wh_[0-9a-f]{24}")));
    EXPECT_TRUE(std::regex_match(str(d, "secret"), std::regex("whsec_[0-9a-f]{64}")));
    EXPECT_EQ(str(d, "url"), "https://example.com/hook");
    EXPECT_EQ(d["events"].Size(), 2u);
    EXPECT_EQ(str(d, "status"), "active");
    std::string id = str(d, "id");

    auto list = c.call("GET", "/webhook/list");
    ASSERT_EQ(list.status, 200);
    auto ldoc = parse(list.body);
    ASSERT_EQ(ldoc["data"]["webhooks"].Size(), 1u);
    EXPECT_FALSE(ldoc["data"]["webhooks"][0].HasMember("secret"));
    EXPECT_EQ(list.body.find("whsec_"), std::string::npos);

    auto del = c.call("DELETE", "/webhook/" + id);
    ASSERT_EQ(del.status, 200) << del.body;
    EXPECT_TRUE(parse(del.body)["data"]["deleted"].IsTrue());
    EXPECT_EQ(parse(c.call("GET", "/webhook/list").body)["data"]["webhooks"].Size(), 0u);
    EXPECT_EQ(c.call("DELETE", "/webhook/" + id).status, 404);
}

TEST(Webhooks, ValidatesUrlAndEvents) {
    SandboxProcess sb;
    Client c(sb);
    auto bad = c.call("POST", "/webhook/create", R"({"url":"http://example.com/h","events":[]})");
    ASSERT_EQ(bad.status, 400);
    auto doc = parse(bad.body);
    EXPECT_TRUE(doc["details"].HasMember("url"));
    EXPECT_TRUE(doc["details"].HasMember("events"));
    EXPECT_EQ(c.call("POST", "/webhook/create", R"({"url":"ftp://x","events":["*"]})").status, 400);
    EXPECT_EQ(c.call("POST", "/webhook/create", R"({"url":"https://x.io","events":["Bad Event"]})")
                  .status,
              400);
    // Plain http is accepted for loopback receivers (local development).
    EXPECT_EQ(c.call("POST", "/webhook/create", R"({"url":"http://127.0.0.1:9/h","events":["*"]})")
                  .status,
              201);
}

TEST(Webhooks, NeedTheWebhooksScope) {
    SandboxProcess sb({"--totp-period", "2"});
    Client c(sb);
    Creds reader = c.create_key(R"(["read","write"])");
    Creds hooks = c.create_key(R"(["webhooks"])");
    const std::string body = R"({"url":"https://example.com/h","events":["*"]})";
    EXPECT_EQ(c.keyed(reader, "POST", "/webhook/create", body).status, 403);
    auto ok = c.keyed(hooks, "POST", "/webhook/create", body);
    ASSERT_EQ(ok.status, 201);
    EXPECT_EQ(c.keyed(reader, "DELETE", "/webhook/" + data_str(ok, "id")).status, 403);
    EXPECT_EQ(c.keyed(hooks, "DELETE", "/webhook/" + data_str(ok, "id")).status, 200);
}

}  // namespace
}  // namespace sbt
