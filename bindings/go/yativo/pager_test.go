package yativo_test

import (
	"testing"

	"github.com/libyativo/libyativo/bindings/go/yativo"
)

// All walks the core's pager: every transaction once, typed, in the server's order, and one request per page
// (the sandbox answers a pagination block, so a full last page costs no extra request). Breaking
// out of the loop stops the walk.
func TestAllReadsEachPageOnce(t *testing.T) {
	kc := shared.keyClient(t, fullKey)
	c := ctx(t)
	accountID, assetID := funded(t, shared, kc, "10")
	tag := uniq("all-pages")
	for range 4 {
		p := sendParams(accountID, assetID, "0.1")
		p.Description = tag
		if _, err := kc.Transactions.SendFunds(c, p); err != nil {
			t.Fatal(err)
		}
	}
	var want []string
	page, err := kc.Transactions.List(c, yativo.ListTransactionsParams{Limit: 100, Search: tag})
	if err != nil {
		t.Fatal(err)
	}
	for _, tx := range page {
		want = append(want, tx.ID)
	}

	const path = "/transactions/get-transactions"
	before := shared.stats(t).Paths[path]
	var got []string
	for tx, err := range kc.Transactions.All(c, yativo.ListTransactionsParams{Limit: 2, Search: tag}) {
		if err != nil {
			t.Fatal(err)
		}
		// Typed items: the record's fields, and Raw with the ones it does not name.
		if tx.Amount != "0.1" || tx.AssetID != assetID || tx.AccountID != accountID || tx.Chain != "solana" ||
			field(t, tx.Raw, "description") != tag {
			t.Fatalf("item %+v", tx)
		}
		got = append(got, tx.ID)
	}
	if len(want) != 4 || len(got) != len(want) {
		t.Fatalf("All yielded %v, List %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("All yielded %v, List %v", got, want)
		}
	}
	if pages := shared.stats(t).Paths[path] - before; pages != 2 {
		t.Fatalf("All read %d pages, want 2", pages)
	}

	before = shared.stats(t).Paths[path]
	for range kc.Transactions.All(c, yativo.ListTransactionsParams{Limit: 1, Search: tag}) {
		break
	}
	if pages := shared.stats(t).Paths[path] - before; pages != 1 {
		t.Fatalf("a loop left at once read %d pages", pages)
	}
}
