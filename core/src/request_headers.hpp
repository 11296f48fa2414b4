// The header lines of a request, kept so that the lines sent with every call cost no
// allocation: the constant ones are borrowed, the bearer line is shared with the token cache
// that built it once per token, and only a line made for one request is owned by it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "yativo/secret.hpp"

namespace yativo::detail {

// One "Name: value" line. Whatever its form, a line that holds a secret is wiped when its last
// holder drops it.
class HeaderLine {
  public:
    using Shared = std::shared_ptr<const std::string>;

    HeaderLine() = default;
    // A line of this request alone ("X-2FA-Token: ..."): wiped when dropped, moved-from
    // storage included.
    explicit HeaderLine(std::string owned) noexcept : line_(std::move(owned)) {}
    // A line shared with whoever made it (make_shared_line).
    explicit HeaderLine(Shared shared) noexcept : line_(std::move(shared)) {}
    // A line that outlives the request (a constant, the transport's User-Agent): neither copied
    // nor wiped.
    static HeaderLine borrowed(const std::string &line) noexcept {
        HeaderLine h;
        h.line_ = &line;
        return h;
    }

    HeaderLine(HeaderLine &&) noexcept = default;
    HeaderLine &operator=(HeaderLine &&other) noexcept;
    HeaderLine(const HeaderLine &) = delete;
    HeaderLine &operator=(const HeaderLine &) = delete;
    ~HeaderLine() { wipe_owned(); }

    const std::string &str() const noexcept;

  private:
    void wipe_owned() noexcept {
        if (auto *owned = std::get_if<std::string>(&line_)) wipe(*owned);
    }

    std::variant<const std::string *, std::string, Shared> line_;
};

constexpr std::string_view kBearerPrefix = "Authorization: Bearer ";

// `prefix` + `secret` as one line for many requests: built in place (the secret is copied once,
// into the line), and wiped when the last request or cache holding it lets go.
HeaderLine::Shared make_shared_line(std::string_view prefix, const Secret &secret);

// A request's lines, inline: no allocation of their own.
class RequestHeaders {
  public:
    // The most a request carries: Accept, Content-Type, Idempotency-Key, two auth lines
    // (X-API-Key and X-API-Secret; a bearer line is one), X-2FA-Token, and the User-Agent a
    // supplied transport adds.
    static constexpr std::size_t kCapacity = 7;

    // INTERNAL past kCapacity (a request shape the count above forgot).
    void add(HeaderLine line);
    std::size_t size() const noexcept { return size_; }
    const std::string &operator[](std::size_t i) const noexcept { return lines_[i].str(); }
    const HeaderLine *begin() const noexcept { return lines_; }
    const HeaderLine *end() const noexcept { return lines_ + size_; }

  private:
    HeaderLine lines_[kCapacity];
    std::size_t size_ = 0;
};

}  // namespace yativo::detail
