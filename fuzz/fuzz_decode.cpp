// libFuzzer: the response decoder (core/src/decode.hpp) on answers built from fuzz bytes.
// Input (fuzz/text_input.hpp): first line the HTTP status, then header lines, a blank line, the
// body. Every envelope and error shape of the reference has a seed in fuzz/corpus/decode/.
// The decoder must return a payload or throw yativo::Error, and an error always has a status.
#include <cstdlib>

#include "decode.hpp"
#include "text_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const yvfuzz::TextInput in =
        yvfuzz::parse_text_input({reinterpret_cast<const char *>(data), size});
    yativo::detail::HttpResult r;
    r.status = in.lines.empty() ? 200 : static_cast<long>(yvfuzz::to_int(in.lines[0], 200) % 1000);
    for (size_t i = 1; i < in.lines.size(); ++i)
        r.headers.push_back(yvfuzz::split_header(in.lines[i]));
    r.body = in.body;

    const yativo::Error err = yativo::detail::decode_error(r);
    if (err.code() == yativo::Status::OK) std::abort();
    (void)err.what();

    try {
        const yativo::Payload p = yativo::detail::decode_success(r);
        (void)p.json();
    } catch (const yativo::Error &e) {
        if (e.code() == yativo::Status::OK) std::abort();
    }
    return 0;
}
