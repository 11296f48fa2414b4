// POST /__sandbox/faults in every mode, stats (max_in_flight included) and reset.
#include <curl/curl.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "util.hpp"

namespace sbt {
namespace {

using Clock = std::chrono::steady_clock;

long ms_since(Clock::time_point t) {
    return static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count());
}

class Faults : public ::testing::Test {
  protected:
    Faults() : c(sb) {}
    void SetUp() override {
        acc = c.account();
        ast = c.asset(acc);
        sb.deposit(ast, "10");
    }
    HttpResult send(const std::string &amount = "1") {
        return c.call("POST", "/transactions/send-funds", send_body(acc, ast, amount));
    }
    SandboxProcess sb{{"--totp-period", "2"}};
    Client c;
    std::string acc, ast;
};

TEST_F(Faults, RespondAnswersWithoutProcessingForCountRequests) {
    sb.fault(
        R"({"path":"/transactions/send-funds","mode":"respond","status":503,"retry_after":2,"count":2})");
    for (int i = 0; i < 2; ++i) {
        auto r = send();
        EXPECT_EQ(r.status, 503);
        EXPECT_EQ(r.header("Retry-After"), "2");
        EXPECT_EQ(str(parse(r.body), "error"), "service_unavailable");
        EXPECT_FALSE(r.header("X-Request-Id").empty());
        EXPECT_FALSE(r.header("X-RateLimit-Limit").empty());
    }
    EXPECT_EQ(sb.stat("transactions_created"), 0);
    EXPECT_EQ(c.balance(ast), "10");
    EXPECT_EQ(send().status, 201);
    EXPECT_EQ(sb.path_count("/transactions/send-funds"), 3);  // faulted requests count
}

TEST_F(Faults, RespondWithRateLimitAndCustomBodies) {
    sb.fault(R"({"path":"/apikey/list","status":429,"retry_after":1})");
    auto limited = c.call("GET", "/apikey/list");
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(limited.header("Retry-After"), "1");
    auto doc = parse(limited.body);
    EXPECT_EQ(str(doc, "error"), "rate_limit_exceeded");
    EXPECT_EQ(doc["retry_after"].GetInt(), 1);

    sb.fault(R"({"path":"/apikey/list","status":500,"body":"plain text"})");
    auto text = c.call("GET", "/apikey/list");
    EXPECT_EQ(text.status, 500);
    EXPECT_EQ(text.body, "plain text");
    sb.fault(
        R"({"path":"/api/v1/apikey/list","status":401,"body":{"error":"invalid_token","message":"x"}})");
    auto obj = c.call("GET", "/apikey/list");
    EXPECT_EQ(obj.status, 401);
    EXPECT_EQ(str(parse(obj.body), "error"), "invalid_token");
    EXPECT_EQ(c.call("GET", "/apikey/list").status, 200);
}

TEST_F(Faults, DelayWaitsThenProcessesWithoutBlockingOthers) {
    sb.fault(R"({"path":"/transactions/send-funds","mode":"delay","delay_ms":600,"count":2})");
    std::vector<HttpResult> results(2);
    std::vector<long> took(2);
    std::vector<std::thread> threads;
    for (int i = 0; i < 2; ++i)
        threads.emplace_back([&, i] {
            auto t0 = Clock::now();
            results[static_cast<size_t>(i)] =
                Client(sb).call("POST", "/transactions/send-funds", send_body(acc, ast, "1"));
            took[static_cast<size_t>(i)] = ms_since(t0);
        });
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    auto t0 = Clock::now();
    EXPECT_EQ(c.call("GET", "/accounts/get-accounts").status, 200);
    EXPECT_LT(ms_since(t0), 400);  // not stuck behind the delayed requests
    for (auto &t : threads) t.join();
    for (int i = 0; i < 2; ++i) {
        EXPECT_EQ(results[static_cast<size_t>(i)].status, 201);
        EXPECT_GE(took[static_cast<size_t>(i)], 590);
    }
    EXPECT_EQ(sb.stat("transactions_created"), 2);
    EXPECT_GE(sb.stat("max_in_flight"), 3);
}

TEST_F(Faults, DropBeforeClosesWithNothingAndChangesNothing) {
    sb.fault(R"({"path":"/transactions/send-funds","mode":"drop_before"})");
    auto r = send();
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.curl_code, CURLE_GOT_NOTHING) << r.error;
    EXPECT_EQ(sb.stat("transactions_created"), 0);
    EXPECT_EQ(c.balance(ast), "10");
    EXPECT_EQ(sb.path_count("/transactions/send-funds"), 1);
}

TEST_F(Faults, DropAfterProcessesThenClosesWithNothing) {
    sb.fault(R"({"path":"/transactions/send-funds","mode":"drop_after"})");
    auto r = send("2");
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.curl_code, CURLE_GOT_NOTHING) << r.error;
    EXPECT_EQ(sb.stat("transactions_created"), 1);
    EXPECT_EQ(c.balance(ast), "7.999");
}

TEST_F(Faults, TruncateSendsACutBody) {
    sb.fault(R"({"path":"/transactions/send-funds","mode":"truncate"})");
    auto r = send();
    EXPECT_EQ(r.curl_code, CURLE_PARTIAL_FILE) << r.error;
    EXPECT_EQ(r.status, 201);
    EXPECT_FALSE(r.body.empty());
    EXPECT_TRUE(parse(r.body).HasParseError());
    EXPECT_EQ(sb.stat("transactions_created"), 1);
}

TEST_F(Faults, GarbageSendsANonJsonBody) {
    sb.fault(R"({"path":"/transactions/send-funds","mode":"garbage"})");
    auto r = send();
    EXPECT_EQ(r.curl_code, CURLE_OK);
    EXPECT_EQ(r.status, 201);
    EXPECT_TRUE(parse(r.body).HasParseError());
    EXPECT_EQ(sb.stat("transactions_created"), 1);
}

TEST_F(Faults, WildcardPathAndFifoOrder) {
    sb.fault(R"({"path":"*","status":502,"count":1})");
    sb.fault(R"({"path":"/apikey/list","status":504,"count":1})");
    EXPECT_EQ(c.call("GET", "/apikey/list").status, 502);
    EXPECT_EQ(c.call("GET", "/apikey/list").status, 504);
    EXPECT_EQ(c.call("GET", "/apikey/list").status, 200);
    sb.fault(R"({"path":"/apikey/list","status":503,"count":5})");
    sb.clear_faults();
    EXPECT_EQ(c.call("GET", "/apikey/list").status, 200);
}

TEST_F(Faults, BadFaultSpecsAreRefused) {
    auto post = [&](const std::string &body) {
        return http_call("POST", sb.root_url() + "/__sandbox/faults", {}, body);
    };
    EXPECT_EQ(post(R"({"path":"/x","mode":"explode"})").status, 400);
    EXPECT_EQ(post(R"({"mode":"respond"})").status, 400);
    EXPECT_EQ(post(R"({"path":"x"})").status, 400);
    EXPECT_EQ(post(R"({"path":"/x","mode":"delay"})").status, 400);
    EXPECT_EQ(post(R"({"path":"/x","count":0})").status, 400);
    EXPECT_EQ(post(R"({"path":"/x","status":99})").status, 400);
    EXPECT_EQ(post(R"({"path":"/x","mode":"respond","unlisten_ms":100})").status, 400);
    EXPECT_EQ(post(R"({"path":"/x","mode":"drop_after","unlisten_ms":60001})").status, 400);
    EXPECT_EQ(post("[").status, 400);
    EXPECT_FALSE(post("[").header("X-Request-Id").empty());
    EXPECT_EQ(http_call("GET", sb.root_url() + "/__sandbox/faults").status, 405);
    EXPECT_EQ(http_call("GET", sb.root_url() + "/__sandbox/nothing").status, 404);
}

TEST_F(Faults, StatsCountApiRequestsOnly) {
    long before = sb.stat("requests");
    c.call("GET", "/apikey/list");
    c.anon("POST", "/auth/token", R"({"api_key":"a","api_secret":"b"})");
    sb.stats_json();
    EXPECT_EQ(sb.stat("requests"), before + 2);
    EXPECT_EQ(sb.stat("token_exchanges"), 1);
    EXPECT_EQ(sb.path_count("/auth/token"), 1);
    EXPECT_EQ(sb.path_count("/accounts/create-account"), 1);
    EXPECT_GE(sb.stat("max_in_flight"), 1);
}

TEST_F(Faults, ResetEmptiesStateButKeepsSeeds) {
    std::string token = sb.session_token(), secret = sb.totp_secret();
    std::string code = c.code();
    ASSERT_EQ(c.call("POST", "/apikey/create", R"({"name":"a","permissions":["read"]})",
                     {"X-2FA-Token: " + code})
                  .status,
              201);
    sb.fault(R"({"path":"/apikey/list","status":503,"count":3})");
    sb.reset();
    EXPECT_EQ(sb.stat("requests"), 0);
    EXPECT_EQ(sb.stat("transactions_created"), 0);
    auto list = c.call("GET", "/apikey/list");  // same session token still valid, no fault left
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(parse(list.body)["data"]["keys"].Size(), 0u);
    EXPECT_EQ(parse(c.call("GET", "/accounts/get-accounts").body)["data"].Size(), 0u);
    EXPECT_EQ(c.call("POST", "/balance/check", R"({"asset_id":")" + ast + R"("})").status, 404);
    // Used TOTP steps are forgotten too.
    EXPECT_EQ(c.call("POST", "/apikey/create", R"({"name":"a","permissions":["read"]})",
                     {"X-2FA-Token: " + code})
                  .status,
              201);
}

// unlisten_ms: the sandbox processes the request, stops listening, closes the connection, and
// listens again on the same port after the pause (a server restart seen from outside).
TEST_F(Faults, DropAfterWithUnlistenRefusesConnectionsForThePause) {
    ASSERT_EQ(
        http_call("POST", sb.root_url() + "/__sandbox/faults", {},
                  R"({"path":"/accounts/get-accounts","mode":"drop_after","unlisten_ms":600})")
            .status,
        200);
    auto dropped = c.call("GET", "/accounts/get-accounts");
    EXPECT_EQ(dropped.status, 0);  // nothing answered
    auto refused = http_call("GET", sb.root_url() + "/__sandbox/stats");
    EXPECT_EQ(refused.status, 0);  // not listening
    // Listening again after the pause (polled: a loaded machine may run the timer late).
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    long status = 0;
    while ((status = http_call("GET", sb.root_url() + "/__sandbox/stats").status) != 200 &&
           std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(status, 200);
    EXPECT_EQ(sb.path_count("/accounts/get-accounts"), 1);  // it was processed, once
}

}  // namespace
}  // namespace sbt
