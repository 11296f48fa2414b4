package capi

/*
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
	err := invoke(func(a *cargs) C.yv_status { return C.yv_client_new(o.ptr(), &p, a.err) })
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
	return c.do(nil, func(a *clientArgs) C.yv_status {
		return C.yv_client_set_credentials(a.client, a.str(key), a.secret(secret), a.err)
	})
}

// SetAccessToken is yv_client_set_access_token.
func (c *Client) SetAccessToken(token string) error {
	return c.do(nil, func(a *clientArgs) C.yv_status {
		return C.yv_client_set_access_token(a.client, a.secret(token), a.err)
	})
}

// RateLimit is yv_client_rate_limit.
func (c *Client) RateLimit() (limit, remaining, reset int64, err error) {
	var l, r, s C.int64_t
	if err := c.do(nil, func(a *clientArgs) C.yv_status {
		return C.yv_client_rate_limit(a.client, &l, &r, &s, a.err)
	}); err != nil {
		return -1, -1, -1, err
	}
	return int64(l), int64(r), int64(s), nil
}

// Request is yv_client_request.
func (c *Client) Request(method, path string, body []byte, call *Call) ([]byte, error) {
	// The body is passed in place (no C copy left behind unwiped): it holds no Go pointers and
	// the library copies it before returning.
	bp, bl := bodyPtr(body)
	out, err := callClient(c, call, takeBuffer, func(a *clientArgs, out **C.yv_buffer) C.yv_status {
		return C.yv_client_request(a.client, a.str(method), a.str(path), (*C.char)(unsafe.Pointer(bp)), bl, a.call, out, a.err)
	})
	runtime.KeepAlive(body)
	return out, err
}
