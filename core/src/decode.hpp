// Turns an HTTP answer into a payload or an Error, for every envelope and error shape the API
// documents (reference §4.1): {status:true|"success", message, data}, {success:true, data}, bare
// bodies; errors {error, message, details}, {status:false, message}, {success:false, error},
// {error:{code, message}}.
#pragma once

#include <string>

#include "transport.hpp"
#include "yativo/payload.hpp"
#include "yativo/status.hpp"

namespace yativo::detail {

// The status code a non-2xx HTTP status maps to (SPEC §3).
Status status_for_http(long http_status);

// Builds the Error for an answer that is not a success (any HTTP status).
Error decode_error(const HttpResult &response);

// The payload of a successful answer. Throws the decoded Error when the body says the call failed
// despite a 2xx, and PROTOCOL when the body is not JSON. An empty body is a null payload.
Payload decode_success(const HttpResult &response);

// True when the answer is a success by SPEC §3 (2xx and neither `status` nor `success` false).
bool is_success(const HttpResult &response, const rapidjson::Document *doc);

}  // namespace yativo::detail
