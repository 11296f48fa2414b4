#include "request_headers.hpp"

#include "yativo/status.hpp"

namespace yativo::detail {

HeaderLine &HeaderLine::operator=(HeaderLine &&other) noexcept {
    if (this != &other) {
        wipe_owned();
        line_ = std::move(other.line_);
    }
    return *this;
}

const std::string &HeaderLine::str() const noexcept {
    switch (line_.index()) {
        case 0:
            return **std::get_if<const std::string *>(&line_);
        case 1:
            return *std::get_if<std::string>(&line_);
        default:
            return **std::get_if<Shared>(&line_);
    }
}

HeaderLine::Shared make_shared_line(std::string_view prefix, const Secret &secret) {
    struct Line {
        std::string text;
        ~Line() { wipe(text); }
    };
    auto line = std::make_shared<Line>();
    const std::string &value = secret.reveal();
    line->text.reserve(prefix.size() + value.size());  // one buffer: no copy left when it grows
    line->text.append(prefix).append(value);
    return HeaderLine::Shared(line, &line->text);
}

void RequestHeaders::add(HeaderLine line) {
    if (size_ == kCapacity)
        throw Error(Status::INTERNAL, "a request with more header lines than RequestHeaders holds");
    lines_[size_++] = std::move(line);
}

}  // namespace yativo::detail
