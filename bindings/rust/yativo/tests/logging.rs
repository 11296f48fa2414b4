//! The log closure: lines arrive, never a secret; a panic stays on the Rust side.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use common::Sandbox;
use yativo::{CreateKey, LogLevel};

#[test]
fn log_lines_arrive_without_secrets_and_the_closure_is_freed() {
    let sb = Sandbox::start();
    let lines = Arc::new(Mutex::new(Vec::<(LogLevel, String)>::new()));
    let sink = Arc::clone(&lines);
    let admin = sb
        .builder()
        .access_token(sb.session_token.as_str())
        .totp_secret(sb.totp_secret.as_str())
        .logger(LogLevel::Debug, move |level, line| {
            sink.lock().unwrap().push((level, line.to_string()));
        })
        .build()
        .unwrap();
    let key = admin
        .api_keys()
        .create(&CreateKey {
            name: "logged",
            permissions: &["read"],
            expires_in_days: None,
            allowed_ips: &[],
        })
        .unwrap();
    let secret = key.api_secret.clone().unwrap();
    let client = sb
        .builder()
        .api_key(key.api_key.as_str(), secret.clone())
        .logger(LogLevel::Debug, {
            let sink = Arc::clone(&lines);
            move |level, line| sink.lock().unwrap().push((level, line.to_string()))
        })
        .build()
        .unwrap();
    let token = client.token().unwrap();
    client.accounts().list().unwrap();

    {
        let lines = lines.lock().unwrap();
        assert!(lines.len() >= 4, "{lines:?}");
        assert!(lines.iter().any(|(l, _)| *l == LogLevel::Debug));
        assert!(
            lines
                .iter()
                .any(|(_, s)| s.contains("/accounts/get-accounts")),
            "{lines:?}"
        );
        for (_, line) in lines.iter() {
            for secret in [
                sb.session_token.as_str(),
                sb.totp_secret.as_str(),
                secret.expose(),
                token.access_token.expose(),
            ] {
                assert!(!line.contains(secret), "secret in log line {line:?}");
            }
        }
    }
    // Each client holds its closure (and so a clone of `lines`) until it is dropped: then
    // the library calls the free function, which drops the box.
    assert_eq!(Arc::strong_count(&lines), 3);
    drop(admin);
    drop(client);
    assert_eq!(Arc::strong_count(&lines), 1);
}

#[test]
fn a_panicking_logger_is_caught_and_switched_off() {
    let sb = Sandbox::start();
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&calls);
    let client = sb
        .builder()
        .access_token(sb.session_token.as_str())
        .logger(LogLevel::Debug, move |_, _| {
            seen.fetch_add(1, Ordering::SeqCst);
            panic!("logger bug");
        })
        .build()
        .unwrap();
    // Calls go on; the panic never unwinds into C (that would abort this test process).
    client.accounts().list().unwrap();
    client.accounts().list().unwrap();
    assert_eq!(
        calls.load(Ordering::SeqCst),
        1,
        "switched off after the panic"
    );
    drop(client);
    assert_eq!(Arc::strong_count(&calls), 1);
}
