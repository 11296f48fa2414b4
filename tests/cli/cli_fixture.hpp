// A sandbox per test and the ways the tests run the command against it: as the dashboard user
// (session token + TOTP secret from the environment), as an API key, or with no credentials.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli_run.hpp"
#include "sandbox_process.hpp"

namespace clitest {

struct KeyCreds {
    std::string id, api_key, api_secret;
};

class CliTest : public ::testing::Test {
  protected:
    CliTest() : sb_({"--rate-limit", "0", "--totp-period", "2"}) {}

    std::map<std::string, std::string> base_env() const {
        return {{"YATIVO_BASE_URL", sb_.base_url()}};
    }
    // As the dashboard user: session token and TOTP secret in the environment, as the docs advise.
    CliResult user(std::vector<std::string> args, const std::string &stdin_data = "") {
        args.insert(args.begin(), {"--totp-period", "2"});
        auto env = base_env();
        env["YATIVO_ACCESS_TOKEN"] = sb_.session_token();
        env["YATIVO_TOTP_SECRET"] = sb_.totp_secret();
        return run_cli(args, env, stdin_data);
    }
    CliResult as_key(const KeyCreds &k, std::vector<std::string> args) {
        auto env = base_env();
        env["YATIVO_API_KEY"] = k.api_key;
        env["YATIVO_API_SECRET"] = k.api_secret;
        return run_cli(args, env);
    }
    CliResult anonymous(std::vector<std::string> args, const std::string &stdin_data = "") {
        return run_cli(args, base_env(), stdin_data);
    }
    KeyCreds create_key(const std::string &permissions, const std::string &name = "test key") {
        CliResult r =
            user({"--json", "keys", "create", "--name", name, "--permissions", permissions});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        rapidjson::Document doc = parse_json(r.out);
        return {str(doc, "id"), str(doc, "api_key"), str(doc, "api_secret")};
    }
    long requests() { return sb_.stat("requests"); }

    SandboxProcess sb_;
};

}  // namespace clitest
