#include "call.hpp"

#include <pybind11/pybind11.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "errors.hpp"

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

// The exception being raised, normalised, its traceback attached; none is raised after.
py::object fetch_raised() {
    PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
    PyErr_Fetch(&type, &value, &traceback);
    PyErr_NormalizeException(&type, &value, &traceback);
    if (traceback && value) PyException_SetTraceback(value, traceback);
    Py_XDECREF(type);
    Py_XDECREF(traceback);
    return py::reinterpret_steal<py::object>(value);
}

// Raises `exception` again as it is: PyErr_Restore, unlike PyErr_SetObject, leaves its
// __context__ alone when the call was made inside an `except` block.
void restore_raised(py::object exception) {
    PyObject *value = exception.release().ptr();
    PyObject *type = reinterpret_cast<PyObject *>(Py_TYPE(value));
    Py_INCREF(type);
    PyErr_Restore(type, value, PyException_GetTraceback(value));
}

}  // namespace

void init_call_runner() {
    g_main_thread =
        py::module_::import("threading").attr("main_thread")().attr("ident").cast<unsigned long>();
}

Interrupted run_blocking(yativo::CallOptions &call, const std::function<void()> &work) {
    if (PyThread_get_thread_ident() != g_main_thread) {
        py::gil_scoped_release nogil;
        work();
        return {};
    }
    Helper &h = helper();
    call.cancel = std::make_shared<yativo::CancelToken>();
    if (!h.start(&work)) {
        py::gil_scoped_release nogil;
        work();
        return {};
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
    // A signal that arrived as the work ended is handled here, while the outcome is at hand:
    // left pending, its handler would run as soon as this call returns, and the result with it
    // would be lost.
    if (!interrupted && PyErr_CheckSignals() != 0) interrupted = true;
    std::exception_ptr error = h.take_error();
    if (!interrupted) {
        if (error) std::rethrow_exception(error);
        return {};
    }
    py::object exception = fetch_raised();
    if (!error) return Interrupted{std::move(exception)};
    // What became of the call (CancelledError with idempotency_key and outcome_unknown, or what
    // the core reported) rides on the interrupt as its __context__.
    PyException_SetContext(exception.ptr(), exception_object(error).release().ptr());
    restore_raised(std::move(exception));
    throw py::error_already_set();
}

void raise_interrupted_result(Interrupted interrupted, py::object result) {
    py::object exception = std::move(interrupted.exception);
    try {
        exception.attr("result") = std::move(result);
        if (py::hasattr(exception, "add_note"))  // Python 3.11+: shown with the traceback
            exception.attr("add_note")(
                "libyativo: the call completed before the interrupt; its result is in .result");
    } catch (py::error_already_set &) {
        // An exception that takes no attributes is raised as it is.
    }
    restore_raised(std::move(exception));
    throw py::error_already_set();
}

}  // namespace yvpy
