// libFuzzer: the response decoder (core/src/decode.hpp) on answers built from fuzz bytes.
// Input (fuzz/text_input.hpp): first line the HTTP status, then header lines, a blank line, the
// body. Every envelope and error shape of the reference has a seed in fuzz/corpus/decode/.
// The decoder must return a payload or throw yativo::Error, and an error always has a status.
#include <cstdlib>
#include <utility>

#include "decode.hpp"
#include "text_input.hpp"

namespace {

// Aborts when a string of `v` (a number kept as text included) is not NUL-terminated at its
// length: applications read GetString() as a C string.
void check_terminated(const rapidjson::Value &v) {
    if (v.IsString() && v.GetString()[v.GetStringLength()] != '\0') std::abort();
    if (v.IsArray())
        for (const auto &item : v.GetArray()) check_terminated(item);
    if (v.IsObject())
        for (const auto &m : v.GetObject()) check_terminated(m.value);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const yvfuzz::TextInput in =
        yvfuzz::parse_text_input({reinterpret_cast<const char *>(data), size});
    yativo::detail::HttpResult r;
    r.status = in.lines.empty() ? 200 : static_cast<long>(yvfuzz::to_int(in.lines[0], 200) % 1000);
    for (size_t i = 1; i < in.lines.size(); ++i) {
        const auto [name, value] = yvfuzz::split_header(in.lines[i]);
        r.headers.add(name, value);  // only the headers the client reads are kept
    }
    r.body = in.body;

    const yativo::Error err = yativo::detail::decode_error(r);
    if (err.code() == yativo::Status::OK) std::abort();
    (void)err.what();

    try {
        // The decoder takes the body (it is parsed in place): the last use of `r`.
        const yativo::Payload p = yativo::detail::decode_success(std::move(r));
        (void)p.json();
        // Every string of the payload, numbers included, ends where its length says.
        check_terminated(p.value());
    } catch (const yativo::Error &e) {
        if (e.code() == yativo::Status::OK) std::abort();
    }
    return 0;
}
