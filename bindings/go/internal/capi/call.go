package capi

/*
#include "shim.h"
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

// Call wraps a yv_call and its optional yv_cancel. A call with no per-call settings has neither:
// the library takes a NULL yv_call as every value unset, so such a call costs no C call at all.
type Call struct {
	p      *C.yv_call
	cancel *C.yv_cancel
}

// NewCall builds a yv_call (with its yv_cancel when cp.Cancellable) in one C call, or none when
// cp sets nothing; Free it after the call returned.
func NewCall(cp CallParams) (*Call, error) {
	call := &Call{}
	if cp == (CallParams{}) {
		return call, nil
	}
	var timeout uint32
	if cp.Timeout > 0 {
		timeout = ceilMS(cp.Timeout)
	}
	err := invoke(func(a *cargs) C.yv_status {
		// The helper frees whatever it made when a step fails: *p and *cancel stay NULL.
		return C.yvgo_call_new(C.uint32_t(timeout), a.opt(cp.IdempotencyKey), a.secretOpt(cp.TOTPCode),
			C.bool(cp.Envelope), C.bool(cp.Cancellable), &call.p, &call.cancel, a.err)
	})
	if err != nil {
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

// Free releases the call and its token (one C call, none when there is neither).
func (c *Call) Free() {
	if c.p != nil || c.cancel != nil {
		C.yvgo_call_free(c.p, c.cancel)
	}
	c.p, c.cancel = nil, nil
}

func (c *Call) ptr() *C.yv_call {
	if c == nil {
		return nil
	}
	return c.p
}
