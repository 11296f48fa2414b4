// C module "pager": the transaction history walked page by page, over yativo::TransactionPager.
#include "handles.hpp"

using yv_capi::call_options;
using yv_capi::guard;
using yv_capi::need;
using yv_capi::need_out;

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
        auto &p = need(pager, "pager");
        auto page = p.pager.next_page();
        if (!page) {
            *done = true;
            return;
        }
        try {
            auto list = std::make_unique<yv_transaction_list>();
            yv_capi::fill(*list, std::move(*page));
            *out_page = list.release();
        } catch (...) {
            p.pager.unread();  // the page was not handed over: the next call asks for it again
            throw;
        }
    });
}

YV_API void yv_tx_pager_free(yv_tx_pager *pager) {
    delete pager;
}

}  // extern "C"
