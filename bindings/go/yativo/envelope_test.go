package yativo_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/libyativo/libyativo/bindings/go/yativo"
)

// envelope decodes a whole answer: data and the siblings this test reads.
type envelope struct {
	Data       json.RawMessage   `json:"data"`
	Message    string            `json:"message"`
	Pagination map[string]string `json:"pagination"` // numbers come back as strings
}

func TestEnvelopeReturnsTheSiblingsOfData(t *testing.T) {
	kc := shared.keyClient(t, fullKey)
	c := ctx(t)
	accountID, assetID := funded(t, shared, kc, "10")
	tag := uniq("envelope")
	for range 3 {
		p := sendParams(accountID, assetID, "0.1")
		p.Description = tag
		if _, err := kc.Transactions.SendFunds(c, p); err != nil {
			t.Fatal(err)
		}
	}
	query := yativo.ListTransactionsParams{Page: 1, Limit: 2, Search: tag}

	// The default: data alone, a JSON array.
	page, err := kc.Transactions.List(c, query)
	if err != nil {
		t.Fatal(err)
	}
	var items []json.RawMessage
	if err := json.Unmarshal(page, &items); err != nil || len(items) != 2 {
		t.Fatalf("default page %s: %v", page, err)
	}

	whole, err := kc.Transactions.List(c, query, yativo.Envelope())
	if err != nil {
		t.Fatal(err)
	}
	var env envelope
	if err := json.Unmarshal(whole, &env); err != nil {
		t.Fatalf("envelope %s: %v", whole, err)
	}
	want := map[string]string{"page": "1", "limit": "2", "total": "3", "pages": "2"}
	if !reflect.DeepEqual(env.Pagination, want) || env.Message == "" {
		t.Fatalf("envelope %s", whole)
	}
	var envItems []json.RawMessage
	if err := json.Unmarshal(env.Data, &envItems); err != nil || len(envItems) != 2 {
		t.Fatalf("envelope data %s: %v", env.Data, err)
	}

	// Every payload call takes it, Request included; SendFunds' key stays in data.
	accounts, err := kc.Accounts.List(c, yativo.Envelope())
	if err != nil || json.Unmarshal(accounts, &env) != nil || env.Message == "" || len(env.Data) == 0 {
		t.Fatalf("accounts envelope %s: %v", accounts, err)
	}
	raw, err := kc.Request(c, "POST", "/balance/check", map[string]string{"asset_id": assetID}, yativo.Envelope())
	if err != nil || json.Unmarshal(raw, &env) != nil || field(t, env.Data, "asset_id") != assetID {
		t.Fatalf("request envelope %s: %v", raw, err)
	}
	p := sendParams(accountID, assetID, "0.1")
	key := uniq("envelope-key")
	tr, err := kc.Transactions.SendFunds(c, p, yativo.IdempotencyKey(key), yativo.Envelope())
	if err != nil || json.Unmarshal(tr.Data, &env) != nil || field(t, env.Data, "idempotency_key") != key {
		t.Fatalf("send-funds envelope %+v: %v", tr, err)
	}

	// All yields items whatever the options.
	n := 0
	for tx, err := range kc.Transactions.All(c, yativo.ListTransactionsParams{Limit: 2, Search: tag}, yativo.Envelope()) {
		if err != nil {
			t.Fatal(err)
		}
		if field(t, tx, "description") != tag {
			t.Fatalf("item %s", tx)
		}
		n++
	}
	if n != 3 {
		t.Fatalf("All yielded %d transactions", n)
	}
}
