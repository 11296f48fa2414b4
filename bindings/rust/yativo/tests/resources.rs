//! Accounts, assets, balance, gas price, transfers, history, webhooks, the generic request and
//! rate-limit headers, against a sandbox.

mod common;

use common::{send, Sandbox, SOLANA_ADDRESS};
use serde_json::{json, Value};
use yativo::{CallOptions, CreateWebhook, ErrorKind, TransactionQuery};

#[test]
fn accounts_assets_balance_and_gas_price() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (_, client) = sb.key_client(&admin, &["read", "write"]);

    let created = client.accounts().create("ops", Some("personal")).unwrap();
    assert!(created.id.starts_with("acc_"), "{created:?}");
    assert_eq!(created.name.as_deref(), Some("ops"));
    assert_eq!(created.r#type.as_deref(), Some("personal"));
    assert_eq!(created.status.as_deref(), Some("active"));
    let default_type = client.accounts().create("biz", None).unwrap();
    assert_eq!(default_type.r#type.as_deref(), Some("business"));
    let accounts = client.accounts().list().unwrap();
    assert_eq!(accounts.len(), 2);
    assert_eq!(
        accounts.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        [created.id.as_str(), default_type.id.as_str()]
    );
    let account_id = created.id.as_str();

    let asset = client
        .assets()
        .add(account_id, "solana", "USDC_SOL")
        .unwrap();
    assert_eq!(asset.balance.as_deref(), Some("0"));
    assert_eq!(asset.account_id.as_deref(), Some(account_id));
    assert_eq!(asset.chain.as_deref(), Some("solana"));
    assert_eq!(asset.ticker.as_deref(), Some("USDC_SOL"));
    assert!(asset.address.as_deref().is_some_and(|a| !a.is_empty()));
    let asset_id = asset.id.as_str();
    client
        .assets()
        .add(&default_type.id, "ethereum", "ETH")
        .unwrap();
    let listed = client.assets().list(Some(account_id)).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, asset.id);
    assert_eq!(client.assets().list(None).unwrap().len(), 2);

    sb.deposit(asset_id, "1250.000000000000000001");
    let balance = client.balance().check(asset_id).unwrap();
    // Exact decimal string: no float on the way.
    assert_eq!(balance.balance, "1250.000000000000000001");
    assert_eq!(balance.asset_id.as_deref(), Some(asset_id));

    let gas = client
        .transactions()
        .gas_price(
            "ethereum",
            Some("high"),
            None,
            None,
            None,
            Some(&json!({"amount": "1"})),
        )
        .unwrap();
    assert_eq!(gas["priority"], "high");
    assert_eq!(gas["fee"], "0.002");
    let gas = client
        .transactions()
        .gas_price("solana", None, None, None, None, None)
        .unwrap();
    assert_eq!(gas["priority"], "medium");
    assert!(gas.get("amount_usd").is_none(), "{gas}");
    assert_eq!(gas["feeCurrency"], "SOL");
    // amount_usd, asset_id and token_symbol are typed; the sandbox echoes what it used.
    let gas = client
        .transactions()
        .gas_price(
            "solana",
            Some("low"),
            Some("25.50"),
            Some(asset_id),
            Some("usdc"),
            None,
        )
        .unwrap();
    assert_eq!(gas["amount_usd"], "25.5");
    assert_eq!(gas["asset_id"], asset_id);
    assert_eq!(gas["token_symbol"], "USDC");
    assert_eq!(gas["feeCurrency"], "USDC");
    let err = client
        .transactions()
        .gas_price("solana", None, Some("1e3"), None, None, None)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    let err = client
        .transactions()
        .gas_price("solana", None, None, Some(asset_id), Some("DAI"), None)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
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
    assert_eq!(tx.amount.as_deref(), Some("12.5"));
    assert_eq!(tx.fee.as_deref(), Some("0.001"));
    assert_eq!(tx.total_debited.as_deref(), Some("12.501"));
    assert_eq!(tx.balance_after.as_deref(), Some("87.499"));
    assert_eq!(tx.status.as_deref(), Some("confirmed"));
    // Fields the record does not name stay in raw.
    assert_eq!(tx.raw["priority"], "high");
    assert_eq!(tx.raw["receiving_address"], SOLANA_ADDRESS);
    assert_eq!(tx.idempotency_key.len(), 36, "generated UUIDv4: {tx:?}");
    assert_eq!(admin.balance().check(&asset).unwrap().balance, "87.499");

    let opts = CallOptions::new().idempotency_key("order-42");
    let tx2 = admin
        .transactions()
        .with(&opts)
        .send_funds(&send(&account, &asset, "1"))
        .unwrap();
    assert_eq!(tx2.idempotency_key, "order-42");

    let all = admin
        .transactions()
        .list(&TransactionQuery::default())
        .unwrap();
    assert_eq!(all.len(), 2);
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
    assert_eq!(page.len(), 1);
    assert_eq!(Some(page[0].id.as_str()), tx.id.as_deref());
    assert_eq!(page[0].amount.as_deref(), Some("12.5"));
    let found = admin
        .transactions()
        .list(&TransactionQuery {
            search: tx2.id.as_deref(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(Some(found[0].id.as_str()), tx2.id.as_deref());
    assert_eq!(sb.stats()["transactions_created"], 2);
}

#[test]
fn envelope_returns_the_siblings_of_data_where_a_call_returns_json() {
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
    let page = admin.transactions().list(&query).unwrap();
    assert_eq!(page.len(), 2);

    // A call returning records returns the same records with the option.
    let opts = CallOptions::new().envelope(true);
    assert_eq!(admin.transactions().with(&opts).list(&query).unwrap(), page);
    let accounts = admin.accounts().list().unwrap();
    assert_eq!(admin.accounts().with(&opts).list().unwrap(), accounts);
    let balance = admin.balance().with(&opts).check(&asset).unwrap();
    assert_eq!(balance.asset_id.as_deref(), Some(asset.as_str()));
    assert_eq!(balance.balance, "9.697");

    // request() returns the whole answer: `data` (each record's raw) and its siblings.
    let body = json!({"page": 1, "limit": 2});
    let whole = admin
        .request("POST", "transactions/get-transactions", Some(&body), &opts)
        .unwrap();
    assert_eq!(
        whole["data"],
        Value::Array(page.iter().map(|t| t.raw.value().clone()).collect())
    );
    // Numbers come back as strings, as everywhere in a payload.
    assert_eq!(
        whole["pagination"],
        json!({"page": "1", "limit": "2", "total": "3", "pages": "2"})
    );
    assert_eq!(whole["message"], "Transactions fetched successfully");
    let listed = admin
        .request("GET", "accounts/get-accounts", None, &opts)
        .unwrap();
    assert_eq!(
        listed["data"],
        Value::Array(accounts.iter().map(|a| a.raw.value().clone()).collect())
    );
    let gas = admin
        .transactions()
        .with(&opts)
        .gas_price("solana", None, None, None, None, None)
        .unwrap();
    assert_eq!(gas["data"]["priority"], "medium");
    assert!(gas["message"].is_string(), "{gas}");

    // send-funds' record is the transaction itself, with the call's key.
    let keyed = CallOptions::new().envelope(true).idempotency_key("env-1");
    let sent = admin
        .transactions()
        .with(&keyed)
        .send_funds(&send(&account, &asset, "0.1"))
        .unwrap();
    assert_eq!(sent.idempotency_key, "env-1");
    assert_eq!(sent.raw["idempotency_key"], "env-1");
    assert!(sent.raw.get("message").is_none(), "{:?}", sent.raw);
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

    // The list holds the same subscription as Webhook records, without its secret.
    let list = admin.webhooks().list().unwrap();
    assert_eq!(list.len(), 1);
    let listed = &list[0];
    assert_eq!(listed.id, hook.id);
    assert_eq!(listed.url, hook.url);
    assert_eq!(
        listed.events,
        ["transaction.completed", "transaction.failed"]
    );
    assert_eq!(listed.description.as_deref(), Some("ledger"));
    assert_eq!(listed.created_at, hook.created_at);
    assert_eq!(listed.secret, None);
    assert_eq!(listed.payload["id"], hook.id.as_str());
    let shown = format!("{list:?} {}", listed.payload);
    assert!(!shown.contains(secret.expose()), "{shown}");
    admin.webhooks().delete(&hook.id).unwrap();
    assert!(admin.webhooks().list().unwrap().is_empty());
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
