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
#include <string_view>

#include "fork_guard.hpp"
#include "json_util.hpp"
#include "loop_core.hpp"
#include "transport.hpp"
#include "yativo/status.hpp"

namespace yativo::detail {

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

// A request's header list, wiped and freed on every way out: auth headers carry secrets. A slot
// keeps the last one it sent and reuses it while the next request's headers are the same (the
// common case: the same token and headers call after call), so libcurl's list is not rebuilt,
// reallocated and wiped per request.
struct HeaderList {
    curl_slist *list = nullptr;
    HeaderList() = default;
    HeaderList(const HeaderList &) = delete;
    HeaderList &operator=(const HeaderList &) = delete;
    ~HeaderList() { clear(); }
    void clear() noexcept {
        for (curl_slist *node = list; node; node = node->next)
            if (node->data) OPENSSL_cleanse(node->data, std::strlen(node->data));
        curl_slist_free_all(list);
        list = nullptr;
    }
    // Whether the list holds exactly `headers` followed by `last`.
    bool holds(const RequestHeaders &headers, const char *last) const noexcept {
        const curl_slist *node = list;
        for (const auto &h : headers) {
            if (!node || std::strcmp(node->data, h.str().c_str()) != 0) return false;
            node = node->next;
        }
        return node && std::strcmp(node->data, last) == 0 && !node->next;
    }
    // The list becomes `headers` followed by `last`. A failed append would silently drop a
    // header (the auth header among them): it throws, leaving the list empty.
    void assign(const RequestHeaders &headers, const char *last) {
        clear();
        for (const auto &h : headers) append(h.str().c_str());
        append(last);
    }

  private:
    void append(const char *line) {
        curl_slist *grown = curl_slist_append(list, line);
        if (!grown) {
            clear();
            throw Error(Status::NO_MEMORY, "out of memory building the request headers");
        }
        list = grown;
    }
};

struct Slot {
    CURL *easy = nullptr;
    CURLM *multi = nullptr;           // for blocking calls; made on first use
    bool configured = false;          // the options that never change are set once per handle
    HeaderList headers;               // the last request's headers (see HeaderList)
    std::string url;                  // the URL last set on the handle ("": none)
    std::uint64_t forks_seen = 0;     // the transport's forks_seen_ when it was checked out
    std::uint64_t headers_epoch = 0;  // the transport's headers_epoch_ when it was checked out
    char error_text[CURL_ERROR_SIZE] = {};  // CURLOPT_ERRORBUFFER, set once with the options
    Slot() {
        easy = curl_easy_init();
        if (!easy) throw Error(Status::NO_MEMORY, "libcurl handle allocation failed");
    }
    ~Slot() {
        curl_easy_cleanup(easy);
        if (multi) curl_multi_cleanup(multi);
    }
    // libcurl copies the URL when it is set: it is set again only when it changed, and the
    // request's two parts are compared where they lie, so an unchanged URL is never built.
    void set_url(std::string_view base, std::string_view path) {
        if (url.size() == base.size() + path.size() && url.compare(0, base.size(), base) == 0 &&
            url.compare(base.size(), path.size(), path) == 0)
            return;
        try {
            url.assign(base).append(path);
            if (curl_easy_setopt(easy, CURLOPT_URL, url.c_str()) != CURLE_OK)
                throw Error(Status::NO_MEMORY, "out of memory setting the request URL");
        } catch (...) {
            url.clear();  // never left claiming a URL the handle does not hold
            throw;
        }
    }
};

struct Transfer {
    const std::string *body = nullptr;
    std::size_t offset = 0;
    bool body_read = false;
    HttpResult *result = nullptr;
    std::size_t max_bytes = 0;
    bool too_large = false;
    bool out_of_memory = false;  // a callback could not store what libcurl gave it
    bool wipe_on_growth = false;
    bool started = false;  // libcurl began this transfer (its per-transfer info is this one's)
    int sends = 0;         // times a connection was ready to carry the request (PREREQFUNCTION)
    int max_sends = 1;
    bool send_refused = false;  // a re-send beyond max_sends was stopped before it left
};

// libcurl's callbacks are called from C frames: nothing may be thrown through them (an
// exception would skip libcurl's own clean-up). A failed allocation is recorded and ends the
// transfer with a write error instead.
size_t on_write(char *data, size_t size, size_t n, void *user) noexcept {
    auto *t = static_cast<Transfer *>(user);
    size_t len = size * n;
    if (t->max_bytes && t->result->body.size() + len > t->max_bytes) {
        t->too_large = true;
        return 0;
    }
    try {
        json::append_body(t->result->body, std::string_view(data, len), t->wipe_on_growth);
    } catch (...) {
        t->out_of_memory = true;
        return 0;
    }
    return len;
}

size_t on_header(char *data, size_t size, size_t n, void *user) noexcept {
    auto *t = static_cast<Transfer *>(user);
    size_t len = size * n;
    try {
        t->result->headers.add_line(std::string_view(data, len));
    } catch (...) {
        t->out_of_memory = true;
        return 0;
    }
    return len;
}

size_t on_read(char *buffer, size_t size, size_t n, void *user) noexcept {
    auto *t = static_cast<Transfer *>(user);
    t->body_read = true;
    size_t left = t->body->size() - t->offset;
    size_t len = std::min(left, size * n);
    std::memcpy(buffer, t->body->data() + t->offset, len);
    t->offset += len;
    return len;
}

int on_seek(void *user, curl_off_t offset, int origin) noexcept {
    auto *t = static_cast<Transfer *>(user);
    if (origin != SEEK_SET || offset < 0 || static_cast<size_t>(offset) > t->body->size())
        return CURL_SEEKFUNC_CANTSEEK;
    t->offset = static_cast<size_t>(offset);
    return CURL_SEEKFUNC_OK;
}

// Called each time a connection (new or reused) is ready and the request is about to go on it:
// the count of sends is measured here, not inferred from how the transfer ended. libcurl calls
// it again for its own re-send after a reused connection died; beyond max_sends that re-send is
// refused before a byte of it leaves.
int on_prereq(void *user, char *, char *, int, int) noexcept {
    auto *t = static_cast<Transfer *>(user);
    if (t->sends >= t->max_sends) {
        t->send_refused = true;
        return CURL_PREREQFUNC_ABORT;
    }
    ++t->sends;
    return CURL_PREREQFUNC_OK;
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
        // Only the header lists are wiped and freed (memory alone: safe in the child); the
        // handles, sockets and TLS state are the parent's.
        for (auto &slot : idle_) {
            slot->headers.clear();
            (void)slot.release();
        }
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
        slot->headers_epoch = headers_epoch_;
        return slot;
    }

    void checkin(std::unique_ptr<Slot> slot) {
        std::lock_guard<std::mutex> lock(mutex_);
        leave_parent_state_locked();
        // Checked out before a fork made during the call (from a log hook): the parent's.
        if (slot->forks_seen != forks_seen_) {
            slot->headers.clear();
            (void)slot.release();
            return;
        }
        // The credentials changed while it was out: the list it kept carries the old ones.
        if (slot->headers_epoch != headers_epoch_) slot->headers.clear();
        idle_.push_back(std::move(slot));
    }

  public:
    void forget_headers() override {
        std::lock_guard<std::mutex> lock(mutex_);
        ++headers_epoch_;
        for (auto &slot : idle_) slot->headers.clear();
    }

  private:
    HttpResult run(Slot &slot, HttpRequest &request) {
        HttpResult result;
        result.body = json::spare_body();  // decode gives it back once the answer is parsed
        Transfer transfer;
        transfer.body = &request.body;
        transfer.result = &result;
        transfer.max_bytes = config_.max_response_bytes;
        transfer.wipe_on_growth = request.sensitive_response;
        transfer.max_sends = request.may_resend ? std::max(1, request.max_sends) : 1;

        // No "Expect: 100-continue" round trip before a body.
        static const char *const kLast = "Expect:";
        if (!slot.headers.holds(request.headers, kLast))
            slot.headers.assign(request.headers, kLast);

        CURL *e = slot.easy;
        if (!slot.configured) {
            configure(e);
            curl_easy_setopt(e, CURLOPT_ERRORBUFFER, slot.error_text);
        }
        slot.set_url(request.base_url, request.path);
        curl_easy_setopt(
            e, CURLOPT_CONNECTTIMEOUT_MS,
            static_cast<long>(std::max<long long>(1, request.connect_timeout.count())));
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS,
                         static_cast<long>(std::max<long long>(1, request.timeout.count())));
        curl_easy_setopt(e, CURLOPT_WRITEDATA, &transfer);
        curl_easy_setopt(e, CURLOPT_HEADERDATA, &transfer);
        curl_easy_setopt(e, CURLOPT_PREREQDATA, &transfer);
        slot.configured = true;
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, slot.headers.list);

        // The handle is reused: every per-request option is set (or cleared) on every call.
        // A request that may not be repeated takes a connection of its own: libcurl re-sends
        // only on a reused connection, so it never meets one that died under this request.
        curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, request.may_resend ? 0L : 1L);
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, nullptr);
        curl_easy_setopt(e, CURLOPT_SEEKFUNCTION, nullptr);
        if (request.method == "GET") {
            curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
        } else if (request.method == "DELETE" && !request.has_body) {
            curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, "DELETE");
        } else {
            // The body goes through a read callback; only a request that may be repeated gets a
            // seek callback, so libcurl cannot rewind the body of any other.
            curl_easy_setopt(e, CURLOPT_POST, 1L);
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE,
                             static_cast<curl_off_t>(request.body.size()));
            curl_easy_setopt(e, CURLOPT_READFUNCTION, on_read);
            curl_easy_setopt(e, CURLOPT_READDATA, &transfer);
            if (request.may_resend) {
                curl_easy_setopt(e, CURLOPT_SEEKFUNCTION, on_seek);
                curl_easy_setopt(e, CURLOPT_SEEKDATA, &transfer);
            }
            if (request.method != "POST")
                curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        }

        slot.error_text[0] = '\0';
        CURLcode rc = drive(slot, request.cancel, transfer);
        // A list holding a value for this request alone (a 2FA code) is not kept.
        if (request.one_time_headers) {
            curl_easy_setopt(e, CURLOPT_HTTPHEADER, nullptr);
            slot.headers.clear();
        }
        result.sends = transfer.sends;

        // Before a transfer starts, libcurl's per-transfer info still describes the previous
        // request of this pooled handle.
        long connects = 0, request_size = 0;
        if (transfer.started) {
            curl_easy_getinfo(e, CURLINFO_NUM_CONNECTS, &connects);
            curl_easy_getinfo(e, CURLINFO_REQUEST_SIZE, &request_size);
        }
        // A reused connection that died is retried by libcurl on a fresh one, which counts as
        // a connect; a body it could not rewind for that retry is the sign it happened.
        result.reused_connection = (transfer.started && connects == 0) ||
                                   rc == CURLE_SEND_FAIL_REWIND || transfer.sends > 1 ||
                                   transfer.send_refused;

        if (rc == CURLE_OK) {
            curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &result.status);
            result.request_sent = true;
            return result;
        }
        // Whether the request may have reached the server is what libcurl measured: a
        // connection was ready to carry it, its body was read, or request bytes were counted.
        // Never the error code alone: a reused connection that dies after the server read the
        // request, followed by a refused reconnect, ends in CURLE_COULDNT_CONNECT.
        result.request_sent = transfer.sends > 0 || transfer.body_read || request_size > 0;
        // libcurl's detailed text ("SSL certificate problem: certificate has expired") names
        // hosts and certificate problems, never request headers or bodies.
        result.failure_message = slot.error_text[0] ? slot.error_text : curl_easy_strerror(rc);
        if (transfer.send_refused) {
            result.failure = FailureKind::Network;
            result.failure_message =
                "the connection closed after the request was sent, before an answer";
        } else if (rc == CURLE_ABORTED_BY_CALLBACK) {
            result.failure = FailureKind::Cancelled;
        } else if (transfer.too_large) {
            result.failure = FailureKind::Protocol;
            result.failure_message =
                "response larger than " + std::to_string(config_.max_response_bytes) + " bytes";
        } else if (transfer.out_of_memory || rc == CURLE_OUT_OF_MEMORY) {
            result.failure = FailureKind::NoMemory;
            result.failure_message = "out of memory while receiving the answer";
        } else if (is_tls(rc)) {
            result.failure = FailureKind::Tls;
        } else if (rc == CURLE_OPERATION_TIMEDOUT) {
            result.failure = FailureKind::Timeout;
        } else if (rc == CURLE_WEIRD_SERVER_REPLY || rc == CURLE_BAD_CONTENT_ENCODING ||
                   rc == CURLE_PARTIAL_FILE) {
            // The server answered, but not with a whole HTTP response (a body cut short of its
            // Content-Length, a broken status line): the request was processed.
            result.failure = FailureKind::Protocol;
            result.request_sent = true;
        } else {
            result.failure = FailureKind::Network;
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
        curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, on_prereq);
    }

    // Runs the transfer in the slot's multi handle, waking on socket activity or cancellation.
    // The handle leaves the multi handle and the wake-up is unregistered on every way out.
    CURLcode drive(Slot &slot, CancelToken *cancel, Transfer &transfer) {
        if (cancel && cancel->cancelled()) return CURLE_ABORTED_BY_CALLBACK;
        // A call on an EventLoop: the loop's multi handle carries the transfer, and the call
        // gives the loop back until it ends.
        if (Fiber *fiber = Fiber::current()) {
            transfer.started = true;
            return fiber->loop().transfer(*fiber, slot.easy, cancel);
        }
        if (!slot.multi) {
            slot.multi = curl_multi_init();
            if (!slot.multi) return CURLE_OUT_OF_MEMORY;
        }
        CURLM *multi = slot.multi;
        struct Wakeup {
            CancelToken *cancel;
            std::uint64_t id = 0;
            ~Wakeup() {
                if (cancel) cancel->remove_wakeup(id);
            }
        } wakeup{cancel};
        if (cancel) wakeup.id = cancel->add_wakeup([multi] { curl_multi_wakeup(multi); });
        CURLMcode added = curl_multi_add_handle(multi, slot.easy);
        if (added != CURLM_OK)
            return added == CURLM_OUT_OF_MEMORY ? CURLE_OUT_OF_MEMORY : CURLE_FAILED_INIT;
        struct Attached {
            CURLM *multi;
            CURL *easy;
            ~Attached() { curl_multi_remove_handle(multi, easy); }
        } attached{multi, slot.easy};
        for (;;) {
            int running = 0;
            transfer.started = true;
            CURLMcode mc = curl_multi_perform(multi, &running);
            if (mc != CURLM_OK)
                return mc == CURLM_OUT_OF_MEMORY ? CURLE_OUT_OF_MEMORY : CURLE_RECV_ERROR;
            int queued = 0;
            while (CURLMsg *msg = curl_multi_info_read(multi, &queued))
                if (msg->msg == CURLMSG_DONE && msg->easy_handle == slot.easy)
                    return msg->data.result;
            if (cancel && cancel->cancelled()) return CURLE_ABORTED_BY_CALLBACK;
            curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
        }
    }

    TransportConfig config_;
    std::mutex mutex_;
    std::unique_ptr<Share> share_;
    std::vector<std::unique_ptr<Slot>> idle_;
    ForkGuard fork_guard_;
    std::uint64_t forks_seen_ = 0;
    std::uint64_t headers_epoch_ = 0;  // moved on by forget_headers()
};

}  // namespace

std::unique_ptr<Transport> make_curl_transport(const TransportConfig &config) {
    return std::make_unique<CurlTransport>(config);
}

}  // namespace yativo::detail
