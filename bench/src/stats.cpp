#include "stats.hpp"

#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "alloc_count.hpp"

namespace bench {

namespace {
double tv_us(const timeval &tv) {
    return double(tv.tv_sec) * 1e6 + double(tv.tv_usec);
}
}  // namespace

std::uint64_t steady_ns() {
    return std::uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                             std::chrono::steady_clock::now().time_since_epoch())
                             .count());
}

Sample now() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    Sample s;
    s.cpu_us = tv_us(ru.ru_utime) + tv_us(ru.ru_stime);
    s.wall_us = double(steady_ns()) / 1e3;
    s.allocations = bench_heap_allocations();
    return s;
}

Sample operator-(const Sample &a, const Sample &b) {
    return Sample{a.cpu_us - b.cpu_us, a.wall_us - b.wall_us, a.allocations - b.allocations};
}

long rss_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    }
    return -1;
}

long heap_bytes() {
    struct mallinfo2 mi = mallinfo2();
    return long(mi.uordblks + mi.hblkhd);
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    // Nearest rank.
    auto rank = std::size_t(std::ceil(p / 100.0 * double(values.size())));
    if (rank == 0) rank = 1;
    return values[std::min(rank, values.size()) - 1];
}

std::string result_json(const std::string &bench, const std::string &client, long requests,
                        const Sample &d, const std::string &extra) {
    std::ostringstream out;
    out.precision(6);
    out << "{\"bench\":\"" << bench << "\",\"client\":\"" << client
        << "\",\"requests\":" << requests << ",\"cpu_us\":" << d.cpu_us
        << ",\"wall_us\":" << d.wall_us << ",\"allocations\":" << d.allocations;
    if (!extra.empty()) out << "," << extra;
    out << "}";
    return out.str();
}

}  // namespace bench
