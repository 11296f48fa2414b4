package capi

/*
#include <yativo.h>
*/
import "C"

// APIKey is a yv_api_key copied into Go memory.
type APIKey struct {
	ID, Name, APIKey, APISecret, Status, CreatedAt, ExpiresAt, LastUsedAt string
	Permissions, AllowedIPs                                               []string
}

// copyKey copies a borrowed yv_api_key (one of a list, or an owned one before it is freed).
func copyKey(k *C.yv_api_key) APIKey {
	return APIKey{
		ID:         gostr(C.yv_api_key_id(k)),
		Name:       gostr(C.yv_api_key_name(k)),
		APIKey:     gostr(C.yv_api_key_api_key(k)),
		APISecret:  gostr(C.yv_api_key_api_secret(k)),
		Status:     gostr(C.yv_api_key_status(k)),
		CreatedAt:  gostr(C.yv_api_key_created_at(k)),
		ExpiresAt:  gostr(C.yv_api_key_expires_at(k)),
		LastUsedAt: gostr(C.yv_api_key_last_used_at(k)),
		Permissions: gostrs(C.yv_api_key_permissions_count(k), func(i C.size_t) *C.char {
			return C.yv_api_key_permission(k, i)
		}),
		AllowedIPs: gostrs(C.yv_api_key_allowed_ips_count(k), func(i C.size_t) *C.char {
			return C.yv_api_key_allowed_ip(k, i)
		}),
	}
}

// takeAPIKey copies an owned yv_api_key into Go memory and frees it.
func takeAPIKey(k *C.yv_api_key) *APIKey {
	defer C.yv_api_key_free(k)
	key := copyKey(k)
	return &key
}

// takeAPIKeyList copies an owned yv_api_key_list into Go memory and frees it.
func takeAPIKeyList(l *C.yv_api_key_list) []APIKey {
	defer C.yv_api_key_list_free(l)
	keys := make([]APIKey, C.yv_api_key_list_count(l))
	for i := range keys {
		keys[i] = copyKey(C.yv_api_key_list_get(l, C.size_t(i)))
	}
	return keys
}

// Token is a yv_token copied into Go memory.
type Token struct {
	AccessToken, TokenType, ExpiresAt string
	ExpiresIn                         int64
	Scopes                            []string
}

// takeToken copies an owned yv_token into Go memory and frees it.
func takeToken(t *C.yv_token) *Token {
	defer C.yv_token_free(t)
	return &Token{
		AccessToken: gostr(C.yv_token_access_token(t)),
		TokenType:   gostr(C.yv_token_token_type(t)),
		ExpiresAt:   gostr(C.yv_token_expires_at(t)),
		ExpiresIn:   int64(C.yv_token_expires_in(t)),
		Scopes:      gostrs(C.yv_token_scopes_count(t), func(i C.size_t) *C.char { return C.yv_token_scope(t, i) }),
	}
}

func (c *Client) Token(call *Call) (*Token, error) {
	return callClient(c, call, takeToken, func(a *clientArgs, out **C.yv_token) C.yv_status {
		return C.yv_client_token(a.client, a.call, out, a.err)
	})
}
