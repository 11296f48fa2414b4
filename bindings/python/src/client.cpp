#include "client.hpp"

#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <type_traits>

#include <yativo/client.hpp>
#include <yativo/status.hpp>

#include "call.hpp"
#include "convert.hpp"

namespace yvpy {

namespace {

using yativo::CallOptions;
using OptStr = std::optional<std::string>;
using OptSeconds = std::optional<double>;

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

// A call's result as the method returns it to Python.
py::object as_python(yativo::Payload &&payload, const CallOptions &call) {
    return to_python(payload, call);
}
py::object as_python(yativo::SendResult &&result, const CallOptions &call) {
    return to_python(result.payload, call);
}
template <class R>
py::object as_python(R &&result, const CallOptions &) {
    return py::cast(std::forward<R>(result));
}

// Runs fn(client, call) without the GIL and returns its result. A call that completed while
// Ctrl-C was pressed raises KeyboardInterrupt carrying the result (see run_blocking).
template <class F>
auto blocking(const PyClient &self, CallOptions &call, F &&fn) {
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

// The core calls the hook on the thread of the call, without the GIL (every call into the core
// that could log, or take a lock a logging thread holds, is made with the GIL released).
yativo::LogHook python_log_hook(py::handle logger) {
    auto sink = std::make_shared<PyLogSink>();
    sink->log = logger.attr("log");
    return [sink](yativo::LogLevel level, std::string_view line) {
        if (interpreter_gone()) return;
        py::gil_scoped_acquire gil;
        PyObject *text =
            PyUnicode_DecodeUTF8(line.data(), static_cast<Py_ssize_t>(line.size()), "replace");
        if (!text) {
            PyErr_Clear();
            return;
        }
        try {
            sink->log(python_log_level(level), "%s", py::reinterpret_steal<py::str>(text));
        } catch (const py::error_already_set &) {
            // A failing handler must not change the outcome of a call (logging reports its own
            // handler errors); the Python error is cleared.
        }
    };
}

yativo::Environment environment(const std::string &env) {
    if (env == "production") return yativo::Environment::Production;
    if (env == "sandbox") return yativo::Environment::Sandbox;
    yativo::throw_invalid("environment \"" + env + "\" is not production or sandbox");
}

std::unique_ptr<PyClient> make_client(
    const OptStr &api_key, py::handle api_secret, py::handle access_token, const std::string &auth,
    const std::string &env, const OptStr &base_url, py::handle totp_secret,
    const OptSeconds &totp_period, const OptSeconds &timeout, const OptSeconds &connect_timeout,
    const OptSeconds &attempt_timeout, const std::optional<int> &max_retries,
    const OptSeconds &refresh_margin, py::handle logger, const std::string &log_level) {
    yativo::ClientOptions o;
    o.auth = auth_mode(auth);
    o.environment = environment(env);
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
    py::class_<PyClient>(m, "Client")
        .def(py::init(&make_client))
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

        // --- API keys ---
        .def("create_api_key",
             [](const PyClient &s, const std::string &name, py::handle permissions,
                std::optional<int> expires_in_days, py::handle totp_code, const OptStr &idem,
                const OptSeconds &timeout) {
                 yativo::CreateApiKey params;
                 params.name = name;
                 params.permissions = strings_from(permissions, "permissions");
                 params.expires_in_days = expires_in_days;
                 CallOptions call = call_options(timeout, idem, totp_code);
                 return blocking(s, call, [&](Client &c, const CallOptions &o) {
                     return c.create_api_key(params, o);
                 });
             })
        .def("list_api_keys",
             [](const PyClient &s, const OptSeconds &timeout) {
                 CallOptions call = call_options(timeout);
                 return blocking(
                     s, call, [](Client &c, const CallOptions &o) { return c.list_api_keys(o); });
             })
        .def("get_api_key",
             [](const PyClient &s, const std::string &id, const OptSeconds &timeout) {
                 CallOptions call = call_options(timeout);
                 return blocking(s, call, [&](Client &c, const CallOptions &o) {
                     return c.get_api_key(id, o);
                 });
             })
        .def("rotate_api_key",
             [](const PyClient &s, const std::string &id, py::handle totp_code, const OptStr &idem,
                const OptSeconds &timeout) {
                 CallOptions call = call_options(timeout, idem, totp_code);
                 return blocking(s, call, [&](Client &c, const CallOptions &o) {
                     return c.rotate_api_key(id, o);
                 });
             })
        .def("update_api_key_permissions",
             [](const PyClient &s, const std::string &id, py::handle permissions,
                py::handle totp_code, const OptStr &idem, const OptSeconds &timeout) {
                 std::vector<std::string> perms = strings_from(permissions, "permissions");
                 CallOptions call = call_options(timeout, idem, totp_code);
                 return blocking(s, call, [&](Client &c, const CallOptions &o) {
                     return c.update_api_key_permissions(id, perms, o);
                 });
             })
        .def("revoke_api_key",
             [](const PyClient &s, const std::string &id, py::handle totp_code, const OptStr &idem,
                const OptSeconds &timeout) {
                 CallOptions call = call_options(timeout, idem, totp_code);
                 blocking(s, call,
                          [&](Client &c, const CallOptions &o) { c.revoke_api_key(id, o); });
             })
        .def("token",
             [](const PyClient &s, const OptSeconds &timeout) {
                 CallOptions call = call_options(timeout);
                 return blocking(s, call,
                                 [](Client &c, const CallOptions &o) { return c.token(o); });
             })

        // --- Resources: payloads come back as dict / list ---
        .def("list_accounts",
             [](const PyClient &s, const OptSeconds &timeout, bool envelope) {
                 CallOptions call = call_options(timeout);
                 call.envelope = envelope;
                 return to_python(
                     blocking(s, call,
                              [](Client &c, const CallOptions &o) { return c.list_accounts(o); }),
                     call);
             })
        .def("create_account",
             [](const PyClient &s, const std::string &name, const std::string &type,
                const OptStr &idem, const OptSeconds &timeout, bool envelope) {
                 CallOptions call = call_options(timeout, idem);
                 call.envelope = envelope;
                 return to_python(blocking(s, call,
                                           [&](Client &c, const CallOptions &o) {
                                               return c.create_account(name, type, o);
                                           }),
                                  call);
             })
        .def("add_asset",
             [](const PyClient &s, const std::string &account_id, const std::string &chain,
                const std::string &ticker, const OptStr &idem, const OptSeconds &timeout,
                bool envelope) {
                 CallOptions call = call_options(timeout, idem);
                 call.envelope = envelope;
                 return to_python(blocking(s, call,
                                           [&](Client &c, const CallOptions &o) {
                                               return c.add_asset(account_id, chain, ticker, o);
                                           }),
                                  call);
             })
        .def("list_assets",
             [](const PyClient &s, const OptStr &account_id, const OptSeconds &timeout,
                bool envelope) {
                 std::string id = account_id.value_or("");
                 if (account_id && id.empty()) yativo::throw_invalid("account_id is empty");
                 CallOptions call = call_options(timeout);
                 call.envelope = envelope;
                 return to_python(blocking(s, call,
                                           [&](Client &c, const CallOptions &o) {
                                               return c.list_assets(id, o);
                                           }),
                                  call);
             })
        .def("check_balance",
             [](const PyClient &s, const std::string &asset_id, const OptSeconds &timeout,
                bool envelope) {
                 CallOptions call = call_options(timeout);
                 call.envelope = envelope;
                 return to_python(blocking(s, call,
                                           [&](Client &c, const CallOptions &o) {
                                               return c.check_balance(asset_id, o);
                                           }),
                                  call);
             })
        .def("gas_price",
             [](const PyClient &s, const std::string &chain, const std::string &priority,
                py::dict fields, const OptSeconds &timeout, bool envelope) {
                 std::string extra = fields.empty() ? std::string() : to_json(fields);
                 CallOptions call = call_options(timeout);
                 call.envelope = envelope;
                 return to_python(blocking(s, call,
                                           [&](Client &c, const CallOptions &o) {
                                               return c.gas_price(chain, priority, extra, o);
                                           }),
                                  call);
             })
        .def("send_funds",
             [](const PyClient &s, const std::string &account, const std::string &assets,
                const std::string &receiving_address, py::handle amount, const std::string &type,
                const std::string &chain, const std::string &category, const std::string &priority,
                const OptStr &description, bool use_self_funding, const OptStr &idem,
                py::handle totp_code, const OptSeconds &timeout, bool envelope) {
                 yativo::SendFunds p;
                 p.account = account;
                 p.assets = assets;
                 p.receiving_address = receiving_address;
                 p.amount = amount_text(amount);
                 p.type = type;
                 p.chain = chain;
                 p.category = category;
                 p.priority = priority;
                 p.description = description.value_or("");
                 p.use_self_funding = use_self_funding;
                 CallOptions call = call_options(timeout, idem, totp_code);
                 call.envelope = envelope;
                 yativo::SendResult result = blocking(
                     s, call, [&](Client &c, const CallOptions &o) { return c.send_funds(p, o); });
                 return to_python(result.payload, call);
             })
        .def("list_transactions",
             [](const PyClient &s, int page, std::optional<int> limit, const OptStr &status,
                const OptStr &chain, const OptStr &search, const OptSeconds &timeout,
                bool envelope) {
                 yativo::TransactionQuery q;
                 q.page = page;
                 q.limit = limit;
                 q.status = status.value_or("");
                 q.chain = chain.value_or("");
                 q.search = search.value_or("");
                 CallOptions call = call_options(timeout);
                 call.envelope = envelope;
                 return to_python(blocking(s, call,
                                           [&](Client &c, const CallOptions &o) {
                                               return c.list_transactions(q, o);
                                           }),
                                  call);
             })

        // --- Webhooks ---
        .def("create_webhook",
             [](const PyClient &s, const std::string &url, py::handle events,
                const OptStr &description, const OptStr &idem, const OptSeconds &timeout) {
                 std::vector<std::string> ev = strings_from(events, "events");
                 std::string desc = description.value_or("");
                 CallOptions call = call_options(timeout, idem);
                 return blocking(s, call, [&](Client &c, const CallOptions &o) {
                     return c.create_webhook(url, ev, desc, o);
                 });
             })
        .def("list_webhooks",
             [](const PyClient &s, const OptSeconds &timeout, bool envelope) {
                 CallOptions call = call_options(timeout);
                 call.envelope = envelope;
                 return to_python(
                     blocking(s, call,
                              [](Client &c, const CallOptions &o) { return c.list_webhooks(o); }),
                     call);
             })
        .def("delete_webhook",
             [](const PyClient &s, const std::string &id, const OptStr &idem,
                const OptSeconds &timeout) {
                 CallOptions call = call_options(timeout, idem);
                 blocking(s, call,
                          [&](Client &c, const CallOptions &o) { c.delete_webhook(id, o); });
             })

        // --- Anything else ---
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
}

}  // namespace yvpy
