// _core.TransactionPager: yativo::TransactionPager for Python. The core decides when the walk
// ends; this converts each page and runs it like every call (GIL released, Ctrl-C honoured).
#pragma once

#include <pybind11/pybind11.h>

namespace yvpy {

void bind_pager(pybind11::module_ &m);

}  // namespace yvpy
