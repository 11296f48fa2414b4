package yativo

import (
	"context"
	"encoding/json"
	"iter"
	"math"

	"github.com/libyativo/libyativo/bindings/go/internal/capi"
)

// Resource calls return the response payload as JSON (with the Envelope call option, the whole
// answer: "data" and its siblings). Every JSON number in it is a string ("1250.000000"): decode
// amounts into string fields, never float64.

func (c *Client) payload(ctx context.Context, opts []CallOption, f func(*capi.Call) ([]byte, error)) (json.RawMessage, error) {
	var out []byte
	err := c.do(ctx, opts, func(call *capi.Call) (err error) {
		out, err = f(call)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// AccountsService: /accounts.
type AccountsService struct{ c *Client }

// List returns the accounts (GET /accounts/get-accounts).
func (s *AccountsService) List(ctx context.Context, opts ...CallOption) (json.RawMessage, error) {
	return s.c.payload(ctx, opts, s.c.c.ListAccounts)
}

// CreateAccountParams are the fields of a new account.
type CreateAccountParams struct {
	Name string
	Type string // "" = "business"
}

// Create makes an account (POST /accounts/create-account).
func (s *AccountsService) Create(ctx context.Context, p CreateAccountParams, opts ...CallOption) (json.RawMessage, error) {
	return s.c.payload(ctx, opts, func(call *capi.Call) ([]byte, error) { return s.c.c.CreateAccount(p.Name, p.Type, call) })
}

// AssetsService: /assets.
type AssetsService struct{ c *Client }

// AddAssetParams name an asset to add to an account.
type AddAssetParams struct {
	AccountID string
	Chain     string // "solana", "ethereum", ...
	Ticker    string // "USDC_SOL", "ETH", ...
}

// Add adds an asset (a wallet) to an account (POST /assets/add-asset).
func (s *AssetsService) Add(ctx context.Context, p AddAssetParams, opts ...CallOption) (json.RawMessage, error) {
	return s.c.payload(ctx, opts, func(call *capi.Call) ([]byte, error) {
		return s.c.c.AddAsset(p.AccountID, p.Chain, p.Ticker, call)
	})
}

// List returns the assets of one account, or of every account when accountID is ""
// (POST /assets/get-user-assets).
func (s *AssetsService) List(ctx context.Context, accountID string, opts ...CallOption) (json.RawMessage, error) {
	return s.c.payload(ctx, opts, func(call *capi.Call) ([]byte, error) { return s.c.c.ListAssets(accountID, call) })
}

// BalanceService: /balance.
type BalanceService struct{ c *Client }

// Check returns an asset's balance (POST /balance/check); the balance is a decimal string.
func (s *BalanceService) Check(ctx context.Context, assetID string, opts ...CallOption) (json.RawMessage, error) {
	return s.c.payload(ctx, opts, func(call *capi.Call) ([]byte, error) { return s.c.c.CheckBalance(assetID, call) })
}

// TransactionsService: /transactions.
type TransactionsService struct{ c *Client }

// GasPriceParams ask for a fee estimate.
type GasPriceParams struct {
	Chain    string
	Priority string // "" = "medium"
	// Extra holds further request fields, marshalled into the JSON body.
	Extra map[string]any
}

// GasPrice returns a fee estimate (POST /transactions/get-gas-price).
func (s *TransactionsService) GasPrice(ctx context.Context, p GasPriceParams, opts ...CallOption) (json.RawMessage, error) {
	var extra string
	if len(p.Extra) > 0 {
		b, err := json.Marshal(p.Extra)
		if err != nil {
			return nil, invalidArgument("cannot encode Extra: " + err.Error())
		}
		extra = string(b)
	}
	return s.c.payload(ctx, opts, func(call *capi.Call) ([]byte, error) {
		return s.c.c.GasPrice(p.Chain, p.Priority, extra, call)
	})
}

// SendFundsParams are the fields of a transfer (schema S1). Every field but Priority,
// Description and UseSelfFunding is required.
type SendFundsParams struct {
	AccountID        string // "account"
	AssetID          string // "assets": the asset to send from
	ReceivingAddress string
	// Amount is a decimal string (> 0, at most 18 decimals): "12.50".
	Amount      string
	Type        string // the token symbol: "USDC" for a USDC_SOL asset
	Chain       string
	Category    string // personal, business, payment, auto-forward, other, transfer
	Priority    string // low, medium (""), high
	Description string
	// UseSelfFunding pays the fee from the asset itself (native assets only).
	UseSelfFunding bool
}

// Transfer is the result of SendFunds.
type Transfer struct {
	// IdempotencyKey is the key the transfer was sent with: the IdempotencyKey call option, or
	// a generated UUIDv4. Retrying with it never sends twice.
	IdempotencyKey string
	// Data is the transaction as the server answered it (its "idempotency_key" included).
	Data json.RawMessage
}

// SendFunds sends a transfer (POST /transactions/send-funds). It always carries an
// Idempotency-Key, reused on every retry; on failure the *Error carries it too, with
// OutcomeUnknown set when the transfer may have happened: retry with IdempotencyKey(err.IdempotencyKey).
// A 2FA code is sent only when given with TOTPCode.
func (s *TransactionsService) SendFunds(ctx context.Context, p SendFundsParams, opts ...CallOption) (*Transfer, error) {
	sp := capi.SendParams{
		Account: p.AccountID, Asset: p.AssetID, ReceivingAddress: p.ReceivingAddress, Amount: p.Amount,
		Type: p.Type, Chain: p.Chain, Category: p.Category, Priority: p.Priority,
		Description: p.Description, UseSelfFunding: p.UseSelfFunding,
	}
	var data []byte
	var key string
	err := s.c.do(ctx, opts, func(call *capi.Call) (err error) {
		data, key, err = s.c.c.SendFunds(sp, call)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &Transfer{IdempotencyKey: key, Data: data}, nil
}

// ListTransactionsParams filter the history; zero values are left out.
type ListTransactionsParams struct {
	Page   int // from 1; 0 = the first
	Limit  int // 1..100; 0 = the server's default
	Status string
	Chain  string
	Search string // a transaction id or hash
}

func (p ListTransactionsParams) query() (capi.TxQuery, error) {
	if p.Page < 0 || p.Page > math.MaxUint32 || p.Limit < 0 || p.Limit > math.MaxUint32 {
		return capi.TxQuery{}, invalidArgument("page or limit out of range")
	}
	return capi.TxQuery{Page: uint32(p.Page), Limit: uint32(p.Limit), Status: p.Status, Chain: p.Chain, Search: p.Search}, nil
}

// List returns one page of the transaction history (POST /transactions/get-transactions). With
// Envelope() it returns the whole answer, whose "pagination" holds page, limit, total and pages.
func (s *TransactionsService) List(ctx context.Context, p ListTransactionsParams, opts ...CallOption) (json.RawMessage, error) {
	q, err := p.query()
	if err != nil {
		return nil, err
	}
	return s.c.payload(ctx, opts, func(call *capi.Call) ([]byte, error) { return s.c.c.ListTransactions(q, call) })
}

// All iterates over every transaction matching p, page after page from p.Page (Limit per page,
// default 100), until a page comes back short. Iteration stops at the first error, which is
// yielded. It yields items, so an Envelope option is ignored.
func (s *TransactionsService) All(ctx context.Context, p ListTransactionsParams, opts ...CallOption) iter.Seq2[json.RawMessage, error] {
	opts = append(opts[:len(opts):len(opts)], func(c *callConfig) { c.envelope = false })
	return func(yield func(json.RawMessage, error) bool) {
		if p.Page == 0 {
			p.Page = 1
		}
		if p.Limit == 0 {
			p.Limit = 100
		}
		for {
			page, err := s.List(ctx, p, opts...)
			if err != nil {
				yield(nil, err)
				return
			}
			var items []json.RawMessage
			if err := json.Unmarshal(page, &items); err != nil {
				yield(nil, &Error{Code: CodeProtocol, Message: "the transaction page is not a JSON array"})
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if len(items) < p.Limit {
				return
			}
			p.Page++
		}
	}
}

// WebhooksService: /webhook.
type WebhooksService struct{ c *Client }

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

// CreateWebhookParams describe a subscription.
type CreateWebhookParams struct {
	URL         string
	Events      []string // at least one
	Description string
}

// Create subscribes a URL to events (POST /webhook/create).
func (s *WebhooksService) Create(ctx context.Context, p CreateWebhookParams, opts ...CallOption) (*Webhook, error) {
	var w *capi.Webhook
	err := s.c.do(ctx, opts, func(call *capi.Call) (err error) {
		w, err = s.c.c.CreateWebhook(p.URL, p.Events, p.Description, call)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &Webhook{ID: w.ID, URL: w.URL, Events: w.Events, Description: w.Description, CreatedAt: w.CreatedAt, Secret: Secret(w.Secret)}, nil
}

// List returns the subscriptions (GET /webhook/list).
func (s *WebhooksService) List(ctx context.Context, opts ...CallOption) (json.RawMessage, error) {
	return s.c.payload(ctx, opts, s.c.c.ListWebhooks)
}

// Delete removes a subscription (DELETE /webhook/{id}).
func (s *WebhooksService) Delete(ctx context.Context, id string, opts ...CallOption) error {
	return s.c.do(ctx, opts, func(call *capi.Call) error { return s.c.c.DeleteWebhook(id, call) })
}
