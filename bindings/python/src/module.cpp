// libyativo._core: the pybind11 module. The public API is the pure-Python package around it.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cmath>

// options.hpp before webhook.hpp: the other order makes GCC's -Wshadow flag
// AuthMode::Headers against yativo::HeaderList.
#include <yativo/options.hpp>
#include <yativo/status.hpp>
#include <yativo/totp.hpp>
#include <yativo/version.hpp>
#include <yativo/webhook.hpp>

#include "call.hpp"
#include "convert.hpp"
#include "errors.hpp"
#include "py_async.hpp"
#include "py_client.hpp"
#include "py_pager.hpp"
#include "py_records.hpp"
#include "py_types.hpp"
#include "webhooks.hpp"

namespace py = pybind11;

PYBIND11_MODULE(_core, m) {
    m.doc() = "libyativo's C++ core (use the libyativo package, not this module).";
    yvpy::init_call_runner();
    yvpy::bind_errors(m);
    yvpy::bind_types(m);
    yvpy::bind_records(m);
    yvpy::bind_client(m);
    yvpy::bind_pager(m);
    yvpy::bind_async(m);
    yvpy::bind_webhook_verifier(m);

    m.def("version", [] { return std::string(yativo::version()); });

    m.def("totp", [](py::handle secret, std::optional<std::int64_t> at,
                     const std::optional<double> &period, int digits) {
        yativo::Secret s = yvpy::secret_from(secret, "secret");
        return yativo::totp(s.reveal(), at, yvpy::whole_seconds(period, "period"), digits).reveal();
    });

    m.def("verify_webhook", [](py::handle body, py::handle headers, py::handle secret,
                               const std::optional<double> &tolerance, bool require_timestamp) {
        std::string_view raw = yvpy::body_bytes(body);
        yativo::HeaderList h = yvpy::header_list(headers);
        yativo::VerifyOptions options;
        options.tolerance = yvpy::whole_seconds(tolerance, "tolerance");
        options.require_timestamp = require_timestamp;
        return yativo::verify_webhook(raw, h, yvpy::secret_from(secret, "secret"), options);
    });

    m.def("sign_webhook",
          [](py::handle body, py::handle secret, std::optional<std::int64_t> timestamp) {
              std::string_view raw = yvpy::body_bytes(body);
              py::dict out;
              for (const auto &[name, value] :
                   yativo::sign_webhook(raw, yvpy::secret_from(secret, "secret"), timestamp))
                  out[py::str(name)] = py::str(value);
              return out;
          });
}
