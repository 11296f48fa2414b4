// Secrets never reach an error message or a log line, even at debug level.
#include <gtest/gtest.h>

#include <type_traits>

#include "fakes.hpp"

using yvtest::ends_with;
using yvtest::respond;

namespace {
template <class T, class = void>
struct streamable : std::false_type {};
template <class T>
struct streamable<T, std::void_t<decltype(std::declval<std::ostream &>() << std::declval<T>())>>
    : std::true_type {};
}  // namespace

static_assert(!streamable<yativo::Secret>::value, "a Secret must not be printable");
static_assert(!std::is_convertible_v<yativo::Secret, std::string>,
              "a Secret must not convert to a string");

TEST(Secrets, SecretWipesAndMoves) {
    yativo::Secret a("CANARY-VALUE");
    yativo::Secret b = std::move(a);
    EXPECT_TRUE(a.empty());
    EXPECT_EQ(b.reveal(), "CANARY-VALUE");
    b.clear();
    EXPECT_TRUE(b.empty());
}

TEST(Secrets, NeverInLogsOrErrors) {
    std::vector<std::string> lines;
    auto o = yvtest::base_options();
    o.totp_secret = yativo::Secret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    o.log_level = yativo::LogLevel::Debug;
    o.log = [&](yativo::LogLevel, std::string_view line) { lines.emplace_back(line); };
    std::vector<std::string> codes;
    auto n = std::make_shared<int>(0);
    auto h = yvtest::make(
        [&, n](const yvtest::Seen &s, int) {
            if (!s.two_factor.empty()) codes.push_back(s.two_factor);
            if (ends_with(s.url, "/auth/token"))
                return respond(200, yvtest::token_body("CANARY-TOKEN-" + std::to_string(++*n)));
            if (ends_with(s.url, "/apikey/create"))
                return respond(
                    201,
                    R"({"id":"key_1","name":"n","api_key":"yativo_x","api_secret":"CANARY-NEW-SECRET","permissions":["read"]})");
            if (ends_with(s.url, "/accounts/get-accounts"))
                return respond(401, R"({"error":"invalid_token"})");
            return respond(500, R"({"error":"boom"})");
        },
        o);
    std::vector<std::string> errors;
    auto key = h.client->create_api_key({"n", {"read"}, {}, {}});
    try {
        h.client->list_accounts();
    } catch (const yativo::Error &e) {
        errors.push_back(e.what());
        errors.push_back(e.details_json);
    }
    try {
        h.client->check_balance("asset_1");
    } catch (const yativo::Error &e) {
        errors.push_back(e.what());
    }
    ASSERT_FALSE(lines.empty());
    bool saw_attempt = false, saw_refresh = false;
    for (const auto &l : lines) {
        saw_attempt = saw_attempt || l.find("attempt 1") != std::string::npos;
        saw_refresh = saw_refresh || l.find("token exchanged") != std::string::npos;
    }
    EXPECT_TRUE(saw_attempt);
    EXPECT_TRUE(saw_refresh);
    ASSERT_FALSE(codes.empty());
    std::vector<std::string> canaries{"CANARY", "GEZDGNBVGY3TQOJQ"};
    canaries.insert(canaries.end(), codes.begin(), codes.end());
    for (const auto &text : lines)
        for (const auto &c : canaries) EXPECT_EQ(text.find(c), std::string::npos) << text;
    for (const auto &text : errors)
        for (const auto &c : canaries) EXPECT_EQ(text.find(c), std::string::npos) << text;
}
