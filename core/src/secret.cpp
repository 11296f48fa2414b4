#include "yativo/secret.hpp"

#include <openssl/crypto.h>

namespace yativo {

void wipe(std::string &s) noexcept {
    if (s.capacity() > 0) OPENSSL_cleanse(s.data(), s.capacity());
    s.clear();
}

Secret::Secret(std::string_view value) : value_(value) {}
Secret::Secret(const Secret &other) : value_(other.value_) {}
Secret::Secret(Secret &&other) noexcept : value_(other.value_) {
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
        value_ = other.value_;
        other.clear();
    }
    return *this;
}

Secret::~Secret() {
    clear();
}

// Moves copy rather than steal the buffer: a stolen small-string buffer would be left behind
// unwiped in the moved-from object's inline storage.
void Secret::clear() noexcept {
    wipe(value_);
}

}  // namespace yativo
