// libcurl transport: a pool of easy handles, one checked out per call in flight, so keep-alive
// connections are reused but no two threads ever touch one handle; a share handle for DNS and TLS
// sessions only. Each pooled easy handle runs inside its own multi handle so that a transfer can
// be woken and stopped at once when the call is cancelled (curl_multi_wakeup).
#include <curl/curl.h>
#include <openssl/crypto.h>

#include <strings.h>
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <mutex>

#include "fork_guard.hpp"
#include "transport.hpp"
#include "yativo/status.hpp"

namespace yativo::detail {

const std::string *HttpResult::header(const char *name) const {
    for (const auto &h : headers)
        if (strcasecmp(h.first.c_str(), name) == 0) return &h.second;
    return nullptr;
}

namespace {

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            throw Error(Status::INTERNAL, "libcurl global initialisation failed");
    });
}

struct Share {
    CURLSH *handle = nullptr;
    std::mutex locks[CURL_LOCK_DATA_LAST];

    Share() {
        handle = curl_share_init();
        if (!handle) throw Error(Status::NO_MEMORY, "curl_share_init failed");
        curl_share_setopt(handle, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
        curl_share_setopt(handle, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
        curl_share_setopt(handle, CURLSHOPT_LOCKFUNC, &Share::lock);
        curl_share_setopt(handle, CURLSHOPT_UNLOCKFUNC, &Share::unlock);
        curl_share_setopt(handle, CURLSHOPT_USERDATA, this);
    }
    ~Share() {
        if (handle) curl_share_cleanup(handle);
    }
    static void lock(CURL *, curl_lock_data data, curl_lock_access, void *user) {
        static_cast<Share *>(user)->locks[data].lock();
    }
    static void unlock(CURL *, curl_lock_data data, void *user) {
        static_cast<Share *>(user)->locks[data].unlock();
    }
};

struct Slot {
    CURL *easy = nullptr;
    CURLM *multi = nullptr;
    bool configured = false;       // the options that never change are set once per handle
    std::uint64_t forks_seen = 0;  // the transport's forks_seen_ when it was checked out
    Slot() {
        easy = curl_easy_init();
        multi = curl_multi_init();
        if (!easy || !multi) {
            if (easy) curl_easy_cleanup(easy);
            if (multi) curl_multi_cleanup(multi);
            throw Error(Status::NO_MEMORY, "libcurl handle allocation failed");
        }
    }
    ~Slot() {
        curl_easy_cleanup(easy);
        curl_multi_cleanup(multi);
    }
};

struct Transfer {
    const std::string *body = nullptr;
    std::size_t offset = 0;
    bool body_read = false;
    int rewinds = 0;
    HttpResult *result = nullptr;
    std::size_t max_bytes = 0;
    bool too_large = false;
    bool wipe_on_growth = false;
    bool started = false;  // libcurl began this transfer (its per-transfer info is this one's)
};

// Appends to a body that may hold a secret: when the buffer must grow, the new one is allocated
// here and the old one wiped before it is freed (std::string would free it as it is).
void append_wiping_old_buffer(std::string &body, const char *data, size_t len) {
    if (body.size() + len > body.capacity()) {
        std::string grown;
        grown.reserve(std::max(body.size() + len, 2 * body.capacity()));
        grown.append(body);
        OPENSSL_cleanse(body.data(), body.size());
        body.swap(grown);
    }
    body.append(data, len);
}

size_t on_write(char *data, size_t size, size_t n, void *user) {
    auto *t = static_cast<Transfer *>(user);
    size_t len = size * n;
    if (t->max_bytes && t->result->body.size() + len > t->max_bytes) {
        t->too_large = true;
        return 0;
    }
    if (t->wipe_on_growth)
        append_wiping_old_buffer(t->result->body, data, len);
    else
        t->result->body.append(data, len);
    return len;
}

// Only the headers the client reads are kept: copying every header of every answer showed up
// as a tenth of the per-call cost in the benchmarks.
bool wanted(std::string_view name) {
    static const char *const names[] = {
        "X-Request-Id",      "Retry-After", "X-RateLimit-Limit",  "X-RateLimit-Remaining",
        "X-RateLimit-Reset", "Date",        "Idempotent-Replayed"};
    for (const char *n : names)
        if (name.size() == std::strlen(n) && strncasecmp(name.data(), n, name.size()) == 0)
            return true;
    return false;
}

size_t on_header(char *data, size_t size, size_t n, void *user) {
    auto *t = static_cast<Transfer *>(user);
    size_t len = size * n;
    std::string_view line(data, len);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    if (line.rfind("HTTP/", 0) == 0) {
        t->result->headers.clear();  // a new response (after 100 Continue)
    } else if (auto colon = line.find(':');
               colon != std::string_view::npos && wanted(line.substr(0, colon))) {
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove_prefix(1);
        t->result->headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
    }
    return len;
}

size_t on_read(char *buffer, size_t size, size_t n, void *user) {
    auto *t = static_cast<Transfer *>(user);
    t->body_read = true;
    size_t left = t->body->size() - t->offset;
    size_t len = std::min(left, size * n);
    std::memcpy(buffer, t->body->data() + t->offset, len);
    t->offset += len;
    return len;
}

int on_seek(void *user, curl_off_t offset, int origin) {
    auto *t = static_cast<Transfer *>(user);
    if (origin != SEEK_SET || offset < 0 || static_cast<size_t>(offset) > t->body->size())
        return CURL_SEEKFUNC_CANTSEEK;
    t->offset = static_cast<size_t>(offset);
    ++t->rewinds;
    return CURL_SEEKFUNC_OK;
}

bool is_connect_phase(CURLcode rc) {
    switch (rc) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_CONNECT:
        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT:
            return true;
        default:
            return false;
    }
}

bool is_tls(CURLcode rc) {
    switch (rc) {
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_CRL_BADFILE:
        case CURLE_SSL_ENGINE_NOTFOUND:
        case CURLE_SSL_ENGINE_SETFAILED:
        case CURLE_SSL_ENGINE_INITFAILED:
        case CURLE_USE_SSL_FAILED:
        case CURLE_SSL_INVALIDCERTSTATUS:
            return true;
        default:
            return false;
    }
}

// Frees a header list after wiping it: auth headers carry secrets.
void free_headers(curl_slist *list) {
    for (curl_slist *node = list; node; node = node->next)
        if (node->data) OPENSSL_cleanse(node->data, std::strlen(node->data));
    curl_slist_free_all(list);
}

class CurlTransport : public Transport {
  public:
    explicit CurlTransport(const TransportConfig &config) : config_(config) {
        global_init();
        share_ = std::make_unique<Share>();
    }

    ~CurlTransport() override {
        std::lock_guard<std::mutex> lock(mutex_);
        leave_parent_state_locked();
        idle_.clear();
    }

    HttpResult perform(HttpRequest &request) override {
        std::unique_ptr<Slot> slot = checkout();
        HttpResult result = run(*slot, request);
        checkin(std::move(slot));
        return result;
    }

  private:
    // After fork() the child must not touch the parent's sockets or TLS state: using them would
    // desynchronise the parent's TLS stream, and a TLS shutdown from the child would end the
    // parent's connection. The inherited handles are dropped without cleanup (a deliberate,
    // bounded leak) and the child starts with fresh ones.
    void leave_parent_state_locked() {
        if (!fork_guard_.entered_child()) return;
        for (auto &slot : idle_) (void)slot.release();
        idle_.clear();
        (void)share_.release();
        share_ = std::make_unique<Share>();
        ++forks_seen_;
    }

    std::unique_ptr<Slot> checkout() {
        std::lock_guard<std::mutex> lock(mutex_);
        leave_parent_state_locked();
        std::unique_ptr<Slot> slot;
        if (!idle_.empty()) {
            slot = std::move(idle_.back());
            idle_.pop_back();
        } else {
            slot = std::make_unique<Slot>();
        }
        slot->forks_seen = forks_seen_;
        return slot;
    }

    void checkin(std::unique_ptr<Slot> slot) {
        std::lock_guard<std::mutex> lock(mutex_);
        leave_parent_state_locked();
        // Checked out before a fork made during the call (from a log hook): the parent's.
        if (slot->forks_seen != forks_seen_) {
            (void)slot.release();
            return;
        }
        idle_.push_back(std::move(slot));
    }

    HttpResult run(Slot &slot, HttpRequest &request) {
        HttpResult result;
        Transfer transfer;
        transfer.body = &request.body;
        transfer.result = &result;
        transfer.max_bytes = config_.max_response_bytes;
        transfer.wipe_on_growth = request.sensitive_response;

        CURL *e = slot.easy;
        if (!slot.configured) configure(e);
        curl_easy_setopt(e, CURLOPT_URL, request.url.c_str());
        curl_easy_setopt(
            e, CURLOPT_CONNECTTIMEOUT_MS,
            static_cast<long>(std::max<long long>(1, request.connect_timeout.count())));
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS,
                         static_cast<long>(std::max<long long>(1, request.timeout.count())));
        curl_easy_setopt(e, CURLOPT_WRITEDATA, &transfer);
        curl_easy_setopt(e, CURLOPT_HEADERDATA, &transfer);
        slot.configured = true;

        curl_slist *headers = nullptr;
        for (const auto &h : request.headers) headers = curl_slist_append(headers, h.c_str());
        headers = curl_slist_append(headers, "Expect:");
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);

        // The handle is reused: every per-request option is set (or cleared) on every call.
        curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 0L);
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, nullptr);
        curl_easy_setopt(e, CURLOPT_SEEKFUNCTION, nullptr);
        if (request.method == "GET") {
            curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
        } else if (request.method == "DELETE" && !request.has_body) {
            curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, "DELETE");
            // Nothing to rewind: libcurl would re-send it on a reused connection that died.
            if (!request.may_resend) curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
        } else {
            // The body goes through a read callback. Without a seek callback libcurl cannot
            // rewind it, so it cannot silently re-send a write on a reused connection that died
            // after the body left (it fails with CURLE_SEND_FAIL_REWIND instead).
            curl_easy_setopt(e, CURLOPT_POST, 1L);
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE,
                             static_cast<curl_off_t>(request.body.size()));
            curl_easy_setopt(e, CURLOPT_READFUNCTION, on_read);
            curl_easy_setopt(e, CURLOPT_READDATA, &transfer);
            if (request.may_resend) {
                curl_easy_setopt(e, CURLOPT_SEEKFUNCTION, on_seek);
                curl_easy_setopt(e, CURLOPT_SEEKDATA, &transfer);
            } else if (request.body.empty()) {
                // With no body there is nothing to rewind, and libcurl would re-send: use a
                // connection of its own.
                curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
            }
            if (request.method != "POST")
                curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        }

        char error_text[CURL_ERROR_SIZE] = {0};
        curl_easy_setopt(e, CURLOPT_ERRORBUFFER, error_text);
        CURLcode rc = drive(slot, request.cancel, transfer);
        curl_easy_setopt(e, CURLOPT_ERRORBUFFER, nullptr);
        result.resent_by_libcurl = transfer.rewinds > 0;
        free_headers(headers);
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, nullptr);

        // Before a transfer starts, libcurl's per-transfer info still describes the previous
        // request of this pooled handle.
        long connects = 0, request_size = 0;
        if (transfer.started) {
            curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &connects);
            curl_easy_getinfo(e, CURLINFO_REQUEST_SIZE, &request_size);
        }
        // A reused connection that died is retried by libcurl on a fresh one, which counts as
        // a connect; a body it could not rewind for that retry is the sign it happened.
        result.reused_connection =
            (transfer.started && connects == 0) || rc == CURLE_SEND_FAIL_REWIND;

        if (rc == CURLE_OK) {
            curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &result.status);
            result.request_sent = true;
            return result;
        }
        // libcurl's detailed text ("SSL certificate problem: certificate has expired") names
        // hosts and certificate problems, never request headers or bodies.
        result.failure_message = error_text[0] ? error_text : curl_easy_strerror(rc);
        if (rc == CURLE_ABORTED_BY_CALLBACK) {
            result.failure = FailureKind::Cancelled;
            result.request_sent = request_size > 0 || transfer.body_read;
        } else if (transfer.too_large) {
            result.failure = FailureKind::Protocol;
            result.request_sent = true;
            result.failure_message =
                "response larger than " + std::to_string(config_.max_response_bytes) + " bytes";
        } else if (is_tls(rc)) {
            result.failure = FailureKind::Tls;
            result.request_sent = false;
        } else if (is_connect_phase(rc)) {
            result.failure = FailureKind::Network;
            result.request_sent = false;
        } else if (rc == CURLE_OPERATION_TIMEDOUT) {
            result.failure = FailureKind::Timeout;
            result.request_sent = request_size > 0 || transfer.body_read;
        } else if (rc == CURLE_OUT_OF_MEMORY) {
            result.failure = FailureKind::NoMemory;
            result.request_sent = request_size > 0 || transfer.body_read;
        } else if (rc == CURLE_WEIRD_SERVER_REPLY || rc == CURLE_BAD_CONTENT_ENCODING ||
                   rc == CURLE_PARTIAL_FILE) {
            // The server answered, but not with a whole HTTP response (a body cut short of its
            // Content-Length, a broken status line): the request was processed.
            result.failure = FailureKind::Protocol;
            result.request_sent = true;
        } else {
            result.failure = FailureKind::Network;
            result.request_sent = true;
        }
        return result;
    }

    // The options that are the same for every request of this transport.
    void configure(CURL *e) {
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(e, CURLOPT_SHARE, share_->handle);
        curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
        // HTTP/1.1 keeps libcurl's re-send rules (which we rely on below) simple and known.
        curl_easy_setopt(e, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
        curl_easy_setopt(e, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2);
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
        if (!config_.ca_file.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, config_.ca_file.c_str());
        if (!config_.ca_path.empty()) curl_easy_setopt(e, CURLOPT_CAPATH, config_.ca_path.c_str());
        if (!config_.ca_blob.empty()) {
            curl_blob blob{const_cast<char *>(config_.ca_blob.data()), config_.ca_blob.size(),
                           CURL_BLOB_COPY};
            curl_easy_setopt(e, CURLOPT_CAINFO_BLOB, &blob);
        }
        if (!config_.pinned_public_key.empty())
            curl_easy_setopt(e, CURLOPT_PINNEDPUBLICKEY, config_.pinned_public_key.c_str());
        if (!config_.proxy.empty()) curl_easy_setopt(e, CURLOPT_PROXY, config_.proxy.c_str());
        curl_easy_setopt(e, CURLOPT_USERAGENT, config_.user_agent.c_str());
        curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_write);
        curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    }

    // Runs the transfer in the slot's multi handle, waking on socket activity or cancellation.
    CURLcode drive(Slot &slot, CancelToken *cancel, Transfer &transfer) {
        CURLM *multi = slot.multi;
        if (cancel && cancel->cancelled()) return CURLE_ABORTED_BY_CALLBACK;
        std::uint64_t wake_id = 0;
        if (cancel) wake_id = cancel->add_wakeup([multi] { curl_multi_wakeup(multi); });
        curl_multi_add_handle(multi, slot.easy);
        CURLcode rc = CURLE_OK;
        bool done = false;
        while (!done) {
            int running = 0;
            transfer.started = true;
            CURLMcode mc = curl_multi_perform(multi, &running);
            if (mc != CURLM_OK) {
                rc = mc == CURLM_OUT_OF_MEMORY ? CURLE_OUT_OF_MEMORY : CURLE_RECV_ERROR;
                break;
            }
            int queued = 0;
            while (CURLMsg *msg = curl_multi_info_read(multi, &queued)) {
                if (msg->msg == CURLMSG_DONE && msg->easy_handle == slot.easy) {
                    rc = msg->data.result;
                    done = true;
                }
            }
            if (done) break;
            if (cancel && cancel->cancelled()) {
                rc = CURLE_ABORTED_BY_CALLBACK;
                break;
            }
            curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
        }
        curl_multi_remove_handle(multi, slot.easy);
        if (cancel) cancel->remove_wakeup(wake_id);
        return rc;
    }

    TransportConfig config_;
    std::mutex mutex_;
    std::unique_ptr<Share> share_;
    std::vector<std::unique_ptr<Slot>> idle_;
    ForkGuard fork_guard_;
    std::uint64_t forks_seen_ = 0;
};

}  // namespace

std::unique_ptr<Transport> make_curl_transport(const TransportConfig &config) {
    return std::make_unique<CurlTransport>(config);
}

}  // namespace yativo::detail
