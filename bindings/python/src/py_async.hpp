// _core.AsyncClient: the core's calls on the running asyncio loop. A yativo::EventLoop per asyncio
// loop runs each call on a small stack of its own on the loop's thread; its sockets are watched
// with loop.add_reader / add_writer and its timer is one loop.call_later handle. No thread is
// made per call.
//
// The GIL: the loop's thread holds it throughout, and a call's work runs on that thread (on the
// call's own stack), so the work never releases it and never touches a Python object. Arguments
// are converted before the call starts (errors are raised at once); the result is converted in
// the completion, which runs on the loop's thread while the loop is driven, and settles the
// call's asyncio Future.
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include <yativo/client.hpp>
#include <yativo/event_loop.hpp>
#include <yativo/options.hpp>
#include <yativo/status.hpp>

#include "py_client.hpp"

namespace yvpy {

namespace py = pybind11;

// A Python object that may be dropped on any thread (a core handle can outlive the call): its
// last reference is released with the GIL, or leaked while the interpreter shuts down.
struct PyRef {
    py::object object;
    explicit PyRef(py::object o) : object(std::move(o)) {}
    PyRef(const PyRef &) = delete;
    PyRef &operator=(const PyRef &) = delete;
    ~PyRef();
};

// One yativo::EventLoop driven by one asyncio loop. Lives on that loop's thread. Shared: the
// loop's callbacks hold it (weakly, then strongly while they drive it), so a driver its client
// drops meanwhile (garbage collection runs Python code at any allocation) outlives the drive.
class AsyncDriver {
  public:
    static std::shared_ptr<AsyncDriver> make(py::object loop,
                                             std::optional<long> max_host_connections);
    explicit AsyncDriver(py::object loop) : loop_(std::move(loop)) {}
    // Cancels the calls in flight (their futures get CancelledError) and stops watching.
    ~AsyncDriver();
    AsyncDriver(const AsyncDriver &) = delete;
    AsyncDriver &operator=(const AsyncDriver &) = delete;

    const py::object &loop() const { return loop_; }
    std::size_t in_flight() const { return core_ ? core_->in_flight() : 0; }

    template <class Work, class Done>
    yativo::AsyncCall call(Work work, Done done) {
        return core_->call(std::move(work), std::move(done));
    }

  private:
    void watch(int fd, int events);
    void timer(long ms);
    void drive_socket(int fd, int events);
    void drive_timeout();

    py::object loop_;
    // Hold the driver weakly; every registration is removed before the driver goes.
    py::object on_readable_, on_writable_, on_timer_;
    std::unordered_map<int, int> watched_;  // fd -> WatchRead | WatchWrite registered
    py::object timer_handle_;
    std::unique_ptr<yativo::EventLoop> core_;
};

// A call in flight: its asyncio Future and the core's handle (cancel()).
struct PyAsyncCall {
    py::object future;
    yativo::AsyncCall handle;
};

// Settles `future` (unless it is done already) with the value `make()` gives, or with the
// exception of `error`, or of a failing make(). Never throws.
void settle(const py::object &future, const yativo::Error *error,
            const std::function<py::object()> &make);

class PyAsyncClient {
  public:
    PyAsyncClient(py::object client, std::optional<long> max_host_connections)
        : client_(std::move(client)), max_host_connections_(max_host_connections) {}

    // Starts fn(client, call) on the running loop's EventLoop; its result becomes the future's
    // through as_python.
    template <class F>
    PyAsyncCall start(yativo::CallOptions call, F fn) {
        using R = std::invoke_result_t<F &, yativo::Client &, const yativo::CallOptions &>;
        return start_with<R>(std::move(call), std::move(fn),
                             [](auto &&value, const yativo::CallOptions &o) {
                                 return as_python(std::forward<decltype(value)>(value), o);
                             });
    }

    // start() with a conversion of its own: convert(R&&, const CallOptions &) -> py::object.
    template <class R, class F, class Convert>
    PyAsyncCall start_with(yativo::CallOptions call, F fn, Convert convert) {
        std::shared_ptr<yativo::Client> client = core();
        AsyncDriver &d = driver();
        auto future = std::make_shared<PyRef>(d.loop().attr("create_future")());
        auto options = std::make_shared<const yativo::CallOptions>(std::move(call));
        // The completion holds the client too: the work's copy goes on the call's own stack
        // (EventLoop drops the work there), and the last reference to a closed client must not,
        // since its destructor releases Python objects (the logger).
        yativo::AsyncCall handle;
        if constexpr (std::is_void_v<R>) {
            handle =
                d.call([client, options, fn]() mutable { fn(*client, *options); },
                       [future, client](const yativo::Error *error) {
                           (void)client;  // held until here (see above)
                           settle(future->object, error, [] { return py::object(py::none()); });
                       });
        } else {
            handle = d.call([client, options, fn]() mutable { return fn(*client, *options); },
                            [future, options, convert, client](std::optional<R> result,
                                                               const yativo::Error *error) {
                                (void)client;  // held until here (see above)
                                settle(future->object, error,
                                       [&] { return convert(std::move(*result), *options); });
                            });
        }
        return PyAsyncCall{future->object, std::move(handle)};
    }

    // The core client; INVALID_ARGUMENT once this client or the one it shares is closed.
    std::shared_ptr<yativo::Client> core() const;
    const py::object &client() const { return client_; }
    // Cancels every call in flight and stops watching; later calls make a new loop driver.
    void close() { driver_.reset(); }
    std::size_t in_flight() const { return driver_ ? driver_->in_flight() : 0; }

  private:
    // The driver of the running asyncio loop (RuntimeError without one).
    AsyncDriver &driver();

    py::object client_;  // the _core.Client
    std::optional<long> max_host_connections_;
    std::shared_ptr<AsyncDriver> driver_;
};

void bind_async(py::module_ &m);

// Every endpoint method of the description, async (generated: py_async_endpoints_gen.cpp).
void bind_async_endpoints(py::class_<PyAsyncClient> &cls);

}  // namespace yvpy
