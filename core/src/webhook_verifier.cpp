// The replay guard over verify_webhook (SPEC §5): each event id accepted once per window.
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "yativo/defaults.hpp"
#include "yativo/status.hpp"
#include "yativo/webhook.hpp"

namespace yativo {

namespace {

using SteadyTime = std::chrono::steady_clock::time_point;

// The id as an error message may show it: ids come from signed bodies, but a message stays one
// short printable line whatever the sender put there.
std::string shown_id(const std::string &id) {
    constexpr std::size_t kMax = 64;
    for (char c : id)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return "(unprintable id)";
    if (id.size() > kMax) return "\"" + id.substr(0, kMax) + "...\"";
    return "\"" + id + "\"";
}

}  // namespace

struct WebhookVerifier::State {
    Secret secret;
    VerifyOptions verify_options;
    std::chrono::seconds window;
    std::size_t max_events;
    std::function<SteadyTime()> steady_now;

    mutable std::mutex mu;
    // id -> when it was accepted; `order` holds the same ids oldest first, pointing at the map's
    // keys (references to unordered_map elements survive rehashing).
    std::unordered_map<std::string, SteadyTime> seen;
    std::deque<const std::string *> order;
    SteadyTime last{};

    SteadyTime now_locked() {
        SteadyTime t = steady_now ? steady_now() : std::chrono::steady_clock::now();
        // Entries stay sorted by time even if an injected clock steps back.
        if (t < last) t = last;
        last = t;
        return t;
    }

    void forget_oldest_locked() {
        auto it = seen.find(*order.front());
        order.pop_front();
        seen.erase(it);
    }

    void expire_locked(SteadyTime now) {
        while (!order.empty() && now - seen.find(*order.front())->second >= window)
            forget_oldest_locked();
    }
};

WebhookVerifier::WebhookVerifier(Secret secret, WebhookVerifierOptions options)
    : state_(std::make_unique<State>()) {
    if (secret.empty()) throw_invalid("webhook secret is empty");
    if (options.verify.tolerance && options.verify.tolerance->count() < 0)
        throw_invalid("webhook tolerance must not be negative");
    const auto window = options.window.value_or(defaults::webhook_replay_window);
    if (window.count() <= 0) throw_invalid("replay window must be at least 1 s");
    // A scheme B delivery verifies for `tolerance` after its timestamp: a shorter memory would
    // let its replay through once the id is forgotten.
    const auto tolerance = options.verify.tolerance.value_or(defaults::webhook_tolerance);
    if (window < tolerance)
        throw_invalid("replay window (" + std::to_string(window.count()) +
                      " s) must not be shorter than the timestamp tolerance (" +
                      std::to_string(tolerance.count()) + " s)");
    const auto max_events = options.max_events.value_or(defaults::webhook_replay_max_events);
    if (max_events == 0) throw_invalid("max_events must be at least 1");
    state_->secret = std::move(secret);
    state_->verify_options = options.verify;
    state_->window = window;
    state_->max_events = max_events;
    state_->steady_now = std::move(options.steady_now);
}

WebhookVerifier::~WebhookVerifier() = default;

WebhookEvent WebhookVerifier::verify(std::string_view body, const HeaderList &headers) {
    State &s = *state_;
    // The signature first, outside the lock: an unsigned body never reaches the memory.
    WebhookEvent event = verify_webhook(body, headers, s.secret, s.verify_options);
    if (event.id.empty())
        throw Error(Status::PROTOCOL,
                    "webhook event has no id, so the replay guard cannot de-duplicate it");
    std::lock_guard<std::mutex> lock(s.mu);
    const SteadyTime now = s.now_locked();
    s.expire_locked(now);
    auto found = s.seen.find(event.id);
    if (found != s.seen.end()) {
        const auto ago = std::chrono::duration_cast<std::chrono::seconds>(now - found->second);
        Error replay(Status::SIGNATURE_INVALID,
                     "webhook replay refused: event " + shown_id(event.id) + " was accepted " +
                         std::to_string(ago.count()) + " s ago (replay window " +
                         std::to_string(s.window.count()) + " s)");
        replay.error_code = kWebhookReplayCode;
        throw replay;
    }
    if (s.seen.size() >= s.max_events) s.forget_oldest_locked();
    auto inserted = s.seen.emplace(event.id, now).first;
    try {
        s.order.push_back(&inserted->first);
    } catch (...) {
        s.seen.erase(inserted);  // keep the map and the order in step
        throw;
    }
    return event;
}

std::chrono::seconds WebhookVerifier::window() const {
    return state_->window;
}

std::size_t WebhookVerifier::max_events() const {
    return state_->max_events;
}

std::size_t WebhookVerifier::remembered() const {
    std::lock_guard<std::mutex> lock(state_->mu);
    state_->expire_locked(state_->now_locked());
    return state_->seen.size();
}

}  // namespace yativo
