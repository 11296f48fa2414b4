#include "yativo/secret.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <utility>

#include "transport.hpp"

namespace yativo {

void wipe(std::string &s) noexcept {
    if (s.capacity() > 0) OPENSSL_cleanse(s.data(), s.capacity());
    s.clear();
}

Secret::Secret(std::string_view value) : value_(value) {}
Secret::Secret(const Secret &other) : value_(other.value_) {}
// A move takes the other's buffer (a long secret) or copies into this one's (a short one: the
// string's inline storage), so it never allocates; the other's storage, inline copy included, is
// wiped after.
Secret::Secret(Secret &&other) noexcept : value_(std::move(other.value_)) {
    other.clear();
}

Secret &Secret::operator=(const Secret &other) {
    if (this != &other) {
        clear();
        value_ = other.value_;
    }
    return *this;
}

Secret &Secret::operator=(Secret &&other) noexcept {
    if (this != &other) {
        clear();
        value_ = std::move(other.value_);
        other.clear();
    }
    return *this;
}

Secret::~Secret() {
    clear();
}

// Wipes the whole buffer (its capacity, not just its size): what a move left in inline storage
// goes too.
void Secret::clear() noexcept {
    wipe(value_);
}

}  // namespace yativo
