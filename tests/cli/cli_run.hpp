// Runs the yativo binary as a user would: argv, environment, stdin in; exit code, stdout and
// stderr out. The YATIVO_* variables of the test process are never inherited, except YATIVO_LOG:
// make test runs with YATIVO_LOG=debug, and every run's log lines, stderr and (unless printing a
// secret is the command's purpose) stdout are echoed to the test's output, which make test then
// searches for secrets (scripts/scan-secrets.sh).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <rapidjson/document.h>

namespace clitest {

struct CliResult {
    int exit_code = -1;  // -1 when killed by a signal
    std::string out;
    std::string err;  // stderr without the core's log lines
    std::string log;  // the core's log lines ("yativo debug: ..."), present under YATIVO_LOG
};

struct CliRun {
    std::vector<std::string> args;
    std::map<std::string, std::string> env;  // YATIVO_* and friends
    std::string stdin_data;
};

CliResult run_cli(const CliRun &run);
CliResult run_cli(const std::vector<std::string> &args,
                  const std::map<std::string, std::string> &env = {},
                  const std::string &stdin_data = "");

// Parses one JSON document; fails the test when it is not JSON.
rapidjson::Document parse_json(const std::string &text);
std::string str(const rapidjson::Value &obj, const char *key);
int count_lines(const std::string &text);
// Writes `content` to a new file (mode 0600) in a per-process temporary directory.
std::string temp_file(const std::string &name, const std::string &content);

}  // namespace clitest
