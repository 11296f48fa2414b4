// Session sign-in: registration, e-mailed OTPs (/__sandbox/outbox), refresh, Google
// Authenticator and passkeys; the tokens they issue act for their own user.
#include <thread>

#include "util.hpp"

namespace sbt {
namespace {

const char kEmail[] = "user@sandbox.yativo.test";

std::string error_of(const HttpResult &r) {
    return str(parse(r.body), "error");
}

std::string b64url(const std::string &in) {
    static const char *abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    unsigned val = 0;
    int bits = -6;
    for (unsigned char c : in) {
        val = (val << 8) + c;
        bits += 8;
        while (bits >= 0) {
            out.push_back(abc[(val >> bits) & 0x3F]);
            bits -= 6;
        }
    }
    if (bits > -6) out.push_back(abc[((val << 8) >> (bits + 8)) & 0x3F]);
    return out;
}

class Session : public ::testing::Test {
  protected:
    Session() : c(sb) {}

    // The codes e-mailed to `to`, oldest first.
    std::vector<std::string> outbox(const std::string &to) {
        auto r = http_call("GET", sb.root_url() + "/__sandbox/outbox?to=" + to, {}, "");
        EXPECT_EQ(r.status, 200) << r.body;
        std::vector<std::string> codes;
        auto doc = parse(r.body);
        for (const auto &m : doc["data"].GetArray()) {
            EXPECT_EQ(str(m, "to"), to);
            codes.push_back(str(m, "code"));
        }
        return codes;
    }
    std::string sign_in(const std::string &email = kEmail) {
        auto r = c.anon("POST", "/auth/sign-in", R"({"email":")" + email + R"(","role":"User"})");
        EXPECT_EQ(r.status, 200) << r.body;
        EXPECT_FALSE(parse(r.body).HasMember("access_token"));
        auto codes = outbox(email);
        EXPECT_FALSE(codes.empty());
        return codes.empty() ? "" : codes.back();
    }
    // Registers `email` (2FA off): the answer carries the new user's tokens.
    HttpResult register_user(const std::string &email) {
        auto r = c.anon("POST", "/authentication/registration",
                        R"({"email":")" + email + R"(","password":"correct horse"})");
        EXPECT_EQ(r.status, 201) << r.body;
        return r;
    }
    HttpResult verify(const std::string &otp, const std::string &email = kEmail) {
        std::string body = R"({"otp":")" + otp + "\"";
        if (!email.empty()) body += R"(,"email":")" + email + "\"";
        return c.anon("POST", "/auth/otp-verification", body + "}");
    }

    SandboxProcess sb{{"--totp-period", "2"}};
    Client c;
};

TEST_F(Session, OtpThenAuthenticatorSignsTheSeededUserIn) {
    std::string acc = c.account("Main");
    std::string otp = sign_in();
    ASSERT_EQ(otp.size(), 6u);
    // The seeded user has 2FA on: the OTP alone gives no token; the authenticator code does.
    EXPECT_EQ(c.anon("POST", "/google-auth/verify-token",
                     R"({"google_auth_code":")" + c.code() + R"(","email":")" + kEmail + "\"}")
                  .status,
              401);  // not before the OTP
    auto r = verify(otp);
    ASSERT_EQ(r.status, 200) << r.body;
    auto step = parse(r.body);
    EXPECT_FALSE(step.HasMember("access_token"));
    EXPECT_TRUE(step["data"]["requires_2fa"].GetBool());
    auto v = c.anon("POST", "/google-auth/verify-token",
                    R"({"google_auth_code":")" + c.code() + R"(","email":")" + kEmail + "\"}");
    ASSERT_EQ(v.status, 200) << v.body;
    auto doc = parse(v.body);
    std::string access = str(doc, "access_token");
    ASSERT_EQ(access.rfind("yvsa_", 0), 0u);
    EXPECT_EQ(str(doc["data"], "access_token"), access);
    EXPECT_EQ(str(doc, "refresh_token").rfind("yvsr_", 0), 0u);
    EXPECT_EQ(str(doc["data"]["user"], "email"), kEmail);
    auto list = c.bearer(access, "GET", "/accounts/get-accounts");
    ASSERT_EQ(list.status, 200) << list.body;
    auto accounts = parse(list.body);
    ASSERT_EQ(accounts["data"].Size(), 1u);
    EXPECT_EQ(str(accounts["data"][0], "account_id"), acc);
    // The second factor finishes one sign-in only.
    EXPECT_EQ(c.anon("POST", "/google-auth/verify-token",
                     R"({"google_auth_code":")" + c.code() + R"(","email":")" + kEmail + "\"}")
                  .status,
              401);

    // A code works once, with or without the e-mail.
    auto again = verify(otp);
    EXPECT_EQ(again.status, 401);
    EXPECT_EQ(error_of(again), "invalid_otp");
    EXPECT_EQ(verify(otp, "").status, 401);
    EXPECT_EQ(again.body.find(otp), std::string::npos);
}

TEST_F(Session, OtpSignsInAUserWithout2fa) {
    register_user("plain@example.com");
    std::string seeded = sign_in();
    std::string otp = sign_in("plain@example.com");
    auto both = verify(otp, "");  // two sign-ins pending: the e-mail is needed
    EXPECT_EQ(both.status, 400);
    EXPECT_TRUE(parse(both.body)["details"].HasMember("email"));
    ASSERT_EQ(verify(seeded).status, 200);  // (the seeded user's then waits for its 2FA code)
    auto r = verify(otp, "");               // without the e-mail: the only pending code is found
    ASSERT_EQ(r.status, 200) << r.body;
    std::string access = str(parse(r.body), "access_token");
    ASSERT_EQ(access.rfind("yvsa_", 0), 0u);
    auto acc = c.bearer(access, "POST", "/accounts/create-account",
                        R"({"account_name":"Mine","account_type":"personal"})");
    ASSERT_EQ(acc.status, 201) << acc.body;
    auto list = parse(c.bearer(access, "GET", "/accounts/get-accounts").body);
    ASSERT_EQ(list["data"].Size(), 1u);
    EXPECT_EQ(parse(c.call("GET", "/accounts/get-accounts").body)["data"].Size(), 0u);
    EXPECT_EQ(verify(otp, "plain@example.com").status, 401);  // used
}

TEST_F(Session, WrongCodesAreCountedAndLock) {
    std::string otp = sign_in();
    std::string wrong = otp == "000000" ? "111111" : "000000";
    for (int i = 0; i < 4; ++i) {
        auto r = verify(wrong);
        ASSERT_EQ(r.status, 401);
        EXPECT_EQ(error_of(r), "invalid_otp");
        EXPECT_EQ(str(parse(r.body)["details"], "attempts_remaining"), std::to_string(4 - i));
    }
    auto fifth = verify(wrong);
    EXPECT_EQ(error_of(fifth), "otp_locked");
    auto right = verify(otp);  // too late: the code is dead
    EXPECT_EQ(right.status, 401);
    EXPECT_EQ(error_of(right), "otp_locked");

    auto resend =
        c.anon("POST", "/authentication/resend_otp", R"({"email":"user@sandbox.yativo.test"})");
    ASSERT_EQ(resend.status, 200) << resend.body;
    auto codes = outbox(kEmail);
    ASSERT_EQ(codes.size(), 2u);
    EXPECT_EQ(verify(codes.back()).status, 200);

    EXPECT_EQ(verify("12ab56").status, 400);
    EXPECT_EQ(c.anon("POST", "/auth/sign-in", R"({"email":"nobody@example.com"})").status, 404);
    EXPECT_EQ(c.anon("POST", "/auth/sign-in", R"({"email":"not-an-email"})").status, 400);
    EXPECT_EQ(
        c.anon("POST", "/auth/sign-in", R"({"email":"user@sandbox.yativo.test","role":"Root"})")
            .status,
        400);
}

TEST(SessionExpiry, OtpAndAccessTokenExpire) {
    SandboxProcess sb{{"--otp-ttl", "1", "--token-ttl", "1"}};
    Client c(sb);
    const std::string who = R"({"email":"late@example.com"})";
    ASSERT_EQ(c.anon("POST", "/authentication/registration",
                     R"({"email":"late@example.com","password":"correct horse"})")
                  .status,
              201);
    ASSERT_EQ(c.anon("POST", "/auth/sign-in", who).status, 200);
    auto box = parse(http_call("GET", sb.root_url() + "/__sandbox/outbox", {}, "").body);
    std::string old = str(box["data"][0], "code");
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    auto late = c.anon("POST", "/auth/otp-verification",
                       R"({"otp":")" + old + R"(","email":"late@example.com"})");
    EXPECT_EQ(late.status, 401);
    EXPECT_EQ(error_of(late), "otp_expired");

    ASSERT_EQ(c.anon("POST", "/authentication/resend_otp", who).status, 200);
    box = parse(http_call("GET", sb.root_url() + "/__sandbox/outbox", {}, "").body);
    ASSERT_EQ(box["data"].Size(), 2u);
    auto ok =
        c.anon("POST", "/auth/otp-verification",
               R"({"otp":")" + str(box["data"][1], "code") + R"(","email":"late@example.com"})");
    ASSERT_EQ(ok.status, 200) << ok.body;
    std::string access = str(parse(ok.body), "access_token");
    std::string refresh = str(parse(ok.body), "refresh_token");
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    auto expired = c.bearer(access, "GET", "/accounts/get-accounts");
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(error_of(expired), "token_expired");
    EXPECT_EQ(c.bearer(access, "GET", "/authentication/refresh-token").status, 401);
    auto fresh = c.bearer(refresh, "GET", "/authentication/refresh-token");
    ASSERT_EQ(fresh.status, 200) << fresh.body;
    EXPECT_EQ(
        c.bearer(str(parse(fresh.body), "access_token"), "GET", "/accounts/get-accounts").status,
        200);
}

TEST_F(Session, RefreshReplacesTheAccessToken) {
    auto r = register_user("fresh@example.com");
    std::string access = str(parse(r.body), "access_token");
    std::string refresh = str(parse(r.body), "refresh_token");
    ASSERT_EQ(c.bearer(access, "GET", "/accounts/get-accounts").status, 200);
    // A refresh token is not an access token.
    EXPECT_EQ(c.bearer(refresh, "GET", "/accounts/get-accounts").status, 401);
    EXPECT_EQ(c.anon("GET", "/authentication/refresh-token").status, 401);
    EXPECT_EQ(c.bearer("yvsr_forged", "GET", "/authentication/refresh-token").status, 401);
    auto fresh = c.bearer(refresh, "GET", "/authentication/refresh-token");
    ASSERT_EQ(fresh.status, 200) << fresh.body;
    std::string next = str(parse(fresh.body), "access_token");
    EXPECT_NE(next, access);
    EXPECT_EQ(c.bearer(next, "GET", "/accounts/get-accounts").status, 200);
    auto old = c.bearer(access, "GET", "/accounts/get-accounts");
    EXPECT_EQ(old.status, 401);  // refreshed away
    EXPECT_EQ(error_of(old), "invalid_token");
    EXPECT_EQ(c.bearer(access, "GET", "/authentication/refresh-token").status, 401);
    // The official SDK refreshes with its current bearer: a live access token works too.
    auto by_access = c.bearer(next, "GET", "/authentication/refresh-token");
    ASSERT_EQ(by_access.status, 200) << by_access.body;
    EXPECT_EQ(c.bearer(next, "GET", "/accounts/get-accounts").status, 401);
    // The refresh token stays valid (the official SDK keeps the first one).
    EXPECT_EQ(c.bearer(refresh, "GET", "/authentication/refresh-token").status, 200);
}

TEST_F(Session, RegisteredUserHasItsOwnStore) {
    c.account("Seeded");
    auto bad = c.anon("POST", "/authentication/registration",
                      R"({"email":"x@example.com","password":"short"})");
    ASSERT_EQ(bad.status, 400);
    EXPECT_TRUE(parse(bad.body)["details"].HasMember("password"));
    auto r = c.anon("POST", "/authentication/registration",
                    R"({"email":"New@Example.com","password":"correct horse","first_name":"Ada"})");
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.body.find("correct horse"), std::string::npos);
    EXPECT_EQ(str(parse(r.body)["data"]["user"], "email"), "new@example.com");
    EXPECT_EQ(str(parse(r.body), "access_token").rfind("yvsa_", 0), 0u);
    EXPECT_EQ(c.anon("POST", "/authentication/registration",
                     R"({"email":"new@example.com","password":"another one"})")
                  .status,
              409);
    // The password variant of sign-in checks it.
    EXPECT_EQ(
        c.anon("POST", "/auth/sign-in", R"({"email":"new@example.com","password":"wrong pass"})")
            .status,
        401);
    auto v = verify(sign_in("new@example.com"), "new@example.com");
    ASSERT_EQ(v.status, 200) << v.body;
    std::string access = str(parse(v.body), "access_token");
    auto list = parse(c.bearer(access, "GET", "/accounts/get-accounts").body);
    ASSERT_TRUE(list["data"].IsArray());
    EXPECT_EQ(list["data"].Size(), 0u);  // not the seeded user's account
    auto ga = parse(c.bearer(access, "GET", "/google-auth/get-google-authenticator").body);
    EXPECT_NE(str(ga["data"], "secret"), sb.totp_secret());
    EXPECT_FALSE(ga["data"]["enabled"].GetBool());
}

TEST_F(Session, GoogleAuthenticator) {
    auto details = c.call("GET", "/google-auth/get-google-authenticator");
    ASSERT_EQ(details.status, 200) << details.body;
    EXPECT_EQ(data_str(details, "secret"), sb.totp_secret());
    EXPECT_EQ(data_str(details, "otpauth_url").rfind("otpauth://totp/", 0), 0u);
    EXPECT_NE(data_str(details, "otpauth_url").find("secret=" + sb.totp_secret()),
              std::string::npos);
    auto key = c.create_key(R"(["read","write"])");
    EXPECT_EQ(c.keyed(key, "GET", "/google-auth/get-google-authenticator").status, 403);
    EXPECT_EQ(c.call("GET", "/google-auth/enable-google-authenticator").status, 200);

    ASSERT_EQ(verify(sign_in()).status, 200);  // the e-mailed code first
    std::string code = c.code();
    auto v = c.anon("POST", "/google-auth/verify-token",
                    R"({"google_auth_code":")" + code + R"(","email":"user@sandbox.yativo.test"})");
    ASSERT_EQ(v.status, 200) << v.body;
    std::string access = str(parse(v.body), "access_token");
    EXPECT_EQ(c.bearer(access, "GET", "/accounts/get-accounts").status, 200);
    ASSERT_EQ(verify(sign_in()).status, 200);  // a second sign-in cannot reuse the step
    auto reuse =
        c.anon("POST", "/google-auth/verify-token",
               R"({"google_auth_code":")" + code + R"(","email":"user@sandbox.yativo.test"})");
    EXPECT_EQ(reuse.status, 401);
    EXPECT_EQ(str(parse(reuse.body), "error"), "two_factor_invalid");
    EXPECT_EQ(reuse.body.find(code), std::string::npos);
    // `code` is accepted too, and a signed-in caller need not send the e-mail.
    auto alias =
        c.bearer(access, "POST", "/google-auth/verify-token", R"({"code":")" + c.code() + "\"}");
    EXPECT_EQ(alias.status, 200) << alias.body;
    EXPECT_EQ(c.anon("POST", "/google-auth/verify-token", R"({"code":")" + c.code() + "\"}").status,
              400);
}

TEST_F(Session, PasskeyChallengesAreSingleUse) {
    auto opts = c.anon("POST", "/auth/passkeys/authenticate-options",
                       R"({"email":"user@sandbox.yativo.test"})");
    ASSERT_EQ(opts.status, 200) << opts.body;
    auto doc = parse(opts.body);
    std::string challenge = str(doc["data"], "challenge");
    ASSERT_GE(challenge.size(), 40u);
    ASSERT_EQ(doc["data"]["allowCredentials"].Size(), 1u);
    std::string cred = str(doc["data"]["allowCredentials"][0], "id");
    auto assertion = [&](const std::string &id, const std::string &ch) {
        std::string client =
            R"({"type":"webauthn.get","challenge":")" + ch + R"(","origin":"http://localhost"})";
        return R"({"id":")" + id + R"(","rawId":")" + id +
               R"(","type":"public-key","response":{"clientDataJSON":")" + b64url(client) +
               R"(","authenticatorData":"AAAA","signature":"AAAA"}})";
    };
    auto unknown =
        c.anon("POST", "/auth/passkeys/authenticate-verify", assertion("bm90LW1pbmU", challenge));
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(str(parse(unknown.body)["details"], "reason"), "unknown_credential");
    auto forged =
        c.anon("POST", "/auth/passkeys/authenticate-verify", assertion(cred, "bm90LWlzc3VlZA"));
    EXPECT_EQ(str(parse(forged.body)["details"], "reason"), "invalid_challenge");
    auto ok = c.anon("POST", "/auth/passkeys/authenticate-verify", assertion(cred, challenge));
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(c.bearer(str(parse(ok.body), "access_token"), "GET", "/accounts/get-accounts").status,
              200);
    auto replay = c.anon("POST", "/auth/passkeys/authenticate-verify", assertion(cred, challenge));
    EXPECT_EQ(replay.status, 400);
    EXPECT_EQ(error_of(replay), "passkey_invalid");
    EXPECT_EQ(str(parse(replay.body)["details"], "reason"), "challenge_used");
    EXPECT_EQ(c.anon("POST", "/auth/passkeys/authenticate-verify", R"({"id":"x"})").status, 400);

    // A test registers another credential through the control API.
    auto reg = http_call("POST", sb.root_url() + "/__sandbox/passkeys", {},
                         R"({"email":"user@sandbox.yativo.test","credential_id":"dGVzdC1rZXk"})");
    ASSERT_EQ(reg.status, 201) << reg.body;
    auto opts2 = parse(c.anon("POST", "/auth/passkeys/authenticate-options",
                              R"({"email":"user@sandbox.yativo.test"})")
                           .body);
    EXPECT_EQ(opts2["data"]["allowCredentials"].Size(), 2u);
    auto second = c.anon("POST", "/auth/passkeys/authenticate-verify",
                         assertion("dGVzdC1rZXk", str(opts2["data"], "challenge")));
    EXPECT_EQ(second.status, 200) << second.body;
}

}  // namespace
}  // namespace sbt

namespace sbt {
namespace {

TEST(SessionLocks, WrongAuthenticatorCodesLockAndResetReseeds) {
    SandboxProcess sb{{"--totp-period", "2"}};
    Client c(sb);
    const std::string who = R"({"email":"user@sandbox.yativo.test"})";
    auto otp_step = [&] {
        ASSERT_EQ(c.anon("POST", "/auth/sign-in", who).status, 200);
        auto box = parse(http_call("GET", sb.root_url() + "/__sandbox/outbox", {}, "").body);
        std::string code = str(box["data"][box["data"].Size() - 1], "code");
        ASSERT_EQ(c.anon("POST", "/auth/otp-verification",
                         R"({"otp":")" + code + R"(","email":"user@sandbox.yativo.test"})")
                      .status,
                  200);
    };
    otp_step();
    auto totp = [&](const std::string &code) {
        return c.anon(
            "POST", "/google-auth/verify-token",
            R"({"google_auth_code":")" + code + R"(","email":"user@sandbox.yativo.test"})");
    };
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(str(parse(totp("000000").body), "error"), "two_factor_invalid");
    auto locked = totp(c.code());  // the right code, too late
    EXPECT_EQ(locked.status, 401);
    EXPECT_EQ(str(parse(locked.body), "error"), "two_factor_locked");

    // Reset forgets sessions, codes and locks; the seeded user signs in again.
    sb.reset();
    EXPECT_EQ(
        parse(http_call("GET", sb.root_url() + "/__sandbox/outbox", {}, "").body)["data"].Size(),
        0u);
    otp_step();
    auto ok = totp(c.code());
    ASSERT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(c.bearer(str(parse(ok.body), "access_token"), "GET", "/accounts/get-accounts").status,
              200);
}

}  // namespace
}  // namespace sbt
