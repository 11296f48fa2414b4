#include "faults.hpp"

namespace yvsb {

bool parse_fault_mode(const std::string &text, FaultMode *out) {
    static const std::pair<const char *, FaultMode> kModes[] = {
        {"respond", FaultMode::kRespond},        {"delay", FaultMode::kDelay},
        {"drop_before", FaultMode::kDropBefore}, {"drop_after", FaultMode::kDropAfter},
        {"truncate", FaultMode::kTruncate},      {"garbage", FaultMode::kGarbage},
    };
    for (const auto &m : kModes) {
        if (text == m.first) {
            *out = m.second;
            return true;
        }
    }
    return false;
}

std::optional<Fault> FaultQueue::take(const std::string &path) {
    for (auto it = queue_.begin(); it != queue_.end(); ++it) {
        if (it->path != "*" && it->path != path) continue;
        Fault taken = *it;
        if (--it->remaining <= 0) queue_.erase(it);
        return taken;
    }
    return std::nullopt;
}

}  // namespace yvsb
