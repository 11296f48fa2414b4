// Values that may come from a file or standard input: `@FILE`, `-`, or the text itself.
#pragma once

#include <string>

#include "yativo/secret.hpp"

namespace yvcli {

class Inputs {
  public:
    // A secret from a flag value: `@FILE`, `-` (stdin) or the literal; one trailing newline is
    // dropped. `what` names the flag in messages ("--api-secret"); the value never appears.
    yativo::Secret secret(const std::string &arg, const char *what);
    // Text from `@FILE`, `-` or the literal, byte for byte.
    std::string text(const std::string &arg, const char *what);
    // Bytes from `@FILE` or `-` only (a raw body must not pass through the shell).
    std::string file_or_stdin(const std::string &arg, const char *what);

  private:
    std::string read_stdin(const char *what);
    std::string read_file(const std::string &path, const char *what);

    const char *stdin_taken_by_ = nullptr;
};

}  // namespace yvcli
