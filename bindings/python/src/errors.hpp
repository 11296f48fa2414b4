// yativo::Error → the Python exception class of its status (built by libyativo/_errors.py from
// the status table this module exposes).
#pragma once

#include <pybind11/pybind11.h>

#include <exception>

namespace yvpy {

// Adds _status_table() and _set_error_classes() to the module and registers the translator.
void bind_errors(pybind11::module_ &m);

// The Python exception `error` is raised as (yativo::Error → its status class with every field,
// std::bad_alloc → MemoryError, anything else → RuntimeError), made but not raised. Needs the GIL.
pybind11::object exception_object(std::exception_ptr error);

}  // namespace yvpy
