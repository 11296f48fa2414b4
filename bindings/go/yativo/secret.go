package yativo

import (
	"fmt"
	"log/slog"
)

const redacted = "[REDACTED]"

// Secret holds a secret the API shows once (an API secret, an access token, a webhook signing
// secret). It never prints itself: String, GoString, every fmt verb, JSON and slog all show
// "[REDACTED]". Call Reveal, or convert with string(s), where the secret is the point.
type Secret string

// Reveal returns the secret itself.
func (s Secret) Reveal() string { return string(s) }

// IsZero reports whether no secret was given.
func (s Secret) IsZero() bool { return s == "" }

// String is "[REDACTED]", or "" for an empty secret.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return redacted
}

// GoString is the %#v form: yativo.Secret("[REDACTED]").
func (s Secret) GoString() string { return fmt.Sprintf("yativo.Secret(%q)", s.String()) }

// Format makes every verb (%v %s %q %x %d ...) print the redacted form.
func (s Secret) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		_, _ = f.Write([]byte(s.GoString()))
	case verb == 'q':
		_, _ = fmt.Fprintf(f, "%q", s.String())
	default:
		_, _ = f.Write([]byte(s.String()))
	}
}

// MarshalJSON writes the redacted form: a secret never leaks through a JSON log line.
func (s Secret) MarshalJSON() ([]byte, error) { return []byte(`"` + s.String() + `"`), nil }

// LogValue keeps slog from logging the secret.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }
