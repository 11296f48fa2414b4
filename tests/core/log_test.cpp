// YATIVO_LOG: clients without a log hook write their log lines to stderr at the level it names.
#include <gtest/gtest.h>

#include "env_var.hpp"
#include "fakes.hpp"
#include "log.hpp"

using yvtest::ends_with;
using yvtest::EnvVar;
using yvtest::respond;

namespace {

yvtest::Harness accounts_client(yativo::ClientOptions o = yvtest::base_options()) {
    return yvtest::make(
        [](const yvtest::Seen &s, int) {
            if (ends_with(s.url, "/auth/token"))
                return respond(200, yvtest::token_body("CANARY-TOKEN-LOG"));
            return respond(200, R"({"status":true,"data":[]})");
        },
        std::move(o));
}

std::string stderr_of_one_call(yativo::ClientOptions o = yvtest::base_options()) {
    testing::internal::CaptureStderr();
    {
        auto h = accounts_client(std::move(o));
        h.client->list_accounts();
    }
    return testing::internal::GetCapturedStderr();
}

}  // namespace

TEST(Log, LevelNamesRoundTrip) {
    for (auto level : {yativo::LogLevel::Debug, yativo::LogLevel::Info, yativo::LogLevel::Warn,
                       yativo::LogLevel::Error, yativo::LogLevel::Off})
        EXPECT_EQ(yativo::log_level_from_name(yativo::log_level_name(level)), level);
    EXPECT_FALSE(yativo::log_level_from_name("DEBUG"));
    EXPECT_FALSE(yativo::log_level_from_name(""));
}

TEST(Log, YativoLogDebugWritesLinesToStderrWithoutSecrets) {
    EnvVar v("YATIVO_LOG", "debug");
    std::string err = stderr_of_one_call();
    EXPECT_NE(err.find("yativo debug: "), std::string::npos) << err;
    EXPECT_NE(err.find("attempt 1"), std::string::npos) << err;
    EXPECT_NE(err.find("token exchanged"), std::string::npos) << err;
    EXPECT_EQ(err.find("CANARY"), std::string::npos);
    for (size_t start = 0; start < err.size();) {  // whole lines, each with the prefix
        size_t end = err.find('\n', start);
        ASSERT_NE(end, std::string::npos) << "a line without its newline";
        EXPECT_EQ(err.compare(start, 7, "yativo "), 0) << err.substr(start, end - start);
        start = end + 1;
    }
}

TEST(Log, YativoLogHoldsWithoutUseEnvironmentAndRespectsItsLevel) {
    EnvVar v("YATIVO_LOG", "warn");
    auto o = yvtest::base_options();
    ASSERT_FALSE(o.use_environment);
    EXPECT_EQ(stderr_of_one_call(o), "");  // a successful call logs nothing at warn
    EnvVar off("YATIVO_LOG", "off");
    EXPECT_EQ(stderr_of_one_call(), "");
}

TEST(Log, AHookWinsOverYativoLog) {
    EnvVar v("YATIVO_LOG", "debug");
    std::vector<std::string> lines;
    auto o = yvtest::base_options();
    o.log_level = yativo::LogLevel::Debug;
    o.log = [&](yativo::LogLevel, std::string_view line) { lines.emplace_back(line); };
    EXPECT_EQ(stderr_of_one_call(o), "");
    EXPECT_FALSE(lines.empty());
}

// A diagnostics switch must never stop a service from making its clients.
TEST(Log, AnUnknownYativoLogValueIsIgnoredWithOneWarning) {
    EnvVar v("YATIVO_LOG", "verbose");
    testing::internal::CaptureStderr();
    { auto first = accounts_client(); }
    { auto second = accounts_client(); }
    std::string err = testing::internal::GetCapturedStderr();
    EXPECT_EQ(err, "yativo warn: YATIVO_LOG is not debug, info, warn, error or off; ignored\n");
}

TEST(Log, YativoLogIgnoresCase) {
    EnvVar v("YATIVO_LOG", "DEBUG");
    EXPECT_NE(stderr_of_one_call().find("yativo debug: "), std::string::npos);
}

TEST(Log, UnsetOrEmptyYativoLogWritesNothing) {
    {
        EnvVar v("YATIVO_LOG", nullptr);
        EXPECT_EQ(stderr_of_one_call(), "");
    }
    EnvVar v("YATIVO_LOG", "");
    EXPECT_EQ(stderr_of_one_call(), "");
}
