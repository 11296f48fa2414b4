// The access-token cache of AuthMode::Token (SPEC §2):
// - while the cached token is valid, the first caller past the refresh point exchanges and every
//   other caller keeps using the valid token;
// - callers with no valid token wait, all of them for the same single exchange (single flight),
//   and share its outcome, error included;
// - a refresh that fails while the old token is still valid leaves the old token in service;
// - in a child of fork() the first call drops the parent's token and any exchange the parent had
//   in flight (its thread does not exist in the child) and exchanges the child's own token.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "clock.hpp"
#include "fork_guard.hpp"
#include "request_headers.hpp"
#include "waiters.hpp"
#include "yativo/cancel.hpp"
#include "yativo/secret.hpp"
#include "yativo/status.hpp"
#include "yativo/types.hpp"

namespace yativo::detail {

struct ExchangedToken {
    Secret access_token;
    std::string token_type;
    std::chrono::seconds expires_in{0};
    std::string expires_at;
    std::vector<std::string> scopes;
    std::optional<std::chrono::seconds> refresh_before;  // refresh_recommendation
};

class TokenCache {
  public:
    // `exchange` performs one exchange within the deadline (throws Error on failure).
    using ExchangeFn = std::function<ExchangedToken(SteadyTime deadline, CancelToken *cancel)>;
    // `log` receives debug lines about refreshes (never the token), always with no lock of the
    // cache held: a hook may take locks of its own (Python's GIL) that a thread calling into the
    // cache holds.
    using LogFn = std::function<void(const std::string &)>;

    TokenCache(std::shared_ptr<Clock> clock, std::chrono::seconds margin, ExchangeFn exchange,
               LogFn log);
    ~TokenCache();

    // Appends "Authorization: Bearer <a valid token>" to `headers`, exchanging when needed. The
    // line is built once per token and shared by the requests that carry it: a token replaced
    // meanwhile stays valid for a request still holding its line, which is wiped when the last
    // holder lets go. Returns the token's generation, for invalidate(). Throws the exchange's
    // Error, TIMEOUT when the deadline passes while waiting, CANCELLED.
    std::uint64_t append_header(RequestHeaders &headers, SteadyTime deadline, CancelToken *cancel);
    // Drops the token with this generation (a 401 answered it); a newer token is kept.
    void invalidate(std::uint64_t generation);
    // Drops everything (credentials changed); an exchange in flight is not stored.
    void clear();
    // The last exchanged token with its remaining life, exchanging if none is valid.
    AccessToken describe(SteadyTime deadline, CancelToken *cancel);

    // Test seam: with single flight off, every caller without a valid token exchanges on its
    // own. Exists only so that a test can show the single-flight test fails without it.
    void set_single_flight_for_testing(bool on);

  private:
    // Makes sure a valid token is cached (exchanging when needed); appends its bearer line to
    // `headers` when given. Returns its generation.
    std::uint64_t acquire(SteadyTime deadline, CancelToken *cancel, RequestHeaders *headers);
    // Lines made while the lock is held, written once it is released: flush() is called with
    // the lock released, and the destructor runs after the lock of its scope was released
    // (declare it before the lock).
    class LogLines {
      public:
        explicit LogLines(const LogFn &log) : log_(log) {}
        LogLines(const LogLines &) = delete;
        LogLines &operator=(const LogLines &) = delete;
        // May throw only a forced unwind (abi::__forced_unwind) raised in the log hook.
        ~LogLines() noexcept(false);
        void add(std::string line) {
            if (log_) lines_.push_back(std::move(line));
        }
        void flush();

      private:
        const LogFn &log_;
        std::vector<std::string> lines_;
        int unwinding_at_start_ = std::uncaught_exceptions();
    };

    struct State {
        ExchangedToken token;
        HeaderLine::Shared bearer_line;  // made on first use
        SteadyTime obtained;
        SteadyTime refresh_at;
        SteadyTime expires_at;
        std::uint64_t generation = 0;
    };

    bool valid_locked(SteadyTime now) const { return state_ && now < state_->expires_at; }
    // In a child of fork(): forgets everything inherited and returns true. Every entry point
    // calls it first.
    bool leave_parent_state_locked();
    // Runs one exchange with the lock released, then stores its result. Returns false and sets
    // `error` when it failed.
    bool run_exchange(std::unique_lock<std::mutex> &lock, SteadyTime deadline, CancelToken *cancel,
                      std::optional<Error> &error, LogLines &lines);

    std::shared_ptr<Clock> clock_;
    std::chrono::seconds margin_;
    ExchangeFn exchange_;
    LogFn log_;

    mutable std::mutex mutex_;
    // Replaced (the old one leaked) in a child of fork(): it may count waiters that are threads
    // of the parent, and glibc's broadcast and destroy wait for those.
    Waiters waiters_;
    std::optional<State> state_;
    bool exchanging_ = false;
    std::uint64_t exchange_seq_ = 0;   // completed exchanges (success or failure)
    std::optional<Error> last_error_;  // outcome of exchange number exchange_seq_
    std::uint64_t credential_epoch_ = 0;
    std::uint64_t next_generation_ = 1;
    bool single_flight_ = true;
    ForkGuard fork_guard_;
};

}  // namespace yativo::detail
