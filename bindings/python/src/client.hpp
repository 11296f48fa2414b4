// _core.Client: yativo::Client for Python. Arguments are converted with the GIL held; each
// network call then runs through run_blocking (GIL released, Ctrl-C honoured).
#pragma once

#include <pybind11/pybind11.h>

namespace yvpy {

void bind_client(pybind11::module_ &m);

}  // namespace yvpy
