// A gateway's wall clock starts at 1970 until NTP syncs (or runs decades off on a dead RTC), and
// may jump when it syncs. Token expiry must stay on the monotonic clock, and 2FA codes must be
// those of the server's time, learned from its Date header.
#include <gtest/gtest.h>

#include <time.h>

#include "fakes.hpp"
#include "yativo/totp.hpp"

using namespace std::chrono_literals;
using yvtest::ends_with;
using yvtest::respond;

namespace {

constexpr const char *kSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
constexpr double k1970 = 0.0;              // a board with no RTC, before NTP
constexpr double k2070 = 3'155'760'000.0;  // an RTC decades ahead
// The server's time when the test starts: 12 s into a TOTP step, so that the Date header's
// one-second resolution cannot put a code in the neighbouring step.
constexpr std::int64_t kServerStart = 1'700'000'022;

// A FakeClock whose wall clock can also jump on its own (NTP stepping it), leaving the monotonic
// clock where it is.
class JumpingClock : public yvtest::FakeClock {
  public:
    explicit JumpingClock(double wall_start) : FakeClock(wall_start) {}
    double wall_seconds() const override { return FakeClock::wall_seconds() + jump_.load(); }
    void jump_wall(double seconds) { jump_ = jump_.load() + seconds; }

  private:
    std::atomic<double> jump_{0};
};

// The server's clock runs on the monotonic one from kServerStart, whatever the client's wall says.
std::int64_t server_now(const JumpingClock &clock) {
    auto elapsed = std::chrono::duration_cast<std::chrono::seconds>(clock.now().time_since_epoch());
    return kServerStart + elapsed.count();
}

std::string http_date(std::int64_t unix_seconds) {
    time_t t = static_cast<time_t>(unix_seconds);
    struct tm tm_utc;
    gmtime_r(&t, &tm_utc);
    char buf[64];
    strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm_utc);
    return buf;
}

std::string server_code(std::int64_t at) {
    return yativo::totp(kSecret, at).reveal();
}

// A server: tokens of `ttl` seconds, every answer with its Date header, 2FA codes checked against
// its own clock (two_factor_invalid otherwise), and the codes it was sent recorded with the code
// it expected.
struct Server {
    explicit Server(std::shared_ptr<JumpingClock> c) : clock(std::move(c)) {}
    std::shared_ptr<JumpingClock> clock;
    int ttl = 3600;
    int tokens = 0;
    std::vector<std::pair<std::string, std::string>> codes;  // {sent, expected}

    yvtest::FakeTransport::Handler handler() {
        return [this](const yvtest::Seen &s, int) {
            std::int64_t now = server_now(*clock);
            std::vector<std::pair<std::string, std::string>> hdr{{"Date", http_date(now)}};
            if (ends_with(s.url, "/auth/token"))
                return respond(
                    200, yvtest::token_body("CANARY-TOKEN-" + std::to_string(++tokens), ttl), hdr);
            if (!s.two_factor.empty()) {
                codes.emplace_back(s.two_factor, server_code(now));
                if (s.two_factor != server_code(now))
                    return respond(401, R"({"error":"two_factor_invalid"})", hdr);
                return respond(
                    200,
                    R"({"id":"key_1","name":"n","api_key":"yativo_x","api_secret":"CANARY-NEW","permissions":["read"]})",
                    hdr);
            }
            return respond(200, R"({"status":true,"message":"ok","data":[]})", hdr);
        };
    }
};

yativo::ClientOptions totp_options() {
    auto o = yvtest::base_options();
    o.totp_secret = yativo::Secret(kSecret);
    return o;
}

// A 3600 s token is reused for its whole life less the 60 s margin and refreshed after it,
// whatever the wall clock says, and whether or not it jumps in between.
void token_follows_the_monotonic_clock(double wall_start, double jump) {
    auto clock = std::make_shared<JumpingClock>(wall_start);
    Server server(clock);
    auto h = yvtest::make(server.handler(), yvtest::base_options(), clock);
    h.client->list_accounts();
    EXPECT_EQ(server.tokens, 1);
    clock->advance(1800s);
    clock->jump_wall(jump);  // NTP steps the wall clock mid-life
    h.client->list_accounts();
    EXPECT_EQ(server.tokens, 1) << "refreshed because the wall clock jumped";
    clock->advance(3600s - 60s - 1800s - 1s);  // 1 s before the refresh point
    h.client->list_accounts();
    EXPECT_EQ(server.tokens, 1);
    clock->advance(2s);
    h.client->list_accounts();
    EXPECT_EQ(server.tokens, 2);
    EXPECT_EQ(h.transport->seen().back().authorization, "Bearer CANARY-TOKEN-2");
}

// Every 2FA code sent is the server's code for its own time (from the Date header), before and
// after the wall clock jumps.
void codes_follow_the_server_date(double wall_start, double jump) {
    auto clock = std::make_shared<JumpingClock>(wall_start);
    Server server(clock);
    auto h = yvtest::make(server.handler(), totp_options(), clock);
    h.client->rotate_api_key("key_1");  // the token exchange before it brings the Date
    clock->advance(95s);
    clock->jump_wall(jump);
    h.client->list_accounts();  // an answer after the jump: the offset is read again
    h.client->rotate_api_key("key_1");
    clock->advance(40s);
    h.client->create_api_key({"n", {"read"}, {}, {}});
    ASSERT_EQ(server.codes.size(), 3u);
    for (const auto &[sent, expected] : server.codes) EXPECT_EQ(sent, expected);
}

}  // namespace

TEST(WallClock, At1970TokenExpiryFollowsTheMonotonicClock) {
    token_follows_the_monotonic_clock(k1970, 1'764'800'000.0);  // NTP syncs to 2025
}

TEST(WallClock, DecadesAheadTokenExpiryFollowsTheMonotonicClock) {
    token_follows_the_monotonic_clock(k2070, -1'390'000'000.0);  // back to 2025
}

TEST(WallClock, At1970TotpCodesAreThoseOfTheServersDate) {
    codes_follow_the_server_date(k1970, 1'764'800'000.0);
}

TEST(WallClock, DecadesAheadTotpCodesAreThoseOfTheServersDate) {
    codes_follow_the_server_date(k2070, -1'390'000'000.0);
}

// Control: with the Date offset switched off, the codes of a 1970 clock are refused, so the tests
// above pass because of the offset.
TEST(WallClock, At1970WithoutTheServersDateCodesAreWrong) {
    auto clock = std::make_shared<JumpingClock>(k1970);
    Server server(clock);
    auto o = totp_options();
    o.totp_use_server_time = false;
    o.max_retries = 0;
    auto h = yvtest::make(server.handler(), o, clock);
    EXPECT_THROW(h.client->rotate_api_key("key_1"), yativo::Error);
    ASSERT_FALSE(server.codes.empty());
    for (const auto &[sent, expected] : server.codes) EXPECT_NE(sent, expected);
}

// Header mode has no token exchange: the first 2FA call goes out before any Date was seen, so its
// code is that of 1970 and refused; the refusal carries the Date, and the one retry the client
// makes on two_factor_invalid sends the server's code.
TEST(WallClock, At1970FirstCallInHeaderModeRecoversFromTheRefusalsDate) {
    auto clock = std::make_shared<JumpingClock>(k1970);
    Server server(clock);
    auto o = totp_options();
    o.auth = yativo::AuthMode::Headers;
    auto h = yvtest::make(server.handler(), o, clock);
    EXPECT_NO_THROW(h.client->rotate_api_key("key_1"));
    ASSERT_EQ(server.codes.size(), 2u);
    EXPECT_NE(server.codes[0].first, server.codes[0].second);
    EXPECT_EQ(server.codes[1].first, server.codes[1].second);
    EXPECT_EQ(server.tokens, 0);
}
