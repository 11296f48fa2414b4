package capi

import "testing"

func TestWipeSecretZeroesTheWholeCopy(t *testing.T) {
	secret := "CANARY-secret\x00bytes after a NUL"
	got := wipedCopy(secret)
	if len(got) != len(secret)+1 {
		t.Fatalf("read %d bytes, want %d", len(got), len(secret)+1)
	}
	for i, b := range got {
		if b != 0 {
			t.Fatalf("byte %d of the wiped copy is %#x", i, b)
		}
	}
}

// Every function that hands a secret to C wipes its C copy, on success and on error alike. The
// copy is freed right after, so what is checked is that the wipe ran (secretCopiesWiped).
func TestEveryCCopyOfASecretIsWiped(t *testing.T) {
	const totpSecret = "CANARYCANARYCANA" // base32
	clientOpts, err := NewOptions()
	if err != nil {
		t.Fatal(err)
	}
	defer clientOpts.Free()
	if err := clientOpts.SetBaseURL("http://127.0.0.1:9/api/v1"); err != nil {
		t.Fatal(err)
	}
	if err := clientOpts.SetAccessToken("yvsess_CANARY_client"); err != nil {
		t.Fatal(err)
	}
	client, err := NewClient(clientOpts)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	o, err := NewOptions()
	if err != nil {
		t.Fatal(err)
	}
	defer o.Free()

	cases := []struct {
		name string
		run  func() error
	}{
		{"Options.SetAPISecret", func() error { return o.SetAPISecret("CANARY-api-secret") }},
		{"Options.SetAccessToken", func() error { return o.SetAccessToken("yvsess_CANARY_token") }},
		{"Options.SetTOTPSecret", func() error { return o.SetTOTPSecret(totpSecret) }},
		{"NewCall (2FA code)", func() error {
			call, err := NewCall(CallParams{TOTPCode: "123456"})
			if call != nil {
				call.Free()
			}
			return err
		}},
		{"Client.SetCredentials", func() error { return client.SetCredentials("yativo_key", "CANARY-api-secret") }},
		{"Client.SetAccessToken", func() error { return client.SetAccessToken("yvsess_CANARY_other") }},
		{"VerifyWebhook", func() error {
			_, err := VerifyWebhook([]byte(`{}`), nil, "whsec_CANARY", 300, false)
			return err
		}},
		{"SignWebhook", func() error {
			_, err := SignWebhook([]byte(`{}`), "whsec_CANARY", NowUnix)
			return err
		}},
		{"NewWebhookVerifier", func() error {
			v, err := NewWebhookVerifier("whsec_CANARY", 600, 1000, 300, false)
			if v != nil {
				v.Close()
			}
			return err
		}},
		{"TOTP", func() error {
			_, err := TOTP(totpSecret, NowUnix, 30, 6)
			return err
		}},
		{"TOTP (refused secret)", func() error {
			_, err := TOTP("CANARY is not base32!", NowUnix, 30, 6)
			return err
		}},
	}
	for _, c := range cases {
		before := secretCopiesWiped.Load()
		err := c.run() // an error is fine: the copy is wiped on every way out
		if got := secretCopiesWiped.Load() - before; got != 1 {
			t.Errorf("%s (err %v): wiped %d C copies of the secret, want 1", c.name, err, got)
		}
	}
}
