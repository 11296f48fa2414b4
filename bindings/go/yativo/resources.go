package yativo

import (
	"context"
	"encoding/json"
	"iter"
	"math"

	"github.com/libyativo/libyativo/bindings/go/internal/capi"
)

// The services and their Params structs are generated (endpoints.go, from api/endpoints.toml);
// this file holds what they call and what is not an endpoint.
//
// Resource calls return the response payload as JSON (with the Envelope call option, the whole
// answer: "data" and its siblings). Every JSON number in it is a string ("1250.000000"): decode
// amounts into string fields, never float64.

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

// transfer makes one call that moves value: its payload and the Idempotency-Key it carried.
func transfer(c *Client, ctx context.Context, opts []CallOption, f func(*capi.Call) ([]byte, string, error)) (*Transfer, error) {
	var data []byte
	var key string
	err := c.do(ctx, opts, func(call *capi.Call) (err error) {
		data, key, err = f(call)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &Transfer{IdempotencyKey: key, Data: data}, nil
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

// Transfer is the result of SendFunds.
type Transfer struct {
	// IdempotencyKey is the key the transfer was sent with: the IdempotencyKey call option, or
	// a generated UUIDv4. Retrying with it never sends twice.
	IdempotencyKey string
	// Data is the transaction as the server answered it (its "idempotency_key" included).
	Data json.RawMessage
}

// All iterates over every transaction matching p, page after page from p.Page (p.Limit per
// page; 0 leaves the page size to the server). When the walk ends is the core's rule (see
// yv_tx_pager_new): it follows the server's pagination and makes no request past the last page.
// Iteration stops at the first error, which is yielded. ctx and opts hold for the whole walk
// (a timeout applies to each page). It yields items, so an Envelope option is ignored.
func (s *TransactionsService) All(ctx context.Context, p ListTransactionsParams, opts ...CallOption) iter.Seq2[json.RawMessage, error] {
	opts = append(opts[:len(opts):len(opts)], func(c *callConfig) { c.envelope = false })
	return func(yield func(json.RawMessage, error) bool) {
		page, err := uint32Arg("Page", p.Page)
		if err != nil {
			yield(nil, err)
			return
		}
		limit, err := uint32Arg("Limit", p.Limit)
		if err != nil {
			yield(nil, err)
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
				answer, done, err := pager.Next()
				if err != nil || done {
					return err
				}
				var items []json.RawMessage
				if err := json.Unmarshal(answer, &items); err != nil {
					return &Error{Code: CodeProtocol, Message: "the transaction page is not a JSON array"}
				}
				for _, it := range items {
					if !yield(it, nil) {
						stopped = true
						return nil
					}
				}
			}
		})
		if err != nil && !stopped {
			yield(nil, err)
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
}

// webhookFrom converts capi's copy of a webhook (the generated methods name it).
func webhookFrom(w *capi.Webhook) *Webhook {
	return &Webhook{ID: w.ID, URL: w.URL, Events: w.Events, Description: w.Description, CreatedAt: w.CreatedAt, Secret: Secret(w.Secret)}
}
