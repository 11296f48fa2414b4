package yativo_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/libyativo/libyativo/bindings/go/yativo"
)

func TestBearerModeAndSetAccessToken(t *testing.T) {
	c := mustClient(t, yativo.WithBaseURL(shared.BaseURL), yativo.WithAccessToken("yvsess_CANARY_wrong_session_go"), yativo.WithEnvironmentVariables(false))
	if _, err := c.Accounts.List(ctx(t)); !errors.Is(err, yativo.ErrAuthentication) {
		t.Fatalf("wrong bearer token: %v", err)
	}
	if err := c.SetAccessToken(shared.Session); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Accounts.List(ctx(t)); err != nil {
		t.Fatalf("after SetAccessToken: %v", err)
	}
	if err := c.SetAccessToken(""); !errors.Is(err, yativo.ErrInvalidArgument) {
		t.Fatalf("empty token: %v", err)
	}
}

func TestSlog(t *testing.T) {
	var mu sync.Mutex
	var buf bytes.Buffer
	h := slog.NewTextHandler(&lockedWriter{mu: &mu, w: &buf}, &slog.HandlerOptions{Level: slog.LevelDebug})
	c := shared.keyClient(t, fullKey, yativo.WithSlog(slog.New(h)), yativo.WithLogLevel(yativo.LogDebug))
	if _, err := c.Accounts.List(ctx(t)); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	out := buf.String()
	mu.Unlock()
	if !strings.Contains(out, "level=DEBUG") || !strings.Contains(out, "/accounts/get-accounts") || strings.Contains(out, fullKey.APISecret.Reveal()) {
		t.Fatalf("slog output:\n%s", out)
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func TestRealRateLimit(t *testing.T) {
	sb := newSandbox(t, "--rate-limit", "3")
	key := sb.newKey(t, "limited", "read")
	c := sb.keyClient(t, key)
	// The exchange and two lists fill the key's window of 3 per minute.
	for i := 0; i < 2; i++ {
		if _, err := c.Accounts.List(ctx(t)); err != nil {
			t.Fatal(err)
		}
	}
	rl, ok := c.RateLimit()
	if !ok || rl.Limit != 3 || rl.Remaining != 0 {
		t.Fatalf("rate limit %+v %v", rl, ok)
	}
	// Waiting for the window would pass the deadline: RATE_LIMITED at once.
	cx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	_, err := c.Accounts.List(cx)
	var e *yativo.Error
	if !errors.As(err, &e) || e.Code != yativo.CodeRateLimited || e.HTTPStatus != 429 || e.RetryAfter <= 0 || e.RetryAfter > time.Minute {
		t.Fatalf("over the limit: %+v", err)
	}
	if time.Since(start) > time.Second {
		t.Fatalf("waited %v although the wait could not fit the deadline", time.Since(start))
	}
}

// selfSigned writes a certificate for 127.0.0.1 and its key, PEM, into dir.
func selfSigned(t *testing.T, dir string) (certFile, keyFile string, certPEM []byte) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "yativo-go-test"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certPEM = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, certPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600); err != nil {
		t.Fatal(err)
	}
	return certFile, keyFile, certPEM
}

func TestTLS(t *testing.T) {
	certFile, keyFile, certPEM := selfSigned(t, t.TempDir())
	sb := newSandbox(t, "--tls-cert", certFile, "--tls-key", keyFile)
	if !strings.HasPrefix(sb.BaseURL, "https://") {
		t.Fatalf("base URL %s", sb.BaseURL)
	}
	session := []yativo.Option{yativo.WithBaseURL(sb.BaseURL), yativo.WithAccessToken(sb.Session), yativo.WithEnvironmentVariables(false)}

	untrusted := mustClient(t, append(session, yativo.WithMaxRetries(0))...)
	if _, err := untrusted.Accounts.List(ctx(t)); !errors.Is(err, yativo.ErrTLS) {
		t.Fatalf("self-signed certificate, no CA: %v", err)
	}
	for name, o := range map[string]yativo.Option{"CA file": yativo.WithCAFile(certFile), "CA PEM": yativo.WithCAPEM(string(certPEM))} {
		c := mustClient(t, append(session, o)...)
		if _, err := c.Accounts.List(ctx(t)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	pinned := mustClient(t, append(session, yativo.WithCAFile(certFile), yativo.WithMaxRetries(0),
		yativo.WithPinnedPublicKey("sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))...)
	if _, err := pinned.Accounts.List(ctx(t)); !errors.Is(err, yativo.ErrTLS) {
		t.Fatalf("wrong pin: %v", err)
	}
}
