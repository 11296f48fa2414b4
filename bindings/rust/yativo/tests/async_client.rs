//! AsyncClient (the `async` feature) against the sandbox: many calls from one thread, a shared
//! token exchange, cancellation by dropping a future, send-funds under drop_after, each error
//! kind.
#![cfg(feature = "async")]

mod common;

use std::net::TcpListener;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{send, Sandbox};
use futures_util::future::join_all;
use serde_json::json;
use yativo::{AsyncClient, CallFuture, CallOptions, CancelToken, Client, ErrorKind};

/// A runtime on this thread only: every call below is driven from it.
fn current_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap()
}

fn admin_async(sb: &Sandbox) -> AsyncClient {
    AsyncClient::new(Arc::new(sb.admin())).unwrap()
}

#[test]
fn futures_are_send_and_static() {
    fn spawnable<T: Send + 'static>(_: &T) {}
    fn shareable<T: Send + Sync>(_: &T) {}
    let client = Client::builder()
        .base_url("http://127.0.0.1:9/api/v1")
        .access_token("t")
        .use_environment(false)
        .build_async()
        .unwrap();
    shareable(&client);
    let id = String::from("acc_1");
    let call: CallFuture<_> = client.assets().list(Some(&id));
    drop(id); // the future owns copies of its arguments
    spawnable(&call);
    // Never polled: it never started, and nothing is in flight.
    drop(call);
    assert_eq!(client.in_flight(), 0);
}

#[test]
fn two_hundred_calls_on_one_thread_share_one_token_exchange() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (_, key_client) = sb.key_client(&admin, &["read"]);
    let key_client = Arc::new(key_client);
    let before = sb.stats();
    // Each answer waits 200 ms: one at a time this would take 40 s.
    sb.fault(
        json!({"path": "/accounts/get-accounts", "mode": "delay", "delay_ms": 200,
                    "count": 200}),
    );
    let client = AsyncClient::with_max_host_connections(key_client.clone(), Some(100)).unwrap();
    // A blocking caller of the same client at the same time: one token for both.
    let blocking = {
        let key_client = key_client.clone();
        std::thread::spawn(move || key_client.accounts().list().map(|a| a.len()))
    };
    let started = Instant::now();
    let results = current_thread().block_on(join_all((0..200).map(|_| client.accounts().list())));
    let elapsed = started.elapsed();
    for r in &results {
        assert!(r.is_ok(), "{r:?}");
    }
    blocking.join().unwrap().unwrap();
    assert!(elapsed < Duration::from_secs(8), "{elapsed:?}");
    let stats = sb.stats();
    let exchanges =
        stats["token_exchanges"].as_u64().unwrap() - before["token_exchanges"].as_u64().unwrap();
    assert_eq!(exchanges, 1, "{stats}");
    assert_eq!(
        stats["paths"]["/accounts/get-accounts"].as_u64().unwrap(),
        201,
        "{stats}"
    );
    assert!(stats["max_in_flight"].as_u64().unwrap() >= 50, "{stats}");
    assert_eq!(client.in_flight(), 0);
}

#[test]
fn spawned_calls_on_a_multi_thread_runtime() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (_, key_client) = sb.key_client(&admin, &["read"]);
    let before = sb.stats()["token_exchanges"].as_u64().unwrap();
    let client = AsyncClient::new(Arc::new(key_client)).unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_time()
        .build()
        .unwrap();
    let counts = rt.block_on(async {
        let tasks: Vec<_> = (0..100)
            .map(|_| tokio::spawn(client.accounts().list()))
            .collect();
        let mut counts = Vec::new();
        for task in tasks {
            counts.push(task.await.unwrap().unwrap().len());
        }
        counts
    });
    assert_eq!(counts.len(), 100);
    let stats = sb.stats();
    assert_eq!(
        stats["token_exchanges"].as_u64().unwrap() - before,
        1,
        "{stats}"
    );
    assert_eq!(stats["paths"]["/accounts/get-accounts"], 100, "{stats}");
    assert_eq!(client.in_flight(), 0);
}

#[test]
fn dropping_a_future_mid_transfer_cancels_the_call() {
    let sb = Sandbox::start();
    let client = admin_async(&sb);
    let rt = current_thread();
    // A token first, so the dropped call is inside its transfer.
    rt.block_on(client.accounts().list()).unwrap();
    sb.fault(json!({"path": "/accounts/get-accounts", "mode": "delay", "delay_ms": 5000}));
    let started = Instant::now();
    let outcome = rt.block_on(async {
        tokio::time::timeout(Duration::from_millis(300), client.accounts().list()).await
    });
    assert!(outcome.is_err(), "the call ended before the deadline");
    // The drop cancelled it and let the loop settle it: nothing is left in flight.
    assert_eq!(client.in_flight(), 0);
    assert!(started.elapsed() < Duration::from_secs(2));
    // The loop goes on: the next call works (on a new connection).
    let accounts = rt.block_on(client.accounts().list()).unwrap();
    assert!(accounts.is_empty() || !accounts[0].id.is_empty());
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );

    // A CancelToken triggered from another thread ends an awaited call with Cancelled.
    sb.fault(json!({"path": "/accounts/get-accounts", "mode": "delay", "delay_ms": 5000}));
    let token = CancelToken::new();
    let remote = token.clone();
    let canceller = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        remote.cancel();
    });
    let opts = CallOptions::new().cancel(&token);
    let started = Instant::now();
    let err = rt
        .block_on(client.accounts().with(&opts).list())
        .unwrap_err();
    canceller.join().unwrap();
    assert_eq!(err.kind(), ErrorKind::Cancelled, "{err}");
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[test]
fn send_funds_under_drop_after_creates_one_transaction_and_returns_the_key() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (account, asset) = sb.funded_asset(&admin, "100");
    let client = admin_async(&sb);
    let rt = current_thread();

    // Retried with the same key: one transfer.
    sb.fault(json!({"path": "/transactions/send-funds", "mode": "drop_after", "count": 1}));
    let tx = rt
        .block_on(
            client
                .transactions()
                .send_funds(&send(&account, &asset, "10")),
        )
        .unwrap();
    assert_eq!(tx.idempotency_key.len(), 36, "{}", tx.idempotency_key);
    let stats = sb.stats();
    assert_eq!(stats["transactions_created"], 1, "{stats}");
    assert_eq!(stats["paths"]["/transactions/send-funds"], 2, "{stats}");

    // A send dropped mid-transfer, retried with the caller's own key: still one transfer.
    sb.fault(json!({"path": "/transactions/send-funds", "mode": "delay", "delay_ms": 1500}));
    let opts = CallOptions::new().idempotency_key("dropped-send-1");
    let dropped = rt.block_on(async {
        tokio::time::timeout(
            Duration::from_millis(300),
            client
                .transactions()
                .with(&opts)
                .send_funds(&send(&account, &asset, "1")),
        )
        .await
    });
    assert!(dropped.is_err());
    assert_eq!(client.in_flight(), 0);
    std::thread::sleep(Duration::from_millis(1600)); // the server finishes the dropped request
    let retried = rt
        .block_on(
            client
                .transactions()
                .with(&opts)
                .send_funds(&send(&account, &asset, "1")),
        )
        .unwrap();
    assert_eq!(retried.idempotency_key, "dropped-send-1");
    assert_eq!(sb.stats()["transactions_created"], 2, "{}", sb.stats());

    // Without retries: the error carries the key; a retry with it sends nothing new.
    let no_retry = AsyncClient::new(Arc::new(
        sb.builder()
            .access_token(sb.session_token.as_str())
            .max_retries(0)
            .build()
            .unwrap(),
    ))
    .unwrap();
    sb.fault(json!({"path": "/transactions/send-funds", "mode": "drop_after", "count": 1}));
    let err = rt
        .block_on(
            no_retry
                .transactions()
                .send_funds(&send(&account, &asset, "5")),
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
    assert!(err.outcome_unknown(), "{err:?}");
    let key = err.idempotency_key().expect("key on the error").to_string();
    assert_eq!(sb.stats()["transactions_created"], 3);
    let opts = CallOptions::new().idempotency_key(key.as_str());
    let again = rt
        .block_on(
            no_retry
                .transactions()
                .with(&opts)
                .send_funds(&send(&account, &asset, "5")),
        )
        .unwrap();
    assert_eq!(again.idempotency_key, key);
    assert_eq!(sb.stats()["transactions_created"], 3);
    assert_eq!(admin.balance().check(&asset).unwrap().balance, "83.997");
}

#[test]
fn each_error_kind_through_the_loop() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (account, asset) = sb.funded_asset(&admin, "5");
    let client = admin_async(&sb);
    let rt = current_thread();

    // Invalid arguments: the future's error, before any I/O.
    let requests = sb.stats()["requests"].clone();
    let err = rt.block_on(client.api_keys().get("bad\0id")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
    let err = rt
        .block_on(
            client
                .transactions()
                .send_funds(&send(&account, &asset, "1e3")),
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument, "{err}");
    assert_eq!(sb.stats()["requests"], requests);

    // 401 at the token exchange; the secret never shows.
    let (key, _) = sb.key_client(&admin, &["read"]);
    let wrong_secret = "CANARY-wrong-secret-rust-async";
    let wrong = sb
        .builder()
        .api_key(key.api_key.as_str(), wrong_secret)
        .build_async()
        .unwrap();
    let err = rt.block_on(wrong.accounts().list()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication, "{err}");
    assert_eq!(err.http_status(), Some(401));
    assert!(!format!("{err:?}").contains(wrong_secret));

    // 2FA required: key management without a code or TOTP source.
    let no_totp = sb
        .builder()
        .access_token(sb.session_token.as_str())
        .build_async()
        .unwrap();
    let err = rt.block_on(no_totp.api_keys().revoke(&key.id)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::TwoFactorRequired, "{err}");

    // 403
    let (_, read_only) = sb.key_client(&admin, &["read"]);
    let read_only = AsyncClient::new(Arc::new(read_only)).unwrap();
    let err = rt
        .block_on(read_only.accounts().create("x", None))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::PermissionDenied, "{err}");
    assert_eq!(err.error_code(), Some("forbidden"));

    // 404
    let err = rt
        .block_on(client.api_keys().get("key_000000000000000000000000"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
    assert!(err.request_id().unwrap().starts_with("req_"));

    // 409: one key, two different transfers.
    let opts = CallOptions::new().idempotency_key("dup-async");
    let first = rt
        .block_on(
            client
                .transactions()
                .with(&opts)
                .send_funds(&send(&account, &asset, "1")),
        )
        .unwrap();
    let err = rt
        .block_on(
            client
                .transactions()
                .with(&opts)
                .send_funds(&send(&account, &asset, "2")),
        )
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    assert_eq!(err.existing_transaction_id(), first.id.as_deref());

    // 400 with details through the generic request; 422 more than the balance.
    let err = rt
        .block_on(client.request(
            "POST",
            "/accounts/create-account",
            Some(&json!({"account_type": "business"})),
            &CallOptions::new(),
        ))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation, "{err}");
    assert!(err.details().unwrap().get("account_name").is_some());
    let err = rt
        .block_on(
            client
                .transactions()
                .send_funds(&send(&account, &asset, "1000")),
        )
        .unwrap_err();
    assert_eq!(err.error_code(), Some("insufficient_balance"), "{err}");
    assert_eq!(err.http_status(), Some(422));

    // 429 whose wait passes the deadline: at once.
    sb.fault(
        json!({"path": "/accounts/get-accounts", "mode": "respond", "status": 429,
                    "retry_after": 120, "count": 5}),
    );
    let started = Instant::now();
    let opts = CallOptions::new().timeout(Duration::from_secs(5));
    let err = rt
        .block_on(client.accounts().with(&opts).list())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::RateLimited, "{err}");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(120)));
    assert!(started.elapsed() < Duration::from_secs(3));
    sb.control("DELETE", "/__sandbox/faults", None);

    // 503 after the retries (backoff timers on the loop).
    let two_retries = sb
        .builder()
        .access_token(sb.session_token.as_str())
        .max_retries(2)
        .build_async()
        .unwrap();
    let before = sb.stats()["paths"]["/accounts/get-accounts"]
        .as_u64()
        .unwrap_or(0);
    sb.fault(
        json!({"path": "/accounts/get-accounts", "mode": "respond", "status": 503,
                    "count": 10}),
    );
    let err = rt.block_on(two_retries.accounts().list()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Server, "{err}");
    assert!(err.retryable());
    assert_eq!(
        sb.stats()["paths"]["/accounts/get-accounts"]
            .as_u64()
            .unwrap()
            - before,
        3
    );
    sb.control("DELETE", "/__sandbox/faults", None);

    // A deadline, then an answer that is not JSON.
    sb.fault(json!({"path": "/accounts/get-accounts", "mode": "delay", "delay_ms": 3000}));
    let opts = CallOptions::new().timeout(Duration::from_millis(300));
    let err = rt
        .block_on(client.accounts().with(&opts).list())
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
    sb.control("DELETE", "/__sandbox/faults", None);
    sb.fault(json!({"path": "/accounts/get-accounts", "mode": "garbage", "count": 10}));
    let err = rt.block_on(client.accounts().list()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Protocol, "{err}");

    // Nobody listening.
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let refused = Client::builder()
        .base_url(format!("http://127.0.0.1:{port}/api/v1"))
        .access_token("t")
        .use_environment(false)
        .max_retries(1)
        .backoff_base(Duration::from_millis(10))
        .build_async()
        .unwrap();
    let err = rt.block_on(refused.accounts().list()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network, "{err}");
}

#[test]
fn transaction_pages_walk_the_history_and_survive_a_dropped_page() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (account, asset) = sb.funded_asset(&admin, "10");
    for _ in 0..5 {
        admin
            .transactions()
            .send_funds(&send(&account, &asset, "0.1"))
            .unwrap();
    }
    let client = admin_async(&sb);
    let rt = current_thread();
    let query = yativo::TransactionQuery {
        limit: Some(2),
        ..Default::default()
    };
    let mut pages = client.transactions().pages(&query);
    let mut sizes = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    rt.block_on(async {
        // The first page's call is dropped mid-transfer: the same page is asked for again.
        sb.fault(
            json!({"path": "/transactions/get-transactions", "mode": "delay",
                        "delay_ms": 3000}),
        );
        let dropped = tokio::time::timeout(Duration::from_millis(200), pages.next_page()).await;
        assert!(dropped.is_err());
        while let Some(page) = pages.next_page().await.unwrap() {
            sizes.push(page.len());
            ids.extend(page.into_iter().map(|t| t.id));
        }
        assert!(pages.next_page().await.unwrap().is_none());
    });
    assert_eq!(sizes, [2, 2, 1]);
    assert_eq!(ids.len(), 5);
    assert_eq!(client.in_flight(), 0);
}

#[test]
fn a_call_of_each_group_at_once() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (key, key_client) = sb.key_client(&admin, &["read"]);
    let (account, asset) = sb.funded_asset(&admin, "3");
    let client = admin_async(&sb);
    let keyed = AsyncClient::new(Arc::new(key_client)).unwrap();
    let query = yativo::TransactionQuery::default();
    let rt = current_thread();
    let (keys, accounts, assets, balance, txs, hooks, dash, rules, customers, swap, token) = rt
        .block_on(async {
            tokio::join!(
                client.api_keys().list(),
                client.accounts().list(),
                client.assets().list(Some(&account)),
                client.balance().check(&asset),
                client.transactions().list(&query),
                client.webhooks().list(),
                client.analytics().dashboard(),
                client.auto_forwarding().list(),
                client.customers().list(None, Some(5), None, None),
                client.swap().get_assets(),
                keyed.token(),
            )
        });
    assert!(keys.unwrap().iter().any(|k| k.id == key.id));
    assert!(accounts.unwrap().iter().any(|a| a.id == account));
    assert_eq!(assets.unwrap()[0].id, asset);
    assert_eq!(balance.unwrap().balance, "3");
    assert!(txs.unwrap().is_empty());
    assert!(hooks.unwrap().is_empty());
    assert!(dash.unwrap().is_object());
    assert!(rules.unwrap().is_empty());
    assert!(customers.unwrap().is_empty());
    assert!(!swap.unwrap().is_null());
    let token = token.unwrap();
    assert_eq!(token.token_type, "Bearer");
    assert!(!token.access_token.expose().is_empty());
}

#[test]
fn runs_without_tokio_under_async_io_block_on() {
    // async-io's block_on drives the reactor on this thread: no runtime, no other thread.
    let sb = Sandbox::start();
    let client = admin_async(&sb);
    sb.fault(
        json!({"path": "/accounts/get-accounts", "mode": "delay", "delay_ms": 100,
                    "count": 20}),
    );
    let started = Instant::now();
    let results = async_io::block_on(join_all((0..20).map(|_| client.accounts().list())));
    assert!(results.iter().all(|r| r.is_ok()), "{results:?}");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    let timer = async_io::block_on(async {
        let opts = CallOptions::new().timeout(Duration::from_millis(200));
        sb.fault(json!({"path": "/accounts/get-accounts", "mode": "delay", "delay_ms": 2000}));
        client.accounts().with(&opts).list().await
    });
    assert_eq!(timer.unwrap_err().kind(), ErrorKind::Timeout);
}
