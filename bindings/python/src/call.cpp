#include "call.hpp"

#include <pybind11/pybind11.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace py = pybind11;

namespace yvpy {

namespace {

// How often a waiting main thread looks for a pending signal. Calls that answer faster never
// take the GIL back in between.
constexpr std::chrono::milliseconds kSignalPoll{50};

unsigned long g_main_thread = 0;

// One persistent helper thread serves main-thread calls, so a call costs two condition-variable
// hand-offs instead of a thread creation. The main thread makes one call at a time; a call made
// while the helper is busy (from a signal handler that itself calls the client) runs directly.
class Helper {
  public:
    Helper() : pid_(getpid()), thread_([this] { loop(); }) { thread_.detach(); }

    pid_t pid() const { return pid_; }

    // Returns false when busy.
    bool start(const std::function<void()> *work) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (work_ || !done_) return false;
        work_ = work;
        done_ = false;
        error_ = nullptr;
        wake_.notify_one();
        return true;
    }

    // Waits up to `slice` for the running work; true when it has finished.
    bool wait_for(std::chrono::milliseconds slice) {
        std::unique_lock<std::mutex> lock(mutex_);
        return finished_.wait_for(lock, slice, [this] { return done_; });
    }

    void wait() {
        std::unique_lock<std::mutex> lock(mutex_);
        finished_.wait(lock, [this] { return done_; });
    }

    std::exception_ptr take_error() {
        std::lock_guard<std::mutex> lock(mutex_);
        return std::exchange(error_, nullptr);
    }

  private:
    void loop() {
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            wake_.wait(lock, [this] { return work_ != nullptr; });
            const std::function<void()> *work = work_;
            lock.unlock();
            std::exception_ptr error;
            try {
                (*work)();
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            error_ = error;
            work_ = nullptr;
            done_ = true;
            finished_.notify_one();
        }
    }

    pid_t pid_;
    std::mutex mutex_;
    std::condition_variable wake_, finished_;
    const std::function<void()> *work_ = nullptr;
    bool done_ = true;
    std::exception_ptr error_;
    std::thread thread_;
};

// Leaked on purpose: a detached thread may still wait on it while the interpreter exits.
Helper *g_helper = nullptr;

Helper &helper() {
    // After fork() the child has no helper thread: make a new one (the old object is leaked).
    if (!g_helper || g_helper->pid() != getpid()) g_helper = new Helper();
    return *g_helper;
}

}  // namespace

void init_call_runner() {
    g_main_thread =
        py::module_::import("threading").attr("main_thread")().attr("ident").cast<unsigned long>();
}

void run_blocking(yativo::CallOptions &call, const std::function<void()> &work) {
    if (PyThread_get_thread_ident() != g_main_thread) {
        py::gil_scoped_release nogil;
        work();
        return;
    }
    Helper &h = helper();
    call.cancel = std::make_shared<yativo::CancelToken>();
    if (!h.start(&work)) {
        py::gil_scoped_release nogil;
        work();
        return;
    }
    bool interrupted = false;
    {
        py::gil_scoped_release nogil;
        while (!h.wait_for(kSignalPoll)) {
            py::gil_scoped_acquire gil;
            if (PyErr_CheckSignals() != 0) {
                interrupted = true;
                break;
            }
        }
        if (interrupted) {
            call.cancel->cancel();
            h.wait();
        }
    }
    std::exception_ptr error = h.take_error();
    if (interrupted) throw py::error_already_set();  // the handler's exception, still pending
    if (error) std::rethrow_exception(error);
}

}  // namespace yvpy
