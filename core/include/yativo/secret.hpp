// A string that must never be printed: API secrets, tokens, TOTP secrets, 2FA codes, webhook
// secrets. It has no stream operator and no implicit conversion; its memory is wiped with
// OPENSSL_cleanse when it changes or dies.
#pragma once

#include <string>
#include <string_view>

namespace yativo {

class Secret {
  public:
    Secret() = default;
    explicit Secret(std::string_view value);
    Secret(const Secret &other);
    Secret(Secret &&other) noexcept;
    Secret &operator=(const Secret &other);
    Secret &operator=(Secret &&other) noexcept;
    ~Secret();

    bool empty() const noexcept { return value_.empty(); }
    // The only way to read the value: the name makes every use visible in review.
    const std::string &reveal() const noexcept { return value_; }
    void clear() noexcept;

    friend bool operator==(const Secret &a, const Secret &b) = delete;

  private:
    std::string value_;
};

// Wipes a std::string that held a secret (for temporaries such as a header line).
void wipe(std::string &s) noexcept;

}  // namespace yativo
