// SPEC §1 dialects against a sandbox: a primary path answered 404 (a fault: not processed) makes
// the client call the same endpoint in the other dialect (K2 /apikey/generate, GET /apikey,
// DELETE /apikey/{id}; W2 /webhook/create-webhook, /webhook/get-webhooks), and remember it for the
// group, so later calls of the group never touch the primary again; any other error never falls
// back, and a group whose primary answered keeps its primary.
#include "itest.hpp"

using itest::code_of;
using yativo::Status;

namespace {

std::string fault404(const std::string &path, int count = 1) {
    return R"({"path":")" + path + R"(","status":404,"count":)" + std::to_string(count) + "}";
}

struct Dialects : ::testing::Test {
    yvtest::SandboxProcess sb{{"--totp-period", "1"}};
    yativo::Client session{itest::session_options(sb)};
};

}  // namespace

TEST_F(Dialects, KeysFallBackToK2AndRememberIt) {
    sb.fault(fault404("/apikey/create"));
    auto k = session.create_api_key({"k2-one", {"read"}, {}, {}});
    EXPECT_FALSE(k.id.empty());
    EXPECT_FALSE(k.api_secret.empty());
    EXPECT_EQ(k.name, "k2-one");                                 // read from K2's key_name
    EXPECT_EQ(k.permissions, std::vector<std::string>{"read"});  // from K2's scopes
    EXPECT_EQ(sb.path_count("/apikey/create"), 1);
    EXPECT_EQ(sb.path_count("/apikey/generate"), 1);

    // Remembered for the whole group: create, list and revoke go straight to K2.
    auto k2 = session.create_api_key({"k2-two", {"read", "write"}, 30, {}});
    auto keys = session.list_api_keys();
    bool listed = false;
    for (const auto &key : keys) listed = listed || key.id == k2.id;
    EXPECT_TRUE(listed);
    session.revoke_api_key(k.id);
    EXPECT_EQ(sb.path_count("/apikey/create"), 1);
    EXPECT_EQ(sb.path_count("/apikey/generate"), 2);
    EXPECT_EQ(sb.path_count("/apikey/list"), 0);
    EXPECT_EQ(sb.path_count("/apikey"), 1);
    EXPECT_EQ(sb.path_count("/apikey/" + k.id + "/revoke"), 0);
    EXPECT_EQ(sb.path_count("/apikey/" + k.id), 1);

    // The revoked key no longer works; the other one does.
    yativo::Client revoked(itest::key_options(sb, itest::Key{k.id, k.api_key, k.api_secret}));
    EXPECT_EQ(code_of([&] { revoked.list_accounts(); }), Status::AUTHENTICATION);
    yativo::Client other(itest::key_options(sb, itest::Key{k2.id, k2.api_key, k2.api_secret}));
    EXPECT_NO_THROW(other.list_accounts());

    // The webhooks group has learnt nothing: it starts with its primary.
    session.create_webhook("https://example.com/hook", {"transaction.confirmed"});
    EXPECT_EQ(sb.path_count("/webhook/create"), 1);
    EXPECT_EQ(sb.path_count("/webhook/create-webhook"), 0);
}

TEST_F(Dialects, WebhooksFallBackToW2AndRememberIt) {
    sb.fault(fault404("/webhook/list"));
    EXPECT_TRUE(session.list_webhooks().empty());
    EXPECT_EQ(sb.path_count("/webhook/list"), 1);
    EXPECT_EQ(sb.path_count("/webhook/get-webhooks"), 1);
    auto hook =
        session.create_webhook("https://example.com/w2", {"transaction.confirmed"}, "from W2");
    EXPECT_FALSE(hook.id.empty());
    EXPECT_EQ(hook.url, "https://example.com/w2");
    auto hooks = session.list_webhooks();
    ASSERT_EQ(hooks.size(), 1u);
    EXPECT_EQ(hooks[0].id, hook.id);
    EXPECT_EQ(sb.path_count("/webhook/create"), 0);
    EXPECT_EQ(sb.path_count("/webhook/create-webhook"), 1);
    EXPECT_EQ(sb.path_count("/webhook/list"), 1);
    EXPECT_EQ(sb.path_count("/webhook/get-webhooks"), 2);
}

TEST_F(Dialects, AnErrorOtherThan404Or405NeverFallsBack) {
    for (int status : {400, 403, 409, 422}) {
        // A fresh client each time: its webhooks group has learnt no dialect yet.
        yativo::Client c(itest::session_options(sb));
        sb.fault(R"({"path":"/webhook/create","status":)" + std::to_string(status) + "}");
        yativo::Error err(Status::OK, "");
        EXPECT_NE(code_of([&] { c.create_webhook("https://example.com/x", {"*"}); }, &err),
                  Status::OK);
        EXPECT_EQ(err.http_status, status);
        EXPECT_EQ(sb.path_count("/webhook/create-webhook"), 0) << status;
    }
    // A 500 (retried or not) does not either.
    sb.fault(R"({"path":"/apikey/list","status":500,"count":10})");
    EXPECT_EQ(code_of([&] { session.list_api_keys(); }), Status::SERVER);
    EXPECT_EQ(sb.path_count("/apikey"), 0);
    sb.clear_faults();
}

TEST_F(Dialects, AGroupWhosePrimaryAnsweredKeepsIt) {
    auto k = session.create_api_key({"k1", {"read"}, {}, {}});
    EXPECT_EQ(sb.path_count("/apikey/create"), 1);
    // Now a 404 is the answer (an id, or a path, the server has not), not a reason to switch.
    sb.fault(fault404("/apikey/list"));
    EXPECT_EQ(code_of([&] { session.list_api_keys(); }), Status::NOT_FOUND);
    EXPECT_EQ(sb.path_count("/apikey"), 0);
    EXPECT_EQ(code_of([&] { session.revoke_api_key("key_000000000000000000000000"); }),
              Status::NOT_FOUND);
    EXPECT_EQ(sb.path_count("/apikey/key_000000000000000000000000"), 0);
    session.revoke_api_key(k.id);
    EXPECT_EQ(sb.path_count("/apikey/" + k.id + "/revoke"), 1);
}

TEST_F(Dialects, ClientsLearnApart) {
    sb.fault(fault404("/apikey/list"));
    session.list_api_keys();
    EXPECT_EQ(sb.path_count("/apikey"), 1);
    yativo::Client fresh(itest::session_options(sb));
    fresh.list_api_keys();
    EXPECT_EQ(sb.path_count("/apikey/list"), 2);  // a new client starts with the primary
    EXPECT_EQ(sb.path_count("/apikey"), 1);
}
