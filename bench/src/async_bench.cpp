// Many calls in flight from one thread (issue 18). Modes of yv_bench:
//   async-core  n=, delay_ms=, cap=, epoll=0|1   n list_accounts calls started at once on one
//               yativo::EventLoop (cap: its max_host_connections, 0 = the default), driven by the
//               loop's own run_once() (poll; epoll=0) or by an epoll loop through the watch/timer
//               hooks (epoll=1)
//   async-curl  n=, delay_ms=, cap=   the floor: n raw libcurl easy handles in one multi handle
//               (multi_socket driven by epoll), the same GET with the same headers, no decoding
// Before the timed part the client has made one call (token exchange, first connection); then a
// sandbox delay fault holds each of the next n account-list requests delay_ms in the server, and
// the n calls are started. Measured: wall time from the first start to the last completion, CPU
// of the client process (getrusage RUSAGE_SELF: the sandbox is another process), heap
// allocations, and memory: the growth of peak RSS (VmHWM, reset through /proc/self/clear_refs
// just before) over the RSS before, and the most heap in use (mallinfo2, sampled every 10 ms).
// The sandbox's stats say how many requests it held at once (max_in_flight) and whether every
// delay fault was taken (faults_pending).
#include "async_bench.hpp"

#include <curl/curl.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "raw_curl.hpp"
#include "stats.hpp"
#include "yativo/yativo.hpp"

namespace bench {

namespace {

long status_kib(const char *field) {
    std::ifstream status("/proc/self/status");
    std::string line, prefix = std::string(field) + ":";
    while (std::getline(status, line))
        if (line.rfind(prefix, 0) == 0) return std::stol(line.substr(prefix.size()));
    return -1;
}

// VmHWM := VmRSS (Linux 4.0+); false when the kernel refuses.
bool reset_peak_rss() {
    std::ofstream f("/proc/self/clear_refs");
    f << "5";
    f.flush();
    return bool(f);
}

struct SandboxStats {
    long connections = 0, requests = 0, max_in_flight = 0, faults_pending = 0;
};

SandboxStats sandbox_stats(const std::string &base_url) {
    std::string body = control(base_url, "/__sandbox/stats");
    rapidjson::Document doc;
    doc.Parse(body.c_str());
    if (doc.HasParseError() || !doc.IsObject()) throw std::runtime_error("bad stats answer");
    auto field = [&](const char *name) {
        auto it = doc.FindMember(name);
        return it != doc.MemberEnd() && it->value.IsInt64() ? long(it->value.GetInt64()) : -1L;
    };
    return {field("connections"), field("requests"), field("max_in_flight"),
            field("faults_pending")};
}

// Memory over the timed part: RSS before, the peak after, the most heap in use.
class Memory {
  public:
    void begin() {
        rss0_kib_ = status_kib("VmRSS");
        hwm_reset_ = reset_peak_rss();
        heap0_ = heap_max_ = heap_bytes();
        last_ns_ = steady_ns();
    }
    void sample() {
        std::uint64_t t = steady_ns();
        if (t - last_ns_ < 10000000ull) return;
        last_ns_ = t;
        heap_max_ = std::max(heap_max_, heap_bytes());
    }
    std::string json() {
        heap_max_ = std::max(heap_max_, heap_bytes());
        long hwm = status_kib("VmHWM");
        std::ostringstream out;
        out << "\"rss_before_kib\":" << rss0_kib_ << ",\"peak_rss_kib\":" << hwm
            << ",\"peak_rss_growth_kib\":" << (hwm_reset_ ? hwm - rss0_kib_ : -1)
            << ",\"peak_heap_growth_bytes\":" << heap_max_ - heap0_;
        return out.str();
    }

  private:
    long rss0_kib_ = 0, heap0_ = 0, heap_max_ = 0;
    bool hwm_reset_ = false;
    std::uint64_t last_ns_ = 0;
};

// An epoll set and a timerfd: the host loop of the epoll drivers.
class Epoll {
  public:
    Epoll() {
        ep_ = epoll_create1(EPOLL_CLOEXEC);
        tfd_ = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
        if (ep_ < 0 || tfd_ < 0) throw std::runtime_error("epoll/timerfd");
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = tfd_;
        epoll_ctl(ep_, EPOLL_CTL_ADD, tfd_, &ev);
    }
    ~Epoll() {
        close(tfd_);
        close(ep_);
    }
    Epoll(const Epoll &) = delete;
    Epoll &operator=(const Epoll &) = delete;

    void watch(int fd, bool read, bool write) {
        epoll_event ev{};
        ev.data.fd = fd;
        if (read) ev.events |= EPOLLIN;
        if (write) ev.events |= EPOLLOUT;
        auto it = watched_.find(fd);
        if (!read && !write) {
            if (it != watched_.end()) {
                epoll_ctl(ep_, EPOLL_CTL_DEL, fd, nullptr);
                watched_.erase(it);
            }
        } else if (it != watched_.end()) {
            epoll_ctl(ep_, EPOLL_CTL_MOD, fd, &ev);
        } else {
            epoll_ctl(ep_, EPOLL_CTL_ADD, fd, &ev);
            watched_.emplace(fd, true);
        }
    }
    // ms < 0: disarm; 0: at once (1 ns: a zero it_value disarms a timerfd).
    void arm(long ms) {
        itimerspec its{};
        if (ms == 0) its.it_value.tv_nsec = 1;
        if (ms > 0) {
            its.it_value.tv_sec = ms / 1000;
            its.it_value.tv_nsec = (ms % 1000) * 1000000L;
        }
        timerfd_settime(tfd_, 0, &its, nullptr);
    }
    // Waits up to wait_ms; on_socket(fd, read, write, error) per ready socket, on_timer() when
    // the timer expired.
    template <class OnSocket, class OnTimer>
    void wait(int wait_ms, OnSocket &&on_socket, OnTimer &&on_timer) {
        epoll_event evs[64];
        int n = epoll_wait(ep_, evs, 64, wait_ms);
        for (int i = 0; i < n; ++i) {
            if (evs[i].data.fd == tfd_) {
                std::uint64_t expirations;
                if (read(tfd_, &expirations, sizeof expirations) > 0) on_timer();
                continue;
            }
            on_socket(evs[i].data.fd, (evs[i].events & EPOLLIN) != 0,
                      (evs[i].events & EPOLLOUT) != 0,
                      (evs[i].events & (EPOLLERR | EPOLLHUP)) != 0);
        }
    }

  private:
    int ep_ = -1, tfd_ = -1;
    std::map<int, bool> watched_;
};

struct Completions {
    std::vector<double> ms;  // per call: its completion, ms after the first start
    long failures = 0;
    std::string first_error;
    std::uint64_t t0 = 0;
    void ok() { ms.push_back(double(steady_ns() - t0) / 1e6); }
    void failed(const std::string &why) {
        ok();
        if (failures++ == 0) first_error = why;
    }
};

std::string json_escape(const std::string &s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
    return out;
}

yativo::ClientOptions options_of(const AsyncArgs &a) {
    yativo::ClientOptions o;
    o.base_url = a.base_url;
    o.api_key = a.key;
    o.api_secret = yativo::Secret(a.secret);
    o.use_environment = false;
    return o;
}

// The core: n list_accounts calls on one EventLoop.
Sample run_core(const AsyncArgs &a, long n, long cap, bool epoll_driven, Memory &mem,
                Completions &done, const std::function<void()> &queue_fault) {
    yativo::Client client(options_of(a));
    client.list_accounts();  // the token exchange and the first connection, untimed
    Epoll ep;
    yativo::EventLoopOptions lo;
    if (cap > 0) lo.max_host_connections = cap;
    if (epoll_driven) {
        lo.watch = [&ep](int fd, int events) {
            ep.watch(fd, events & yativo::WatchRead, events & yativo::WatchWrite);
        };
        lo.timer = [&ep](long ms) { ep.arm(ms); };
    }
    yativo::EventLoop loop(lo);
    done.ms.reserve(std::size_t(n));
    queue_fault();
    mem.begin();
    Sample start = now();
    done.t0 = steady_ns();
    for (long i = 0; i < n; ++i)
        loop.start([&client] { client.list_accounts(); },
                   [&done](const yativo::Error *e) {
                       if (e)
                           done.failed(e->what());
                       else
                           done.ok();
                   });
    if (epoll_driven) {
        while (loop.in_flight() > 0) {
            ep.wait(
                1000,
                [&loop](int fd, bool r, bool w, bool err) {
                    loop.on_socket(fd, (r ? yativo::WatchRead : 0) | (w ? yativo::WatchWrite : 0) |
                                           (err ? yativo::WatchError : 0));
                },
                [&loop] { loop.on_timeout(); });
            mem.sample();
        }
    } else {
        while (loop.run_once(std::chrono::milliseconds(1000)) > 0) mem.sample();
    }
    return now() - start;
}

// The floor: n raw easy handles in one multi handle, multi_socket driven by epoll. Each handle
// is made, set up, run, checked and freed within the timed part, as the core does per call.
struct RawTransfer {
    CURL *easy = nullptr;
    std::string body;
};

size_t append(char *data, size_t size, size_t count, void *user) {
    static_cast<std::string *>(user)->append(data, size * count);
    return size * count;
}

Sample run_curl(const AsyncArgs &a, long n, long cap, Memory &mem, Completions &done,
                const std::function<void()> &queue_fault) {
    std::string token = exchange_token(a.base_url, a.key, a.secret);
    std::string url = a.base_url + "/accounts/get-accounts";
    Epoll ep;
    CURLM *multi = curl_multi_init();
    if (!multi) throw std::runtime_error("curl_multi_init");
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, cap > 0 ? cap : n);
    auto on_socket = [](CURL *, curl_socket_t s, int what, void *user, void *) -> int {
        auto *e = static_cast<Epoll *>(user);
        e->watch(s, what == CURL_POLL_IN || what == CURL_POLL_INOUT,
                 what == CURL_POLL_OUT || what == CURL_POLL_INOUT);
        return 0;
    };
    auto on_timer = [](CURLM *, long ms, void *user) -> int {
        static_cast<Epoll *>(user)->arm(ms);
        return 0;
    };
    curl_multi_setopt(multi, CURLMOPT_SOCKETFUNCTION, +on_socket);
    curl_multi_setopt(multi, CURLMOPT_SOCKETDATA, &ep);
    curl_multi_setopt(multi, CURLMOPT_TIMERFUNCTION, +on_timer);
    curl_multi_setopt(multi, CURLMOPT_TIMERDATA, &ep);
    std::vector<RawTransfer> transfers(static_cast<std::size_t>(n));
    done.ms.reserve(std::size_t(n));
    queue_fault();
    mem.begin();
    Sample start = now();
    done.t0 = steady_ns();
    curl_slist *headers = curl_slist_append(nullptr, ("Authorization: Bearer " + token).c_str());
    headers = curl_slist_append(headers, "Accept: application/json");
    for (auto &t : transfers) {
        t.easy = curl_easy_init();
        if (!t.easy) throw std::runtime_error("curl_easy_init");
        curl_easy_setopt(t.easy, CURLOPT_URL, url.c_str());
        curl_easy_setopt(t.easy, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(t.easy, CURLOPT_USERAGENT, "raw-libcurl-bench");
        curl_easy_setopt(t.easy, CURLOPT_WRITEFUNCTION, append);
        curl_easy_setopt(t.easy, CURLOPT_WRITEDATA, &t.body);
        curl_easy_setopt(t.easy, CURLOPT_PRIVATE, &t);
        curl_easy_setopt(t.easy, CURLOPT_NOSIGNAL, 1L);
        curl_multi_add_handle(multi, t.easy);
    }
    long left = n;
    int running = 0;
    auto reap = [&] {
        int queued = 0;
        while (CURLMsg *m = curl_multi_info_read(multi, &queued)) {
            if (m->msg != CURLMSG_DONE) continue;
            RawTransfer *t = nullptr;
            curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &t);
            long status = 0;
            curl_easy_getinfo(m->easy_handle, CURLINFO_RESPONSE_CODE, &status);
            if (m->data.result != CURLE_OK)
                done.failed(curl_easy_strerror(m->data.result));
            else if (status != 200)
                done.failed("HTTP " + std::to_string(status));
            else
                done.ok();
            curl_multi_remove_handle(multi, t->easy);
            curl_easy_cleanup(t->easy);
            t->easy = nullptr;
            --left;
        }
    };
    while (left > 0) {
        ep.wait(
            1000,
            [&](int fd, bool r, bool w, bool err) {
                int mask = (r ? CURL_CSELECT_IN : 0) | (w ? CURL_CSELECT_OUT : 0) |
                           (err ? CURL_CSELECT_ERR : 0);
                curl_multi_socket_action(multi, fd, mask, &running);
            },
            [&] { curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &running); });
        reap();
        mem.sample();
    }
    Sample d = now() - start;
    curl_multi_cleanup(multi);
    curl_slist_free_all(headers);
    return d;
}

}  // namespace

int async_run(const AsyncArgs &a) {
    long n = a.get("n", 1000), delay_ms = a.get("delay_ms", 200), cap = a.get("cap", 0);
    std::string driver = a.mode == "async-curl" ? "epoll" : (a.get("epoll", 0) ? "epoll" : "poll");
    SandboxStats before;
    // Right before the timed part, after the client's untimed first call.
    auto queue_fault = [&] {
        before = sandbox_stats(a.base_url);
        if (delay_ms > 0)
            control(a.base_url, "/__sandbox/faults",
                    "{\"path\":\"/accounts/get-accounts\",\"count\":" + std::to_string(n) +
                        ",\"mode\":\"delay\",\"delay_ms\":" + std::to_string(delay_ms) + "}");
    };
    Memory mem;
    Completions done;
    Sample d;
    if (a.mode == "async-core")
        d = run_core(a, n, cap, driver == "epoll", mem, done, queue_fault);
    else if (a.mode == "async-curl")
        d = run_curl(a, n, cap, mem, done, queue_fault);
    else
        throw std::runtime_error("unknown async mode " + a.mode);
    std::string memory = mem.json();
    SandboxStats after = sandbox_stats(a.base_url);
    std::string client = a.mode == "async-core" ? "core-" + driver : "curl-multi";
    if (cap <= 0) client += "-default-cap";
    std::ostringstream extra;
    extra.precision(6);
    extra << "\"in_flight\":" << n << ",\"delay_ms\":" << delay_ms
          << ",\"max_host_connections\":" << (cap > 0 ? std::to_string(cap) : "\"default\"")
          << ",\"driver\":\"" << driver << "\",\"failures\":" << done.failures
          << ",\"first_error\":\"" << json_escape(done.first_error) << "\"," << memory
          << ",\"first_done_ms\":" << percentile(done.ms, 0)
          << ",\"p50_done_ms\":" << percentile(done.ms, 50)
          << ",\"last_done_ms\":" << percentile(done.ms, 100)
          << ",\"sandbox_connections\":" << after.connections - before.connections
          << ",\"sandbox_requests\":" << after.requests - before.requests
          << ",\"sandbox_max_in_flight\":" << after.max_in_flight
          << ",\"sandbox_faults_pending\":" << after.faults_pending;
    std::printf("%s\n", result_json("async", client, n, d, extra.str()).c_str());
    // Every call completed, each one request, each one held by the fault.
    bool whole = done.failures == 0 && long(done.ms.size()) == n &&
                 after.requests - before.requests == n && after.faults_pending == 0;
    if (!whole)
        std::fprintf(stderr, "yv_bench %s: not the %ld delayed requests it should be\n",
                     a.mode.c_str(), n);
    return whole ? 0 : 1;
}

}  // namespace bench
