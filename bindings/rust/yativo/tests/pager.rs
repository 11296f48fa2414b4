//! Transactions::iter over the core's pager, against a sandbox (which answers a `pagination`
//! block): every item once, in order, one request per page, and nothing fetched past a break.

mod common;

use common::{send, Sandbox};
use yativo::{CallOptions, Transaction, TransactionQuery};

const HISTORY: &str = "/transactions/get-transactions";

fn history_requests(sb: &Sandbox) -> u64 {
    sb.stats()["paths"][HISTORY].as_u64().unwrap_or(0)
}

fn ids<'a>(items: impl IntoIterator<Item = &'a Transaction>) -> Vec<String> {
    items.into_iter().map(|t| t.id.clone()).collect()
}

#[test]
fn iter_yields_every_item_once_with_one_request_per_page() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (account, asset) = sb.funded_asset(&admin, "10");
    for _ in 0..5 {
        admin
            .transactions()
            .send_funds(&send(&account, &asset, "0.1"))
            .unwrap();
    }
    let all = admin
        .transactions()
        .list(&TransactionQuery {
            limit: Some(100),
            ..Default::default()
        })
        .unwrap();
    let expected = ids(&all);
    assert_eq!(expected.len(), 5);

    for (limit, pages) in [(2, 3), (5, 1)] {
        let before = history_requests(&sb);
        let query = TransactionQuery {
            limit: Some(limit),
            ..Default::default()
        };
        let walked: Vec<Transaction> = admin
            .transactions()
            .iter(&query)
            .collect::<yativo::Result<_>>()
            .unwrap();
        assert_eq!(ids(&walked), expected, "limit {limit}");
        // Typed items, the same records the list call returns, amounts as exact text.
        assert_eq!(walked, all, "limit {limit}");
        assert!(walked.iter().all(|t| t.amount.as_deref() == Some("0.1")));
        assert_eq!(history_requests(&sb) - before, pages, "limit {limit}");
    }

    // Items whatever the envelope option (it applies to JSON results only); a break fetches
    // nothing more.
    let before = history_requests(&sb);
    let opts = CallOptions::new().envelope(true);
    let query = TransactionQuery {
        limit: Some(1),
        ..Default::default()
    };
    let first = admin.transactions().with(&opts).iter(&query).next();
    assert_eq!(ids([&first.unwrap().unwrap()]), expected[..1]);
    assert_eq!(history_requests(&sb) - before, 1);
}

#[test]
fn iter_yields_the_first_error_and_ends() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let query = TransactionQuery {
        limit: Some(101),
        ..Default::default()
    };
    let mut it = admin.transactions().iter(&query);
    let err = it.next().unwrap().unwrap_err();
    assert_eq!(err.kind(), yativo::ErrorKind::InvalidArgument);
    assert!(it.next().is_none());
    let bad = TransactionQuery {
        search: Some("nul\0inside"),
        ..Default::default()
    };
    let mut it = admin.transactions().iter(&bad);
    assert!(it.next().unwrap().is_err());
    assert!(it.next().is_none());
}
