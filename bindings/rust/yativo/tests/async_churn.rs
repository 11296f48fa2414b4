//! Connections closed and reopened while calls wait for one: every call still ends.
#![cfg(feature = "async")]

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::Sandbox;
use futures_util::future::join_all;
use serde_json::json;
use yativo::{AsyncClient, CallOptions};

#[test]
fn calls_queued_behind_dropped_connections_all_end() {
    let sb = Sandbox::start();
    let admin = sb
        .builder()
        .access_token(sb.session_token.as_str())
        .max_retries(3)
        .build()
        .unwrap();
    let client = AsyncClient::with_max_host_connections(Arc::new(admin), Some(3)).unwrap();
    sb.fault(json!({"path": "/accounts/get-accounts", "mode": "drop_after", "count": 60}));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let opts = CallOptions::new().timeout(Duration::from_secs(10));
    let started = Instant::now();
    let results = rt.block_on(join_all(
        (0..80).map(|_| client.accounts().with(&opts).list()),
    ));
    let elapsed = started.elapsed();
    for r in &results {
        assert!(r.is_ok(), "{r:?}");
    }
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    let stats = sb.stats();
    // Each dropped answer was asked for again (a read is retried), on a new connection.
    assert_eq!(stats["paths"]["/accounts/get-accounts"], 140, "{stats}");
    assert!(stats["connections"].as_u64().unwrap() >= 60, "{stats}");
    assert_eq!(client.in_flight(), 0);
}
