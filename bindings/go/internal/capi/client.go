package capi

/*
#include <stdlib.h>
#include <yativo.h>
*/
import "C"

import (
	"runtime"
	"sync"
	"time"
	"unsafe"
)

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
