// Conversions between Python objects and the core's types. Every function here needs the GIL.
#pragma once

#include <pybind11/pybind11.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <yativo/options.hpp>
#include <yativo/payload.hpp>
#include <yativo/webhook.hpp>

namespace yvpy {

namespace py = pybind11;

// A decoded payload as dict / list / str / bool / None. Numbers are held as strings by the
// core, so amounts and balances come out as str.
py::object to_python(const rapidjson::Value &value);
inline py::object to_python(const yativo::Payload &payload) {
    return to_python(payload.value());
}
// A call's payload, or with `call.envelope` the whole answer it came from (`data` and its
// siblings such as `pagination`).
inline py::object to_python(const yativo::Payload &payload, const yativo::CallOptions &call) {
    return to_python(call.envelope ? payload.envelope().value() : payload.value());
}

// JSON text of a Python value (dict, list, tuple, str, int, float, bool, None, Decimal).
// Decimals are written as JSON numbers with exactly their digits. INVALID_ARGUMENT for anything
// else.
std::string to_json(py::handle value);
// A json parameter's value as JSON text: what to_json takes, but a float anywhere inside is
// refused (INVALID_ARGUMENT naming `what`): money is exact, never a float.
std::string json_value(py::handle value, const char *what);

// An amount given as str or decimal.Decimal (formatted without exponent). A float, or any other
// type, is INVALID_ARGUMENT: a binary float cannot hold most decimal amounts.
std::string amount_text(py::handle value);

// Seconds (int or float, None = unset) as milliseconds. Non-finite is INVALID_ARGUMENT; the
// core decides what range is valid.
std::optional<std::chrono::milliseconds> millis(const std::optional<double> &seconds,
                                                const char *what);
std::optional<std::chrono::seconds> whole_seconds(const std::optional<double> &seconds,
                                                  const char *what);

// Per-call options from the keyword arguments every call takes.
yativo::CallOptions call_options(const std::optional<double> &timeout,
                                 const std::optional<std::string> &idempotency_key = {},
                                 py::handle totp_code = py::none());

py::list string_list(const std::vector<std::string> &items);
// A str is refused (it would otherwise be read as a list of characters).
std::vector<std::string> strings_from(py::handle items, const char *what);

// A secret argument (str or None) read straight into a Secret, with no std::string copy left
// behind.
yativo::Secret secret_from(py::handle value, const char *what);

// A webhook body: bytes only (the raw body as received), viewed in place.
std::string_view body_bytes(py::handle body);
// Received headers from a mapping's items().
yativo::HeaderList header_list(py::handle headers);

}  // namespace yvpy
