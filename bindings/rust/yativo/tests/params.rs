//! json and query parameters against a sandbox: a GET's parameter travels in the query string (the
//! sandbox filters by it), a json parameter is sent as the value it is.

mod common;

use common::Sandbox;
use serde_json::json;
use yativo::ErrorKind;

#[test]
fn get_connections_sends_the_account_in_the_query() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let a = admin.accounts().create("rs-conn-a", None).unwrap();
    let b = admin.accounts().create("rs-conn-b", None).unwrap();
    admin
        .accounts()
        .create_connections(&a.id, &["solana"])
        .unwrap();
    // An empty slice is unset: every supported chain.
    admin.accounts().create_connections(&b.id, &[]).unwrap();
    let only = admin.accounts().get_connections(Some(&a.id)).unwrap();
    let only = only.as_array().expect("a list");
    assert_eq!(only.len(), 1, "{only:?}");
    assert_eq!(only[0]["account_id"], a.id.as_str());
    assert_eq!(only[0]["chain"], "solana");
    let every = admin.accounts().get_connections(None).unwrap();
    let b_chains = every
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["account_id"] == b.id.as_str())
        .count();
    assert!(b_chains > 1, "{every}");
    let err = admin
        .accounts()
        .get_connections(Some("acc_000000000000000000000000"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");
}

#[test]
fn create_customer_sends_json_metadata() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let metadata = json!({"tier": "gold", "tags": ["a", "b"], "nested": {"ok": true}});
    let c = admin
        .customers()
        .create("rs-json@example.com", Some("Rust"), None, Some(&metadata))
        .unwrap();
    assert_eq!(c.email.as_deref(), Some("rs-json@example.com"));
    assert_eq!(c.raw["metadata"], metadata, "{}", c.raw);
    let plain = admin
        .customers()
        .create("rs-plain@example.com", None, None, None)
        .unwrap();
    assert!(
        plain
            .raw
            .get("metadata")
            .map_or(true, |m| m.is_null() || m == &json!({})),
        "{}",
        plain.raw
    );
}
