package capi

/*
#include <yativo.h>
*/
import "C"

func (c *Client) ListAccounts(call *Call) ([]byte, error) {
	return callClient(c, call, takeBuffer, func(a *clientArgs, out **C.yv_buffer) C.yv_status {
		return C.yv_client_list_accounts(a.client, a.call, out, a.err)
	})
}

func (c *Client) CreateAccount(name, accountType string, call *Call) ([]byte, error) {
	return callClient(c, call, takeBuffer, func(a *clientArgs, out **C.yv_buffer) C.yv_status {
		return C.yv_client_create_account(a.client, a.str(name), a.opt(accountType), a.call, out, a.err)
	})
}

func (c *Client) AddAsset(accountID, chain, ticker string, call *Call) ([]byte, error) {
	return callClient(c, call, takeBuffer, func(a *clientArgs, out **C.yv_buffer) C.yv_status {
		return C.yv_client_add_asset(a.client, a.str(accountID), a.str(chain), a.str(ticker), a.call, out, a.err)
	})
}

func (c *Client) ListAssets(accountID string, call *Call) ([]byte, error) {
	return callClient(c, call, takeBuffer, func(a *clientArgs, out **C.yv_buffer) C.yv_status {
		return C.yv_client_list_assets(a.client, a.opt(accountID), a.call, out, a.err)
	})
}

func (c *Client) CheckBalance(assetID string, call *Call) ([]byte, error) {
	return callClient(c, call, takeBuffer, func(a *clientArgs, out **C.yv_buffer) C.yv_status {
		return C.yv_client_check_balance(a.client, a.str(assetID), a.call, out, a.err)
	})
}

func (c *Client) GasPrice(chain, priority, extraJSON string, call *Call) ([]byte, error) {
	return callClient(c, call, takeBuffer, func(a *clientArgs, out **C.yv_buffer) C.yv_status {
		return C.yv_client_gas_price(a.client, a.str(chain), a.opt(priority), a.opt(extraJSON), a.call, out, a.err)
	})
}

// SendParams are the fields of a yv_send.
type SendParams struct {
	Account, Asset, ReceivingAddress, Amount, Type, Chain, Category, Priority, Description string
	UseSelfFunding                                                                         bool
}

// buildSend makes the yv_send of sp; the optional fields left "" are not set.
func buildSend(sp SendParams) (*C.yv_send, error) {
	var s *C.yv_send
	return build(&s, func(s *C.yv_send) { C.yv_send_free(s) },
		func(a *cargs) C.yv_status { return C.yv_send_new(&s, a.err) },
		func(a *cargs) C.yv_status { return C.yv_send_set_account(s, a.str(sp.Account), a.err) },
		func(a *cargs) C.yv_status { return C.yv_send_set_assets(s, a.str(sp.Asset), a.err) },
		func(a *cargs) C.yv_status {
			return C.yv_send_set_receiving_address(s, a.str(sp.ReceivingAddress), a.err)
		},
		func(a *cargs) C.yv_status { return C.yv_send_set_amount(s, a.str(sp.Amount), a.err) },
		func(a *cargs) C.yv_status { return C.yv_send_set_type(s, a.str(sp.Type), a.err) },
		func(a *cargs) C.yv_status { return C.yv_send_set_chain(s, a.str(sp.Chain), a.err) },
		func(a *cargs) C.yv_status { return C.yv_send_set_category(s, a.str(sp.Category), a.err) },
		when(sp.Priority != "", func(a *cargs) C.yv_status {
			return C.yv_send_set_priority(s, a.str(sp.Priority), a.err)
		}),
		when(sp.Description != "", func(a *cargs) C.yv_status {
			return C.yv_send_set_description(s, a.str(sp.Description), a.err)
		}),
		when(sp.UseSelfFunding, func(a *cargs) C.yv_status {
			return C.yv_send_set_use_self_funding(s, C.bool(true), a.err)
		}),
	)
}

// SendFunds is yv_client_send_funds: the payload and the idempotency key used.
func (c *Client) SendFunds(sp SendParams, call *Call) ([]byte, string, error) {
	s, err := buildSend(sp)
	if err != nil {
		return nil, "", err
	}
	defer C.yv_send_free(s)
	var out, key *C.yv_buffer
	if err := c.do(call, func(a *clientArgs) C.yv_status {
		return C.yv_client_send_funds(a.client, s, a.call, &out, &key, a.err)
	}); err != nil {
		return nil, "", err
	}
	payload := takeBuffer(out)
	return payload, string(takeBuffer(key)), nil
}

// TxQuery are the filters of a yv_tx_query; zero values are left unset.
type TxQuery struct {
	Page, Limit           uint32
	Status, Chain, Search string
}

func buildTxQuery(q TxQuery) (*C.yv_tx_query, error) {
	var query *C.yv_tx_query
	return build(&query, func(q *C.yv_tx_query) { C.yv_tx_query_free(q) },
		func(a *cargs) C.yv_status { return C.yv_tx_query_new(&query, a.err) },
		when(q.Page > 0, func(a *cargs) C.yv_status {
			return C.yv_tx_query_set_page(query, C.uint32_t(q.Page), a.err)
		}),
		when(q.Limit > 0, func(a *cargs) C.yv_status {
			return C.yv_tx_query_set_limit(query, C.uint32_t(q.Limit), a.err)
		}),
		when(q.Status != "", func(a *cargs) C.yv_status {
			return C.yv_tx_query_set_status(query, a.str(q.Status), a.err)
		}),
		when(q.Chain != "", func(a *cargs) C.yv_status {
			return C.yv_tx_query_set_chain(query, a.str(q.Chain), a.err)
		}),
		when(q.Search != "", func(a *cargs) C.yv_status {
			return C.yv_tx_query_set_search(query, a.str(q.Search), a.err)
		}),
	)
}

func (c *Client) ListTransactions(q TxQuery, call *Call) ([]byte, error) {
	query, err := buildTxQuery(q)
	if err != nil {
		return nil, err
	}
	defer C.yv_tx_query_free(query)
	return callClient(c, call, takeBuffer, func(a *clientArgs, out **C.yv_buffer) C.yv_status {
		return C.yv_client_list_transactions(a.client, query, a.call, out, a.err)
	})
}
