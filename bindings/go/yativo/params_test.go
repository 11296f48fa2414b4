package yativo_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/libyativo/libyativo/bindings/go/yativo"
)

// A GET's parameter travels in the query string: the sandbox filters by it, and answers 404 for
// an account of no one.
func TestGetConnectionsSendsTheAccountInTheQuery(t *testing.T) {
	c := shared.admin(t)
	a, err := c.Accounts.Create(ctx(t), yativo.CreateAccountParams{Name: "go-conn-a"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.Accounts.Create(ctx(t), yativo.CreateAccountParams{Name: "go-conn-b"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Accounts.CreateConnections(ctx(t), yativo.CreateAccountConnectionsParams{AccountID: a.ID, Chains: []string{"solana"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Accounts.CreateConnections(ctx(t), yativo.CreateAccountConnectionsParams{AccountID: b.ID}); err != nil {
		t.Fatal(err)
	}
	raw, err := c.Accounts.GetConnections(ctx(t), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	var only []struct {
		AccountID string `json:"account_id"`
		Chain     string `json:"chain"`
	}
	if err := json.Unmarshal(raw, &only); err != nil {
		t.Fatalf("%s: %v", raw, err)
	}
	if len(only) != 1 || only[0].AccountID != a.ID || only[0].Chain != "solana" {
		t.Fatalf("connections of %s: %s", a.ID, raw)
	}
	all, err := c.Accounts.GetConnections(ctx(t), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(all), a.ID) || !strings.Contains(string(all), b.ID) {
		t.Fatalf("every connection: %s", all)
	}
	_, err = c.Accounts.GetConnections(ctx(t), "acc_000000000000000000000000")
	if !errors.Is(err, yativo.ErrNotFound) {
		t.Fatalf("unknown account: %v", err)
	}
}

// A json parameter is sent as the value it is, under its wire key; text that is not JSON is
// refused by the core, naming the parameter, before anything is sent.
func TestCreateCustomerSendsJSONMetadata(t *testing.T) {
	c := shared.admin(t)
	cu, err := c.Customers.Create(ctx(t), yativo.CreateCustomerParams{
		Email:    "go-json@example.com",
		Name:     "Go",
		Metadata: json.RawMessage(`{"tier": "gold", "limit": 1000.10, "tags": ["a"]}`),
	})
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Metadata map[string]any `json:"metadata"`
	}
	if err := json.Unmarshal(cu.Raw, &back); err != nil {
		t.Fatal(err)
	}
	if back.Metadata["tier"] != "gold" || back.Metadata["limit"] != "1000.10" {
		t.Fatalf("metadata back: %s", cu.Raw)
	}
	before := shared.stats(t).Paths["/customers/create-customer"]
	_, err = c.Customers.Create(ctx(t), yativo.CreateCustomerParams{Email: "bad@example.com", Metadata: json.RawMessage(`{"a":`)})
	if !errors.Is(err, yativo.ErrInvalidArgument) || !strings.Contains(err.Error(), "metadata") {
		t.Fatalf("bad metadata: %v", err)
	}
	if after := shared.stats(t).Paths["/customers/create-customer"]; after != before {
		t.Fatalf("a refused call reached the server: %d -> %d", before, after)
	}
}
