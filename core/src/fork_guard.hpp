// Fork detection shared by the transport and the token cache. Each owner remembers the process
// it last ran in; a call that finds itself in another process runs in a child of fork() and
// drops what it inherited (connections and TLS state, the token, an exchange whose thread does
// not exist here) before doing anything else. getpid() is a system call (glibc stopped caching
// it in 2.25); one per call is noise next to a request.
#pragma once

#include <sys/types.h>
#include <unistd.h>

namespace yativo::detail {

class ForkGuard {
  public:
    ForkGuard() : pid_(getpid()) {}

    // True once in each new process: the first call there re-arms the guard for it. Not
    // thread-safe on its own: the owner calls it with its lock held.
    bool entered_child();

  private:
    pid_t pid_;
};

// Test seam, process-wide: with detection off, a child keeps using what it inherited. Exists only
// so that the fork tests can show they fail without it.
void set_fork_detection_for_testing(bool on);

}  // namespace yativo::detail
