// The error every handler throws; the pipeline turns it into {error, message, details}.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace yvsb {

using StringFields = std::vector<std::pair<std::string, std::string>>;

struct ApiError : std::runtime_error {
    ApiError(int http_status, std::string error_code, const std::string &msg,
             StringFields detail_fields = {})
        : std::runtime_error(msg),
          status(http_status),
          code(std::move(error_code)),
          details(std::move(detail_fields)) {}

    int status;
    std::string code;
    StringFields details;
    StringFields top_level;  // extra top-level string fields (existing_transaction_id)
    long retry_after = -1;   // top-level retry_after and Retry-After header when >= 0
    StringFields headers;    // extra response headers (Allow on 405)
};

std::string error_body(const ApiError &e, const std::string &request_id);

}  // namespace yvsb
