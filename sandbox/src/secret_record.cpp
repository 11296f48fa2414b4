#include "secret_record.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace yvsb {

namespace {
std::atomic<int> record_fd{-1};
}

void open_secret_record(const std::string &path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
    int old = record_fd.exchange(fd);
    if (old >= 0) ::close(old);
}

void record_secret(std::string_view secret) noexcept {
    int fd = record_fd.load();
    if (fd < 0 || secret.empty()) return;
    std::string line;
    try {
        line.reserve(secret.size() + 1);
        line.append(secret);
        line += '\n';
    } catch (...) {
        return;
    }
    // O_APPEND makes each write land whole at the end, even with other writers.
    (void)!::write(fd, line.data(), line.size());
}

}  // namespace yvsb
