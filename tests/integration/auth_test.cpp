// Token lifecycle and auth modes against the sandbox.
#include <atomic>
#include <thread>

#include "itest.hpp"

using itest::code_of;
using yativo::Status;

TEST(Auth, TokenExpiresAndIsRefreshed) {
    yvtest::SandboxProcess sb({"--token-ttl", "2"});
    auto key = itest::create_key(sb);
    yativo::Client c(itest::key_options(sb, key));
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(3500);
    int calls = 0;
    while (std::chrono::steady_clock::now() < end) {
        ASSERT_NO_THROW(c.list_accounts());
        ++calls;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_GT(calls, 10);
    long exchanges = sb.stat("token_exchanges");
    EXPECT_GE(exchanges, 3);  // a 2 s token refreshed at half-life over 3.5 s
    EXPECT_LE(exchanges, 6);
}

TEST(Auth, SingleFlightAcrossSixteenThreads) {
    yvtest::SandboxProcess sb;
    auto key = itest::create_key(sb);
    sb.fault(R"({"path":"/auth/token","count":1,"mode":"delay","delay_ms":500})");
    yativo::Client c(itest::key_options(sb, key));
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int i = 0; i < 16; ++i)
        threads.emplace_back([&] {
            try {
                c.list_accounts();
                ++ok;
            } catch (const yativo::Error &e) {
                ADD_FAILURE() << e.what();
            }
        });
    for (auto &t : threads) t.join();
    EXPECT_EQ(ok.load(), 16);
    EXPECT_EQ(sb.stat("token_exchanges"), 1);
}

TEST(Auth, Non2fa401ReExchangesExactlyOnce) {
    yvtest::SandboxProcess sb;
    auto key = itest::create_key(sb);
    yativo::Client c(itest::key_options(sb, key));
    c.list_accounts();
    EXPECT_EQ(sb.stat("token_exchanges"), 1);
    sb.fault(R"({"path":"/accounts/get-accounts","count":1,"mode":"respond","status":401,
                 "body":{"error":"invalid_token","message":"Token revoked"}})");
    EXPECT_NO_THROW(c.list_accounts());
    EXPECT_EQ(sb.stat("token_exchanges"), 2);
    EXPECT_EQ(sb.path_count("/accounts/get-accounts"), 3);
}

TEST(Auth, HeaderAndBearerModes) {
    yvtest::SandboxProcess sb;
    auto key = itest::create_key(sb);
    auto o = itest::key_options(sb, key);
    o.auth = yativo::AuthMode::Headers;
    yativo::Client headers(o);
    EXPECT_NO_THROW(headers.list_accounts());
    EXPECT_EQ(sb.stat("token_exchanges"), 0);
    o.api_secret = yativo::Secret("CANARY-wrong-secret-integration");
    yativo::Client wrong(o);
    EXPECT_EQ(code_of([&] { wrong.list_accounts(); }), Status::AUTHENTICATION);

    auto b = itest::options_for(sb);
    b.access_token = yativo::Secret(sb.session_token());  // bearer inferred from a token alone
    yativo::Client bearer(b);
    EXPECT_NO_THROW(bearer.list_accounts());
    EXPECT_EQ(bearer.token().access_token.reveal(), sb.session_token());
}

TEST(Auth, SetCredentialsSwitchesKeys) {
    yvtest::SandboxProcess sb;
    auto a = itest::create_key(sb, {"read"});
    auto b = itest::create_key(sb, {"read", "write"});
    yativo::Client c(itest::key_options(sb, a));
    EXPECT_EQ(code_of([&] { c.create_account("x", "business"); }), Status::PERMISSION_DENIED);
    c.set_credentials(b.api_key, b.secret);
    EXPECT_NO_THROW(c.create_account("x", "business"));
}

TEST(Auth, ReadOnlyKeyIsPermissionDenied) {
    yvtest::SandboxProcess sb;
    auto key = itest::create_key(sb, {"read"});
    yativo::Client c(itest::key_options(sb, key));
    EXPECT_NO_THROW(c.list_accounts());
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { c.create_account("x", "business"); }, &e), Status::PERMISSION_DENIED);
    EXPECT_EQ(e.http_status, 403);
    EXPECT_FALSE(e.error_code.empty());
    EXPECT_FALSE(e.request_id.empty());
}

TEST(Auth, RateLimitedWithRetryAfter) {
    yvtest::SandboxProcess sb({"--rate-limit", "3"});
    yativo::Client session(itest::session_options(sb));
    auto o = itest::session_options(sb);
    o.max_retries = 0;
    yativo::Client c(o);
    yativo::Error e(Status::OK, "");
    Status last = Status::OK;
    for (int i = 0; i < 6 && last == Status::OK; ++i)
        last = code_of([&] { c.list_accounts(); }, &e);
    EXPECT_EQ(last, Status::RATE_LIMITED);
    ASSERT_TRUE(e.retry_after_s.has_value());
    EXPECT_GT(*e.retry_after_s, 0);
    auto rl = c.rate_limit();
    ASSERT_TRUE(rl.has_value());
    EXPECT_EQ(rl->limit, 3);
    EXPECT_EQ(rl->remaining, 0);
}

namespace {

constexpr const char *kRefreshPath = "/authentication/refresh-token";

// Waits until a session access token of the sandbox's --token-ttl (seconds) has expired.
void outlive(int token_ttl_s) {
    std::this_thread::sleep_for(std::chrono::milliseconds(token_ttl_s * 1000 + 200));
}

}  // namespace

// A signed-in session (register_user adopts its tokens): once its access token expires, a call's
// 401 refreshes the session once through the refresh-token endpoint and sends the call again: a
// write with the same Idempotency-Key, which the server then sees for the first time.
TEST(SessionRefresh, AnExpiredAccessTokenIsRefreshedOnceAndTheCallSentAgain) {
    yvtest::SandboxProcess sb({"--token-ttl", "2"});
    yativo::Client c(itest::options_for(sb));
    c.register_user("refresh-cxx@example.com", "correct horse battery");
    const std::string first_token = c.token().access_token.reveal();
    EXPECT_TRUE(c.list_accounts().empty());
    EXPECT_EQ(sb.path_count(kRefreshPath), 0);

    outlive(2);  // the refresh token lives 30 days
    yativo::CallOptions keyed;
    keyed.idempotency_key = "refresh-cxx-write-1";
    const yativo::Account created = c.create_account("after-expiry", "business", keyed);
    EXPECT_EQ(sb.path_count(kRefreshPath), 1);
    EXPECT_EQ(sb.path_count("/accounts/create-account"), 2);  // the 401, then the write
    EXPECT_NE(c.token().access_token.reveal(), first_token);
    // The write happened once, under the call's key: the same key replays it.
    EXPECT_EQ(c.create_account("after-expiry", "business", keyed).id, created.id);
    EXPECT_EQ(c.list_accounts().size(), 1u);
    EXPECT_EQ(sb.path_count(kRefreshPath), 1);  // the new token serves every later call
}

// Threads that hit the expired token together share one refresh.
TEST(SessionRefresh, ConcurrentCallsShareOneRefresh) {
    yvtest::SandboxProcess sb({"--token-ttl", "2"});
    yativo::Client c(itest::options_for(sb));
    c.register_user("refresh-threads@example.com", "correct horse battery");
    c.list_accounts();
    outlive(2);
    sb.fault(R"({"path":"/authentication/refresh-token","count":1,"mode":"delay","delay_ms":400})");
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            try {
                c.list_accounts();
                ++ok;
            } catch (const yativo::Error &e) {
                ADD_FAILURE() << e.what();
            }
        });
    for (auto &t : threads) t.join();
    EXPECT_EQ(ok.load(), 8);
    EXPECT_EQ(sb.path_count(kRefreshPath), 1);
}

// When the refresh fails too (the refresh token expired), the call's own 401 is the error, after
// one refresh attempt; later calls do not try that session's refresh again.
TEST(SessionRefresh, AFailedRefreshSurfacesTheCallsOwn401) {
    yvtest::SandboxProcess sb({"--token-ttl", "1", "--refresh-ttl", "1"});
    yativo::Client c(itest::options_for(sb));
    c.register_user("refresh-fails@example.com", "correct horse battery");
    c.list_accounts();
    outlive(1);
    yativo::Error err(Status::OK, "");
    EXPECT_EQ(code_of([&] { c.list_accounts(); }, &err), Status::AUTHENTICATION);
    EXPECT_EQ(err.http_status, 401);
    EXPECT_EQ(err.error_code, "token_expired");
    EXPECT_NE(std::string(err.what()).find("access token"), std::string::npos) << err.what();
    EXPECT_EQ(sb.path_count(kRefreshPath), 1);
    EXPECT_EQ(sb.path_count("/accounts/get-accounts"), 2);  // before, and the expired one
    // A write that got the same 401 reports it as not sent.
    yativo::CallOptions keyed;
    keyed.idempotency_key = "refresh-fails-write";
    EXPECT_EQ(code_of([&] { c.create_account("never", "business", keyed); }, &err),
              Status::AUTHENTICATION);
    EXPECT_FALSE(err.outcome_unknown);
    EXPECT_EQ(sb.path_count(kRefreshPath), 1);
}

// A refresh cut short by the caller's own deadline is that call's failure (TIMEOUT), not the
// session's: the next call's 401 refreshes again.
TEST(SessionRefresh, ARefreshOutOfTimeLeavesTheNextCallFreeToRefresh) {
    yvtest::SandboxProcess sb({"--token-ttl", "1"});
    yativo::Client c(itest::options_for(sb));
    c.register_user("refresh-timeout@example.com", "correct horse battery");
    c.list_accounts();
    outlive(1);
    sb.fault(
        R"({"path":"/authentication/refresh-token","count":1,"mode":"delay","delay_ms":1500})");
    yativo::CallOptions short_call;
    short_call.timeout = std::chrono::milliseconds(500);
    EXPECT_EQ(code_of([&] { c.list_accounts(short_call); }), Status::TIMEOUT);
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));  // the delayed one ends
    EXPECT_TRUE(c.list_accounts().empty());
    EXPECT_EQ(sb.path_count(kRefreshPath), 2);
}

// A token set while a refresh is owed replaces the session: its refresh token goes with it, and
// a later 401 to the caller's token is the caller's.
TEST(SessionRefresh, SettingATokenEndsTheSessionsRefresh) {
    yvtest::SandboxProcess sb({"--token-ttl", "1"});
    yativo::Client c(itest::options_for(sb));
    c.register_user("refresh-replaced@example.com", "correct horse battery");
    c.list_accounts();
    outlive(1);
    c.set_access_token(yativo::Secret("yvsa_the-callers-own"));
    EXPECT_EQ(code_of([&] { c.list_accounts(); }), Status::AUTHENTICATION);
    EXPECT_EQ(code_of([&] { c.refresh_session(); }), Status::INVALID_ARGUMENT);  // no refresh token
    EXPECT_EQ(sb.path_count(kRefreshPath), 0);
}

// A token the caller set is the caller's: its 401 is never answered by refreshing a session.
TEST(SessionRefresh, ACallersOwnTokenIsNotRefreshed) {
    yvtest::SandboxProcess sb;
    yativo::Client c(itest::options_for(sb));
    c.register_user("refresh-own@example.com", "correct horse battery");
    c.set_access_token(yativo::Secret("yvsa_not-a-live-token"));
    EXPECT_EQ(code_of([&] { c.list_accounts(); }), Status::AUTHENTICATION);
    EXPECT_EQ(sb.path_count(kRefreshPath), 0);
}

// The bearer line is made once per token: a token set after calls were made with the session's
// is the one the next call sends.
TEST(SessionRefresh, ATokenSetAfterCallsIsTheOneSentNext) {
    yvtest::SandboxProcess sb;
    yativo::Client c(itest::options_for(sb));
    c.register_user("refresh-next@example.com", "correct horse battery");
    EXPECT_TRUE(c.list_accounts().empty());  // sent with the session's access token
    c.set_access_token(yativo::Secret("yvsa_not-a-live-token"));
    EXPECT_EQ(code_of([&] { c.list_accounts(); }), Status::AUTHENTICATION);
    EXPECT_EQ(sb.path_count(kRefreshPath), 0);
}
