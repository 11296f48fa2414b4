//! The customers, transactions, analytics and webhook-delivery calls against a sandbox: typed
//! records, exact amounts, what one call creates the next one sees.

mod common;

use common::{send, Sandbox};
use serde_json::json;
use yativo::ErrorKind;

#[test]
fn customers_transactions_and_analytics() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let c = admin
        .customers()
        .create("rs-cust@example.com", Some("Rust Customer"), None, None)
        .unwrap();
    let listed = admin
        .customers()
        .list(None, Some(10), Some("rs-cust@"), None)
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, c.id);
    assert_eq!(listed[0].name.as_deref(), Some("Rust Customer"));
    assert!(admin
        .customers()
        .get_transactions(&c.id, None, None)
        .unwrap()
        .is_empty());
    let err = admin
        .customers()
        .get_transactions("cus_000000000000000000000000", None, None)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotFound, "{err}");

    let (account, asset) = sb.funded_asset(&admin, "10");
    let sent = admin
        .transactions()
        .send_funds(&send(&account, &asset, "2.000000000000000001"))
        .unwrap();
    let tx = admin
        .transactions()
        .get(sent.id.as_deref().unwrap())
        .unwrap();
    assert_eq!(tx.amount.as_deref(), Some("2.000000000000000001"));
    let history = admin
        .transactions()
        .asset_history(&asset, None, Some(5))
        .unwrap();
    assert!(history.iter().any(|t| t.id == tx.id));
    assert!(admin.analytics().transactions().unwrap().is_object());
    assert!(admin.analytics().dashboard().unwrap().is_object());
}

#[test]
fn webhook_test_and_its_deliveries() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let hook = admin
        .webhooks()
        .create(&yativo::CreateWebhook {
            url: "https://example.com/rs",
            events: &["transaction.confirmed"],
            description: None,
        })
        .unwrap();
    let queued = admin.webhooks().test(&hook.id).unwrap();
    assert_eq!(queued["type"], json!("webhook.test"));
    let deliveries = admin
        .webhooks()
        .events(&hook.id, None, Some(10), None)
        .unwrap();
    assert_eq!(deliveries.len(), 1);
    assert_eq!(
        deliveries[0].event_id.as_deref(),
        queued["event_id"].as_str()
    );
    assert_eq!(deliveries[0].webhook_id.as_deref(), Some(hook.id.as_str()));
    let err = admin
        .webhooks()
        .events(&hook.id, None, None, Some("done"))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
}
