#include "http_types.hpp"

#include <cctype>

namespace yvsb {

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

std::string Request::header(std::string_view name) const {
    for (const auto &h : headers)
        if (iequals(h.first, name)) return h.second;
    return {};
}

bool Request::has_header(std::string_view name) const {
    for (const auto &h : headers)
        if (iequals(h.first, name)) return true;
    return false;
}

void Response::set_header(std::string name, std::string value) {
    for (auto &h : headers) {
        if (iequals(h.first, name)) {
            h.second = std::move(value);
            return;
        }
    }
    headers.emplace_back(std::move(name), std::move(value));
}

std::string Response::header(std::string_view name) const {
    for (const auto &h : headers)
        if (iequals(h.first, name)) return h.second;
    return {};
}

}  // namespace yvsb
