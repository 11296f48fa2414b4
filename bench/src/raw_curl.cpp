#include "raw_curl.hpp"

#include <rapidjson/document.h>

#include <stdexcept>

namespace bench {

namespace {

size_t append(char *data, size_t size, size_t count, void *user) {
    static_cast<std::string *>(user)->append(data, size * count);
    return size * count;
}

std::string root_of(const std::string &base_url) {
    auto api = base_url.find("/api/");
    return api == std::string::npos ? base_url : base_url.substr(0, api);
}

long perform(CURL *easy, std::string &body) {
    body.clear();
    CURLcode rc = curl_easy_perform(easy);
    if (rc != CURLE_OK) throw std::runtime_error(curl_easy_strerror(rc));
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    return status;
}

}  // namespace

RawCurl::RawCurl(const std::string &base_url, const std::string &token, const std::string &path,
                 const std::string &post_body)
    : post_body_(post_body) {
    easy_ = curl_easy_init();
    if (!easy_) throw std::runtime_error("curl_easy_init");
    headers_ = curl_slist_append(headers_, ("Authorization: Bearer " + token).c_str());
    headers_ = curl_slist_append(headers_, "Accept: application/json");
    if (!post_body_.empty()) {
        headers_ = curl_slist_append(headers_, "Content-Type: application/json");
        curl_easy_setopt(easy_, CURLOPT_POSTFIELDS, post_body_.c_str());
    }
    std::string url = base_url + path;
    curl_easy_setopt(easy_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, headers_);
    curl_easy_setopt(easy_, CURLOPT_USERAGENT, "raw-libcurl-bench");
    curl_easy_setopt(easy_, CURLOPT_WRITEFUNCTION, append);
    curl_easy_setopt(easy_, CURLOPT_WRITEDATA, &body_);
    curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
    body_.reserve(4096);
}

RawCurl::~RawCurl() {
    curl_easy_cleanup(easy_);
    curl_slist_free_all(headers_);
}

void RawCurl::call() {
    long status = perform(easy_, body_);
    if (status != 200) throw std::runtime_error("HTTP " + std::to_string(status) + ": " + body_);
}

std::string exchange_token(const std::string &base_url, const std::string &api_key,
                           const std::string &api_secret) {
    std::string request = "{\"api_key\":\"" + api_key + "\",\"api_secret\":\"" + api_secret + "\"}";
    std::string body =
        control(base_url, base_url.substr(root_of(base_url).size()) + "/auth/token", request);
    rapidjson::Document doc;
    doc.Parse(body.c_str());
    if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("access_token") ||
        !doc["access_token"].IsString())
        throw std::runtime_error("no access_token in the token answer");
    return doc["access_token"].GetString();
}

std::string control(const std::string &base_url, const std::string &path,
                    const std::string &post_body) {
    CURL *easy = curl_easy_init();
    if (!easy) throw std::runtime_error("curl_easy_init");
    std::string body;
    std::string url = root_of(base_url) + path;
    curl_slist *headers = curl_slist_append(nullptr, "Content-Type: application/json");
    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, append);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &body);
    if (!post_body.empty()) curl_easy_setopt(easy, CURLOPT_POSTFIELDS, post_body.c_str());
    long status = 0;
    try {
        status = perform(easy, body);
    } catch (...) {
        curl_slist_free_all(headers);
        curl_easy_cleanup(easy);
        throw;
    }
    curl_slist_free_all(headers);
    curl_easy_cleanup(easy);
    if (status / 100 != 2) throw std::runtime_error(path + ": HTTP " + std::to_string(status));
    return body;
}

}  // namespace bench
