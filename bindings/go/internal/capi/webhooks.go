package capi

/*
#include <stdlib.h>
#include <yativo.h>
*/
import "C"

import (
	"runtime"
)

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
