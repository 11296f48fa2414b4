// Webhook signature verification (SPEC §5) and a signer for tests.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "yativo/types.hpp"

namespace yativo {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct VerifyOptions {
    std::optional<std::chrono::seconds> tolerance;  // scheme B timestamp tolerance
    bool require_timestamp = false;                 // refuse scheme A (no timestamp)
    std::optional<std::int64_t> now_unix;           // for tests; nullopt = the clock
};

// Verifies the raw body against the headers (names case-insensitive) with the webhook secret:
// scheme B (X-Yativo-Signature "sha256=<hex>" over "<X-Yativo-Timestamp>.<body>") when its
// headers are present, and then only scheme B; else scheme A (X-Webhook-Signature = hex
// HMAC-SHA256 of the body) unless require_timestamp. Throws SIGNATURE_INVALID, or PROTOCOL when
// the verified body is not a JSON object. Returns the parsed event.
WebhookEvent verify_webhook(std::string_view body, const HeaderList &headers, const Secret &secret,
                            const VerifyOptions &options = {});

// Signs a body with both schemes, for users' tests: returns X-Webhook-Signature,
// X-Yativo-Signature and X-Yativo-Timestamp. timestamp nullopt = now.
HeaderList sign_webhook(std::string_view body, const Secret &secret,
                        std::optional<std::int64_t> timestamp = {});

// The error_code of WebhookVerifier's SIGNATURE_INVALID for a replay (empty for a signature that
// does not verify): the event was already accepted, so a receiver may answer 2xx without
// processing it again, which stops the sender's retries of a delivery whose answer was lost.
inline constexpr const char *kWebhookReplayCode = "webhook_replay";

struct WebhookVerifierOptions {
    VerifyOptions verify;                        // passed to verify_webhook as is
    std::optional<std::chrono::seconds> window;  // how long an accepted id is remembered
    std::optional<std::size_t> max_events;       // how many ids at most; the oldest goes first
    // The monotonic clock the window runs on; empty = std::chrono::steady_clock. For tests.
    std::function<std::chrono::steady_clock::time_point()> steady_now;
};

// A replay guard: verify_webhook, then each event id is accepted once per window. A captured
// delivery replayed (also one stripped of its scheme B headers, which a receiver cannot tell
// from a scheme A delivery) is SIGNATURE_INVALID; a verified event without an id is PROTOCOL,
// since it cannot be de-duplicated. The window runs on the monotonic clock from the first
// acceptance: a wall clock step cannot shorten it, and no header or body field, which the sender
// (or someone stripping headers) chooses, decides it. Past max_events ids, accepting one
// forgets the oldest before its window ends. Memory of this process only: receivers behind
// several instances de-duplicate on the id in their own store too.
// Thread-safe: the id is checked and recorded under one lock, so concurrent deliveries of one
// event are accepted exactly once. Unset options take defaults.hpp's values; a window or
// max_events of 0, a negative tolerance or an empty secret is INVALID_ARGUMENT.
class WebhookVerifier {
  public:
    explicit WebhookVerifier(Secret secret, WebhookVerifierOptions options = {});
    ~WebhookVerifier();
    WebhookVerifier(const WebhookVerifier &) = delete;
    WebhookVerifier &operator=(const WebhookVerifier &) = delete;

    WebhookEvent verify(std::string_view body, const HeaderList &headers);

    std::chrono::seconds window() const;
    std::size_t max_events() const;
    // How many ids are remembered now (expired ones are dropped on the next verify).
    std::size_t remembered() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace yativo
