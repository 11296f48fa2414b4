// yv_with_sandbox [SANDBOX FLAGS...] -- COMMAND [ARGS...]
// Starts a yativo-sandbox, runs COMMAND with YATIVO_BASE_URL, YATIVO_ACCESS_TOKEN (the session)
// and YATIVO_TOTP_SECRET in its environment, and exits with COMMAND's status. Used by ctest to run
// the C examples (and valgrind over them) against a sandbox without putting secrets in argv.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "sandbox_process.hpp"

int main(int argc, char **argv) {
    std::vector<std::string> flags;
    int i = 1;
    for (; i < argc && std::string(argv[i]) != "--"; ++i) flags.emplace_back(argv[i]);
    if (i + 1 >= argc) {
        std::fprintf(stderr, "usage: %s [SANDBOX FLAGS...] -- COMMAND [ARGS...]\n", argv[0]);
        return 2;
    }
    yvtest::SandboxProcess sb(flags);
    const pid_t pid = fork();
    if (pid < 0) {
        std::perror("fork");
        return 1;
    }
    if (pid == 0) {
        setenv("YATIVO_BASE_URL", sb.base_url().c_str(), 1);
        setenv("YATIVO_ACCESS_TOKEN", sb.session_token().c_str(), 1);
        setenv("YATIVO_TOTP_SECRET", sb.totp_secret().c_str(), 1);
        execvp(argv[i + 1], argv + i + 1);
        std::perror(argv[i + 1]);
        _exit(127);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) < 0) {
        std::perror("waitpid");
        return 1;
    }
    if (WIFSIGNALED(status)) {
        std::fprintf(stderr, "%s: killed by signal %d\n", argv[i + 1], WTERMSIG(status));
        return 1;
    }
    return WEXITSTATUS(status);
}
