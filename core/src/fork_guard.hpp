// Fork detection shared by the transport and the token cache. Each owner remembers the process
// it last ran in; a call that finds itself in another process runs in a child of fork() and
// drops what it inherited (connections and TLS state, the token, an exchange whose thread does
// not exist here) before doing anything else. A child is recognised by a generation count that a
// pthread_atfork child handler moves on, not by getpid(): that is a system call (glibc stopped
// caching it in 2.25), and three per call cost about 3 % of a call's CPU in the benchmarks.
// fork() runs the handler (so do Python's os.fork() and every fork through glibc); a child made
// by _Fork() or a raw clone system call does not, and is not recognised. Should registering the
// handler fail, the guard falls back to comparing getpid().
#pragma once

#include <sys/types.h>
#include <unistd.h>

namespace yativo::detail {

class ForkGuard {
  public:
    ForkGuard();

    // True once in each new process: the first call there re-arms the guard for it. Not
    // thread-safe on its own: the owner calls it with its lock held.
    bool entered_child();

  private:
    bool by_handler_;           // the atfork handler counts forks (else getpid() is compared)
    unsigned long generation_;  // the fork generation this owner last ran in
    pid_t pid_;                 // the process it last ran in, when !by_handler_
};

// Test seam, process-wide: with detection off, a child keeps using what it inherited. Exists only
// so that the fork tests can show they fail without it.
void set_fork_detection_for_testing(bool on);

}  // namespace yativo::detail
