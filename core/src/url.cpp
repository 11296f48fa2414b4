#include <curl/curl.h>

#include <memory>

#include "client_impl.hpp"
#include "yativo/status.hpp"

namespace yativo::detail {

namespace {

struct UrlDeleter {
    void operator()(CURLU *u) const { curl_url_cleanup(u); }
};
struct CurlFree {
    void operator()(char *p) const { curl_free(p); }
};

std::string get_part(CURLU *u, CURLUPart part) {
    char *raw = nullptr;
    if (curl_url_get(u, part, &raw, 0) != CURLUE_OK || !raw) return {};
    std::unique_ptr<char, CurlFree> owned(raw);
    return std::string(raw);
}

bool is_loopback(std::string host) {
    if (!host.empty() && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host == "localhost" || host == "::1") return true;
    // 127.0.0.0/8 in dotted-quad form
    if (host.rfind("127.", 0) != 0) return false;
    int parts = 0;
    std::size_t start = 0;
    while (start <= host.size()) {
        std::size_t dot = host.find('.', start);
        std::string part =
            host.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (part.empty() || part.size() > 3 ||
            part.find_first_not_of("0123456789") != std::string::npos || std::stoi(part) > 255)
            return false;
        ++parts;
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return parts == 4;
}

}  // namespace

std::string normalize_base_url(const std::string &url) {
    if (url.empty()) throw_invalid("base URL is empty");
    for (char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            throw_invalid("base URL contains spaces or control characters");
    std::unique_ptr<CURLU, UrlDeleter> u(curl_url());
    if (!u) throw Error(Status::NO_MEMORY, "curl_url failed");
    if (curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
        throw_invalid("base URL \"" + url + "\" is not a valid absolute URL");
    std::string scheme = get_part(u.get(), CURLUPART_SCHEME);
    std::string host = get_part(u.get(), CURLUPART_HOST);
    if (scheme != "https" && scheme != "http")
        throw_invalid("base URL must use https:// (http:// only to a loopback host)");
    if (host.empty()) throw_invalid("base URL has no host");
    if (scheme == "http" && !is_loopback(host))
        throw_invalid("base URL uses http:// to the non-loopback host \"" + host +
                      "\": secrets would travel in clear; use https://");
    if (!get_part(u.get(), CURLUPART_QUERY).empty() ||
        !get_part(u.get(), CURLUPART_FRAGMENT).empty())
        throw_invalid("base URL must not have a query or fragment");
    if (!get_part(u.get(), CURLUPART_USER).empty())
        throw_invalid("base URL must not carry user credentials");
    std::string out = url;
    while (!out.empty() && out.back() == '/') out.pop_back();
    return out;
}

std::string normalize_path(std::string_view path) {
    if (path.empty()) throw_invalid("path is empty");
    for (char c : path)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            throw_invalid("path contains spaces or control characters");
    if (path.find("://") != std::string_view::npos)
        throw_invalid("path must be relative to the base URL, not a full URL");
    std::string out(path);
    if (out.front() != '/') out.insert(out.begin(), '/');
    if (out.rfind("//", 0) == 0) throw_invalid("path must not start with //");
    // "/../" would climb out of the API base.
    std::size_t pos = 0;
    while ((pos = out.find("/..", pos)) != std::string::npos) {
        std::size_t end = pos + 3;
        if (end == out.size() || out[end] == '/' || out[end] == '?')
            throw_invalid("path must not contain \"..\" segments");
        pos = end;
    }
    return out;
}

std::string path_segment(std::string_view id, const char *what) {
    if (id.empty()) throw_invalid(std::string(what) + " is empty");
    if (id.size() > 512) throw_invalid(std::string(what) + " is too long");
    char *escaped = curl_easy_escape(nullptr, id.data(), static_cast<int>(id.size()));
    if (!escaped) throw Error(Status::NO_MEMORY, "curl_easy_escape failed");
    std::string out(escaped);
    curl_free(escaped);
    return out;
}

}  // namespace yativo::detail
