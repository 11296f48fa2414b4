package yativo_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/libyativo/libyativo/bindings/go/internal/capi"
	"github.com/libyativo/libyativo/bindings/go/yativo"
)

var uniqN atomic.Int64

// uniq makes an idempotency key unique to this run, so that -count=N runs do not collide.
func uniq(prefix string) string {
	return prefix + "-" + strconv.FormatInt(time.Now().UnixNano(), 36) + "-" + strconv.FormatInt(uniqN.Add(1), 10)
}

func TestCodesMatchTheLibrary(t *testing.T) {
	codes := yativo.Codes()
	if len(codes) < 18 || codes[0] != yativo.CodeOK {
		t.Fatalf("codes: %v", codes)
	}
	for _, c := range codes {
		if got := capi.StatusString(int(c)); got != c.String() {
			t.Errorf("code %d: library says %q, Go says %q", int(c), got, c.String())
		}
		if c != yativo.CodeOK && !errors.Is(&yativo.Error{Code: c}, c.Sentinel()) {
			t.Errorf("%v does not match its sentinel", c)
		}
	}
	if capi.StatusString(12345) != "UNKNOWN" || yativo.Code(12345).String() != "UNKNOWN(12345)" {
		t.Error("unknown codes")
	}
	if errors.Is(&yativo.Error{Code: yativo.CodeNotFound}, yativo.ErrConflict) {
		t.Error("NOT_FOUND matched ErrConflict")
	}
}

func TestVersion(t *testing.T) {
	if v := yativo.Version(); strings.Count(v, ".") != 2 {
		t.Fatalf("version %q", v)
	}
}

// AllowedIPs is sent at creation and read back from create, list and get; unset, a key has none.
func TestAPIKeyAllowedIPs(t *testing.T) {
	adm := shared.admin(t)
	c := ctx(t)
	key, err := adm.APIKeys.Create(c, yativo.CreateKeyParams{Name: "pinned", Permissions: []string{"read"}, AllowedIPs: []string{"127.0.0.1"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"127.0.0.1"}
	if !slices.Equal(key.AllowedIPs, want) {
		t.Fatalf("created key's allowed IPs %v", key.AllowedIPs)
	}
	got, err := adm.APIKeys.Get(c, key.ID)
	if err != nil || !slices.Equal(got.AllowedIPs, want) {
		t.Fatalf("get: %+v %v", got, err)
	}
	keys, err := adm.APIKeys.List(c)
	if err != nil || !slices.ContainsFunc(keys, func(k yativo.APIKey) bool { return k.ID == key.ID && slices.Equal(k.AllowedIPs, want) }) {
		t.Fatalf("list: %+v %v", keys, err)
	}
	open, err := adm.APIKeys.Create(c, yativo.CreateKeyParams{Name: "open", Permissions: []string{"read"}})
	if err != nil || len(open.AllowedIPs) != 0 {
		t.Fatalf("a key without allowed IPs: %+v %v", open, err)
	}
	if _, err := adm.APIKeys.Create(c, yativo.CreateKeyParams{Name: "bad", Permissions: []string{"read"}, AllowedIPs: []string{"not-an-address"}}); !errors.Is(err, yativo.ErrValidation) {
		t.Fatalf("an allowed IP that is no address: %v", err)
	}
}

func TestAPIKeyLifecycle(t *testing.T) {
	adm := shared.admin(t)
	c := ctx(t)
	key, err := adm.APIKeys.Create(c, yativo.CreateKeyParams{Name: "lifecycle", Permissions: []string{"read", "write"}, ExpiresInDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	if key.ID == "" || key.APIKey == "" || key.APISecret.IsZero() || key.Status != "active" || key.ExpiresAt == "" || key.CreatedAt == "" {
		t.Fatalf("created key: %+v", key)
	}
	if !slices.Equal(key.Permissions, []string{"read", "write"}) {
		t.Fatalf("permissions %v", key.Permissions)
	}

	keys, err := adm.APIKeys.List(c)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(keys, func(k yativo.APIKey) bool { return k.ID == key.ID && k.APISecret.IsZero() }) {
		t.Fatalf("key %s not listed (without secret): %+v", key.ID, keys)
	}
	got, err := adm.APIKeys.Get(c, key.ID)
	if err != nil || got.Name != "lifecycle" || !got.APISecret.IsZero() {
		t.Fatalf("get: %+v %v", got, err)
	}

	kc := shared.keyClient(t, key)
	tok, err := kc.Token(c)
	if err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken.IsZero() || tok.TokenType != "Bearer" || tok.ExpiresIn <= 0 || !slices.Contains(tok.Scopes, "read") {
		t.Fatalf("token: %+v", tok)
	}
	if _, err := kc.Accounts.List(c); err != nil {
		t.Fatal(err)
	}

	upd, err := adm.APIKeys.UpdatePermissions(c, key.ID, []string{"read"})
	if err != nil || !slices.Equal(upd.Permissions, []string{"read"}) {
		t.Fatalf("update: %+v %v", upd, err)
	}
	if _, err := kc.Accounts.Create(c, yativo.CreateAccountParams{Name: "x"}); !errors.Is(err, yativo.ErrPermissionDenied) {
		t.Fatalf("write after the downgrade: %v", err)
	}

	rot, err := adm.APIKeys.Rotate(c, key.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rot.ID != key.ID || rot.APISecret.IsZero() || rot.APISecret == key.APISecret {
		t.Fatalf("rotated: %+v", rot)
	}
	old := shared.keyClient(t, key)
	if _, err := old.Accounts.List(c); !errors.Is(err, yativo.ErrAuthentication) {
		t.Fatalf("old secret after rotation: %v", err)
	}
	if err := old.SetCredentials(rot.APIKey, rot.APISecret.Reveal()); err != nil {
		t.Fatal(err)
	}
	if _, err := old.Accounts.List(c); err != nil {
		t.Fatalf("new secret after SetCredentials: %v", err)
	}

	if err := adm.APIKeys.Revoke(c, key.ID); err != nil {
		t.Fatal(err)
	}
	var e *yativo.Error
	if _, err := old.Accounts.List(c); !errors.As(err, &e) || e.Code != yativo.CodeAuthentication || e.HTTPStatus != 401 {
		t.Fatalf("revoked key: %v", err)
	}
	if got, err := adm.APIKeys.Get(c, key.ID); err != nil || got.Status != "revoked" {
		t.Fatalf("revoked status: %+v %v", got, err)
	}
}

func TestResources(t *testing.T) {
	sendKey := uniq("sendKey")
	accKey := uniq("accKey")
	kc := shared.keyClient(t, fullKey)
	c := ctx(t)

	acc, err := kc.Accounts.Create(c, yativo.CreateAccountParams{Name: "Main", Type: "business"})
	if err != nil {
		t.Fatal(err)
	}
	accountID := acc.ID
	if accountID == "" || acc.Name != "Main" || acc.Type != "business" {
		t.Fatalf("account %+v", acc)
	}
	accounts, err := kc.Accounts.List(c)
	if err != nil || !slices.ContainsFunc(accounts, func(a yativo.Account) bool { return a.ID == accountID }) {
		t.Fatalf("accounts %+v %v", accounts, err)
	}

	ast, err := kc.Assets.Add(c, yativo.AddAssetParams{AccountID: accountID, Chain: "solana", Ticker: "USDC_SOL"})
	if err != nil {
		t.Fatal(err)
	}
	assetID := ast.ID
	if assetID == "" || ast.AccountID != accountID {
		t.Fatalf("asset %+v", ast)
	}
	for _, filter := range []string{accountID, ""} {
		assets, err := kc.Assets.List(c, filter)
		if err != nil || !slices.ContainsFunc(assets, func(a yativo.Asset) bool { return a.ID == assetID }) {
			t.Fatalf("assets(%q) %+v %v", filter, assets, err)
		}
	}

	bal, err := kc.Balance.Check(c, assetID)
	if err != nil || bal.Balance != "0" {
		t.Fatalf("balance %+v %v", bal, err)
	}
	shared.deposit(t, assetID, "100")
	bal, err = kc.Balance.Check(c, assetID)
	if err != nil || bal.Balance != "100" {
		t.Fatalf("balance after deposit %+v %v", bal, err)
	}

	gas, err := kc.Transactions.GasPrice(c, yativo.GasPriceParams{Chain: "solana", Priority: "high", Extra: map[string]any{"amount": "1"}})
	if err != nil {
		t.Fatal(err)
	}
	if fee := field(t, gas, "fee"); fee != "0.001" {
		t.Fatalf("gas fee %q in %s", fee, gas)
	}
	if field(t, gas, "feeCurrency") != "SOL" || strings.Contains(string(gas), "amount_usd") {
		t.Fatalf("gas without an asset: %s", gas)
	}
	// AmountUSD, AssetID and TokenSymbol are typed; the sandbox echoes what it used.
	gas, err = kc.Transactions.GasPrice(c, yativo.GasPriceParams{Chain: "solana", Priority: "low", AmountUSD: "25.50", AssetID: assetID, TokenSymbol: "usdc"})
	if err != nil {
		t.Fatal(err)
	}
	if field(t, gas, "amount_usd") != "25.5" || field(t, gas, "asset_id") != assetID ||
		field(t, gas, "token_symbol") != "USDC" || field(t, gas, "feeCurrency") != "USDC" {
		t.Fatalf("gas for an asset: %s", gas)
	}
	if _, err := kc.Transactions.GasPrice(c, yativo.GasPriceParams{Chain: "solana", AmountUSD: "1e3"}); !errors.Is(err, yativo.ErrInvalidArgument) {
		t.Fatalf("amount_usd 1e3: %v", err)
	}
	if _, err := kc.Transactions.GasPrice(c, yativo.GasPriceParams{Chain: "solana", AssetID: assetID, TokenSymbol: "DAI"}); !errors.Is(err, yativo.ErrValidation) {
		t.Fatalf("a symbol not the asset's: %v", err)
	}

	p := sendParams(accountID, assetID, "12.5")
	p.Description = "go suite"
	tr, err := kc.Transactions.SendFunds(c, p, yativo.IdempotencyKey(sendKey))
	if err != nil {
		t.Fatal(err)
	}
	if tr.IdempotencyKey != sendKey || field(t, tr.Raw, "idempotency_key") != sendKey {
		t.Fatalf("transfer %+v", tr)
	}
	txID := tr.ID
	if txID == "" || tr.Amount != "12.5" {
		t.Fatalf("transfer %+v", tr)
	}
	tr2, err := kc.Transactions.SendFunds(c, sendParams(accountID, assetID, "0.5"))
	if err != nil || len(tr2.IdempotencyKey) != 36 {
		t.Fatalf("generated key: %+v %v", tr2, err)
	}
	bal, err = kc.Balance.Check(c, assetID)
	if err != nil || bal.Balance != "86.998" {
		t.Fatalf("balance after two sends: %+v %v", bal, err)
	}

	page, err := kc.Transactions.List(c, yativo.ListTransactionsParams{Page: 1, Limit: 10, Chain: "solana", Search: txID})
	if err != nil {
		t.Fatal(err)
	}
	if len(page) != 1 || page[0].ID != txID {
		t.Fatalf("filtered page %+v", page)
	}
	n := 0
	for tx, err := range kc.Transactions.All(c, yativo.ListTransactionsParams{Limit: 1, Status: "confirmed"}) {
		if err != nil {
			t.Fatal(err)
		}
		if tx.ID == "" || !json.Valid(tx.Raw) {
			t.Fatalf("item %+v", tx)
		}
		n++
	}
	if n < 2 {
		t.Fatalf("All yielded %d transactions", n)
	}

	wh, err := kc.Webhooks.Create(c, yativo.CreateWebhookParams{URL: "https://example.com/hook", Events: []string{"transaction.completed"}, Description: "go"})
	if err != nil {
		t.Fatal(err)
	}
	if wh.ID == "" || wh.Secret.IsZero() || !strings.HasPrefix(wh.Secret.Reveal(), "whsec_") || wh.URL != "https://example.com/hook" ||
		!slices.Equal(wh.Events, []string{"transaction.completed"}) || wh.Description != "go" || wh.CreatedAt == "" {
		t.Fatalf("webhook %+v", wh)
	}
	list, err := kc.Webhooks.List(c)
	i := slices.IndexFunc(list, func(w yativo.Webhook) bool { return w.ID == wh.ID })
	if err != nil || i < 0 || list[i].URL != wh.URL || !list[i].Secret.IsZero() ||
		strings.Contains(string(list[i].Raw), wh.Secret.Reveal()) {
		t.Fatalf("webhooks %+v %v", list, err)
	}
	if err := kc.Webhooks.Delete(c, wh.ID); err != nil {
		t.Fatal(err)
	}
	if err := kc.Webhooks.Delete(c, wh.ID); !errors.Is(err, yativo.ErrNotFound) {
		t.Fatalf("second delete: %v", err)
	}

	raw, err := kc.Request(c, "POST", "/balance/check", map[string]string{"asset_id": assetID})
	if err != nil || field(t, raw, "balance") != "86.998" {
		t.Fatalf("request %s %v", raw, err)
	}
	raw, err = kc.Request(c, "GET", "/accounts/get-accounts", nil)
	if err != nil || !strings.Contains(string(raw), accountID) {
		t.Fatalf("request GET %s %v", raw, err)
	}
	raw, err = kc.Request(c, "POST", "/accounts/create-account", json.RawMessage(`{"account_name":"viaRequest"}`), yativo.IdempotencyKey(accKey))
	if err != nil || field(t, raw, "account_name") != "viaRequest" {
		t.Fatalf("request POST %s %v", raw, err)
	}
	again, err := kc.Request(c, "POST", "/accounts/create-account", `{"account_name":"viaRequest"}`, yativo.IdempotencyKey(accKey))
	if err != nil || field(t, again, "account_id") != field(t, raw, "account_id") {
		t.Fatalf("idempotent replay %s %v", again, err)
	}

	rl, ok := kc.RateLimit()
	if !ok || rl.Limit <= 0 || rl.Remaining < 0 || rl.Reset.IsZero() {
		t.Fatalf("rate limit %+v %v", rl, ok)
	}
	if kc.BaseURL() != shared.BaseURL {
		t.Fatalf("base url %q", kc.BaseURL())
	}
}

func TestHeaderAuthMakesNoTokenExchange(t *testing.T) {
	sb := newSandbox(t)
	key := sb.newKey(t, "headers", "read")
	before := sb.stats(t).TokenExchanges
	hc := sb.keyClient(t, key, yativo.WithAuthMode(yativo.AuthHeaders))
	for i := 0; i < 3; i++ {
		if _, err := hc.Accounts.List(ctx(t)); err != nil {
			t.Fatal(err)
		}
	}
	if got := sb.stats(t).TokenExchanges - before; got != 0 {
		t.Fatalf("%d token exchanges in header mode", got)
	}
}

func TestTwoFactorOnSend(t *testing.T) {
	sb := newSandbox(t, "--require-2fa-on-send")
	key := sb.newKey(t, "sender", allScopes...)
	kc := sb.keyClient(t, key)
	accountID, assetID := funded(t, sb, kc, "10")
	_, err := kc.Transactions.SendFunds(ctx(t), sendParams(accountID, assetID, "1"))
	var e *yativo.Error
	if !errors.As(err, &e) || e.Code != yativo.CodeTwoFactorRequired || e.HTTPStatus != 401 || e.ErrorCode != "two_factor_required" || e.IdempotencyKey == "" {
		t.Fatalf("send without 2FA: %#v", err)
	}
	// The admin client used the current step to create the key: send the next step's code
	// (the server accepts one step ahead), and move on a step if that one was used too.
	var tr *yativo.Transfer
	for attempt := 0; ; attempt++ {
		code, err := yativo.TOTP(sb.TOTPSecret, yativo.Period(2*time.Second), yativo.At(time.Now().Add(2*time.Second)))
		if err != nil {
			t.Fatal(err)
		}
		tr, err = kc.Transactions.SendFunds(ctx(t), sendParams(accountID, assetID, "1"), yativo.TOTPCode(code))
		if err == nil {
			break
		}
		if !errors.As(err, &e) || e.ErrorCode != "two_factor_invalid" || attempt == 2 {
			t.Fatalf("send with 2FA: %v", err)
		}
		time.Sleep(2 * time.Second)
	}
	if tr.IdempotencyKey == "" {
		t.Fatal("no key")
	}
	if got := sb.stats(t).TransactionsCreated; got != 1 {
		t.Fatalf("transactions_created %d", got)
	}
}

// freePort returns a loopback port nothing listens on.
func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	return port
}

func TestErrorClasses(t *testing.T) {
	kc := shared.keyClient(t, fullKey, yativo.WithBackoff(5*time.Millisecond, 20*time.Millisecond))
	accountID, assetID := funded(t, shared, kc, "5")

	type check struct {
		code       yativo.Code
		sentinel   error
		httpStatus int
		errorCode  string
	}
	cases := []struct {
		name string
		run  func(t *testing.T) error
		want check
	}{
		{"401 bad credentials", func(t *testing.T) error {
			bad := &yativo.APIKey{APIKey: "yativo_" + strings.Repeat("0", 48), APISecret: "CANARY-wrong-secret-go"}
			_, err := shared.keyClient(t, bad).Accounts.List(ctx(t))
			return err
		}, check{yativo.CodeAuthentication, yativo.ErrAuthentication, 401, ""}},
		{"2FA call without a code or TOTP secret", func(t *testing.T) error {
			noTOTP := mustClient(t, yativo.WithBaseURL(shared.BaseURL), yativo.WithAccessToken(shared.Session), yativo.WithEnvironmentVariables(false))
			_, err := noTOTP.APIKeys.Create(ctx(t), yativo.CreateKeyParams{Name: "x", Permissions: []string{"read"}})
			return err
		}, check{yativo.CodeTwoFactorRequired, yativo.ErrTwoFactorRequired, 0, ""}},
		{"2FA wrong code", func(t *testing.T) error {
			_, err := shared.admin(t).APIKeys.Create(ctx(t), yativo.CreateKeyParams{Name: "x", Permissions: []string{"read"}}, yativo.TOTPCode("000000"))
			return err
		}, check{yativo.CodeTwoFactorRequired, yativo.ErrTwoFactorRequired, 401, "two_factor_invalid"}},
		{"403 read-only key", func(t *testing.T) error {
			_, err := shared.keyClient(t, readKey).Accounts.Create(ctx(t), yativo.CreateAccountParams{Name: "nope"})
			return err
		}, check{yativo.CodePermissionDenied, yativo.ErrPermissionDenied, 403, "forbidden"}},
		{"404 unknown key", func(t *testing.T) error {
			_, err := kc.APIKeys.Get(ctx(t), "key_"+strings.Repeat("0", 24))
			return err
		}, check{yativo.CodeNotFound, yativo.ErrNotFound, 404, "not_found"}},
		{"409 asset added twice", func(t *testing.T) error {
			_, err := kc.Assets.Add(ctx(t), yativo.AddAssetParams{AccountID: accountID, Chain: "solana", Ticker: "USDC_SOL"})
			return err
		}, check{yativo.CodeConflict, yativo.ErrConflict, 409, "conflict"}},
		{"400 limit above 100 sent through Request", func(t *testing.T) error {
			_, err := kc.Request(ctx(t), "POST", "/transactions/get-transactions", map[string]int{"limit": 101})
			return err
		}, check{yativo.CodeValidation, yativo.ErrValidation, 400, "validation_error"}},
		{"422 insufficient balance", func(t *testing.T) error {
			_, err := kc.Transactions.SendFunds(ctx(t), sendParams(accountID, assetID, "1000"))
			return err
		}, check{yativo.CodeValidation, yativo.ErrValidation, 422, "insufficient_balance"}},
		{"429 rate limited", func(t *testing.T) error {
			shared.fault(t, fault{Path: "/accounts/get-accounts", Count: 10, Mode: "respond", Status: 429, RetryAfter: 1})
			c := shared.keyClient(t, fullKey, yativo.WithMaxRetries(0))
			_, err := c.Accounts.List(ctx(t))
			return err
		}, check{yativo.CodeRateLimited, yativo.ErrRateLimited, 429, "rate_limit_exceeded"}},
		{"503 after retries", func(t *testing.T) error {
			shared.fault(t, fault{Path: "/accounts/get-accounts", Count: 10, Mode: "respond", Status: 503})
			_, err := kc.Accounts.List(ctx(t))
			return err
		}, check{yativo.CodeServer, yativo.ErrServer, 503, "service_unavailable"}},
		{"connection refused", func(t *testing.T) error {
			c := mustClient(t, yativo.WithBaseURL(fmt.Sprintf("http://127.0.0.1:%d/api/v1", freePort(t))),
				yativo.WithAPIKey("k", "s"), yativo.WithMaxRetries(0), yativo.WithEnvironmentVariables(false))
			_, err := c.Accounts.List(ctx(t))
			return err
		}, check{yativo.CodeNetwork, yativo.ErrNetwork, 0, ""}},
		{"garbage body", func(t *testing.T) error {
			shared.fault(t, fault{Path: "/accounts/get-accounts", Count: 5, Mode: "garbage"})
			_, err := kc.Accounts.List(ctx(t))
			return err
		}, check{yativo.CodeProtocol, yativo.ErrProtocol, 200, ""}},
		{"attempt timeout", func(t *testing.T) error {
			shared.fault(t, fault{Path: "/accounts/get-accounts", Count: 1, Mode: "delay", DelayMS: 2000})
			c := shared.keyClient(t, fullKey, yativo.WithMaxRetries(0), yativo.WithAttemptTimeout(300*time.Millisecond))
			if _, err := c.Token(ctx(t)); err != nil {
				return err
			}
			_, err := c.Accounts.List(ctx(t))
			if errors.Is(err, context.DeadlineExceeded) {
				t.Error("the library's own timeout matched context.DeadlineExceeded")
			}
			return err
		}, check{yativo.CodeTimeout, yativo.ErrTimeout, 0, ""}},
		{"bad signature", func(t *testing.T) error {
			h, err := yativo.SignWebhook([]byte(`{"id":"evt_1"}`), "whsec_right", time.Time{})
			if err != nil {
				return err
			}
			_, err = yativo.VerifyWebhook([]byte(`{"id":"evt_1"}`), h, "whsec_wrong")
			return err
		}, check{yativo.CodeSignatureInvalid, yativo.ErrSignatureInvalid, 0, ""}},
		{"float-like amount", func(t *testing.T) error {
			_, err := kc.Transactions.SendFunds(ctx(t), sendParams(accountID, assetID, "1e3"))
			return err
		}, check{yativo.CodeInvalidArgument, yativo.ErrInvalidArgument, 0, ""}},
		{"limit above 100", func(t *testing.T) error {
			_, err := kc.Transactions.List(ctx(t), yativo.ListTransactionsParams{Limit: 101})
			return err
		}, check{yativo.CodeInvalidArgument, yativo.ErrInvalidArgument, 0, ""}},
		{"http to a non-loopback host", func(t *testing.T) error {
			_, err := yativo.New(yativo.WithBaseURL("http://example.com/api/v1"), yativo.WithAPIKey("k", "s"))
			return err
		}, check{yativo.CodeInvalidArgument, yativo.ErrInvalidArgument, 0, ""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run(t)
			var e *yativo.Error
			if !errors.As(err, &e) {
				t.Fatalf("want a *yativo.Error, got %T %v", err, err)
			}
			if e.Code != tc.want.code || !errors.Is(err, tc.want.sentinel) || yativo.CodeOf(err) != tc.want.code {
				t.Fatalf("got %v (code %v), want %v", err, e.Code, tc.want.code)
			}
			if tc.want.httpStatus != 0 && e.HTTPStatus != tc.want.httpStatus {
				t.Errorf("HTTP status %d, want %d", e.HTTPStatus, tc.want.httpStatus)
			}
			if tc.want.errorCode != "" && e.ErrorCode != tc.want.errorCode {
				t.Errorf("error code %q, want %q", e.ErrorCode, tc.want.errorCode)
			}
			for _, s := range []error{yativo.ErrInternal, yativo.ErrCancelled} {
				if s != tc.want.sentinel && errors.Is(err, s) {
					t.Errorf("also matches %v", s)
				}
			}
			if e.Message == "" || !strings.Contains(e.Error(), tc.want.code.String()) {
				t.Errorf("message %q", e.Error())
			}
		})
	}
}

func TestErrorFields(t *testing.T) {
	key422 := uniq("key422")
	key409 := uniq("key409")
	kc := shared.keyClient(t, fullKey, yativo.WithBackoff(5*time.Millisecond, 20*time.Millisecond))
	accountID, assetID := funded(t, shared, kc, "5")
	c := ctx(t)

	_, err := kc.Transactions.SendFunds(c, sendParams(accountID, assetID, "1000"), yativo.IdempotencyKey(key422))
	var e *yativo.Error
	if !errors.As(err, &e) {
		t.Fatal(err)
	}
	var details map[string]any
	if err := json.Unmarshal(e.Details, &details); err != nil || details["available_balance"] != "5" {
		t.Fatalf("details %s %v", e.Details, err)
	}
	if e.IdempotencyKey != key422 || e.RequestID == "" || e.OutcomeUnknown {
		t.Fatalf("422 fields %+v", e)
	}

	first, err := kc.Transactions.SendFunds(c, sendParams(accountID, assetID, "1"), yativo.IdempotencyKey(key409))
	if err != nil {
		t.Fatal(err)
	}
	_, err = kc.Transactions.SendFunds(c, sendParams(accountID, assetID, "2"), yativo.IdempotencyKey(key409))
	if !errors.As(err, &e) || e.Code != yativo.CodeConflict || e.ExistingTransactionID != first.ID || e.IdempotencyKey != key409 {
		t.Fatalf("409: %+v", err)
	}

	shared.fault(t, fault{Path: "/accounts/get-accounts", Count: 10, Mode: "respond", Status: 429, RetryAfter: 7})
	noRetry := shared.keyClient(t, fullKey, yativo.WithMaxRetries(0))
	_, err = noRetry.Accounts.List(c)
	if !errors.As(err, &e) || e.RetryAfter != 7*time.Second || !e.Retryable {
		t.Fatalf("429: %+v", err)
	}
}

func TestSingleTokenExchangeFor16Goroutines(t *testing.T) {
	sb := newSandbox(t)
	key := sb.newKey(t, "shared", "read")
	before := sb.stats(t)
	c := sb.keyClient(t, key)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 3; j++ {
				if _, err := c.Accounts.List(context.Background()); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	after := sb.stats(t)
	if got := after.TokenExchanges - before.TokenExchanges; got != 1 {
		t.Fatalf("%d token exchanges, want 1", got)
	}
	if got := after.Paths["/accounts/get-accounts"]; got != 48 {
		t.Fatalf("%d list requests, want 48", got)
	}
}

func TestContextDeadlineEndsAWaitingCall(t *testing.T) {
	kc := shared.keyClient(t, fullKey)
	if _, err := kc.Token(ctx(t)); err != nil {
		t.Fatal(err)
	}
	shared.fault(t, fault{Path: "/accounts/get-accounts", Count: 1, Mode: "delay", DelayMS: 5000})
	c, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := kc.Accounts.List(c)
	elapsed := time.Since(start)
	if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, yativo.ErrTimeout) {
		t.Fatalf("got %v", err)
	}
	if elapsed > 1500*time.Millisecond {
		t.Fatalf("returned after %v", elapsed)
	}
	var e *yativo.Error
	if !errors.As(err, &e) || e.Code != yativo.CodeTimeout {
		t.Fatalf("not an *Error: %v", err)
	}
}

func TestContextCancelEndsAWaitingCall(t *testing.T) {
	cancelKey := uniq("cancelKey")
	kc := shared.keyClient(t, fullKey)
	accountID, assetID := funded(t, shared, kc, "5")
	shared.fault(t, fault{Path: "/transactions/send-funds", Count: 1, Mode: "delay", DelayMS: 5000})
	c, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	_, err := kc.Transactions.SendFunds(c, sendParams(accountID, assetID, "1"), yativo.IdempotencyKey(cancelKey))
	elapsed := time.Since(start)
	if !errors.Is(err, context.Canceled) || !errors.Is(err, yativo.ErrCancelled) {
		t.Fatalf("got %v", err)
	}
	if elapsed > 1500*time.Millisecond {
		t.Fatalf("returned after %v", elapsed)
	}
	var e *yativo.Error
	if !errors.As(err, &e) || e.IdempotencyKey != cancelKey {
		t.Fatalf("cancelled send lost its idempotency key: %+v", err)
	}
}

func TestDoneContextSendsNothing(t *testing.T) {
	sb := newSandbox(t)
	key := sb.newKey(t, "done", "read")
	c := sb.keyClient(t, key)
	before := sb.stats(t).Requests
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Accounts.List(cancelled); !errors.Is(err, context.Canceled) || !errors.Is(err, yativo.ErrCancelled) {
		t.Fatalf("cancelled: %v", err)
	}
	expired, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel2()
	if _, err := c.Accounts.List(expired); !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, yativo.ErrTimeout) {
		t.Fatalf("expired: %v", err)
	}
	if got := sb.stats(t).Requests - before; got != 0 {
		t.Fatalf("%d requests sent", got)
	}
}

func TestSendFundsDropAfterSendsOnce(t *testing.T) {
	sb := newSandbox(t)
	key := sb.newKey(t, "dropper", allScopes...)
	kc := sb.keyClient(t, key, yativo.WithBackoff(10*time.Millisecond, 50*time.Millisecond))
	accountID, assetID := funded(t, sb, kc, "10")
	sb.fault(t, fault{Path: "/transactions/send-funds", Count: 1, Mode: "drop_after"})
	tr, err := kc.Transactions.SendFunds(ctx(t), sendParams(accountID, assetID, "2"))
	if err != nil {
		t.Fatal(err)
	}
	if tr.IdempotencyKey == "" || field(t, tr.Raw, "idempotency_key") != tr.IdempotencyKey {
		t.Fatalf("transfer %+v", tr)
	}
	st := sb.stats(t)
	if st.TransactionsCreated != 1 || st.Paths["/transactions/send-funds"] != 2 {
		t.Fatalf("transactions_created %d over %d requests", st.TransactionsCreated, st.Paths["/transactions/send-funds"])
	}
	bal, err := kc.Balance.Check(ctx(t), assetID)
	if err != nil || bal.Balance != "7.999" {
		t.Fatalf("balance %+v %v", bal, err)
	}
}

func TestSendFundsWithoutRetriesReportsOutcomeUnknown(t *testing.T) {
	sb := newSandbox(t)
	key := sb.newKey(t, "dropper", allScopes...)
	kc := sb.keyClient(t, key, yativo.WithMaxRetries(0))
	accountID, assetID := funded(t, sb, kc, "10")
	// libcurl may re-send once on its own when a reused connection dies (allowed: the request
	// carries an idempotency key), so every attempt of this call is dropped.
	sb.fault(t, fault{Path: "/transactions/send-funds", Count: 5, Mode: "drop_after"})
	_, err := kc.Transactions.SendFunds(ctx(t), sendParams(accountID, assetID, "2"))
	var e *yativo.Error
	if !errors.As(err, &e) || e.Code != yativo.CodeNetwork || !e.OutcomeUnknown || e.IdempotencyKey == "" {
		t.Fatalf("dropped send: %+v", err)
	}
	sb.control(t, "DELETE", "/__sandbox/faults", nil)
	tr, err := kc.Transactions.SendFunds(ctx(t), sendParams(accountID, assetID, "2"), yativo.IdempotencyKey(e.IdempotencyKey))
	if err != nil || tr.IdempotencyKey != e.IdempotencyKey {
		t.Fatalf("retry with the key: %+v %v", tr, err)
	}
	if got := sb.stats(t).TransactionsCreated; got != 1 {
		t.Fatalf("transactions_created %d", got)
	}
}

func TestLoggerGetsLinesAndNoSecret(t *testing.T) {
	sb := newSandbox(t)
	var mu sync.Mutex
	var lines []string
	logf := yativo.WithLogger(func(level yativo.LogLevel, msg string) {
		mu.Lock()
		lines = append(lines, level.String()+" "+msg)
		mu.Unlock()
	})
	adm := sb.admin(t, logf, yativo.WithLogLevel(yativo.LogDebug))
	key, err := adm.APIKeys.Create(ctx(t), yativo.CreateKeyParams{Name: "logged", Permissions: allScopes})
	if err != nil {
		t.Fatal(err)
	}
	kc := sb.keyClient(t, key, logf, yativo.WithLogLevel(yativo.LogDebug))
	tok, err := kc.Token(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	accountID, assetID := funded(t, sb, kc, "3")
	if _, err := kc.Transactions.SendFunds(ctx(t), sendParams(accountID, assetID, "1")); err != nil {
		t.Fatal(err)
	}
	wh, err := kc.Webhooks.Create(ctx(t), yativo.CreateWebhookParams{URL: "https://example.com/h", Events: []string{"*"}})
	if err != nil {
		t.Fatal(err)
	}
	_ = adm.Close()
	_ = kc.Close()
	mu.Lock()
	defer mu.Unlock()
	if len(lines) < 5 {
		t.Fatalf("only %d log lines: %q", len(lines), lines)
	}
	all := strings.Join(lines, "\n")
	for name, secret := range map[string]string{
		"session token": sb.Session, "TOTP secret": sb.TOTPSecret, "api secret": key.APISecret.Reveal(),
		"access token": tok.AccessToken.Reveal(), "webhook secret": wh.Secret.Reveal(),
	} {
		if strings.Contains(all, secret) {
			t.Errorf("the %s appears in the log", name)
		}
	}
	if !strings.Contains(all, "/accounts/create-account") {
		t.Errorf("no request line in the log:\n%s", all)
	}
}

func TestLoggerPanicIsContained(t *testing.T) {
	calls := 0
	var mu sync.Mutex
	c := shared.keyClient(t, fullKey, yativo.WithLogLevel(yativo.LogDebug), yativo.WithLogger(func(yativo.LogLevel, string) {
		mu.Lock()
		calls++
		mu.Unlock()
		panic("boom")
	}))
	for i := 0; i < 2; i++ {
		if _, err := c.Accounts.List(ctx(t)); err != nil {
			t.Fatal(err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if calls != 1 {
		t.Fatalf("a panicking logger was called %d times; it should be switched off after the first", calls)
	}
}

func TestCloseIsIdempotentAndWaitsForCalls(t *testing.T) {
	c, err := yativo.New(yativo.WithBaseURL(shared.BaseURL), yativo.WithAPIKey(fullKey.APIKey, fullKey.APISecret.Reveal()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Token(ctx(t)); err != nil {
		t.Fatal(err)
	}
	shared.fault(t, fault{Path: "/accounts/get-accounts", Count: 4, Mode: "delay", DelayMS: 400})
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Accounts.List(context.Background())
			errs <- err
		}()
	}
	time.Sleep(100 * time.Millisecond)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); _ = c.Close() }()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		// A call that started before Close completes; one that lost the race sees ErrClosed.
		if err != nil && !errors.Is(err, yativo.ErrClosed) {
			t.Fatalf("call during Close: %v", err)
		}
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Accounts.List(ctx(t)); !errors.Is(err, yativo.ErrClosed) {
		t.Fatalf("after Close: %v", err)
	}
	if c.BaseURL() != "" {
		t.Fatal("base URL after Close")
	}
	if _, ok := c.RateLimit(); ok {
		t.Fatal("rate limit after Close")
	}
}

func TestSecretsNeverPrint(t *testing.T) {
	const s = "whsec_0123456789abcdef"
	key := yativo.APIKey{ID: "key_1", APISecret: s}
	wh := yativo.Webhook{ID: "wh_1", Secret: s}
	tok := yativo.AccessToken{AccessToken: s, TokenType: "Bearer"}
	for _, v := range []any{key, &key, wh, &wh, tok, &tok, key.APISecret} {
		for _, f := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%10s"} {
			if out := fmt.Sprintf(f, v); strings.Contains(out, s) || strings.Contains(out, fmt.Sprintf("%x", s)) {
				t.Errorf("%s of %T shows the secret: %s", f, v, out)
			}
		}
		b, err := json.Marshal(v)
		if err != nil || strings.Contains(string(b), s) {
			t.Errorf("JSON of %T shows the secret: %s", v, b)
		}
	}
	if fmt.Sprint(key.APISecret) != "[REDACTED]" || key.APISecret.Reveal() != s || yativo.Secret("").String() != "" {
		t.Error("Secret accessors")
	}
}

func TestWebhookSignatures(t *testing.T) {
	body := []byte(`{"id":"evt_42","type":"transaction.completed","created_at":"2026-01-01T00:00:00Z","data":{"amount":"1.5"}}`)
	secret := "whsec_test"
	h, err := yativo.SignWebhook(body, secret, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if h.Get("X-Webhook-Signature") == "" || !strings.HasPrefix(h.Get("X-Yativo-Signature"), "sha256=") || h.Get("X-Yativo-Timestamp") == "" {
		t.Fatalf("headers %v", h)
	}
	// Both schemes, checked against crypto/hmac independently of the library.
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	if got := h.Get("X-Webhook-Signature"); got != hex.EncodeToString(mac.Sum(nil)) {
		t.Fatalf("scheme A signature %s", got)
	}
	mac = hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(h.Get("X-Yativo-Timestamp") + "."))
	mac.Write(body)
	if got := h.Get("X-Yativo-Signature"); got != "sha256="+hex.EncodeToString(mac.Sum(nil)) {
		t.Fatalf("scheme B signature %s", got)
	}
	ev, err := yativo.VerifyWebhook(body, h, secret, yativo.RequireTimestamp())
	if err != nil {
		t.Fatal(err)
	}
	if ev.ID != "evt_42" || ev.Type != "transaction.completed" || ev.CreatedAt == "" || string(ev.Data) != `{"amount":"1.5"}` || !json.Valid(ev.Raw) {
		t.Fatalf("event %+v", ev)
	}

	schemeA := h.Clone()
	schemeA.Del("X-Yativo-Signature")
	schemeA.Del("X-Yativo-Timestamp")
	if _, err := yativo.VerifyWebhook(body, schemeA, secret); err != nil {
		t.Fatalf("scheme A: %v", err)
	}
	if _, err := yativo.VerifyWebhook(body, schemeA, secret, yativo.RequireTimestamp()); !errors.Is(err, yativo.ErrSignatureInvalid) {
		t.Fatalf("scheme A with timestamps required: %v", err)
	}
	tampered := append([]byte(nil), body...)
	tampered[10] ^= 1
	if _, err := yativo.VerifyWebhook(tampered, h, secret); !errors.Is(err, yativo.ErrSignatureInvalid) {
		t.Fatalf("tampered: %v", err)
	}
	old, err := yativo.SignWebhook(body, secret, time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := yativo.VerifyWebhook(body, old, secret); !errors.Is(err, yativo.ErrSignatureInvalid) {
		t.Fatalf("stale: %v", err)
	}
	if _, err := yativo.VerifyWebhook(body, old, secret, yativo.WithTolerance(2*time.Hour)); err != nil {
		t.Fatalf("stale within a wider tolerance: %v", err)
	}
	if _, err := yativo.VerifyWebhook(body, http.Header{}, secret); !errors.Is(err, yativo.ErrSignatureInvalid) {
		t.Fatalf("unsigned: %v", err)
	}
	notJSON := []byte("hello")
	hj, _ := yativo.SignWebhook(notJSON, secret, time.Time{})
	if _, err := yativo.VerifyWebhook(notJSON, hj, secret); !errors.Is(err, yativo.ErrProtocol) {
		t.Fatalf("non-JSON body: %v", err)
	}
}

func TestTOTP(t *testing.T) {
	// RFC 6238 appendix B, SHA-1: the secret "12345678901234567890" in base32.
	const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	for _, tc := range []struct {
		unix   int64
		digits int
		want   string
	}{{59, 8, "94287082"}, {1111111109, 8, "07081804"}, {1234567890, 8, "89005924"}, {59, 0, "287082"}} {
		got, err := yativo.TOTP(secret, yativo.At(time.Unix(tc.unix, 0)), yativo.Digits(tc.digits))
		if err != nil || got != tc.want {
			t.Errorf("TOTP at %d: %q %v, want %q", tc.unix, got, err, tc.want)
		}
	}
	now, err := yativo.TOTP(secret)
	if err != nil || len(now) != 6 {
		t.Fatalf("now: %q %v", now, err)
	}
	if _, err := yativo.TOTP("not base32!"); !errors.Is(err, yativo.ErrInvalidArgument) {
		t.Fatalf("bad base32: %v", err)
	}
	if _, err := yativo.TOTP(secret, yativo.Digits(9)); !errors.Is(err, yativo.ErrInvalidArgument) {
		t.Fatalf("9 digits: %v", err)
	}
}

func TestOptionsValidation(t *testing.T) {
	for name, o := range map[string]yativo.Option{
		"zero timeout":      yativo.WithTimeout(0),
		"negative retries":  yativo.WithMaxRetries(-1),
		"zero TOTP period":  yativo.WithTOTPPeriod(0),
		"bad TOTP secret":   yativo.WithTOTPSecret("not base32!"),
		"nil logger":        yativo.WithLogger(nil),
		"bad auth mode":     yativo.WithAuthMode(yativo.AuthMode(9)),
		"zero max response": yativo.WithMaxResponseBytes(0),
	} {
		if _, err := yativo.New(yativo.WithBaseURL(shared.BaseURL), o); !errors.Is(err, yativo.ErrInvalidArgument) {
			t.Errorf("%s: %v", name, err)
		}
	}
	c, err := yativo.New(yativo.WithEnvironment(yativo.Sandbox), yativo.WithAPIKey("k", "s"),
		yativo.WithTimeout(5*time.Second), yativo.WithConnectTimeout(time.Second), yativo.WithAttemptTimeout(2*time.Second),
		yativo.WithMaxRetries(2), yativo.WithBackoff(10*time.Millisecond, time.Second), yativo.WithRefreshMargin(30*time.Second),
		yativo.WithMaxResponseBytes(1<<20), yativo.WithUserAgent("go-test"), yativo.WithTOTPServerTime(false),
		yativo.WithEnvironmentVariables(false))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if c.BaseURL() != "https://crypto-sandbox.yativo.com/api/v1" {
		t.Fatalf("sandbox base URL %q", c.BaseURL())
	}
}

func TestClientTimeoutOption(t *testing.T) {
	shared.fault(t, fault{Path: "/accounts/get-accounts", Count: 1, Mode: "delay", DelayMS: 3000})
	c := shared.keyClient(t, fullKey, yativo.WithTimeout(400*time.Millisecond), yativo.WithMaxRetries(0))
	if _, err := c.Token(ctx(t)); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err := c.Accounts.List(context.Background())
	if !errors.Is(err, yativo.ErrTimeout) || errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
		t.Fatalf("client deadline: %v after %v", err, time.Since(start))
	}
}

// A context deadline later than the client's WithTimeout does not extend it: the earlier wins.
func TestClientTimeoutHoldsUnderALaterContextDeadline(t *testing.T) {
	shared.fault(t, fault{Path: "/accounts/get-accounts", Count: 1, Mode: "delay", DelayMS: 3000})
	c := shared.keyClient(t, fullKey, yativo.WithTimeout(400*time.Millisecond), yativo.WithMaxRetries(0))
	if _, err := c.Token(ctx(t)); err != nil {
		t.Fatal(err)
	}
	later, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	start := time.Now()
	_, err := c.Accounts.List(later)
	if !errors.Is(err, yativo.ErrTimeout) || errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
		t.Fatalf("a 20 s context extended the client's 400 ms deadline: %v after %v", err, time.Since(start))
	}
}

func TestLogHandleReleasedByCloseAndByCleanup(t *testing.T) {
	base := capi.LiveLogHandles()
	logger := yativo.WithLogger(func(yativo.LogLevel, string) {})
	c, err := yativo.New(yativo.WithBaseURL(shared.BaseURL), logger)
	if err != nil {
		t.Fatal(err)
	}
	if capi.LiveLogHandles() != base+1 {
		t.Fatalf("live handles %d, want %d", capi.LiveLogHandles(), base+1)
	}
	_ = c.Close()
	if capi.LiveLogHandles() != base {
		t.Fatalf("after Close: %d live handles, want %d", capi.LiveLogHandles(), base)
	}

	// A failed New releases the handle it made.
	if _, err := yativo.New(logger, yativo.WithTimeout(0)); err == nil {
		t.Fatal("New with a zero timeout succeeded")
	}
	if capi.LiveLogHandles() != base {
		t.Fatalf("after a failed New: %d live handles", capi.LiveLogHandles())
	}

	// A client never closed is freed by its cleanup once unreachable.
	func() {
		c, err := yativo.New(yativo.WithBaseURL(shared.BaseURL), logger)
		if err != nil {
			t.Fatal(err)
		}
		_ = c.BaseURL()
	}()
	deadline := time.Now().Add(5 * time.Second)
	for capi.LiveLogHandles() != base && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if capi.LiveLogHandles() != base {
		t.Fatalf("the cleanup did not free an abandoned client: %d live handles", capi.LiveLogHandles())
	}
}
