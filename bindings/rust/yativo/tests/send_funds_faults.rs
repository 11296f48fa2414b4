//! send_funds under faults: one transfer, whatever the connection does.

mod common;

use std::time::Duration;

use common::{send, Sandbox};
use serde_json::json;
use yativo::{CallOptions, ErrorKind};

#[test]
fn drop_after_is_retried_with_the_same_key_and_sends_once() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (account, asset) = sb.funded_asset(&admin, "100");
    sb.fault(json!({"path": "/transactions/send-funds", "mode": "drop_after", "count": 1}));
    let tx = admin
        .transactions()
        .send_funds(&send(&account, &asset, "10"))
        .unwrap();
    assert_eq!(tx.idempotency_key.len(), 36, "{}", tx.idempotency_key);
    let stats = sb.stats();
    assert_eq!(stats["transactions_created"], 1);
    assert_eq!(stats["paths"]["/transactions/send-funds"], 2, "{stats}");
    assert_eq!(admin.balance().check(&asset).unwrap().balance, "89.999");
}

#[test]
fn without_retries_the_error_carries_the_key_and_a_retry_with_it_sends_nothing_new() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (account, asset) = sb.funded_asset(&admin, "100");
    let no_retry = sb
        .builder()
        .access_token(sb.session_token.as_str())
        .max_retries(0)
        .build()
        .unwrap();
    sb.fault(json!({"path": "/transactions/send-funds", "mode": "drop_after", "count": 1}));
    let err = no_retry
        .transactions()
        .send_funds(&send(&account, &asset, "10"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
    assert!(err.outcome_unknown(), "{err:?}");
    let key = err.idempotency_key().expect("key on the error").to_string();
    assert_eq!(sb.stats()["transactions_created"], 1);

    let opts = CallOptions::new().idempotency_key(key.as_str());
    let tx = no_retry
        .transactions()
        .with(&opts)
        .send_funds(&send(&account, &asset, "10"))
        .unwrap();
    assert_eq!(tx.idempotency_key, key);
    assert_eq!(sb.stats()["transactions_created"], 1);
    assert_eq!(admin.balance().check(&asset).unwrap().balance, "89.999");
}

#[test]
fn two_factor_on_send_takes_the_code_of_the_call() {
    let sb = Sandbox::start_with(&["--require-2fa-on-send"]);
    let admin = sb.admin();
    let (account, asset) = sb.funded_asset(&admin, "5");
    let no_totp = sb
        .builder()
        .access_token(sb.session_token.as_str())
        .build()
        .unwrap();
    let err = no_totp
        .transactions()
        .send_funds(&send(&account, &asset, "1"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TwoFactorRequired, "{err}");
    assert_eq!(err.error_code(), Some("two_factor_required"));
    let code = yativo::totp(&sb.totp_secret, None, Some(Duration::from_secs(2)), None).unwrap();
    no_totp
        .transactions()
        .with(&CallOptions::new().totp_code(code))
        .send_funds(&send(&account, &asset, "1"))
        .unwrap();
    assert_eq!(sb.stats()["transactions_created"], 1);
}
