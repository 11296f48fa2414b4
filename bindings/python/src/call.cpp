#include "call.hpp"

#include <pybind11/pybind11.h>
#include <unistd.h>

#include <chrono>
#include <exception>
#include <memory>

#include <yativo/event_loop.hpp>

#include "errors.hpp"

namespace py = pybind11;

namespace yvpy {

namespace {

// How often a waiting main thread looks for a pending signal. Calls that answer faster never
// take the GIL back in between.
constexpr std::chrono::milliseconds kSignalPoll{50};

unsigned long g_main_thread = 0;

// Calls made on the main thread run on the main thread's EventLoop: the main thread itself
// waits for the answer and for signals at once (poll() returns when a signal arrives), so
// Ctrl-C cancels the call with no hand-off to another thread. One call at a time: a call made
// while one is in flight (from a signal handler or a log hook) runs directly.
class MainLoop {
  public:
    MainLoop() : pid_(getpid()) {}
    pid_t pid() const { return pid_; }
    yativo::EventLoop loop;
    bool busy = false;
    py::object hook_interrupt;  // raised in a hook during the call in flight (GIL held to touch)

  private:
    pid_t pid_;
};

// Leaked on purpose: it lives as long as the interpreter, whose exit does not wait for it.
MainLoop *g_main_loop = nullptr;

MainLoop &main_loop() {
    // After fork() the child must not touch the parent's connections: a new loop (the old one is
    // leaked, its sockets left to the parent).
    if (!g_main_loop || g_main_loop->pid() != getpid()) g_main_loop = new MainLoop();
    return *g_main_loop;
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
    if (PyThread_get_thread_ident() != g_main_thread ||
        (g_main_loop && g_main_loop->busy && g_main_loop->pid() == getpid())) {
        py::gil_scoped_release nogil;
        work();
        return {};
    }
    MainLoop &main = main_loop();
    call.cancel = std::make_shared<yativo::CancelToken>();
    std::exception_ptr error;
    bool finished = false;
    main.loop.start(
        [&] {
            try {
                work();
            } catch (...) {
                error = std::current_exception();
            }
        },
        [&](const yativo::Error *) { finished = true; });
    bool interrupted = false;
    {
        main.busy = true;
        struct Idle {
            bool &busy;
            ~Idle() { busy = false; }
        } idle{main.busy};
        py::gil_scoped_release nogil;
        for (;;) {
            main.loop.run_once(kSignalPoll);
            if (finished) break;
            py::gil_scoped_acquire gil;
            if (main.hook_interrupt || PyErr_CheckSignals() != 0) {
                interrupted = true;
                break;
            }
        }
        if (interrupted) {
            call.cancel->cancel();
            while (!finished) main.loop.run_once(kSignalPoll);
        }
    }
    // A signal that arrived as the work ended is handled here, while the outcome is at hand:
    // left pending, its handler would run as soon as this call returns, and the result with it
    // would be lost.
    py::object exception;
    if (main.hook_interrupt) {
        exception = std::move(main.hook_interrupt);
        main.hook_interrupt = py::object();
        if (PyErr_Occurred()) PyErr_Clear();  // from PyErr_CheckSignals: the first one counts
        interrupted = true;
    } else if (!interrupted && PyErr_CheckSignals() != 0) {
        interrupted = true;
    }
    if (!interrupted) {
        if (error) std::rethrow_exception(error);
        return {};
    }
    if (!exception) exception = fetch_raised();
    if (!error) return Interrupted{std::move(exception)};
    // What became of the call (CancelledError with idempotency_key and outcome_unknown, or what
    // the core reported) rides on the interrupt as its __context__.
    PyException_SetContext(exception.ptr(), exception_object(error).release().ptr());
    restore_raised(std::move(exception));
    throw py::error_already_set();
}

void keep_interrupt_from_hook(const py::error_already_set &error) {
    if (!error.matches(PyExc_BaseException) || error.matches(PyExc_Exception)) return;
    if (PyThread_get_thread_ident() == g_main_thread && g_main_loop && g_main_loop->busy &&
        g_main_loop->pid() == getpid()) {
        if (!g_main_loop->hook_interrupt) g_main_loop->hook_interrupt = error.value();
        return;
    }
    if (error.matches(PyExc_KeyboardInterrupt)) PyErr_SetInterrupt();
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
