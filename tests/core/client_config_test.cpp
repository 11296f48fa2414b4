// The one rule for an unset auth mode (ClientOptions::auth), which every binding relies on by
// passing "unset": what the caller gave decides before the environment.
#include <gtest/gtest.h>

#include <cstdlib>

#include "client_config.hpp"
#include "yativo/status.hpp"

using yativo::AuthMode;
using yativo::ClientOptions;
using yativo::Secret;
using yativo::detail::resolve_client_config;

namespace {

ClientOptions options() {
    ClientOptions o;
    o.base_url = "https://api.test/api/v1";
    o.use_environment = false;
    return o;
}

// Sets YATIVO_* for one test and restores the previous state.
struct EnvVar {
    EnvVar(const char *name, const char *value) : name_(name) {
        if (const char *old = std::getenv(name)) old_ = old, had_ = true;
        setenv(name, value, 1);
    }
    ~EnvVar() { had_ ? setenv(name_, old_.c_str(), 1) : unsetenv(name_); }
    const char *name_;
    std::string old_;
    bool had_ = false;
};

yativo::Status status_of(const ClientOptions &o) {
    try {
        resolve_client_config(o);
    } catch (const yativo::Error &e) {
        return e.code();
    }
    return yativo::Status::OK;
}

}  // namespace

TEST(AuthMode, AnAccessTokenAloneMeansBearer) {
    auto o = options();
    o.access_token = Secret("session-token");
    EXPECT_EQ(resolve_client_config(o).auth, AuthMode::Bearer);
}

TEST(AuthMode, AKeyAndSecretMeanToken) {
    auto o = options();
    o.api_key = "yativo_key";
    o.api_secret = Secret("secret");
    EXPECT_EQ(resolve_client_config(o).auth, AuthMode::Token);
}

TEST(AuthMode, BothGivenWithoutAModeIsRefused) {
    auto o = options();
    o.api_key = "yativo_key";
    o.api_secret = Secret("secret");
    o.access_token = Secret("session-token");
    EXPECT_EQ(status_of(o), yativo::Status::INVALID_ARGUMENT);
    o.auth = AuthMode::Bearer;  // a mode set says which
    EXPECT_EQ(resolve_client_config(o).auth, AuthMode::Bearer);
}

TEST(AuthMode, AnExplicitModeIsKeptEvenWithOnlyAToken) {
    auto o = options();
    o.access_token = Secret("session-token");
    o.auth = AuthMode::Headers;
    EXPECT_EQ(resolve_client_config(o).auth, AuthMode::Headers);
}

TEST(AuthMode, TheCallersTokenWinsOverTheEnvironmentsKey) {
    EnvVar key("YATIVO_API_KEY", "yativo_env_key");
    EnvVar secret("YATIVO_API_SECRET", "env-secret");
    auto o = options();
    o.use_environment = true;
    o.access_token = Secret("session-token");
    EXPECT_EQ(resolve_client_config(o).auth, AuthMode::Bearer);
}

TEST(AuthMode, TheEnvironmentsKeyWinsOverTheEnvironmentsToken) {
    EnvVar key("YATIVO_API_KEY", "yativo_env_key");
    EnvVar secret("YATIVO_API_SECRET", "env-secret");
    EnvVar token("YATIVO_ACCESS_TOKEN", "env-token");
    auto o = options();
    o.use_environment = true;
    EXPECT_EQ(resolve_client_config(o).auth, AuthMode::Token);
}

TEST(AuthMode, AnEnvironmentTokenAloneMeansBearer) {
    EnvVar token("YATIVO_ACCESS_TOKEN", "env-token");
    auto o = options();
    o.use_environment = true;
    EXPECT_EQ(resolve_client_config(o).auth, AuthMode::Bearer);
}
