package capi

/*
#include <yativo.h>
*/
import "C"

import "runtime"

// TxPager wraps a yv_tx_pager: a walk over the transaction history whose stop rule is the
// core's. It borrows its client: each Next holds the client's read lock, so Close never frees
// the client under a page in flight, and Next after Close gives ErrClosed. One goroutine at a
// time; Free it when done (a cleanup frees one that was not).
type TxPager struct {
	c       *Client
	p       *C.yv_tx_pager
	cleanup runtime.Cleanup
}

// NewTxPager is yv_tx_pager_new: query and call are copied, so both may be freed after it.
func (c *Client) NewTxPager(q TransactionQuery, call *Call) (*TxPager, error) {
	h, err := buildTransactionQuery(q)
	if err != nil {
		return nil, err
	}
	defer C.yv_tx_query_free(h)
	var p *C.yv_tx_pager
	err = c.do(call, func(a *clientArgs) C.yv_status {
		return C.yv_tx_pager_new(a.client, h, a.call, &p, a.err)
	})
	runtime.KeepAlive(call)
	if err != nil {
		return nil, err
	}
	t := &TxPager{c: c, p: p}
	t.cleanup = runtime.AddCleanup(t, func(p *C.yv_tx_pager) { C.yv_tx_pager_free(p) }, p)
	return t, nil
}

// Next is yv_tx_pager_next: the next page's transactions, or done (and no request) once the
// walk is over.
func (t *TxPager) Next() (page []Transaction, done bool, err error) {
	if _, err := t.c.acquire(); err != nil {
		return nil, false, err
	}
	defer t.c.release()
	var out *C.yv_transaction_list
	var d C.bool
	err = invoke(func(a *cargs) C.yv_status { return C.yv_tx_pager_next(t.p, &out, &d, a.err) })
	runtime.KeepAlive(t)
	yieldNow() // sched.go
	if err != nil {
		return nil, false, err
	}
	if d {
		return nil, true, nil
	}
	return takeTransactionList(out), false, nil
}

// Free is yv_tx_pager_free. Idempotent.
func (t *TxPager) Free() {
	if t.p == nil {
		return
	}
	t.cleanup.Stop()
	C.yv_tx_pager_free(t.p)
	t.p = nil
}
