package yativo_test

import (
	"encoding/json"
	"net/url"
	"testing"

	"github.com/libyativo/libyativo/bindings/go/yativo"
)

// A client with no credentials signs in with the e-mailed code; the session becomes its
// credential (the tokens never reach the caller) and renews itself with its refresh token.
func TestSessionSignInBecomesTheClientsCredential(t *testing.T) {
	c := mustClient(t, yativo.WithBaseURL(shared.BaseURL), yativo.WithEnvironmentVariables(false))
	if _, err := c.Accounts.List(ctx(t)); err == nil {
		t.Fatal("a client without credentials listed accounts")
	}
	email := "go-session@example.com"
	if _, err := c.Session.Register(ctx(t), yativo.RegisterUserParams{Email: email, Password: "correct horse battery"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Session.SignIn(ctx(t), yativo.SignInParams{Email: email}); err != nil {
		t.Fatal(err)
	}
	var mails struct {
		Data []struct {
			Code string `json:"code"`
		} `json:"data"`
	}
	if err := json.Unmarshal(shared.control(t, "GET", "/__sandbox/outbox?to="+url.QueryEscape(email), nil), &mails); err != nil || len(mails.Data) == 0 {
		t.Fatalf("outbox: %v %+v", err, mails)
	}
	s, err := c.Session.VerifyOtp(ctx(t), yativo.VerifyOtpParams{Otp: mails.Data[len(mails.Data)-1].Code, Email: email})
	if err != nil {
		t.Fatal(err)
	}
	if s.TokenType != "Bearer" {
		t.Fatalf("session: %+v", s)
	}
	acc, err := c.Accounts.Create(ctx(t), yativo.CreateAccountParams{Name: "go-session"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Session.Refresh(ctx(t)); err != nil {
		t.Fatal(err)
	}
	list, err := c.Accounts.List(ctx(t))
	if err != nil || len(list) != 1 || list[0].ID != acc.ID {
		t.Fatalf("the new user's accounts: %+v %v", list, err)
	}
}
