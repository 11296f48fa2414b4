#include "fork_guard.hpp"

#include <pthread.h>

#include <atomic>

namespace yativo::detail {

namespace {

std::atomic<bool> detection_on{true};
// How many times this process is a fork() child of the one that loaded the library: moved on in
// the child by the pthread_atfork handler, before fork() returns there. The handler takes no lock
// and only adds one, so it is safe whatever the forking thread was doing.
std::atomic<unsigned long> fork_generation{0};

void on_fork_child() {
    fork_generation.fetch_add(1, std::memory_order_relaxed);
}

// Registered once, by the first guard: every guard exists before a fork it must notice.
bool handler_registered() {
    static const bool registered = pthread_atfork(nullptr, nullptr, on_fork_child) == 0;
    return registered;
}

}  // namespace

void set_fork_detection_for_testing(bool on) {
    detection_on.store(on);
}

ForkGuard::ForkGuard()
    : by_handler_(handler_registered()),
      generation_(fork_generation.load(std::memory_order_relaxed)),
      pid_(by_handler_ ? 0 : getpid()) {}

bool ForkGuard::entered_child() {
    if (!detection_on.load(std::memory_order_relaxed)) return false;
    if (by_handler_) {
        unsigned long now = fork_generation.load(std::memory_order_relaxed);
        if (now == generation_) return false;
        generation_ = now;
        return true;
    }
    pid_t now = getpid();
    if (now == pid_) return false;
    pid_ = now;
    return true;
}

}  // namespace yativo::detail
