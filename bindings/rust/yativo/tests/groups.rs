//! The customers, transactions, analytics and webhook-delivery calls against a sandbox: typed
//! records, exact amounts, what one call creates the next one sees.

mod common;

use common::{send, Sandbox, SOLANA_ADDRESS};
use serde_json::json;
use yativo::{CreateForwardingRule, ErrorKind, UpdateForwardingRule};

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

/// A rule's `enabled` is an `Option<bool>`: `None` sends nothing (the server's default on create,
/// no change on update); `Some(true)` and `Some(false)` are sent as they are.
#[test]
fn auto_forwarding_enabled_true_false_or_unset() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (_, asset) = sb.funded_asset(&admin, "1");
    let create = |enabled: Option<bool>| {
        admin
            .auto_forwarding()
            .create(&CreateForwardingRule {
                destination_address: SOLANA_ADDRESS,
                percentage: "10",
                monitoring_mode: "all_wallets",
                asset_id: &asset,
                chain: "solana",
                enabled,
                ..Default::default()
            })
            .unwrap()
    };
    assert_eq!(create(None).enabled, Some(true), "the server's default");
    assert_eq!(create(Some(true)).enabled, Some(true));
    let rule = create(Some(false));
    assert_eq!(rule.enabled, Some(false));
    let update = |percentage: Option<&str>, enabled: Option<bool>| {
        admin
            .auto_forwarding()
            .update(&UpdateForwardingRule {
                rule_id: &rule.id,
                percentage,
                enabled,
                ..Default::default()
            })
            .unwrap()
    };
    let same = update(Some("20"), None);
    assert_eq!(same.percentage.as_deref(), Some("20"));
    assert_eq!(same.enabled, Some(false), "unset on update changes nothing");
    assert_eq!(update(None, Some(true)).enabled, Some(true));
    assert_eq!(update(Some("30"), None).enabled, Some(true));
    assert_eq!(update(None, Some(false)).enabled, Some(false));
    let got = admin.auto_forwarding().get(&rule.id).unwrap();
    assert_eq!(got.enabled, Some(false));
    assert_eq!(got.percentage.as_deref(), Some("30"));
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
