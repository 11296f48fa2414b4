// The floor: a plain libcurl easy handle, reused (keep-alive), sending the same request with the
// same headers as the SDK (by default the GET of list_accounts; given a body, a POST of it as
// JSON to `path`). The bearer token is obtained once, before timing.
#pragma once

#include <curl/curl.h>

#include <string>

namespace bench {

class RawCurl {
  public:
    RawCurl(const std::string &base_url, const std::string &token,
            const std::string &path = "/accounts/get-accounts", const std::string &post_body = "");
    ~RawCurl();
    RawCurl(const RawCurl &) = delete;
    RawCurl &operator=(const RawCurl &) = delete;

    // The request; throws unless the answer is 200.
    void call();
    void list_accounts() { call(); }
    const std::string &body() const { return body_; }

  private:
    CURL *easy_ = nullptr;
    curl_slist *headers_ = nullptr;
    std::string body_;
    std::string post_body_;
};

// POST /auth/token with libcurl; returns access_token.
std::string exchange_token(const std::string &base_url, const std::string &api_key,
                           const std::string &api_secret);

// GET/POST on the sandbox's control API (root URL = base URL without /api/v1).
std::string control(const std::string &base_url, const std::string &path,
                    const std::string &post_body = "");

}  // namespace bench
