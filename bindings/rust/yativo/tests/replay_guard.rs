//! The webhook replay guard (`WebhookVerifier`), offline. Its invented secrets hold CANARY: the
//! test run searches all output for them.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use yativo::{ErrorKind, VerifierOptions, WebhookVerifier};

const SECRET: &str = "whsec_CANARY_rust_guard";

fn body(id: &str) -> Vec<u8> {
    format!(r#"{{"id":"{id}","type":"transaction.completed","data":{{"amount":"1.5"}}}}"#)
        .into_bytes()
}

#[test]
fn first_delivery_accepted_and_replay_refused() {
    let guard = WebhookVerifier::new(SECRET, VerifierOptions::default()).unwrap();
    let b = body("evt_rs_1");
    let headers = yativo::sign_webhook(&b, SECRET, None).unwrap();
    assert_eq!(guard.verify(&b, &headers).unwrap().id, "evt_rs_1");
    let err = guard.verify(&b, &headers).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::SignatureInvalid);
    assert!(err.message().contains("replay"), "{}", err.message());
    assert!(!err.message().contains(SECRET));
    assert_eq!(err.error_code(), Some("webhook_replay"));

    // Stripped of its scheme B headers: verify_webhook alone accepts it (the control), the
    // guard does not.
    let stripped: Vec<_> = headers
        .iter()
        .filter(|(n, _)| n == "X-Webhook-Signature")
        .cloned()
        .collect();
    assert_eq!(stripped.len(), 1);
    yativo::verify_webhook(&b, &stripped, SECRET, yativo::VerifyOptions::default()).unwrap();
    let err = guard.verify(&b, &stripped).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::SignatureInvalid);

    let other = body("evt_rs_2");
    let h2 = yativo::sign_webhook(&other, SECRET, None).unwrap();
    assert_eq!(guard.verify(&other, &h2).unwrap().id, "evt_rs_2");
}

#[test]
fn event_without_id_is_refused() {
    let guard = WebhookVerifier::new(SECRET, VerifierOptions::default()).unwrap();
    let b = br#"{"type":"transaction.completed"}"#;
    let headers = yativo::sign_webhook(b, SECRET, None).unwrap();
    let err = guard.verify(b, &headers).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Protocol);
}

#[test]
fn shared_between_threads_accepts_once() {
    let guard = Arc::new(WebhookVerifier::new(SECRET, VerifierOptions::default()).unwrap());
    let b = Arc::new(body("evt_rs_race"));
    let headers = Arc::new(yativo::sign_webhook(&b, SECRET, None).unwrap());
    let accepted = Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let (guard, b, headers, accepted) =
                (guard.clone(), b.clone(), headers.clone(), accepted.clone());
            std::thread::spawn(move || match guard.verify(&b, &headers) {
                Ok(_) => {
                    accepted.fetch_add(1, Ordering::SeqCst);
                }
                Err(e) => assert_eq!(e.kind(), ErrorKind::SignatureInvalid),
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(accepted.load(Ordering::SeqCst), 1);
}

#[test]
fn bad_options_are_invalid_argument() {
    let zero_window = VerifierOptions {
        window: Some(Duration::ZERO),
        ..Default::default()
    };
    let zero_max = VerifierOptions {
        max_events: Some(0),
        ..Default::default()
    };
    for (secret, options) in [
        ("", VerifierOptions::default()),
        (SECRET, zero_window),
        (SECRET, zero_max),
    ] {
        let err = WebhookVerifier::new(secret, options).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    }
    // At the bound the oldest id is forgotten first.
    let one = VerifierOptions {
        max_events: Some(1),
        ..Default::default()
    };
    let guard = WebhookVerifier::new(SECRET, one).unwrap();
    let (a, b) = (body("evt_rs_a"), body("evt_rs_b"));
    let (ha, hb) = (
        yativo::sign_webhook(&a, SECRET, None).unwrap(),
        yativo::sign_webhook(&b, SECRET, None).unwrap(),
    );
    guard.verify(&a, &ha).unwrap();
    guard.verify(&b, &hb).unwrap();
    guard.verify(&a, &ha).unwrap();
    assert_eq!(
        guard.verify(&a, &ha).unwrap_err().kind(),
        ErrorKind::SignatureInvalid
    );
}

#[test]
fn debug_never_shows_the_secret() {
    let guard = WebhookVerifier::new(SECRET, VerifierOptions::default()).unwrap();
    assert!(!format!("{guard:?}").contains("CANARY"));
}
