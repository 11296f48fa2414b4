// The emulated API as a function of requests: routing, authentication, scopes, rate limits,
// idempotency, faults and the control endpoints. No sockets here, so tests and fuzzers can call
// `handle` directly; server.cpp only moves bytes.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "api_error.hpp"
#include "auth.hpp"
#include "faults.hpp"
#include "http_types.hpp"
#include "json.hpp"
#include "options.hpp"
#include "rate_limit.hpp"
#include "state.hpp"
#include "totp.hpp"

namespace yvsb {

constexpr size_t kMaxBodyBytes = 1024 * 1024;

class Api;
struct KeySpec;  // key_rules.hpp

// One API request on its way through a handler.
struct Ctx {
    const Request &req;
    std::string rel;  // path relative to the API base
    std::vector<std::string> params;
    Principal who;
    Json body;                // the JSON body of POST/PUT/PATCH; an empty object otherwise
    SysTime now;              // the sandbox clock (Api::sandbox_now) when the request arrived
    std::string resource_id;  // set by handlers that create something
};

using Handler = Response (*)(Api &, Ctx &);
struct Route {
    const char *method;
    const char *pattern;  // "{id}" matches one path segment
    Scope scope;          // kNone: no scope check (token, key management, session)
    bool write;           // honours Idempotency-Key
    Handler handler;
};

// A control endpoint (/__sandbox/...) contributed by a module: no authentication, mu_ held.
struct ControlRoute {
    const char *method;
    const char *path;
    Response (*handler)(Api &, const Request &);
};

// A resource group served from its own file (modules.cpp lists them): its routes, its control
// endpoints, and `tick`, called with the state lock held before every API or control request so
// time-driven state (a transaction confirming, a quote expiring) moves on by itself.
struct Module {
    std::vector<Route> routes;
    std::vector<ControlRoute> control;
    void (*tick)(Api &, SysTime) = nullptr;
};

class Api {
  public:
    explicit Api(const Options &options);  // throws std::invalid_argument on a bad TOTP secret
    ~Api();                                // stops webhook delivery
    Api(const Api &) = delete;
    Api &operator=(const Api &) = delete;

    // Everything: control endpoints, API endpoints with faults. Thread-safe.
    Response handle(const Request &req);
    // Processes an API request whose `delay` fault has elapsed (no second fault lookup).
    Response handle_after_delay(const Request &req);
    // The 413 for a request whose headers announce a body over kMaxBodyBytes.
    Response payload_too_large(const Request &req);

    static bool is_api_target(std::string_view target);

    // Counts an API request as being handled from construction to destruction (max_in_flight).
    class InFlight {
      public:
        explicit InFlight(Api *api) : api_(api) {}
        InFlight(InFlight &&other) noexcept : api_(other.api_) { other.api_ = nullptr; }
        InFlight(const InFlight &) = delete;
        InFlight &operator=(const InFlight &) = delete;
        InFlight &operator=(InFlight &&) = delete;
        ~InFlight();

      private:
        Api *api_;
    };
    InFlight track_in_flight();
    // Counts a newly accepted TCP connection (stats "connections").
    void count_connection();

    const std::string &session_token() const { return session_token_; }
    const std::string &totp_secret() const { return totp_secret_; }

    // For modules' handlers, which run with the state lock held.
    State &state() { return state_; }
    Stats &stats() { return stats_; }
    const Options &options() const { return opts_; }
    const std::string &seeded_user() const { return user_id_; }
    // 401 two_factor_required / two_factor_invalid unless X-2FA-Token holds a fresh TOTP code
    // (checked against the wall clock, like every authenticator).
    void require_2fa(const Request &req);
    // Queues a webhook event of `type` for every active webhook of `user_id` that wants it and,
    // given a card account (`card_profile_id`), for every card webhook subscription of that
    // account that wants it: one event id, one delivery per receiver. `data_json` is the event's
    // data object as JSON text (webhook_delivery.cpp delivers it).
    void emit_event(const std::string &user_id, const std::string &type,
                    const std::string &data_json, const std::string &card_profile_id = {});
    // Queues `type` for one webhook whatever its events (POST /webhook/{id}/test); returns the
    // delivery id. mu_ held.
    std::string queue_delivery(const Webhook &hook, const std::string &type,
                               const std::string &data_json);
    // The thread that POSTs queued events (webhook_delivery.cpp). The server starts it and stops
    // it before returning; stop waits for an attempt on the wire to end (it aborts within ~1 s).
    void start_delivery();
    void stop_delivery();

    // Key management as the K1 and K2 dialects share it (handlers_keys.cpp): escalation check,
    // 2FA, then the change; mu_ held. `secret` receives the new api_secret.
    const ApiKey &issue_key(Ctx &ctx, const KeySpec &spec, std::string *secret);
    ApiKey &revoke_key(Ctx &ctx);
    // The sandbox clock: the wall clock plus the lead POST /__sandbox/advance {"seconds"} gave it
    // (reset by /__sandbox/reset). Everything time-driven reads it — Ctx::now, every module's
    // tick, transfer confirmation, quote, OTP, token, challenge and KYC expiry, idempotency
    // records, event times and webhook retry schedules — so advancing it moves all of that
    // without a test waiting. Only what an outside clock checks stays on the wall clock
    // (clock.hpp now()): TOTP codes, rate-limit windows, the Date header and the webhook
    // signature timestamp. mu_ held.
    SysTime sandbox_now() const { return now() + clock_lead_; }
    std::chrono::seconds clock_lead() const { return clock_lead_; }
    // Adds `by` to the lead, then runs every module's tick at the new time (mu_ held).
    void advance_clock(std::chrono::seconds by);

  private:
    static const std::vector<Route> &routes();  // the core table, then every module's

    void tick(SysTime t);                                          // mu_ held
    Response process(const Request &req, const std::string &rel);  // mu_ held
    Response dispatch(const Request &req, const std::string &rel, SysTime wall,
                      const std::string &request_id, RateInfo &rate);
    Response run_idempotent(const Route &route, Ctx &ctx);
    void finish(Response &resp, const std::string &request_id, const RateInfo &rate) const;
    Response fault_response(const Fault &fault, const std::string &rel);

    // auth (handlers_keys.cpp)
    Principal authenticate(const Request &req, SysTime t);
    void check_may_manage(const Principal &who, const ApiKey &key,
                          const std::vector<std::string> &new_permissions);
    std::string hash_secret(const std::string &secret) const;
    std::string hash_token(const std::string &token) const;
    ApiKey &find_key(const Ctx &ctx);
    void drop_tokens_of(const std::string &key_id);

    // handlers
    Response token_exchange(Ctx &ctx);
    Response key_create(Ctx &ctx);
    Response key_list(Ctx &ctx);
    Response key_get(Ctx &ctx);
    Response key_revoke(Ctx &ctx);
    Response key_rotate(Ctx &ctx);
    Response key_permissions(Ctx &ctx);
    Response account_create(Ctx &ctx);
    Response account_list(Ctx &ctx);
    Response asset_add(Ctx &ctx);
    Response asset_list(Ctx &ctx);
    Response balance_check(Ctx &ctx);
    Response gas_price(Ctx &ctx);
    Response send_funds(Ctx &ctx);
    Response transaction_list(Ctx &ctx);
    Response webhook_create(Ctx &ctx);
    Response webhook_list(Ctx &ctx);
    Response webhook_delete(Ctx &ctx);

    // control endpoints (control.cpp), mu_ held
    Response control(const Request &req, const std::string &path);
    Response control_endpoint(const Request &req, const std::string &path);
    Response control_stats();
    Response control_faults(const Request &req);
    Response control_deposit(const Request &req);
    Response control_reset();
    Response control_routes();  // GET /__sandbox/routes: method + pattern of routes()

    // webhook delivery (webhook_delivery.cpp)
    void delivery_loop();
    // The sandbox clock moved on by `by`: pending deliveries' next attempts come `by` sooner.
    void shift_delivery_schedule(std::chrono::seconds by);  // mu_ held
    std::thread delivery_thread_;
    std::condition_variable delivery_wake_;  // with mu_: new work, or stop
    std::atomic<bool> delivery_stopping_{false};

    Options opts_;
    std::string totp_secret_;
    std::string session_token_;
    std::string pepper_;      // keys secret hashes and token hashes
    std::string jwt_secret_;  // signs the JWT-shaped access tokens
    std::string user_id_;     // the seeded user

    std::mutex mu_;
    State state_;
    Stats stats_;
    FaultQueue faults_;
    RateLimiter limiter_;
    TotpVerifier totp_;
    long in_flight_ = 0;
    std::chrono::seconds clock_lead_{0};
};

// {"status": true, "message": ..., "data": <data>} (+ extra top-level members).
Response resource_response(int status, std::string_view message,
                           const std::function<void(JsonWriter &)> &data,
                           const std::function<void(JsonWriter &)> &extra = nullptr);

}  // namespace yvsb
