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
