// Throw-away certificates for the TLS tests, made with the openssl CLI in a temporary directory.
#pragma once

#include <stdlib.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace itest {

struct TempDir {
    std::string path;
    TempDir() {
        char tmpl[] = "/tmp/yv-tls-XXXXXX";
        path = mkdtemp(tmpl);
    }
    ~TempDir() { std::system(("rm -rf " + path).c_str()); }
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;
};

inline bool sh(const std::string &cmd) {
    return std::system(("(" + cmd + ") >/dev/null 2>&1").c_str()) == 0;
}

// A key (dir/name.key) and a self-signed certificate (returned path) for `san`, valid for `days`
// (negative: already expired). Empty on failure.
inline std::string make_cert(const std::string &dir, const std::string &name,
                             const std::string &san, int days) {
    std::string key = dir + "/" + name + ".key", csr = dir + "/" + name + ".csr",
                crt = dir + "/" + name + ".pem", ext = dir + "/" + name + ".ext";
    std::ofstream(ext) << "subjectAltName=" << san << "\n";
    if (!sh("openssl req -new -newkey rsa:2048 -nodes -subj /CN=yativo-test -keyout " + key +
            " -out " + csr) ||
        !sh("openssl x509 -req -in " + csr + " -signkey " + key + " -days " + std::to_string(days) +
            " -extfile " + ext + " -out " + crt))
        return {};
    return crt;
}

}  // namespace itest
