//! The cards, card-issuer and swap groups against a sandbox: a card frozen with 2FA, voided and
//! refused; a customer funded once under its key; a swap executed once with exact balances.

mod common;

use common::Sandbox;
use serde_json::json;
use yativo::{CallOptions, ErrorKind};

#[test]
fn card_freeze_with_2fa_then_void_then_refused() {
    let sb = Sandbox::start_with(&["--card-kyc-delay", "0"]); // KYC approved at the next request
    let c = sb.admin();
    let account = c
        .cards()
        .onboard("ada@example.com", "Ada", "Lovelace")
        .unwrap();
    let ycd = account.id.clone().unwrap();
    assert_eq!(account.kyc_status.as_deref(), Some("pending"));
    assert_eq!(
        c.cards().get_kyc_status().unwrap().kyc_status.as_deref(),
        Some("approved")
    );
    c.cards().accept_terms().unwrap();
    c.cards().deploy_safe().unwrap();
    let card = c
        .cards()
        .create(
            None,
            Some("travel"),
            Some("250.000000000000000001"),
            Some("monthly"),
        )
        .unwrap();
    assert_eq!(
        card.raw["spending_limit"]["amount"],
        "250.000000000000000001"
    );
    assert_eq!(card.yativo_card_id.as_deref(), Some(ycd.as_str()));

    let bare = sb
        .builder()
        .access_token(sb.session_token.as_str())
        .build()
        .unwrap();
    let e = bare.cards().freeze(&card.id).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TwoFactorRequired, "{e}");
    assert_eq!(
        c.cards().list().unwrap()[0].status.as_deref(),
        Some("active")
    );

    assert_eq!(
        c.cards().freeze(&card.id).unwrap().status.as_deref(),
        Some("frozen")
    );
    assert_eq!(
        c.cards().void(&card.id).unwrap().status.as_deref(),
        Some("voided")
    );
    for e in [
        c.cards().unfreeze(&card.id).unwrap_err(),
        c.cards().void(&card.id).unwrap_err(),
    ] {
        assert_eq!(e.kind(), ErrorKind::Validation, "{e}");
        assert_eq!(
            (e.http_status(), e.error_code()),
            (Some(422), Some("card_not_active"))
        );
    }
    let limits = c
        .cards()
        .set_daily_spending_limit(&ycd, "1234.567890123456789")
        .unwrap();
    assert_eq!(limits.daily_limit.as_deref(), Some("1234.567890123456789"));
    let e = c.cards().set_daily_spending_limit(&ycd, "-1").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
}

#[test]
fn fund_customer_once_under_its_key() {
    let sb = Sandbox::start();
    let c = sb.admin();
    c.card_issuer()
        .apply(&yativo::IssuerApplication {
            funding_structure: "master_wallet",
            iban_enabled: false,
        })
        .unwrap();
    sb.control(
        "POST",
        "/__sandbox/card-issuer/deposit",
        Some(&json!({"chain": "SOL", "amount": "100"})),
    );
    let customer = sb.control(
        "POST",
        "/__sandbox/cards/customer",
        Some(&json!({"email": "bob@example.com", "name": "Bob Stone"})),
    );
    let customer = customer["data"]["id"].as_str().unwrap().to_string();
    let sol = || -> String {
        let wallets = c.card_issuer().get_wallets().unwrap();
        let w = wallets
            .as_array()
            .unwrap()
            .iter()
            .find(|w| w["chain"] == "SOL")
            .unwrap();
        w["balance"].as_str().unwrap().to_string()
    };
    // Exact decimal text to units of 1e-18 (the sandbox's precision): no float anywhere.
    let units = |s: &str| -> i128 {
        let (i, f) = s.split_once('.').unwrap_or((s, ""));
        i.parse::<i128>().unwrap() * 10i128.pow(18) + format!("{f:0<18}").parse::<i128>().unwrap()
    };
    let start = units(&sol());
    let generated = c
        .card_issuer()
        .fund_customer(&customer, "10.000000000000000001", "SOL", None, None)
        .unwrap();
    assert_eq!(generated.idempotency_key.len(), 36, "{generated:?}");
    assert_eq!(generated.amount.as_deref(), Some("10.000000000000000001"));
    assert_eq!(units(&sol()), start - units("10.000000000000000001"));
    let keyed = CallOptions::new().idempotency_key("fund-7");
    let first = c
        .card_issuer()
        .with(&keyed)
        .fund_customer(&customer, "5", "SOL", None, None)
        .unwrap();
    let again = c
        .card_issuer()
        .with(&keyed)
        .fund_customer(&customer, "5", "SOL", None, None)
        .unwrap();
    assert_eq!(
        (first.id.as_deref(), again.idempotency_key.as_str()),
        (again.id.as_deref(), "fund-7")
    );
    assert_eq!(units(&sol()), start - units("15.000000000000000001"));
    let e = c
        .card_issuer()
        .fund_customer(&customer, "100000", "SOL", None, None)
        .unwrap_err();
    assert_eq!(e.error_code(), Some("insufficient_balance"));
    assert!(e.idempotency_key().is_some_and(|k| k.len() == 36));
    assert_eq!(units(&sol()), start - units("15.000000000000000001"));
}

#[test]
fn swap_quote_then_execute_once_with_exact_balances() {
    let sb = Sandbox::start();
    let c = sb.admin();
    let (account, usdc) = sb.funded_asset(&c, "100");
    let eth = c.assets().add(&account, "ethereum", "ETH").unwrap().id;
    let quote = c
        .swap()
        .get_quote(&json!({"from_asset_id": usdc, "to_asset_id": eth, "amount": "10"}))
        .unwrap();
    assert_eq!(quote.to_amount.as_deref(), Some("0.0032967"));
    let body = json!({"quote_id": quote.id});
    let keyed = CallOptions::new().idempotency_key("swap-1");
    let done = c.swap().with(&keyed).execute(&body).unwrap();
    let again = c.swap().with(&keyed).execute(&body).unwrap();
    assert_eq!(
        (done.id.as_deref(), done.idempotency_key.as_str()),
        (again.id.as_deref(), "swap-1")
    );
    assert_eq!(c.balance().check(&usdc).unwrap().balance, "90");
    assert_eq!(c.balance().check(&eth).unwrap().balance, "0.0032967");
    let e = c.swap().execute(&body).unwrap_err();
    assert_eq!(e.error_code(), Some("conflict"));
    assert_eq!(c.balance().check(&usdc).unwrap().balance, "90");
    // The history's filters travel in the query string.
    let history = c
        .swap()
        .get_history(Some(5), None, Some("completed"))
        .unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(
        (history[0].id.as_str(), history[0].to_amount.as_deref()),
        (done.id.as_deref().unwrap(), Some("0.0032967"))
    );
    assert!(c
        .swap()
        .get_history(None, Some(1), None)
        .unwrap()
        .is_empty());
    let e = c.swap().get_history(Some(101), None, None).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidArgument);
}
