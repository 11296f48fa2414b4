#include "util.hpp"

#include <chrono>
#include <thread>

namespace sbt {

const char *const kSolAddress = "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM";
const char *const kEvmAddress = "0x52908400098527886E0F7030069857D2E4169EE7";

rapidjson::Document parse(const std::string &body) {
    rapidjson::Document doc;
    doc.Parse(body.c_str(), body.size());
    return doc;
}

std::string str(const rapidjson::Value &obj, const char *key) {
    if (!obj.IsObject() || !obj.HasMember(key) || !obj[key].IsString()) return "<missing>";
    return obj[key].GetString();
}

std::string data_str(const HttpResult &r, const char *key) {
    auto doc = parse(r.body);
    if (!doc.IsObject()) return "<not json>";
    if (doc.HasMember("data")) return str(doc["data"], key);
    return str(doc, key);
}

HttpResult Client::call(const std::string &method, const std::string &path, const std::string &body,
                        std::vector<std::string> headers) {
    bool has_auth = false;
    for (const auto &h : headers)
        has_auth = has_auth || h.rfind("Authorization:", 0) == 0 || h.rfind("X-API-Key:", 0) == 0;
    if (!has_auth) headers.push_back("Authorization: Bearer " + sb_.session_token());
    return anon(method, path, body, headers);
}

HttpResult Client::anon(const std::string &method, const std::string &path, const std::string &body,
                        std::vector<std::string> headers) {
    yvtest::HttpOptions options;
    options.ca_file = sb_.ca_file();
    return http_call(method, sb_.base_url() + path, headers, body, options);
}

HttpResult Client::bearer(const std::string &token, const std::string &method,
                          const std::string &path, const std::string &body,
                          std::vector<std::string> headers) {
    headers.push_back("Authorization: Bearer " + token);
    return anon(method, path, body, headers);
}

HttpResult Client::keyed(const Creds &c, const std::string &method, const std::string &path,
                         const std::string &body, std::vector<std::string> headers) {
    headers.push_back("X-API-Key: " + c.api_key);
    headers.push_back("X-API-Secret: " + c.api_secret);
    return anon(method, path, body, headers);
}

std::string Client::code() {
    const int period = sb_.totp_period();
    while (true) {
        auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
        int64_t step = now_ms / (period * 1000);
        bool early = now_ms % (period * 1000) < period * 500;
        std::vector<int64_t> candidates = {step, step + 1};
        if (early) candidates.push_back(step - 1);
        for (int64_t s : candidates) {
            if (used_.insert(s).second) return sb_.totp_at_step(s);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
}

Creds Client::create_key(const std::string &permissions_json, const std::string &name) {
    auto r = call("POST", "/apikey/create",
                  "{\"name\":\"" + name + "\",\"permissions\":" + permissions_json + "}",
                  {code_header()});
    EXPECT_EQ(r.status, 201) << r.body;
    return Creds{data_str(r, "id"), data_str(r, "api_key"), data_str(r, "api_secret")};
}

std::string Client::token(const Creds &c) {
    auto r = anon("POST", "/auth/token",
                  "{\"api_key\":\"" + c.api_key + "\",\"api_secret\":\"" + c.api_secret + "\"}");
    EXPECT_EQ(r.status, 200) << r.body;
    auto doc = parse(r.body);
    return str(doc, "access_token");
}

std::string Client::account(const std::string &name) {
    auto r = call("POST", "/accounts/create-account",
                  "{\"account_name\":\"" + name + "\",\"account_type\":\"business\"}");
    EXPECT_EQ(r.status, 201) << r.body;
    return data_str(r, "account_id");
}

std::string Client::asset(const std::string &account_id, const std::string &chain,
                          const std::string &ticker) {
    auto r = call("POST", "/assets/add-asset",
                  "{\"account_id\":\"" + account_id + "\",\"chain\":\"" + chain +
                      "\",\"ticker\":\"" + ticker + "\"}");
    EXPECT_EQ(r.status, 201) << r.body;
    return data_str(r, "asset_id");
}

std::string Client::balance(const std::string &asset_id) {
    auto r = call("POST", "/balance/check", "{\"asset_id\":\"" + asset_id + "\"}");
    EXPECT_EQ(r.status, 200) << r.body;
    return data_str(r, "balance");
}

std::string send_body(const std::string &account, const std::string &asset,
                      const std::string &amount_json, const std::string &extra) {
    return "{\"account\":\"" + account + "\",\"assets\":\"" + asset +
           "\",\"receiving_address\":\"" + kSolAddress + "\",\"amount\":" + amount_json +
           ",\"type\":\"USDC\",\"chain\":\"solana\",\"category\":\"transfer\",\"priority\":"
           "\"medium\"" +
           extra + "}";
}

}  // namespace sbt
