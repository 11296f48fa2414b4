//! Raw declarations of `yativo.h`, the C ABI of libyativo. Generated once by `gen_sys.py`
//! and committed; `tests/header.rs` checks them against the header.
#![allow(non_camel_case_types)]

use std::os::raw::{c_char, c_int, c_void};

pub const YV_VERSION_MAJOR: u32 = 0;
pub const YV_VERSION_MINOR: u32 = 1;
pub const YV_VERSION_PATCH: u32 = 0;
pub const YV_VERSION_STRING: &str = "0.1.0";
pub const YV_NOW: i64 = -1;
pub const YV_TOTP_CODE_SIZE: usize = 9;

pub type yv_status = c_int;
pub const YV_OK: yv_status = 0;
pub const YV_E_INVALID_ARGUMENT: yv_status = 100;
pub const YV_E_AUTHENTICATION: yv_status = 200;
pub const YV_E_TWO_FACTOR_REQUIRED: yv_status = 201;
pub const YV_E_PERMISSION_DENIED: yv_status = 202;
pub const YV_E_NOT_FOUND: yv_status = 203;
pub const YV_E_CONFLICT: yv_status = 204;
pub const YV_E_VALIDATION: yv_status = 205;
pub const YV_E_RATE_LIMITED: yv_status = 206;
pub const YV_E_SERVER: yv_status = 207;
pub const YV_E_NETWORK: yv_status = 300;
pub const YV_E_TIMEOUT: yv_status = 301;
pub const YV_E_TLS: yv_status = 302;
pub const YV_E_PROTOCOL: yv_status = 303;
pub const YV_E_SIGNATURE_INVALID: yv_status = 400;
pub const YV_E_CANCELLED: yv_status = 500;
pub const YV_E_NO_MEMORY: yv_status = 501;
pub const YV_E_INTERNAL: yv_status = 502;

pub type yv_environment = c_int;
pub const YV_ENV_PRODUCTION: yv_environment = 0;
pub const YV_ENV_SANDBOX: yv_environment = 1;

pub type yv_auth_mode = c_int;
pub const YV_AUTH_TOKEN: yv_auth_mode = 0;
pub const YV_AUTH_HEADERS: yv_auth_mode = 1;
pub const YV_AUTH_BEARER: yv_auth_mode = 2;

pub type yv_log_level = c_int;
pub const YV_LOG_DEBUG: yv_log_level = 0;
pub const YV_LOG_INFO: yv_log_level = 1;
pub const YV_LOG_WARN: yv_log_level = 2;
pub const YV_LOG_ERROR: yv_log_level = 3;
pub const YV_LOG_OFF: yv_log_level = 4;

#[repr(C)]
pub struct yv_error {
    _private: [u8; 0],
    _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}
#[repr(C)]
pub struct yv_buffer {
    _private: [u8; 0],
    _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}
#[repr(C)]
pub struct yv_cancel {
    _private: [u8; 0],
    _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}
#[repr(C)]
pub struct yv_options {
    _private: [u8; 0],
    _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}
#[repr(C)]
pub struct yv_call {
    _private: [u8; 0],
    _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}
#[repr(C)]
pub struct yv_client {
    _private: [u8; 0],
    _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}
#[repr(C)]
pub struct yv_api_key {
    _private: [u8; 0],
    _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}
#[repr(C)]
pub struct yv_api_key_list {
    _private: [u8; 0],
    _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}
#[repr(C)]
pub struct yv_token {
    _private: [u8; 0],
    _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}
#[repr(C)]
pub struct yv_send {
    _private: [u8; 0],
    _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}
#[repr(C)]
pub struct yv_tx_query {
    _private: [u8; 0],
    _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}
#[repr(C)]
pub struct yv_webhook {
    _private: [u8; 0],
    _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}
#[repr(C)]
pub struct yv_headers {
    _private: [u8; 0],
    _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}
#[repr(C)]
pub struct yv_event {
    _private: [u8; 0],
    _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}
#[repr(C)]
pub struct yv_webhook_verifier {
    _private: [u8; 0],
    _pinned: core::marker::PhantomData<(*mut u8, core::marker::PhantomPinned)>,
}

pub type yv_log_fn = unsafe extern "C" fn(
    level: yv_log_level,
    message: *const c_char,
    message_len: usize,
    user_data: *mut c_void,
) -> yv_status;
pub type yv_free_fn = unsafe extern "C" fn(user_data: *mut c_void);

#[link(name = "yativo")]
unsafe extern "C" {
    pub fn yv_version() -> *const c_char;
    pub fn yv_status_str(status: yv_status) -> *const c_char;
    pub fn yv_error_code(err: *const yv_error) -> yv_status;
    pub fn yv_error_message(err: *const yv_error) -> *const c_char;
    pub fn yv_error_http_status(err: *const yv_error) -> c_int;
    pub fn yv_error_error_code(err: *const yv_error) -> *const c_char;
    pub fn yv_error_details_json(err: *const yv_error) -> *const c_char;
    pub fn yv_error_request_id(err: *const yv_error) -> *const c_char;
    pub fn yv_error_retry_after_ms(err: *const yv_error) -> i64;
    pub fn yv_error_existing_transaction_id(err: *const yv_error) -> *const c_char;
    pub fn yv_error_idempotency_key(err: *const yv_error) -> *const c_char;
    pub fn yv_error_outcome_unknown(err: *const yv_error) -> bool;
    pub fn yv_error_retryable(err: *const yv_error) -> bool;
    pub fn yv_error_free(err: *mut yv_error);
    pub fn yv_buffer_data(buf: *const yv_buffer) -> *const c_char;
    pub fn yv_buffer_len(buf: *const yv_buffer) -> usize;
    pub fn yv_buffer_free(buf: *mut yv_buffer);
    pub fn yv_cancel_new(out: *mut *mut yv_cancel, err: *mut *mut yv_error) -> yv_status;
    pub fn yv_cancel_trigger(cancel: *mut yv_cancel);
    pub fn yv_cancel_is_triggered(cancel: *const yv_cancel) -> bool;
    pub fn yv_cancel_free(cancel: *mut yv_cancel);
    pub fn yv_options_new(out: *mut *mut yv_options, err: *mut *mut yv_error) -> yv_status;
    pub fn yv_options_free(opts: *mut yv_options);
    pub fn yv_options_set_environment(
        opts: *mut yv_options,
        env: yv_environment,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_base_url(
        opts: *mut yv_options,
        url: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_auth_mode(
        opts: *mut yv_options,
        mode: yv_auth_mode,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_api_key(
        opts: *mut yv_options,
        api_key: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_api_secret(
        opts: *mut yv_options,
        api_secret: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_access_token(
        opts: *mut yv_options,
        token: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_totp_secret(
        opts: *mut yv_options,
        base32_secret: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_totp_period_s(
        opts: *mut yv_options,
        seconds: u32,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_totp_use_server_time(
        opts: *mut yv_options,
        enabled: bool,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_use_environment(
        opts: *mut yv_options,
        enabled: bool,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_timeout_ms(
        opts: *mut yv_options,
        ms: u32,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_connect_timeout_ms(
        opts: *mut yv_options,
        ms: u32,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_attempt_timeout_ms(
        opts: *mut yv_options,
        ms: u32,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_max_retries(
        opts: *mut yv_options,
        retries: u32,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_backoff_base_ms(
        opts: *mut yv_options,
        ms: u32,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_backoff_cap_ms(
        opts: *mut yv_options,
        ms: u32,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_refresh_margin_s(
        opts: *mut yv_options,
        seconds: u32,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_max_response_bytes(
        opts: *mut yv_options,
        bytes: u64,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_ca_file(
        opts: *mut yv_options,
        path: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_ca_path(
        opts: *mut yv_options,
        dir: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_ca_blob(
        opts: *mut yv_options,
        pem: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_pinned_public_key(
        opts: *mut yv_options,
        pin: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_proxy(
        opts: *mut yv_options,
        proxy: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_user_agent(
        opts: *mut yv_options,
        user_agent: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_log_callback(
        opts: *mut yv_options,
        fn_: Option<yv_log_fn>,
        user_data: *mut c_void,
        free_fn: Option<yv_free_fn>,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_options_set_log_level(
        opts: *mut yv_options,
        level: yv_log_level,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_call_new(out: *mut *mut yv_call, err: *mut *mut yv_error) -> yv_status;
    pub fn yv_call_free(call: *mut yv_call);
    pub fn yv_call_set_timeout_ms(
        call: *mut yv_call,
        ms: u32,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_call_set_envelope(
        call: *mut yv_call,
        envelope: bool,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_call_set_idempotency_key(
        call: *mut yv_call,
        key: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_call_set_totp_code(
        call: *mut yv_call,
        code: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_call_set_cancel(
        call: *mut yv_call,
        cancel: *mut yv_cancel,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_new(
        opts: *const yv_options,
        out: *mut *mut yv_client,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_free(client: *mut yv_client);
    pub fn yv_client_set_credentials(
        client: *mut yv_client,
        api_key: *const c_char,
        api_secret: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_set_access_token(
        client: *mut yv_client,
        token: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_base_url(client: *const yv_client) -> *const c_char;
    pub fn yv_client_timeout_ms(client: *const yv_client) -> u32;
    pub fn yv_client_rate_limit(
        client: *const yv_client,
        limit: *mut i64,
        remaining: *mut i64,
        reset: *mut i64,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_request(
        client: *mut yv_client,
        method: *const c_char,
        path: *const c_char,
        body: *const c_char,
        body_len: usize,
        call: *const yv_call,
        out: *mut *mut yv_buffer,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_api_key_id(key: *const yv_api_key) -> *const c_char;
    pub fn yv_api_key_name(key: *const yv_api_key) -> *const c_char;
    pub fn yv_api_key_api_key(key: *const yv_api_key) -> *const c_char;
    pub fn yv_api_key_api_secret(key: *const yv_api_key) -> *const c_char;
    pub fn yv_api_key_permissions_count(key: *const yv_api_key) -> usize;
    pub fn yv_api_key_permission(key: *const yv_api_key, i: usize) -> *const c_char;
    pub fn yv_api_key_status(key: *const yv_api_key) -> *const c_char;
    pub fn yv_api_key_created_at(key: *const yv_api_key) -> *const c_char;
    pub fn yv_api_key_expires_at(key: *const yv_api_key) -> *const c_char;
    pub fn yv_api_key_last_used_at(key: *const yv_api_key) -> *const c_char;
    pub fn yv_api_key_free(key: *mut yv_api_key);
    pub fn yv_api_key_list_count(list: *const yv_api_key_list) -> usize;
    pub fn yv_api_key_list_get(list: *const yv_api_key_list, i: usize) -> *const yv_api_key;
    pub fn yv_api_key_list_free(list: *mut yv_api_key_list);
    pub fn yv_client_create_api_key(
        client: *mut yv_client,
        name: *const c_char,
        permissions: *const *const c_char,
        permissions_count: usize,
        expires_in_days: u32,
        call: *const yv_call,
        out: *mut *mut yv_api_key,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_list_api_keys(
        client: *mut yv_client,
        call: *const yv_call,
        out: *mut *mut yv_api_key_list,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_get_api_key(
        client: *mut yv_client,
        key_id: *const c_char,
        call: *const yv_call,
        out: *mut *mut yv_api_key,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_rotate_api_key(
        client: *mut yv_client,
        key_id: *const c_char,
        call: *const yv_call,
        out: *mut *mut yv_api_key,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_update_api_key_permissions(
        client: *mut yv_client,
        key_id: *const c_char,
        permissions: *const *const c_char,
        permissions_count: usize,
        call: *const yv_call,
        out: *mut *mut yv_api_key,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_revoke_api_key(
        client: *mut yv_client,
        key_id: *const c_char,
        call: *const yv_call,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_token(
        client: *mut yv_client,
        call: *const yv_call,
        out: *mut *mut yv_token,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_token_access_token(token: *const yv_token) -> *const c_char;
    pub fn yv_token_token_type(token: *const yv_token) -> *const c_char;
    pub fn yv_token_expires_in(token: *const yv_token) -> i64;
    pub fn yv_token_expires_at(token: *const yv_token) -> *const c_char;
    pub fn yv_token_scopes_count(token: *const yv_token) -> usize;
    pub fn yv_token_scope(token: *const yv_token, i: usize) -> *const c_char;
    pub fn yv_token_free(token: *mut yv_token);
    pub fn yv_client_list_accounts(
        client: *mut yv_client,
        call: *const yv_call,
        out: *mut *mut yv_buffer,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_create_account(
        client: *mut yv_client,
        account_name: *const c_char,
        account_type: *const c_char,
        call: *const yv_call,
        out: *mut *mut yv_buffer,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_add_asset(
        client: *mut yv_client,
        account_id: *const c_char,
        chain: *const c_char,
        ticker: *const c_char,
        call: *const yv_call,
        out: *mut *mut yv_buffer,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_list_assets(
        client: *mut yv_client,
        account_id: *const c_char,
        call: *const yv_call,
        out: *mut *mut yv_buffer,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_check_balance(
        client: *mut yv_client,
        asset_id: *const c_char,
        call: *const yv_call,
        out: *mut *mut yv_buffer,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_gas_price(
        client: *mut yv_client,
        chain: *const c_char,
        priority: *const c_char,
        extra_fields_json: *const c_char,
        call: *const yv_call,
        out: *mut *mut yv_buffer,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_send_new(out: *mut *mut yv_send, err: *mut *mut yv_error) -> yv_status;
    pub fn yv_send_free(send: *mut yv_send);
    pub fn yv_send_set_account(
        send: *mut yv_send,
        account_id: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_send_set_assets(
        send: *mut yv_send,
        asset_id: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_send_set_receiving_address(
        send: *mut yv_send,
        address: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_send_set_amount(
        send: *mut yv_send,
        amount: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_send_set_type(
        send: *mut yv_send,
        type_: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_send_set_chain(
        send: *mut yv_send,
        chain: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_send_set_category(
        send: *mut yv_send,
        category: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_send_set_priority(
        send: *mut yv_send,
        priority: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_send_set_description(
        send: *mut yv_send,
        description: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_send_set_use_self_funding(
        send: *mut yv_send,
        enabled: bool,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_send_funds(
        client: *mut yv_client,
        params: *const yv_send,
        call: *const yv_call,
        out: *mut *mut yv_buffer,
        out_idempotency_key: *mut *mut yv_buffer,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_tx_query_new(out: *mut *mut yv_tx_query, err: *mut *mut yv_error) -> yv_status;
    pub fn yv_tx_query_free(query: *mut yv_tx_query);
    pub fn yv_tx_query_set_page(
        query: *mut yv_tx_query,
        page: u32,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_tx_query_set_limit(
        query: *mut yv_tx_query,
        limit: u32,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_tx_query_set_status(
        query: *mut yv_tx_query,
        status: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_tx_query_set_chain(
        query: *mut yv_tx_query,
        chain: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_tx_query_set_search(
        query: *mut yv_tx_query,
        search: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_list_transactions(
        client: *mut yv_client,
        query: *const yv_tx_query,
        call: *const yv_call,
        out: *mut *mut yv_buffer,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_create_webhook(
        client: *mut yv_client,
        url: *const c_char,
        events: *const *const c_char,
        events_count: usize,
        description: *const c_char,
        call: *const yv_call,
        out: *mut *mut yv_webhook,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_list_webhooks(
        client: *mut yv_client,
        call: *const yv_call,
        out: *mut *mut yv_buffer,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_client_delete_webhook(
        client: *mut yv_client,
        webhook_id: *const c_char,
        call: *const yv_call,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_webhook_id(webhook: *const yv_webhook) -> *const c_char;
    pub fn yv_webhook_url(webhook: *const yv_webhook) -> *const c_char;
    pub fn yv_webhook_events_count(webhook: *const yv_webhook) -> usize;
    pub fn yv_webhook_event(webhook: *const yv_webhook, i: usize) -> *const c_char;
    pub fn yv_webhook_description(webhook: *const yv_webhook) -> *const c_char;
    pub fn yv_webhook_secret(webhook: *const yv_webhook) -> *const c_char;
    pub fn yv_webhook_created_at(webhook: *const yv_webhook) -> *const c_char;
    pub fn yv_webhook_json(webhook: *const yv_webhook) -> *const c_char;
    pub fn yv_webhook_free(webhook: *mut yv_webhook);
    pub fn yv_headers_new(out: *mut *mut yv_headers, err: *mut *mut yv_error) -> yv_status;
    pub fn yv_headers_free(headers: *mut yv_headers);
    pub fn yv_headers_add(
        headers: *mut yv_headers,
        name: *const c_char,
        value: *const c_char,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_headers_count(headers: *const yv_headers) -> usize;
    pub fn yv_headers_name(headers: *const yv_headers, i: usize) -> *const c_char;
    pub fn yv_headers_value(headers: *const yv_headers, i: usize) -> *const c_char;
    pub fn yv_headers_get(headers: *const yv_headers, name: *const c_char) -> *const c_char;
    pub fn yv_webhook_verify(
        body: *const u8,
        body_len: usize,
        headers: *const yv_headers,
        secret: *const c_char,
        tolerance_s: u32,
        require_timestamp: bool,
        out_event: *mut *mut yv_event,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_webhook_sign(
        body: *const u8,
        body_len: usize,
        secret: *const c_char,
        unix_time: i64,
        out: *mut *mut yv_headers,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_event_id(event: *const yv_event) -> *const c_char;
    pub fn yv_event_type(event: *const yv_event) -> *const c_char;
    pub fn yv_event_created_at(event: *const yv_event) -> *const c_char;
    pub fn yv_event_data_json(event: *const yv_event) -> *const c_char;
    pub fn yv_event_json(event: *const yv_event) -> *const c_char;
    pub fn yv_event_free(event: *mut yv_event);
    pub fn yv_webhook_verifier_new(
        secret: *const c_char,
        window_s: u32,
        max_events: usize,
        tolerance_s: u32,
        require_timestamp: bool,
        out: *mut *mut yv_webhook_verifier,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_webhook_verifier_free(verifier: *mut yv_webhook_verifier);
    pub fn yv_webhook_verifier_verify(
        verifier: *mut yv_webhook_verifier,
        body: *const u8,
        body_len: usize,
        headers: *const yv_headers,
        out_event: *mut *mut yv_event,
        err: *mut *mut yv_error,
    ) -> yv_status;
    pub fn yv_totp(
        base32_secret: *const c_char,
        unix_time: i64,
        period_s: u32,
        digits: u32,
        out_code: *mut c_char,
        out_size: usize,
        err: *mut *mut yv_error,
    ) -> yv_status;
}
