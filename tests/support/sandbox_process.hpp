// Starts a yativo-sandbox for a test, reads its start line, and talks to its control API.
//
//   SandboxProcess sb;                          // --port 0 --rate-limit 0 (unless given)
//   SandboxProcess sb({"--totp-period", "2", "--token-ttl", "2"});
//   sb.base_url()   -> "http://127.0.0.1:PORT/api/v1"
//   sb.fault(R"({"path":"/auth/token","mode":"delay","delay_ms":300})");
//
// The destructor sends SIGTERM and reaps the process. Control requests use libcurl; with
// --tls-cert the certificate file doubles as the CA for them.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace yvtest {

class SandboxProcess {
  public:
    explicit SandboxProcess(std::vector<std::string> extra_args = {});
    ~SandboxProcess();  // SIGTERM + waitpid (SIGKILL after 5 s)
    SandboxProcess(const SandboxProcess &) = delete;
    SandboxProcess &operator=(const SandboxProcess &) = delete;

    const std::string &base_url() const { return base_url_; }  // http://127.0.0.1:PORT/api/v1
    const std::string &root_url() const { return root_url_; }  // http://127.0.0.1:PORT
    const std::string &session_token() const { return session_token_; }
    const std::string &totp_secret() const { return totp_secret_; }
    int totp_period() const { return totp_period_; }
    pid_t pid() const { return pid_; }
    int port() const { return port_; }
    const std::string &ca_file() const { return ca_file_; }  // the --tls-cert, if any

    std::string stats_json();
    long stat(const std::string &key);         // a top-level number of /__sandbox/stats
    long path_count(const std::string &path);  // stats "paths" entry, 0 when absent
    void fault(const std::string &json);       // POST /__sandbox/faults; throws unless 200
    void clear_faults();                       // DELETE /__sandbox/faults
    void deposit(const std::string &asset_id, const std::string &amount);
    void reset();

    // TOTP codes computed here (RFC 6238, SHA-1, 6 digits) from the sandbox's secret.
    std::string totp_now();
    int64_t totp_step_now() const;
    std::string totp_at_step(int64_t step);

    // Sends SIGTERM and waits; returns the exit status (WEXITSTATUS), or -1 when it was killed
    // by a signal or did not exit within timeout_ms. Idempotent.
    int terminate(int timeout_ms = 5000);

  private:
    std::string control(const std::string &method, const std::string &path,
                        const std::string &body);

    pid_t pid_ = -1;
    int exit_status_ = -1;
    int port_ = 0;
    int totp_period_ = 30;
    std::string base_url_, root_url_, session_token_, totp_secret_, ca_file_;
};

}  // namespace yvtest

using SandboxProcess = yvtest::SandboxProcess;
