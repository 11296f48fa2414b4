// C module "pager": the transaction history walked page by page, over yativo::TransactionPager.
#include "async.hpp"

using yv_capi::call_options;
using yv_capi::guard;
using yv_capi::need;
using yv_capi::need_out;

namespace {

// One page of the walk, or its end.
struct Page {
    std::unique_ptr<yv_transaction_list> list;
    bool finished = false;
};

// The function that fetches the pager's next page (once), for the blocking call and for its
// _start twin alike.
auto next_page_call(yv_tx_pager *pager) {
    auto &p = need(pager, "pager");
    return [&p] {
        Page out;
        auto page = p.pager.next_page();
        if (!page) {
            out.finished = true;
            return out;
        }
        try {
            out.list = std::make_unique<yv_transaction_list>();
            yv_capi::fill(*out.list, std::move(*page));
        } catch (...) {
            p.pager.unread();  // the page was not handed over: the next call asks for it again
            throw;
        }
        return out;
    };
}

}  // namespace

extern "C" {

YV_API yv_status yv_tx_pager_new(yv_client *client, const yv_tx_query *query, const yv_call *call,
                                 yv_tx_pager **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        auto &c = need(client, "client");
        yativo::TransactionQuery params = query ? query->params : yativo::TransactionQuery{};
        *out = new yv_tx_pager{
            yativo::TransactionPager(c.client, std::move(params), call_options(call))};
    });
}

YV_API yv_status yv_tx_pager_next(yv_tx_pager *pager, yv_transaction_list **out_page, bool *done,
                                  yv_error **err) {
    return guard(err, [&] {
        need_out(out_page, "out_page");
        if (!done) yv_capi::invalid("done is NULL");
        *done = false;
        auto page = next_page_call(pager)();
        *done = page.finished;
        *out_page = page.list.release();
    });
}

YV_API yv_status yv_tx_pager_next_start(yv_loop *loop, yv_tx_pager *pager, yv_tx_page_fn done,
                                        void *user_data, yv_pending **pending, yv_error **err) {
    return guard(err, [&] {
        auto &l = yv_capi::loop_for_start(loop, done, pending);
        yv_capi::start_run(l, pending, next_page_call(pager), [done, user_data](auto &call) {
            const bool ok = call.status == YV_OK;
            auto page = std::move(call.outcome.result);
            done(user_data, call.status, ok ? page.list.release() : nullptr, ok && page.finished,
                 std::exchange(call.error, nullptr));
        });
    });
}

YV_API void yv_tx_pager_free(yv_tx_pager *pager) {
    delete pager;
}

}  // extern "C"
