// Log lines of calls that run on an asyncio loop's thread. Such a call runs on a small stack of
// its own (yativo::EventLoop), where Python code must not run: the Python log hook hands its
// line to the DeferredLogs of the thread, which writes it once the loop is back on the thread's
// own stack, with the GIL the loop's thread holds.
#pragma once

#include <functional>
#include <utility>
#include <vector>

namespace yvpy {

class DeferredLogs {
  public:
    // The collector of this thread while it drives an EventLoop (a DeferredLogScope); else null.
    static DeferredLogs *current() { return current_; }

    void add(std::function<void()> write) { lines_.push_back(std::move(write)); }

  private:
    friend class DeferredLogScope;
    inline static thread_local DeferredLogs *current_ = nullptr;
    std::vector<std::function<void()>> lines_;
};

// Collects the lines logged on this thread while it lives, and writes them at its end.
class DeferredLogScope {
  public:
    DeferredLogScope() : previous_(DeferredLogs::current_) { DeferredLogs::current_ = &logs_; }
    ~DeferredLogScope() {
        DeferredLogs::current_ = previous_;
        for (auto &write : logs_.lines_) {
            try {
                write();
            } catch (...) {
                // A line that cannot be written is dropped; the call's outcome stands.
            }
        }
    }
    DeferredLogScope(const DeferredLogScope &) = delete;
    DeferredLogScope &operator=(const DeferredLogScope &) = delete;

  private:
    DeferredLogs *previous_;
    DeferredLogs logs_;
};

}  // namespace yvpy
