// What every transport shares: the response headers the client keeps.
#include "transport.hpp"

#include <array>
#include <cstring>

namespace yativo::detail {

namespace {

// Bit i set at index n: kNames[i] is n characters long. Most headers of an answer (Server,
// Content-Length, Connection, ...) have a length no kept name has and are passed over here.
constexpr std::size_t kMaxNameLength = 32;
using Lengths = std::array<unsigned, kMaxNameLength + 1>;
constexpr Lengths names_by_length() {
    Lengths by_length{};
    for (std::size_t i = 0; i < ResponseHeaders::kCount; ++i)
        by_length[ResponseHeaders::kNames[i].size()] |= 1u << i;
    return by_length;
}
constexpr Lengths kNamesByLength = names_by_length();

// Header names are ASCII tokens: no locale is needed to compare them. Servers write the usual
// spelling, which one memcmp settles; any other case is compared a character at a time.
bool same_name(std::string_view a, std::string_view b) noexcept {
    if (a == b) return true;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

}  // namespace

int ResponseHeaders::index(std::string_view name) noexcept {
    if (name.size() > kMaxNameLength) return -1;
    for (unsigned candidates = kNamesByLength[name.size()]; candidates != 0;
         candidates &= candidates - 1) {
        int i = __builtin_ctz(candidates);
        if (same_name(name, kNames[i])) return i;
    }
    return -1;
}

bool ResponseHeaders::add(std::string_view name, std::string_view value) {
    int i = index(name);
    if (i < 0) return false;
    keep(i, value);
    return true;
}

void ResponseHeaders::add_line(std::string_view line) {
    if (line.size() >= 5 && std::memcmp(line.data(), "HTTP/", 5) == 0) {
        clear();  // a new response (after 100 Continue)
        return;
    }
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return;  // the blank line that ends the headers
    int i = index(line.substr(0, colon));         // most lines end here: a name not kept
    if (i < 0) return;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.remove_suffix(1);
    keep(i, value);
}

void ResponseHeaders::keep(int i, std::string_view value) {
    if (present_ & (1u << i)) return;
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
}

std::optional<std::string_view> ResponseHeaders::get(ResponseHeader which) const {
    int i = static_cast<int>(which);
    if (!(present_ & (1u << i))) return std::nullopt;
    const Slot &slot = slots_[i];
    return std::string_view((slot.overflow ? overflow_.data() : inline_) + slot.offset, slot.size);
}

}  // namespace yativo::detail
