package yativo_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/libyativo/libyativo/bindings/go/yativo"
)

type delivery struct {
	body   []byte
	header http.Header
}

// The verifier against real deliveries: the sandbox POSTs a deposit event and a test event,
// signed with both schemes, to a receiver here; VerifyWebhook accepts them as received and
// refuses them once anything is changed.
func TestVerifyWebhookAcceptsRealSandboxDeliveries(t *testing.T) {
	sb := newSandbox(t, "--webhook-retry-ms", "100")
	var mu sync.Mutex
	var got []delivery
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, delivery{body, r.Header.Clone()})
		mu.Unlock()
		w.WriteHeader(http.StatusOK)
	}))
	defer receiver.Close()
	waitFor := func(n int) []delivery {
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			mu.Lock()
			if len(got) >= n {
				out := append([]delivery(nil), got...)
				mu.Unlock()
				return out
			}
			mu.Unlock()
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("fewer than %d deliveries arrived", n)
		return nil
	}

	c := sb.admin(t)
	hook, err := c.Webhooks.Create(ctx(t), yativo.CreateWebhookParams{URL: receiver.URL + "/hooks", Events: []string{"deposit.received", "webhook.test"}})
	if err != nil {
		t.Fatal(err)
	}
	secret := hook.Secret.Reveal()
	if secret == "" {
		t.Fatal("no secret in the create answer")
	}
	acc, err := c.Accounts.Create(ctx(t), yativo.CreateAccountParams{Name: "go-hooks"})
	if err != nil {
		t.Fatal(err)
	}
	asset, err := c.Assets.Add(ctx(t), yativo.AddAssetParams{AccountID: acc.ID, Chain: "solana", Ticker: "USDC_SOL"})
	if err != nil {
		t.Fatal(err)
	}
	sb.deposit(t, asset.ID, "12.5")
	first := waitFor(1)[0]
	if _, err := c.Webhooks.Test(ctx(t), hook.ID); err != nil {
		t.Fatal(err)
	}
	second := waitFor(2)[1]

	ev, err := yativo.VerifyWebhook(first.body, first.header, secret)
	if err != nil {
		t.Fatalf("a real delivery does not verify: %v", err)
	}
	if ev.Type != "deposit.received" || ev.ID == "" {
		t.Fatalf("event %q %q", ev.Type, ev.ID)
	}
	if !bytes.Contains(ev.Data, []byte(`"amount":"12.5"`)) || !bytes.Contains(ev.Data, []byte(asset.ID)) {
		t.Fatalf("event data %s", ev.Data)
	}
	testEv, err := yativo.VerifyWebhook(second.body, second.header, secret)
	if err != nil || testEv.Type != "webhook.test" || testEv.ID == ev.ID {
		t.Fatalf("test delivery: %v %+v", err, testEv)
	}

	// Scheme A alone verifies unless timestamps are required.
	schemeA := first.header.Clone()
	schemeA.Del("X-Yativo-Signature")
	schemeA.Del("X-Yativo-Timestamp")
	if _, err := yativo.VerifyWebhook(first.body, schemeA, secret); err != nil {
		t.Fatalf("scheme A alone: %v", err)
	}
	if _, err := yativo.VerifyWebhook(first.body, schemeA, secret, yativo.RequireTimestamp()); !errors.Is(err, yativo.ErrSignatureInvalid) {
		t.Fatalf("scheme A with timestamps required: %v", err)
	}
	// A changed byte, another secret, a stale timestamp: refused.
	tampered := bytes.Replace(first.body, []byte("12.5"), []byte("92.5"), 1)
	if _, err := yativo.VerifyWebhook(tampered, first.header, secret); !errors.Is(err, yativo.ErrSignatureInvalid) {
		t.Fatalf("tampered body: %v", err)
	}
	if _, err := yativo.VerifyWebhook(first.body, first.header, secret+"x"); !errors.Is(err, yativo.ErrSignatureInvalid) {
		t.Fatalf("other secret: %v", err)
	}
	ts, err := strconv.ParseInt(first.header.Get("X-Yativo-Timestamp"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	stale := first.header.Clone()
	stale.Set("X-Yativo-Timestamp", strconv.FormatInt(ts-3600, 10))
	if _, err := yativo.VerifyWebhook(first.body, stale, secret); !errors.Is(err, yativo.ErrSignatureInvalid) {
		t.Fatalf("stale timestamp: %v", err)
	}
}
