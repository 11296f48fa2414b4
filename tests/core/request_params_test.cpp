// How the generated request builders send their parameters: a json parameter under its wire key
// (any JSON value, numbers kept exact, refused by name when it is not JSON), and the parameters of
// a GET or DELETE in the query string (percent-encoded, unset optionals omitted).
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "endpoint_support.hpp"
#include "fakes.hpp"
#include "yativo/status.hpp"

using yativo::Status;

namespace {

// A client whose every non-token request is recorded and answered with `data`.
struct Recorder {
    std::shared_ptr<std::vector<yvtest::Seen>> seen = std::make_shared<std::vector<yvtest::Seen>>();
    yvtest::Harness h;
    explicit Recorder(const std::string &data) {
        auto s = seen;
        h = yvtest::make(yvtest::with_tokens([s, data](const yvtest::Seen &r, int) {
            s->push_back(r);
            return yvtest::respond(200, data);
        }));
    }
};

std::string query_of(const std::string &url) {
    auto q = url.find('?');
    return q == std::string::npos ? "" : url.substr(q + 1);
}

std::string path_of(const std::string &url) {
    auto scheme = url.find("://");
    auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    auto q = url.find('?');
    return url.substr(slash, q == std::string::npos ? std::string::npos : q - slash);
}

const char *kCustomer = R"({"status":true,"data":{"id":"cust_1","email":"a@example.com"}})";

}  // namespace

TEST(QueryParams, AGetSendsItsParametersInTheQueryStringPercentEncoded) {
    Recorder r(R"({"status":true,"data":[]})");
    r.h.client->get_account_connections("acc 1&x=2/é");
    ASSERT_EQ(r.seen->size(), 1u);
    EXPECT_EQ((*r.seen)[0].method, "GET");
    EXPECT_EQ(path_of((*r.seen)[0].url), "/api/v1/accounts/get-connections");
    EXPECT_EQ(query_of((*r.seen)[0].url), "account_id=acc%201%26x%3D2%2F%C3%A9");
    EXPECT_TRUE((*r.seen)[0].body.empty());
}

TEST(QueryParams, AnUnsetOptionalIsOmittedAndNoQuestionMarkIsLeft) {
    Recorder r(R"({"status":true,"data":[]})");
    r.h.client->get_account_connections();
    ASSERT_EQ(r.seen->size(), 1u);
    EXPECT_EQ((*r.seen)[0].url.find('?'), std::string::npos) << (*r.seen)[0].url;
    EXPECT_EQ(path_of((*r.seen)[0].url), "/api/v1/accounts/get-connections");
}

TEST(QueryParams, EveryTypeHasItsQueryForm) {
    yativo::detail::Query q;
    q.field("s", "a b").field("empty", "", true).strings("l", {"x", "y&z"});
    q.integer("n", -3).boolean("t", true).boolean("f", false).number("amount", "12.50");
    q.json("j", R"( {"a": [1.10, "x y"]} )", "j");
    EXPECT_EQ(
        q.text,
        "s=a%20b&l=x&l=y%26z&n=-3&t=true&f=false&amount=12.50&j=%7B%22a%22%3A%5B1.10%2C%22x%20"
        "y%22%5D%7D");
    yativo::detail::Call c;
    c.path = yativo::detail::CallPath::literal("/p");
    q.into(c);
    EXPECT_EQ(c.path.view(), "/p?" + q.text);
    EXPECT_FALSE(c.has_body);
}

TEST(JsonParams, AJsonValueTravelsUnderItsWireKeyWithNumbersExact) {
    Recorder r(kCustomer);
    auto c = r.h.client->create_customer(
        "a@example.com", "", "", R"({"tier": "gold", "limit": 1000.10, "tags": ["a"], "n": null})");
    EXPECT_EQ(c.id, "cust_1");
    ASSERT_EQ(r.seen->size(), 1u);
    EXPECT_EQ(
        (*r.seen)[0].body,
        R"({"email":"a@example.com","metadata":{"tier":"gold","limit":1000.10,"tags":["a"],"n":null}})");
}

TEST(JsonParams, AnyJsonValueIsAccepted) {
    for (const char *value : {"\"text\"", "[1,2]", "true", "0.000000000000000001", "null"}) {
        Recorder r(kCustomer);
        r.h.client->create_customer("a@example.com", "", "", value);
        ASSERT_EQ(r.seen->size(), 1u);
        EXPECT_EQ((*r.seen)[0].body,
                  std::string(R"({"email":"a@example.com","metadata":)") + value + "}");
    }
}

TEST(JsonParams, TextThatIsNotJsonIsRefusedByNameAndNothingIsSent) {
    for (const char *bad : {"{", "{\"a\":1} x", "nope", "{'a':1}", "[1,]", "1 2"}) {
        Recorder r(kCustomer);
        try {
            r.h.client->create_customer("a@example.com", "", "", bad);
            ADD_FAILURE() << bad << " was accepted";
        } catch (const yativo::Error &e) {
            EXPECT_EQ(e.code(), Status::INVALID_ARGUMENT) << bad;
            EXPECT_NE(std::string(e.what()).find("metadata"), std::string::npos) << e.what();
        }
        EXPECT_TRUE(r.seen->empty()) << bad;
    }
}

TEST(JsonParams, AnUnsetJsonParameterIsOmitted) {
    Recorder r(kCustomer);
    r.h.client->create_customer("a@example.com");
    ASSERT_EQ(r.seen->size(), 1u);
    EXPECT_EQ((*r.seen)[0].body, R"({"email":"a@example.com"})");
}
