package capi

/*
#include <stdlib.h>
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
