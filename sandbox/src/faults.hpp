// Faults queued through POST /__sandbox/faults, consumed by the next matching API requests.
#pragma once

#include <deque>
#include <optional>
#include <string>

namespace yvsb {

enum class FaultMode { kRespond, kDelay, kDropBefore, kDropAfter, kTruncate, kGarbage };

bool parse_fault_mode(const std::string &text, FaultMode *out);

struct Fault {
    std::string path;  // relative to the API base ("/transactions/send-funds"), or "*"
    long remaining = 1;
    FaultMode mode = FaultMode::kRespond;
    int status = 503;
    long retry_after = -1;  // seconds; < 0 = no Retry-After
    int delay_ms = 0;
    // drop_before/drop_after: stop listening for this long before the connection is closed, so a
    // client's reconnect is refused (what a server restart looks like from outside).
    int unlisten_ms = 0;
    bool has_body = false;
    std::string body;  // sent verbatim by respond
};

class FaultQueue {
  public:
    void add(Fault fault) { queue_.push_back(std::move(fault)); }
    // The first queued fault matching `path`, counted down by one.
    std::optional<Fault> take(const std::string &path);
    void clear() { queue_.clear(); }
    size_t size() const { return queue_.size(); }

  private:
    std::deque<Fault> queue_;
};

}  // namespace yvsb
