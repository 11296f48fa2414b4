// Every default of libyativo, defined once (SPEC §4). Bindings never repeat these: they pass
// "unset" and the core resolves it here.
#pragma once

#include <chrono>
#include <cstddef>

namespace yativo::defaults {

inline constexpr std::chrono::milliseconds connect_timeout{10'000};
inline constexpr std::chrono::milliseconds attempt_timeout{30'000};
inline constexpr std::chrono::milliseconds total_timeout{60'000};
inline constexpr int max_retries = 3;
inline constexpr std::chrono::milliseconds backoff_base{250};
inline constexpr std::chrono::milliseconds backoff_cap{8'000};
inline constexpr std::chrono::seconds refresh_margin{60};
inline constexpr std::chrono::seconds totp_period{30};
inline constexpr int totp_digits = 6;
inline constexpr std::chrono::seconds webhook_tolerance{300};
// The replay guard (WebhookVerifier): how long an accepted event id is remembered, and how many
// ids at most; at the bound the oldest is forgotten first. 100 000 ids of ~40 bytes take ~15 MB
// and cover a sustained 1.1 deliveries a second for the whole window.
inline constexpr std::chrono::seconds webhook_replay_window{24 * 60 * 60};
inline constexpr std::size_t webhook_replay_max_events = 100'000;
inline constexpr std::size_t max_response_bytes = 16u << 20;  // 16 MiB
inline constexpr int max_page_limit = 100;
// Connections one EventLoop opens to one host at most (HTTP/1.1: one call in flight each); calls
// beyond it wait their turn in libcurl's queue, their deadlines running.
inline constexpr long max_host_connections = 64;
inline constexpr int amount_max_decimals = 18;
// Digits before the point: 78 holds any uint256 (on-chain balances); far more made a JSON number
// RapidJSON refuses as too big (found by fuzz/fuzz_amount), so the server could not read it.
inline constexpr int amount_max_integer_digits = 78;

inline constexpr const char *production_url = "https://crypto-api.yativo.com/api/v1";
inline constexpr const char *sandbox_url = "https://crypto-sandbox.yativo.com/api/v1";

}  // namespace yativo::defaults
