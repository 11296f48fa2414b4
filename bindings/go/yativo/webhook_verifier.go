package yativo

import (
	"errors"
	"math"
	"net/http"
	"time"

	"github.com/libyativo/libyativo/bindings/go/internal/capi"
)

// WebhookVerifier is a replay guard: VerifyWebhook, then each event id is accepted once within
// a window (default 24 h). A captured delivery sent again, also one stripped of its scheme B
// headers (which a receiver cannot tell from a scheme A delivery), gives ErrSignatureInvalid; a
// verified event without an id gives ErrProtocol, since it cannot be de-duplicated. Share one
// verifier between goroutines: concurrent deliveries of one event are accepted exactly once.
// It remembers in this process only: receivers behind several instances also de-duplicate on
// Event.ID in their own store. Close it when done; a cleanup frees a forgotten one.
type WebhookVerifier struct {
	v *capi.WebhookVerifier
}

// VerifierOption tunes NewWebhookVerifier.
type VerifierOption func(*verifierConfig)

type verifierConfig struct {
	verify    verifyConfig
	window    time.Duration
	maxEvents int
	err       error
}

// WithReplayWindow sets how long an accepted event id is remembered (default 24 h; whole
// seconds, rounded up), on the monotonic clock from its acceptance.
func WithReplayWindow(d time.Duration) VerifierOption {
	return func(c *verifierConfig) {
		if d <= 0 {
			c.err = invalidArgument("replay window must be positive")
		}
		c.window = d
	}
}

// WithMaxEvents bounds how many ids are remembered (default 100 000). At the bound the oldest
// is forgotten first, before its window ends.
func WithMaxEvents(n int) VerifierOption {
	return func(c *verifierConfig) {
		if n <= 0 {
			c.err = invalidArgument("max events must be positive")
		}
		c.maxEvents = n
	}
}

// WithVerifyOptions passes WithTolerance and RequireTimestamp on to the signature check.
func WithVerifyOptions(opts ...VerifyOption) VerifierOption {
	return func(c *verifierConfig) {
		for _, o := range opts {
			if o != nil {
				o(&c.verify)
			}
		}
	}
}

// NewWebhookVerifier makes a replay guard for one subscription's signing secret.
func NewWebhookVerifier(secret string, opts ...VerifierOption) (*WebhookVerifier, error) {
	var cfg verifierConfig
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if cfg.err != nil {
		return nil, cfg.err
	}
	tol, err := cfg.verify.toleranceS()
	if err != nil {
		return nil, err
	}
	window := (cfg.window + time.Second - 1) / time.Second
	if window > math.MaxUint32 {
		window = math.MaxUint32
	}
	v, err := capi.NewWebhookVerifier(secret, uint32(window), uint64(cfg.maxEvents), tol, cfg.verify.requireTimestamp)
	if err != nil {
		return nil, fromCAPI(err)
	}
	return &WebhookVerifier{v: v}, nil
}

// Verify checks a delivery (body exactly as received) like VerifyWebhook and accepts its id
// once. After Close it fails with an error matching ErrClosed.
func (w *WebhookVerifier) Verify(body []byte, header http.Header) (*Event, error) {
	ev, err := w.v.Verify(body, capiHeaders(header))
	if errors.Is(err, capi.ErrClosed) {
		return nil, &Error{Code: CodeInvalidArgument, Message: "the webhook verifier is closed", cause: ErrClosed}
	}
	if err != nil {
		return nil, fromCAPI(err)
	}
	return newEvent(ev), nil
}

// Close frees the verifier (and wipes the library's copy of the secret) once calls in flight
// have returned. Idempotent; always returns nil.
func (w *WebhookVerifier) Close() error {
	w.v.Close()
	return nil
}
