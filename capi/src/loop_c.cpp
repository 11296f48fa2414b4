// C modules "loop" and "pending": many calls in flight from one thread (yativo::EventLoop).
#include <chrono>

#include "async.hpp"

using yv_capi::guard;
using yv_capi::need;
using yv_capi::need_out;

namespace {

yativo::EventLoopOptions core_options(const yv_loop_options *opts) {
    yativo::EventLoopOptions o;
    if (!opts) return o;
    if (opts->watch) {
        o.watch = [fn = opts->watch, user = opts->user_data](int fd, int events) {
            fn(user, fd, events);
        };
        o.timer = [fn = opts->timer, user = opts->user_data](long ms) {
            fn(user, static_cast<int64_t>(ms));
        };
    }
    o.max_host_connections = opts->max_host_connections;
    return o;
}

}  // namespace

namespace yv_capi {

yv_status guard_erased(yv_error **err, void (*body)(void *), void *context) {
    return guard(err, [&] { body(context); });
}

void start_erased(yativo::EventLoop &loop, yv_pending **pending, AsyncCallBase *raw) {
    std::shared_ptr<AsyncCallBase> call(raw, [](AsyncCallBase *c) { c->destroy(c); });
    auto handle = pending ? std::make_unique<yv_pending>() : nullptr;
    auto started = loop.start([call] { call->work(call.get()); },
                              [call](const yativo::Error *e) {
                                  // The run function ends inside the guard, so the loop reports
                                  // no error of its own; if it ever does, it is the outcome.
                                  if (e) {
                                      yv_error_free(std::exchange(call->error, nullptr));
                                      call->error = make_error(*e);
                                      call->status = call->error->code;
                                  }
                                  call->deliver(call.get());
                              });
    if (handle) {
        handle->call = std::move(started);
        *pending = handle.release();
    }
}

}  // namespace yv_capi

static_assert(YV_WATCH_NONE == yativo::WatchNone && YV_WATCH_READ == yativo::WatchRead &&
                  YV_WATCH_WRITE == yativo::WatchWrite && YV_WATCH_ERROR == yativo::WatchError,
              "yativo.h's YV_WATCH_* are yativo::Watch");

extern "C" {

YV_API yv_status yv_loop_options_new(yv_loop_options **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        yv_capi::give(out);
    });
}

YV_API void yv_loop_options_free(yv_loop_options *opts) {
    delete opts;
}

YV_API yv_status yv_loop_options_set_callbacks(yv_loop_options *opts, yv_watch_fn watch,
                                               yv_timer_fn timer, void *user_data, yv_error **err) {
    return guard(err, [&] {
        auto &o = need(opts, "opts");
        if (!watch != !timer) yv_capi::invalid("watch and timer must be both set or both NULL");
        o.watch = watch;
        o.timer = timer;
        o.user_data = watch ? user_data : nullptr;
    });
}

YV_API yv_status yv_loop_options_set_max_host_connections(yv_loop_options *opts, uint32_t count,
                                                          yv_error **err) {
    return guard(err, [&] {
        auto &o = need(opts, "opts");
        if (count > static_cast<uint32_t>(INT32_MAX)) yv_capi::invalid("count is too large");
        o.max_host_connections =
            count ? std::optional<long>(static_cast<long>(count)) : std::nullopt;
    });
}

YV_API yv_status yv_loop_new(const yv_loop_options *opts, yv_loop **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        *out = new yv_loop(core_options(opts));
    });
}

YV_API void yv_loop_free(yv_loop *loop) {
    delete loop;
}

YV_API yv_status yv_loop_on_socket(yv_loop *loop, int fd, int events, yv_error **err) {
    return guard(err, [&] { need(loop, "loop").loop.on_socket(fd, events); });
}

YV_API yv_status yv_loop_on_timeout(yv_loop *loop, yv_error **err) {
    return guard(err, [&] { need(loop, "loop").loop.on_timeout(); });
}

YV_API yv_status yv_loop_run_once(yv_loop *loop, uint32_t max_wait_ms, size_t *in_flight,
                                  yv_error **err) {
    return guard(err, [&] {
        if (in_flight) *in_flight = 0;
        const size_t left =
            need(loop, "loop").loop.run_once(std::chrono::milliseconds(max_wait_ms));
        if (in_flight) *in_flight = left;
    });
}

YV_API yv_status yv_loop_run(yv_loop *loop, yv_error **err) {
    return guard(err, [&] { need(loop, "loop").loop.run(); });
}

YV_API size_t yv_loop_in_flight(const yv_loop *loop) {
    return loop ? loop->loop.in_flight() : 0;
}

YV_API void yv_pending_cancel(const yv_pending *pending) {
    if (pending) pending->call.cancel();
}

YV_API bool yv_pending_done(const yv_pending *pending) {
    return pending && pending->call.done();
}

YV_API void yv_pending_free(yv_pending *pending) {
    delete pending;
}

}  // extern "C"
