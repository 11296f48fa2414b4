package yativo

import "github.com/libyativo/libyativo/bindings/go/internal/capi"

// APIKey is an API key. APISecret is set only on the keys returned by Create and Rotate (it is
// shown once: store it then) and never prints itself.
type APIKey struct {
	ID          string
	Name        string
	APIKey      string
	APISecret   Secret
	Permissions []string
	Status      string // active, revoked, expired
	CreatedAt   string
	ExpiresAt   string   // "" when the key does not expire
	LastUsedAt  string   // "" when never used
	AllowedIPs  []string // the addresses or CIDR blocks it may be used from; empty: any
}

// apiKeyFrom converts capi's copy of a key (the generated methods name it).
func apiKeyFrom(k *capi.APIKey) *APIKey {
	return &APIKey{
		ID: k.ID, Name: k.Name, APIKey: k.APIKey, APISecret: Secret(k.APISecret),
		Permissions: k.Permissions, Status: k.Status, CreatedAt: k.CreatedAt,
		ExpiresAt: k.ExpiresAt, LastUsedAt: k.LastUsedAt, AllowedIPs: k.AllowedIPs,
	}
}
