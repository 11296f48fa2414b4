package yativo

import (
	"encoding/json"
	"math"
	"net/http"
	"sort"
	"time"

	"github.com/libyativo/libyativo/bindings/go/internal/capi"
)

// Event is a verified webhook delivery.
type Event struct {
	ID        string // de-duplicate deliveries on it
	Type      string
	CreatedAt string
	Data      json.RawMessage // the event's data ("null" when absent)
	Raw       json.RawMessage // the whole body
}

// VerifyOption tunes VerifyWebhook.
type VerifyOption func(*verifyConfig)

type verifyConfig struct {
	tolerance        time.Duration
	requireTimestamp bool
}

// WithTolerance sets the accepted age of a scheme B timestamp (default 300 s).
func WithTolerance(d time.Duration) VerifyOption { return func(c *verifyConfig) { c.tolerance = d } }

// RequireTimestamp refuses scheme A (no timestamp), so a captured delivery cannot be replayed.
func RequireTimestamp() VerifyOption { return func(c *verifyConfig) { c.requireTimestamp = true } }

// VerifyWebhook checks the signature of a webhook delivery over the raw body received, with the
// subscription's secret, and returns the parsed event. Scheme A: X-Webhook-Signature = hex
// HMAC-SHA256 of the body. Scheme B: X-Yativo-Signature "sha256=<hex>" over
// "<X-Yativo-Timestamp>.<body>"; when its headers are present only scheme B is accepted. A
// signature that does not verify, or a stale timestamp, gives ErrSignatureInvalid; a verified body
// that is not a JSON object gives ErrProtocol.
func VerifyWebhook(body []byte, header http.Header, secret string, opts ...VerifyOption) (*Event, error) {
	var cfg verifyConfig
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	tol, err := cfg.toleranceS()
	if err != nil {
		return nil, err
	}
	ev, err := capi.VerifyWebhook(body, capiHeaders(header), secret, tol, cfg.requireTimestamp)
	if err != nil {
		return nil, fromCAPI(err)
	}
	return newEvent(ev), nil
}

// toleranceS is the tolerance in whole seconds for C (rounded up; 0 = the default).
func (c *verifyConfig) toleranceS() (uint32, error) {
	if c.tolerance < 0 {
		return 0, invalidArgument("negative tolerance")
	}
	tol := (c.tolerance + time.Second - 1) / time.Second
	if tol > math.MaxUint32 {
		tol = math.MaxUint32
	}
	return uint32(tol), nil
}

// capiHeaders flattens received headers in a stable order.
func capiHeaders(header http.Header) []capi.Header {
	names := make([]string, 0, len(header))
	for name := range header {
		names = append(names, name)
	}
	sort.Strings(names)
	var hs []capi.Header
	for _, name := range names {
		for _, v := range header[name] {
			hs = append(hs, capi.Header{Name: name, Value: v})
		}
	}
	return hs
}

func newEvent(ev *capi.Event) *Event {
	return &Event{ID: ev.ID, Type: ev.Type, CreatedAt: ev.CreatedAt, Data: json.RawMessage(ev.DataJSON), Raw: json.RawMessage(ev.JSON)}
}

// SignWebhook returns the headers of both signature schemes for body, as the API would send
// them, at time at (the zero time = now). For tests of webhook receivers.
func SignWebhook(body []byte, secret string, at time.Time) (http.Header, error) {
	ts := capi.NowUnix
	if !at.IsZero() {
		ts = at.Unix()
		if ts < 0 {
			return nil, invalidArgument("time before 1970")
		}
	}
	hs, err := capi.SignWebhook(body, secret, ts)
	if err != nil {
		return nil, fromCAPI(err)
	}
	h := make(http.Header, len(hs))
	for _, kv := range hs {
		h.Add(kv.Name, kv.Value)
	}
	return h, nil
}

// TOTPOption tunes TOTP.
type TOTPOption func(*totpConfig)

type totpConfig struct {
	at     time.Time
	period time.Duration
	digits int
}

// At computes the code of time t instead of now.
func At(t time.Time) TOTPOption { return func(c *totpConfig) { c.at = t } }

// Period sets the TOTP step (default 30 s; whole seconds).
func Period(d time.Duration) TOTPOption { return func(c *totpConfig) { c.period = d } }

// Digits sets the code length, 6 (default) to 8.
func Digits(n int) TOTPOption { return func(c *totpConfig) { c.digits = n } }

// TOTP returns the RFC 6238 code (HMAC-SHA1) of a base32 secret, now unless At is given.
func TOTP(secret string, opts ...TOTPOption) (string, error) {
	var cfg totpConfig
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	ts := capi.NowUnix
	if !cfg.at.IsZero() {
		if ts = cfg.at.Unix(); ts < 0 {
			return "", invalidArgument("time before 1970")
		}
	}
	var period uint32
	if cfg.period != 0 {
		s, err := seconds("TOTP period", cfg.period, false)
		if err != nil {
			return "", err
		}
		period = s
	}
	if cfg.digits < 0 || cfg.digits > 8 {
		return "", invalidArgument("digits must be 6 to 8")
	}
	code, err := capi.TOTP(secret, ts, period, uint32(cfg.digits))
	if err != nil {
		return "", fromCAPI(err)
	}
	return code, nil
}
