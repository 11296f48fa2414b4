// Webhook events (SPEC §5, §6): emit_event queues one delivery per subscribed active webhook and,
// for an event of a card account, per card webhook subscription of that account that wants it;
// one thread POSTs them all, signed with both schemes, and retries a non-2xx answer or a
// connection error with exponential backoff. The state lock is never held while a request is on the
// wire: the thread copies what it sends, unlocks, sends, and records the outcome under the lock
// again (a delivery that a reset or a webhook deletion dropped meanwhile is simply gone).
#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <mutex>

#include "api.hpp"
#include "crypto.hpp"
#include "webhook_rules.hpp"

namespace yvsb {
namespace {

using Steady = std::chrono::steady_clock;

// Deliveries kept for GET /webhook/{id}/events; the oldest finished ones go first.
constexpr size_t kKeptDeliveries = 5000;
// The reference's limit for a receiver's answer (§8.5).
constexpr long kReceiverTimeoutMs = 5000;
constexpr long kConnectTimeoutMs = 2000;

// {"id","type","created_at",("subscription_id",)"data"}: a card subscription's events name it.
std::string event_body(const std::string &event_id, const std::string &type, SysTime at,
                       const std::string &data_json, const std::string &subscription_id = {}) {
    Json data;
    std::string error;
    if (!parse_json(data_json.empty() ? "{}" : data_json, data, &error) || !data.is_object())
        throw std::logic_error("webhook event data is not a JSON object: " + error);
    rapidjson::StringBuffer sb;
    JsonWriter w(sb);
    w.StartObject();
    kv_str(w, "id", event_id);
    kv_str(w, "type", type);
    kv_str(w, "created_at", iso8601_ms(at));
    if (!subscription_id.empty()) kv_str(w, "subscription_id", subscription_id);
    w.Key("data");
    write_json(w, data);
    w.EndObject();
    return std::string(sb.GetString(), sb.GetSize());
}

std::string hex_hmac(const std::string &key, const std::string &data) {
    auto mac = hmac_sha256(key, data);
    return to_hex(mac.data(), mac.size());
}

// Queues a delivery to a webhook (webhook_id) or a card subscription (subscription_id).
void add_delivery(DeliveryState &ds, const std::string &user_id, const std::string &webhook_id,
                  const std::string &subscription_id, const std::string &event_id,
                  const std::string &type, const std::string &body, SysTime t) {
    if (ds.order.size() >= kKeptDeliveries) {
        // Finished ones first; under a flood of pending ones, the oldest pending too.
        for (int pass = 0; pass < 2 && ds.order.size() >= kKeptDeliveries; ++pass)
            for (auto it = ds.order.begin();
                 it != ds.order.end() && ds.order.size() >= kKeptDeliveries;) {
                const Delivery &d = ds.deliveries.at(*it);
                bool drop = !d.sending && (pass == 1 || d.status != "pending");
                if (!drop) {
                    ++it;
                    continue;
                }
                ds.deliveries.erase(*it);
                it = ds.order.erase(it);
            }
    }
    Delivery d;
    d.id = "dlv_" + random_hex(12);
    d.user_id = user_id;
    d.webhook_id = webhook_id;
    d.subscription_id = subscription_id;
    d.event_id = event_id;
    d.type = type;
    d.body = body;
    d.created_at = t;
    d.due = Steady::now();
    d.next_attempt_at = t;
    ds.order.push_back(d.id);
    ds.deliveries[d.id] = std::move(d);
}

// What the thread sends, copied out of the state.
struct Job {
    std::string delivery_id;
    std::string event_id;
    std::string type;
    std::string url;
    std::string secret;
    std::string body;
};

struct Outcome {
    int status_code = 0;
    std::string error;
    long long duration_ms = 0;
};

size_t discard_body(char *, size_t size, size_t n, void *) {
    return size * n;
}

int abort_when_stopping(void *stopping, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<std::atomic<bool> *>(stopping)->load() ? 1 : 0;
}

Outcome post(const Job &job, std::atomic<bool> *stopping) {
    Outcome out;
    CURL *h = curl_easy_init();
    if (!h) {
        out.error = "libcurl could not start a transfer";
        return out;
    }
    // The wall clock: receivers check this against their own clock (SPEC §5 freshness).
    std::string ts = std::to_string(unix_seconds(now()));
    std::vector<std::string> lines = {
        "Content-Type: application/json",
        "User-Agent: yativo-sandbox-webhooks",
        "Expect:",
        "X-Webhook-Signature: " + hex_hmac(job.secret, job.body),
        "X-Yativo-Timestamp: " + ts,
        "X-Yativo-Signature: sha256=" + hex_hmac(job.secret, ts + "." + job.body),
        "X-Yativo-Event: " + job.type,
        "X-Yativo-Event-Id: " + job.event_id,
        "X-Yativo-Delivery: " + job.delivery_id,
    };
    curl_slist *headers = nullptr;
    for (const auto &l : lines) headers = curl_slist_append(headers, l.c_str());
    char errbuf[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(h, CURLOPT_URL, job.url.c_str());
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, job.body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(job.body.size()));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard_body);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, kReceiverTimeoutMs);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, kConnectTimeoutMs);
    curl_easy_setopt(h, CURLOPT_PROXY, "");  // a loopback receiver is never behind a proxy
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(h, CURLOPT_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
#endif
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, abort_when_stopping);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, stopping);
    auto start = Steady::now();
    CURLcode rc = curl_easy_perform(h);
    out.duration_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - start).count();
    if (rc == CURLE_OK) {
        long code = 0;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
        out.status_code = static_cast<int>(code);
        if (code < 200 || code > 299) out.error = "HTTP " + std::to_string(code);
    } else if (rc == CURLE_ABORTED_BY_CALLBACK) {
        out.error = "the sandbox stopped during the attempt";
    } else {
        out.error = errbuf[0] ? errbuf : curl_easy_strerror(rc);
    }
    curl_slist_free_all(headers);
    curl_easy_cleanup(h);
    return out;
}

}  // namespace

void drop_deliveries_to(DeliveryState &ds, const std::string &receiver_id) {
    for (auto it = ds.deliveries.begin(); it != ds.deliveries.end();)
        it = it->second.webhook_id == receiver_id || it->second.subscription_id == receiver_id
                 ? ds.deliveries.erase(it)
                 : std::next(it);
    ds.order.erase(std::remove_if(ds.order.begin(), ds.order.end(),
                                  [&](const std::string &x) { return !ds.deliveries.count(x); }),
                   ds.order.end());
}

void Api::emit_event(const std::string &user_id, const std::string &type,
                     const std::string &data_json, const std::string &card_profile_id) {
    SysTime t = sandbox_now();
    std::string event_id = "evt_" + random_hex(12);
    std::string body;  // built once, only when someone wants it
    bool queued = false;
    for (const auto &id : state_.webhook_order) {
        const Webhook &hook = state_.webhooks.at(id);
        if (hook.user_id != user_id || !hook.active || !webhook_wants(hook, type)) continue;
        if (body.empty()) body = event_body(event_id, type, t, data_json);
        add_delivery(state_.delivery, user_id, hook.id, {}, event_id, type, body, t);
        queued = true;
    }
    if (!card_profile_id.empty()) {
        const CardsState &cards = state_.cards;
        for (const auto &id : cards.subscription_order) {
            const CardWebhookSubscription &s = cards.subscriptions.at(id);
            if (s.profile_id != card_profile_id || !card_subscription_wants(s, type)) continue;
            add_delivery(state_.delivery, user_id, {}, s.id, event_id, type,
                         event_body(event_id, type, t, data_json, s.id), t);
            queued = true;
        }
    }
    if (queued) delivery_wake_.notify_all();
}

std::string Api::queue_delivery(const Webhook &hook, const std::string &type,
                                const std::string &data_json) {
    SysTime t = sandbox_now();
    std::string event_id = "evt_" + random_hex(12);
    add_delivery(state_.delivery, hook.user_id, hook.id, {}, event_id, type,
                 event_body(event_id, type, t, data_json), t);
    delivery_wake_.notify_all();
    return state_.delivery.order.back();
}

void Api::shift_delivery_schedule(std::chrono::seconds by) {
    // A retry waits on the sandbox clock: advancing it by `by` brings every scheduled attempt
    // `by` closer (due ones go at once). An attempt on the wire schedules its successor when it
    // ends, from the clock as it is then.
    auto at_once = Steady::now();
    bool moved = false;
    for (auto &entry : state_.delivery.deliveries) {
        Delivery &d = entry.second;
        if (d.status != "pending" || d.sending) continue;
        d.due = d.due - at_once > by ? d.due - by : at_once;
        moved = true;
    }
    if (moved) delivery_wake_.notify_all();
}

void Api::start_delivery() {
    static std::once_flag curl_ready;
    std::call_once(curl_ready, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    std::lock_guard<std::mutex> lock(mu_);
    if (delivery_thread_.joinable()) return;
    delivery_stopping_ = false;
    delivery_thread_ = std::thread([this] { delivery_loop(); });
}

void Api::stop_delivery() {
    {
        std::lock_guard<std::mutex> lock(mu_);
        if (!delivery_thread_.joinable()) return;
        delivery_stopping_ = true;
    }
    delivery_wake_.notify_all();
    delivery_thread_.join();
}

Api::~Api() {
    stop_delivery();
}

void Api::delivery_loop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!delivery_stopping_) {
        DeliveryState &ds = state_.delivery;
        Delivery *next = nullptr;
        for (const auto &id : ds.order) {
            Delivery &d = ds.deliveries.at(id);
            if (d.status == "pending" && !d.sending && (!next || d.due < next->due)) next = &d;
        }
        if (!next) {
            delivery_wake_.wait(lock);
            continue;
        }
        if (next->due > Steady::now()) {
            // A copy: the wait reads its deadline again after waking, when a reset may have
            // freed the delivery it came from.
            const Steady::time_point due = next->due;
            delivery_wake_.wait_until(lock, due);
            continue;
        }
        // Where it goes and how it is signed: the receiver as it is now.
        std::string url, secret, refused;
        if (!next->subscription_id.empty()) {
            auto sub = state_.cards.subscriptions.find(next->subscription_id);
            if (sub == state_.cards.subscriptions.end()) {
                refused = "the card webhook subscription was deleted";
            } else {
                url = sub->second.callback_url;
                secret = sub->second.secret;
            }
        } else {
            auto hook = state_.webhooks.find(next->webhook_id);
            if (hook == state_.webhooks.end()) {
                refused = "the webhook was deleted";
            } else if (!hook->second.active) {
                refused = "the webhook is inactive";
            } else {
                url = hook->second.url;
                secret = hook->second.secret;
            }
        }
        if (refused.empty() && !opts_.allow_remote_webhooks && !webhook_url_is_loopback(url))
            refused =
                "not a loopback URL: the sandbox delivers elsewhere only with "
                "--allow-remote-webhooks";
        if (!refused.empty()) {
            next->status = "failed";
            next->error = refused;
            next->finished_at = sandbox_now();
            continue;
        }
        Job job{next->id, next->event_id, next->type, url, secret, next->body};
        next->sending = true;

        SysTime at = sandbox_now();
        lock.unlock();
        Outcome out = post(job, &delivery_stopping_);
        lock.lock();

        auto found = state_.delivery.deliveries.find(job.delivery_id);
        if (found == state_.delivery.deliveries.end()) continue;  // reset or webhook deleted
        Delivery &d = found->second;
        d.sending = false;
        d.attempts.push_back(DeliveryAttempt{at, out.status_code, out.error, out.duration_ms});
        if (out.error.empty()) {
            d.status = "delivered";
            d.finished_at = sandbox_now();
            ++stats_.webhook_deliveries;
        } else if (static_cast<int>(d.attempts.size()) >= opts_.webhook_attempts) {
            d.status = "failed";
            d.finished_at = sandbox_now();
        } else {
            // first delay, then twice as long after every further failure
            long long delay_ms = opts_.webhook_retry_ms;
            for (size_t i = 1; i < d.attempts.size() && delay_ms < 86400000LL; ++i) delay_ms *= 2;
            d.due = Steady::now() + std::chrono::milliseconds(delay_ms);
            d.next_attempt_at = sandbox_now() + std::chrono::milliseconds(delay_ms);
        }
    }
}

}  // namespace yvsb
