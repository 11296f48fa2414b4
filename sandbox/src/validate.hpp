// Reads a request: its JSON body, then its fields, collecting every problem so one 400 names all
// bad fields.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api_error.hpp"
#include "decimal.hpp"
#include "json.hpp"

namespace yvsb {

// A request body as the JSON object FieldReader reads; a blank body is {}. Throws 400
// validation_error when the body is not JSON or not an object.
Json parse_request_body(std::string_view body);

class FieldReader {
  public:
    explicit FieldReader(const Json &body) : body_(body) {}

    // Absent or null fields read as empty/nullopt; `required` records "is required".
    std::string string(const char *name, bool required, size_t max_len = 256);
    std::optional<long long> integer(const char *name, bool required, long long lo, long long hi);
    // A positive decimal given as a JSON number or a string, at most 18 decimals.
    std::optional<Decimal> amount(const char *name, bool required);
    std::optional<bool> boolean(const char *name);
    std::vector<std::string> string_array(const char *name, bool required, size_t max_items = 64);

    void fail(const std::string &name, const std::string &message);
    bool failed(const std::string &name) const;
    bool ok() const { return problems_.empty(); }
    // Throws 400 validation_error with every recorded problem in details.
    void check() const;

  private:
    const Json *get(const char *name) const;
    const Json &body_;
    StringFields problems_;
};

}  // namespace yvsb
