// yv_bench MODE BASE_URL [API_KEY API_SECRET] [name=value ...]: one benchmark run, one JSON line
// per result on stdout (bench/run.sh collects them). Modes:
//   setup BASE_URL SESSION_TOKEN TOTP_SECRET   a read key for the runs + a few accounts to list
//   core | curl | curl-json   n=, warmup=   the SDK's list_accounts vs a raw libcurl easy-handle
//                        loop (curl-json: the same loop that also parses each body with RapidJSON)
//   p1                   n=, warmup=, block=   the three above in one process, alternating blocks
//   of
//                        `block` requests so a shared machine's load hits them alike
//   threads-core | threads-curl  n= (per thread), threads=   one shared client vs one handle each
//   refresh              seconds=, threads=, delay_ms=   latencies during token refreshes
//   idle                 RSS and heap of a client, before and after its first call
//   page                 n=, warmup=, block=   a 100-transaction page (list_transactions, limit
//                        100) through the core vs raw libcurl vs raw libcurl + a RapidJSON parse,
//                        interleaved in one process: what decoding a large answer costs
//   async-core | async-curl   n=, delay_ms=, cap=, epoll=   many calls in flight from one thread
//                        (async_bench.cpp)
#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <rapidjson/document.h>

#include "async_bench.hpp"
#include "raw_curl.hpp"
#include "stats.hpp"
#include "yativo/yativo.hpp"

namespace {

using bench::Sample;

struct Args {
    std::string mode, base_url, key, secret;
    std::map<std::string, std::string> named;

    long get(const std::string &name, long fallback) const {
        auto it = named.find(name);
        return it == named.end() ? fallback : std::stol(it->second);
    }
};

yativo::ClientOptions key_options(const Args &a) {
    yativo::ClientOptions o;
    o.base_url = a.base_url;
    o.api_key = a.key;
    o.api_secret = yativo::Secret(a.secret);
    o.use_environment = false;
    return o;
}

int setup(const Args &a) {
    yativo::ClientOptions o;
    o.base_url = a.base_url;
    o.auth = yativo::AuthMode::Bearer;
    o.access_token = yativo::Secret(a.key);  // the session token
    o.totp_secret = yativo::Secret(a.secret);
    o.use_environment = false;
    yativo::Client session(std::move(o));
    // write: the P1w benchmark creates accounts; transactions: the page benchmark's history.
    auto key =
        session.create_api_key({"bench", {"read", "write", "transactions"}, std::nullopt, {}});
    std::string treasury;
    for (const char *name : {"Treasury", "Payroll", "Operations"}) {
        std::string id = session.create_account(name, "business").id;
        if (treasury.empty()) treasury = id;
    }
    // A history of 100 transfers for the page benchmark (one asset, so the account list keeps
    // its shape: three accounts).
    std::string asset = session.add_asset(treasury, "solana", "USDC_SOL").id;
    bench::control(a.base_url, "/__sandbox/deposit",
                   "{\"asset_id\":\"" + asset + "\",\"amount\":\"1000\"}");
    yativo::ClientOptions ko;
    ko.base_url = a.base_url;
    ko.api_key = key.api_key;
    ko.api_secret = key.api_secret;
    ko.use_environment = false;
    yativo::Client sender(std::move(ko));
    for (int i = 0; i < 100; ++i) {
        yativo::SendFunds s;
        s.account = treasury;
        s.assets = asset;
        s.receiving_address = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";
        s.amount = "1." + std::to_string(100 + i);
        s.type = "USDC";
        s.chain = "solana";
        s.category = "transfer";
        s.description = "bench transfer " + std::to_string(i);
        sender.send_funds(s);
    }
    std::printf("{\"api_key\":\"%s\",\"api_secret\":\"%s\"}\n", key.api_key.c_str(),
                key.api_secret.reveal().c_str());
    return 0;
}

template <typename Call>
Sample timed_loop(long n, Call &&call) {
    Sample start = bench::now();
    for (long i = 0; i < n; ++i) call();
    return bench::now() - start;
}

int single(const Args &a) {
    long n = a.get("n", 2000), warmup = a.get("warmup", 200);
    Sample d;
    std::size_t body = 0;
    if (a.mode == "core") {
        yativo::Client client(key_options(a));
        for (long i = 0; i < warmup; ++i) client.list_accounts();  // first one exchanges the token
        d = timed_loop(n, [&] { client.list_accounts(); });
        body = client.list_accounts().at(0).raw.envelope().json().size();
    } else {
        bench::RawCurl raw(a.base_url, bench::exchange_token(a.base_url, a.key, a.secret));
        // curl-json decodes as the core does (numbers kept as strings), into a fresh document.
        bool parse = a.mode == "curl-json";
        auto call = [&] {
            raw.list_accounts();
            if (parse) {
                rapidjson::Document doc;
                doc.Parse<rapidjson::kParseNumbersAsStringsFlag>(raw.body().data(),
                                                                 raw.body().size());
                if (doc.HasParseError() || !doc.IsObject()) throw std::runtime_error("bad JSON");
            }
        };
        for (long i = 0; i < warmup; ++i) call();
        d = timed_loop(n, call);
        body = raw.body().size();
    }
    std::printf("%s\n",
                bench::result_json("p1", a.mode, n, d, "\"payload_bytes\":" + std::to_string(body))
                    .c_str());
    return 0;
}

int interleaved(const Args &a) {
    long n = a.get("n", 2000), warmup = a.get("warmup", 200), block = a.get("block", 100);
    yativo::Client client(key_options(a));
    std::string token = bench::exchange_token(a.base_url, a.key, a.secret);
    bench::RawCurl raw(a.base_url, token), raw_json(a.base_url, token);
    auto parse = [&] {
        raw_json.list_accounts();
        rapidjson::Document doc;
        doc.Parse<rapidjson::kParseNumbersAsStringsFlag>(raw_json.body().data(),
                                                         raw_json.body().size());
        if (doc.HasParseError() || !doc.IsObject()) throw std::runtime_error("bad JSON");
    };
    for (long i = 0; i < warmup; ++i) {
        client.list_accounts();
        raw.list_accounts();
        parse();
    }
    // The figures are for a three-account answer: a sandbox that other benchmarks wrote to
    // (P1w creates accounts) would measure a longer one, run after run.
    if (std::size_t got = client.list_accounts().size(); got != 3)
        throw std::runtime_error("the account list holds " + std::to_string(got) +
                                 " accounts, not 3: run setup on a fresh sandbox");
    Sample total[3];
    const char *names[3] = {"core", "curl", "curl-json"};
    for (long done = 0, round = 0; done < n; done += block, ++round) {
        long k = std::min(block, n - done);
        for (int j = 0; j < 3; ++j) {
            int which = int((round + j) % 3);  // rotate the order too
            Sample d = which == 0   ? timed_loop(k, [&] { client.list_accounts(); })
                       : which == 1 ? timed_loop(k, [&] { raw.list_accounts(); })
                                    : timed_loop(k, parse);
            total[which].cpu_us += d.cpu_us;
            total[which].wall_us += d.wall_us;
            total[which].allocations += d.allocations;
        }
    }
    for (int j = 0; j < 3; ++j) {
        std::printf("%s\n", bench::result_json("p1", names[j], n, total[j],
                                               "\"interleaved_block\":" + std::to_string(block))
                                .c_str());
    }
    return 0;
}

// P1w: what a write costs with and without an idempotency key, interleaved in one process. A
// keyless write always takes a connection of its own (SPEC §4: libcurl must have no dead reused
// connection to re-send it on); a keyed one reuses the keep-alive connection.
int writes(const Args &a) {
    long n = a.get("n", 500), block = a.get("block", 50);
    yativo::Client client(key_options(a));
    client.list_accounts();  // the token exchange, outside the timing
    auto keyed = [&] {
        yativo::CallOptions call;
        call.idempotency_key = yativo::new_idempotency_key();
        client.create_account("bench-keyed", "business", call);
    };
    auto keyless = [&] { client.create_account("bench-keyless", "business"); };
    Sample total[2];
    const char *names[2] = {"keyed", "keyless"};
    for (long done = 0, round = 0; done < n; done += block, ++round) {
        long k = std::min(block, n - done);
        for (int j = 0; j < 2; ++j) {
            int which = int((round + j) % 2);
            Sample d = which == 0 ? timed_loop(k, keyed) : timed_loop(k, keyless);
            total[which].cpu_us += d.cpu_us;
            total[which].wall_us += d.wall_us;
            total[which].allocations += d.allocations;
        }
    }
    for (int j = 0; j < 2; ++j)
        std::printf("%s\n", bench::result_json("p1w", names[j], n, total[j],
                                               "\"interleaved_block\":" + std::to_string(block))
                                .c_str());
    return 0;
}

// A 100-transaction page: the same interleaving as P1, for an answer of ~80 KB. The core decodes
// it into 100 typed Transaction records; curl-json parses it into a DOM; curl reads it only.
int page(const Args &a) {
    long n = a.get("n", 500), warmup = a.get("warmup", 20), block = a.get("block", 25);
    const std::string path = "/transactions/get-transactions";
    const std::string body = "{\"page\":1,\"limit\":100}";
    yativo::Client client(key_options(a));
    yativo::TransactionQuery query;
    query.limit = 100;
    std::string token = bench::exchange_token(a.base_url, a.key, a.secret);
    bench::RawCurl raw(a.base_url, token, path, body), raw_json(a.base_url, token, path, body);
    std::size_t items = 0;
    auto core = [&] { items = client.list_transactions(query).size(); };
    auto parse = [&] {
        raw_json.call();
        rapidjson::Document doc;
        doc.Parse<rapidjson::kParseNumbersAsStringsFlag>(raw_json.body().data(),
                                                         raw_json.body().size());
        if (doc.HasParseError() || !doc.IsObject()) throw std::runtime_error("bad JSON");
    };
    for (long i = 0; i < warmup; ++i) {
        core();
        raw.call();
        parse();
    }
    if (items != 100)
        throw std::runtime_error("the page holds " + std::to_string(items) +
                                 " transactions, not 100: run setup on a fresh sandbox");
    Sample total[3];
    const char *names[3] = {"core", "curl", "curl-json"};
    for (long done = 0, round = 0; done < n; done += block, ++round) {
        long k = std::min(block, n - done);
        for (int j = 0; j < 3; ++j) {
            int which = int((round + j) % 3);
            Sample d = which == 0   ? timed_loop(k, core)
                       : which == 1 ? timed_loop(k, [&] { raw.call(); })
                                    : timed_loop(k, parse);
            total[which].cpu_us += d.cpu_us;
            total[which].wall_us += d.wall_us;
            total[which].allocations += d.allocations;
        }
    }
    for (int j = 0; j < 3; ++j)
        std::printf("%s\n", bench::result_json(
                                "page", names[j], n, total[j],
                                "\"items\":" + std::to_string(items) +
                                    ",\"payload_bytes\":" + std::to_string(raw.body().size()))
                                .c_str());
    return 0;
}

int threads(const Args &a) {
    long n = a.get("n", 500), count = a.get("threads", 16);
    std::atomic<long> failures{0};
    std::vector<std::thread> pool;
    Sample d;
    if (a.mode == "threads-core") {
        yativo::Client client(key_options(a));
        Sample start = bench::now();
        for (long t = 0; t < count; ++t) {
            pool.emplace_back([&] {
                for (long i = 0; i < n; ++i) {
                    try {
                        client.list_accounts();
                    } catch (const std::exception &) {
                        ++failures;
                    }
                }
            });
        }
        for (auto &t : pool) t.join();
        d = bench::now() - start;
    } else {
        std::string token = bench::exchange_token(a.base_url, a.key, a.secret);
        Sample start = bench::now();
        for (long t = 0; t < count; ++t) {
            pool.emplace_back([&] {
                bench::RawCurl raw(a.base_url, token);
                for (long i = 0; i < n; ++i) {
                    try {
                        raw.list_accounts();
                    } catch (const std::exception &) {
                        ++failures;
                    }
                }
            });
        }
        for (auto &t : pool) t.join();
        d = bench::now() - start;
    }
    std::printf("%s\n", bench::result_json("p3", a.mode, n * count, d,
                                           "\"threads\":" + std::to_string(count) +
                                               ",\"failures\":" + std::to_string(failures.load()))
                            .c_str());
    return failures.load() == 0 ? 0 : 1;
}

// Calls from several threads for a few seconds while the token (short --token-ttl) is refreshed
// at half-life; the exchange is slowed by a sandbox fault (delay_ms) so refresh windows are wide.
// Each call is classed by its interval: overlapping a refresh window on another thread than the
// refreshing one ("during"), the refreshing call itself ("refresher"), or neither ("outside").
int refresh(const Args &a) {
    long seconds = a.get("seconds", 10), count = a.get("threads", 4),
         delay_ms = a.get("delay_ms", 200);
    struct Window {
        std::uint64_t start = 0, end = 0;
        std::thread::id thread;
    };
    struct Call {
        std::uint64_t start, end;
        std::thread::id thread;
    };
    std::mutex mu;
    std::vector<Window> windows;
    auto opts = key_options(a);
    opts.log_level = yativo::LogLevel::Debug;
    opts.log = [&](yativo::LogLevel, std::string_view line) {
        std::uint64_t t = bench::steady_ns();
        if (line.rfind("token refresh started", 0) == 0) {
            std::lock_guard<std::mutex> lock(mu);
            windows.push_back({t, 0, std::this_thread::get_id()});
        } else if (line.rfind("token exchanged", 0) == 0 ||
                   line.rfind("token refresh failed", 0) == 0) {
            std::lock_guard<std::mutex> lock(mu);
            for (auto it = windows.rbegin(); it != windows.rend(); ++it) {
                if (it->end == 0 && it->thread == std::this_thread::get_id()) {
                    it->end = t;
                    break;
                }
            }
        }
    };
    yativo::Client client(std::move(opts));
    client.list_accounts();  // the first exchange (no valid token yet: that caller must wait)
    if (delay_ms > 0) {
        bench::control(a.base_url, "/__sandbox/faults",
                       "{\"path\":\"/auth/token\",\"count\":1000,\"mode\":\"delay\",\"delay_ms\":" +
                           std::to_string(delay_ms) + "}");
    }
    std::vector<std::vector<Call>> calls(static_cast<std::size_t>(count));
    std::atomic<long> failures{0};
    std::uint64_t stop = bench::steady_ns() + std::uint64_t(seconds) * 1000000000ull;
    std::vector<std::thread> pool;
    for (long t = 0; t < count; ++t) {
        pool.emplace_back([&, t] {
            auto &mine = calls[std::size_t(t)];
            while (bench::steady_ns() < stop) {
                std::uint64_t s = bench::steady_ns();
                try {
                    client.list_accounts();
                } catch (const std::exception &) {
                    ++failures;
                }
                mine.push_back({s, bench::steady_ns(), std::this_thread::get_id()});
            }
        });
    }
    for (auto &t : pool) t.join();

    std::vector<double> outside, during, refresher;
    for (const auto &per_thread : calls) {
        for (const auto &c : per_thread) {
            double ms = double(c.end - c.start) / 1e6;
            bool overlaps = false, refreshing = false;
            for (const auto &w : windows) {
                std::uint64_t end = w.end ? w.end : stop;
                if (c.start < end && c.end > w.start) {
                    overlaps = true;
                    if (w.thread == c.thread) refreshing = true;
                }
            }
            (refreshing ? refresher : overlaps ? during : outside).push_back(ms);
        }
    }
    auto group = [](const std::vector<double> &v) {
        std::ostringstream out;
        out.precision(4);
        out << "{\"calls\":" << v.size() << ",\"p50_ms\":" << bench::percentile(v, 50)
            << ",\"p99_ms\":" << bench::percentile(v, 99)
            << ",\"max_ms\":" << bench::percentile(v, 100) << "}";
        return out.str();
    };
    std::ostringstream extra;
    extra << "\"threads\":" << count << ",\"seconds\":" << seconds << ",\"delay_ms\":" << delay_ms
          << ",\"refreshes\":" << windows.size() << ",\"failures\":" << failures.load()
          << ",\"outside\":" << group(outside) << ",\"during\":" << group(during)
          << ",\"refresher\":" << group(refresher);
    std::printf("%s\n", bench::result_json("refresh", "core",
                                           long(outside.size() + during.size() + refresher.size()),
                                           Sample{}, extra.str())
                            .c_str());
    return failures.load() == 0 ? 0 : 1;
}

int idle(const Args &a) {
    curl_global_init(CURL_GLOBAL_DEFAULT);  // libcurl's own global state is not the client's
    long rss0 = bench::rss_kib(), heap0 = bench::heap_bytes();
    auto allocs0 = bench::now().allocations;
    yativo::Client client(key_options(a));
    long rss1 = bench::rss_kib(), heap1 = bench::heap_bytes();
    auto allocs1 = bench::now().allocations;
    client.list_accounts();  // token cached, one keep-alive connection open
    long rss2 = bench::rss_kib(), heap2 = bench::heap_bytes();
    std::ostringstream extra;
    extra << "\"rss_kib_before\":" << rss0 << ",\"construct_rss_kib\":" << rss1 - rss0
          << ",\"construct_heap_bytes\":" << heap1 - heap0
          << ",\"construct_allocations\":" << allocs1 - allocs0
          << ",\"after_call_rss_kib\":" << rss2 - rss0
          << ",\"after_call_heap_bytes\":" << heap2 - heap0;
    std::printf("%s\n", bench::result_json("p4", "idle", 0, Sample{}, extra.str()).c_str());
    return 0;
}

}  // namespace

int main(int argc, char **argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: yv_bench MODE BASE_URL [KEY SECRET] [name=value ...]\n");
        return 2;
    }
    Args a;
    a.mode = argv[1];
    a.base_url = argv[2];
    int i = 3;
    if (argc > 4) {
        a.key = argv[3];
        a.secret = argv[4];
        i = 5;
    }
    for (; i < argc; ++i) {
        std::string arg = argv[i];
        auto eq = arg.find('=');
        if (eq == std::string::npos) {
            std::fprintf(stderr, "yv_bench: expected name=value, got %s\n", argv[i]);
            return 2;
        }
        a.named[arg.substr(0, eq)] = arg.substr(eq + 1);
    }
    try {
        if (a.mode == "setup") return setup(a);
        if (a.mode == "core" || a.mode == "curl" || a.mode == "curl-json") return single(a);
        if (a.mode == "p1") return interleaved(a);
        if (a.mode == "writes") return writes(a);
        if (a.mode == "page") return page(a);
        if (a.mode == "threads-core" || a.mode == "threads-curl") return threads(a);
        if (a.mode == "refresh") return refresh(a);
        if (a.mode == "idle") return idle(a);
        if (a.mode == "async-core" || a.mode == "async-curl")
            return bench::async_run(
                {a.mode, a.base_url, a.key, a.secret,
                 [&a](const std::string &name, long fallback) { return a.get(name, fallback); }});
        std::fprintf(stderr, "yv_bench: unknown mode %s\n", a.mode.c_str());
        return 2;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "yv_bench %s: %s\n", a.mode.c_str(), e.what());
        return 1;
    }
}
