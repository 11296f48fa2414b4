// The typed results: ApiKey, AccessToken, Webhook, Event, RateLimit. Their repr never shows a
// secret.
#pragma once

#include <pybind11/pybind11.h>

namespace yvpy {

void bind_types(pybind11::module_ &m);

}  // namespace yvpy
