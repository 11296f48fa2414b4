// The libcurl transport on its own, against a sandbox: what is hard to reach through a Client.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "itest.hpp"
#include "transport.hpp"

namespace {

using yativo::detail::HeaderLine;
using yativo::detail::HttpRequest;
using yativo::detail::HttpResult;

// The request views the sandbox's base URL and `path`: both outlive it.
HttpRequest get(const yvtest::SandboxProcess &sb, std::string_view path) {
    HttpRequest r;
    r.method = "GET";
    r.base_url = sb.base_url();
    r.path = path;
    r.headers.add(HeaderLine("Authorization: Bearer " + sb.session_token()));
    r.headers.add(HeaderLine(std::string("Accept: application/json")));
    return r;
}

}  // namespace

// A call cancelled before its transfer starts sent nothing, even on a pooled handle whose
// previous request libcurl still describes (CURLINFO_REQUEST_SIZE of the last transfer).
TEST(Transport, CancelledBeforeTheTransferStartsSentNothing) {
    yvtest::SandboxProcess sb;
    auto transport = yativo::detail::make_curl_transport({});
    HttpRequest first = get(sb, "/accounts/get-accounts");
    ASSERT_EQ(transport->perform(first).status, 200);

    yativo::CancelToken cancel;
    cancel.cancel();
    HttpRequest second = get(sb, "/accounts/get-accounts");
    second.cancel = &cancel;
    HttpResult r = transport->perform(second);
    EXPECT_EQ(r.failure, yativo::detail::FailureKind::Cancelled);
    EXPECT_FALSE(r.request_sent);
    EXPECT_EQ(sb.path_count("/accounts/get-accounts"), 1);
}

// A sensitive answer (its buffer wiped whenever it grows) arrives byte for byte, over many
// chunks, as the same answer read the ordinary way.
TEST(Transport, ASensitiveAnswerArrivesWhole) {
    yvtest::SandboxProcess sb;
    yativo::Client session(itest::session_options(sb));
    for (int i = 0; i < 300; ++i)
        session.create_account("account number " + std::to_string(i), "business");
    auto transport = yativo::detail::make_curl_transport({});
    HttpRequest plain = get(sb, "/accounts/get-accounts");
    HttpResult expected = transport->perform(plain);
    ASSERT_EQ(expected.status, 200);
    ASSERT_GT(expected.body.size(), 64u * 1024);  // many write callbacks, many growths
    HttpRequest sensitive = get(sb, "/accounts/get-accounts");
    sensitive.sensitive_response = true;
    HttpResult got = transport->perform(sensitive);
    ASSERT_EQ(got.status, 200);
    EXPECT_EQ(got.body, expected.body);
}

// A pooled handle keeps the URL it sent last: a request whose path or base URL differs from it
// goes to its own URL, and one the same as it goes there again.
TEST(Transport, APooledHandleFollowsEachRequestsUrl) {
    yvtest::SandboxProcess sb;
    yvtest::SandboxProcess other;
    auto transport = yativo::detail::make_curl_transport({});
    struct Sent {
        const yvtest::SandboxProcess &to;
        const char *path;
    } sent[] = {{sb, "/accounts/get-accounts"}, {sb, "/apikey/list"},          {sb, "/apikey/list"},
                {other, "/apikey/list"},  // the same path on another base URL
                {sb, "/apikey/list"},           {sb, "/accounts/get-accounts"}};
    for (const auto &s : sent) {
        HttpRequest r = get(s.to, s.path);
        ASSERT_EQ(transport->perform(r).status, 200) << s.path;
    }
    EXPECT_EQ(sb.path_count("/accounts/get-accounts"), 2);
    EXPECT_EQ(sb.path_count("/apikey/list"), 3);
    EXPECT_EQ(other.path_count("/apikey/list"), 1);
}
