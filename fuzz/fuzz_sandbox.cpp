// libFuzzer: yativo-sandbox's request handling as a function (yvsb::Api::handle, no sockets).
// Input: up to 4 requests separated by a line "--"; each is "METHOD TARGET", header lines, a
// blank line, the body (fuzz/text_input.hpp). In header values "$SESSION" becomes the seeded
// session token and "$TOTP" the current code, so inputs reach the handlers behind
// authentication and 2FA. A fresh Api per input keeps every run reproducible. Every answer must
// be a well-formed response: a status 100..599 and, when sent, a JSON body (unless the input
// queued faults, which may ask for any body).
#include <rapidjson/document.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "api.hpp"
#include "clock.hpp"
#include "text_input.hpp"
#include "totp.hpp"

namespace {

const char kTotpSecret[] = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const char kSession[] = "yvsess_fuzz";

void replace_all(std::string &s, const std::string &from, const std::string &to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    yvsb::Options opts;
    opts.totp_secret = kTotpSecret;
    opts.session_token = kSession;
    opts.rate_limit = data && size > 0 && data[0] == 'R' ? 2 : 0;
    yvsb::Api api(opts);
    static const std::vector<uint8_t> key = *yvsb::base32_decode(kTotpSecret);

    std::string_view rest(reinterpret_cast<const char *>(data), size);
    bool faults_queued = false;
    for (int n = 0; n < 4 && !rest.empty(); ++n) {
        const size_t sep = rest.find("\n--\n");
        const std::string_view one = rest.substr(0, sep);
        rest = sep == std::string_view::npos ? std::string_view() : rest.substr(sep + 4);

        const yvfuzz::TextInput in = yvfuzz::parse_text_input(one);
        yvsb::Request req;
        if (!in.lines.empty()) {
            const std::string &first = in.lines[0];
            const size_t sp = first.find(' ');
            req.method = first.substr(0, sp);
            req.target = sp == std::string::npos ? "/" : first.substr(sp + 1);
        }
        const std::string code =
            yvsb::totp_code(key, static_cast<uint64_t>(yvsb::unix_seconds(yvsb::now())) / 30);
        for (size_t i = 1; i < in.lines.size(); ++i) {
            auto h = yvfuzz::split_header(in.lines[i]);
            replace_all(h.second, "$SESSION", kSession);
            replace_all(h.second, "$TOTP", code);
            req.headers.push_back(std::move(h));
        }
        req.body = in.body;
        faults_queued = faults_queued || req.target.find("faults") != std::string::npos;
        if (req.body.size() > yvsb::kMaxBodyBytes) continue;  // the server answers 413 first

        yvsb::Response resp = api.handle(req);
        if (resp.action == yvsb::Action::kDelay) resp = api.handle_after_delay(req);
        if (resp.status < 100 || resp.status > 599) std::abort();
        if (!faults_queued && resp.action == yvsb::Action::kSend &&
            resp.content_type == "application/json" && !resp.body.empty()) {
            rapidjson::Document d;
            d.Parse(resp.body.c_str(), resp.body.size());
            if (d.HasParseError()) std::abort();
        }
    }
    return 0;
}
