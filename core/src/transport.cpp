// What every transport shares: the response headers the client keeps.
#include "transport.hpp"

#include <strings.h>

namespace yativo::detail {

const std::string *HttpResult::header(const char *name) const {
    return headers.get(name);
}

int ResponseHeaders::index(std::string_view name) noexcept {
    for (std::size_t i = 0; i < kCount; ++i)
        if (name.size() == kNames[i].size() &&
            strncasecmp(name.data(), kNames[i].data(), name.size()) == 0)
            return static_cast<int>(i);
    return -1;
}

bool ResponseHeaders::add(std::string_view name, std::string_view value) {
    int i = index(name);
    if (i < 0) return false;
    if (!(present_ & (1u << i))) {
        values_[i].assign(value.data(), value.size());
        present_ |= 1u << i;
    }
    return true;
}

const std::string *ResponseHeaders::get(std::string_view name) const {
    int i = index(name);
    return i >= 0 && (present_ & (1u << i)) ? &values_[i] : nullptr;
}

}  // namespace yativo::detail
