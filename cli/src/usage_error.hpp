// A mistake on the command line, found before anything is sent: exit code 2.
#pragma once

#include <stdexcept>
#include <string>

namespace yvcli {

class UsageError : public std::runtime_error {
  public:
    explicit UsageError(const std::string &message) : std::runtime_error(message) {}
};

}  // namespace yvcli
