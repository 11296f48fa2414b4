// One sandbox clock (docs/sandbox.md, "Control endpoints"): POST /__sandbox/advance {seconds}
// moves everything time-driven — swap quotes, e-mailed OTPs, access tokens, webhook retries —
// while TOTP codes, which come from the caller's clock, keep working.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "util.hpp"

namespace sbt {
namespace {

std::string error_of(const HttpResult &r) {
    return str(parse(r.body), "error");
}

HttpResult advance(SandboxProcess &sb, long long seconds) {
    auto r =
        http_call("POST", sb.root_url() + "/__sandbox/advance", {"Content-Type: application/json"},
                  R"({"seconds":)" + std::to_string(seconds) + "}");
    EXPECT_EQ(r.status, 200) << r.body;
    return r;
}

// A loopback port with nothing listening on it: connections are refused.
int closed_port() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (bind(fd, reinterpret_cast<sockaddr *>(&addr), len) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) != 0)
        throw std::runtime_error("cannot bind a loopback port");
    close(fd);
    return ntohs(addr.sin_port);
}

TEST(SandboxClock, AdvanceExpiresQuotesOtpsAndTokensWhileTotpKeepsWorking) {
    // Real-time defaults: a quote lives 30 s, an OTP 300 s, an access token 3600 s.
    SandboxProcess sb{{"--totp-period", "2"}};
    Client c(sb);
    std::string acc = c.account();
    std::string usdc = c.asset(acc, "solana", "USDC_SOL");
    std::string usdt = c.asset(acc, "solana", "USDT_SOL");
    sb.deposit(usdc, "10");
    auto quote = [&] {
        auto r = c.call(
            "POST", "/swap/quote",
            R"({"from_asset_id":")" + usdc + R"(","to_asset_id":")" + usdt + R"(","amount":"1"})");
        EXPECT_EQ(r.status, 201) << r.body;
        return data_str(r, "quote_id");
    };
    auto execute = [&](const std::string &q) {
        return c.call("POST", "/swap/execute", R"({"quote_id":")" + q + "\"}", {c.code_header()});
    };

    // A quote still young on the sandbox clock executes, with a TOTP code of the wall clock.
    std::string young = quote();
    advance(sb, 25);
    auto done = execute(young);
    EXPECT_LT(done.status, 300) << done.body;
    // One the clock has moved past is expired, though only a moment passed for real.
    std::string old = quote();
    advance(sb, 31);
    auto late = execute(old);
    EXPECT_EQ(late.status, 422) << late.body;
    EXPECT_EQ(error_of(late), "quote_expired");

    // An e-mailed sign-in code expires on the sandbox clock.
    ASSERT_EQ(c.anon("POST", "/authentication/registration",
                     R"({"email":"clock@example.com","password":"correct horse"})")
                  .status,
              201);
    ASSERT_EQ(c.anon("POST", "/auth/sign-in", R"({"email":"clock@example.com"})").status, 200);
    auto box = parse(
        http_call("GET", sb.root_url() + "/__sandbox/outbox?to=clock@example.com", {}, "").body);
    ASSERT_EQ(box["data"].Size(), 1u);
    std::string otp = str(box["data"][0], "code");
    advance(sb, 301);
    auto expired_otp = c.anon("POST", "/auth/otp-verification",
                              R"({"otp":")" + otp + R"(","email":"clock@example.com"})");
    EXPECT_EQ(expired_otp.status, 401) << expired_otp.body;
    EXPECT_EQ(error_of(expired_otp), "otp_expired");

    // So does an access token from the token exchange.
    Creds creds = c.create_key(R"(["read"])");
    std::string token = c.token(creds);
    EXPECT_EQ(c.bearer(token, "GET", "/accounts/get-accounts").status, 200);
    advance(sb, 3599);
    EXPECT_EQ(c.bearer(token, "GET", "/accounts/get-accounts").status, 200);
    advance(sb, 2);
    auto expired = c.bearer(token, "GET", "/accounts/get-accounts");
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(error_of(expired), "token_expired");
    // The key itself still exchanges for a fresh one.
    EXPECT_EQ(c.bearer(c.token(creds), "GET", "/accounts/get-accounts").status, 200);
}

TEST(SandboxClock, AdvanceBringsWebhookRetriesForward) {
    // The first retry would wait ten minutes of real time.
    SandboxProcess sb{{"--webhook-retry-ms", "600000", "--webhook-attempts", "2"}};
    Client c(sb);
    std::string acc = c.account(), ast = c.asset(acc);
    std::string url = "http://127.0.0.1:" + std::to_string(closed_port()) + "/hook";
    auto hook = c.call("POST", "/webhook/create", R"({"url":")" + url + R"(","events":["*"]})");
    ASSERT_EQ(hook.status, 201) << hook.body;
    std::string events_path = "/webhook/" + data_str(hook, "id") + "/events";
    sb.deposit(ast, "1");
    // Waits up to 5 s for the delivery to show `attempts` attempts; returns it.
    auto delivery_after = [&](int attempts) {
        rapidjson::Document doc;
        for (int i = 0; i < 250; ++i) {
            doc = parse(c.call("GET", events_path).body);
            const auto &events = doc["data"]["events"];
            if (events.Size() == 1 && events[0]["attempts"].GetInt() >= attempts) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return doc;
    };
    auto first = delivery_after(1);
    ASSERT_EQ(first["data"]["events"].Size(), 1u);
    const auto &d1 = first["data"]["events"][0];
    ASSERT_EQ(d1["attempts"].GetInt(), 1);
    EXPECT_EQ(str(d1, "status"), "pending");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(parse(c.call("GET", events_path).body)["data"]["events"][0]["attempts"].GetInt(), 1);

    advance(sb, 599);  // not yet due
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(parse(c.call("GET", events_path).body)["data"]["events"][0]["attempts"].GetInt(), 1);
    advance(sb, 2);  // now it is: the second (last) attempt goes at once
    auto second = delivery_after(2);
    const auto &d2 = second["data"]["events"][0];
    EXPECT_EQ(d2["attempts"].GetInt(), 2);
    EXPECT_EQ(str(d2, "status"), "failed");
}

}  // namespace
}  // namespace sbt
