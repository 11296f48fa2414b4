// Status codes and the one exception type of the core. The codes come from status.def.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace yativo {

enum class Status : int {
#define YV_STATUS(name, number, py, doc) name = number,
#include "yativo/status.def"
#undef YV_STATUS
};

// "INVALID_ARGUMENT", ...; "UNKNOWN" for a number not in the table.
const char *status_name(Status s) noexcept;
// The description column of status.def.
const char *status_description(Status s) noexcept;

// Every failure of the core is thrown as an Error. It carries every field of SPEC §3; fields the
// failure does not have are empty (strings), 0 (http_status) or nullopt (retry_after).
// Nothing secret is ever put in an Error: messages are built from status lines, server error
// codes and the server's own message text.
class Error : public std::runtime_error {
  public:
    Error(Status code, std::string message);

    Status code() const noexcept { return code_; }
    const std::string &message() const noexcept { return message_; }

    int http_status = 0;
    std::string error_code;               // the server's machine code: "insufficient_balance", ...
    std::string details_json;             // the server's `details` as JSON text, or empty
    std::string request_id;               // X-Request-Id of the failing response
    std::optional<double> retry_after_s;  // seconds, from Retry-After or the body
    std::string existing_transaction_id;  // on CONFLICT
    std::string idempotency_key;          // the key the failing write carried
    bool outcome_unknown = false;  // the request may have been processed; retry with the same key
    bool retryable = false;        // a later identical call may succeed

  private:
    Status code_;
    std::string message_;
};

[[noreturn]] void throw_invalid(const std::string &message);

}  // namespace yativo
