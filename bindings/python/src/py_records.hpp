// The record classes of _core (Account, Transfer, ...): bind_records() is generated from the
// [[record]] rows (py_records_gen.cpp); the field conversions, repr and equality they share are
// written here once. Every function needs the GIL.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>

#include <yativo/payload.hpp>

namespace yvpy {

namespace py = pybind11;

// Registers every generated record class in the module (generated: py_records_gen.cpp).
void bind_records(py::module_ &m);

// A required string field, decoded like a payload's strings (invalid UTF-8 kept with
// surrogateescape rather than refused).
py::str text(const std::string &value);
// An optional string field: None when absent ("").
py::object text_or_none(const std::string &value);
// A required decimal field: decimal.Decimal of the exact text (the core checked its grammar);
// never through a float.
py::object decimal(const std::string &value);
// An optional decimal field: None when absent ("").
py::object decimal_or_none(const std::string &value);
py::object int_or_none(const std::optional<std::int64_t> &value);
py::object bool_or_none(const std::optional<bool> &value);

// `Name(field=repr(value), ...)` of the named fields, read from the object's properties (raw is
// left out: it repeats them, and it can be long).
std::string record_repr(py::handle self, const char *name,
                        std::initializer_list<const char *> fields);
// The same JSON (members in any order, numbers compared as the text they were sent as).
bool same_json(const yativo::Payload &a, const yativo::Payload &b);

}  // namespace yvpy
