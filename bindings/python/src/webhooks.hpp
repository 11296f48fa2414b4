// libyativo._core.WebhookVerifier: the replay guard over the core's yativo::WebhookVerifier.
#pragma once

#include <pybind11/pybind11.h>

namespace yvpy {

void bind_webhook_verifier(pybind11::module_ &m);

}  // namespace yvpy
