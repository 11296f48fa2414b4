#include "cli_run.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string_view>

#include <gtest/gtest.h>

extern char **environ;

namespace clitest {

namespace {

void set_nonblocking(int fd) {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

bool is_log_line(std::string_view line) {
    for (const char *prefix :
         {"yativo debug: ", "yativo info: ", "yativo warn: ", "yativo error: "})
        if (line.rfind(prefix, 0) == 0) return true;
    return false;
}

// Moves the core's log lines (YATIVO_LOG) out of stderr, so the tests' checks of stderr see
// what a user without YATIVO_LOG sees.
void split_log_lines(CliResult &result) {
    std::string rest;
    for (std::size_t start = 0; start < result.err.size();) {
        std::size_t end = result.err.find('\n', start);
        end = end == std::string::npos ? result.err.size() : end + 1;
        std::string_view line(result.err.data() + start, end - start);
        (is_log_line(line) ? result.log : rest).append(line);
        start = end;
    }
    result.err = std::move(rest);
}

// The command words of a command line (`keys create`), without the options and their values.
std::vector<std::string> command_words(const std::vector<std::string> &args) {
    static const char *const kTakesValue[] = {
        "--environment", "--base-url",    "--api-key",         "--api-secret", "--access-token",
        "--auth",        "--totp-secret", "--totp-period",     "--totp",       "--timeout",
        "--name",        "--permissions", "--expires-in-days", "--data",       "--idempotency-key",
        "--secret",      "--body",        "--header",          "--tolerance",  "--totp-code"};
    std::vector<std::string> words;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a.rfind("-", 0) != 0 || a == "-") {
            words.push_back(a);
        } else if (a.find('=') == std::string::npos &&
                   std::find(std::begin(kTakesValue), std::end(kTakesValue), a) !=
                       std::end(kTakesValue)) {
            ++i;
        }
    }
    return words;
}

// keys create / keys rotate / token / totp print a secret by design (SPEC §7), and so do the
// generated commands of the sensitive endpoints (api-keys create / rotate, webhooks create):
// their stdout is not echoed. Anything else printing a secret is a leak the scan must find.
bool prints_secret_by_design(const std::vector<std::string> &args) {
    auto words = command_words(args);
    if (words.empty()) return false;
    if (words[0] == "token" || words[0] == "totp") return true;
    if (words.size() < 2) return false;
    if (words[0] == "keys" || words[0] == "api-keys")
        return words[1] == "create" || words[1] == "rotate";
    return words[0] == "webhooks" && words[1] == "create";
}

// The arguments are not echoed: tests pass secrets there on purpose.
void echo(const CliRun &run, const CliResult &result) {
    std::string text =
        "[cli run] exit " + std::to_string(result.exit_code) + "\n" + result.log + result.err;
    if (!prints_secret_by_design(run.args)) text += result.out;
    if (!text.empty() && text.back() != '\n') text += '\n';
    std::fwrite(text.data(), 1, text.size(), stdout);
}

}  // namespace

CliResult run_cli(const CliRun &run) {
    int in[2], out[2], err[2];
    if (pipe(in) || pipe(out) || pipe(err)) throw std::runtime_error("pipe failed");

    std::vector<std::string> env_strings;
    for (char **e = environ; *e; ++e)
        if (std::strncmp(*e, "YATIVO_", 7) != 0 ||
            (std::strncmp(*e, "YATIVO_LOG=", 11) == 0 && !run.env.count("YATIVO_LOG")))
            env_strings.emplace_back(*e);
    for (const auto &[k, v] : run.env) env_strings.push_back(k + "=" + v);
    std::vector<char *> envp;
    for (auto &s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);

    std::vector<std::string> argv_strings = {YV_CLI_EXE};
    argv_strings.insert(argv_strings.end(), run.args.begin(), run.args.end());
    std::vector<char *> argv;
    for (auto &s : argv_strings) argv.push_back(s.data());
    argv.push_back(nullptr);

    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);

    CliResult result;
    std::size_t written = 0;
    int in_fd = in[1];
    set_nonblocking(in_fd);
    if (run.stdin_data.empty()) {
        close(in_fd);
        in_fd = -1;
    }
    int out_fd = out[0], err_fd = err[0];
    while (out_fd >= 0 || err_fd >= 0) {
        std::vector<pollfd> fds;
        if (in_fd >= 0) fds.push_back({in_fd, POLLOUT, 0});
        if (out_fd >= 0) fds.push_back({out_fd, POLLIN, 0});
        if (err_fd >= 0) fds.push_back({err_fd, POLLIN, 0});
        if (poll(fds.data(), fds.size(), 30000) <= 0) break;
        for (const auto &p : fds) {
            if (!p.revents) continue;
            if (p.fd == in_fd) {
                ssize_t n =
                    write(in_fd, run.stdin_data.data() + written, run.stdin_data.size() - written);
                if (n > 0) written += static_cast<std::size_t>(n);
                if (n < 0 || written == run.stdin_data.size()) {
                    close(in_fd);
                    in_fd = -1;
                }
                continue;
            }
            char buffer[4096];
            ssize_t n = read(p.fd, buffer, sizeof buffer);
            std::string &sink = p.fd == out_fd ? result.out : result.err;
            if (n > 0) {
                sink.append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                close(p.fd);
                (p.fd == out_fd ? out_fd : err_fd) = -1;
            }
        }
    }
    if (in_fd >= 0) close(in_fd);
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    split_log_lines(result);
    echo(run, result);
    return result;
}

CliResult run_cli(const std::vector<std::string> &args,
                  const std::map<std::string, std::string> &env, const std::string &stdin_data) {
    return run_cli(CliRun{args, env, stdin_data});
}

rapidjson::Document parse_json(const std::string &text) {
    rapidjson::Document doc;
    doc.Parse(text.c_str(), text.size());
    EXPECT_FALSE(doc.HasParseError()) << "not JSON: " << text;
    return doc;
}

std::string str(const rapidjson::Value &obj, const char *key) {
    if (!obj.IsObject()) return {};
    auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || !it->value.IsString()) return {};
    return std::string(it->value.GetString(), it->value.GetStringLength());
}

int count_lines(const std::string &text) {
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

std::string temp_file(const std::string &name, const std::string &content) {
    // Removed when the test process exits.
    struct TempDir {
        std::string path;
        TempDir() {
            char pattern[] = "/tmp/yativo-cli-test-XXXXXX";
            const char *made = mkdtemp(pattern);
            if (!made) throw std::runtime_error("mkdtemp failed");
            path = made;
        }
        ~TempDir() {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    };
    static const TempDir dir;
    std::string path = dir.path + "/" + name;
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << content;
    f.close();
    chmod(path.c_str(), 0600);
    return path;
}

}  // namespace clitest
