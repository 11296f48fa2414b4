// libFuzzer: webhook signature verification (yativo::verify_webhook).
// Input (fuzz/text_input.hpp): line 1 the secret, line 2 "now" (unix seconds), line 3 flags
// ("T" require a timestamp, "t<seconds>" a tolerance), then header lines, a blank line, the body.
// Beyond "no crash": verification returns an event or throws SIGNATURE_INVALID / PROTOCOL; the
// same body signed by sign_webhook verifies (or is PROTOCOL when it is not a JSON object); the
// signed payload with one body byte changed never verifies.
#include <cstdlib>
#include <string>

#include "text_input.hpp"
#include "yativo/secret.hpp"
#include "yativo/status.hpp"
#include "yativo/webhook.hpp"

namespace {

bool verifies(std::string_view body, const yativo::HeaderList &headers,
              const yativo::Secret &secret, const yativo::VerifyOptions &opts,
              yativo::Status *code) {
    try {
        yativo::verify_webhook(body, headers, secret, opts);
        return true;
    } catch (const yativo::Error &e) {
        *code = e.code();
        if (e.code() != yativo::Status::SIGNATURE_INVALID && e.code() != yativo::Status::PROTOCOL &&
            e.code() != yativo::Status::INVALID_ARGUMENT)
            std::abort();
        return false;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const yvfuzz::TextInput in =
        yvfuzz::parse_text_input({reinterpret_cast<const char *>(data), size});
    auto line = [&](size_t i) { return i < in.lines.size() ? in.lines[i] : std::string(); };
    const yativo::Secret secret(line(0));
    const std::int64_t now = yvfuzz::to_int(line(1), 1'700'000'000) % 4'000'000'000;
    yativo::VerifyOptions opts;
    opts.now_unix = now;
    const std::string flags = line(2);
    opts.require_timestamp = flags.find('T') != std::string::npos;
    const size_t t = flags.find('t');
    if (t != std::string::npos)
        opts.tolerance = std::chrono::seconds(yvfuzz::to_int(flags.substr(t + 1), 300) % 100000);
    yativo::HeaderList headers;
    for (size_t i = 3; i < in.lines.size(); ++i)
        headers.push_back(yvfuzz::split_header(in.lines[i]));

    yativo::Status code = yativo::Status::OK;
    (void)verifies(in.body, headers, secret, opts, &code);

    if (secret.empty()) return 0;
    yativo::VerifyOptions at_now;
    at_now.now_unix = now;
    const yativo::HeaderList signed_headers = yativo::sign_webhook(in.body, secret, now);
    code = yativo::Status::OK;
    if (!verifies(in.body, signed_headers, secret, at_now, &code) &&
        code != yativo::Status::PROTOCOL)
        std::abort();  // our own signature refused
    if (!in.body.empty()) {
        std::string tampered = in.body;
        tampered[tampered.size() / 2] ^= 0x01;
        code = yativo::Status::OK;
        if (verifies(tampered, signed_headers, secret, at_now, &code)) std::abort();
        if (code != yativo::Status::SIGNATURE_INVALID) std::abort();
    }
    return 0;
}
