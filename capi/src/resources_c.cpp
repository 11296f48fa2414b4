// C module "resources": accounts, assets, balance, gas price, send-funds and transactions, each
// returning its payload as compact JSON.
#include "handles.hpp"
#include "yativo/amount.hpp"

using yv_capi::call_options;
using yv_capi::give_buffer;
using yv_capi::guard;
using yv_capi::need;
using yv_capi::need_out;
using yv_capi::need_str;
using yv_capi::need_str_or_empty;

namespace {

template <class F>
yv_status set_send(yv_send *send, yv_error **err, F &&apply) {
    return guard(err, [&] { apply(need(send, "send").params); });
}

template <class F>
yv_status set_query(yv_tx_query *query, yv_error **err, F &&apply) {
    return guard(err, [&] { apply(need(query, "query").query); });
}

}  // namespace

extern "C" {

YV_API yv_status yv_client_list_accounts(yv_client *client, const yv_call *call, yv_buffer **out,
                                         yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        give_buffer(out,
                    yv_capi::payload_json(
                        need(client, "client").client.list_accounts(call_options(call)), call));
    });
}

YV_API yv_status yv_client_create_account(yv_client *client, const char *account_name,
                                          const char *account_type, const yv_call *call,
                                          yv_buffer **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        auto &c = need(client, "client");
        const auto name = need_str(account_name, "account_name");
        const auto type = account_type ? need_str(account_type, "account_type") : "business";
        give_buffer(out, yv_capi::payload_json(
                             c.client.create_account(name, type, call_options(call)), call));
    });
}

YV_API yv_status yv_client_add_asset(yv_client *client, const char *account_id, const char *chain,
                                     const char *ticker, const yv_call *call, yv_buffer **out,
                                     yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        auto &c = need(client, "client");
        const auto id = need_str(account_id, "account_id");
        const auto ch = need_str(chain, "chain");
        const auto t = need_str(ticker, "ticker");
        give_buffer(out,
                    yv_capi::payload_json(c.client.add_asset(id, ch, t, call_options(call)), call));
    });
}

YV_API yv_status yv_client_list_assets(yv_client *client, const char *account_id,
                                       const yv_call *call, yv_buffer **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        auto &c = need(client, "client");
        give_buffer(
            out, yv_capi::payload_json(
                     c.client.list_assets(yv_capi::opt_str(account_id), call_options(call)), call));
    });
}

YV_API yv_status yv_client_check_balance(yv_client *client, const char *asset_id,
                                         const yv_call *call, yv_buffer **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        auto &c = need(client, "client");
        const auto id = need_str(asset_id, "asset_id");
        give_buffer(out,
                    yv_capi::payload_json(c.client.check_balance(id, call_options(call)), call));
    });
}

YV_API yv_status yv_client_gas_price(yv_client *client, const char *chain, const char *priority,
                                     const char *extra_fields_json, const yv_call *call,
                                     yv_buffer **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        auto &c = need(client, "client");
        const auto ch = need_str(chain, "chain");
        const auto prio = priority ? need_str(priority, "priority") : "medium";
        const auto extra = yv_capi::opt_str(extra_fields_json);
        give_buffer(out, yv_capi::payload_json(
                             c.client.gas_price(ch, prio, extra, call_options(call)), call));
    });
}

YV_API yv_status yv_send_new(yv_send **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        yv_capi::give(out);
    });
}

YV_API void yv_send_free(yv_send *send) {
    delete send;
}

YV_API yv_status yv_send_set_account(yv_send *send, const char *account_id, yv_error **err) {
    return set_send(send, err,
                    [&](yativo::SendFunds &p) { p.account = need_str(account_id, "account_id"); });
}

YV_API yv_status yv_send_set_assets(yv_send *send, const char *asset_id, yv_error **err) {
    return set_send(send, err,
                    [&](yativo::SendFunds &p) { p.assets = need_str(asset_id, "asset_id"); });
}

YV_API yv_status yv_send_set_receiving_address(yv_send *send, const char *address, yv_error **err) {
    return set_send(send, err, [&](yativo::SendFunds &p) {
        p.receiving_address = need_str(address, "address");
    });
}

YV_API yv_status yv_send_set_amount(yv_send *send, const char *amount, yv_error **err) {
    return set_send(send, err, [&](yativo::SendFunds &p) {
        p.amount = yativo::validate_amount(need_str(amount, "amount"));
    });
}

YV_API yv_status yv_send_set_type(yv_send *send, const char *type, yv_error **err) {
    return set_send(send, err, [&](yativo::SendFunds &p) { p.type = need_str(type, "type"); });
}

YV_API yv_status yv_send_set_chain(yv_send *send, const char *chain, yv_error **err) {
    return set_send(send, err, [&](yativo::SendFunds &p) { p.chain = need_str(chain, "chain"); });
}

YV_API yv_status yv_send_set_category(yv_send *send, const char *category, yv_error **err) {
    return set_send(send, err,
                    [&](yativo::SendFunds &p) { p.category = need_str(category, "category"); });
}

YV_API yv_status yv_send_set_priority(yv_send *send, const char *priority, yv_error **err) {
    return set_send(send, err,
                    [&](yativo::SendFunds &p) { p.priority = need_str(priority, "priority"); });
}

YV_API yv_status yv_send_set_description(yv_send *send, const char *description, yv_error **err) {
    return set_send(send, err, [&](yativo::SendFunds &p) {
        p.description = need_str_or_empty(description, "description");
    });
}

YV_API yv_status yv_send_set_use_self_funding(yv_send *send, bool enabled, yv_error **err) {
    return set_send(send, err, [&](yativo::SendFunds &p) { p.use_self_funding = enabled; });
}

YV_API yv_status yv_client_send_funds(yv_client *client, const yv_send *params, const yv_call *call,
                                      yv_buffer **out, yv_buffer **out_idempotency_key,
                                      yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        yv_capi::clear_out(out_idempotency_key);
        auto &c = need(client, "client");
        const auto &p = need(params, "params").params;
        // The key is fixed, and everything that hands back the outcome allocated, before the
        // transfer: memory running out once the server may have acted must not lose the key.
        auto ready = yv_capi::prepare_value_moving(call, "send-funds");
        auto json = std::make_unique<yv_buffer>();
        std::unique_ptr<yv_buffer> key;
        if (out_idempotency_key) {
            key = std::make_unique<yv_buffer>();
            key->data = ready.options.idempotency_key;
        }
        yv_capi::with_prepared_error(ready.prepared, [&] {
            json->data = yv_capi::payload_json(c.client.send_funds(p, ready.options).payload, call);
        });
        if (key) *out_idempotency_key = key.release();
        *out = json.release();
    });
}

YV_API yv_status yv_tx_query_new(yv_tx_query **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        yv_capi::give(out);
    });
}

YV_API void yv_tx_query_free(yv_tx_query *query) {
    delete query;
}

YV_API yv_status yv_tx_query_set_page(yv_tx_query *query, uint32_t page, yv_error **err) {
    return set_query(query, err, [&](yativo::TransactionQuery &q) {
        if (page == 0) yv_capi::invalid("page starts at 1");
        if (page > static_cast<uint32_t>(INT32_MAX)) yv_capi::invalid("page is too large");
        q.page = static_cast<int>(page);
    });
}

YV_API yv_status yv_tx_query_set_limit(yv_tx_query *query, uint32_t limit, yv_error **err) {
    return set_query(query, err, [&](yativo::TransactionQuery &q) {
        // The range (1..100) is the core's to check, at call time; only keep the int honest here.
        q.limit = static_cast<int>(std::min<uint32_t>(limit, INT32_MAX));
    });
}

YV_API yv_status yv_tx_query_set_status(yv_tx_query *query, const char *status, yv_error **err) {
    return set_query(query, err, [&](yativo::TransactionQuery &q) {
        q.status = need_str_or_empty(status, "status");
    });
}

YV_API yv_status yv_tx_query_set_chain(yv_tx_query *query, const char *chain, yv_error **err) {
    return set_query(query, err, [&](yativo::TransactionQuery &q) {
        q.chain = need_str_or_empty(chain, "chain");
    });
}

YV_API yv_status yv_tx_query_set_search(yv_tx_query *query, const char *search, yv_error **err) {
    return set_query(query, err, [&](yativo::TransactionQuery &q) {
        q.search = need_str_or_empty(search, "search");
    });
}

YV_API yv_status yv_client_list_transactions(yv_client *client, const yv_tx_query *query,
                                             const yv_call *call, yv_buffer **out, yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        auto &c = need(client, "client");
        const yativo::TransactionQuery defaults;
        const auto &q = query ? query->query : defaults;
        give_buffer(out,
                    yv_capi::payload_json(c.client.list_transactions(q, call_options(call)), call));
    });
}

}  // extern "C"
