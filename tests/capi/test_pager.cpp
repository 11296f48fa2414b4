// yv_tx_pager against a sandbox: every transaction once, in order, as typed records, one request
// per page (the sandbox answers a `pagination` block), the envelope option left without effect on
// the pages, and a finished walk that stays finished without sending anything.
#include <string>
#include <vector>

#include "sandbox_client.hpp"

using namespace capi_test;

namespace {

const char *kHistory = "/transactions/get-transactions";

class CapiPager : public ::testing::Test {
  protected:
    void SetUp() override {
        from = funded_asset(c.get(), sb, "10");
        auto params = send_params(from, "0.1");
        for (int i = 0; i < 5; ++i) {
            ok<Transfer>([&](yv_transfer **out, yv_error **e) {
                return yv_client_send_funds(c.get(), params.get(), nullptr, out, e);
            });
        }
    }

    TxPager pager(uint32_t limit, const yv_call *call = nullptr) {
        yv_tx_query *q = nullptr;
        EXPECT_EQ(yv_tx_query_new(&q, nullptr), YV_OK);
        TxQuery query(q);
        if (limit) {
            EXPECT_EQ(yv_tx_query_set_limit(q, limit, nullptr), YV_OK);
        }
        yv_tx_pager *p = nullptr;
        Err err;
        EXPECT_EQ(yv_tx_pager_new(c.get(), q, call, &p, err.out()), YV_OK) << err.message();
        return TxPager(p);  // the query is freed here: the pager holds a copy
    }

    // The pages of a walk, until done.
    std::vector<TransactionList> walk(yv_tx_pager *p) {
        std::vector<TransactionList> pages;
        for (;;) {
            yv_transaction_list *page = nullptr;
            bool done = false;
            Err err;
            const yv_status st = yv_tx_pager_next(p, &page, &done, err.out());
            EXPECT_EQ(st, YV_OK) << describe(st, err);
            if (st != YV_OK) break;
            if (done) {
                EXPECT_EQ(page, nullptr);
                break;
            }
            pages.emplace_back(page);
        }
        return pages;
    }

    static std::vector<std::string> ids(const yv_transaction_list *list) {
        std::vector<std::string> out;
        for (size_t i = 0; i < yv_transaction_list_count(list); ++i)
            out.push_back(str(yv_transaction_id(yv_transaction_list_get(list, i))));
        return out;
    }

    yvtest::SandboxProcess sb{sandbox_flags()};
    Client c = session_client(sb);
    FundedAsset from;
};

TEST_F(CapiPager, EveryItemOnceInOrderOneRequestPerPage) {
    const auto all = ok<TransactionList>([&](yv_transaction_list **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), nullptr, nullptr, out, e);
    });
    const auto expected = ids(all.get());
    ASSERT_EQ(expected.size(), 5u);

    const long before = sb.path_count(kHistory);
    auto p = pager(2);
    const auto pages = walk(p.get());
    ASSERT_EQ(pages.size(), 3u);
    EXPECT_EQ(yv_transaction_list_count(pages[0].get()), 2u);
    EXPECT_EQ(yv_transaction_list_count(pages[2].get()), 1u);
    std::vector<std::string> walked;
    for (const auto &page : pages) {
        const auto page_ids = ids(page.get());
        walked.insert(walked.end(), page_ids.begin(), page_ids.end());
        // Typed items: every field read, not searched for in JSON text.
        for (size_t i = 0; i < yv_transaction_list_count(page.get()); ++i) {
            const yv_transaction *t = yv_transaction_list_get(page.get(), i);
            EXPECT_STREQ(yv_transaction_amount(t), "0.1");
            EXPECT_STREQ(yv_transaction_asset_id(t), from.asset_id.c_str());
            EXPECT_STREQ(yv_transaction_account_id(t), from.account_id.c_str());
            EXPECT_STREQ(yv_transaction_direction(t), "out");
            EXPECT_STREQ(yv_transaction_chain(t), "ethereum");
            EXPECT_NE(yv_transaction_fee(t), nullptr);
            EXPECT_NE(yv_transaction_hash(t), nullptr);
        }
        EXPECT_EQ(yv_transaction_list_get(page.get(), yv_transaction_list_count(page.get())),
                  nullptr);
    }
    EXPECT_EQ(walked, expected);
    EXPECT_EQ(sb.path_count(kHistory) - before, 3);

    // Over, and it stays over without a request.
    yv_transaction_list *page = nullptr;
    bool done = false;
    EXPECT_EQ(yv_tx_pager_next(p.get(), &page, &done, nullptr), YV_OK);
    EXPECT_TRUE(done);
    EXPECT_EQ(page, nullptr);
    EXPECT_EQ(sb.path_count(kHistory) - before, 3);
}

TEST_F(CapiPager, FullLastPageCostsNoExtraRequest) {
    const long before = sb.path_count(kHistory);
    auto p = pager(5);
    EXPECT_EQ(walk(p.get()).size(), 1u);
    EXPECT_EQ(sb.path_count(kHistory) - before, 1);
}

TEST_F(CapiPager, EnvelopeLeavesThePagesTyped) {
    yv_call *raw_call = nullptr;
    ASSERT_EQ(yv_call_new(&raw_call, nullptr), YV_OK);
    Call call(raw_call);
    ASSERT_EQ(yv_call_set_envelope(raw_call, true, nullptr), YV_OK);
    auto p = pager(3, raw_call);
    call.reset();  // the pager holds a copy
    const auto pages = walk(p.get());
    ASSERT_EQ(pages.size(), 2u);
    ASSERT_EQ(yv_transaction_list_count(pages[0].get()), 3u);
    ASSERT_EQ(yv_transaction_list_count(pages[1].get()), 2u);
    // Each item's JSON is its own object, not the page's answer.
    const std::string first = str(yv_transaction_json(yv_transaction_list_get(pages[0].get(), 0)));
    EXPECT_EQ(first.front(), '{') << first;
    EXPECT_EQ(first.find("pagination"), std::string::npos) << first;
    EXPECT_NE(first.find(R"("transaction_id":")"), std::string::npos) << first;
}

TEST_F(CapiPager, UnsetLimitLeavesThePageSizeToTheServer) {
    auto p = pager(0);
    const auto pages = walk(p.get());
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(ids(pages[0].get()).size(), 5u);
}

}  // namespace
