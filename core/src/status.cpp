#include "yativo/status.hpp"

namespace yativo {

const char *status_name(Status s) noexcept {
    switch (s) {
#define YV_STATUS(name, number, py, doc) \
    case Status::name:                   \
        return #name;
#include "yativo/status.def"
#undef YV_STATUS
    }
    return "UNKNOWN";
}

const char *status_description(Status s) noexcept {
    switch (s) {
#define YV_STATUS(name, number, py, doc) \
    case Status::name:                   \
        return doc;
#include "yativo/status.def"
#undef YV_STATUS
    }
    return "Unknown status.";
}

Error::Error(Status code, std::string message)
    : std::runtime_error(message), code_(code), message_(std::move(message)) {}

void throw_invalid(const std::string &message) {
    throw Error(Status::INVALID_ARGUMENT, message);
}

}  // namespace yativo
