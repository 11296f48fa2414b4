package yativo_test

import (
	"encoding/json"
	"errors"
	"math/big"
	"regexp"
	"strings"
	"testing"

	"github.com/libyativo/libyativo/bindings/go/yativo"
)

// isConflict: err is a 409 conflict whose details name reason.
func isConflict(t *testing.T, err error, reason string) bool {
	t.Helper()
	e := apiErr(t, err)
	var d struct{ Reason string }
	_ = json.Unmarshal(e.Details, &d)
	return errors.Is(err, yativo.ErrConflict) && d.Reason == reason
}

// apiErr is err as a *yativo.Error, or a fatal failure.
func apiErr(t *testing.T, err error) *yativo.Error {
	t.Helper()
	var e *yativo.Error
	if !errors.As(err, &e) {
		t.Fatalf("want a *yativo.Error, got %v", err)
	}
	return e
}

// A card's life: onboarding, the wallet, a card frozen with 2FA, voided, then refused.
func TestCardLifeFreezeWith2FAThenVoid(t *testing.T) {
	sb := newSandbox(t, "--card-kyc-delay", "0") // KYC approved at the request after onboarding
	c := sb.admin(t)
	account, err := c.Cards.Onboard(ctx(t), yativo.CardsOnboardParams{Email: "ada@example.com", FirstName: "Ada", LastName: "Lovelace"})
	if err != nil {
		t.Fatal(err)
	}
	if account.KYCStatus != "pending" || account.ID == "" {
		t.Fatalf("onboarded %+v", account)
	}
	if _, err := c.Cards.DeploySafe(ctx(t)); !isConflict(t, err, "terms_not_accepted") {
		t.Fatalf("deploy before the terms: %v", err)
	}
	if _, err := c.Cards.AcceptTerms(ctx(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Cards.DeploySafe(ctx(t)); err != nil {
		t.Fatal(err)
	}
	card, err := c.Cards.Create(ctx(t), yativo.CardsCreateParams{DisplayName: "travel", SpendingLimitAmount: "250.000000000000000001", SpendingLimitFrequency: "monthly"})
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		SpendingLimit struct{ Amount string } `json:"spending_limit"`
	}
	if err := json.Unmarshal(card.Raw, &raw); err != nil || raw.SpendingLimit.Amount != "250.000000000000000001" {
		t.Fatalf("limit %s (%v)", card.Raw, err)
	}
	if card.Status != "active" || card.YativoCardID != account.ID || len(card.Last4) != 4 {
		t.Fatalf("card %+v", card)
	}

	// Without a TOTP source the call has no code to send; a wrong code is refused: still active.
	bare := mustClient(t, yativo.WithBaseURL(sb.BaseURL), yativo.WithAccessToken(sb.Session), yativo.WithEnvironmentVariables(false))
	if _, err := bare.Cards.Freeze(ctx(t), card.ID, yativo.TOTPCode("000000")); !errors.Is(err, yativo.ErrTwoFactorRequired) {
		t.Fatalf("wrong code: %v", err)
	}
	if _, err := bare.Cards.Freeze(ctx(t), card.ID); !errors.Is(err, yativo.ErrTwoFactorRequired) {
		t.Fatal("freeze without 2FA succeeded")
	}
	if list, err := c.Cards.List(ctx(t)); err != nil || len(list) != 1 || list[0].Status != "active" {
		t.Fatalf("after refused freezes: %+v %v", list, err)
	}

	frozen, err := c.Cards.Freeze(ctx(t), card.ID)
	if err != nil || frozen.Status != "frozen" || frozen.ID != card.ID {
		t.Fatalf("freeze: %+v %v", frozen, err)
	}
	if _, err := c.Cards.RequestPinOtp(ctx(t), card.ID); apiErr(t, err).ErrorCode != "card_not_active" {
		t.Fatalf("a frozen card in use: %v", err)
	}
	if voided, err := c.Cards.Void(ctx(t), card.ID); err != nil || voided.Status != "voided" {
		t.Fatalf("void: %+v %v", voided, err)
	}
	for _, call := range []func() error{
		func() error { _, err := c.Cards.Unfreeze(ctx(t), card.ID); return err },
		func() error { _, err := c.Cards.Void(ctx(t), card.ID); return err },
	} {
		e := apiErr(t, call())
		if e.HTTPStatus != 422 || e.ErrorCode != "card_not_active" || !errors.Is(e, yativo.ErrValidation) {
			t.Fatalf("a voided card: %+v", e)
		}
	}
	limits, err := c.Cards.SetDailySpendingLimit(ctx(t), account.ID, "1234.567890123456789")
	if err != nil || limits.DailyLimit != "1234.567890123456789" {
		t.Fatalf("limits %+v %v", limits, err)
	}
}

// Funding a customer moves value: a generated key comes back; a given key makes a retry happen once.
func TestFundCustomerOnceWithItsKey(t *testing.T) {
	sb := newSandbox(t)
	c := sb.admin(t)
	if _, err := c.CardIssuer.Apply(ctx(t), yativo.CardIssuerApplyParams{FundingStructure: "master_wallet"}); err != nil {
		t.Fatal(err)
	}
	sb.control(t, "POST", "/__sandbox/card-issuer/deposit", map[string]string{"chain": "SOL", "amount": "100"})
	var customer struct{ Data struct{ ID string } }
	if err := json.Unmarshal(sb.control(t, "POST", "/__sandbox/cards/customer", map[string]string{"email": "bob@example.com", "name": "Bob Stone"}), &customer); err != nil {
		t.Fatal(err)
	}
	solBalance := func() string {
		raw, err := c.CardIssuer.GetWallets(ctx(t))
		if err != nil {
			t.Fatal(err)
		}
		var ws []struct{ Chain, Balance string }
		if err := json.Unmarshal(raw, &ws); err != nil {
			t.Fatal(err)
		}
		for _, w := range ws {
			if w.Chain == "SOL" {
				return w.Balance
			}
		}
		t.Fatalf("no SOL wallet in %s", raw)
		return ""
	}
	// The master wallet's SOL balance moves by exactly what was funded (big.Rat: exact decimals).
	start, _ := new(big.Rat).SetString(solBalance())
	after := func(spent string) string {
		d, _ := new(big.Rat).SetString(spent)
		return new(big.Rat).Sub(start, d).FloatString(18)
	}
	exact := func(s string) string { r, _ := new(big.Rat).SetString(s); return r.FloatString(18) }
	p := yativo.CardIssuerFundCustomerParams{CustomerID: customer.Data.ID, Amount: "10.000000000000000001", SourceChain: "SOL"}
	f, err := c.CardIssuer.FundCustomer(ctx(t), p)
	if err != nil {
		t.Fatal(err)
	}
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	if !uuid.MatchString(f.IdempotencyKey) || f.Amount != "10.000000000000000001" || f.CustomerID != customer.Data.ID {
		t.Fatalf("funding %+v", f)
	}
	if b := solBalance(); exact(b) != after("10.000000000000000001") {
		t.Fatalf("balance %s", b)
	}
	p.Amount = "5"
	first, err := c.CardIssuer.FundCustomer(ctx(t), p, yativo.IdempotencyKey("order-7"))
	if err != nil {
		t.Fatal(err)
	}
	again, err := c.CardIssuer.FundCustomer(ctx(t), p, yativo.IdempotencyKey("order-7"))
	if err != nil || again.ID != first.ID || again.IdempotencyKey != "order-7" {
		t.Fatalf("retry: %+v %v", again, err)
	}
	if b := solBalance(); exact(b) != after("15.000000000000000001") {
		t.Fatalf("balance after a keyed retry %s", b)
	}
	p.Amount = "100000" // the most one request may fund, more than the wallet holds
	_, err = c.CardIssuer.FundCustomer(ctx(t), p)
	if e := apiErr(t, err); e.ErrorCode != "insufficient_balance" || !uuid.MatchString(e.IdempotencyKey) {
		t.Fatalf("over the balance: %+v", e)
	}
	if b := solBalance(); exact(b) != after("15.000000000000000001") {
		t.Fatalf("balance after a refusal %s", b)
	}
}

// A quote, then its execution with 2FA: exact balances, once per key.
func TestSwapQuoteExecuteExactBalances(t *testing.T) {
	sb := newSandbox(t)
	c := sb.admin(t)
	accountID, usdc := funded(t, sb, c, "100")
	eth, err := c.Assets.Add(ctx(t), yativo.AddAssetParams{AccountID: accountID, Chain: "ethereum", Ticker: "ETH"})
	if err != nil {
		t.Fatal(err)
	}
	q, err := c.Swap.GetQuote(ctx(t), map[string]any{"from_asset_id": usdc, "to_asset_id": eth.ID, "amount": "10"})
	if err != nil || q.ToAmount != "0.0032967" || q.FromAmount != "10" || q.ID == "" {
		t.Fatalf("quote %+v %v", q, err)
	}
	done, err := c.Swap.Execute(ctx(t), map[string]any{"quote_id": q.ID}, yativo.IdempotencyKey("swap-1"))
	if err != nil || done.IdempotencyKey != "swap-1" || done.ToAmount != "0.0032967" || done.Fee != "0.01" {
		t.Fatalf("execute %+v %v", done, err)
	}
	again, err := c.Swap.Execute(ctx(t), map[string]any{"quote_id": q.ID}, yativo.IdempotencyKey("swap-1"))
	if err != nil || again.ID != done.ID {
		t.Fatalf("retry %+v %v", again, err)
	}
	for id, want := range map[string]string{usdc: "90", eth.ID: "0.0032967"} {
		if b, err := c.Balance.Check(ctx(t), id); err != nil || b.Balance != want {
			t.Fatalf("balance of %s: %+v %v", id, b, err)
		}
	}
	_, err = c.Swap.Execute(ctx(t), map[string]any{"quote_id": q.ID})
	if e := apiErr(t, err); e.ErrorCode != "conflict" || !strings.Contains(string(e.Details), q.ID) || e.IdempotencyKey == "" {
		t.Fatalf("a second execution: %+v", e)
	}
	// The history's filters travel in the query string.
	h, err := c.Swap.GetHistory(ctx(t), yativo.SwapGetHistoryParams{Limit: 5, Status: "completed"})
	if err != nil || len(h) != 1 || h[0].ID != done.ID || h[0].ToAmount != "0.0032967" {
		t.Fatalf("history %+v %v", h, err)
	}
	if h, err := c.Swap.GetHistory(ctx(t), yativo.SwapGetHistoryParams{Offset: 1}); err != nil || len(h) != 0 {
		t.Fatalf("history past the end %+v %v", h, err)
	}
	if _, err := c.Swap.GetHistory(ctx(t), yativo.SwapGetHistoryParams{Limit: 101}); !errors.Is(err, yativo.ErrInvalidArgument) {
		t.Fatalf("limit 101: %v", err)
	}
}

// The standalone IBAN from onboarding to issue.
func TestIbanOnboardingToIssue(t *testing.T) {
	sb := newSandbox(t)
	c := sb.admin(t)
	started, err := c.IBAN.Initialize(ctx(t), yativo.IBANInitializeParams{Email: "ada@example.com"})
	if err != nil || started.Status != "initialized" {
		t.Fatalf("init %+v %v", started, err)
	}
	if _, err := c.IBAN.RequestIBAN(ctx(t), ""); apiErr(t, err).ErrorCode != "invalid_state" {
		t.Fatalf("request before KYC: %v", err)
	}
	if _, err := c.IBAN.Initialize(ctx(t), yativo.IBANInitializeParams{Email: "ada@example.com"}); !errors.Is(err, yativo.ErrConflict) {
		t.Fatalf("init twice: %v", err)
	}
	if _, err := c.IBAN.Initialize(ctx(t), yativo.IBANInitializeParams{Email: "ada@example.com", CustomerID: "cus_000000000000000000000000"}); !errors.Is(err, yativo.ErrNotFound) {
		t.Fatalf("an unknown customer: %v", err)
	}
	kyc := json.RawMessage(`{"first_name":"Ada","last_name":"Lovelace","date_of_birth":"1815-12-10","nationality":"GB","address":"12 St James's Square"}`)
	if st, err := c.IBAN.SubmitKYC(ctx(t), yativo.IBANSubmitKYCParams{KYC: kyc}); err != nil || st.Status != "kyc_submitted" {
		t.Fatalf("kyc %+v %v", st, err)
	}
	if st, err := c.IBAN.GetStatus(ctx(t), ""); err == nil && st.Status == "kyc_submitted" {
		sb.control(t, "POST", "/__sandbox/iban/approve", map[string]string{}) // the review passes
	}
	issued, err := c.IBAN.RequestIBAN(ctx(t), "")
	if err != nil || issued.Status != "issued" || !regexp.MustCompile(`^DE\d{20}$`).MatchString(issued.IBAN) {
		t.Fatalf("issued %+v %v", issued, err)
	}
	if st, err := c.IBAN.GetStatus(ctx(t), ""); err != nil || st.IBAN != issued.IBAN || st.ID != started.ID {
		t.Fatalf("status %+v %v", st, err)
	}
}
