package yativo_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"time"

	"github.com/libyativo/libyativo/bindings/go/yativo"
)

// The examples run against the suite's sandbox: sandboxURL() is its API base URL, fullKey a key
// with every scope, and sandboxDeposit credits an asset through the sandbox's control API.

func sandboxURL() string { return shared.BaseURL }

func sandboxDeposit(assetID, amount string) {
	b, _ := json.Marshal(map[string]string{"asset_id": assetID, "amount": amount})
	resp, err := http.Post(shared.root+"/__sandbox/deposit", "application/json", bytes.NewReader(b))
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
}

func ExampleNew() {
	client, err := yativo.New(
		yativo.WithBaseURL(sandboxURL()), // or yativo.WithEnvironment(yativo.Sandbox)
		yativo.WithAPIKey(fullKey.APIKey, fullKey.APISecret.Reveal()),
	)
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	account, err := client.Accounts.Create(ctx, yativo.CreateAccountParams{Name: "Treasury"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(account.Name, account.Type)
	// Output: Treasury business
}

func ExampleTransactionsService_SendFunds() {
	client, err := yativo.New(yativo.WithBaseURL(sandboxURL()), yativo.WithAPIKey(fullKey.APIKey, fullKey.APISecret.Reveal()))
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	ctx := context.Background()

	account, err := client.Accounts.Create(ctx, yativo.CreateAccountParams{Name: "Payouts"})
	if err != nil {
		log.Fatal(err)
	}
	asset, err := client.Assets.Add(ctx, yativo.AddAssetParams{AccountID: account.ID, Chain: "solana", Ticker: "USDC_SOL"})
	if err != nil {
		log.Fatal(err)
	}
	sandboxDeposit(asset.ID, "100")

	transfer, err := client.Transactions.SendFunds(ctx, yativo.SendFundsParams{
		AccountID:        account.ID,
		AssetID:          asset.ID,
		ReceivingAddress: "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM",
		Amount:           "12.5", // a decimal string, never a float
		Type:             "USDC",
		Chain:            "solana",
		Category:         "payment",
	}, yativo.IdempotencyKey("payout-"+account.ID)) // one key per logical transfer
	var e *yativo.Error
	if errors.As(err, &e) && e.OutcomeUnknown {
		// The transfer may have happened: retrying with e.IdempotencyKey never sends twice.
		log.Fatalf("retry with key %s", e.IdempotencyKey)
	} else if err != nil {
		log.Fatal(err)
	}
	fmt.Println(transfer.Status, transfer.Amount, transfer.IdempotencyKey == "payout-"+account.ID)

	balance, err := client.Balance.Check(ctx, asset.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("balance", balance.Balance) // exact decimal text
	// Output:
	// confirmed 12.5 true
	// balance 87.499
}

func ExampleError() {
	client, err := yativo.New(yativo.WithBaseURL(sandboxURL()), yativo.WithAPIKey(fullKey.APIKey, fullKey.APISecret.Reveal()))
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	_, err = client.APIKeys.Get(context.Background(), "key_000000000000000000000000")
	switch {
	case errors.Is(err, yativo.ErrNotFound):
		var e *yativo.Error
		errors.As(err, &e)
		fmt.Println(e.Code, e.HTTPStatus, e.ErrorCode, e.RequestID != "")
	case err != nil:
		log.Fatal(err)
	}
	// Output: NOT_FOUND 404 not_found true
}

func ExampleClient_contextDeadline() {
	client, err := yativo.New(yativo.WithBaseURL(sandboxURL()), yativo.WithAPIKey(fullKey.APIKey, fullKey.APISecret.Reveal()))
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	// The sandbox holds the next account list for 5 s; the context allows 200 ms.
	b, _ := json.Marshal(map[string]any{"path": "/accounts/get-accounts", "mode": "delay", "delay_ms": 5000})
	resp, err := http.Post(shared.root+"/__sandbox/faults", "application/json", bytes.NewReader(b))
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	defer func() {
		req, _ := http.NewRequest("DELETE", shared.root+"/__sandbox/faults", nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}()

	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err = client.Accounts.List(ctx)
	fmt.Println(errors.Is(err, context.DeadlineExceeded), errors.Is(err, yativo.ErrTimeout))
	// Output: true true
}

func ExampleTOTP() {
	// RFC 6238's SHA-1 test secret at T = 59 s.
	code, err := yativo.TOTP("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", yativo.At(time.Unix(59, 0)))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(code)
	// Output: 287082
}

func ExampleVerifyWebhook() {
	secret := "whsec_example"
	body := []byte(`{"id":"evt_1","type":"transaction.completed","created_at":"2026-01-01T00:00:00Z","data":{"amount":"12.5"}}`)
	header, err := yativo.SignWebhook(body, secret, time.Time{}) // what the API would send, now
	if err != nil {
		log.Fatal(err)
	}

	// In an http.Handler: body, _ := io.ReadAll(r.Body); header = r.Header.
	event, err := yativo.VerifyWebhook(body, header, secret, yativo.RequireTimestamp())
	if errors.Is(err, yativo.ErrSignatureInvalid) {
		fmt.Println("refused")
		return
	} else if err != nil {
		log.Fatal(err)
	}
	fmt.Println(event.ID, event.Type, string(event.Data))

	_, err = yativo.VerifyWebhook(body, header, "whsec_other")
	fmt.Println(errors.Is(err, yativo.ErrSignatureInvalid))
	// Output:
	// evt_1 transaction.completed {"amount":"12.5"}
	// true
}

func ExampleSecret() {
	key := yativo.APIKey{ID: "key_1", APISecret: "5f2b...e9"}
	fmt.Println(key.APISecret)
	fmt.Printf("%+v\n", key)
	// Output:
	// [REDACTED]
	// {ID:key_1 Name: APIKey: APISecret:[REDACTED] Permissions:[] Status: CreatedAt: ExpiresAt: LastUsedAt: AllowedIPs:[]}
}
