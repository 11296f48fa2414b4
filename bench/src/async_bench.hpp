// Many calls in flight from one thread (issue 18): `yv_bench async-core|async-curl`.
#pragma once

#include <functional>
#include <string>

namespace bench {

struct AsyncArgs {
    std::string mode, base_url, key, secret;
    std::function<long(const std::string &, long)> get;  // a name=value argument, or the fallback
};

// One run: n calls started at once on one thread, each held delay_ms by a sandbox delay fault;
// prints one JSON line. Returns the exit status.
int async_run(const AsyncArgs &a);

}  // namespace bench
