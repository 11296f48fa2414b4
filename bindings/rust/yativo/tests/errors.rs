//! Each ErrorKind from the situation that raises it.

mod common;

use std::net::TcpListener;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{send, Sandbox};
use serde_json::json;
use yativo::{CallOptions, CancelToken, Client, CreateKey, ErrorKind, TransactionQuery};

#[test]
fn invalid_argument_before_any_io() {
    let err = Client::builder()
        .base_url("http://example.com/api/v1")
        .access_token("t")
        .use_environment(false)
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
    assert_eq!(err.http_status(), None);

    let sb = Sandbox::start();
    let admin = sb.admin();
    let err = admin
        .transactions()
        .list(&TransactionQuery {
            limit: Some(101),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
    let err = admin
        .transactions()
        .send_funds(&send("acc", "ast", "1e3"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
    let err = admin.api_keys().get("bad\0id").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
    let err = admin
        .api_keys()
        .create(&CreateKey {
            name: "",
            permissions: &["read"],
            expires_in_days: None,
            allowed_ips: &[],
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
    assert_eq!(sb.stats()["requests"], 0);
    assert_eq!(
        yativo::totp("not base32!", None, None, None)
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidArgument
    );
}

#[test]
fn server_answers_map_to_their_kinds() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (account, asset) = sb.funded_asset(&admin, "5");

    // 401: a wrong secret, refused at the token exchange. "CANARY" strings are searched for in
    // the whole test run's output (scripts/run-tests.sh).
    let (key, _) = sb.key_client(&admin, &["read"]);
    let wrong_secret = "CANARY-wrong-secret-rust";
    let wrong = sb
        .builder()
        .api_key(key.api_key.as_str(), wrong_secret)
        .build()
        .unwrap();
    let err = wrong.accounts().list().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication, "{err}");
    assert_eq!(err.http_status(), Some(401));
    assert!(!err.to_string().contains(wrong_secret));

    // 401 two_factor_required: key management without a code or TOTP source.
    let no_totp = sb
        .builder()
        .access_token(sb.session_token.as_str())
        .build()
        .unwrap();
    let err = no_totp.api_keys().revoke(&key.id).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TwoFactorRequired, "{err}");

    // 403: a read-only key creating an account.
    let (_, read_only) = sb.key_client(&admin, &["read"]);
    let err = read_only.accounts().create("x", None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PermissionDenied, "{err}");
    assert_eq!(err.http_status(), Some(403));
    assert_eq!(err.error_code(), Some("forbidden"));
    assert!(err.details().is_some());

    // 404
    let err = admin
        .api_keys()
        .get("key_000000000000000000000000")
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    assert!(err.request_id().unwrap().starts_with("req_"));

    // 409: one idempotency key, two different transfers.
    let opts = CallOptions::new().idempotency_key("dup-1");
    let first = admin
        .transactions()
        .with(&opts)
        .send_funds(&send(&account, &asset, "1"))
        .unwrap();
    let err = admin
        .transactions()
        .with(&opts)
        .send_funds(&send(&account, &asset, "2"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    assert_eq!(err.existing_transaction_id(), first.id.as_deref());
    assert!(first.id.is_some());
    assert_eq!(err.idempotency_key(), Some("dup-1"));

    // 400 with details: a missing field, through the generic request (the typed calls
    // check their arguments before sending).
    let err = admin
        .request(
            "POST",
            "/accounts/create-account",
            Some(&json!({"account_type": "business"})),
            &CallOptions::new(),
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation, "{err}");
    assert_eq!(err.http_status(), Some(400));
    assert_eq!(err.error_code(), Some("validation_error"));
    assert!(
        err.details().unwrap().get("account_name").is_some(),
        "{err:?}"
    );
    // A bad address is caught before any I/O.
    let mut bad = send(&account, &asset, "1");
    bad.receiving_address = "not-an-address";
    let err = admin.transactions().send_funds(&bad).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");

    // 422: more than the balance.
    let err = admin
        .transactions()
        .send_funds(&send(&account, &asset, "1000"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation, "{err}");
    assert_eq!(err.http_status(), Some(422));
    assert_eq!(err.error_code(), Some("insufficient_balance"));
    assert_eq!(err.details().unwrap()["requested_amount"], "1000");
    assert!(!err.outcome_unknown());
}

#[test]
fn rate_limited_fails_at_once_when_the_wait_passes_the_deadline() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    sb.fault(
        json!({"path": "/accounts/get-accounts", "mode": "respond", "status": 429,
                    "retry_after": 120, "count": 5}),
    );
    let started = Instant::now();
    let err = admin
        .accounts()
        .with(&CallOptions::new().timeout(Duration::from_secs(5)))
        .list()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::RateLimited, "{err}");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(120)));
    assert_eq!(err.http_status(), Some(429));
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[test]
fn server_error_after_retries() {
    let sb = Sandbox::start();
    let client = sb
        .builder()
        .access_token(sb.session_token.as_str())
        .max_retries(2)
        .build()
        .unwrap();
    sb.fault(
        json!({"path": "/accounts/get-accounts", "mode": "respond", "status": 503, "count": 10}),
    );
    let err = client.accounts().list().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server, "{err}");
    assert_eq!(err.http_status(), Some(503));
    assert!(err.retryable());
    assert_eq!(sb.stats()["paths"]["/accounts/get-accounts"], 3);
}

#[test]
fn connection_refused_is_network() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = Client::builder()
        .base_url(format!("http://127.0.0.1:{port}/api/v1"))
        .access_token("t")
        .use_environment(false)
        .max_retries(1)
        .backoff_base(Duration::from_millis(10))
        .build()
        .unwrap();
    let err = client.accounts().list().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
    assert_eq!(err.http_status(), None);
}

#[test]
fn timeout_and_garbage() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    sb.fault(json!({"path": "/accounts/get-accounts", "mode": "delay", "delay_ms": 3000}));
    let err = admin
        .accounts()
        .with(&CallOptions::new().timeout(Duration::from_millis(300)))
        .list()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");

    sb.fault(json!({"path": "/accounts/get-accounts", "mode": "garbage", "count": 10}));
    let err = admin.accounts().list().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Protocol, "{err}");
}

#[test]
fn cancel_from_another_thread() {
    let sb = Sandbox::start();
    let admin = Arc::new(sb.admin());
    sb.fault(json!({"path": "/accounts/get-accounts", "mode": "delay", "delay_ms": 5000}));
    let token = CancelToken::new();
    let remote = token.clone();
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        remote.cancel();
    });
    let started = Instant::now();
    let err = admin
        .accounts()
        .with(&CallOptions::new().cancel(&token))
        .list()
        .unwrap_err();
    canceller.join().unwrap();
    assert_eq!(err.kind(), ErrorKind::Cancelled, "{err}");
    assert!(token.is_cancelled());
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn bad_webhook_signature() {
    let body = br#"{"id":"evt_1","type":"t","created_at":"2026-01-01T00:00:00Z","data":{}}"#;
    let headers = yativo::sign_webhook(body, "whsec_right", None).unwrap();
    let err =
        yativo::verify_webhook(body, &headers, "whsec_wrong", Default::default()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::SignatureInvalid, "{err}");
    assert!(!err.to_string().contains("whsec_"));
}
