// The server-independent request and response the API handlers work on, so handlers can be
// called as plain functions (tests, fuzzers) without sockets.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yvsb {

struct Request {
    std::string method;  // "GET", "POST", ...
    std::string target;  // path and query as received: "/api/v1/apikey/list?x=1"
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string peer;  // the client's IP address as the socket saw it; empty when unknown

    // Case-insensitive header lookup; empty when absent.
    std::string header(std::string_view name) const;
    bool has_header(std::string_view name) const;
};

// What the connection does with a response. Faults use everything but kSend.
enum class Action {
    kSend,           // send the response, keep the connection as the client asked
    kDelay,          // not processed yet: wait delay_ms, then call Api::handle_after_delay
    kClose,          // close the connection without sending a byte
    kSendTruncated,  // send the headers and half of the body, then close
};

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string content_type = "application/json";
    Action action = Action::kSend;
    int delay_ms = 0;
    int unlisten_ms = 0;  // kClose: stop listening for this long first

    void set_header(std::string name, std::string value);
    std::string header(std::string_view name) const;
};

bool iequals(std::string_view a, std::string_view b);

}  // namespace yvsb
