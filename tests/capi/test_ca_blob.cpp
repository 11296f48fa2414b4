// A root filesystem with no CA store: the CA comes as PEM text in memory (yv_options_set_ca_blob)
// and is the only thing that can verify the server. Real TLS against a sandbox serving a
// self-signed certificate made for this test.
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <iterator>

#include "../integration/certs.hpp"
#include "env_var.hpp"
#include "sandbox_client.hpp"

using namespace capi_test;

namespace {

std::string slurp(const std::string &path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

yv_status list_accounts(yvtest::SandboxProcess &sb, const std::string *ca_pem, Err &err) {
    auto o = sandbox_options(sb.base_url());
    EXPECT_EQ(yv_options_set_auth_mode(o.get(), YV_AUTH_BEARER, nullptr), YV_OK);
    EXPECT_EQ(yv_options_set_access_token(o.get(), sb.session_token().c_str(), nullptr), YV_OK);
    EXPECT_EQ(yv_options_set_max_retries(o.get(), 0, nullptr), YV_OK);
    if (ca_pem) {
        EXPECT_EQ(yv_options_set_ca_blob(o.get(), ca_pem->c_str(), err.out()), YV_OK);
    }
    yv_account_list *raw = nullptr;
    yv_status st = yv_client_list_accounts(make_client(o.get()).get(), nullptr, &raw, err.out());
    AccountList accounts(raw);
    return st;
}

}  // namespace

TEST(CapiCaBlob, InMemoryCaIsWhatVerifiesWithNoSystemStore) {
    itest::TempDir dir;
    const std::string cert = itest::make_cert(dir.path, "gw", "IP:127.0.0.1", 2);
    const std::string other = itest::make_cert(dir.path, "other", "IP:127.0.0.1", 2);
    ASSERT_FALSE(cert.empty());
    ASSERT_FALSE(other.empty());
    // Every way the process could find a system store points at nothing.
    const std::string empty_file = dir.path + "/empty.pem", empty_dir = dir.path + "/empty.d";
    std::ofstream(empty_file).close();
    ASSERT_TRUE(itest::sh("mkdir " + empty_dir));
    yvtest::EnvVar cert_file("SSL_CERT_FILE", empty_file.c_str());
    yvtest::EnvVar cert_dir("SSL_CERT_DIR", empty_dir.c_str());
    yvtest::EnvVar curl_bundle("CURL_CA_BUNDLE", empty_file.c_str());

    yvtest::SandboxProcess sb(
        {"--rate-limit", "0", "--tls-cert", cert, "--tls-key", dir.path + "/gw.key"});
    ASSERT_EQ(sb.base_url().rfind("https://", 0), 0u) << sb.base_url();
    // The CA exists in this process's memory only: its file is gone before any client is made.
    const std::string ca_pem = slurp(cert), other_pem = slurp(other);
    ASSERT_NE(ca_pem.find("BEGIN CERTIFICATE"), std::string::npos);
    ASSERT_EQ(unlink(cert.c_str()), 0);

    Err err;
    // Control: without the blob nothing verifies the server.
    EXPECT_EQ(list_accounts(sb, nullptr, err), YV_E_TLS) << err.message();
    // A blob holding another CA does not either: the blob's content is what is trusted.
    EXPECT_EQ(list_accounts(sb, &other_pem, err), YV_E_TLS) << err.message();
    // The right CA, in memory only.
    yv_status st = list_accounts(sb, &ca_pem, err);
    EXPECT_EQ(st, YV_OK) << describe(st, err);
}

// A blob that is not PEM is refused as a TLS failure at the first call, never trusted as "none".
TEST(CapiCaBlob, GarbageBlobIsATlsError) {
    itest::TempDir dir;
    const std::string cert = itest::make_cert(dir.path, "gw", "IP:127.0.0.1", 2);
    ASSERT_FALSE(cert.empty());
    yvtest::SandboxProcess sb(
        {"--rate-limit", "0", "--tls-cert", cert, "--tls-key", dir.path + "/gw.key"});
    const std::string garbage = "not a certificate";
    Err err;
    EXPECT_EQ(list_accounts(sb, &garbage, err), YV_E_TLS) << err.message();
}
