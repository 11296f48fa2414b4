//! The webhook verifier against real deliveries: the sandbox POSTs a deposit event and a test
//! event, signed with both schemes, to a receiver here (a plain TcpListener reading one HTTP/1.1
//! request per connection); `verify_webhook` accepts them as received and refuses them once
//! anything is changed.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;

use common::Sandbox;
use yativo::{ErrorKind, VerifyOptions};

type Delivery = (Vec<u8>, Vec<(String, String)>);

/// A receiver on 127.0.0.1 that answers 200 to every POST and hands each body and its headers on.
fn receiver() -> (String, mpsc::Receiver<Delivery>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hooks", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut headers = Vec::new();
            let mut length = 0usize;
            let mut line = String::new();
            reader.read_line(&mut line).unwrap(); // the request line
            loop {
                line.clear();
                reader.read_line(&mut line).unwrap();
                let trimmed = line.trim_end();
                if trimmed.is_empty() {
                    break;
                }
                if let Some((name, value)) = trimmed.split_once(':') {
                    let value = value.trim().to_string();
                    if name.eq_ignore_ascii_case("content-length") {
                        length = value.parse().unwrap();
                    }
                    headers.push((name.to_string(), value));
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .unwrap();
            if tx.send((body, headers)).is_err() {
                return;
            }
        }
    });
    (url, rx)
}

fn replace(body: &[u8], from: &str, to: &str) -> Vec<u8> {
    String::from_utf8(body.to_vec())
        .unwrap()
        .replacen(from, to, 1)
        .into_bytes()
}

#[test]
fn real_deliveries_verify_and_changed_ones_do_not() {
    let sb = Sandbox::start_with(&["--webhook-retry-ms", "100"]);
    let admin = sb.admin();
    let (url, deliveries) = receiver();
    let hook = admin
        .webhooks()
        .create(&yativo::CreateWebhook {
            url: &url,
            events: &["deposit.received", "webhook.test"],
            description: None,
        })
        .unwrap();
    let secret = hook.secret.clone().expect("secret shown on create");
    let secret = secret.expose();
    let account = admin.accounts().create("rs-hooks", None).unwrap();
    let asset = admin
        .assets()
        .add(&account.id, "solana", "USDC_SOL")
        .unwrap();
    sb.deposit(&asset.id, "12.5");
    let wait = Duration::from_secs(10);
    let (body, headers) = deliveries.recv_timeout(wait).expect("a deposit delivery");
    admin.webhooks().test(&hook.id).unwrap();
    let (test_body, test_headers) = deliveries.recv_timeout(wait).expect("a test delivery");

    let opts = VerifyOptions::default();
    let event = yativo::verify_webhook(&body, &headers, secret, opts).unwrap();
    assert_eq!(event.r#type, "deposit.received");
    assert_eq!(event.data["amount"], "12.5");
    assert_eq!(event.data["asset_id"], asset.id.as_str());
    let test_event = yativo::verify_webhook(&test_body, &test_headers, secret, opts).unwrap();
    assert_eq!(test_event.r#type, "webhook.test");
    assert_ne!(test_event.id, event.id);

    // Scheme A alone verifies unless timestamps are required.
    let scheme_a: Vec<_> = headers
        .iter()
        .filter(|(name, _)| !name.to_ascii_lowercase().starts_with("x-yativo-"))
        .cloned()
        .collect();
    assert_eq!(
        yativo::verify_webhook(&body, &scheme_a, secret, opts)
            .unwrap()
            .id,
        event.id
    );
    let strict = VerifyOptions {
        require_timestamp: true,
        ..opts
    };
    let refused = yativo::verify_webhook(&body, &scheme_a, secret, strict).unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::SignatureInvalid);
    // A changed byte, another secret, a stale timestamp: refused.
    let tampered = replace(&body, "12.5", "92.5");
    let err = yativo::verify_webhook(&tampered, &headers, secret, opts).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::SignatureInvalid);
    let other = format!("{secret}x");
    let err = yativo::verify_webhook(&body, &headers, &other, opts).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::SignatureInvalid);
    let stale: Vec<_> = headers
        .iter()
        .map(|(name, value)| {
            if name.eq_ignore_ascii_case("x-yativo-timestamp") {
                let ts: i64 = value.parse().unwrap();
                (name.clone(), (ts - 3600).to_string())
            } else {
                (name.clone(), value.clone())
            }
        })
        .collect();
    let err = yativo::verify_webhook(&body, &stale, secret, opts).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::SignatureInvalid);
}
