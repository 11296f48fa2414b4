package capi

/*
#include <stdlib.h>
#include <yativo.h>
*/
import "C"

func (c *Client) ListAccounts(call *Call) ([]byte, error) {
	return c.bufferCall(func(p *C.yv_client, out **C.yv_buffer, e **C.yv_error) C.yv_status {
		return C.yv_client_list_accounts(p, call.ptr(), out, e)
	})
}

func (c *Client) CreateAccount(name, accountType string, call *Call) ([]byte, error) {
	n, t := cstr(name), cstrOpt(accountType)
	defer free(n)
	defer free(t)
	return c.bufferCall(func(p *C.yv_client, out **C.yv_buffer, e **C.yv_error) C.yv_status {
		return C.yv_client_create_account(p, n, t, call.ptr(), out, e)
	})
}

func (c *Client) AddAsset(accountID, chain, ticker string, call *Call) ([]byte, error) {
	a, ch, t := cstr(accountID), cstr(chain), cstr(ticker)
	defer free(a)
	defer free(ch)
	defer free(t)
	return c.bufferCall(func(p *C.yv_client, out **C.yv_buffer, e **C.yv_error) C.yv_status {
		return C.yv_client_add_asset(p, a, ch, t, call.ptr(), out, e)
	})
}

func (c *Client) ListAssets(accountID string, call *Call) ([]byte, error) {
	a := cstrOpt(accountID)
	defer free(a)
	return c.bufferCall(func(p *C.yv_client, out **C.yv_buffer, e **C.yv_error) C.yv_status {
		return C.yv_client_list_assets(p, a, call.ptr(), out, e)
	})
}

func (c *Client) CheckBalance(assetID string, call *Call) ([]byte, error) {
	a := cstr(assetID)
	defer free(a)
	return c.bufferCall(func(p *C.yv_client, out **C.yv_buffer, e **C.yv_error) C.yv_status {
		return C.yv_client_check_balance(p, a, call.ptr(), out, e)
	})
}

func (c *Client) GasPrice(chain, priority, extraJSON string, call *Call) ([]byte, error) {
	ch, pr, ex := cstr(chain), cstrOpt(priority), cstrOpt(extraJSON)
	defer free(ch)
	defer free(pr)
	defer free(ex)
	return c.bufferCall(func(p *C.yv_client, out **C.yv_buffer, e **C.yv_error) C.yv_status {
		return C.yv_client_gas_price(p, ch, pr, ex, call.ptr(), out, e)
	})
}

// SendParams are the fields of a yv_send.
type SendParams struct {
	Account, Asset, ReceivingAddress, Amount, Type, Chain, Category, Priority, Description string
	UseSelfFunding                                                                         bool
}

func buildSend(sp SendParams) (s *C.yv_send, err error) {
	var e *C.yv_error
	if err = takeError(C.yv_send_new(&s, &e), e); err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			C.yv_send_free(s)
			s = nil
		}
	}()
	set := func(v string, optional bool, f func(*C.yv_send, *C.char, **C.yv_error) C.yv_status) error {
		if optional && v == "" {
			return nil
		}
		p := cstr(v)
		defer free(p)
		var e *C.yv_error
		return takeError(f(s, p, &e), e)
	}
	steps := []error{
		set(sp.Account, false, func(s *C.yv_send, v *C.char, e **C.yv_error) C.yv_status { return C.yv_send_set_account(s, v, e) }),
		set(sp.Asset, false, func(s *C.yv_send, v *C.char, e **C.yv_error) C.yv_status { return C.yv_send_set_assets(s, v, e) }),
		set(sp.ReceivingAddress, false, func(s *C.yv_send, v *C.char, e **C.yv_error) C.yv_status {
			return C.yv_send_set_receiving_address(s, v, e)
		}),
		set(sp.Amount, false, func(s *C.yv_send, v *C.char, e **C.yv_error) C.yv_status { return C.yv_send_set_amount(s, v, e) }),
		set(sp.Type, false, func(s *C.yv_send, v *C.char, e **C.yv_error) C.yv_status { return C.yv_send_set_type(s, v, e) }),
		set(sp.Chain, false, func(s *C.yv_send, v *C.char, e **C.yv_error) C.yv_status { return C.yv_send_set_chain(s, v, e) }),
		set(sp.Category, false, func(s *C.yv_send, v *C.char, e **C.yv_error) C.yv_status { return C.yv_send_set_category(s, v, e) }),
		set(sp.Priority, true, func(s *C.yv_send, v *C.char, e **C.yv_error) C.yv_status { return C.yv_send_set_priority(s, v, e) }),
		set(sp.Description, true, func(s *C.yv_send, v *C.char, e **C.yv_error) C.yv_status {
			return C.yv_send_set_description(s, v, e)
		}),
	}
	for _, err := range steps {
		if err != nil {
			return nil, err
		}
	}
	if sp.UseSelfFunding {
		if err = takeError(C.yv_send_set_use_self_funding(s, C.bool(true), &e), e); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// SendFunds is yv_client_send_funds: the payload and the idempotency key used.
func (c *Client) SendFunds(sp SendParams, call *Call) ([]byte, string, error) {
	s, err := buildSend(sp)
	if err != nil {
		return nil, "", err
	}
	defer C.yv_send_free(s)
	p, err := c.acquire()
	if err != nil {
		return nil, "", err
	}
	defer c.release()
	var out, key *C.yv_buffer
	var e *C.yv_error
	if err := takeError(C.yv_client_send_funds(p, s, call.ptr(), &out, &key, &e), e); err != nil {
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

func (c *Client) ListTransactions(q TxQuery, call *Call) ([]byte, error) {
	var query *C.yv_tx_query
	var e *C.yv_error
	if err := takeError(C.yv_tx_query_new(&query, &e), e); err != nil {
		return nil, err
	}
	defer C.yv_tx_query_free(query)
	if q.Page > 0 {
		if err := takeError(C.yv_tx_query_set_page(query, C.uint32_t(q.Page), &e), e); err != nil {
			return nil, err
		}
	}
	if q.Limit > 0 {
		if err := takeError(C.yv_tx_query_set_limit(query, C.uint32_t(q.Limit), &e), e); err != nil {
			return nil, err
		}
	}
	for _, f := range []struct {
		v   string
		set func(*C.yv_tx_query, *C.char, **C.yv_error) C.yv_status
	}{
		{q.Status, func(q *C.yv_tx_query, v *C.char, e **C.yv_error) C.yv_status {
			return C.yv_tx_query_set_status(q, v, e)
		}},
		{q.Chain, func(q *C.yv_tx_query, v *C.char, e **C.yv_error) C.yv_status { return C.yv_tx_query_set_chain(q, v, e) }},
		{q.Search, func(q *C.yv_tx_query, v *C.char, e **C.yv_error) C.yv_status {
			return C.yv_tx_query_set_search(q, v, e)
		}},
	} {
		if f.v == "" {
			continue
		}
		p := cstr(f.v)
		err := takeError(f.set(query, p, &e), e)
		free(p)
		if err != nil {
			return nil, err
		}
	}
	return c.bufferCall(func(p *C.yv_client, out **C.yv_buffer, e **C.yv_error) C.yv_status {
		return C.yv_client_list_transactions(p, query, call.ptr(), out, e)
	})
}
