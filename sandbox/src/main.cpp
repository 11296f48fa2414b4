// yativo-sandbox: prints one JSON line with its base URL and seeds, then serves until
// SIGTERM/SIGINT and exits 0.
#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "api.hpp"
#include "json.hpp"
#include "options.hpp"
#include "secret_record.hpp"
#include "server.hpp"

int main(int argc, char **argv) {
    const pid_t parent = getppid();
    std::signal(SIGPIPE, SIG_IGN);
    yvsb::Options options;
    std::string error;
    bool help = false;
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!yvsb::parse_options(args, options, &error, &help)) {
        std::cerr << "yativo-sandbox: " << error << "\n" << yvsb::usage();
        return 2;
    }
    if (help) {
        std::cout << yvsb::usage();
        return 0;
    }
    if (options.exit_with_parent) {
        // SIGTERM ends the server as a signal from anyone else does. A parent gone already
        // (between our start and this line) is not noticed by the kernel: check by hand.
        if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || getppid() != parent) return 1;
    }
    if (options.record_secrets.empty())
        if (const char *path = std::getenv("YATIVO_SANDBOX_RECORD_SECRETS"))
            options.record_secrets = path;
    try {
        if (!options.record_secrets.empty()) yvsb::open_secret_record(options.record_secrets);
        yvsb::Api api(options);
        yvsb::record_secret(api.session_token());
        yvsb::record_secret(api.totp_secret());
        yvsb::Server server(api, options);
        std::string host =
            options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
        std::string base_url = std::string(server.tls() ? "https" : "http") + "://" + host + ":" +
                               std::to_string(server.port()) + "/api/v1";
        rapidjson::StringBuffer sb;
        yvsb::JsonWriter w(sb);
        w.StartObject();
        yvsb::kv_str(w, "base_url", base_url);
        yvsb::kv_str(w, "session_token", api.session_token());
        yvsb::kv_str(w, "totp_secret", api.totp_secret());
        w.EndObject();
        std::fwrite(sb.GetString(), 1, sb.GetSize(), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
        server.run();
    } catch (const std::exception &e) {
        std::cerr << "yativo-sandbox: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
