// Real TLS against real servers: certificates made for each test with the openssl CLI.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <thread>

#include <curl/curl.h>

#include "certs.hpp"
#include "itest.hpp"

using itest::code_of;
using itest::make_cert;
using itest::sh;
using itest::TempDir;
using yativo::Status;

namespace {

yativo::ClientOptions tls_options(const yvtest::SandboxProcess &sb) {
    yativo::ClientOptions o;
    o.base_url = sb.base_url();
    o.use_environment = false;
    o.access_token = yativo::Secret(sb.session_token());
    o.max_retries = 0;
    return o;
}

std::string slurp(const std::string &path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST(Tls, SelfSignedRefusedByDefaultAcceptedWithItsCa) {
    TempDir dir;
    std::string cert = make_cert(dir.path, "ok", "IP:127.0.0.1,DNS:localhost", 2);
    ASSERT_FALSE(cert.empty());
    yvtest::SandboxProcess sb({"--tls-cert", cert, "--tls-key", dir.path + "/ok.key"});
    ASSERT_EQ(sb.base_url().rfind("https://", 0), 0u);

    auto o = tls_options(sb);
    yativo::Client untrusting(o);
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { untrusting.list_accounts(); }, &e), Status::TLS);
    EXPECT_FALSE(e.outcome_unknown);

    o.ca_file = cert;
    EXPECT_NO_THROW(yativo::Client(o).list_accounts());

    o.ca_file.clear();
    o.ca_blob = slurp(cert);
    EXPECT_NO_THROW(yativo::Client(o).list_accounts());

    // A CA directory prepared with `openssl rehash`.
    std::string cadir = dir.path + "/cadir";
    ASSERT_TRUE(
        sh("mkdir -p " + cadir + " && cp " + cert + " " + cadir + "/ && openssl rehash " + cadir));
    o.ca_blob.clear();
    o.ca_path = cadir;
    EXPECT_NO_THROW(yativo::Client(o).list_accounts());
}

TEST(Tls, HostnameMismatchAndExpiredCertificateRefused) {
    TempDir dir;
    std::string wrong = make_cert(dir.path, "wrong", "DNS:wrong.example", 2);
    std::string expired = make_cert(dir.path, "expired", "IP:127.0.0.1", -1);
    ASSERT_FALSE(wrong.empty());
    ASSERT_FALSE(expired.empty());
    {
        yvtest::SandboxProcess sb({"--tls-cert", wrong, "--tls-key", dir.path + "/wrong.key"});
        auto o = tls_options(sb);
        o.ca_file = wrong;  // trusted, but issued for another name
        yativo::Error e(Status::OK, "");
        EXPECT_EQ(code_of([&] { yativo::Client(o).list_accounts(); }, &e), Status::TLS);
        EXPECT_NE(e.message().find("127.0.0.1"), std::string::npos) << e.message();
    }
    {
        yvtest::SandboxProcess sb({"--tls-cert", expired, "--tls-key", dir.path + "/expired.key"});
        auto o = tls_options(sb);
        o.ca_file = expired;
        yativo::Error e(Status::OK, "");
        EXPECT_EQ(code_of([&] { yativo::Client(o).list_accounts(); }, &e), Status::TLS);
        EXPECT_NE(e.message().find("expired"), std::string::npos) << e.message();
    }
}

TEST(Tls, PublicKeyPinning) {
    TempDir dir;
    std::string cert = make_cert(dir.path, "pin", "IP:127.0.0.1", 2);
    ASSERT_FALSE(cert.empty());
    std::string pin_file = dir.path + "/pin.txt";
    ASSERT_TRUE(sh("openssl x509 -in " + cert +
                   " -pubkey -noout | openssl pkey -pubin -outform der | "
                   "openssl dgst -sha256 -binary | base64 > " +
                   pin_file));
    std::string pin = slurp(pin_file);
    while (!pin.empty() && (pin.back() == '\n' || pin.back() == '\r')) pin.pop_back();
    yvtest::SandboxProcess sb({"--tls-cert", cert, "--tls-key", dir.path + "/pin.key"});
    auto o = tls_options(sb);
    o.ca_file = cert;
    o.pinned_public_key = "sha256//" + pin;
    EXPECT_NO_THROW(yativo::Client(o).list_accounts());
    o.pinned_public_key = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    EXPECT_EQ(code_of([&] { yativo::Client(o).list_accounts(); }), Status::TLS);
}

namespace {
size_t discard(char *, size_t size, size_t n, void *) {
    return size * n;
}

int free_port() {
    yvtest::SandboxProcess probe;  // a port the OS just handed out, free again once it stops
    int port = probe.port();
    return port;
}
}  // namespace

// TLS 1.2 is the minimum: a server offering only TLS 1.1 is refused. The control shows the same
// server answers a client whose minimum is lowered, so the refusal is the SDK's.
TEST(Tls, MinimumIsTls12) {
    TempDir dir;
    std::string cert = make_cert(dir.path, "old", "IP:127.0.0.1", 2);
    ASSERT_FALSE(cert.empty());
    int port = free_port();
    pid_t server = fork();
    if (server == 0) {
        int devnull = open("/dev/null", 0);
        dup2(devnull, 0);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execlp("openssl", "openssl", "s_server", "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0",
               "-cert", cert.c_str(), "-key", (dir.path + "/old.key").c_str(), "-accept",
               ("127.0.0.1:" + std::to_string(port)).c_str(), "-www", static_cast<char *>(nullptr));
        _exit(127);
    }
    std::string url = "https://127.0.0.1:" + std::to_string(port) + "/api/v1";
    // Control: lowered minimum and security level → the handshake succeeds.
    long control_status = 0;
    for (int i = 0; i < 50 && control_status == 0; ++i) {
        CURL *e = curl_easy_init();
        curl_easy_setopt(e, CURLOPT_URL, (url + "/accounts/get-accounts").c_str());
        curl_easy_setopt(e, CURLOPT_CAINFO, cert.c_str());
        curl_easy_setopt(e, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_1);
        curl_easy_setopt(e, CURLOPT_SSL_CIPHER_LIST, "DEFAULT:@SECLEVEL=0");
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, discard);
        if (curl_easy_perform(e) == CURLE_OK)
            curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &control_status);
        curl_easy_cleanup(e);
        if (control_status == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_EQ(control_status, 200) << "the TLS 1.1 control could not connect";

    yativo::ClientOptions o;
    o.base_url = url;
    o.use_environment = false;
    o.access_token = yativo::Secret("token");
    o.ca_file = cert;
    o.max_retries = 0;
    EXPECT_EQ(code_of([&] { yativo::Client(o).list_accounts(); }), Status::TLS);
    kill(server, SIGTERM);
    waitpid(server, nullptr, 0);
}

// HTTPS through a local proxy (Debian's tinyproxy): the client tunnels with CONNECT and still
// verifies the server's certificate end to end.
TEST(Tls, HttpsThroughAProxy) {
    TempDir dir;
    std::string cert = make_cert(dir.path, "proxy", "IP:127.0.0.1", 2);
    ASSERT_FALSE(cert.empty());
    yvtest::SandboxProcess sb({"--tls-cert", cert, "--tls-key", dir.path + "/proxy.key"});
    int proxy_port = free_port();
    std::string conf = dir.path + "/tinyproxy.conf";
    std::ofstream(conf) << "Port " << proxy_port
                        << "\nListen 127.0.0.1\nAllow 127.0.0.1\nTimeout 30\n"
                        << "MaxClients 16\nLogLevel Critical\nPidFile \"" << dir.path
                        << "/tinyproxy.pid\"\n"
                        << "ConnectPort " << sb.port() << "\n";
    pid_t proxy = fork();
    if (proxy == 0) {
        int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execlp("tinyproxy", "tinyproxy", "-d", "-c", conf.c_str(), static_cast<char *>(nullptr));
        _exit(127);
    }
    auto o = tls_options(sb);
    o.ca_file = cert;
    o.proxy = "http://127.0.0.1:" + std::to_string(proxy_port);
    o.max_retries = 3;
    o.backoff_base = std::chrono::milliseconds(100);
    EXPECT_NO_THROW(yativo::Client(o).list_accounts());
    // The same client without the CA is still refused through the tunnel.
    o.ca_file.clear();
    EXPECT_EQ(code_of([&] { yativo::Client(o).list_accounts(); }), Status::TLS);
    // And the proxy really is in the path: with it gone, the call fails to connect.
    kill(proxy, SIGTERM);
    waitpid(proxy, nullptr, 0);
    o.ca_file = cert;
    o.max_retries = 0;
    EXPECT_EQ(code_of([&] { yativo::Client(o).list_accounts(); }), Status::NETWORK);
}
