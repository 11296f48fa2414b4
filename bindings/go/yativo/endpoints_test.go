package yativo_test

import (
	"errors"
	"math"
	"testing"

	"github.com/libyativo/libyativo/bindings/go/yativo"
)

// The generated methods refuse a Go int C cannot take, and unencodable extra fields, before any
// call: the client here has no server to reach.
func TestGeneratedMethodsRefuseWhatCCannotTake(t *testing.T) {
	c := mustClient(t, yativo.WithBaseURL("http://127.0.0.1:1"), yativo.WithEnvironmentVariables(false),
		yativo.WithAPIKey("yvk_test", "not-a-real-secret"))
	if _, err := c.Transactions.List(ctx(t), yativo.ListTransactionsParams{Page: -1}); !errors.Is(err, yativo.ErrInvalidArgument) {
		t.Errorf("negative page: %v", err)
	}
	if math.MaxInt > math.MaxUint32 {
		big := int(uint64(math.MaxUint32) + 1)
		if _, err := c.Transactions.List(ctx(t), yativo.ListTransactionsParams{Limit: big}); !errors.Is(err, yativo.ErrInvalidArgument) {
			t.Errorf("limit above uint32: %v", err)
		}
	}
	if _, err := c.APIKeys.Create(ctx(t), yativo.CreateKeyParams{Name: "k", Permissions: []string{"read"}, ExpiresInDays: -1}); !errors.Is(err, yativo.ErrInvalidArgument) {
		t.Errorf("negative ExpiresInDays: %v", err)
	}
	extra := map[string]any{"bad": make(chan int)}
	if _, err := c.Transactions.GasPrice(ctx(t), yativo.GasPriceParams{Chain: "solana", Extra: extra}); !errors.Is(err, yativo.ErrInvalidArgument) {
		t.Errorf("unencodable Extra: %v", err)
	}
}

// All with no Limit leaves the page size to the server (the sandbox's default is 20) and still
// reads every page: it learns the size from each answer's pagination. 21 items take two pages
// of 20, where a page size of Go's own would have taken one.
func TestAllLeavesThePageSizeToTheServer(t *testing.T) {
	kc := shared.keyClient(t, fullKey)
	c := ctx(t)
	accountID, assetID := funded(t, shared, kc, "10")
	tag := uniq("all-default-size")
	const sent = 21
	for range sent {
		p := sendParams(accountID, assetID, "0.1")
		p.Description = tag
		if _, err := kc.Transactions.SendFunds(c, p); err != nil {
			t.Fatal(err)
		}
	}
	const path = "/transactions/get-transactions"
	before := shared.stats(t).Paths[path]
	n := 0
	for tx, err := range kc.Transactions.All(c, yativo.ListTransactionsParams{Search: tag}) {
		if err != nil {
			t.Fatal(err)
		}
		if field(t, tx.Raw, "description") != tag {
			t.Fatalf("item %+v", tx)
		}
		n++
	}
	if n != sent {
		t.Fatalf("All yielded %d of %d transactions", n, sent)
	}
	if pages := shared.stats(t).Paths[path] - before; pages != 2 {
		t.Fatalf("All read %d pages, want 2 of the server's default size", pages)
	}
}
