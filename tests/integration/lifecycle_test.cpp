// The whole API-key lifecycle with 2FA against the sandbox.
#include "itest.hpp"

using itest::code_of;
using yativo::Status;

TEST(Lifecycle, CreateTokenListGetPermissionsRotateRevoke) {
    yvtest::SandboxProcess sb({"--totp-period", "2"});
    yativo::Client session(itest::session_options(sb));

    auto created = session.create_api_key({"ci-key", {"read", "write"}, 30, {}});
    EXPECT_FALSE(created.id.empty());
    EXPECT_FALSE(created.api_key.empty());
    EXPECT_FALSE(created.api_secret.empty());
    EXPECT_EQ(created.name, "ci-key");
    EXPECT_EQ(created.permissions, (std::vector<std::string>{"read", "write"}));
    EXPECT_FALSE(created.expires_at.empty());

    itest::Key key{created.id, created.api_key, created.api_secret};
    yativo::Client client(itest::key_options(sb, key));
    auto token = client.token();
    EXPECT_FALSE(token.access_token.empty());
    EXPECT_EQ(token.token_type, "Bearer");
    EXPECT_GT(token.expires_in, 3000);
    EXPECT_EQ(sb.stat("token_exchanges"), 1);

    auto keys = session.list_api_keys();
    bool listed = false;
    for (const auto &k : keys) {
        EXPECT_TRUE(k.api_secret.empty()) << "list must never carry secrets";
        listed = listed || k.id == created.id;
    }
    EXPECT_TRUE(listed);

    auto got = session.get_api_key(created.id);
    EXPECT_EQ(got.api_key, created.api_key);
    EXPECT_EQ(got.status, "active");
    EXPECT_TRUE(got.api_secret.empty());

    auto updated = session.update_api_key_permissions(created.id, {"read"});
    EXPECT_EQ(updated.permissions, (std::vector<std::string>{"read"}));
    // The narrowed key can no longer create.
    EXPECT_EQ(code_of([&] { client.create_account("x", "business"); }), Status::PERMISSION_DENIED);

    auto rotated = session.rotate_api_key(created.id);
    EXPECT_EQ(rotated.api_key, created.api_key);
    EXPECT_FALSE(rotated.api_secret.empty());
    EXPECT_NE(rotated.api_secret.reveal(), created.api_secret.reveal());
    // The old secret is refused at once; the new one works.
    yativo::Client old_secret(itest::key_options(sb, key));
    EXPECT_EQ(code_of([&] { old_secret.list_accounts(); }), Status::AUTHENTICATION);
    itest::Key rotated_key{created.id, created.api_key, rotated.api_secret};
    yativo::Client fresh(itest::key_options(sb, rotated_key));
    EXPECT_NO_THROW(fresh.list_accounts());

    session.revoke_api_key(created.id);
    EXPECT_EQ(session.get_api_key(created.id).status, "revoked");
    // Revocation kills the live token too.
    EXPECT_EQ(code_of([&] { fresh.list_accounts(); }), Status::AUTHENTICATION);
    yativo::Client after(itest::key_options(sb, rotated_key));
    EXPECT_EQ(code_of([&] { after.list_accounts(); }), Status::AUTHENTICATION);
}

TEST(Lifecycle, TwoFactorWithoutSourceOrWithWrongCode) {
    yvtest::SandboxProcess sb({"--totp-period", "2"});
    auto o = itest::options_for(sb);
    o.auth = yativo::AuthMode::Bearer;
    o.access_token = yativo::Secret(sb.session_token());
    yativo::Client no_totp(o);
    long before = sb.stat("requests");
    EXPECT_EQ(code_of([&] {
                  no_totp.create_api_key({"k", {"read"}, {}, {}});
              }),
              Status::TWO_FACTOR_REQUIRED);
    EXPECT_EQ(sb.stat("requests"), before);  // refused before any I/O

    yativo::CallOptions wrong;
    wrong.totp_code = yativo::Secret(sb.totp_now() == "000000" ? "111111" : "000000");
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of(
                  [&] {
                      no_totp.create_api_key({"k", {"read"}, {}, {}}, wrong);
                  },
                  &e),
              Status::TWO_FACTOR_REQUIRED);
    EXPECT_EQ(e.http_status, 401);
    EXPECT_EQ(e.error_code, "two_factor_invalid");

    yativo::CallOptions right;
    right.totp_code = yativo::Secret(sb.totp_now());
    EXPECT_NO_THROW(no_totp.create_api_key({"k", {"read"}, {}, {}}, right));
}

// Another process already used this step: the server answers two_factor_invalid, and a client
// with a TOTP source waits for the next step and retries once.
TEST(Lifecycle, UsedStepMovesToTheNextStep) {
    yvtest::SandboxProcess sb({"--totp-period", "2"});
    yativo::Client first(itest::session_options(sb));
    yativo::Client second(itest::session_options(sb));
    auto k = first.create_api_key({"a", {"read"}, {}, {}});
    // `second` does not know which step `first` used.
    auto started = std::chrono::steady_clock::now();
    EXPECT_NO_THROW(second.rotate_api_key(k.id));
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(8));
    // One refused (two_factor_invalid) and one accepted, or one accepted when the steps differed.
    long rotations = sb.path_count("/apikey/" + k.id + "/rotate");
    EXPECT_GE(rotations, 1);
    EXPECT_LE(rotations, 2);
}

TEST(Lifecycle, NoEscalationThroughKeyManagement) {
    yvtest::SandboxProcess sb({"--totp-period", "2"});
    auto reader = itest::create_key(sb, {"read"});
    auto o = itest::key_options(sb, reader);
    o.totp_secret = yativo::Secret(sb.totp_secret());
    o.totp_period = std::chrono::seconds(2);
    yativo::Client c(o);
    EXPECT_EQ(code_of([&] {
                  c.create_api_key({"escalate", {"read", "write", "transactions"}, {}, {}});
              }),
              Status::PERMISSION_DENIED);
}
