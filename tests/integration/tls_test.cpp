// Real TLS: a certificate made for this test, refused by default, accepted with its CA.
#include <cstdlib>
#include <fstream>

#include "itest.hpp"

using itest::code_of;
using yativo::Status;

namespace {
std::string make_cert(const std::string &dir) {
    std::string cmd =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
        "-addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout " +
        dir + "/key.pem -out " + dir + "/cert.pem >/dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) return {};
    return dir + "/cert.pem";
}
}  // namespace

TEST(Tls, SelfSignedRefusedByDefaultAcceptedWithItsCa) {
    char tmpl[] = "/tmp/yv-tls-XXXXXX";
    std::string dir = mkdtemp(tmpl);
    std::string cert = make_cert(dir);
    ASSERT_FALSE(cert.empty());
    yvtest::SandboxProcess sb({"--tls-cert", cert, "--tls-key", dir + "/key.pem"});
    ASSERT_EQ(sb.base_url().rfind("https://", 0), 0u);

    yativo::ClientOptions o;
    o.base_url = sb.base_url();
    o.use_environment = false;
    o.access_token = yativo::Secret(sb.session_token());
    yativo::Client untrusting(o);
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { untrusting.list_accounts(); }, &e), Status::TLS);
    EXPECT_FALSE(e.outcome_unknown);

    o.ca_file = cert;
    yativo::Client trusting(o);
    EXPECT_NO_THROW(trusting.list_accounts());

    std::ifstream in(cert);
    std::string pem((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    o.ca_file.clear();
    o.ca_blob = pem;
    yativo::Client blob(o);
    EXPECT_NO_THROW(blob.list_accounts());
    std::system(("rm -rf " + dir).c_str());
}
