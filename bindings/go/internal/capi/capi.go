// Package capi is the thin cgo layer over libyativo's C ABI (yativo.h). It owns every C
// reference of the Go binding: C strings are freed with defer, owned outputs are copied into Go
// memory and released with the library's own free functions, and C never holds a Go pointer.
// Package yativo builds the idiomatic API on top.
package capi

/*
#cgo pkg-config: yativo
#include <stdlib.h>
#include <yativo.h>

yv_status yvgo_set_log_callback(yv_options *opts, uintptr_t handle, yv_error **err);
*/
import "C"

import (
	"errors"
	"runtime"
	"sync"
	"time"
	"unsafe"
)

// Status codes used by the Go layer itself.
const (
	StatusOK              = int(C.YV_OK)
	StatusInvalidArgument = int(C.YV_E_INVALID_ARGUMENT)
	StatusTimeout         = int(C.YV_E_TIMEOUT)
	StatusCancelled       = int(C.YV_E_CANCELLED)
)

// NowUnix is YV_NOW: "the current time" for TOTP and signing.
const NowUnix = int64(-1)

// Error is every field of a yv_error, copied into Go memory.
type Error struct {
	Code                  int
	Message               string
	HTTPStatus            int
	ErrorCode             string
	DetailsJSON           string
	HasDetails            bool
	RequestID             string
	RetryAfterMS          int64
	ExistingTransactionID string
	IdempotencyKey        string
	OutcomeUnknown        bool
	Retryable             bool
}

func (e *Error) Error() string { return e.Message }

// ErrClosed is returned by calls on a closed client.
var ErrClosed = errors.New("the client is closed")

func gostr(p *C.char) string {
	if p == nil {
		return ""
	}
	return C.GoString(p)
}

// cstr returns a C copy of s, NULL for "" when optional; the caller frees it with free().
func cstr(s string) *C.char { return C.CString(s) }

func cstrOpt(s string) *C.char {
	if s == "" {
		return nil
	}
	return C.CString(s)
}

func free(p *C.char) {
	if p != nil {
		C.free(unsafe.Pointer(p))
	}
}

// takeError converts the result of a C call, freeing the C error object.
func takeError(st C.yv_status, e *C.yv_error) error {
	if st == C.YV_OK {
		C.yv_error_free(e) // NULL after a success; harmless
		return nil
	}
	if e == nil {
		return &Error{Code: int(st), Message: gostr(C.yv_status_str(st)), RetryAfterMS: -1}
	}
	defer C.yv_error_free(e)
	details := C.yv_error_details_json(e)
	return &Error{
		Code:                  int(C.yv_error_code(e)),
		Message:               gostr(C.yv_error_message(e)),
		HTTPStatus:            int(C.yv_error_http_status(e)),
		ErrorCode:             gostr(C.yv_error_error_code(e)),
		DetailsJSON:           gostr(details),
		HasDetails:            details != nil,
		RequestID:             gostr(C.yv_error_request_id(e)),
		RetryAfterMS:          int64(C.yv_error_retry_after_ms(e)),
		ExistingTransactionID: gostr(C.yv_error_existing_transaction_id(e)),
		IdempotencyKey:        gostr(C.yv_error_idempotency_key(e)),
		OutcomeUnknown:        bool(C.yv_error_outcome_unknown(e)),
		Retryable:             bool(C.yv_error_retryable(e)),
	}
}

// InvalidArgument builds an INVALID_ARGUMENT error detected on the Go side.
func InvalidArgument(msg string) error {
	return &Error{Code: StatusInvalidArgument, Message: msg, RetryAfterMS: -1}
}

// takeBuffer copies an owned yv_buffer into Go memory and frees it.
func takeBuffer(b *C.yv_buffer) []byte {
	if b == nil {
		return nil
	}
	defer C.yv_buffer_free(b)
	n := C.yv_buffer_len(b)
	if n == 0 {
		return []byte{}
	}
	return C.GoBytes(unsafe.Pointer(C.yv_buffer_data(b)), C.int(n))
}

// cstrings is a C array of C strings built from a Go slice. The array itself lives in Go memory
// (it holds only C pointers, which cgo allows); the strings are C copies freed by free().
type cstrings struct{ ptrs []*C.char }

func newCStrings(ss []string) *cstrings {
	cs := &cstrings{ptrs: make([]*C.char, len(ss))}
	for i, s := range ss {
		cs.ptrs[i] = C.CString(s)
	}
	return cs
}

func (cs *cstrings) data() **C.char {
	if len(cs.ptrs) == 0 {
		return nil
	}
	return &cs.ptrs[0]
}

func (cs *cstrings) count() C.size_t { return C.size_t(len(cs.ptrs)) }

func (cs *cstrings) free() {
	for _, p := range cs.ptrs {
		C.free(unsafe.Pointer(p))
	}
}

// Version is yv_version().
func Version() string { return gostr(C.yv_version()) }

// StatusString is yv_status_str().
func StatusString(code int) string { return gostr(C.yv_status_str(C.yv_status(code))) }

// ---------------------------------------------------------------------------------------------
// Options

// Options wraps a yv_options handle. Not safe for concurrent use (a builder).
type Options struct{ p *C.yv_options }

// NewOptions makes an options handle; free it with Free.
func NewOptions() (*Options, error) {
	var p *C.yv_options
	var e *C.yv_error
	if err := takeError(C.yv_options_new(&p, &e), e); err != nil {
		return nil, err
	}
	return &Options{p: p}, nil
}

// Free releases the handle; idempotent.
func (o *Options) Free() {
	C.yv_options_free(o.p)
	o.p = nil
}

func (o *Options) setString(s string, f func(*C.yv_options, *C.char, **C.yv_error) C.yv_status) error {
	p := cstr(s)
	defer free(p)
	var e *C.yv_error
	err := takeError(f(o.p, p, &e), e)
	runtime.KeepAlive(o)
	return err
}

// setSecret is setString for a secret: its C copy is wiped before it is freed.
func (o *Options) setSecret(s string, f func(*C.yv_options, *C.char, **C.yv_error) C.yv_status) error {
	p := cstr(s)
	defer freeSecret(p, len(s))
	var e *C.yv_error
	err := takeError(f(o.p, p, &e), e)
	runtime.KeepAlive(o)
	return err
}

func (o *Options) setU32(v uint32, f func(*C.yv_options, C.uint32_t, **C.yv_error) C.yv_status) error {
	var e *C.yv_error
	err := takeError(f(o.p, C.uint32_t(v), &e), e)
	runtime.KeepAlive(o)
	return err
}

func (o *Options) setBool(v bool, f func(*C.yv_options, C.bool, **C.yv_error) C.yv_status) error {
	var e *C.yv_error
	err := takeError(f(o.p, C.bool(v), &e), e)
	runtime.KeepAlive(o)
	return err
}

// The setters mirror yv_options_set_*.

func (o *Options) SetEnvironment(env int) error {
	var e *C.yv_error
	err := takeError(C.yv_options_set_environment(o.p, C.yv_environment(env), &e), e)
	runtime.KeepAlive(o)
	return err
}

func (o *Options) SetAuthMode(mode int) error {
	var e *C.yv_error
	err := takeError(C.yv_options_set_auth_mode(o.p, C.yv_auth_mode(mode), &e), e)
	runtime.KeepAlive(o)
	return err
}

func (o *Options) SetLogLevel(level int) error {
	var e *C.yv_error
	err := takeError(C.yv_options_set_log_level(o.p, C.yv_log_level(level), &e), e)
	runtime.KeepAlive(o)
	return err
}

func (o *Options) SetBaseURL(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_base_url(p, v, e)
	})
}

func (o *Options) SetAPIKey(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_api_key(p, v, e)
	})
}

func (o *Options) SetAPISecret(s string) error {
	return o.setSecret(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_api_secret(p, v, e)
	})
}

func (o *Options) SetAccessToken(s string) error {
	return o.setSecret(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_access_token(p, v, e)
	})
}

func (o *Options) SetTOTPSecret(s string) error {
	return o.setSecret(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_totp_secret(p, v, e)
	})
}

func (o *Options) SetCAFile(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_ca_file(p, v, e)
	})
}

func (o *Options) SetCAPath(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_ca_path(p, v, e)
	})
}

func (o *Options) SetCABlob(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_ca_blob(p, v, e)
	})
}

func (o *Options) SetPinnedPublicKey(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_pinned_public_key(p, v, e)
	})
}

func (o *Options) SetProxy(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_proxy(p, v, e)
	})
}

func (o *Options) SetUserAgent(s string) error {
	return o.setString(s, func(p *C.yv_options, v *C.char, e **C.yv_error) C.yv_status {
		return C.yv_options_set_user_agent(p, v, e)
	})
}

func (o *Options) SetTOTPPeriodSeconds(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_totp_period_s(p, v, e)
	})
}

func (o *Options) SetTimeoutMS(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_timeout_ms(p, v, e)
	})
}

func (o *Options) SetConnectTimeoutMS(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_connect_timeout_ms(p, v, e)
	})
}

func (o *Options) SetAttemptTimeoutMS(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_attempt_timeout_ms(p, v, e)
	})
}

func (o *Options) SetMaxRetries(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_max_retries(p, v, e)
	})
}

func (o *Options) SetBackoffBaseMS(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_backoff_base_ms(p, v, e)
	})
}

func (o *Options) SetBackoffCapMS(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_backoff_cap_ms(p, v, e)
	})
}

func (o *Options) SetRefreshMarginSeconds(v uint32) error {
	return o.setU32(v, func(p *C.yv_options, v C.uint32_t, e **C.yv_error) C.yv_status {
		return C.yv_options_set_refresh_margin_s(p, v, e)
	})
}

func (o *Options) SetMaxResponseBytes(v uint64) error {
	var e *C.yv_error
	err := takeError(C.yv_options_set_max_response_bytes(o.p, C.uint64_t(v), &e), e)
	runtime.KeepAlive(o)
	return err
}

func (o *Options) SetTOTPUseServerTime(v bool) error {
	return o.setBool(v, func(p *C.yv_options, v C.bool, e **C.yv_error) C.yv_status {
		return C.yv_options_set_totp_use_server_time(p, v, e)
	})
}

func (o *Options) SetUseEnvironment(v bool) error {
	return o.setBool(v, func(p *C.yv_options, v C.bool, e **C.yv_error) C.yv_status {
		return C.yv_options_set_use_environment(p, v, e)
	})
}

// SetLogCallback installs fn through a cgo.Handle (see log.go): C holds only the handle's number,
// and the library's free function deletes the handle when the options and every client made from
// them are gone.
func (o *Options) SetLogCallback(fn LogFunc) error {
	h := newLogHandle(fn)
	var e *C.yv_error
	err := takeError(C.yvgo_set_log_callback(o.p, C.uintptr_t(h), &e), e)
	runtime.KeepAlive(o)
	if err != nil {
		deleteLogHandle(h) // on failure the library took nothing
	}
	return err
}

// ---------------------------------------------------------------------------------------------
// Per-call options and cancellation

// CallParams are the per-call settings of a yv_call.
type CallParams struct {
	Timeout        time.Duration // 0: the client's default
	IdempotencyKey string
	TOTPCode       string
	Envelope       bool // payloads as the whole answer, not only its data
	Cancellable    bool // attach a yv_cancel that Cancel triggers
}

// Call wraps a yv_call and its optional yv_cancel.
type Call struct {
	p      *C.yv_call
	cancel *C.yv_cancel
}

// NewCall builds a yv_call; Free it after the call returned.
func NewCall(cp CallParams) (call *Call, err error) {
	call = &Call{}
	var e *C.yv_error
	if err = takeError(C.yv_call_new(&call.p, &e), e); err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			call.Free()
			call = nil
		}
	}()
	if cp.Timeout > 0 {
		ms := (cp.Timeout + time.Millisecond - 1) / time.Millisecond
		if ms > 0xFFFFFFFF {
			ms = 0xFFFFFFFF
		}
		if err = takeError(C.yv_call_set_timeout_ms(call.p, C.uint32_t(ms), &e), e); err != nil {
			return
		}
	}
	if cp.IdempotencyKey != "" {
		k := cstr(cp.IdempotencyKey)
		defer free(k)
		if err = takeError(C.yv_call_set_idempotency_key(call.p, k, &e), e); err != nil {
			return
		}
	}
	if cp.TOTPCode != "" {
		c := cstr(cp.TOTPCode)
		defer freeSecret(c, len(cp.TOTPCode))
		if err = takeError(C.yv_call_set_totp_code(call.p, c, &e), e); err != nil {
			return
		}
	}
	if cp.Envelope {
		if err = takeError(C.yv_call_set_envelope(call.p, C.bool(true), &e), e); err != nil {
			return
		}
	}
	if cp.Cancellable {
		if err = takeError(C.yv_cancel_new(&call.cancel, &e), e); err != nil {
			return
		}
		if err = takeError(C.yv_call_set_cancel(call.p, call.cancel, &e), e); err != nil {
			return
		}
	}
	return call, nil
}

// Cancel triggers the call's cancellation token (any goroutine; idempotent). It must not run
// after Free.
func (c *Call) Cancel() { C.yv_cancel_trigger(c.cancel) }

// Free releases the call and its token.
func (c *Call) Free() {
	C.yv_call_free(c.p)
	C.yv_cancel_free(c.cancel)
	c.p, c.cancel = nil, nil
}

func (c *Call) ptr() *C.yv_call {
	if c == nil {
		return nil
	}
	return c.p
}

// ---------------------------------------------------------------------------------------------
// Client

// Client wraps a yv_client. Calls hold a read lock for their whole duration and Close takes the
// write lock, so yv_client_free never races a call; a cleanup frees a client that was never
// closed.
type Client struct {
	mu      sync.RWMutex
	p       *C.yv_client
	cleanup runtime.Cleanup
}

// NewClient makes a client from opts (which may be freed right after).
func NewClient(o *Options) (*Client, error) {
	var p *C.yv_client
	var e *C.yv_error
	var op *C.yv_options
	if o != nil {
		op = o.p
	}
	err := takeError(C.yv_client_new(op, &p, &e), e)
	runtime.KeepAlive(o)
	if err != nil {
		return nil, err
	}
	c := &Client{p: p}
	c.cleanup = runtime.AddCleanup(c, func(p *C.yv_client) { C.yv_client_free(p) }, p)
	return c, nil
}

// Close frees the client once every call in flight has returned; later calls get ErrClosed.
// Idempotent.
func (c *Client) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.p == nil {
		return
	}
	c.cleanup.Stop()
	C.yv_client_free(c.p)
	c.p = nil
}

func (c *Client) acquire() (*C.yv_client, error) {
	c.mu.RLock()
	if c.p == nil {
		c.mu.RUnlock()
		return nil, ErrClosed
	}
	return c.p, nil
}

func (c *Client) release() {
	c.mu.RUnlock()
	runtime.KeepAlive(c)
}

// BaseURL is yv_client_base_url.
func (c *Client) BaseURL() (string, error) {
	p, err := c.acquire()
	if err != nil {
		return "", err
	}
	defer c.release()
	return gostr(C.yv_client_base_url(p)), nil
}

// Timeout is yv_client_timeout_ms: the total deadline of a call that sets none.
func (c *Client) Timeout() (time.Duration, error) {
	p, err := c.acquire()
	if err != nil {
		return 0, err
	}
	defer c.release()
	return time.Duration(C.yv_client_timeout_ms(p)) * time.Millisecond, nil
}

// SetCredentials is yv_client_set_credentials.
func (c *Client) SetCredentials(key, secret string) error {
	p, err := c.acquire()
	if err != nil {
		return err
	}
	defer c.release()
	k, s := cstr(key), cstr(secret)
	defer free(k)
	defer freeSecret(s, len(secret))
	var e *C.yv_error
	return takeError(C.yv_client_set_credentials(p, k, s, &e), e)
}

// SetAccessToken is yv_client_set_access_token.
func (c *Client) SetAccessToken(token string) error {
	p, err := c.acquire()
	if err != nil {
		return err
	}
	defer c.release()
	t := cstr(token)
	defer freeSecret(t, len(token))
	var e *C.yv_error
	return takeError(C.yv_client_set_access_token(p, t, &e), e)
}

// RateLimit is yv_client_rate_limit.
func (c *Client) RateLimit() (limit, remaining, reset int64, err error) {
	p, err := c.acquire()
	if err != nil {
		return -1, -1, -1, err
	}
	defer c.release()
	var l, r, s C.int64_t
	var e *C.yv_error
	if err := takeError(C.yv_client_rate_limit(p, &l, &r, &s, &e), e); err != nil {
		return -1, -1, -1, err
	}
	return int64(l), int64(r), int64(s), nil
}

// Request is yv_client_request.
func (c *Client) Request(method, path string, body []byte, call *Call) ([]byte, error) {
	p, err := c.acquire()
	if err != nil {
		return nil, err
	}
	defer c.release()
	m, pa := cstr(method), cstr(path)
	defer free(m)
	defer free(pa)
	// The body is passed in place (no C copy left behind unwiped): it holds no Go pointers and
	// the library copies it before returning.
	bp, bl := bodyPtr(body)
	var out *C.yv_buffer
	var e *C.yv_error
	err = takeError(C.yv_client_request(p, m, pa, (*C.char)(unsafe.Pointer(bp)), bl, call.ptr(), &out, &e), e)
	runtime.KeepAlive(body)
	if err != nil {
		return nil, err
	}
	return takeBuffer(out), nil
}

// bufferCall runs a C function that fills a yv_buffer.
func (c *Client) bufferCall(f func(p *C.yv_client, out **C.yv_buffer, e **C.yv_error) C.yv_status) ([]byte, error) {
	p, err := c.acquire()
	if err != nil {
		return nil, err
	}
	defer c.release()
	var out *C.yv_buffer
	var e *C.yv_error
	if err := takeError(f(p, &out, &e), e); err != nil {
		return nil, err
	}
	return takeBuffer(out), nil
}

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

func (c *Client) ListWebhooks(call *Call) ([]byte, error) {
	return c.bufferCall(func(p *C.yv_client, out **C.yv_buffer, e **C.yv_error) C.yv_status {
		return C.yv_client_list_webhooks(p, call.ptr(), out, e)
	})
}

func (c *Client) DeleteWebhook(id string, call *Call) error {
	p, err := c.acquire()
	if err != nil {
		return err
	}
	defer c.release()
	i := cstr(id)
	defer free(i)
	var e *C.yv_error
	return takeError(C.yv_client_delete_webhook(p, i, call.ptr(), &e), e)
}

// Webhook is a yv_webhook copied into Go memory.
type Webhook struct {
	ID, URL, Description, Secret, CreatedAt, JSON string
	Events                                        []string
}

func (c *Client) CreateWebhook(url string, events []string, description string, call *Call) (*Webhook, error) {
	p, err := c.acquire()
	if err != nil {
		return nil, err
	}
	defer c.release()
	u, d := cstr(url), cstrOpt(description)
	defer free(u)
	defer free(d)
	ev := newCStrings(events)
	defer ev.free()
	var w *C.yv_webhook
	var e *C.yv_error
	if err := takeError(C.yv_client_create_webhook(p, u, ev.data(), ev.count(), d, call.ptr(), &w, &e), e); err != nil {
		return nil, err
	}
	defer C.yv_webhook_free(w)
	out := &Webhook{
		ID:          gostr(C.yv_webhook_id(w)),
		URL:         gostr(C.yv_webhook_url(w)),
		Description: gostr(C.yv_webhook_description(w)),
		Secret:      gostr(C.yv_webhook_secret(w)),
		CreatedAt:   gostr(C.yv_webhook_created_at(w)),
		JSON:        gostr(C.yv_webhook_json(w)),
	}
	n := int(C.yv_webhook_events_count(w))
	out.Events = make([]string, n)
	for i := 0; i < n; i++ {
		out.Events[i] = gostr(C.yv_webhook_event(w, C.size_t(i)))
	}
	return out, nil
}

// ---------------------------------------------------------------------------------------------
// API keys and tokens

// APIKey is a yv_api_key copied into Go memory.
type APIKey struct {
	ID, Name, APIKey, APISecret, Status, CreatedAt, ExpiresAt, LastUsedAt string
	Permissions                                                           []string
}

func copyKey(k *C.yv_api_key) APIKey {
	out := APIKey{
		ID:         gostr(C.yv_api_key_id(k)),
		Name:       gostr(C.yv_api_key_name(k)),
		APIKey:     gostr(C.yv_api_key_api_key(k)),
		APISecret:  gostr(C.yv_api_key_api_secret(k)),
		Status:     gostr(C.yv_api_key_status(k)),
		CreatedAt:  gostr(C.yv_api_key_created_at(k)),
		ExpiresAt:  gostr(C.yv_api_key_expires_at(k)),
		LastUsedAt: gostr(C.yv_api_key_last_used_at(k)),
	}
	n := int(C.yv_api_key_permissions_count(k))
	out.Permissions = make([]string, n)
	for i := 0; i < n; i++ {
		out.Permissions[i] = gostr(C.yv_api_key_permission(k, C.size_t(i)))
	}
	return out
}

func (c *Client) keyCall(f func(p *C.yv_client, out **C.yv_api_key, e **C.yv_error) C.yv_status) (*APIKey, error) {
	p, err := c.acquire()
	if err != nil {
		return nil, err
	}
	defer c.release()
	var k *C.yv_api_key
	var e *C.yv_error
	if err := takeError(f(p, &k, &e), e); err != nil {
		return nil, err
	}
	defer C.yv_api_key_free(k)
	key := copyKey(k)
	return &key, nil
}

func (c *Client) CreateAPIKey(name string, perms []string, expiresInDays uint32, call *Call) (*APIKey, error) {
	n := cstr(name)
	defer free(n)
	ps := newCStrings(perms)
	defer ps.free()
	return c.keyCall(func(p *C.yv_client, out **C.yv_api_key, e **C.yv_error) C.yv_status {
		return C.yv_client_create_api_key(p, n, ps.data(), ps.count(), C.uint32_t(expiresInDays), call.ptr(), out, e)
	})
}

func (c *Client) GetAPIKey(id string, call *Call) (*APIKey, error) {
	i := cstr(id)
	defer free(i)
	return c.keyCall(func(p *C.yv_client, out **C.yv_api_key, e **C.yv_error) C.yv_status {
		return C.yv_client_get_api_key(p, i, call.ptr(), out, e)
	})
}

func (c *Client) RotateAPIKey(id string, call *Call) (*APIKey, error) {
	i := cstr(id)
	defer free(i)
	return c.keyCall(func(p *C.yv_client, out **C.yv_api_key, e **C.yv_error) C.yv_status {
		return C.yv_client_rotate_api_key(p, i, call.ptr(), out, e)
	})
}

func (c *Client) UpdateAPIKeyPermissions(id string, perms []string, call *Call) (*APIKey, error) {
	i := cstr(id)
	defer free(i)
	ps := newCStrings(perms)
	defer ps.free()
	return c.keyCall(func(p *C.yv_client, out **C.yv_api_key, e **C.yv_error) C.yv_status {
		return C.yv_client_update_api_key_permissions(p, i, ps.data(), ps.count(), call.ptr(), out, e)
	})
}

func (c *Client) RevokeAPIKey(id string, call *Call) error {
	p, err := c.acquire()
	if err != nil {
		return err
	}
	defer c.release()
	i := cstr(id)
	defer free(i)
	var e *C.yv_error
	return takeError(C.yv_client_revoke_api_key(p, i, call.ptr(), &e), e)
}

func (c *Client) ListAPIKeys(call *Call) ([]APIKey, error) {
	p, err := c.acquire()
	if err != nil {
		return nil, err
	}
	defer c.release()
	var l *C.yv_api_key_list
	var e *C.yv_error
	if err := takeError(C.yv_client_list_api_keys(p, call.ptr(), &l, &e), e); err != nil {
		return nil, err
	}
	defer C.yv_api_key_list_free(l)
	n := int(C.yv_api_key_list_count(l))
	keys := make([]APIKey, 0, n)
	for i := 0; i < n; i++ {
		keys = append(keys, copyKey(C.yv_api_key_list_get(l, C.size_t(i))))
	}
	return keys, nil
}

// Token is a yv_token copied into Go memory.
type Token struct {
	AccessToken, TokenType, ExpiresAt string
	ExpiresIn                         int64
	Scopes                            []string
}

func (c *Client) Token(call *Call) (*Token, error) {
	p, err := c.acquire()
	if err != nil {
		return nil, err
	}
	defer c.release()
	var t *C.yv_token
	var e *C.yv_error
	if err := takeError(C.yv_client_token(p, call.ptr(), &t, &e), e); err != nil {
		return nil, err
	}
	defer C.yv_token_free(t)
	out := &Token{
		AccessToken: gostr(C.yv_token_access_token(t)),
		TokenType:   gostr(C.yv_token_token_type(t)),
		ExpiresAt:   gostr(C.yv_token_expires_at(t)),
		ExpiresIn:   int64(C.yv_token_expires_in(t)),
	}
	n := int(C.yv_token_scopes_count(t))
	out.Scopes = make([]string, n)
	for i := 0; i < n; i++ {
		out.Scopes[i] = gostr(C.yv_token_scope(t, C.size_t(i)))
	}
	return out, nil
}

// ---------------------------------------------------------------------------------------------
// Webhook signatures and TOTP (no client)

// Header is one received header.
type Header struct{ Name, Value string }

// Event is a yv_event copied into Go memory.
type Event struct{ ID, Type, CreatedAt, DataJSON, JSON string }

func buildHeaders(hs []Header) (*C.yv_headers, error) {
	var h *C.yv_headers
	var e *C.yv_error
	if err := takeError(C.yv_headers_new(&h, &e), e); err != nil {
		return nil, err
	}
	for _, kv := range hs {
		n, v := cstr(kv.Name), cstr(kv.Value)
		err := takeError(C.yv_headers_add(h, n, v, &e), e)
		free(n)
		free(v)
		if err != nil {
			C.yv_headers_free(h)
			return nil, err
		}
	}
	return h, nil
}

// bodyPtr passes body without copying: the C function reads it during the call only and the
// bytes hold no Go pointers.
func bodyPtr(body []byte) (*C.uint8_t, C.size_t) {
	if len(body) == 0 {
		return nil, 0
	}
	return (*C.uint8_t)(unsafe.Pointer(&body[0])), C.size_t(len(body))
}

// VerifyWebhook is yv_webhook_verify.
func VerifyWebhook(body []byte, headers []Header, secret string, toleranceS uint32, requireTimestamp bool) (*Event, error) {
	h, err := buildHeaders(headers)
	if err != nil {
		return nil, err
	}
	defer C.yv_headers_free(h)
	s := cstr(secret)
	defer freeSecret(s, len(secret))
	bp, bl := bodyPtr(body)
	var ev *C.yv_event
	var e *C.yv_error
	err = takeError(C.yv_webhook_verify(bp, bl, h, s, C.uint32_t(toleranceS), C.bool(requireTimestamp), &ev, &e), e)
	runtime.KeepAlive(body)
	if err != nil {
		return nil, err
	}
	defer C.yv_event_free(ev)
	return &Event{
		ID:        gostr(C.yv_event_id(ev)),
		Type:      gostr(C.yv_event_type(ev)),
		CreatedAt: gostr(C.yv_event_created_at(ev)),
		DataJSON:  gostr(C.yv_event_data_json(ev)),
		JSON:      gostr(C.yv_event_json(ev)),
	}, nil
}

// SignWebhook is yv_webhook_sign.
func SignWebhook(body []byte, secret string, unixTime int64) ([]Header, error) {
	s := cstr(secret)
	defer freeSecret(s, len(secret))
	bp, bl := bodyPtr(body)
	var h *C.yv_headers
	var e *C.yv_error
	err := takeError(C.yv_webhook_sign(bp, bl, s, C.int64_t(unixTime), &h, &e), e)
	runtime.KeepAlive(body)
	if err != nil {
		return nil, err
	}
	defer C.yv_headers_free(h)
	n := int(C.yv_headers_count(h))
	out := make([]Header, n)
	for i := 0; i < n; i++ {
		out[i] = Header{Name: gostr(C.yv_headers_name(h, C.size_t(i))), Value: gostr(C.yv_headers_value(h, C.size_t(i)))}
	}
	return out, nil
}

// TOTP is yv_totp.
func TOTP(secret string, unixTime int64, periodS, digits uint32) (string, error) {
	s := cstr(secret)
	defer freeSecret(s, len(secret))
	var buf [C.YV_TOTP_CODE_SIZE]C.char
	var e *C.yv_error
	if err := takeError(C.yv_totp(s, C.int64_t(unixTime), C.uint32_t(periodS), C.uint32_t(digits), &buf[0], C.size_t(len(buf)), &e), e); err != nil {
		return "", err
	}
	return C.GoString(&buf[0]), nil
}
