// What every transport shares: the response headers the client keeps.
#include "transport.hpp"

#include <strings.h>

#include <cstring>

namespace yativo::detail {

std::optional<std::string_view> HttpResult::header(const char *name) const {
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
    if (present_ & (1u << i)) return true;
    Slot &slot = slots_[i];
    slot.size = static_cast<std::uint32_t>(value.size());
    if (value.size() < kInline - used_) {
        slot.offset = used_;
        slot.overflow = false;
        std::memcpy(inline_ + used_, value.data(), value.size());
        inline_[used_ + value.size()] = '\0';
        used_ += slot.size + 1;
    } else {
        slot.offset = static_cast<std::uint32_t>(overflow_.size());
        slot.overflow = true;
        overflow_.append(value).push_back('\0');
    }
    present_ |= 1u << i;
    return true;
}

std::optional<std::string_view> ResponseHeaders::get(std::string_view name) const {
    int i = index(name);
    if (i < 0 || !(present_ & (1u << i))) return std::nullopt;
    const Slot &slot = slots_[i];
    return std::string_view((slot.overflow ? overflow_.data() : inline_) + slot.offset, slot.size);
}

}  // namespace yativo::detail
