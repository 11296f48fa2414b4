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

// Envelope gives the whole answer of the calls returning JSON (GasPrice, Request); the calls
// returning records ignore it: a record's Raw is its own object either way.
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

	// The records of one page, with the option or without.
	page, err := kc.Transactions.List(c, query)
	if err != nil || len(page) != 2 {
		t.Fatalf("default page %+v: %v", page, err)
	}
	same, err := kc.Transactions.List(c, query, yativo.Envelope())
	if err != nil || len(same) != 2 || same[0].ID != page[0].ID || same[1].ID != page[1].ID ||
		field(t, same[0].Raw, "description") != tag {
		t.Fatalf("page with Envelope %+v: %v", same, err)
	}

	// The same page through Request: the envelope and its pagination.
	body := map[string]any{"page": 1, "limit": 2, "search": tag}
	whole, err := kc.Request(c, "POST", "/transactions/get-transactions", body, yativo.Envelope())
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

	// Every JSON call takes it, GasPrice and Request.
	gas, err := kc.Transactions.GasPrice(c, yativo.GasPriceParams{Chain: "solana"}, yativo.Envelope())
	if err != nil || json.Unmarshal(gas, &env) != nil || env.Message == "" || field(t, env.Data, "fee") == "" {
		t.Fatalf("gas price envelope %s: %v", gas, err)
	}
	raw, err := kc.Request(c, "POST", "/balance/check", map[string]string{"asset_id": assetID}, yativo.Envelope())
	if err != nil || json.Unmarshal(raw, &env) != nil || field(t, env.Data, "asset_id") != assetID {
		t.Fatalf("request envelope %s: %v", raw, err)
	}

	// Records are the same with it: accounts, and a transfer whose Raw is the transaction.
	accounts, err := kc.Accounts.List(c, yativo.Envelope())
	if err != nil || len(accounts) == 0 || accounts[0].ID == "" || field(t, accounts[0].Raw, "account_id") != accounts[0].ID {
		t.Fatalf("accounts with Envelope %+v: %v", accounts, err)
	}
	p := sendParams(accountID, assetID, "0.1")
	key := uniq("envelope-key")
	tr, err := kc.Transactions.SendFunds(c, p, yativo.IdempotencyKey(key), yativo.Envelope())
	if err != nil || tr.IdempotencyKey != key || field(t, tr.Raw, "idempotency_key") != key || field(t, tr.Raw, "transaction_id") != tr.ID {
		t.Fatalf("send-funds with Envelope %+v: %v", tr, err)
	}

	// All yields transactions whatever the options.
	n := 0
	for tx, err := range kc.Transactions.All(c, yativo.ListTransactionsParams{Limit: 2, Search: tag}, yativo.Envelope()) {
		if err != nil {
			t.Fatal(err)
		}
		if field(t, tx.Raw, "description") != tag {
			t.Fatalf("item %+v", tx)
		}
		n++
	}
	if n != 3 {
		t.Fatalf("All yielded %d transactions", n)
	}
}
