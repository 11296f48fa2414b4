#include "token_cache.hpp"

#include <cxxabi.h>

#include <algorithm>
#include <exception>

namespace yativo::detail {

namespace {
// An answer without expires_in still gets a bounded life; a 401 re-exchanges early if needed.
constexpr std::chrono::seconds kAssumedLifetime{300};
// The longest life a token answer is believed: a year (SPEC §4).
constexpr std::chrono::seconds kMaxTokenLifetime{365 * 24 * 3600};

bool shareable(const Error &e) {
    // Another caller's cancellation or deadline is not this caller's failure.
    return e.code() != Status::CANCELLED && e.code() != Status::TIMEOUT;
}
}  // namespace

TokenCache::TokenCache(std::shared_ptr<Clock> clock, std::chrono::seconds margin,
                       ExchangeFn exchange, LogFn log)
    : clock_(std::move(clock)),
      margin_(margin),
      exchange_(std::move(exchange)),
      log_(std::move(log)) {}

// A child that never called still must not destroy the parent's condition variable. No lock:
// nothing may call a cache being destroyed, and in a child the mutex may be held by a thread of
// the parent for ever.
TokenCache::~TokenCache() {
    leave_parent_state_locked();
}

TokenCache::LogLines::~LogLines() noexcept(false) {
    // Unwinding already: nothing may be thrown from here, and the lines are only best effort.
    if (std::uncaught_exceptions() > unwinding_at_start_) {
        std::vector<std::string> lines;
        lines.swap(lines_);
        for (const auto &line : lines) {
            try {
                log_(line);
            } catch (...) {
            }
        }
        return;
    }
    flush();
}

// no_sanitize("null"): UBSan reports the catch of abi::__forced_unwind, which has no object, as a
// reference bound to null; it is the documented way to let a thread cancellation through.
__attribute__((no_sanitize("null"))) void TokenCache::LogLines::flush() {
    std::vector<std::string> lines;
    lines.swap(lines_);
    for (const auto &line : lines) {
        try {
            log_(line);
        } catch (abi::__forced_unwind &) {
            throw;  // a thread being ended (pthread_exit, pthread_cancel) must unwind, or glibc
                    // aborts
        } catch (...) {
            // Logging never changes the outcome of a call.
        }
    }
}

bool TokenCache::leave_parent_state_locked() {
    if (!fork_guard_.entered_child()) return false;
    state_.reset();
    last_error_.reset();
    exchanging_ = false;
    // An exchange still running here was begun in the parent (a log hook forked during it): its
    // token is the parent's, so it is not stored.
    ++credential_epoch_;
    waiters_.leave_parent();
    return true;
}

void TokenCache::set_single_flight_for_testing(bool on) {
    std::lock_guard<std::mutex> lock(mutex_);
    leave_parent_state_locked();
    single_flight_ = on;
}

__attribute__((no_sanitize("null"))) bool TokenCache::run_exchange(
    std::unique_lock<std::mutex> &lock, SteadyTime deadline, CancelToken *cancel,
    std::optional<Error> &error, LogLines &lines) {
    exchanging_ = true;
    std::uint64_t epoch = credential_epoch_;
    SteadyTime obtained = clock_->now();
    lock.unlock();
    std::optional<ExchangedToken> token;
    std::optional<Error> failure;
    try {
        lines.flush();  // may throw a forced unwind: the exchange is then ended below
        token = exchange_(deadline, cancel);
    } catch (abi::__forced_unwind &) {
        // The exchanging thread is being ended (its log hook called pthread_exit): the exchange
        // is over, and the callers waiting for it must not wait for a thread that is gone.
        lock.lock();
        exchanging_ = false;
        ++exchange_seq_;
        waiters_.notify_all();
        lock.unlock();
        throw;
    } catch (const Error &e) {
        failure = e;
    } catch (const std::bad_alloc &) {
        failure = Error(Status::NO_MEMORY, "out of memory during the token exchange");
    } catch (const std::exception &e) {
        failure = Error(Status::INTERNAL, std::string("token exchange: ") + e.what());
    }
    lock.lock();
    leave_parent_state_locked();
    exchanging_ = false;
    ++exchange_seq_;
    if (token && epoch == credential_epoch_) {
        // The server's numbers are clamped before any arithmetic: a huge expires_in would
        // overflow the expiry (and, wrapped, make every token born expired).
        std::chrono::seconds ttl = token->expires_in.count() > 0
                                       ? std::min(token->expires_in, kMaxTokenLifetime)
                                       : kAssumedLifetime;
        std::chrono::seconds margin = std::max(
            margin_,
            std::min(token->refresh_before.value_or(std::chrono::seconds(0)), kMaxTokenLifetime));
        State state;
        state.obtained = obtained;
        state.expires_at = obtained + ttl;
        state.refresh_at = margin >= ttl ? obtained + std::chrono::milliseconds(ttl) / 2
                                         : obtained + (ttl - margin);
        state.generation = next_generation_++;
        state.token = std::move(*token);
        state_ = std::move(state);
        last_error_.reset();
        lines.add("token exchanged: lifetime " + std::to_string(ttl.count()) +
                  " s, refresh after " +
                  std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                     state_->refresh_at - obtained)
                                     .count()) +
                  " s");
    } else if (failure && epoch == credential_epoch_) {
        last_error_ = failure;
        lines.add(std::string("token exchange failed: ") + status_name(failure->code()));
    }
    waiters_.notify_all();
    // An exchange made with credentials replaced meanwhile decides nothing: the caller loops and
    // exchanges with the new ones.
    if (failure && epoch == credential_epoch_) {
        error = std::move(failure);
        return false;
    }
    return true;
}

std::uint64_t TokenCache::append_header(RequestHeaders &headers, SteadyTime deadline,
                                        CancelToken *cancel) {
    return acquire(deadline, cancel, &headers);
}

std::uint64_t TokenCache::acquire(SteadyTime deadline, CancelToken *cancel,
                                  RequestHeaders *headers) {
    // Under the lock: the token of state_ is read in place.
    auto append = [&]() {
        if (!headers) return state_->generation;
        if (!state_->bearer_line)
            state_->bearer_line = make_shared_line(kBearerPrefix, state_->token.access_token);
        headers->add(HeaderLine(state_->bearer_line));
        return state_->generation;
    };
    std::uint64_t wake_id = 0;
    if (cancel) {
        wake_id = cancel->add_wakeup([this] {
            std::lock_guard<std::mutex> guard(mutex_);
            leave_parent_state_locked();
            waiters_.notify_all();
        });
    }
    struct Unregister {
        CancelToken *cancel;
        std::uint64_t id;
        ~Unregister() {
            if (cancel) cancel->remove_wakeup(id);
        }
    } unregister{cancel, wake_id};
    LogLines lines(log_);
    // Declared after `unregister` and `lines`, so the lock is released before the wakeup is
    // removed (the cancel token's mutex is never taken while ours is held) and before the lines
    // are written.
    std::unique_lock<std::mutex> lock(mutex_);
    if (leave_parent_state_locked())
        lines.add("in a child of fork(): the parent's token and exchange are dropped");

    for (;;) {
        if (cancel && cancel->cancelled()) throw Error(Status::CANCELLED, "call cancelled");
        SteadyTime now = clock_->now();
        if (valid_locked(now)) {
            if (now >= state_->refresh_at && !exchanging_) {
                lines.add("token refresh started (current token still valid)");
                std::optional<Error> error;
                if (!run_exchange(lock, deadline, cancel, error, lines)) {
                    if (cancel && cancel->cancelled())
                        throw Error(Status::CANCELLED, "call cancelled");
                    SteadyTime after = clock_->now();
                    if (!valid_locked(after)) throw *error;
                    // Keep serving the valid token; try again after a quarter of its remaining
                    // life (1 s to 30 s), not on every call.
                    auto pause = std::clamp<SteadyTime::duration>((state_->expires_at - after) / 4,
                                                                  std::chrono::seconds(1),
                                                                  std::chrono::seconds(30));
                    state_->refresh_at = after + pause;
                    lines.add("token refresh failed; the current token stays in service");
                }
                // This caller has done its refresh: it uses whatever valid token there is now.
                if (valid_locked(clock_->now())) return append();
                continue;
            }
            return append();
        }
        if (exchanging_ && single_flight_) {
            std::uint64_t seq = exchange_seq_;
            auto wait = deadline - clock_->now();
            bool finished = waiters_.wait_for(
                lock, std::max(wait, SteadyTime::duration::zero()),
                [&] { return exchange_seq_ != seq || (cancel && cancel->cancelled()); });
            if (cancel && cancel->cancelled()) throw Error(Status::CANCELLED, "call cancelled");
            if (!finished)
                throw Error(Status::TIMEOUT,
                            "deadline passed while waiting for the token exchange");
            if (!valid_locked(clock_->now()) && last_error_ && shareable(*last_error_))
                throw *last_error_;
            continue;
        }
        if (clock_->now() >= deadline)
            throw Error(Status::TIMEOUT, "deadline passed before the token exchange");
        std::optional<Error> error;
        if (!run_exchange(lock, deadline, cancel, error, lines)) throw *error;
    }
}

void TokenCache::invalidate(std::uint64_t generation) {
    LogLines lines(log_);
    std::lock_guard<std::mutex> lock(mutex_);
    leave_parent_state_locked();
    if (state_ && state_->generation == generation) {
        state_.reset();
        lines.add("cached token dropped after a 401");
    }
}

void TokenCache::clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    leave_parent_state_locked();
    state_.reset();
    last_error_.reset();
    ++credential_epoch_;
}

AccessToken TokenCache::describe(SteadyTime deadline, CancelToken *cancel) {
    acquire(deadline, cancel, nullptr);
    std::lock_guard<std::mutex> lock(mutex_);
    leave_parent_state_locked();
    AccessToken out;
    if (!state_) throw Error(Status::AUTHENTICATION, "no access token: the credentials changed");
    out.access_token = state_->token.access_token;
    out.token_type = state_->token.token_type.empty() ? "Bearer" : state_->token.token_type;
    auto left =
        std::chrono::duration_cast<std::chrono::seconds>(state_->expires_at - clock_->now());
    out.expires_in = std::max<std::int64_t>(0, left.count());
    out.expires_at = state_->token.expires_at;
    out.scopes = state_->token.scopes;
    return out;
}

}  // namespace yativo::detail
