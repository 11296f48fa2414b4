package capi

/*
#include <yativo.h>
*/
import "C"

import (
	"time"
)

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
func NewCall(cp CallParams) (*Call, error) {
	call := &Call{}
	err := invokeAll(
		func(a *cargs) C.yv_status { return C.yv_call_new(&call.p, a.err) },
		when(cp.Timeout > 0, func(a *cargs) C.yv_status {
			return C.yv_call_set_timeout_ms(call.p, C.uint32_t(ceilMS(cp.Timeout)), a.err)
		}),
		when(cp.IdempotencyKey != "", func(a *cargs) C.yv_status {
			return C.yv_call_set_idempotency_key(call.p, a.str(cp.IdempotencyKey), a.err)
		}),
		when(cp.TOTPCode != "", func(a *cargs) C.yv_status {
			return C.yv_call_set_totp_code(call.p, a.secret(cp.TOTPCode), a.err)
		}),
		when(cp.Envelope, func(a *cargs) C.yv_status { return C.yv_call_set_envelope(call.p, C.bool(true), a.err) }),
		when(cp.Cancellable, func(a *cargs) C.yv_status { return C.yv_cancel_new(&call.cancel, a.err) }),
		when(cp.Cancellable, func(a *cargs) C.yv_status { return C.yv_call_set_cancel(call.p, call.cancel, a.err) }),
	)
	if err != nil {
		call.Free() // both destructors accept NULL: whatever was made is freed
		return nil, err
	}
	return call, nil
}

// ceilMS is d in whole milliseconds, rounded up (a positive timeout never becomes 0) and capped
// at the largest uint32.
func ceilMS(d time.Duration) uint32 {
	ms := (d + time.Millisecond - 1) / time.Millisecond
	if ms > 0xFFFFFFFF {
		ms = 0xFFFFFFFF
	}
	return uint32(ms)
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
