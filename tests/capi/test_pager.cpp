// yv_tx_pager against a sandbox: every transaction once, in order, one request per page (the
// sandbox answers a `pagination` block), the whole answer on request, and a finished walk that
// stays finished without sending anything.
#include <string>
#include <vector>

#include "sandbox_client.hpp"

using namespace capi_test;

namespace {

const char *kHistory = "/transactions/get-transactions";

class CapiPager : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto from = funded_asset(c.get(), sb, "10");
        auto params = send_params(from, "0.1");
        for (int i = 0; i < 5; ++i) {
            ok_json([&](yv_buffer **out, yv_error **e) {
                return yv_client_send_funds(c.get(), params.get(), nullptr, out, nullptr, e);
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

    // The pages of a walk as JSON texts, until done.
    std::vector<std::string> walk(yv_tx_pager *p) {
        std::vector<std::string> pages;
        for (;;) {
            yv_buffer *b = nullptr;
            bool done = false;
            Err err;
            const yv_status st = yv_tx_pager_next(p, &b, &done, err.out());
            EXPECT_EQ(st, YV_OK) << describe(st, err);
            if (st != YV_OK) break;
            if (done) {
                EXPECT_EQ(b, nullptr);
                break;
            }
            Buffer page(b);
            pages.push_back(text(b));
        }
        return pages;
    }

    static std::vector<std::string> ids(const std::string &json) {
        std::vector<std::string> out;
        const std::regex re("\"transaction_id\":\"([^\"]*)\"");
        for (std::sregex_iterator it(json.begin(), json.end(), re), end; it != end; ++it)
            out.push_back((*it)[1].str());
        return out;
    }

    yvtest::SandboxProcess sb{sandbox_flags()};
    Client c = session_client(sb);
};

TEST_F(CapiPager, EveryItemOnceInOrderOneRequestPerPage) {
    const auto all = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_list_transactions(c.get(), nullptr, nullptr, out, e);
    });
    const auto expected = ids(all);
    ASSERT_EQ(expected.size(), 5u) << all;

    const long before = sb.path_count(kHistory);
    auto p = pager(2);
    const auto pages = walk(p.get());
    ASSERT_EQ(pages.size(), 3u);
    std::vector<std::string> walked;
    for (const auto &page : pages) {
        EXPECT_EQ(page.front(), '[') << page;
        const auto page_ids = ids(page);
        walked.insert(walked.end(), page_ids.begin(), page_ids.end());
    }
    EXPECT_EQ(walked, expected);
    EXPECT_EQ(sb.path_count(kHistory) - before, 3);

    // Over, and it stays over without a request.
    yv_buffer *b = nullptr;
    bool done = false;
    EXPECT_EQ(yv_tx_pager_next(p.get(), &b, &done, nullptr), YV_OK);
    EXPECT_TRUE(done);
    EXPECT_EQ(b, nullptr);
    EXPECT_EQ(sb.path_count(kHistory) - before, 3);
}

TEST_F(CapiPager, FullLastPageCostsNoExtraRequest) {
    const long before = sb.path_count(kHistory);
    auto p = pager(5);
    EXPECT_EQ(walk(p.get()).size(), 1u);
    EXPECT_EQ(sb.path_count(kHistory) - before, 1);
}

TEST_F(CapiPager, EnvelopeGivesEachWholeAnswer) {
    yv_call *raw_call = nullptr;
    ASSERT_EQ(yv_call_new(&raw_call, nullptr), YV_OK);
    Call call(raw_call);
    ASSERT_EQ(yv_call_set_envelope(raw_call, true, nullptr), YV_OK);
    auto p = pager(3, raw_call);
    call.reset();  // the pager holds a copy
    const auto pages = walk(p.get());
    ASSERT_EQ(pages.size(), 2u);
    EXPECT_NE(pages[0].find(R"("pagination":{"page":"1","limit":"3","total":"5","pages":"2"})"),
              std::string::npos)
        << pages[0];
    EXPECT_NE(pages[1].find(R"("page":"2")"), std::string::npos) << pages[1];
    EXPECT_EQ(ids(pages[0]).size() + ids(pages[1]).size(), 5u);
}

TEST_F(CapiPager, UnsetLimitLeavesThePageSizeToTheServer) {
    auto p = pager(0);
    const auto pages = walk(p.get());
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(ids(pages[0]).size(), 5u);
}

}  // namespace
