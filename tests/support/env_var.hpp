// Sets (or unsets) an environment variable for one scope and restores the value it had: make
// test itself runs with YATIVO_LOG and YATIVO_SANDBOX_RECORD_SECRETS set. Header-only, so suites
// that do not link yv_test_support (tests/core) use it too.
#pragma once

#include <cstdlib>
#include <optional>
#include <string>

namespace yvtest {

class EnvVar {
  public:
    EnvVar(const char *name, const char *value) : name_(name) {
        if (const char *old = std::getenv(name)) saved_ = old;
        if (value)
            setenv(name, value, 1);
        else
            unsetenv(name);
    }
    ~EnvVar() {
        if (saved_)
            setenv(name_, saved_->c_str(), 1);
        else
            unsetenv(name_);
    }
    EnvVar(const EnvVar &) = delete;
    EnvVar &operator=(const EnvVar &) = delete;

  private:
    const char *name_;
    std::optional<std::string> saved_;
};

}  // namespace yvtest
