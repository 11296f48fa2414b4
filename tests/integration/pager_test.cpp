// TransactionPager against the sandbox, which answers a `pagination` block: every item once, in
// the server's order, and exactly one request per page.
#include <yativo/pager.hpp>

#include "itest.hpp"

namespace {

struct Fixture {
    yvtest::SandboxProcess sb;
    itest::Key key;
    yativo::Client client;
    Fixture() : sb(), key(itest::create_key(sb)), client(itest::key_options(sb, key)) {}

    void send(int n) {
        auto [account, asset] = itest::funded_asset(client, sb, "100");
        for (int i = 0; i < n; ++i) client.send_funds(itest::a_send(account, asset, "0.1"));
    }
    static std::vector<std::string> ids_of(const std::vector<yativo::Transaction> &items) {
        std::vector<std::string> ids;
        for (const auto &t : items) ids.push_back(t.id);
        return ids;
    }
};

const char *kHistory = "/transactions/get-transactions";

}  // namespace

TEST(PagerSandbox, WalksEveryPageOnceInOrderWithOneRequestEach) {
    for (int sent : {5, 4}) {  // a short last page, and a full one
        Fixture f;
        f.send(sent);
        auto expected = f.ids_of(f.client.list_transactions({1, 100, "", "", ""}));
        ASSERT_EQ(expected.size(), static_cast<size_t>(sent));
        long before = f.sb.path_count(kHistory);

        yativo::TransactionQuery q;
        q.limit = 2;
        yativo::TransactionPager pager(f.client, q);
        std::vector<std::string> walked;
        int pages = 0;
        while (auto page = pager.next_page()) {
            ++pages;
            auto ids = f.ids_of(*page);
            walked.insert(walked.end(), ids.begin(), ids.end());
            ASSERT_FALSE(page->empty());
            EXPECT_EQ(page->front().amount, "0.1");
            auto env = page->front().raw.envelope();
            ASSERT_TRUE(env.value().HasMember("pagination")) << env.json();
            EXPECT_TRUE(env.value().HasMember("data"));
        }
        EXPECT_EQ(walked, expected) << sent;
        EXPECT_EQ(pages, (sent + 1) / 2);
        EXPECT_EQ(f.sb.path_count(kHistory) - before, pages) << "an extra request, " << sent;
    }
}

TEST(PagerSandbox, UnsetLimitLeavesThePageSizeToTheServer) {
    Fixture f;
    f.send(3);
    long before = f.sb.path_count(kHistory);
    yativo::TransactionPager pager(f.client, {});
    auto page = pager.next_page();
    ASSERT_TRUE(page);
    EXPECT_EQ(page->size(), 3u);
    EXPECT_TRUE(pager.done());
    EXPECT_FALSE(pager.next_page());
    EXPECT_EQ(f.sb.path_count(kHistory) - before, 1);
}

TEST(PagerSandbox, FiltersApplyToEveryPage) {
    Fixture f;
    f.send(3);
    yativo::TransactionQuery q;
    q.limit = 1;
    q.chain = "ethereum";
    yativo::TransactionPager pager(f.client, q);
    auto page = pager.next_page();
    ASSERT_TRUE(page);
    EXPECT_TRUE(page->empty());
    EXPECT_TRUE(pager.done());
}
