// Shared helpers of the sandbox tests: authenticated calls, fresh 2FA codes, fixtures.
#pragma once

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "http_call.hpp"
#include "sandbox_process.hpp"

namespace sbt {

using yvtest::http_call;
using yvtest::HttpResult;
using yvtest::SandboxProcess;

rapidjson::Document parse(const std::string &body);
// A string member of the payload `data` object (or of the top level when `data` is absent).
std::string data_str(const HttpResult &r, const char *key);
std::string str(const rapidjson::Value &obj, const char *key);

struct Creds {
    std::string id, api_key, api_secret;
};

class Client {
  public:
    explicit Client(SandboxProcess &sb) : sb_(sb) {}

    // As the session (dashboard) user unless `headers` carry credentials.
    HttpResult call(const std::string &method, const std::string &path,
                    const std::string &body = "", std::vector<std::string> headers = {});
    // Without any credentials.
    HttpResult anon(const std::string &method, const std::string &path,
                    const std::string &body = "", std::vector<std::string> headers = {});
    HttpResult bearer(const std::string &token, const std::string &method, const std::string &path,
                      const std::string &body = "", std::vector<std::string> headers = {});
    HttpResult keyed(const Creds &c, const std::string &method, const std::string &path,
                     const std::string &body = "", std::vector<std::string> headers = {});

    // A 2FA code for a step not yet used in this test (waits for the next step if needed).
    std::string code();
    std::string code_header() { return "X-2FA-Token: " + code(); }

    Creds create_key(const std::string &permissions_json, const std::string &name = "test key");
    std::string token(const Creds &c);
    std::string account(const std::string &name = "Main");
    std::string asset(const std::string &account_id, const std::string &chain = "solana",
                      const std::string &ticker = "USDC_SOL");
    std::string balance(const std::string &asset_id);

    SandboxProcess &sb() { return sb_; }

  private:
    SandboxProcess &sb_;
    std::set<int64_t> used_;
};

// A valid Solana address (32 bytes in base58) and an EVM one.
extern const char *const kSolAddress;
extern const char *const kEvmAddress;

std::string send_body(const std::string &account, const std::string &asset,
                      const std::string &amount_json, const std::string &extra = "");

}  // namespace sbt
