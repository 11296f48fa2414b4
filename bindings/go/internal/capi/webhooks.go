package capi

/*
#include <yativo.h>
*/
import "C"

import "runtime"

// Webhook is a yv_webhook copied into Go memory.
type Webhook struct {
	ID, URL, Description, Secret, CreatedAt string
	Events                                  []string
	JSON                                    []byte // nil when the library could not build it
}

// copyWebhook copies a borrowed yv_webhook (one of a list, or an owned one before it is freed).
func copyWebhook(w *C.yv_webhook) Webhook {
	return Webhook{
		ID:          gostr(C.yv_webhook_id(w)),
		URL:         gostr(C.yv_webhook_url(w)),
		Description: gostr(C.yv_webhook_description(w)),
		Secret:      gostr(C.yv_webhook_secret(w)),
		CreatedAt:   gostr(C.yv_webhook_created_at(w)),
		JSON:        gobytes(C.yv_webhook_json(w)),
		Events:      gostrs(C.yv_webhook_events_count(w), func(i C.size_t) *C.char { return C.yv_webhook_event(w, i) }),
	}
}

// takeWebhook copies an owned yv_webhook into Go memory and frees it.
func takeWebhook(w *C.yv_webhook) *Webhook {
	defer C.yv_webhook_free(w)
	wh := copyWebhook(w)
	return &wh
}

// takeWebhookList copies an owned yv_webhook_list into Go memory and frees it.
func takeWebhookList(l *C.yv_webhook_list) []Webhook {
	defer C.yv_webhook_list_free(l)
	out := make([]Webhook, C.yv_webhook_list_count(l))
	for i := range out {
		out[i] = copyWebhook(C.yv_webhook_list_get(l, C.size_t(i)))
	}
	return out
}

// ---------------------------------------------------------------------------------------------
// Webhook signatures (no client)

// Header is one received header.
type Header struct{ Name, Value string }

// Event is a yv_event copied into Go memory.
type Event struct{ ID, Type, CreatedAt, DataJSON, JSON string }

// takeEvent copies an owned yv_event into Go memory and frees it.
func takeEvent(ev *C.yv_event) *Event {
	defer C.yv_event_free(ev)
	return &Event{
		ID:        gostr(C.yv_event_id(ev)),
		Type:      gostr(C.yv_event_type(ev)),
		CreatedAt: gostr(C.yv_event_created_at(ev)),
		DataJSON:  gostr(C.yv_event_data_json(ev)),
		JSON:      gostr(C.yv_event_json(ev)),
	}
}

// buildHeaders makes the yv_headers of hs; free it with yv_headers_free.
func buildHeaders(hs []Header) (*C.yv_headers, error) {
	var h *C.yv_headers
	steps := []cfunc{func(a *cargs) C.yv_status { return C.yv_headers_new(&h, a.err) }}
	for _, kv := range hs {
		steps = append(steps, func(a *cargs) C.yv_status {
			return C.yv_headers_add(h, a.str(kv.Name), a.str(kv.Value), a.err)
		})
	}
	return build(&h, func(h *C.yv_headers) { C.yv_headers_free(h) }, steps...)
}

// takeHeaders copies an owned yv_headers into Go memory and frees it.
func takeHeaders(h *C.yv_headers) []Header {
	defer C.yv_headers_free(h)
	out := make([]Header, C.yv_headers_count(h))
	for i := range out {
		out[i] = Header{Name: gostr(C.yv_headers_name(h, C.size_t(i))), Value: gostr(C.yv_headers_value(h, C.size_t(i)))}
	}
	return out
}

// VerifyWebhook is yv_webhook_verify.
func VerifyWebhook(body []byte, headers []Header, secret string, toleranceS uint32, requireTimestamp bool) (*Event, error) {
	h, err := buildHeaders(headers)
	if err != nil {
		return nil, err
	}
	defer C.yv_headers_free(h)
	bp, bl := bodyPtr(body)
	var ev *C.yv_event
	err = invoke(func(a *cargs) C.yv_status {
		return C.yv_webhook_verify(bp, bl, h, a.secret(secret), C.uint32_t(toleranceS), C.bool(requireTimestamp), &ev, a.err)
	})
	runtime.KeepAlive(body)
	if err != nil {
		return nil, err
	}
	return takeEvent(ev), nil
}

// SignWebhook is yv_webhook_sign.
func SignWebhook(body []byte, secret string, unixTime int64) ([]Header, error) {
	bp, bl := bodyPtr(body)
	var h *C.yv_headers
	err := invoke(func(a *cargs) C.yv_status {
		return C.yv_webhook_sign(bp, bl, a.secret(secret), C.int64_t(unixTime), &h, a.err)
	})
	runtime.KeepAlive(body)
	if err != nil {
		return nil, err
	}
	return takeHeaders(h), nil
}
