#include "request_headers.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>

#include "client_impl.hpp"
#include "yativo/status.hpp"

using yativo::Secret;
using yativo::detail::CallPath;
using yativo::detail::HeaderLine;
using yativo::detail::RequestHeaders;

// A bearer line replaced in its cache (a new token) stays whole for a request still holding
// it, and dies with the last holder.
TEST(RequestHeaders, ASharedLineOutlivesItsMaker) {
    HeaderLine::Shared cached =
        yativo::detail::make_shared_line("Authorization: Bearer ", Secret("tok-0123456789abcdef"));
    std::weak_ptr<const std::string> watch = cached;
    RequestHeaders headers;
    headers.add(HeaderLine(cached));
    cached.reset();  // the cache moved on to a new token
    ASSERT_FALSE(watch.expired());
    EXPECT_EQ(headers[0], "Authorization: Bearer tok-0123456789abcdef");
    {
        RequestHeaders moved = std::move(headers);
        EXPECT_EQ(moved[0], "Authorization: Bearer tok-0123456789abcdef");
    }
    EXPECT_TRUE(watch.expired());
}

TEST(RequestHeaders, HoldsEachFormInOrder) {
    static const std::string kAccept = "Accept: application/json";
    RequestHeaders headers;
    headers.add(HeaderLine::borrowed(kAccept));
    headers.add(HeaderLine(std::string("X-2FA-Token: 123456")));
    headers.add(HeaderLine(yativo::detail::make_shared_line("X-API-Secret: ", Secret("s"))));
    ASSERT_EQ(headers.size(), 3u);
    EXPECT_EQ(&headers[0], &kAccept);  // borrowed, not copied
    EXPECT_EQ(headers[1], "X-2FA-Token: 123456");
    EXPECT_EQ(headers[2], "X-API-Secret: s");
    std::string joined;
    for (const auto &h : headers) joined += h.str() + "|";
    EXPECT_EQ(joined, "Accept: application/json|X-2FA-Token: 123456|X-API-Secret: s|");
}

TEST(RequestHeaders, RefusesALineBeyondItsCapacity) {
    static const std::string kLine = "X-Test: 1";
    RequestHeaders headers;
    for (std::size_t i = 0; i < RequestHeaders::kCapacity; ++i)
        headers.add(HeaderLine::borrowed(kLine));
    try {
        headers.add(HeaderLine(std::string("X-One-Too-Many: 1")));
        FAIL() << "a line past the capacity was taken";
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), yativo::Status::INTERNAL);
    }
    EXPECT_EQ(headers.size(), RequestHeaders::kCapacity);
}

// A literal path is viewed, not copied; a query string makes it a string of its own, which
// moves with the call (a long one and one short enough for the string's inline storage).
TEST(CallPath, ALiteralBecomesItsOwnStringWhenAQueryIsAppended) {
    static const char kPath[] = "/accounts/get-connections";
    CallPath p = CallPath::literal(kPath);
    EXPECT_EQ(p.view().data(), kPath);
    p.append("?a=1");
    EXPECT_EQ(p.view(), "/accounts/get-connections?a=1");
    EXPECT_NE(p.view().data(), kPath);
    CallPath moved = std::move(p);
    EXPECT_EQ(moved.view(), "/accounts/get-connections?a=1");

    CallPath s = CallPath::literal("/p");
    s.append("?x");
    CallPath short_moved = std::move(s);
    EXPECT_EQ(short_moved.view(), "/p?x");
    CallPath owned = std::string("/apikey/") + "key_1";
    EXPECT_EQ(owned.view(), "/apikey/key_1");
}
