#include <gtest/gtest.h>

#include <memory>
#include <thread>
#include <vector>

#include "decode.hpp"
#include "fakes.hpp"
#include "json_util.hpp"

using yativo::Status;
using yativo::detail::decode_error;
using yativo::detail::decode_success;
using yvtest::respond;

TEST(Decode, EverySuccessEnvelope) {
    EXPECT_EQ(
        decode_success(respond(200, R"({"status":true,"message":"ok","data":{"a":"1"}})")).json(),
        R"({"a":"1"})");
    EXPECT_EQ(decode_success(respond(200, R"({"status":"success","data":{"a":"1"}})")).json(),
              R"({"a":"1"})");
    EXPECT_EQ(decode_success(respond(201, R"({"success":true,"data":[1,2]})")).json(),
              R"(["1","2"])");
    EXPECT_EQ(decode_success(respond(200, R"({"id":"key_1","name":"n"})")).json(),
              R"({"id":"key_1","name":"n"})");
    EXPECT_EQ(decode_success(respond(200, R"([{"x":1.50}])")).json(), R"([{"x":"1.50"}])");
    EXPECT_TRUE(decode_success(respond(204, "")).value().IsNull());
}

// Parsed in place, a number's text is followed by its delimiter in the body; every string of the
// payload, numbers included, still reads as a C string of its own length.
TEST(Decode, EveryStringIsNulTerminated) {
    auto p = decode_success(respond(200, R"({"data":{"amount":12.50,"n":[7,-3e2],"s":"x"}})"));
    const rapidjson::Value &v = p.value();
    EXPECT_STREQ(v["amount"].GetString(), "12.50");
    EXPECT_STREQ(v["n"][0].GetString(), "7");
    EXPECT_STREQ(v["n"][1].GetString(), "-3e2");
    EXPECT_STREQ(v["s"].GetString(), "x");
    EXPECT_STREQ(decode_success(respond(200, "42")).value().GetString(), "42");
}

TEST(Decode, NumbersStayExactText) {
    auto p = decode_success(
        respond(200, R"({"data":{"balance":12345678901234567890.123456789012345678}})"));
    EXPECT_EQ(p.get_string("balance"), "12345678901234567890.123456789012345678");
}

TEST(Decode, SuccessStatusWithFalseFlagIsAnError) {
    for (const char *body : {R"({"status":false,"message":"Asset not found"})",
                             R"({"success":false,"error":"Asset not found"})"}) {
        try {
            decode_success(respond(200, body));
            ADD_FAILURE() << body;
        } catch (const yativo::Error &e) {
            EXPECT_EQ(e.code(), Status::VALIDATION);
            EXPECT_NE(e.message().find("Asset not found"), std::string::npos);
        }
    }
}

TEST(Decode, NotJsonIsProtocol) {
    for (const char *body : {"<html>oops</html>", R"({"status":true,"data":{"a":)"}) {
        try {
            decode_success(respond(200, body, {{"X-Request-Id", "req_9"}}));
            ADD_FAILURE();
        } catch (const yativo::Error &e) {
            EXPECT_EQ(e.code(), Status::PROTOCOL);
            EXPECT_EQ(e.request_id, "req_9");
        }
    }
}

TEST(Decode, ErrorShapeFlatWithDetails) {
    auto e = decode_error(respond(
        422,
        R"({"error":"insufficient_balance","message":"Balance too low","details":{"needed":"10.5"}})",
        {{"X-Request-Id", "req_1"}}));
    EXPECT_EQ(e.code(), Status::VALIDATION);
    EXPECT_EQ(e.http_status, 422);
    EXPECT_EQ(e.error_code, "insufficient_balance");
    EXPECT_EQ(e.message(), "HTTP 422 insufficient_balance: Balance too low");
    EXPECT_EQ(e.details_json, R"({"needed":"10.5"})");
    EXPECT_EQ(e.request_id, "req_1");
}

TEST(Decode, ErrorShapeStatusFalse) {
    auto e = decode_error(respond(404, R"({"status":false,"message":"Account not found"})"));
    EXPECT_EQ(e.code(), Status::NOT_FOUND);
    EXPECT_EQ(e.error_code, "");
    EXPECT_NE(e.message().find("Account not found"), std::string::npos);
}

TEST(Decode, ErrorShapeSuccessFalse) {
    auto e = decode_error(respond(403, R"({"success":false,"error":"insufficient_permissions"})"));
    EXPECT_EQ(e.code(), Status::PERMISSION_DENIED);
    EXPECT_EQ(e.error_code, "insufficient_permissions");
}

TEST(Decode, ErrorShapeNestedObject) {
    auto e = decode_error(
        respond(401, R"({"error":{"code":"two_factor_invalid","message":"Invalid code"}})"));
    EXPECT_EQ(e.code(), Status::AUTHENTICATION);
    EXPECT_EQ(e.error_code, "two_factor_invalid");
    EXPECT_NE(e.message().find("Invalid code"), std::string::npos);
}

TEST(Decode, ConflictAndRetryAfter) {
    auto c = decode_error(respond(
        409, R"({"error":"conflict","message":"key reused","existing_transaction_id":"tx_42"})"));
    EXPECT_EQ(c.code(), Status::CONFLICT);
    EXPECT_EQ(c.existing_transaction_id, "tx_42");
    auto d = decode_error(
        respond(409, R"({"error":"conflict","details":{"existing_transaction_id":"tx_43"}})"));
    EXPECT_EQ(d.existing_transaction_id, "tx_43");

    auto r = decode_error(respond(429, R"({"error":"rate_limited","retry_after":7})"));
    EXPECT_EQ(r.code(), Status::RATE_LIMITED);
    ASSERT_TRUE(r.retry_after_s.has_value());
    EXPECT_EQ(*r.retry_after_s, 7.0);
    auto h = decode_error(
        respond(429, R"({"error":"rate_limited","retry_after":7})", {{"Retry-After", "3"}}));
    EXPECT_EQ(*h.retry_after_s, 3.0);  // the header wins
    EXPECT_TRUE(h.retryable);
}

TEST(Decode, StatusForEveryHttpClass) {
    EXPECT_EQ(decode_error(respond(400, "{}")).code(), Status::VALIDATION);
    EXPECT_EQ(decode_error(respond(500, "")).code(), Status::SERVER);
    EXPECT_EQ(decode_error(respond(503, "<html>")).code(), Status::SERVER);
    // Client errors are refusals of the request as sent, never "server errors, retryable".
    EXPECT_EQ(decode_error(respond(418, "{}")).code(), Status::VALIDATION);
    EXPECT_EQ(decode_error(respond(413, "{}")).code(), Status::VALIDATION);
    EXPECT_EQ(decode_error(respond(405, "{}")).code(), Status::NOT_FOUND);
    EXPECT_EQ(decode_error(respond(410, "{}")).code(), Status::NOT_FOUND);
    EXPECT_EQ(decode_error(respond(408, "{}")).code(), Status::TIMEOUT);
    // Redirects are never followed and are no answer of this API.
    EXPECT_EQ(decode_error(respond(301, "")).code(), Status::PROTOCOL);
    EXPECT_EQ(decode_error(respond(307, "")).code(), Status::PROTOCOL);
}

TEST(Decode, OnlyTransientStatusesAreRetryable) {
    for (long status : {408L, 429L, 500L, 502L, 503L, 504L})
        EXPECT_TRUE(decode_error(respond(status, "{}")).retryable) << status;
    for (long status : {301L, 400L, 404L, 405L, 409L, 413L, 422L, 501L, 505L})
        EXPECT_FALSE(decode_error(respond(status, "{}")).retryable) << status;
}

TEST(Decode, RetryAfterInEveryFormIsClamped) {
    using yativo::detail::parse_retry_after;
    EXPECT_EQ(parse_retry_after("120", 0), 120.0);
    EXPECT_EQ(parse_retry_after(" 7 \t", 0), 7.0);  // RFC 9110 allows white space around it
    EXPECT_EQ(parse_retry_after("99999999999999999999999", 0), 86400.0);
    // HTTP-date: Sun, 06 Nov 1994 08:49:37 GMT is 784111777.
    EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", 784111777 - 30), 30.0);
    EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT ", 784111777 + 30), 0.0);
    EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", 0), 86400.0);
    EXPECT_FALSE(parse_retry_after("soon", 0).has_value());
    EXPECT_FALSE(parse_retry_after("-5", 0).has_value());
    EXPECT_FALSE(parse_retry_after("", 0).has_value());

    // In an answer, an HTTP-date is read against the server's Date header.
    auto e = decode_error(respond(503, "{}",
                                  {{"Date", "Sun, 06 Nov 1994 08:49:00 GMT"},
                                   {"Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT"}}));
    ASSERT_TRUE(e.retry_after_s.has_value());
    EXPECT_EQ(*e.retry_after_s, 37.0);
    // A body's retry_after beyond a day is a day: every surface converts it without overflow.
    auto huge = decode_error(respond(429, R"({"retry_after":1e300})"));
    ASSERT_TRUE(huge.retry_after_s.has_value());
    EXPECT_EQ(*huge.retry_after_s, 86400.0);
}

TEST(ResponseHeaders, KeepsTheReadNamesAnyCaseFirstWins) {
    using yativo::detail::ResponseHeader;
    yativo::detail::ResponseHeaders h;
    EXPECT_FALSE(h.add("Content-Type", "application/json"));  // as long as X-Request-Id
    EXPECT_FALSE(h.add("X-RateLimit-Lima", "1"));             // as long as X-RateLimit-Limit
    EXPECT_FALSE(h.add("A-Name-Longer-Than-Any-Kept-One-At-All", "1"));
    EXPECT_FALSE(h.get(ResponseHeader::RequestId));
    EXPECT_TRUE(h.add("x-request-ID", "req_1"));
    EXPECT_TRUE(h.add("X-Request-Id", "req_2"));  // a header sent twice: the first is kept
    EXPECT_TRUE(h.add("X-RATELIMIT-RESET", "99"));
    EXPECT_TRUE(h.add("X-RateLimit-Limit", "100"));
    ASSERT_TRUE(h.get(ResponseHeader::RequestId));
    EXPECT_EQ(*h.get(ResponseHeader::RequestId), "req_1");
    EXPECT_EQ(*h.get(ResponseHeader::RateLimitReset), "99");
    EXPECT_EQ(*h.get(ResponseHeader::RateLimitLimit), "100");
    EXPECT_FALSE(h.get(ResponseHeader::RateLimitRemaining));
    // Values beyond the inline buffer are kept whole, each a C string, and survive a move.
    const std::string date(300, 'd'), retry(200, 'r');
    EXPECT_TRUE(h.add("Date", date));
    EXPECT_TRUE(h.add("Retry-After", retry));
    yativo::detail::ResponseHeaders moved = std::move(h);
    EXPECT_EQ(*moved.get(ResponseHeader::Date), date);
    EXPECT_EQ(*moved.get(ResponseHeader::RetryAfter), retry);
    EXPECT_EQ(moved.get(ResponseHeader::Date)->data()[date.size()], '\0');
    EXPECT_EQ(moved.get(ResponseHeader::RequestId)->data()[5], '\0');
    moved.clear();  // a new response (after 100 Continue)
    EXPECT_FALSE(moved.get(ResponseHeader::RequestId));
    EXPECT_TRUE(moved.add("X-Request-Id", "req_3"));
    EXPECT_EQ(*moved.get(ResponseHeader::RequestId), "req_3");
}

// A small answer is copied into its document and its buffer becomes the thread's spare, which the
// next answer starts in; a large one is taken whole. Both parse the same, with or without room
// for the padding after the text.
TEST(Decode, SmallAnswersAreCopiedAndTheirBufferKeptLargeOnesTaken) {
    namespace json = yativo::json;
    (void)json::spare_body();  // whatever an earlier test left
    auto object = [](std::size_t items) {
        std::string text = "{\"items\":[";
        for (std::size_t i = 0; i < items; ++i)
            text += (i ? "," : "") + std::string("{\"id\":\"item_") + std::to_string(i) +
                    "\",\"amount\":1" + std::to_string(i) + ".50}";
        return text + "]}";
    };
    for (std::size_t items : {1u, 20u, 200u}) {  // about 40, 800 and 8,500 bytes
        for (bool tight : {false, true}) {
            for (bool wipe : {false, true}) {
                std::string text = object(items);
                const std::size_t size = text.size();
                if (tight)
                    text.shrink_to_fit();
                else
                    text.reserve(size + 100);
                auto doc = json::parse_taking(text, wipe);
                ASSERT_TRUE(doc) << items;
                EXPECT_TRUE(text.empty());
                const rapidjson::Value &list = (*doc)["items"];
                ASSERT_EQ(list.Size(), items);
                EXPECT_STREQ(list[items - 1]["id"].GetString(),
                             ("item_" + std::to_string(items - 1)).c_str());
                EXPECT_STREQ(list[items - 1]["amount"].GetString(),
                             ("1" + std::to_string(items - 1) + ".50").c_str());
                std::string spare = json::spare_body();
                EXPECT_TRUE(spare.empty());
                if (size + json::kParsePadding <= 2048)
                    EXPECT_GE(spare.capacity(), size) << "the small answer's buffer is kept";
                else
                    EXPECT_LT(spare.capacity(), size) << "the large answer's buffer is taken";
            }
        }
    }
    // A body with a NUL anywhere is not one JSON value, small or large.
    const std::string large_tail = " " + std::string(4000, ' ');
    for (const std::string &tail : {std::string(), large_tail}) {
        for (std::string body :
             {std::string("{\"a\":\"b\"}\0x", 11), std::string("{\"a\":\"b\"}\0", 10),
              std::string("{\"a\":\"b\0c\"}", 11), std::string(" \0{\"a\":1}", 9)}) {
            body += tail;
            EXPECT_FALSE(json::parse_taking(body, false)) << body.size();
        }
        std::string fine = "{\"a\":\"b\"}" + tail;
        EXPECT_TRUE(json::parse_taking(fine, false));
    }
}

TEST(ResponseHeaders, RawLinesAsLibcurlHandsThemOver) {
    using yativo::detail::ResponseHeader;
    yativo::detail::ResponseHeaders h;
    h.add_line("HTTP/1.1 100 Continue\r\n");
    h.add_line("X-Request-Id: req_early\r\n");
    h.add_line("\r\n");
    h.add_line("HTTP/1.1 200 OK: with a colon in the reason\r\n");  // a new response
    EXPECT_FALSE(h.get(ResponseHeader::RequestId));
    h.add_line("Server: yativo-sandbox\r\n");
    h.add_line("x-request-id: \t req_1 \r\n");
    h.add_line("Retry-After:7\n");
    h.add_line("Date:\r\n");
    h.add_line("\r\n");
    EXPECT_EQ(*h.get(ResponseHeader::RequestId), "req_1 ");  // leading blanks go, trailing stay
    EXPECT_EQ(*h.get(ResponseHeader::RetryAfter), "7");
    EXPECT_EQ(*h.get(ResponseHeader::Date), "");
}

// Documents come off a per-thread shelf of blocks. Freed on another thread, after their own
// thread ended, or by a thread_local destructor that runs after the shelf is gone, each block
// still goes back exactly once (AddressSanitizer's leak check runs this test in CI).
TEST(Decode, DocumentBlocksSurviveThreadsAndThreadExit) {
    namespace json = yativo::json;
    auto parse = [] {
        std::string text = R"({"data":{"id":"acc_1","amount":"12.50"}})";
        auto doc = json::parse_taking(text, false);
        EXPECT_TRUE(doc);
        return doc;
    };
    std::vector<std::shared_ptr<rapidjson::Document>> made;
    std::thread maker([&] {
        for (int i = 0; i < 5; ++i) made.push_back(parse());  // more than a shelf keeps
        made.resize(3);                                       // two freed onto the shelf
        for (int i = 0; i < 3; ++i) made.push_back(parse());  // taken back off it
    });
    maker.join();  // the maker's shelf is gone; its documents live on
    std::thread other([&] {
        EXPECT_STREQ(made.back()->operator[]("data")["amount"].GetString(), "12.50");
        made.clear();  // freed on a thread that never made one
    });
    other.join();
    std::thread late([&] {
        // Constructed before the thread's shelf, so destroyed after it.
        thread_local std::shared_ptr<rapidjson::Document> held;
        held = nullptr;
        held = parse();
    });
    late.join();
}
