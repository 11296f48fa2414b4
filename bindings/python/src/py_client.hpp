// _core.Client: yativo::Client for Python. Arguments are converted with the GIL held; each
// network call then runs through blocking() (GIL released, Ctrl-C honoured). The endpoint methods
// are generated (py_endpoints_gen.cpp); construction, credentials, token() and request() are
// written by hand (py_client.cpp).
#pragma once

#include <pybind11/pybind11.h>

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include <yativo/client.hpp>
#include <yativo/status.hpp>

#include "call.hpp"
#include "convert.hpp"

namespace yvpy {

// Owns the core client. close() drops this reference; calls in flight keep their own, so the
// client is destroyed when the last of them ends.
class PyClient {
  public:
    explicit PyClient(yativo::ClientOptions options)
        : client_(std::make_shared<yativo::Client>(std::move(options))) {}

    std::shared_ptr<yativo::Client> get() const {
        if (!client_) yativo::throw_invalid("the client is closed");
        return client_;
    }
    void close() { client_.reset(); }
    bool closed() const { return !client_; }

  private:
    std::shared_ptr<yativo::Client> client_;
};

// A call's result as the method returns it to Python: a payload as dict / list (the whole answer
// with call.envelope), a record or a list of records as its class (py_records_gen.cpp,
// py_types.cpp).
inline py::object as_python(yativo::Payload &&payload, const yativo::CallOptions &call) {
    return to_python(payload, call);
}
template <class R>
py::object as_python(R &&result, const yativo::CallOptions &) {
    return py::cast(std::forward<R>(result));
}

// Runs fn(client, call) without the GIL and returns its result. A call that completed while
// Ctrl-C was pressed raises KeyboardInterrupt carrying the result (see run_blocking).
template <class F>
auto blocking(const PyClient &self, yativo::CallOptions &call, F &&fn) {
    std::shared_ptr<yativo::Client> client = self.get();
    using R = decltype(fn(*client, call));
    if constexpr (std::is_void_v<R>) {
        Interrupted interrupted = run_blocking(call, [&] { fn(*client, call); });
        if (interrupted) raise_interrupted_result(std::move(interrupted), py::none());
    } else {
        std::optional<R> result;
        Interrupted interrupted = run_blocking(call, [&] { result.emplace(fn(*client, call)); });
        if (interrupted)
            raise_interrupted_result(std::move(interrupted), as_python(std::move(*result), call));
        return std::move(*result);
    }
}

void bind_client(py::module_ &m);

// Every endpoint method of the description (generated: py_endpoints_gen.cpp).
void bind_endpoints(py::class_<PyClient> &cls);

}  // namespace yvpy
