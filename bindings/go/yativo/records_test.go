package yativo_test

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/libyativo/libyativo/bindings/go/yativo"
)

// The records the resource calls return (records.go, generated from api/endpoints.toml): exact
// decimals, integers read from the server's numeric strings, absent fields as "" / nil, and Raw
// with every field the record does not name.

// hasKey reports whether a JSON object has the member name (null included).
func hasKey(t testing.TB, raw json.RawMessage, name string) bool {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("raw %s: %v", raw, err)
	}
	_, ok := m[name]
	return ok
}

// An amount of 18 decimals comes back as the text the server sent, through every record that
// carries one; a float64 could not hold it (the control).
func TestDecimalsStayExact(t *testing.T) {
	kc := shared.keyClient(t, fullKey)
	c := ctx(t)
	accountID, assetID := funded(t, shared, kc, "")
	const tiny = "0.000000000000000001"
	shared.deposit(t, assetID, tiny)
	bal, err := kc.Balance.Check(c, assetID)
	if err != nil || bal.Balance != tiny || field(t, bal.Raw, "balance") != tiny {
		t.Fatalf("balance %+v %v", bal, err)
	}
	if f, _ := strconv.ParseFloat(tiny, 64); strconv.FormatFloat(f, 'f', -1, 64) != "0.000000000000000001" {
		t.Fatalf("control: %v", f)
	}

	shared.deposit(t, assetID, "100")
	const whole = "100.000000000000000001"
	if f, _ := strconv.ParseFloat(whole, 64); strconv.FormatFloat(f, 'f', -1, 64) == whole {
		t.Fatal("control: a float64 holds 100.000000000000000001")
	}
	bal, err = kc.Balance.Check(c, assetID)
	if err != nil || bal.Balance != whole {
		t.Fatalf("balance after a second deposit %+v %v", bal, err)
	}
	assets, err := kc.Assets.List(c, accountID)
	if err != nil || len(assets) != 1 || assets[0].ID != assetID || assets[0].Balance != whole {
		t.Fatalf("assets %+v %v", assets, err)
	}

	tr, err := kc.Transactions.SendFunds(c, sendParams(accountID, assetID, tiny))
	if err != nil {
		t.Fatal(err)
	}
	if tr.Amount != tiny || tr.Fee != "0.001" || tr.TotalDebited != "0.001000000000000001" || tr.BalanceAfter != "99.999" {
		t.Fatalf("transfer %+v", tr)
	}
	page, err := kc.Transactions.List(c, yativo.ListTransactionsParams{Search: tr.ID})
	if err != nil || len(page) != 1 || page[0].ID != tr.ID || page[0].Amount != tiny || page[0].Fee != "0.001" {
		t.Fatalf("history %+v %v", page, err)
	}
}

// Account.Assets is an integer read from the numeric string the server sends ("assets": "2"),
// and nil where the answer has no count (the create answer).
func TestAccountAssetsIsAnInteger(t *testing.T) {
	kc := shared.keyClient(t, fullKey)
	c := ctx(t)
	acc, err := kc.Accounts.Create(c, yativo.CreateAccountParams{Name: "counted"})
	if err != nil {
		t.Fatal(err)
	}
	if acc.Assets != nil || hasKey(t, acc.Raw, "assets") {
		t.Fatalf("a created account has no count: %+v %s", acc, acc.Raw)
	}
	count := func() (*int64, string) {
		t.Helper()
		accounts, err := kc.Accounts.List(c)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(accounts, func(a yativo.Account) bool { return a.ID == acc.ID })
		if i < 0 {
			t.Fatalf("account %s not listed", acc.ID)
		}
		return accounts[i].Assets, field(t, accounts[i].Raw, "assets")
	}
	if n, sent := count(); n == nil || *n != 0 || sent != "0" {
		t.Fatalf("assets %v (sent %q), want 0", n, sent)
	}
	for _, ticker := range []string{"USDC_SOL", "SOL"} {
		if _, err := kc.Assets.Add(c, yativo.AddAssetParams{AccountID: acc.ID, Chain: "solana", Ticker: ticker}); err != nil {
			t.Fatal(err)
		}
	}
	if n, sent := count(); n == nil || *n != 2 || sent != "2" {
		t.Fatalf("assets %v (sent %q), want 2", n, sent)
	}
}

// A field the answer lacks reads as "" or nil, and Raw keeps every member the record does not
// name.
func TestRecordsAbsentFieldsAndRaw(t *testing.T) {
	kc := shared.keyClient(t, fullKey)
	c := ctx(t)
	acc, err := kc.Accounts.Create(c, yativo.CreateAccountParams{Name: "raw"})
	if err != nil {
		t.Fatal(err)
	}
	accounts, err := kc.Accounts.List(c)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(accounts, func(a yativo.Account) bool { return a.ID == acc.ID })
	if i < 0 || accounts[i].Status != "active" || field(t, accounts[i].Raw, "user_id") == "" || field(t, accounts[i].Raw, "_id") != acc.ID {
		t.Fatalf("listed account %+v", accounts)
	}

	ast, err := kc.Assets.Add(c, yativo.AddAssetParams{AccountID: acc.ID, Chain: "solana", Ticker: "USDC_SOL"})
	if err != nil {
		t.Fatal(err)
	}
	if ast.Chain != "solana" || ast.Ticker != "USDC_SOL" || ast.Address == "" || ast.Balance != "0" || ast.Status != "active" || ast.CreatedAt == "" {
		t.Fatalf("asset %+v", ast)
	}
	assets, err := kc.Assets.List(c, acc.ID)
	if err != nil || len(assets) != 1 || field(t, assets[0].Raw, "token_type") != "token" || field(t, assets[0].Raw, "asset_short_name") != "USDC" {
		t.Fatalf("listed assets %+v %v", assets, err)
	}

	bal, err := kc.Balance.Check(c, ast.ID)
	if err != nil {
		t.Fatal(err)
	}
	// balance_usd: the sandbox sends none.
	if bal.BalanceUSD != "" || hasKey(t, bal.Raw, "balance_usd") {
		t.Fatalf("balance_usd %+v %s", bal, bal.Raw)
	}
	if bal.AssetID != ast.ID || bal.Chain != "solana" || bal.Ticker != "USDC_SOL" || bal.Address != ast.Address || bal.UpdatedAt == "" ||
		field(t, bal.Raw, "account_id") != acc.ID {
		t.Fatalf("balance %+v %s", bal, bal.Raw)
	}

	shared.deposit(t, ast.ID, "5")
	p := sendParams(acc.ID, ast.ID, "1")
	p.Description = "raw fields"
	tr, err := kc.Transactions.SendFunds(c, p)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Status != "confirmed" || tr.Hash == "" || tr.Chain != "solana" || tr.Ticker != "USDC_SOL" || tr.CreatedAt == "" ||
		field(t, tr.Raw, "category") != "transfer" || field(t, tr.Raw, "description") != "raw fields" {
		t.Fatalf("transfer %+v %s", tr, tr.Raw)
	}
	page, err := kc.Transactions.List(c, yativo.ListTransactionsParams{Search: tr.ID})
	if err != nil || len(page) != 1 {
		t.Fatalf("history %+v %v", page, err)
	}
	tx := page[0]
	if tx.Type != "send" || tx.Direction != "out" || tx.Status != "confirmed" || tx.AssetID != ast.ID || tx.AccountID != acc.ID ||
		tx.Hash != tr.Hash || tx.ToAddress != solanaDst || tx.FromAddress != ast.Address || tx.Ticker != "USDC_SOL" ||
		field(t, tx.Raw, "description") != "raw fields" || field(t, tx.Raw, "priority") != "medium" {
		t.Fatalf("transaction %+v %s", tx, tx.Raw)
	}
}

// Transfer.IdempotencyKey is the key the call carried: the one given, or the UUIDv4 the core
// generated, which the server echoes too.
func TestTransferIdempotencyKey(t *testing.T) {
	kc := shared.keyClient(t, fullKey)
	c := ctx(t)
	accountID, assetID := funded(t, shared, kc, "10")
	key := uniq("transfer-key")
	given, err := kc.Transactions.SendFunds(c, sendParams(accountID, assetID, "1"), yativo.IdempotencyKey(key))
	if err != nil || given.IdempotencyKey != key || field(t, given.Raw, "idempotency_key") != key {
		t.Fatalf("given key: %+v %v", given, err)
	}
	uuid4 := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	var keys []string
	for range 2 {
		tr, err := kc.Transactions.SendFunds(c, sendParams(accountID, assetID, "1"))
		if err != nil || !uuid4.MatchString(tr.IdempotencyKey) || field(t, tr.Raw, "idempotency_key") != tr.IdempotencyKey {
			t.Fatalf("generated key: %+v %v", tr, err)
		}
		keys = append(keys, tr.IdempotencyKey)
	}
	if keys[0] == keys[1] {
		t.Fatalf("one generated key twice: %s", keys[0])
	}
}

// Webhooks.List returns Webhook records: every field but the secret, which only Create shows.
func TestWebhooksListIsTyped(t *testing.T) {
	kc := shared.keyClient(t, fullKey)
	c := ctx(t)
	made, err := kc.Webhooks.Create(c, yativo.CreateWebhookParams{URL: "https://example.com/typed", Events: []string{"transaction.completed", "deposit.received"}, Description: "typed"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = kc.Webhooks.Delete(ctx(t), made.ID) })
	if !json.Valid(made.Raw) || strings.Contains(string(made.Raw), made.Secret.Reveal()) {
		t.Fatalf("created webhook's Raw %s", made.Raw)
	}
	list, err := kc.Webhooks.List(c)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(list, func(w yativo.Webhook) bool { return w.ID == made.ID })
	if i < 0 {
		t.Fatalf("webhook %s not listed: %+v", made.ID, list)
	}
	w := list[i]
	if w.URL != made.URL || !slices.Equal(w.Events, made.Events) || w.Description != "typed" || w.CreatedAt != made.CreatedAt ||
		!w.Secret.IsZero() || field(t, w.Raw, "status") != "active" || strings.Contains(string(w.Raw), made.Secret.Reveal()) {
		t.Fatalf("listed webhook %+v %s", w, w.Raw)
	}
}
