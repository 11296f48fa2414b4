// The pager's stop rule on a scripted transport: with and without the server's pagination block.
#include <gtest/gtest.h>

#include <regex>

#include "fakes.hpp"
#include "yativo/pager.hpp"

using yativo::Status;
using yvtest::ends_with;
using yvtest::respond;

namespace {

int body_int(const std::string &body, const std::string &name, int fallback) {
    std::smatch m;
    if (std::regex_search(body, m, std::regex("\"" + name + "\":(\\d+)"))) return std::stoi(m[1]);
    return fallback;
}

// A history of `total` items "t1".."tN" served `default_limit` per page unless the request sets
// a limit; `block` says which pagination members the answer carries ("" = no block at all).
yvtest::FakeTransport::Handler history(int total, int default_limit, std::string block) {
    return yvtest::with_tokens([=](const yvtest::Seen &s, int) {
        const int page = body_int(s.body, "page", 1);
        const int limit = body_int(s.body, "limit", default_limit);
        std::string data = "[";
        for (int i = (page - 1) * limit; i < std::min(total, page * limit); ++i)
            data += std::string(data.size() > 1 ? "," : "") + "{\"transaction_id\":\"t" +
                    std::to_string(i + 1) + "\"}";
        data += "]";
        std::string body = R"({"status":true,"message":"ok","data":)" + data;
        if (block == "pages")
            body += R"(,"pagination":{"page":)" + std::to_string(page) + R"(,"limit":)" +
                    std::to_string(limit) + R"(,"total":)" + std::to_string(total) +
                    R"(,"pages":)" + std::to_string((total + limit - 1) / limit) + "}";
        if (block == "total")
            body += R"(,"pagination":{"limit":")" + std::to_string(limit) + R"(","total":")" +
                    std::to_string(total) + R"("})";
        return respond(200, body + "}");
    });
}

struct Walk {
    std::vector<std::string> ids;
    int pages = 0;
};

Walk walk(yativo::Client &client, yativo::TransactionQuery query) {
    Walk w;
    yativo::TransactionPager pager(client, std::move(query));
    while (auto page = pager.next_page()) {
        ++w.pages;
        for (const yativo::Transaction &item : *page) w.ids.push_back(item.id);
    }
    EXPECT_TRUE(pager.done());
    EXPECT_FALSE(pager.next_page());  // over, and no request for it
    return w;
}

std::vector<std::string> ids(int n) {
    std::vector<std::string> out;
    for (int i = 1; i <= n; ++i) out.push_back("t" + std::to_string(i));
    return out;
}

yativo::TransactionQuery with_limit(std::optional<int> limit) {
    yativo::TransactionQuery q;
    q.limit = limit;
    return q;
}

const char *kHistory = "/transactions/get-transactions";

}  // namespace

TEST(Pager, PagesBlockEndsAFullLastPageWithoutAnotherRequest) {
    auto h = yvtest::make(history(6, 20, "pages"));
    auto w = walk(*h.client, with_limit(2));
    EXPECT_EQ(w.ids, ids(6));
    EXPECT_EQ(w.pages, 3);
    EXPECT_EQ(h.transport->count(kHistory), 3);
}

TEST(Pager, TotalAndLimitAsTextAreEnoughToStop) {
    auto h = yvtest::make(history(6, 3, "total"));
    auto w = walk(*h.client, with_limit(std::nullopt));
    EXPECT_EQ(w.ids, ids(6));
    EXPECT_EQ(h.transport->count(kHistory), 2);
}

TEST(Pager, WithoutBlockAShortPageEndsTheWalk) {
    auto h = yvtest::make(history(5, 20, ""));
    auto w = walk(*h.client, with_limit(2));
    EXPECT_EQ(w.ids, ids(5));
    EXPECT_EQ(h.transport->count(kHistory), 3);  // 2 + 2 + 1
}

TEST(Pager, WithoutBlockAFullLastPageCostsOneEmptyPage) {
    auto h = yvtest::make(history(4, 20, ""));
    auto w = walk(*h.client, with_limit(2));
    EXPECT_EQ(w.ids, ids(4));
    EXPECT_EQ(w.pages, 3);  // the empty page is returned too: the server said nothing more
    EXPECT_EQ(h.transport->count(kHistory), 3);
}

TEST(Pager, WithoutBlockOrLimitTheFirstPageSetsThePageSize) {
    auto h = yvtest::make(history(7, 3, ""));
    auto w = walk(*h.client, with_limit(std::nullopt));
    EXPECT_EQ(w.ids, ids(7));
    EXPECT_EQ(h.transport->count(kHistory), 3);  // 3 + 3 + 1
    EXPECT_EQ(h.transport->seen().back().body.find("\"limit\""), std::string::npos);
}

TEST(Pager, EmptyHistoryIsOneEmptyPage) {
    for (const char *block : {"pages", ""}) {
        auto h = yvtest::make(history(0, 20, block));
        auto w = walk(*h.client, with_limit(std::nullopt));
        EXPECT_TRUE(w.ids.empty());
        EXPECT_EQ(w.pages, 1);
        EXPECT_EQ(h.transport->count(kHistory), 1);
    }
}

TEST(Pager, StartsAtTheQueryPageAndKeepsTheEnvelope) {
    auto h = yvtest::make(history(5, 20, "pages"));
    yativo::TransactionQuery q = with_limit(2);
    q.page = 2;
    yativo::TransactionPager pager(*h.client, q);
    auto page = pager.next_page();
    ASSERT_TRUE(page);
    ASSERT_EQ(page->size(), 2u);
    EXPECT_EQ((*page)[0].id, "t3");
    EXPECT_EQ((*page)[1].raw.json(), R"({"transaction_id":"t4"})");
    auto env = (*page)[0].raw.envelope();
    ASSERT_TRUE(env.value().HasMember("pagination"));
    EXPECT_EQ(env.get_string("message"), "ok");
    EXPECT_EQ(pager.page(), 3);
    EXPECT_FALSE(pager.done());
}

TEST(Pager, ListInsideAnObjectIsFollowed) {
    auto h = yvtest::make(yvtest::with_tokens([](const yvtest::Seen &, int) {
        return yvtest::ok_data(R"({"transactions":[{"transaction_id":"t1"}]})");
    }));
    auto w = walk(*h.client, with_limit(2));
    EXPECT_EQ(w.ids, ids(1));
}

TEST(Pager, AnswerWithoutAListIsProtocolAndTheWalkCanResume) {
    auto calls = std::make_shared<int>(0);
    auto h = yvtest::make(yvtest::with_tokens([calls](const yvtest::Seen &, int) {
        if ((*calls)++ == 0) return yvtest::ok_data(R"({"nothing":1})");
        return yvtest::ok_data(R"([{"transaction_id":"t1"}])");
    }));
    yativo::TransactionPager pager(*h.client, with_limit(2));
    try {
        pager.next_page();
        FAIL() << "no error";
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), Status::PROTOCOL);
    }
    EXPECT_EQ(pager.page(), 1);
    auto page = pager.next_page();
    ASSERT_TRUE(page);
    EXPECT_EQ(page->size(), 1u);
    EXPECT_TRUE(pager.done());
    EXPECT_TRUE(ends_with(h.transport->seen().back().url, kHistory));
}

// A page a binding could not hand over (out of memory converting it) is asked for again, the
// last one included: unread() undoes exactly one next_page().
TEST(Pager, UnreadAsksForTheSamePageAgain) {
    auto h = yvtest::make(history(4, 2, "pages"));
    yativo::TransactionPager pager(*h.client, with_limit(2));
    auto first = pager.next_page();
    ASSERT_TRUE(first);
    pager.unread();
    EXPECT_EQ(pager.page(), 1);
    auto again = pager.next_page();
    ASSERT_TRUE(again);
    EXPECT_EQ(again->at(0).id, "t1");
    auto last = pager.next_page();
    ASSERT_TRUE(last);
    EXPECT_TRUE(pager.done());
    pager.unread();  // the last page, lost on the way: not done any more
    EXPECT_FALSE(pager.done());
    auto last_again = pager.next_page();
    ASSERT_TRUE(last_again);
    EXPECT_EQ(last_again->at(0).id, "t3");
    EXPECT_TRUE(pager.done());
    pager.unread();
    pager.unread();  // only one step back
    EXPECT_EQ(pager.page(), 2);
    EXPECT_EQ(h.transport->count("/transactions/get-transactions"), 4);
}
