// Package yativo is the Go client of the Yativo Crypto API, over libyativo's C ABI.
//
// A Client is made with options and is safe for concurrent use by any number of goroutines:
//
//	client, err := yativo.New(
//		yativo.WithAPIKey(os.Getenv("YATIVO_API_KEY"), os.Getenv("YATIVO_API_SECRET")),
//		yativo.WithEnvironment(yativo.Sandbox),
//	)
//	if err != nil { ... }
//	defer client.Close()
//	accounts, err := client.Accounts.List(ctx)
//
// Every call takes a context.Context: its deadline is the call's total deadline (token refresh,
// retries and waits included) and cancelling it ends a waiting call promptly. Errors are
// *Error values carrying every field of a failure; compare them with errors.Is against the
// sentinels (ErrRateLimited, ErrNotFound, ...) or context.DeadlineExceeded / context.Canceled,
// and read their fields with errors.As.
//
// Resource calls return records (Account, Asset, Balance, Transfer, Transaction, APIKey,
// Webhook): amounts are exact decimal text in string fields, so they never pass through a
// float64; counts are *int64 (nil when the answer has none); Raw holds the record's whole object,
// fields the record does not name included. GasPrice and Request return json.RawMessage, whose
// JSON numbers are strings ("1250.000000"). Amounts given to the client are decimal strings too.
package yativo
