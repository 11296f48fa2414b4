package capi

/*
#include <yativo.h>
*/
import "C"

import (
	"runtime"
	"sync"
)

// WebhookVerifier wraps a yv_webhook_verifier, the replay guard. Verify holds a read lock for
// the whole C call and Close takes the write lock, so yv_webhook_verifier_free never races a
// call; a cleanup frees a verifier that was never closed.
type WebhookVerifier struct {
	mu      sync.RWMutex
	p       *C.yv_webhook_verifier
	cleanup runtime.Cleanup
}

// NewWebhookVerifier is yv_webhook_verifier_new (0 = the library's default for each number).
func NewWebhookVerifier(secret string, windowS uint32, maxEvents uint64, toleranceS uint32, requireTimestamp bool) (*WebhookVerifier, error) {
	var p *C.yv_webhook_verifier
	if err := invoke(func(a *cargs) C.yv_status {
		return C.yv_webhook_verifier_new(a.secret(secret), C.uint32_t(windowS), C.size_t(maxEvents), C.uint32_t(toleranceS), C.bool(requireTimestamp), &p, a.err)
	}); err != nil {
		return nil, err
	}
	v := &WebhookVerifier{p: p}
	v.cleanup = runtime.AddCleanup(v, func(p *C.yv_webhook_verifier) { C.yv_webhook_verifier_free(p) }, p)
	return v, nil
}

// Close frees the verifier once every call in flight has returned; later calls get ErrClosed.
// Idempotent.
func (v *WebhookVerifier) Close() {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.p == nil {
		return
	}
	v.cleanup.Stop()
	C.yv_webhook_verifier_free(v.p)
	v.p = nil
}

// Verify is yv_webhook_verifier_verify.
func (v *WebhookVerifier) Verify(body []byte, headers []Header) (*Event, error) {
	h, err := buildHeaders(headers)
	if err != nil {
		return nil, err
	}
	defer C.yv_headers_free(h)
	v.mu.RLock()
	defer v.mu.RUnlock()
	if v.p == nil {
		return nil, ErrClosed
	}
	bp, bl := bodyPtr(body)
	var ev *C.yv_event
	err = invoke(func(a *cargs) C.yv_status { return C.yv_webhook_verifier_verify(v.p, bp, bl, h, &ev, a.err) })
	runtime.KeepAlive(body)
	runtime.KeepAlive(v)
	if err != nil {
		return nil, err
	}
	return takeEvent(ev), nil
}
