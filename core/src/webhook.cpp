#include "yativo/webhook.hpp"

#include <strings.h>
#include <chrono>
#include <cstdlib>

#include "crypto.hpp"
#include "json_util.hpp"
#include "yativo/defaults.hpp"
#include "yativo/status.hpp"

namespace yativo {

namespace {

const std::string *find_header(const HeaderList &headers, const char *name) {
    for (const auto &h : headers)
        if (strcasecmp(h.first.c_str(), name) == 0) return &h.second;
    return nullptr;
}

std::string trim(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    std::size_t e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

[[noreturn]] void bad_signature(const std::string &why) {
    throw Error(Status::SIGNATURE_INVALID, "webhook signature rejected: " + why);
}

std::int64_t now_unix() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Compares a hex signature as received with the MAC over `signed_text`, in constant time.
bool matches(std::string_view received_hex, const Secret &secret, std::string_view signed_text) {
    std::vector<std::uint8_t> received;
    if (!crypto::unhex(received_hex, received)) return false;
    return crypto::equal_constant_time(received, crypto::hmac_sha256(secret.reveal(), signed_text));
}

WebhookEvent parse_event(std::string_view body) {
    auto doc = json::parse(body);
    if (!doc || !doc->IsObject())
        throw Error(Status::PROTOCOL, "webhook body is not a JSON object");
    WebhookEvent event;
    const rapidjson::Value &root = *doc;
    event.id = json::str(root, "id");
    event.type = json::str(root, "type");
    if (event.type.empty()) event.type = json::str(root, "event");
    event.created_at = json::str(root, "created_at");
    if (event.created_at.empty()) event.created_at = json::str(root, "timestamp");
    const rapidjson::Value *data = json::member(root, "data");
    event.raw = Payload(doc, doc.get());
    event.data = data ? Payload(doc, data) : Payload();
    return event;
}

}  // namespace

WebhookEvent verify_webhook(std::string_view body, const HeaderList &headers, const Secret &secret,
                            const VerifyOptions &options) {
    if (secret.empty()) throw_invalid("webhook secret is empty");
    const std::string *sig_b = find_header(headers, "X-Yativo-Signature");
    const std::string *ts_b = find_header(headers, "X-Yativo-Timestamp");
    if (sig_b || ts_b) {
        // Scheme B present: only scheme B counts, so a timestamped delivery cannot be replayed
        // through scheme A.
        if (!sig_b || !ts_b)
            bad_signature("X-Yativo-Signature and X-Yativo-Timestamp come together");
        std::string sig = trim(*sig_b);
        if (sig.rfind("sha256=", 0) != 0)
            bad_signature("X-Yativo-Signature is not \"sha256=<hex>\"");
        std::string ts_text = trim(*ts_b);
        auto ts = json::parse_int(ts_text);
        if (!ts || *ts < 0) bad_signature("X-Yativo-Timestamp is not a unix time");
        std::int64_t ts_seconds = *ts > 100000000000LL ? *ts / 1000 : *ts;  // milliseconds too
        std::int64_t tolerance = options.tolerance.value_or(defaults::webhook_tolerance).count();
        if (tolerance < 0) throw_invalid("webhook tolerance must not be negative");
        std::int64_t now = options.now_unix.value_or(now_unix());
        std::int64_t skew = now > ts_seconds ? now - ts_seconds : ts_seconds - now;
        std::string signed_text = ts_text;
        signed_text.push_back('.');
        signed_text.append(body.data(), body.size());
        if (!matches(std::string_view(sig).substr(7), secret, signed_text))
            bad_signature("signature does not match the body");
        if (skew > tolerance)
            bad_signature("timestamp is " + std::to_string(skew) + " s away from now (tolerance " +
                          std::to_string(tolerance) + " s)");
        return parse_event(body);
    }
    if (options.require_timestamp)
        bad_signature("a timestamped signature (X-Yativo-Signature) is required");
    const std::string *sig_a = find_header(headers, "X-Webhook-Signature");
    if (!sig_a) bad_signature("no X-Webhook-Signature or X-Yativo-Signature header");
    std::string sig = trim(*sig_a);
    if (sig.rfind("sha256=", 0) == 0) sig = sig.substr(7);
    if (!matches(sig, secret, body)) bad_signature("signature does not match the body");
    return parse_event(body);
}

HeaderList sign_webhook(std::string_view body, const Secret &secret,
                        std::optional<std::int64_t> timestamp) {
    if (secret.empty()) throw_invalid("webhook secret is empty");
    std::int64_t ts = timestamp.value_or(now_unix());
    if (ts < 0) throw_invalid("webhook timestamp must not be negative");
    std::string ts_text = std::to_string(ts);
    std::string signed_text = ts_text + "." + std::string(body);
    HeaderList out;
    out.emplace_back("X-Webhook-Signature",
                     crypto::hex_lower(crypto::hmac_sha256(secret.reveal(), body)));
    out.emplace_back("X-Yativo-Signature", "sha256=" + crypto::hex_lower(crypto::hmac_sha256(
                                                           secret.reveal(), signed_text)));
    out.emplace_back("X-Yativo-Timestamp", ts_text);
    return out;
}

}  // namespace yativo
