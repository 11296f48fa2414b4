#include "fork_guard.hpp"

#include <atomic>

namespace yativo::detail {

namespace {
std::atomic<bool> detection_on{true};
}

void set_fork_detection_for_testing(bool on) {
    detection_on.store(on);
}

bool ForkGuard::entered_child() {
    if (!detection_on.load(std::memory_order_relaxed)) return false;
    pid_t now = getpid();
    if (now == pid_) return false;
    pid_ = now;
    return true;
}

}  // namespace yativo::detail
