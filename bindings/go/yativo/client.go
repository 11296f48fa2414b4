package yativo

import (
	"context"
	"encoding/json"
	"time"

	"github.com/libyativo/libyativo/bindings/go/internal/capi"
)

// Client talks to the Yativo Crypto API. It is safe for concurrent use; make one per set of
// credentials and share it. Close it when done.
type Client struct {
	c *capi.Client
	// The client's own total deadline per call (WithTimeout or the core's default): a context
	// deadline only ever shortens it.
	timeout time.Duration

	// BEGIN GENERATED: services (python3 -m codegen; do not edit)

	APIKeys        *APIKeysService
	Accounts       *AccountsService
	Assets         *AssetsService
	Balance        *BalanceService
	Transactions   *TransactionsService
	Webhooks       *WebhooksService
	Analytics      *AnalyticsService
	AutoForwarding *AutoForwardingService
	CardIssuer     *CardIssuerService
	Cards          *CardsService
	Customers      *CustomersService
	IBAN           *IBANService
	Session        *SessionService
	Swap           *SwapService
	// END GENERATED: services
}

// New makes a client. It validates the options and performs no I/O.
func New(opts ...Option) (*Client, error) {
	o, err := capi.NewOptions()
	if err != nil {
		return nil, fromCAPI(err)
	}
	defer o.Free()
	for _, opt := range opts {
		if opt.apply == nil {
			continue
		}
		if err := opt.apply(o); err != nil {
			return nil, fromCAPI(err)
		}
	}
	cc, err := capi.NewClient(o)
	if err != nil {
		return nil, fromCAPI(err)
	}
	timeout, err := cc.Timeout()
	if err != nil {
		cc.Close()
		return nil, fromCAPI(err)
	}
	c := &Client{c: cc, timeout: timeout}
	// BEGIN GENERATED: service assignments (python3 -m codegen; do not edit)
	c.APIKeys = &APIKeysService{c}
	c.Accounts = &AccountsService{c}
	c.Assets = &AssetsService{c}
	c.Balance = &BalanceService{c}
	c.Transactions = &TransactionsService{c}
	c.Webhooks = &WebhooksService{c}
	c.Analytics = &AnalyticsService{c}
	c.AutoForwarding = &AutoForwardingService{c}
	c.CardIssuer = &CardIssuerService{c}
	c.Cards = &CardsService{c}
	c.Customers = &CustomersService{c}
	c.IBAN = &IBANService{c}
	c.Session = &SessionService{c}
	c.Swap = &SwapService{c}
	// END GENERATED: service assignments
	return c, nil
}

// Close releases the client's connections. It waits for calls in flight to return, then frees
// the client; later calls fail with an error matching ErrClosed. Close is idempotent and safe to
// call from any goroutine.
func (c *Client) Close() error {
	c.c.Close()
	return nil
}

// BaseURL is the normalised base URL the client talks to.
func (c *Client) BaseURL() string {
	u, _ := c.c.BaseURL()
	return u
}

// SetCredentials replaces the API key and secret for every later call (the cached token is
// dropped), so a service can rotate its own key without a new client.
func (c *Client) SetCredentials(apiKey, apiSecret string) error {
	return fromCAPI(c.c.SetCredentials(apiKey, apiSecret))
}

// SetAccessToken replaces the bearer token of AuthBearer.
func (c *Client) SetAccessToken(token string) error {
	return fromCAPI(c.c.SetAccessToken(token))
}

// RateLimit is the X-RateLimit-* state of the last response that carried it.
type RateLimit struct {
	Limit     int64     // -1 when not reported
	Remaining int64     // -1 when not reported
	Reset     time.Time // when the window ends; zero when not reported
}

// RateLimit returns the last rate-limit headers seen; ok is false before any response carried
// them.
func (c *Client) RateLimit() (rl RateLimit, ok bool) {
	l, r, s, err := c.c.RateLimit()
	if err != nil {
		return RateLimit{Limit: -1, Remaining: -1}, false
	}
	rl = RateLimit{Limit: l, Remaining: r}
	if s >= 0 {
		rl.Reset = time.Unix(s, 0)
	}
	return rl, l >= 0 || r >= 0 || s >= 0
}

// do runs one C call under ctx: a context deadline earlier than the client's own becomes the
// call's total deadline, and the context's end triggers the call's cancellation token (through
// context.AfterFunc, stopped, and waited for, before the token is freed).
func (c *Client) do(ctx context.Context, opts []CallOption, fn func(*capi.Call) error) error {
	if ctx == nil {
		return invalidArgument("nil context")
	}
	var cfg callConfig
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if err := ctx.Err(); err != nil {
		return contextError(nil, context.Cause(ctx))
	}
	cp := capi.CallParams{IdempotencyKey: cfg.idempotencyKey, TOTPCode: cfg.totpCode, Envelope: cfg.envelope}
	deadline, hasDeadline := ctx.Deadline()
	if hasDeadline {
		left := time.Until(deadline)
		if left <= 0 {
			return contextError(nil, context.DeadlineExceeded)
		}
		if left < c.timeout {
			cp.Timeout = left
		}
	}
	done := ctx.Done()
	cp.Cancellable = done != nil
	call, err := capi.NewCall(cp)
	if err != nil {
		return fromCAPI(err)
	}
	defer call.Free()
	if done != nil {
		fired := make(chan struct{})
		stop := context.AfterFunc(ctx, func() {
			defer close(fired)
			call.Cancel()
		})
		defer func() {
			if !stop() {
				<-fired // the trigger is running or ran: let it finish before Free
			}
		}()
	}
	err = fn(call)
	if err == nil {
		return nil
	}
	e, _ := fromCAPI(err).(*Error)
	if e == nil {
		return fromCAPI(err)
	}
	switch e.Code {
	case CodeCancelled:
		if ctxErr := ctx.Err(); ctxErr != nil {
			return contextError(e, ctxErr)
		}
	case CodeTimeout:
		// The core's deadline is the context's: when it passed (the Go timer may fire a moment
		// later than the core's), the context caused it.
		if ctxErr := ctx.Err(); ctxErr != nil {
			return contextError(e, ctxErr)
		}
		if hasDeadline && time.Until(deadline) < 20*time.Millisecond {
			return contextError(e, context.DeadlineExceeded)
		}
	}
	return e
}

// Request calls any endpoint: method is GET, POST, PUT, PATCH or DELETE, path is relative to
// the base URL. body is nil (no body), a []byte or json.RawMessage of JSON text, or any value
// encoding/json can marshal. It returns the response payload (the whole answer with Envelope()).
func (c *Client) Request(ctx context.Context, method, path string, body any, opts ...CallOption) (json.RawMessage, error) {
	var raw []byte
	switch b := body.(type) {
	case nil:
	case json.RawMessage:
		raw = b
	case []byte:
		raw = b
	case string:
		raw = []byte(b)
	default:
		var err error
		if raw, err = json.Marshal(b); err != nil {
			return nil, invalidArgument("cannot encode the request body: " + err.Error())
		}
	}
	var out []byte
	err := c.do(ctx, opts, func(call *capi.Call) (err error) {
		out, err = c.c.Request(method, path, raw, call)
		return err
	})
	return out, err
}

// AccessToken is an access token of the token endpoint.
type AccessToken struct {
	AccessToken Secret        // the bearer token; never printed
	TokenType   string        // "Bearer"
	ExpiresIn   time.Duration // life left when returned
	ExpiresAt   string        // as the server wrote it, or ""
	Scopes      []string
}

// Token returns the client's access token (AuthToken), exchanging the key and secret now when
// no valid token is cached.
func (c *Client) Token(ctx context.Context, opts ...CallOption) (*AccessToken, error) {
	var t *capi.Token
	err := c.do(ctx, opts, func(call *capi.Call) (err error) {
		t, err = c.c.Token(call)
		return err
	})
	if err != nil {
		return nil, err
	}
	return &AccessToken{
		AccessToken: Secret(t.AccessToken),
		TokenType:   t.TokenType,
		ExpiresIn:   time.Duration(t.ExpiresIn) * time.Second,
		ExpiresAt:   t.ExpiresAt,
		Scopes:      t.Scopes,
	}, nil
}

// Version is the version of the libyativo library in use ("0.2.0").
func Version() string { return capi.Version() }
