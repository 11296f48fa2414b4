// Webhook signature verification (SPEC §5) and a signer for tests.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
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

}  // namespace yativo
