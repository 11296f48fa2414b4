package yativo_test

import (
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/libyativo/libyativo/bindings/go/yativo"
)

// The replay guard. Its invented secret holds CANARY: the test run searches all output for it.
const guardSecret = "whsec_CANARY_go_guard"

func guardBody(id string) []byte {
	return []byte(`{"id":"` + id + `","type":"transaction.completed","data":{"amount":"1.5"}}`)
}

func TestWebhookVerifierRefusesReplays(t *testing.T) {
	v, err := yativo.NewWebhookVerifier(guardSecret)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	body := guardBody("evt_go_1")
	h, err := yativo.SignWebhook(body, guardSecret, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	ev, err := v.Verify(body, h)
	if err != nil || ev.ID != "evt_go_1" {
		t.Fatalf("first delivery: %v %+v", err, ev)
	}
	_, err = v.Verify(body, h)
	if !errors.Is(err, yativo.ErrSignatureInvalid) || !strings.Contains(err.Error(), "replay") {
		t.Fatalf("replay: %v", err)
	}
	if strings.Contains(err.Error(), guardSecret) {
		t.Fatal("the secret is in the error")
	}
	var ye *yativo.Error
	if !errors.As(err, &ye) || ye.ErrorCode != "webhook_replay" {
		t.Fatalf("a replay carries ErrorCode webhook_replay: %#v", err)
	}

	// Stripped of its scheme B headers: VerifyWebhook alone accepts it (the control), the guard
	// does not.
	stripped := h.Clone()
	stripped.Del("X-Yativo-Signature")
	stripped.Del("X-Yativo-Timestamp")
	if _, err := yativo.VerifyWebhook(body, stripped, guardSecret); err != nil {
		t.Fatalf("control: %v", err)
	}
	if _, err := v.Verify(body, stripped); !errors.Is(err, yativo.ErrSignatureInvalid) {
		t.Fatalf("stripped replay: %v", err)
	}

	other := guardBody("evt_go_2")
	h2, _ := yativo.SignWebhook(other, guardSecret, time.Time{})
	if _, err := v.Verify(other, h2); err != nil {
		t.Fatalf("another event: %v", err)
	}

	noID := []byte(`{"type":"transaction.completed"}`)
	h3, _ := yativo.SignWebhook(noID, guardSecret, time.Time{})
	if _, err := v.Verify(noID, h3); !errors.Is(err, yativo.ErrProtocol) {
		t.Fatalf("event without id: %v", err)
	}
}

func TestWebhookVerifierAcceptsOnceAcrossGoroutines(t *testing.T) {
	v, err := yativo.NewWebhookVerifier(guardSecret, yativo.WithMaxEvents(10), yativo.WithReplayWindow(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	body := guardBody("evt_go_race")
	h, _ := yativo.SignWebhook(body, guardSecret, time.Time{})
	var accepted, refused atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := v.Verify(body, h); err == nil {
				accepted.Add(1)
			} else if errors.Is(err, yativo.ErrSignatureInvalid) {
				refused.Add(1)
			}
		}()
	}
	wg.Wait()
	if accepted.Load() != 1 || refused.Load() != 15 {
		t.Fatalf("accepted %d, refused %d", accepted.Load(), refused.Load())
	}
}

func TestWebhookVerifierArgumentsAndClose(t *testing.T) {
	for _, opts := range [][]yativo.VerifierOption{
		{yativo.WithReplayWindow(0)},
		{yativo.WithMaxEvents(0)},
		{yativo.WithVerifyOptions(yativo.WithTolerance(-time.Second))},
	} {
		if _, err := yativo.NewWebhookVerifier(guardSecret, opts...); !errors.Is(err, yativo.ErrInvalidArgument) {
			t.Fatalf("options %v: %v", opts, err)
		}
	}
	if _, err := yativo.NewWebhookVerifier(""); !errors.Is(err, yativo.ErrInvalidArgument) {
		t.Fatalf("empty secret: %v", err)
	}
	v, err := yativo.NewWebhookVerifier(guardSecret, yativo.WithVerifyOptions(yativo.RequireTimestamp()))
	if err != nil {
		t.Fatal(err)
	}
	body := guardBody("evt_go_closed")
	h, _ := yativo.SignWebhook(body, guardSecret, time.Time{})
	schemeA := h.Clone()
	schemeA.Del("X-Yativo-Signature")
	schemeA.Del("X-Yativo-Timestamp")
	if _, err := v.Verify(body, schemeA); !errors.Is(err, yativo.ErrSignatureInvalid) {
		t.Fatalf("RequireTimestamp not passed on: %v", err)
	}
	v.Close()
	v.Close()
	if _, err := v.Verify(body, h); !errors.Is(err, yativo.ErrClosed) {
		t.Fatalf("after Close: %v", err)
	}
}
