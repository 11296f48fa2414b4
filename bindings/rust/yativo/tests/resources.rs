//! Accounts, assets, balance, gas price, transfers, history, webhooks, the generic request and
//! rate-limit headers, against a sandbox.

mod common;

use common::{send, Sandbox, SOLANA_ADDRESS};
use serde_json::json;
use yativo::{CallOptions, CreateWebhook, TransactionQuery};

#[test]
fn accounts_assets_balance_and_gas_price() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (_, client) = sb.key_client(&admin, &["read", "write"]);

    let created = client.accounts().create("ops", Some("personal")).unwrap();
    assert_eq!(created["account_name"], "ops");
    assert_eq!(created["account_type"], "personal");
    let default_type = client.accounts().create("biz", None).unwrap();
    assert_eq!(default_type["account_type"], "business");
    let accounts = client.accounts().list().unwrap();
    assert_eq!(accounts.as_array().unwrap().len(), 2);
    let account_id = created["account_id"].as_str().unwrap();

    let asset = client
        .assets()
        .add(account_id, "solana", "USDC_SOL")
        .unwrap();
    assert_eq!(asset["balance"], "0");
    let asset_id = asset["asset_id"].as_str().unwrap();
    let other = default_type["account_id"].as_str().unwrap();
    client.assets().add(other, "ethereum", "ETH").unwrap();
    assert_eq!(
        client
            .assets()
            .list(Some(account_id))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        client
            .assets()
            .list(None)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );

    sb.deposit(asset_id, "1250.000000000000000001");
    let balance = client.balance().check(asset_id).unwrap();
    // Exact decimal string: no float on the way.
    assert_eq!(balance["balance"], "1250.000000000000000001");

    let gas = client
        .transactions()
        .gas_price("ethereum", Some("high"), Some(&json!({"amount": "1"})))
        .unwrap();
    assert_eq!(gas["priority"], "high");
    assert_eq!(gas["fee"], "0.002");
    let gas = client
        .transactions()
        .gas_price("solana", None, None)
        .unwrap();
    assert_eq!(gas["priority"], "medium");
}

#[test]
fn send_funds_and_history() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (account, asset) = sb.funded_asset(&admin, "100");
    let mut params = send(&account, &asset, "12.50");
    params.priority = Some("fast");
    params.description = Some("invoice 7");
    let tx = admin.transactions().send_funds(&params).unwrap();
    assert_eq!(tx["amount"], "12.5");
    assert_eq!(tx["priority"], "high");
    assert_eq!(tx["receiving_address"], SOLANA_ADDRESS);
    let key = tx["idempotency_key"].as_str().unwrap();
    assert_eq!(key.len(), 36, "generated UUIDv4: {key}");
    assert_eq!(admin.balance().check(&asset).unwrap()["balance"], "87.499");

    let opts = CallOptions::new().idempotency_key("order-42");
    let tx2 = admin
        .transactions()
        .with(&opts)
        .send_funds(&send(&account, &asset, "1"))
        .unwrap();
    assert_eq!(tx2["idempotency_key"], "order-42");

    let all = admin
        .transactions()
        .list(&TransactionQuery::default())
        .unwrap();
    assert_eq!(all.as_array().unwrap().len(), 2);
    let page = admin
        .transactions()
        .list(&TransactionQuery {
            page: Some(2),
            limit: Some(1),
            status: Some("confirmed"),
            chain: Some("solana"),
            ..Default::default()
        })
        .unwrap();
    let page = page.as_array().unwrap();
    assert_eq!(page.len(), 1);
    assert_eq!(page[0]["transaction_id"], tx["transaction_id"]);
    let found = admin
        .transactions()
        .list(&TransactionQuery {
            search: tx2["transaction_id"].as_str(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(sb.stats()["transactions_created"], 2);
}

#[test]
fn envelope_returns_the_siblings_of_data() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (account, asset) = sb.funded_asset(&admin, "10");
    for _ in 0..3 {
        admin
            .transactions()
            .send_funds(&send(&account, &asset, "0.1"))
            .unwrap();
    }
    let query = TransactionQuery {
        page: Some(1),
        limit: Some(2),
        ..Default::default()
    };
    // The default: `data` alone.
    let page = admin.transactions().list(&query).unwrap();
    assert_eq!(page.as_array().unwrap().len(), 2);

    let opts = CallOptions::new().envelope(true);
    let whole = admin.transactions().with(&opts).list(&query).unwrap();
    assert_eq!(whole["data"], page);
    // Numbers come back as strings, as everywhere in a payload.
    assert_eq!(
        whole["pagination"],
        json!({"page": "1", "limit": "2", "total": "3", "pages": "2"})
    );
    assert_eq!(whole["message"], "Transactions fetched successfully");

    // Every payload call takes it, request() included; send-funds' key stays in `data`.
    let accounts = admin.accounts().with(&opts).list().unwrap();
    assert_eq!(accounts["data"], admin.accounts().list().unwrap());
    let balance = admin.balance().with(&opts).check(&asset).unwrap();
    assert_eq!(balance["data"]["asset_id"], asset.as_str());
    let listed = admin
        .request("GET", "accounts/get-accounts", None, &opts)
        .unwrap();
    assert_eq!(listed["data"], accounts["data"]);
    let keyed = CallOptions::new().envelope(true).idempotency_key("env-1");
    let sent = admin
        .transactions()
        .with(&keyed)
        .send_funds(&send(&account, &asset, "0.1"))
        .unwrap();
    assert_eq!(sent["data"]["idempotency_key"], "env-1");
    assert!(sent.get("idempotency_key").is_none(), "{sent}");
    assert!(sent["message"].is_string());
}

#[test]
fn webhooks_create_list_delete_and_debug_hides_the_secret() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let hook = admin
        .webhooks()
        .create(&CreateWebhook {
            url: "https://example.com/hooks",
            events: &["transaction.completed", "transaction.failed"],
            description: Some("ledger"),
        })
        .unwrap();
    assert!(hook.id.starts_with("wh_"));
    assert_eq!(hook.url, "https://example.com/hooks");
    assert_eq!(hook.events.len(), 2);
    assert_eq!(hook.description.as_deref(), Some("ledger"));
    assert!(!hook.created_at.is_empty());
    let secret = hook.secret.clone().expect("secret shown on create");
    assert!(secret.expose().starts_with("whsec_"));
    assert!(hook.payload.get("secret").is_none());
    assert_eq!(hook.payload["id"], hook.id.as_str());
    let shown = format!("{hook:?} {hook:#?}");
    assert!(!shown.contains(secret.expose()), "{shown}");

    let list = admin.webhooks().list().unwrap();
    assert_eq!(list["webhooks"].as_array().unwrap().len(), 1);
    assert!(!list.to_string().contains(secret.expose()));
    admin.webhooks().delete(&hook.id).unwrap();
    let list = admin.webhooks().list().unwrap();
    assert!(list["webhooks"].as_array().unwrap().is_empty());
}

#[test]
fn generic_request_and_rate_limit_headers() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    assert_eq!(admin.rate_limit(), None);
    let created = admin
        .request(
            "POST",
            "/accounts/create-account",
            Some(&json!({"account_name": "raw", "account_type": "business"})),
            &CallOptions::new().idempotency_key("raw-1"),
        )
        .unwrap();
    assert_eq!(created["account_name"], "raw");
    let listed = admin
        .request("GET", "accounts/get-accounts", None, &CallOptions::new())
        .unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let limit = admin.rate_limit().expect("headers seen");
    assert_eq!(limit.limit, 1_000_000);
    assert!(limit.remaining > 0);
    assert!(limit.reset > 0);
    assert_eq!(admin.base_url(), sb.base_url);
}

#[test]
fn set_access_token_replaces_the_bearer_token() {
    let sb = Sandbox::start();
    let client = sb.builder().access_token("not-a-session").build().unwrap();
    assert_eq!(
        client.accounts().list().unwrap_err().kind(),
        yativo::ErrorKind::Authentication
    );
    client.set_access_token(&sb.session_token).unwrap();
    client.accounts().list().unwrap();
}
