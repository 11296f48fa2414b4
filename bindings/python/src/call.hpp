// Runs a blocking core call with the GIL released, so other Python threads run meanwhile, and
// keeps Ctrl-C working on the main thread (Python runs signal handlers only there).
#pragma once

#include <functional>

#include <yativo/options.hpp>

namespace yvpy {

// Captures the main thread's identity; called once at import.
void init_call_runner();

// Runs `work` without the GIL. On the main thread the work runs on a helper thread while the
// main thread waits in short slices and runs Python's signal handlers between them; when a
// handler raises (KeyboardInterrupt), the call's cancellation token is triggered, the call is
// awaited, and the handler's exception is raised instead of the call's result. Other threads
// run `work` directly: no signal can be handled there anyway.
// `call.cancel` must be empty; it is set here when needed. Rethrows what `work` threw.
void run_blocking(yativo::CallOptions &call, const std::function<void()> &work);

}  // namespace yvpy
