#include "webhooks.hpp"

#include <pybind11/stl.h>

#include <cstdint>
#include <memory>
#include <optional>

#include "convert.hpp"  // yativo/webhook.hpp after yativo/options.hpp (see module.cpp)

namespace yvpy {

namespace py = pybind11;

void bind_webhook_verifier(py::module_ &m) {
    using yativo::WebhookVerifier;
    // Holds no Python object: the core keeps the secret (as a Secret) and its own lock, so
    // verify runs without the GIL and one verifier may serve every thread.
    py::class_<WebhookVerifier, std::unique_ptr<WebhookVerifier>>(
        m, "WebhookVerifier", "The replay guard; use libyativo.WebhookVerifier.")
        .def(py::init([](py::handle secret, const std::optional<double> &window,
                         const std::optional<std::int64_t> &max_events,
                         const std::optional<double> &tolerance, bool require_timestamp) {
                 yativo::WebhookVerifierOptions options;
                 options.window = whole_seconds(window, "window");
                 // Not positive: 0, which the core refuses with its own message.
                 if (max_events)
                     options.max_events =
                         *max_events > 0 ? static_cast<std::size_t>(*max_events) : std::size_t{0};
                 options.verify.tolerance = whole_seconds(tolerance, "tolerance");
                 options.verify.require_timestamp = require_timestamp;
                 return std::make_unique<WebhookVerifier>(secret_from(secret, "secret"),
                                                          std::move(options));
             }),
             py::arg("secret"), py::arg("window"), py::arg("max_events"), py::arg("tolerance"),
             py::arg("require_timestamp"))
        .def("verify",
             [](WebhookVerifier &v, py::handle body, py::handle headers) {
                 std::string_view raw = body_bytes(body);
                 yativo::HeaderList h = header_list(headers);
                 // `body` stays referenced by the caller for the whole call; bytes are immutable.
                 py::gil_scoped_release nogil;
                 return v.verify(raw, h);
             })
        .def_property_readonly("window",
                               [](const WebhookVerifier &v) { return v.window().count(); })
        .def_property_readonly("max_events", &WebhookVerifier::max_events)
        .def_property_readonly("remembered", [](const WebhookVerifier &v) {
            py::gil_scoped_release nogil;
            return v.remembered();
        });
}

}  // namespace yvpy
