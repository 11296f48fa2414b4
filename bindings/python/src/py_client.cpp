#include "py_client.hpp"

#include <pybind11/stl.h>

#include <memory>
#include <optional>

#include <yativo/client.hpp>
#include <yativo/status.hpp>

#include "call.hpp"
#include "convert.hpp"
#include "deferred_logs.hpp"

namespace yvpy {

namespace {

using yativo::CallOptions;
using OptStr = std::optional<std::string>;
using OptSeconds = std::optional<double>;

yativo::AuthMode auth_mode(const std::string &auth) {
    if (auth == "token") return yativo::AuthMode::Token;
    if (auth == "headers") return yativo::AuthMode::Headers;
    if (auth == "bearer") return yativo::AuthMode::Bearer;
    yativo::throw_invalid("auth \"" + auth + "\" is not token, headers or bearer");
}

// Py_IsFinalizing is public from 3.13, which removed the private _Py_IsFinalizing.
bool interpreter_gone() {
#if PY_VERSION_HEX >= 0x030D0000
    return !Py_IsInitialized() || Py_IsFinalizing();
#else
    return !Py_IsInitialized() || _Py_IsFinalizing();
#endif
}

// Owns the bound `logger.log` of a Python logger. Destroyed on whatever thread drops the last
// client reference: it takes the GIL to drop the object, and leaks it while the interpreter is
// shutting down (taking the GIL then would end the thread).
struct PyLogSink {
    py::object log;
    ~PyLogSink() {
        if (interpreter_gone()) {
            (void)log.release();
            return;
        }
        py::gil_scoped_acquire gil;
        log = py::object();
    }
};

int python_log_level(yativo::LogLevel level) {
    switch (level) {
        case yativo::LogLevel::Debug:
            return 10;  // logging.DEBUG
        case yativo::LogLevel::Info:
            return 20;
        case yativo::LogLevel::Warn:
            return 30;
        default:
            return 40;
    }
}

yativo::LogLevel core_log_level(const std::string &name) {
    if (auto level = yativo::log_level_from_name(name)) return *level;
    yativo::throw_invalid("log level \"" + name + "\" is not debug, info, warn, error or off");
}

void write_log_line(const PyLogSink &sink, yativo::LogLevel level, std::string_view line) {
    if (interpreter_gone()) return;
    py::gil_scoped_acquire gil;
    PyObject *text =
        PyUnicode_DecodeUTF8(line.data(), static_cast<Py_ssize_t>(line.size()), "replace");
    if (!text) {
        PyErr_Clear();
        return;
    }
    try {
        sink.log(python_log_level(level), "%s", py::reinterpret_steal<py::str>(text));
    } catch (const py::error_already_set &e) {
        // A failing handler must not change the outcome of a call (logging reports its own
        // handler errors); the Python error is cleared. A KeyboardInterrupt that a signal
        // handler raised inside it is the caller's, not the handler's: it is kept.
        keep_interrupt_from_hook(e);
    }
}

// The core calls the hook on the thread of the call, without the GIL (every call into the core
// that could log, or take a lock a logging thread holds, is made with the GIL released), or, for
// a call of AsyncYativoCrypto, on the asyncio loop's thread from the call's own small stack: that
// line is written once the loop is back on the thread's stack (DeferredLogs).
yativo::LogHook python_log_hook(py::handle logger) {
    auto sink = std::make_shared<PyLogSink>();
    sink->log = logger.attr("log");
    return [sink](yativo::LogLevel level, std::string_view line) {
        if (interpreter_gone()) return;
        if (DeferredLogs *deferred = DeferredLogs::current()) {
            deferred->add(
                [sink, level, text = std::string(line)] { write_log_line(*sink, level, text); });
            return;
        }
        write_log_line(*sink, level, line);
    };
}

yativo::Environment environment(const std::string &env) {
    if (env == "production") return yativo::Environment::Production;
    if (env == "sandbox") return yativo::Environment::Sandbox;
    yativo::throw_invalid("environment \"" + env + "\" is not production or sandbox");
}

std::unique_ptr<PyClient> make_client(
    const OptStr &api_key, py::handle api_secret, py::handle access_token, const OptStr &auth,
    const OptStr &env, const OptStr &base_url, py::handle totp_secret,
    const OptSeconds &totp_period, const OptSeconds &timeout, const OptSeconds &connect_timeout,
    const OptSeconds &attempt_timeout, const std::optional<int> &max_retries,
    const OptSeconds &refresh_margin, py::handle logger, const std::string &log_level,
    const OptStr &ca_file, const OptStr &ca_path, py::handle ca_blob,
    const OptStr &pinned_public_key, const OptStr &proxy) {
    yativo::ClientOptions o;
    // Unset (None) leaves both to the core: it infers the auth mode from the credentials.
    if (auth) o.auth = auth_mode(*auth);
    if (env) o.environment = environment(*env);
    if (base_url) o.base_url = *base_url;
    if (api_key) o.api_key = *api_key;
    o.api_secret = secret_from(api_secret, "api_secret");
    o.access_token = secret_from(access_token, "access_token");
    o.totp_secret = secret_from(totp_secret, "totp_secret");
    o.totp_period = whole_seconds(totp_period, "totp_period");
    o.total_timeout = millis(timeout, "timeout");
    o.connect_timeout = millis(connect_timeout, "connect_timeout");
    o.attempt_timeout = millis(attempt_timeout, "attempt_timeout");
    o.max_retries = max_retries;
    o.refresh_margin = whole_seconds(refresh_margin, "refresh_margin");
    if (ca_file) o.ca_file = *ca_file;
    if (ca_path) o.ca_path = *ca_path;
    if (!ca_blob.is_none()) {
        // PEM text, as str or bytes (what reading a .pem file gives either way).
        if (py::isinstance<py::bytes>(ca_blob))
            o.ca_blob = ca_blob.cast<std::string>();
        else if (py::isinstance<py::str>(ca_blob))
            o.ca_blob = ca_blob.cast<std::string>();
        else
            yativo::throw_invalid("ca_blob must be PEM text (str or bytes)");
        if (o.ca_blob.empty()) yativo::throw_invalid("ca_blob is empty: give PEM text or None");
    }
    if (pinned_public_key) o.pinned_public_key = *pinned_public_key;
    if (proxy) o.proxy = *proxy;
    o.user_agent = "python";
    if (!logger.is_none()) {
        o.log_level = core_log_level(log_level);
        o.log = python_log_hook(logger);
    }
    return std::make_unique<PyClient>(std::move(o));
}

}  // namespace

void bind_client(py::module_ &m) {
    using yativo::Client;
    py::class_<PyClient> cls(m, "Client");
    cls.def(py::init(&make_client))
        .def("close", &PyClient::close)
        .def_property_readonly("closed", &PyClient::closed)
        .def_property_readonly("base_url", [](const PyClient &s) { return s.get()->base_url(); })
        // These take locks of the client that a thread calling a Python log hook may hold while
        // it waits for the GIL: they run without the GIL.
        .def("set_credentials",
             [](PyClient &s, const std::string &api_key, py::handle api_secret) {
                 auto client = s.get();
                 yativo::Secret secret = secret_from(api_secret, "api_secret");
                 py::gil_scoped_release nogil;
                 client->set_credentials(api_key, std::move(secret));
             })
        .def("set_access_token",
             [](PyClient &s, py::handle token) {
                 auto client = s.get();
                 yativo::Secret secret = secret_from(token, "access_token");
                 py::gil_scoped_release nogil;
                 client->set_access_token(std::move(secret));
             })
        .def("rate_limit",
             [](const PyClient &s) {
                 auto client = s.get();
                 py::gil_scoped_release nogil;
                 return client->rate_limit();
             })
        .def("token",
             [](const PyClient &s, const OptSeconds &timeout) {
                 CallOptions call = call_options(timeout);
                 return blocking(s, call,
                                 [](Client &c, const CallOptions &o) { return c.token(o); });
             })

        // Any endpoint, typed or not, by method and path.
        .def("request", [](const PyClient &s, const std::string &method, const std::string &path,
                           py::handle json, const OptStr &idem, py::handle totp_code,
                           const OptSeconds &timeout, bool envelope) {
            std::string body = json.is_none() ? std::string() : to_json(json);
            CallOptions call = call_options(timeout, idem, totp_code);
            call.envelope = envelope;
            return to_python(blocking(s, call,
                                      [&](Client &c, const CallOptions &o) {
                                          return c.request(method, path, body, o);
                                      }),
                             call);
        });
    bind_endpoints(cls);
}

}  // namespace yvpy
