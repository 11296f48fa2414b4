package yativo

import (
	"context"
	"encoding/json"
	"iter"
	"math"

	"github.com/libyativo/libyativo/bindings/go/internal/capi"
)

// The services and their Params structs are generated (endpoints.go, from api/endpoints.toml),
// and so are the records they return (records.go: Account, Asset, Balance, Transfer,
// Transaction); this file holds what they call and what is not an endpoint.
//
// Records hold exact values: amounts are decimal text (never a float64), counts *int64, and Raw
// the record's whole object. Calls answering JSON (GasPrice, Request) return the response
// payload (with the Envelope call option, the whole answer: "data" and its siblings); every JSON
// number in it is a string ("1250.000000"): decode amounts into string fields, never float64.

func (c *Client) payload(ctx context.Context, opts []CallOption, f func(*capi.Call) ([]byte, error)) (json.RawMessage, error) {
	return result(c, ctx, opts, func(b []byte) json.RawMessage { return b }, f)
}

// result makes one call of f and converts its result from capi's type to the public one.
func result[T, R any](c *Client, ctx context.Context, opts []CallOption, conv func(T) R, f func(*capi.Call) (T, error)) (R, error) {
	var out T
	err := c.do(ctx, opts, func(call *capi.Call) (err error) {
		out, err = f(call)
		return err
	})
	if err != nil {
		var none R
		return none, err
	}
	return conv(out), nil
}

// listOf converts a list of records with the conversion of one.
func listOf[T, R any](from func(*T) *R) func([]T) []R {
	return func(ts []T) []R {
		out := make([]R, len(ts))
		for i := range ts {
			out[i] = *from(&ts[i])
		}
		return out
	}
}

// uint32Arg is an int parameter as C takes it (0 = unset); the core checks its range further.
func uint32Arg(name string, v int) (uint32, error) {
	if v < 0 || uint64(v) > math.MaxUint32 {
		return 0, invalidArgument(name + " out of range")
	}
	return uint32(v), nil
}

// fieldsArg is a map of further body fields as the JSON object C takes ("" = none).
func fieldsArg(name string, m map[string]any) (string, error) {
	if len(m) == 0 {
		return "", nil
	}
	b, err := json.Marshal(m)
	if err != nil {
		return "", invalidArgument("cannot encode " + name + ": " + err.Error())
	}
	return string(b), nil
}

// All iterates over every transaction matching p, page after page from p.Page (p.Limit per
// page; 0 leaves the page size to the server). When the walk ends is the core's rule (see
// yv_tx_pager_new): it follows the server's pagination and makes no request past the last page.
// Iteration stops at the first error, which is yielded with a zero Transaction. ctx and opts
// hold for the whole walk (a timeout applies to each page); the Envelope option does not apply.
func (s *TransactionsService) All(ctx context.Context, p ListTransactionsParams, opts ...CallOption) iter.Seq2[Transaction, error] {
	return func(yield func(Transaction, error) bool) {
		page, err := uint32Arg("Page", p.Page)
		if err != nil {
			yield(Transaction{}, err)
			return
		}
		limit, err := uint32Arg("Limit", p.Limit)
		if err != nil {
			yield(Transaction{}, err)
			return
		}
		q := capi.TransactionQuery{Page: page, Limit: limit, Status: p.Status, Chain: p.Chain, Search: p.Search}
		stopped := false
		err = s.c.do(ctx, opts, func(call *capi.Call) error {
			pager, err := s.c.c.NewTxPager(q, call)
			if err != nil {
				return err
			}
			defer pager.Free()
			for {
				items, done, err := pager.Next()
				if err != nil || done {
					return err
				}
				for i := range items {
					if !yield(*transactionFrom(&items[i]), nil) {
						stopped = true
						return nil
					}
				}
			}
		})
		if err != nil && !stopped {
			yield(Transaction{}, err)
		}
	}
}

// Webhook is a webhook subscription. Secret, the signing secret, is set only on the webhook
// returned by Create (shown once) and never prints itself.
type Webhook struct {
	ID          string
	URL         string
	Events      []string
	Description string
	CreatedAt   string
	Secret      Secret
	// Raw is the whole object as the server sent it, as compact JSON (numbers as strings),
	// without the secret; nil when the library ran out of memory building it.
	Raw json.RawMessage
}

// webhookFrom converts capi's copy of a webhook (the generated methods name it).
func webhookFrom(w *capi.Webhook) *Webhook {
	return &Webhook{ID: w.ID, URL: w.URL, Events: w.Events, Description: w.Description, CreatedAt: w.CreatedAt,
		Secret: Secret(w.Secret), Raw: json.RawMessage(w.JSON)}
}

// Bool returns a pointer to v, for the optional bool fields of Params structs, where nil means
// unset (nothing is sent): AutoForwardingUpdateParams{Enabled: yativo.Bool(false)} pauses a rule.
func Bool(v bool) *bool {
	return &v
}
