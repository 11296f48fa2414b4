// yativo::Error → the Python exception class of its status (built by libyativo/_errors.py from
// the status table this module exposes).
#pragma once

#include <pybind11/pybind11.h>

namespace yvpy {

// Adds _status_table() and _set_error_classes() to the module and registers the translator.
void bind_errors(pybind11::module_ &m);

}  // namespace yvpy
