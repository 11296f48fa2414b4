// Start line, flags, signals, common headers, routing.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include "env_var.hpp"
#include "util.hpp"

extern char **environ;

namespace sbt {
namespace {

int run_and_wait(std::vector<std::string> args) {
    args.insert(args.begin(), YV_SANDBOX_EXE_PATH);
    std::vector<char *> argv;
    for (auto &a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return -100;
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(Startup, PrintsOneJsonLineWithBaseUrlAndSeeds) {
    SandboxProcess sb;
    EXPECT_TRUE(std::regex_match(sb.base_url(), std::regex(R"(http://127\.0\.0\.1:\d+/api/v1)")))
        << sb.base_url();
    EXPECT_FALSE(sb.session_token().empty());
    EXPECT_TRUE(std::regex_match(sb.totp_secret(), std::regex("[A-Z2-7]{16,}")))
        << sb.totp_secret();
    EXPECT_GT(sb.port(), 0);
}

TEST(Startup, SeedsComeFromFlags) {
    SandboxProcess sb({"--session-token", "sess-abc", "--totp-secret", "JBSWY3DPEHPK3PXP"});
    EXPECT_EQ(sb.session_token(), "sess-abc");
    EXPECT_EQ(sb.totp_secret(), "JBSWY3DPEHPK3PXP");
    Client c(sb);
    EXPECT_EQ(c.call("GET", "/apikey/list").status, 200);
    // The session token acts with every scope; a wrong one is refused.
    EXPECT_EQ(c.bearer("sess-abd", "GET", "/apikey/list").status, 401);
}

std::vector<std::string> read_lines(const std::string &path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

bool has(const std::vector<std::string> &lines, const std::string &s) {
    return std::find(lines.begin(), lines.end(), s) != lines.end();
}

// --record-secrets: every secret handed out is appended, one per line; public ids are not.
TEST(Startup, RecordSecretsListsEverySecretHandedOut) {
    char dir[] = "/tmp/yvsb-record-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    std::string path = std::string(dir) + "/secrets.txt";
    SandboxProcess sb({"--record-secrets", path});
    Client c(sb);
    Creds key = c.create_key(R"(["read"])");
    std::string token = c.token(key);
    auto rotated = c.call("POST", "/apikey/" + key.id + "/rotate", "", {c.code_header()});
    ASSERT_EQ(rotated.status, 200);
    std::string rotated_secret = data_str(rotated, "api_secret");
    auto hook = c.call("POST", "/webhook/create",
                       R"({"url":"https://example.com/h","events":["transaction.completed"]})");
    ASSERT_EQ(hook.status, 201);

    auto lines = read_lines(path);
    EXPECT_TRUE(has(lines, sb.session_token()));
    EXPECT_TRUE(has(lines, sb.totp_secret()));
    EXPECT_TRUE(has(lines, key.api_secret));
    EXPECT_TRUE(has(lines, rotated_secret));
    EXPECT_TRUE(has(lines, token));
    EXPECT_TRUE(has(lines, data_str(hook, "secret")));
    EXPECT_FALSE(has(lines, key.api_key));
    EXPECT_FALSE(has(lines, key.id));
    std::filesystem::remove_all(dir);
}

// Without the flag, YATIVO_SANDBOX_RECORD_SECRETS names the file: a whole test run records into
// one file without every harness passing the flag.
TEST(Startup, RecordSecretsFallsBackToTheEnvironment) {
    char dir[] = "/tmp/yvsb-record-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    std::string path = std::string(dir) + "/secrets.txt";
    {
        yvtest::EnvVar record("YATIVO_SANDBOX_RECORD_SECRETS", path.c_str());
        SandboxProcess sb({"--session-token", "sess-env-recorded"});
        auto lines = read_lines(path);
        EXPECT_TRUE(has(lines, "sess-env-recorded"));
        EXPECT_TRUE(has(lines, sb.totp_secret()));
    }
    EXPECT_EQ(run_and_wait({"--record-secrets", std::string(dir) + "/missing/x"}), 1);
    EXPECT_EQ(run_and_wait({"--record-secrets="}), 2);
    std::filesystem::remove_all(dir);
}

TEST(Startup, SigtermAndSigintExitZero) {
    SandboxProcess a;
    EXPECT_EQ(a.terminate(), 0);
    SandboxProcess b;
    kill(b.pid(), SIGINT);
    int status = 0;
    ASSERT_EQ(waitpid(b.pid(), &status, 0), b.pid());
    EXPECT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(Startup, SigtermWhileRequestsAreInFlightStillExitsZero) {
    SandboxProcess sb;
    sb.fault(R"({"path":"*","mode":"delay","delay_ms":5000,"count":4})");
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&] { Client(sb).call("GET", "/apikey/list"); });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(sb.terminate(), 0);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    for (auto &t : threads) t.join();
}

TEST(Startup, BadFlagsExitTwoAndBadSecretExitsOne) {
    EXPECT_EQ(run_and_wait({"--no-such-flag"}), 2);
    EXPECT_EQ(run_and_wait({"--port", "70000"}), 2);
    EXPECT_EQ(run_and_wait({"--totp-period", "0"}), 2);
    EXPECT_EQ(run_and_wait({"--tls-cert", "/nonexistent.pem"}), 2);  // needs --tls-key too
    EXPECT_EQ(run_and_wait({"--totp-secret", "not base32 !!"}), 1);
    EXPECT_EQ(run_and_wait({"--tls-cert", "/nonexistent.pem", "--tls-key", "/nonexistent.key"}), 1);
    EXPECT_EQ(run_and_wait({"--help"}), 0);
}

TEST(Startup, EveryApiResponseHasRequestIdDateAndRateLimitHeaders) {
    SandboxProcess sb;
    Client c(sb);
    for (auto r : {c.call("GET", "/apikey/list"), c.anon("GET", "/apikey/list"),
                   c.call("GET", "/no/such/path"), c.call("POST", "/balance/check", "{")}) {
        EXPECT_TRUE(std::regex_match(r.header("X-Request-Id"), std::regex("req_[0-9a-f]{24}")));
        EXPECT_FALSE(r.header("X-RateLimit-Limit").empty());
        EXPECT_FALSE(r.header("X-RateLimit-Remaining").empty());
        long reset = std::stol(r.header("X-RateLimit-Reset"));
        EXPECT_GE(reset, static_cast<long>(std::time(nullptr)));
        EXPECT_LE(reset, static_cast<long>(std::time(nullptr)) + 61);
        // Date: an IMF-fixdate within a few seconds of now.
        std::tm tm{};
        ASSERT_NE(strptime(r.header("Date").c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm), nullptr)
            << r.header("Date");
        EXPECT_LT(std::abs(static_cast<long>(timegm(&tm) - std::time(nullptr))), 5);
        EXPECT_EQ(r.header("Content-Type"), "application/json");
    }
    // Two requests never share an id.
    EXPECT_NE(c.call("GET", "/apikey/list").header("X-Request-Id"),
              c.call("GET", "/apikey/list").header("X-Request-Id"));
}

TEST(Startup, ApiAliasTrailingSlashAndUnknownPaths) {
    SandboxProcess sb;
    Client c(sb);
    auto alias = http_call("GET", sb.root_url() + "/api/apikey/list",
                           {"Authorization: Bearer " + sb.session_token()});
    EXPECT_EQ(alias.status, 200) << alias.body;
    EXPECT_EQ(c.call("GET", "/apikey/list/").status, 200);

    auto missing = c.call("GET", "/no/such/path");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(str(parse(missing.body), "error"), "not_found");
    auto outside = http_call("GET", sb.root_url() + "/elsewhere");
    EXPECT_EQ(outside.status, 404);
    EXPECT_EQ(str(parse(outside.body), "error"), "not_found");

    // A known path with the wrong method: 405 with Allow (the SDK's token-path fallback).
    auto wrong = c.call("GET", "/auth/token");
    EXPECT_EQ(wrong.status, 405);
    EXPECT_EQ(wrong.header("Allow"), "POST");
    EXPECT_EQ(str(parse(wrong.body), "error"), "method_not_allowed");
    EXPECT_EQ(c.call("DELETE", "/apikey/list").status, 405);

    // Stats count both prefixes under one relative path.
    EXPECT_EQ(sb.path_count("/apikey/list"), 3);  // alias, trailing slash, DELETE
    EXPECT_EQ(sb.path_count("/no/such/path"), 1);
}

}  // namespace
}  // namespace sbt

namespace sbt {
namespace {

// Whether `pid` has ended (gone, or a zombie nobody reaped yet).
bool ended(pid_t pid) {
    if (kill(pid, 0) != 0) return errno == ESRCH;
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    auto close_paren = line.rfind(')');
    return close_paren != std::string::npos && line.size() > close_paren + 2 &&
           line[close_paren + 2] == 'Z';
}

bool ends_within(pid_t pid, std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        if (ended(pid)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return ended(pid);
}

// Starts a sandbox from a child process that then dies without stopping it; returns its pid.
pid_t orphan_a_sandbox(bool exit_with_parent) {
    int fds[2];
    EXPECT_EQ(pipe(fds), 0);
    pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        std::vector<std::string> args = {YV_SANDBOX_EXE_PATH, "--port", "0"};
        if (exit_with_parent) args.push_back("--exit-with-parent");
        std::vector<char *> argv;
        for (auto &a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        pid_t sandbox = -1;
        posix_spawn(&sandbox, argv[0], &actions, nullptr, argv.data(), environ);
        // Let it reach its prctl before this process ends.
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        (void)!write(fds[1], &sandbox, sizeof sandbox);
        _exit(0);
    }
    close(fds[1]);
    pid_t sandbox = -1;
    EXPECT_EQ(read(fds[0], &sandbox, sizeof sandbox), static_cast<ssize_t>(sizeof sandbox));
    close(fds[0]);
    waitpid(child, nullptr, 0);
    return sandbox;
}

}  // namespace

// A crashed test binary must not leave its sandbox running (holding ctest's output pipe).
TEST(Startup, ExitWithParentEndsTheSandboxWithItsParent) {
    pid_t orphan = orphan_a_sandbox(true);
    ASSERT_GT(orphan, 0);
    EXPECT_TRUE(ends_within(orphan, std::chrono::seconds(10)));
    // Control: without the flag the orphan lives on (and is stopped here).
    pid_t survivor = orphan_a_sandbox(false);
    ASSERT_GT(survivor, 0);
    EXPECT_FALSE(ends_within(survivor, std::chrono::milliseconds(500)));
    kill(survivor, SIGKILL);
}

}  // namespace sbt
