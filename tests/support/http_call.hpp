// A plain libcurl HTTP call for tests: method, URL, headers, body in; status, headers, body out.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace yvtest {

struct HttpResult {
    long status = 0;    // 0 when no response arrived
    std::string error;  // libcurl's message when the transfer failed
    int curl_code = 0;  // CURLcode
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    // Case-insensitive; empty when absent.
    std::string header(const std::string &name) const;
};

struct HttpOptions {
    long timeout_ms = 10000;
    std::string ca_file;  // for https with a private CA
    bool verify = true;
};

HttpResult http_call(const std::string &method, const std::string &url,
                     const std::vector<std::string> &headers = {}, const std::string &body = "",
                     const HttpOptions &options = {});

}  // namespace yvtest
