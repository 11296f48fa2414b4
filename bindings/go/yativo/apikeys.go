package yativo

import (
	"context"

	"github.com/libyativo/libyativo/bindings/go/internal/capi"
)

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
	ExpiresAt   string // "" when the key does not expire
	LastUsedAt  string // "" when never used
}

func keyFrom(k *capi.APIKey) *APIKey {
	return &APIKey{
		ID: k.ID, Name: k.Name, APIKey: k.APIKey, APISecret: Secret(k.APISecret),
		Permissions: k.Permissions, Status: k.Status, CreatedAt: k.CreatedAt,
		ExpiresAt: k.ExpiresAt, LastUsedAt: k.LastUsedAt,
	}
}

// APIKeysService manages API keys. Create, Rotate, UpdatePermissions and Revoke send an
// X-2FA-Token: the TOTPCode call option, else a code computed from the client's TOTP secret.
type APIKeysService struct{ c *Client }

// CreateKeyParams are the fields of a new key.
type CreateKeyParams struct {
	Name string
	// Permissions: "read", "write", "transactions", "webhooks"; other strings pass through.
	Permissions []string
	// ExpiresInDays: 0 = no expiry.
	ExpiresInDays int
}

// Create makes a key; the result carries its secret, shown once.
func (s *APIKeysService) Create(ctx context.Context, p CreateKeyParams, opts ...CallOption) (*APIKey, error) {
	if p.ExpiresInDays < 0 || p.ExpiresInDays > 1<<31 {
		return nil, invalidArgument("ExpiresInDays out of range")
	}
	return s.keyCall(ctx, opts, func(call *capi.Call) (*capi.APIKey, error) {
		return s.c.c.CreateAPIKey(p.Name, p.Permissions, uint32(p.ExpiresInDays), call)
	})
}

// List returns the keys of the user.
func (s *APIKeysService) List(ctx context.Context, opts ...CallOption) ([]APIKey, error) {
	var keys []capi.APIKey
	err := s.c.do(ctx, opts, func(call *capi.Call) (err error) {
		keys, err = s.c.c.ListAPIKeys(call)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]APIKey, len(keys))
	for i := range keys {
		out[i] = *keyFrom(&keys[i])
	}
	return out, nil
}

// Get returns one key.
func (s *APIKeysService) Get(ctx context.Context, id string, opts ...CallOption) (*APIKey, error) {
	return s.keyCall(ctx, opts, func(call *capi.Call) (*capi.APIKey, error) { return s.c.c.GetAPIKey(id, call) })
}

// Rotate gives the key a new secret (in the result); the old one is refused from now on.
func (s *APIKeysService) Rotate(ctx context.Context, id string, opts ...CallOption) (*APIKey, error) {
	return s.keyCall(ctx, opts, func(call *capi.Call) (*capi.APIKey, error) { return s.c.c.RotateAPIKey(id, call) })
}

// UpdatePermissions replaces the key's permissions.
func (s *APIKeysService) UpdatePermissions(ctx context.Context, id string, permissions []string, opts ...CallOption) (*APIKey, error) {
	return s.keyCall(ctx, opts, func(call *capi.Call) (*capi.APIKey, error) {
		return s.c.c.UpdateAPIKeyPermissions(id, permissions, call)
	})
}

// Revoke revokes the key at once; its live tokens die with it.
func (s *APIKeysService) Revoke(ctx context.Context, id string, opts ...CallOption) error {
	return s.c.do(ctx, opts, func(call *capi.Call) error { return s.c.c.RevokeAPIKey(id, call) })
}

func (s *APIKeysService) keyCall(ctx context.Context, opts []CallOption, f func(*capi.Call) (*capi.APIKey, error)) (*APIKey, error) {
	var k *capi.APIKey
	err := s.c.do(ctx, opts, func(call *capi.Call) (err error) {
		k, err = f(call)
		return err
	})
	if err != nil {
		return nil, err
	}
	return keyFrom(k), nil
}
