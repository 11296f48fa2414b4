#include "py_async.hpp"

#include <pybind11/stl.h>

#include <exception>
#include <string>
#include <vector>

#include <yativo/pager.hpp>
#include <yativo/types.hpp>

#include "convert.hpp"
#include "deferred_logs.hpp"
#include "errors.hpp"
#include "py_params_gen.hpp"

namespace yvpy {

namespace {

bool interpreter_gone() {
#if PY_VERSION_HEX >= 0x030D0000
    return !Py_IsInitialized() || Py_IsFinalizing();
#else
    return !Py_IsInitialized() || _Py_IsFinalizing();
#endif
}

// asyncio.get_running_loop, looked up once (leaked: it lives as long as the process).
py::object running_loop() {
    static py::object *get =
        new py::object(py::module_::import("asyncio").attr("get_running_loop"));
    return (*get)();
}

// The exception being raised, normalised, taken off the interpreter's error indicator.
py::object fetch_raised() {
    PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
    PyErr_Fetch(&type, &value, &traceback);
    PyErr_NormalizeException(&type, &value, &traceback);
    if (traceback && value) PyException_SetTraceback(value, traceback);
    Py_XDECREF(type);
    Py_XDECREF(traceback);
    return value ? py::reinterpret_steal<py::object>(value) : py::object(py::none());
}

}  // namespace

PyRef::~PyRef() {
    if (interpreter_gone()) {
        (void)object.release();
        return;
    }
    py::gil_scoped_acquire gil;
    object = py::object();
}

// --- AsyncDriver -------------------------------------------------------------------------------

std::shared_ptr<AsyncDriver> AsyncDriver::make(py::object loop,
                                               std::optional<long> max_host_connections) {
    auto driver = std::make_shared<AsyncDriver>(std::move(loop));
    std::weak_ptr<AsyncDriver> weak = driver;
    driver->on_readable_ = py::cpp_function([weak](int fd) {
        if (auto self = weak.lock()) self->drive_socket(fd, yativo::WatchRead);
    });
    driver->on_writable_ = py::cpp_function([weak](int fd) {
        if (auto self = weak.lock()) self->drive_socket(fd, yativo::WatchWrite);
    });
    driver->on_timer_ = py::cpp_function([weak] {
        if (auto self = weak.lock()) {
            self->timer_handle_ = py::object();
            self->drive_timeout();
        }
    });
    yativo::EventLoopOptions options;
    // Both hooks run on the loop's thread, where the GIL is held, while the loop is driven; the
    // driver owns the EventLoop, so `this` outlives every hook call.
    AsyncDriver *self = driver.get();
    options.watch = [self](int fd, int events) { self->watch(fd, events); };
    options.timer = [self](long ms) { self->timer(ms); };
    options.max_host_connections = max_host_connections;
    driver->core_ = std::make_unique<yativo::EventLoop>(std::move(options));
    return driver;
}

AsyncDriver::~AsyncDriver() {
    // The loop's destructor runs every completion (the futures get CancelledError) and may still
    // ask to stop watching; what stays registered is removed after it.
    try {
        DeferredLogScope logs;
        core_.reset();
    } catch (...) {
        // A destructor of the core never throws; nothing can be reported here anyway.
    }
    if (interpreter_gone()) {
        for (auto *o : {&loop_, &on_readable_, &on_writable_, &on_timer_, &timer_handle_})
            (void)o->release();
        return;
    }
    try {
        for (const auto &[fd, events] : watched_) {
            if (events & yativo::WatchRead) loop_.attr("remove_reader")(fd);
            if (events & yativo::WatchWrite) loop_.attr("remove_writer")(fd);
        }
        if (timer_handle_) timer_handle_.attr("cancel")();
    } catch (py::error_already_set &) {
        // A loop already closed has nothing registered any more.
    }
    watched_.clear();
}

// The hooks never throw into the core (it calls them halfway through its own bookkeeping): a loop
// that refuses (closed, or an fd it cannot watch) is reported as unraisable, and the calls it
// strands end at their deadline or with aclose().
void AsyncDriver::watch(int fd, int events) {
    if (interpreter_gone()) return;  // a client dropped at exit: nothing is watched any more
    int wanted = events & (yativo::WatchRead | yativo::WatchWrite);
    int &have = watched_[fd];
    int add = wanted & ~have, remove = have & ~wanted;
    have = wanted;
    if (!wanted) watched_.erase(fd);
    try {
        if (remove & yativo::WatchRead) loop_.attr("remove_reader")(fd);
        if (remove & yativo::WatchWrite) loop_.attr("remove_writer")(fd);
        if (add & yativo::WatchRead) loop_.attr("add_reader")(fd, on_readable_, fd);
        if (add & yativo::WatchWrite) loop_.attr("add_writer")(fd, on_writable_, fd);
    } catch (py::error_already_set &e) {
        e.discard_as_unraisable("libyativo: watching a socket on the asyncio loop");
    }
}

void AsyncDriver::timer(long ms) {
    if (interpreter_gone()) return;
    try {
        if (timer_handle_) {
            py::object previous = std::move(timer_handle_);
            previous.attr("cancel")();
        }
        if (ms < 0) return;
        if (ms == 0)
            timer_handle_ = loop_.attr("call_soon")(on_timer_);
        else
            timer_handle_ = loop_.attr("call_later")(static_cast<double>(ms) / 1000.0, on_timer_);
    } catch (py::error_already_set &e) {
        e.discard_as_unraisable("libyativo: setting a timer on the asyncio loop");
    }
}

void AsyncDriver::drive_socket(int fd, int events) {
    DeferredLogScope logs;
    if (core_) core_->on_socket(fd, events);
}

void AsyncDriver::drive_timeout() {
    DeferredLogScope logs;
    if (core_) core_->on_timeout();
}

// --- Completion ---------------------------------------------------------------------------------

void settle(const py::object &future, const yativo::Error *error,
            const std::function<py::object()> &make) {
    try {
        if (future.attr("done")().cast<bool>()) return;  // cancelled by its awaiter
        if (error) {
            future.attr("set_exception")(exception_object(std::make_exception_ptr(*error)));
            return;
        }
        py::object value;
        try {
            value = make();
        } catch (py::error_already_set &e) {
            e.restore();
            future.attr("set_exception")(fetch_raised());
            return;
        } catch (...) {
            future.attr("set_exception")(exception_object(std::current_exception()));
            return;
        }
        future.attr("set_result")(std::move(value));
    } catch (py::error_already_set &e) {
        // The future refused (its loop is closed): nobody awaits the outcome any more.
        e.discard_as_unraisable("libyativo: settling an asyncio future");
    } catch (...) {
        // Out of memory making the exception: the future stays pending; nothing else can run.
    }
}

// --- PyAsyncClient ------------------------------------------------------------------------------

std::shared_ptr<yativo::Client> PyAsyncClient::core() const {
    return client_.cast<const PyClient &>().get();
}

AsyncDriver &PyAsyncClient::driver() {
    py::object loop = running_loop();
    if (driver_ && driver_->loop().is(loop)) return *driver_;
    // Another loop still running (on another thread) keeps the driver: its sockets are
    // registered with that loop, which only its own thread may change.
    if (driver_ && driver_->loop().attr("is_running")().cast<bool>()) {
        PyErr_SetString(PyExc_RuntimeError,
                        "this AsyncYativoCrypto serves another event loop, which is still "
                        "running: make one client per event loop");
        throw py::error_already_set();
    }
    // The previous loop has ended (asyncio.run() returned): its driver goes, a new one serves
    // this loop.
    driver_.reset();
    driver_ = AsyncDriver::make(std::move(loop), max_host_connections_);
    return *driver_;
}

// --- Pager --------------------------------------------------------------------------------------

namespace {

// transactions.iterate() of the async client: one page per next_page() call.
class PyAsyncTransactionPager {
  public:
    PyAsyncTransactionPager(py::object owner, std::shared_ptr<yativo::Client> client,
                            yativo::TransactionQuery query, yativo::CallOptions call)
        : owner_(std::move(owner)),
          state_(std::make_shared<State>(std::move(client), std::move(query), std::move(call))) {}

    PyAsyncCall next_page() {
        PyAsyncClient &owner = owner_.cast<PyAsyncClient &>();
        owner.core();  // a closed client refuses the next page, as every call does
        if (state_->busy) yativo::throw_invalid("the previous page of this walk is still awaited");
        state_->busy = true;
        using Page = std::optional<std::vector<yativo::Transaction>>;
        std::shared_ptr<State> state = state_;
        try {
            return owner.start_with<Page>(
                yativo::CallOptions{},
                [state](yativo::Client &, const yativo::CallOptions &) {
                    // On the call's stack; `busy` is a plain flag of the loop's thread.
                    try {
                        Page page = state->pager.next_page();
                        state->busy = false;
                        return page;
                    } catch (...) {
                        state->busy = false;  // the walk may be resumed
                        throw;
                    }
                },
                [state](Page &&page, const yativo::CallOptions &) {
                    try {
                        return page ? py::object(py::cast(std::move(*page))) : py::none();
                    } catch (...) {
                        state->pager.unread();  // not handed over: asked for again next time
                        throw;
                    }
                });
        } catch (...) {
            state_->busy = false;
            throw;
        }
    }

    bool done() const { return state_->pager.done(); }

  private:
    struct State {
        State(std::shared_ptr<yativo::Client> c, yativo::TransactionQuery query,
              yativo::CallOptions call)
            : client(std::move(c)), pager(*client, std::move(query), std::move(call)) {}
        std::shared_ptr<yativo::Client> client;  // outlives pager, which borrows it
        yativo::TransactionPager pager;
        bool busy = false;
    };

    py::object owner_;  // the _core.AsyncClient
    std::shared_ptr<State> state_;
};

}  // namespace

void bind_async(py::module_ &m) {
    using yativo::CallOptions;
    using yativo::Client;
    using OptStr = std::optional<std::string>;
    using OptSeconds = std::optional<double>;

    py::class_<PyAsyncCall>(m, "AsyncCall")
        .def_readonly("future", &PyAsyncCall::future)
        .def("cancel", [](const PyAsyncCall &c) { c.handle.cancel(); })
        .def_property_readonly("done", [](const PyAsyncCall &c) { return c.handle.done(); });

    py::class_<PyAsyncClient> cls(m, "AsyncClient");
    cls.def(py::init([](py::object client, std::optional<long> max_host_connections) {
                client.cast<const PyClient &>();  // a _core.Client, or TypeError
                return std::make_unique<PyAsyncClient>(std::move(client), max_host_connections);
            }),
            py::arg("client"), py::arg("max_host_connections") = py::none())
        .def_property_readonly("client", &PyAsyncClient::client)
        .def("close", &PyAsyncClient::close)
        .def_property_readonly("in_flight", &PyAsyncClient::in_flight)
        .def("token",
             [](PyAsyncClient &s, const OptSeconds &timeout) {
                 return s.start(call_options(timeout),
                                [](Client &c, const CallOptions &o) { return c.token(o); });
             })
        .def("request", [](PyAsyncClient &s, const std::string &method, const std::string &path,
                           py::handle json, const OptStr &idem, py::handle totp_code,
                           const OptSeconds &timeout, bool envelope) {
            std::string body = json.is_none() ? std::string() : to_json(json);
            CallOptions call = call_options(timeout, idem, totp_code);
            call.envelope = envelope;
            return s.start(std::move(call), [method, path, body](Client &c, const CallOptions &o) {
                return c.request(method, path, body, o);
            });
        });
    bind_async_endpoints(cls);

    py::class_<PyAsyncTransactionPager>(m, "AsyncTransactionPager")
        // The arguments of list_transactions, converted by the same generated function.
        .def(py::init([](py::object client, std::optional<int> page, std::optional<int> limit,
                         const std::optional<std::string> &status,
                         const std::optional<std::string> &chain,
                         const std::optional<std::string> &search,
                         const std::optional<double> &timeout) {
                 std::shared_ptr<yativo::Client> core = client.cast<PyAsyncClient &>().core();
                 yativo::TransactionQuery query =
                     make_transaction_query(page, limit, status, chain, search);
                 return std::make_unique<PyAsyncTransactionPager>(
                     std::move(client), std::move(core), std::move(query), call_options(timeout));
             }),
             py::arg("client"), py::kw_only(), py::arg("page") = py::none(),
             py::arg("limit") = py::none(), py::arg("status") = py::none(),
             py::arg("chain") = py::none(), py::arg("search") = py::none(),
             py::arg("timeout") = py::none())
        .def("next_page", &PyAsyncTransactionPager::next_page)
        .def_property_readonly("done", &PyAsyncTransactionPager::done);
}

}  // namespace yvpy
