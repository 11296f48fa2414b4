#include "sandbox_process.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <poll.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <stdexcept>
#include <thread>

#include "http_call.hpp"

extern char **environ;

namespace yvtest {
namespace {

bool has_flag(const std::vector<std::string> &args, const std::string &flag) {
    for (const auto &a : args)
        if (a == flag || a.rfind(flag + "=", 0) == 0) return true;
    return false;
}

std::string flag_value(const std::vector<std::string> &args, const std::string &flag) {
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == flag && i + 1 < args.size()) return args[i + 1];
        if (args[i].rfind(flag + "=", 0) == 0) return args[i].substr(flag.size() + 1);
    }
    return {};
}

std::vector<uint8_t> base32_decode(const std::string &text) {
    std::vector<uint8_t> out;
    uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a';
        else if (c >= '2' && c <= '7')
            v = c - '2' + 26;
        else if (c == '=' || c == ' ')
            continue;
        else
            throw std::runtime_error("totp secret is not base32");
        buffer = (buffer << 5) | static_cast<uint32_t>(v);
        bits += 5;
        if (bits >= 8) {
            out.push_back(static_cast<uint8_t>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

std::string json_string(const std::string &s) {
    rapidjson::StringBuffer sb;
    rapidjson::Writer<rapidjson::StringBuffer> w(sb);
    w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
    return sb.GetString();
}

}  // namespace

SandboxProcess::SandboxProcess(std::vector<std::string> extra_args) {
    std::vector<std::string> args = {YV_SANDBOX_EXE};
    if (!has_flag(extra_args, "--port")) args.insert(args.end(), {"--port", "0"});
    if (!has_flag(extra_args, "--rate-limit")) args.insert(args.end(), {"--rate-limit", "0"});
    // A test binary that aborts must not leave its sandbox holding ctest's output pipe (ctest
    // would wait for its timeout). Tests create sandboxes on their main thread, whose end is the
    // process's end.
    args.push_back("--exit-with-parent");
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    std::string period = flag_value(extra_args, "--totp-period");
    if (!period.empty()) totp_period_ = std::stoi(period);
    ca_file_ = flag_value(extra_args, "--tls-cert");

    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    std::vector<char *> argv;
    for (auto &a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int rc = posix_spawn(&pid_, args[0].c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        pid_ = -1;
        throw std::runtime_error(std::string("cannot start ") + YV_SANDBOX_EXE + ": " +
                                 std::strerror(rc));
    }

    std::string line;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (line.find('\n') == std::string::npos) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                        deadline - std::chrono::steady_clock::now())
                        .count();
        pollfd p{fds[0], POLLIN, 0};
        if (left <= 0 || poll(&p, 1, static_cast<int>(left)) <= 0) break;
        char buf[4096];
        ssize_t n = read(fds[0], buf, sizeof buf);
        if (n <= 0) break;
        line.append(buf, static_cast<size_t>(n));
    }
    close(fds[0]);
    rapidjson::Document doc;
    line = line.substr(0, line.find('\n'));
    if (line.empty() || doc.Parse(line.c_str()).HasParseError() || !doc.IsObject() ||
        !doc.HasMember("base_url") || !doc["base_url"].IsString()) {
        terminate(2000);
        throw std::runtime_error("yativo-sandbox did not print its start line (got: " + line + ")");
    }
    base_url_ = doc["base_url"].GetString();
    session_token_ = doc["session_token"].GetString();
    totp_secret_ = doc["totp_secret"].GetString();
    root_url_ = base_url_.substr(0, base_url_.size() - std::strlen("/api/v1"));
    port_ = std::stoi(root_url_.substr(root_url_.rfind(':') + 1));
}

SandboxProcess::~SandboxProcess() {
    terminate();
}

int SandboxProcess::terminate(int timeout_ms) {
    if (pid_ <= 0) return exit_status_;
    kill(pid_, SIGTERM);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    int status = 0;
    while (true) {
        pid_t r = waitpid(pid_, &status, WNOHANG);
        if (r == pid_) {
            exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            break;
        }
        if (r < 0 && errno != EINTR) break;
        if (std::chrono::steady_clock::now() >= deadline) {
            kill(pid_, SIGKILL);
            waitpid(pid_, &status, 0);
            exit_status_ = -1;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    pid_ = -1;
    return exit_status_;
}

std::string SandboxProcess::control(const std::string &method, const std::string &path,
                                    const std::string &body) {
    HttpOptions options;
    options.ca_file = ca_file_;
    HttpResult r = http_call(method, root_url_ + path, {}, body, options);
    if (r.status != 200)
        throw std::runtime_error(method + " " + path + " answered " + std::to_string(r.status) +
                                 " " + r.error + " " + r.body);
    return r.body;
}

std::string SandboxProcess::stats_json() {
    return control("GET", "/__sandbox/stats", "");
}

long SandboxProcess::stat(const std::string &key) {
    rapidjson::Document doc;
    doc.Parse(stats_json().c_str());
    if (!doc.IsObject() || !doc.HasMember(key.c_str()) || !doc[key.c_str()].IsInt64())
        throw std::runtime_error("no numeric stat " + key);
    return static_cast<long>(doc[key.c_str()].GetInt64());
}

long SandboxProcess::path_count(const std::string &path) {
    rapidjson::Document doc;
    doc.Parse(stats_json().c_str());
    if (!doc.IsObject() || !doc.HasMember("paths")) throw std::runtime_error("no paths in stats");
    const auto &paths = doc["paths"];
    if (!paths.HasMember(path.c_str())) return 0;
    return static_cast<long>(paths[path.c_str()].GetInt64());
}

void SandboxProcess::fault(const std::string &json) {
    control("POST", "/__sandbox/faults", json);
}

void SandboxProcess::clear_faults() {
    control("DELETE", "/__sandbox/faults", "");
}

void SandboxProcess::deposit(const std::string &asset_id, const std::string &amount) {
    control("POST", "/__sandbox/deposit",
            "{\"asset_id\":" + json_string(asset_id) + ",\"amount\":" + json_string(amount) + "}");
}

void SandboxProcess::reset() {
    control("POST", "/__sandbox/reset", "");
}

int64_t SandboxProcess::totp_step_now() const {
    return static_cast<int64_t>(std::time(nullptr)) / totp_period_;
}

std::string SandboxProcess::totp_at_step(int64_t step) {
    std::vector<uint8_t> key = base32_decode(totp_secret_);
    uint8_t counter[8];
    uint64_t c = static_cast<uint64_t>(step);
    for (int i = 7; i >= 0; --i) {
        counter[i] = static_cast<uint8_t>(c & 0xff);
        c >>= 8;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), counter, sizeof counter, mac, &len);
    unsigned offset = mac[len - 1] & 0x0f;
    uint32_t bin = (static_cast<uint32_t>(mac[offset] & 0x7f) << 24) |
                   (static_cast<uint32_t>(mac[offset + 1]) << 16) |
                   (static_cast<uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
    std::string code = std::to_string(bin % 1000000);
    return std::string(6 - code.size(), '0') + code;
}

std::string SandboxProcess::totp_now() {
    return totp_at_step(totp_step_now());
}

}  // namespace yvtest
