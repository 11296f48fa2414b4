package yativo_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/libyativo/libyativo/bindings/go/yativo"
)

// sandbox is a running yativo-sandbox process.
type sandbox struct {
	cmd        *exec.Cmd
	BaseURL    string `json:"base_url"`
	Session    string `json:"session_token"`
	TOTPSecret string `json:"totp_secret"`
	root       string
}

// The shared sandbox of the suite (--require-2fa-on-send off), started by TestMain, and a key
// with every scope on it.
var (
	shared    *sandbox
	fullKey   *yativo.APIKey
	readKey   *yativo.APIKey
	solanaDst = "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM"
	allScopes = []string{"read", "write", "transactions", "webhooks"}
)

func sandboxPath() string {
	if p := os.Getenv("YATIVO_SANDBOX"); p != "" {
		return p
	}
	p, _ := filepath.Abs("../../../build/sandbox/yativo-sandbox")
	return p
}

func startSandbox(flags ...string) (*sandbox, error) {
	args := append([]string{"--port", "0", "--rate-limit", "0", "--totp-period", "2"}, flags...)
	cmd := exec.Command(sandboxPath(), args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s (set YATIVO_SANDBOX): %w", sandboxPath(), err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, fmt.Errorf("sandbox start line: %w", err)
	}
	sb := &sandbox{cmd: cmd}
	if err := json.Unmarshal([]byte(line), sb); err != nil {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, fmt.Errorf("sandbox start line %q: %w", line, err)
	}
	sb.root = strings.TrimSuffix(sb.BaseURL, "/api/v1")
	go func() { _, _ = io.Copy(io.Discard, out) }()
	return sb, nil
}

// newSandbox starts a sandbox of its own for one test (own stats, own flags).
func newSandbox(t testing.TB, flags ...string) *sandbox {
	t.Helper()
	sb, err := startSandbox(flags...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sb.stop)
	return sb
}

func (s *sandbox) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
}

func (s *sandbox) control(t testing.TB, method, path string, body any) []byte {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.root+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		t.Fatalf("%s %s: %d %s", method, path, resp.StatusCode, b)
	}
	return b
}

type stats struct {
	Requests            int            `json:"requests"`
	TokenExchanges      int            `json:"token_exchanges"`
	TransactionsCreated int            `json:"transactions_created"`
	MaxInFlight         int            `json:"max_in_flight"`
	Paths               map[string]int `json:"paths"`
}

func (s *sandbox) stats(t testing.TB) stats {
	t.Helper()
	var st stats
	if err := json.Unmarshal(s.control(t, "GET", "/__sandbox/stats", nil), &st); err != nil {
		t.Fatal(err)
	}
	return st
}

type fault struct {
	Path       string `json:"path"`
	Count      int    `json:"count,omitempty"`
	Mode       string `json:"mode,omitempty"`
	Status     int    `json:"status,omitempty"`
	RetryAfter int    `json:"retry_after,omitempty"`
	DelayMS    int    `json:"delay_ms,omitempty"`
	Body       any    `json:"body,omitempty"`
}

// fault queues a fault and removes every queued fault when the test ends.
func (s *sandbox) fault(t testing.TB, f fault) {
	t.Helper()
	s.control(t, "POST", "/__sandbox/faults", f)
	t.Cleanup(func() { s.control(t, "DELETE", "/__sandbox/faults", nil) })
}

func (s *sandbox) deposit(t testing.TB, assetID, amount string) {
	t.Helper()
	s.control(t, "POST", "/__sandbox/deposit", map[string]string{"asset_id": assetID, "amount": amount})
}

// admin is a client acting with the dashboard session, computing 2FA codes itself.
func (s *sandbox) admin(t testing.TB, opts ...yativo.Option) *yativo.Client {
	t.Helper()
	base := []yativo.Option{
		yativo.WithBaseURL(s.BaseURL), yativo.WithAccessToken(s.Session),
		yativo.WithTOTPSecret(s.TOTPSecret), yativo.WithTOTPPeriod(2 * time.Second),
		yativo.WithEnvironmentVariables(false),
	}
	return mustClient(t, append(base, opts...)...)
}

// keyClient is a client authenticating with an API key (token exchange by default).
func (s *sandbox) keyClient(t testing.TB, key *yativo.APIKey, opts ...yativo.Option) *yativo.Client {
	t.Helper()
	base := []yativo.Option{
		yativo.WithBaseURL(s.BaseURL), yativo.WithAPIKey(key.APIKey, key.APISecret.Reveal()),
		yativo.WithEnvironmentVariables(false),
	}
	return mustClient(t, append(base, opts...)...)
}

func (s *sandbox) newKey(t testing.TB, name string, perms ...string) *yativo.APIKey {
	t.Helper()
	adm := s.admin(t)
	k, err := adm.APIKeys.Create(ctx(t), yativo.CreateKeyParams{Name: name, Permissions: perms})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func mustClient(t testing.TB, opts ...yativo.Option) *yativo.Client {
	t.Helper()
	c, err := yativo.New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// ctx is a context bounded well below the suite's timeout.
func ctx(t testing.TB) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return c
}

// field reads a string field of a JSON object: a payload, or a record's Raw.
func field(t testing.TB, payload json.RawMessage, name string) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(payload, &m); err != nil {
		t.Fatalf("payload %s: %v", payload, err)
	}
	v, ok := m[name].(string)
	if !ok {
		t.Fatalf("payload %s: no string field %q", payload, name)
	}
	return v
}

// funded makes an account with a USDC_SOL asset holding amount.
func funded(t testing.TB, s *sandbox, c *yativo.Client, amount string) (accountID, assetID string) {
	t.Helper()
	acc, err := c.Accounts.Create(ctx(t), yativo.CreateAccountParams{Name: "funded"})
	if err != nil {
		t.Fatal(err)
	}
	accountID = acc.ID
	ast, err := c.Assets.Add(ctx(t), yativo.AddAssetParams{AccountID: accountID, Chain: "solana", Ticker: "USDC_SOL"})
	if err != nil {
		t.Fatal(err)
	}
	assetID = ast.ID
	if amount != "" {
		s.deposit(t, assetID, amount)
	}
	return accountID, assetID
}

func sendParams(accountID, assetID, amount string) yativo.SendFundsParams {
	return yativo.SendFundsParams{
		AccountID: accountID, AssetID: assetID, ReceivingAddress: solanaDst, Amount: amount,
		Type: "USDC", Chain: "solana", Category: "transfer",
	}
}

func TestMain(m *testing.M) {
	for _, v := range []string{"YATIVO_API_KEY", "YATIVO_API_SECRET", "YATIVO_ACCESS_TOKEN", "YATIVO_BASE_URL", "YATIVO_TOTP_SECRET"} {
		os.Unsetenv(v)
	}
	var err error
	shared, err = startSandbox()
	if err != nil {
		fmt.Fprintln(os.Stderr, "yativo tests:", err)
		os.Exit(1)
	}
	code := func() int {
		defer shared.stop()
		adm, err := yativo.New(yativo.WithBaseURL(shared.BaseURL), yativo.WithAccessToken(shared.Session),
			yativo.WithTOTPSecret(shared.TOTPSecret), yativo.WithTOTPPeriod(2*time.Second))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer adm.Close()
		c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if fullKey, err = adm.APIKeys.Create(c, yativo.CreateKeyParams{Name: "go-suite", Permissions: allScopes}); err != nil {
			fmt.Fprintln(os.Stderr, "create suite key:", err)
			return 1
		}
		if readKey, err = adm.APIKeys.Create(c, yativo.CreateKeyParams{Name: "go-read", Permissions: []string{"read"}}); err != nil {
			fmt.Fprintln(os.Stderr, "create read key:", err)
			return 1
		}
		return m.Run()
	}()
	os.Exit(code)
}
