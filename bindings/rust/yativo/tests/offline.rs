//! What needs no server: TOTP, webhook signatures, Secret, ErrorKind, version.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use yativo::{ErrorKind, Secret, VerifyOptions};

const BODY: &[u8] = br#"{"id":"evt_9","type":"transaction.completed","created_at":"2026-01-01T00:00:00Z","data":{"amount":"0.000000000000000001"}}"#;

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

#[test]
fn totp_matches_rfc_6238() {
    let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    assert_eq!(
        yativo::totp(secret, Some(59), None, Some(8))
            .unwrap()
            .expose(),
        "94287082"
    );
    assert_eq!(
        yativo::totp(secret, Some(1111111109), None, Some(8))
            .unwrap()
            .expose(),
        "07081804"
    );
    assert_eq!(
        yativo::totp(secret, Some(59), None, None).unwrap().expose(),
        "287082"
    );
    // A 60 s period puts T = 59 in step 0.
    let step0 = yativo::totp(secret, Some(0), None, None).unwrap();
    assert_eq!(
        yativo::totp(secret, Some(59), Some(Duration::from_secs(60)), None).unwrap(),
        step0
    );
    let code = yativo::totp(secret, None, None, None).unwrap();
    assert_eq!(code.expose().len(), 6);
    assert_eq!(format!("{code:?} {code}"), "Secret(\"***\") ***");
    assert_eq!(
        yativo::totp(secret, Some(59), None, Some(9))
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidArgument
    );
}

#[test]
fn webhook_schemes_a_and_b() {
    let headers = yativo::sign_webhook(BODY, "whsec_k", None).unwrap();
    let names: Vec<_> = headers
        .iter()
        .map(|(n, _)| n.to_ascii_lowercase())
        .collect();
    assert!(
        names.contains(&"x-webhook-signature".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"x-yativo-signature".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"x-yativo-timestamp".to_string()),
        "{names:?}"
    );

    let event =
        yativo::verify_webhook(BODY, &headers, "whsec_k", VerifyOptions::default()).unwrap();
    assert_eq!(event.id, "evt_9");
    assert_eq!(event.r#type, "transaction.completed");
    assert_eq!(event.created_at, "2026-01-01T00:00:00Z");
    assert_eq!(event.data["amount"], "0.000000000000000001");
    assert_eq!(event.body["id"], "evt_9");

    // Scheme A alone is accepted, unless timestamps are required.
    let scheme_a: Vec<_> = headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("x-webhook-signature"))
        .cloned()
        .collect();
    yativo::verify_webhook(BODY, &scheme_a, "whsec_k", VerifyOptions::default()).unwrap();
    let strict = VerifyOptions {
        require_timestamp: true,
        ..Default::default()
    };
    assert_eq!(
        yativo::verify_webhook(BODY, &scheme_a, "whsec_k", strict)
            .unwrap_err()
            .kind(),
        ErrorKind::SignatureInvalid
    );

    // A stale scheme B timestamp is refused; a tolerance that covers it accepts it.
    let old = yativo::sign_webhook(BODY, "whsec_k", Some(now() - 1000)).unwrap();
    assert_eq!(
        yativo::verify_webhook(BODY, &old, "whsec_k", VerifyOptions::default())
            .unwrap_err()
            .kind(),
        ErrorKind::SignatureInvalid
    );
    let tolerant = VerifyOptions {
        tolerance: Some(Duration::from_secs(2000)),
        ..Default::default()
    };
    yativo::verify_webhook(BODY, &old, "whsec_k", tolerant).unwrap();

    // A tampered body fails; a verified body that is not an object is PROTOCOL.
    let mut tampered = BODY.to_vec();
    tampered[10] ^= 1;
    assert_eq!(
        yativo::verify_webhook(&tampered, &headers, "whsec_k", VerifyOptions::default())
            .unwrap_err()
            .kind(),
        ErrorKind::SignatureInvalid
    );
    let list = yativo::sign_webhook(b"[1]", "whsec_k", None).unwrap();
    assert_eq!(
        yativo::verify_webhook(b"[1]", &list, "whsec_k", VerifyOptions::default())
            .unwrap_err()
            .kind(),
        ErrorKind::Protocol
    );
}

#[test]
fn secret_redacts_and_compares() {
    let s = Secret::new("CANARY-topsecret-rust");
    assert_eq!(format!("{s:?}"), "Secret(\"***\")");
    assert_eq!(s.to_string(), "***");
    assert_eq!(s, Secret::from("CANARY-topsecret-rust"));
    assert_eq!(s.clone().expose(), "CANARY-topsecret-rust");
}

#[test]
fn error_kind_table_and_version() {
    assert_eq!(ErrorKind::ALL.len(), 17);
    assert_eq!(ErrorKind::RateLimited.code(), 206);
    assert_eq!(ErrorKind::from_code(303), Some(ErrorKind::Protocol));
    assert_eq!(ErrorKind::Tls.name(), "TLS");
    assert_eq!(
        format!("{}\0", yativo::version()).as_bytes(),
        yativo::sys::YV_VERSION_STRING
    );
}

#[test]
fn builder_rejects_bad_options_without_io() {
    let err = yativo::Client::builder()
        .use_environment(false)
        .totp_secret("not base32 !")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
    let err = yativo::Client::builder()
        .use_environment(false)
        .timeout(Duration::ZERO)
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
    let err = yativo::Client::builder()
        .use_environment(false)
        .base_url("http://127.0.0.1:1/\0")
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
}
