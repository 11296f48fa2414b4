// Measurement helpers shared by the bench modes: process CPU (getrusage), wall clock, RSS/heap.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bench {

struct Sample {
    double cpu_us = 0;   // user + system CPU of the whole process, microseconds
    double wall_us = 0;  // steady clock
    std::uint64_t allocations = 0;
};

Sample now();
Sample operator-(const Sample &a, const Sample &b);

std::uint64_t steady_ns();
long rss_kib();     // VmRSS of /proc/self/status
long heap_bytes();  // bytes in use in glibc's heap (mallinfo2: arena + mmapped)
double percentile(std::vector<double> values, double p);  // p in [0, 100]

// One result line: {"bench":..,"client":..,"requests":N,"cpu_us":..,"wall_us":..,...}
std::string result_json(const std::string &bench, const std::string &client, long requests,
                        const Sample &d, const std::string &extra = "");

}  // namespace bench
