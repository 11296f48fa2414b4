#include <gtest/gtest.h>

#include "client_impl.hpp"
#include "yativo/client.hpp"
#include "yativo/status.hpp"

using yativo::detail::normalize_base_url;
using yativo::detail::normalize_path;

TEST(BaseUrl, NormalisesAndAllowsHttpOnlyToLoopback) {
    EXPECT_EQ(normalize_base_url("https://crypto-api.yativo.com/api/v1/"),
              "https://crypto-api.yativo.com/api/v1");
    EXPECT_EQ(normalize_base_url("https://crypto-api.yativo.com/api/v1///"),
              "https://crypto-api.yativo.com/api/v1");
    EXPECT_EQ(normalize_base_url("http://127.0.0.1:8080/api/v1/"), "http://127.0.0.1:8080/api/v1");
    EXPECT_EQ(normalize_base_url("http://127.1.2.3/api"), "http://127.1.2.3/api");
    EXPECT_EQ(normalize_base_url("http://localhost:1/api/v1"), "http://localhost:1/api/v1");
    EXPECT_EQ(normalize_base_url("http://[::1]:9/api/v1"), "http://[::1]:9/api/v1");
    for (const char *bad :
         {"http://example.com/api/v1", "http://10.0.0.1/api", "http://127.0.0.1.evil.com/",
          "http://128.0.0.1/", "ftp://127.0.0.1/", "not a url", "", "https://host/api?x=1",
          "https://user:pw@host/api", "https://host/api#frag"}) {
        try {
            normalize_base_url(bad);
            ADD_FAILURE() << "accepted " << bad;
        } catch (const yativo::Error &e) {
            EXPECT_EQ(e.code(), yativo::Status::INVALID_ARGUMENT) << bad;
        }
    }
}

TEST(BaseUrl, ClientRejectsPlainHttpToRemoteHost) {
    yativo::ClientOptions o;
    o.base_url = "http://crypto-api.yativo.com/api/v1";
    o.use_environment = false;
    try {
        yativo::Client c(o);
        FAIL() << "accepted";
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), yativo::Status::INVALID_ARGUMENT);
        EXPECT_NE(e.message().find("clear"), std::string::npos);
    }
}

TEST(BaseUrl, EnvironmentPicksTheDocumentedBase) {
    yativo::ClientOptions o;
    o.use_environment = false;
    o.environment = yativo::Environment::Sandbox;
    EXPECT_EQ(yativo::Client(o).base_url(), "https://crypto-sandbox.yativo.com/api/v1");
    o.environment = yativo::Environment::Production;
    EXPECT_EQ(yativo::Client(o).base_url(), "https://crypto-api.yativo.com/api/v1");
}

TEST(RequestPath, StaysUnderTheBase) {
    EXPECT_EQ(normalize_path("accounts/get-accounts"), "/accounts/get-accounts");
    EXPECT_EQ(normalize_path("/accounts/get-accounts"), "/accounts/get-accounts");
    for (const char *bad : {"", "https://evil.example/x", "//evil.example/x", "/../admin",
                            "/a/../../b", "/a b", "/a\nb"}) {
        EXPECT_THROW(normalize_path(bad), yativo::Error) << bad;
    }
}
