//! The typed records against a sandbox: what the typing adds over the JSON the server sends
//! (exact decimal text, integers from numeric strings, absent fields as None, the rest in raw,
//! the transfer's idempotency key).

mod common;

use common::{send, Sandbox, SOLANA_ADDRESS};
use yativo::{CallOptions, TransactionQuery};

const TINY: &str = "0.000000000000000001";

#[test]
fn amounts_keep_every_digit_of_the_decimal_text() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let account = admin.accounts().create("dust", None).unwrap();
    let asset = admin
        .assets()
        .add(&account.id, "solana", "USDC_SOL")
        .unwrap();
    sb.deposit(&asset.id, TINY);
    // A float would read 1e-18 (or lose it next to a larger amount).
    assert_eq!(admin.balance().check(&asset.id).unwrap().balance, TINY);
    let listed = admin.assets().list(Some(&account.id)).unwrap();
    assert_eq!(listed[0].balance.as_deref(), Some(TINY));

    sb.deposit(&asset.id, "1");
    let tx = admin
        .transactions()
        .send_funds(&send(&account.id, &asset.id, TINY))
        .unwrap();
    assert_eq!(tx.amount.as_deref(), Some(TINY));
    assert_eq!(tx.total_debited.as_deref(), Some("0.001000000000000001"));
    assert_eq!(tx.balance_after.as_deref(), Some("0.999"));
    let history = admin
        .transactions()
        .list(&TransactionQuery::default())
        .unwrap();
    assert_eq!(history[0].amount.as_deref(), Some(TINY));
    assert_eq!(history[0].fee.as_deref(), Some("0.001"));
}

#[test]
fn a_count_sent_as_a_numeric_string_is_an_integer() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let account = admin.accounts().create("ops", None).unwrap();
    for (chain, ticker) in [("solana", "USDC_SOL"), ("ethereum", "ETH")] {
        admin.assets().add(&account.id, chain, ticker).unwrap();
    }
    let listed = admin.accounts().list().unwrap();
    assert_eq!(listed.len(), 1);
    // The server sends "assets": "2"; raw keeps its text.
    assert_eq!(listed[0].raw["assets"], "2");
    assert_eq!(listed[0].assets, Some(2));
}

#[test]
fn raw_is_the_objects_json_text_parsed_when_read() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let account = admin.accounts().create("text", None).unwrap();
    let listed = admin.accounts().list().unwrap();
    let raw = &listed[0].raw;
    // The text the library lent, compact: Display writes it as it is.
    let text = raw.as_str();
    assert!(text.starts_with("{\"") && !text.contains('\n'), "{text}");
    assert_eq!(raw.to_string(), text);
    let parsed: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(*raw, parsed);
    assert_eq!(raw["account_id"], account.id.as_str());
    assert_eq!(raw.value()["account_name"], "text");
    // Records compare, clone and print with it.
    let again = admin.accounts().list().unwrap();
    assert_eq!(again, listed);
    assert_eq!(again[0].raw, parsed);
    let copy = listed[0].clone();
    assert_eq!(copy.raw.as_str(), text);
    assert!(format!("{copy:?}").contains(&format!("raw: {parsed:?}")));
    assert_eq!(copy.raw.into_value(), parsed);
}

#[test]
fn fields_the_answer_lacks_are_none() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (account, asset) = sb.funded_asset(&admin, "5");

    // create-account's answer has no asset count (the list's has): absent, not 0.
    let created = admin.accounts().create("fresh", None).unwrap();
    assert_eq!(created.assets, None);
    assert!(created.raw.get("assets").is_none(), "{}", created.raw);
    assert!(created.created_at.is_some());
    let listed = admin.accounts().list().unwrap();
    let fresh = listed.iter().find(|a| a.id == created.id).unwrap();
    assert_eq!(fresh.assets, Some(0));

    // No USD value in the sandbox's balance.
    let balance = admin.balance().check(&asset).unwrap();
    assert_eq!(balance.balance_usd, None);
    assert_eq!(balance.balance, "5");
    assert!(balance.updated_at.is_some());

    // A history item names its receiving address (to_address, from its wire key) and no
    // description-less field is invented.
    admin
        .transactions()
        .send_funds(&send(&account, &asset, "1"))
        .unwrap();
    let history = admin
        .transactions()
        .list(&TransactionQuery::default())
        .unwrap();
    assert_eq!(history[0].to_address.as_deref(), Some(SOLANA_ADDRESS));
    assert_eq!(history[0].direction.as_deref(), Some("out"));
    assert_eq!(history[0].asset_id.as_deref(), Some(asset.as_str()));
    assert_eq!(history[0].account_id.as_deref(), Some(account.as_str()));
}

#[test]
fn raw_holds_the_fields_the_record_does_not_name() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let account = admin.accounts().create("ops", None).unwrap();
    let asset = admin
        .assets()
        .add(&account.id, "solana", "USDC_SOL")
        .unwrap();
    sb.deposit(&asset.id, "3");

    let listed = admin.accounts().list().unwrap();
    assert!(listed[0].raw["user_id"].is_string(), "{}", listed[0].raw);
    assert_eq!(listed[0].raw["account_id"], account.id.as_str());
    let assets = admin.assets().list(None).unwrap();
    assert_eq!(assets[0].raw["asset_short_name"], "USDC");
    assert_eq!(assets[0].raw["token_type"], "token");
    let balance = admin.balance().check(&asset.id).unwrap();
    assert_eq!(balance.raw["account_id"], account.id.as_str());
    assert_eq!(
        balance.raw["last_updated"].as_str(),
        balance.updated_at.as_deref()
    );

    let mut params = send(&account.id, &asset.id, "1");
    params.description = Some("invoice 9");
    let tx = admin.transactions().send_funds(&params).unwrap();
    assert_eq!(tx.raw["category"], "payment");
    assert_eq!(tx.raw["description"], "invoice 9");
    assert_eq!(tx.raw["use_self_funding"], false);
    let history = admin
        .transactions()
        .list(&TransactionQuery::default())
        .unwrap();
    assert_eq!(history[0].raw["chain_code"], "SOL");
}

#[test]
fn the_transfer_carries_the_key_given_or_the_one_generated() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (account, asset) = sb.funded_asset(&admin, "10");

    let given = admin
        .transactions()
        .with(&CallOptions::new().idempotency_key("order-7"))
        .send_funds(&send(&account, &asset, "1"))
        .unwrap();
    assert_eq!(given.idempotency_key, "order-7");
    // The server saw the same key.
    assert_eq!(given.raw["idempotency_key"], "order-7");

    let keys: Vec<String> = (0..2)
        .map(|_| {
            let tx = admin
                .transactions()
                .send_funds(&send(&account, &asset, "1"))
                .unwrap();
            assert_eq!(tx.raw["idempotency_key"], tx.idempotency_key.as_str());
            tx.idempotency_key
        })
        .collect();
    for key in &keys {
        // A UUIDv4: 8-4-4-4-12 hex digits, version 4.
        assert_eq!(key.len(), 36, "{key}");
        assert_eq!(&key[14..15], "4", "{key}");
        assert_eq!(key.matches('-').count(), 4, "{key}");
    }
    assert_ne!(keys[0], keys[1]);
    assert_eq!(sb.stats()["transactions_created"], 3);
}
