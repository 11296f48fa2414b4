#include "py_types.hpp"

#include <pybind11/stl.h>

#include <yativo/types.hpp>

#include "convert.hpp"

namespace yvpy {

namespace {

py::object or_none(const std::string &s) {
    return s.empty() ? py::object(py::none()) : py::object(py::str(s));
}

py::object secret_or_none(const yativo::Secret &s) {
    return s.empty() ? py::object(py::none()) : py::object(py::str(s.reveal()));
}

// repr(x) of a str-or-None, the way Python would write it.
std::string r(const py::object &o) {
    return py::repr(o);
}

std::string hidden(const yativo::Secret &s) {
    return s.empty() ? "None" : "'***'";
}

std::string repr_list(const std::vector<std::string> &items) {
    return py::repr(string_list(items));
}

std::optional<std::int64_t> known(std::int64_t v) {
    return v < 0 ? std::nullopt : std::optional<std::int64_t>(v);
}

}  // namespace

void bind_types(py::module_ &m) {
    using yativo::AccessToken;
    using yativo::ApiKey;
    using yativo::RateLimit;
    using yativo::Webhook;
    using yativo::WebhookEvent;

    py::class_<ApiKey>(m, "ApiKey",
                       "An API key. `api_secret` is set only right after create and "
                       "rotate, and never shown by repr/str.")
        .def_property_readonly(
            "id", [](const ApiKey &k) { return k.id; }, "the key's id")
        .def_property_readonly(
            "name", [](const ApiKey &k) { return k.name; }, "the name it was created with")
        .def_property_readonly(
            "api_key", [](const ApiKey &k) { return k.api_key; },
            "the public key (yativo_...): it names the key, it is not a secret")
        .def_property_readonly(
            "api_secret", [](const ApiKey &k) { return secret_or_none(k.api_secret); },
            "the secret, only in the answers of create and rotate; None otherwise")
        .def_property_readonly(
            "permissions", [](const ApiKey &k) { return string_list(k.permissions); },
            "its scopes: read, write, transactions, webhooks, ...")
        .def_property_readonly(
            "status", [](const ApiKey &k) { return or_none(k.status); },
            "active, expired or revoked")
        .def_property_readonly(
            "created_at", [](const ApiKey &k) { return or_none(k.created_at); },
            "when it was created")
        .def_property_readonly(
            "expires_at", [](const ApiKey &k) { return or_none(k.expires_at); },
            "when it expires; None: never")
        .def_property_readonly(
            "last_used_at", [](const ApiKey &k) { return or_none(k.last_used_at); },
            "when it was last used; None: never")
        .def_property_readonly(
            "allowed_ips", [](const ApiKey &k) { return string_list(k.allowed_ips); },
            "the IP addresses or CIDR blocks it may be used from; empty: any")
        .def("__repr__", [](const ApiKey &k) {
            return "ApiKey(id=" + r(py::str(k.id)) + ", name=" + r(py::str(k.name)) +
                   ", api_key=" + r(py::str(k.api_key)) + ", api_secret=" + hidden(k.api_secret) +
                   ", permissions=" + repr_list(k.permissions) +
                   ", status=" + r(or_none(k.status)) + ", created_at=" + r(or_none(k.created_at)) +
                   ", expires_at=" + r(or_none(k.expires_at)) +
                   ", last_used_at=" + r(or_none(k.last_used_at)) +
                   ", allowed_ips=" + repr_list(k.allowed_ips) + ")";
        });

    py::class_<AccessToken>(m, "AccessToken",
                            "A bearer token and its life; repr/str never show the token.")
        .def_property_readonly(
            "access_token", [](const AccessToken &t) { return t.access_token.reveal(); },
            "the bearer token itself (a secret: keep it out of logs)")
        .def_property_readonly(
            "token_type", [](const AccessToken &t) { return t.token_type; }, "Bearer")
        .def_property_readonly(
            "expires_in", [](const AccessToken &t) { return t.expires_in; },
            "seconds of life it had when issued")
        .def_property_readonly(
            "expires_at", [](const AccessToken &t) { return or_none(t.expires_at); },
            "when it expires, as the server said")
        .def_property_readonly(
            "scopes", [](const AccessToken &t) { return string_list(t.scopes); },
            "the scopes it carries")
        .def("__repr__", [](const AccessToken &t) {
            return "AccessToken(access_token=" + hidden(t.access_token) +
                   ", token_type=" + r(py::str(t.token_type)) +
                   ", expires_in=" + std::to_string(t.expires_in) +
                   ", expires_at=" + r(or_none(t.expires_at)) + ", scopes=" + repr_list(t.scopes) +
                   ")";
        });

    py::class_<Webhook>(m, "Webhook",
                        "A webhook endpoint. `secret` is set only in the answer to create, and "
                        "never shown by repr/str.")
        .def_property_readonly(
            "id", [](const Webhook &w) { return w.id; }, "the subscription's id")
        .def_property_readonly(
            "url", [](const Webhook &w) { return w.url; }, "where deliveries go")
        .def_property_readonly(
            "events", [](const Webhook &w) { return string_list(w.events); },
            "the event types delivered")
        .def_property_readonly(
            "description", [](const Webhook &w) { return or_none(w.description); },
            "the note kept with it")
        .def_property_readonly(
            "secret", [](const Webhook &w) { return secret_or_none(w.secret); },
            "the signing secret, only in the answer of create; None otherwise")
        .def_property_readonly(
            "created_at", [](const Webhook &w) { return or_none(w.created_at); },
            "when it was created")
        .def_property_readonly(
            "raw", [](const Webhook &w) { return to_python(w.raw); },
            "The whole answer, without the secret.")
        .def("__repr__", [](const Webhook &w) {
            return "Webhook(id=" + r(py::str(w.id)) + ", url=" + r(py::str(w.url)) +
                   ", events=" + repr_list(w.events) +
                   ", description=" + r(or_none(w.description)) + ", secret=" + hidden(w.secret) +
                   ", created_at=" + r(or_none(w.created_at)) + ")";
        });

    py::class_<WebhookEvent>(m, "Event", "A verified webhook delivery; de-duplicate on `id`.")
        .def_property_readonly(
            "id", [](const WebhookEvent &e) { return or_none(e.id); },
            "the event's id: de-duplicate deliveries on it")
        .def_property_readonly(
            "type", [](const WebhookEvent &e) { return or_none(e.type); },
            "its type, e.g. deposit.received")
        .def_property_readonly(
            "created_at", [](const WebhookEvent &e) { return or_none(e.created_at); },
            "when the event happened")
        .def_property_readonly(
            "data", [](const WebhookEvent &e) { return to_python(e.data); },
            "its data, as Python objects (amounts as exact strings)")
        .def_property_readonly(
            "raw", [](const WebhookEvent &e) { return to_python(e.raw); },
            "The whole delivered JSON object.")
        .def("__repr__", [](const WebhookEvent &e) {
            return "Event(id=" + r(or_none(e.id)) + ", type=" + r(or_none(e.type)) +
                   ", created_at=" + r(or_none(e.created_at)) + ")";
        });

    py::class_<RateLimit>(m, "RateLimit", "X-RateLimit-* of the last response that carried them.")
        .def_property_readonly(
            "limit", [](const RateLimit &l) { return known(l.limit); },
            "requests allowed per window (X-RateLimit-Limit); None when not sent")
        .def_property_readonly(
            "remaining", [](const RateLimit &l) { return known(l.remaining); },
            "requests left in the window (X-RateLimit-Remaining); None when not sent")
        .def_property_readonly(
            "reset", [](const RateLimit &l) { return known(l.reset); },
            "when the window resets, Unix seconds (X-RateLimit-Reset); None when not sent")
        .def("__repr__", [](const RateLimit &l) {
            auto s = [](std::int64_t v) { return v < 0 ? std::string("None") : std::to_string(v); };
            return "RateLimit(limit=" + s(l.limit) + ", remaining=" + s(l.remaining) +
                   ", reset=" + s(l.reset) + ")";
        });
}

}  // namespace yvpy
