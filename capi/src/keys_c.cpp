// C modules "api keys" and "token".
#include "async.hpp"

using yv_capi::call_options;
using yv_capi::guard;
using yv_capi::need;
using yv_capi::need_out;
using yv_capi::need_str;
using yv_capi::or_null;

namespace {

const char *nth(const std::vector<std::string> &items, size_t i) {
    return i < items.size() ? items[i].c_str() : nullptr;
}

// yv_client_token's arguments, checked and copied; the function returned makes the call. The token
// cannot be had twice: its output object is allocated before the call and the token moved in.
auto token_call(yv_client *client, const yv_call *call) {
    auto &c = need(client, "client");
    return [&c, options = call_options(call)] {
        auto holder = std::make_unique<yv_token>();
        holder->value() = c.client.token(options);
        return holder;
    };
}

}  // namespace

extern "C" {

YV_API const char *yv_api_key_id(const yv_api_key *key) {
    return key ? key->key.id.c_str() : nullptr;
}

YV_API const char *yv_api_key_name(const yv_api_key *key) {
    return key ? key->key.name.c_str() : nullptr;
}

YV_API const char *yv_api_key_api_key(const yv_api_key *key) {
    return key ? key->key.api_key.c_str() : nullptr;
}

YV_API const char *yv_api_key_api_secret(const yv_api_key *key) {
    return key ? or_null(key->key.api_secret.reveal()) : nullptr;
}

YV_API size_t yv_api_key_permissions_count(const yv_api_key *key) {
    return key ? key->key.permissions.size() : 0;
}

YV_API const char *yv_api_key_permission(const yv_api_key *key, size_t i) {
    return key ? nth(key->key.permissions, i) : nullptr;
}

YV_API const char *yv_api_key_status(const yv_api_key *key) {
    return key ? key->key.status.c_str() : nullptr;
}

YV_API const char *yv_api_key_created_at(const yv_api_key *key) {
    return key ? key->key.created_at.c_str() : nullptr;
}

YV_API const char *yv_api_key_expires_at(const yv_api_key *key) {
    return key ? or_null(key->key.expires_at) : nullptr;
}

YV_API const char *yv_api_key_last_used_at(const yv_api_key *key) {
    return key ? or_null(key->key.last_used_at) : nullptr;
}

YV_API size_t yv_api_key_allowed_ips_count(const yv_api_key *key) {
    return key ? key->key.allowed_ips.size() : 0;
}

YV_API const char *yv_api_key_allowed_ip(const yv_api_key *key, size_t i) {
    return key ? nth(key->key.allowed_ips, i) : nullptr;
}

YV_API void yv_api_key_free(yv_api_key *key) {
    delete key;
}

YV_API size_t yv_api_key_list_count(const yv_api_key_list *list) {
    return list ? list->keys.size() : 0;
}

YV_API const yv_api_key *yv_api_key_list_get(const yv_api_key_list *list, size_t i) {
    return list && i < list->keys.size() ? &list->keys[i] : nullptr;
}

YV_API void yv_api_key_list_free(yv_api_key_list *list) {
    delete list;
}

YV_API yv_status yv_client_token(yv_client *client, const yv_call *call, yv_token **out,
                                 yv_error **err) {
    return guard(err, [&] {
        need_out(out, "out");
        *out = token_call(client, call)().release();
    });
}

YV_API yv_status yv_client_token_start(yv_loop *loop, yv_client *client, const yv_call *call,
                                       yv_token_done_fn done, void *user_data, yv_pending **pending,
                                       yv_error **err) {
    return guard(err, [&] {
        yv_capi::start(loop, pending, done, user_data, [&] { return token_call(client, call); });
    });
}

YV_API const char *yv_token_access_token(const yv_token *token) {
    return token ? token->token.access_token.reveal().c_str() : nullptr;
}

YV_API const char *yv_token_token_type(const yv_token *token) {
    return token ? token->token.token_type.c_str() : nullptr;
}

YV_API int64_t yv_token_expires_in(const yv_token *token) {
    return token ? token->token.expires_in : 0;
}

YV_API const char *yv_token_expires_at(const yv_token *token) {
    return token ? or_null(token->token.expires_at) : nullptr;
}

YV_API size_t yv_token_scopes_count(const yv_token *token) {
    return token ? token->token.scopes.size() : 0;
}

YV_API const char *yv_token_scope(const yv_token *token, size_t i) {
    return token ? nth(token->token.scopes, i) : nullptr;
}

YV_API void yv_token_free(yv_token *token) {
    delete token;
}

}  // extern "C"
