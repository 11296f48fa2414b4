package capi

/*
#include <stdlib.h>
#include <yativo.h>
*/
import "C"

// APIKey is a yv_api_key copied into Go memory.
type APIKey struct {
	ID, Name, APIKey, APISecret, Status, CreatedAt, ExpiresAt, LastUsedAt string
	Permissions                                                           []string
}

func copyKey(k *C.yv_api_key) APIKey {
	out := APIKey{
		ID:         gostr(C.yv_api_key_id(k)),
		Name:       gostr(C.yv_api_key_name(k)),
		APIKey:     gostr(C.yv_api_key_api_key(k)),
		APISecret:  gostr(C.yv_api_key_api_secret(k)),
		Status:     gostr(C.yv_api_key_status(k)),
		CreatedAt:  gostr(C.yv_api_key_created_at(k)),
		ExpiresAt:  gostr(C.yv_api_key_expires_at(k)),
		LastUsedAt: gostr(C.yv_api_key_last_used_at(k)),
	}
	n := int(C.yv_api_key_permissions_count(k))
	out.Permissions = make([]string, n)
	for i := 0; i < n; i++ {
		out.Permissions[i] = gostr(C.yv_api_key_permission(k, C.size_t(i)))
	}
	return out
}

func (c *Client) keyCall(f func(p *C.yv_client, out **C.yv_api_key, e **C.yv_error) C.yv_status) (*APIKey, error) {
	p, err := c.acquire()
	if err != nil {
		return nil, err
	}
	defer c.release()
	var k *C.yv_api_key
	var e *C.yv_error
	if err := takeError(f(p, &k, &e), e); err != nil {
		return nil, err
	}
	defer C.yv_api_key_free(k)
	key := copyKey(k)
	return &key, nil
}

func (c *Client) CreateAPIKey(name string, perms []string, expiresInDays uint32, call *Call) (*APIKey, error) {
	n := cstr(name)
	defer free(n)
	ps := newCStrings(perms)
	defer ps.free()
	return c.keyCall(func(p *C.yv_client, out **C.yv_api_key, e **C.yv_error) C.yv_status {
		return C.yv_client_create_api_key(p, n, ps.data(), ps.count(), C.uint32_t(expiresInDays), call.ptr(), out, e)
	})
}

func (c *Client) GetAPIKey(id string, call *Call) (*APIKey, error) {
	i := cstr(id)
	defer free(i)
	return c.keyCall(func(p *C.yv_client, out **C.yv_api_key, e **C.yv_error) C.yv_status {
		return C.yv_client_get_api_key(p, i, call.ptr(), out, e)
	})
}

func (c *Client) RotateAPIKey(id string, call *Call) (*APIKey, error) {
	i := cstr(id)
	defer free(i)
	return c.keyCall(func(p *C.yv_client, out **C.yv_api_key, e **C.yv_error) C.yv_status {
		return C.yv_client_rotate_api_key(p, i, call.ptr(), out, e)
	})
}

func (c *Client) UpdateAPIKeyPermissions(id string, perms []string, call *Call) (*APIKey, error) {
	i := cstr(id)
	defer free(i)
	ps := newCStrings(perms)
	defer ps.free()
	return c.keyCall(func(p *C.yv_client, out **C.yv_api_key, e **C.yv_error) C.yv_status {
		return C.yv_client_update_api_key_permissions(p, i, ps.data(), ps.count(), call.ptr(), out, e)
	})
}

func (c *Client) RevokeAPIKey(id string, call *Call) error {
	p, err := c.acquire()
	if err != nil {
		return err
	}
	defer c.release()
	i := cstr(id)
	defer free(i)
	var e *C.yv_error
	return takeError(C.yv_client_revoke_api_key(p, i, call.ptr(), &e), e)
}

func (c *Client) ListAPIKeys(call *Call) ([]APIKey, error) {
	p, err := c.acquire()
	if err != nil {
		return nil, err
	}
	defer c.release()
	var l *C.yv_api_key_list
	var e *C.yv_error
	if err := takeError(C.yv_client_list_api_keys(p, call.ptr(), &l, &e), e); err != nil {
		return nil, err
	}
	defer C.yv_api_key_list_free(l)
	n := int(C.yv_api_key_list_count(l))
	keys := make([]APIKey, 0, n)
	for i := 0; i < n; i++ {
		keys = append(keys, copyKey(C.yv_api_key_list_get(l, C.size_t(i))))
	}
	return keys, nil
}

// Token is a yv_token copied into Go memory.
type Token struct {
	AccessToken, TokenType, ExpiresAt string
	ExpiresIn                         int64
	Scopes                            []string
}

func (c *Client) Token(call *Call) (*Token, error) {
	p, err := c.acquire()
	if err != nil {
		return nil, err
	}
	defer c.release()
	var t *C.yv_token
	var e *C.yv_error
	if err := takeError(C.yv_client_token(p, call.ptr(), &t, &e), e); err != nil {
		return nil, err
	}
	defer C.yv_token_free(t)
	out := &Token{
		AccessToken: gostr(C.yv_token_access_token(t)),
		TokenType:   gostr(C.yv_token_token_type(t)),
		ExpiresAt:   gostr(C.yv_token_expires_at(t)),
		ExpiresIn:   int64(C.yv_token_expires_in(t)),
	}
	n := int(C.yv_token_scopes_count(t))
	out.Scopes = make([]string, n)
	for i := 0; i < n; i++ {
		out.Scopes[i] = gostr(C.yv_token_scope(t, C.size_t(i)))
	}
	return out, nil
}
