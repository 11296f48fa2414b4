//! One Client shared by 16 threads in an Arc.

mod common;

use std::sync::{Arc, Barrier};

use common::Sandbox;

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn client_and_cancel_token_are_send_and_sync() {
    assert_send_sync::<yativo::Client>();
    assert_send_sync::<yativo::CancelToken>();
    assert_send_sync::<yativo::Error>();
    assert_send_sync::<yativo::ApiKey>();
}

#[test]
fn sixteen_threads_share_one_token_exchange() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (_, client) = sb.key_client(&admin, &["read"]);
    let client = Arc::new(client);
    let barrier = Arc::new(Barrier::new(16));
    let threads: Vec<_> = (0..16)
        .map(|_| {
            let client = Arc::clone(&client);
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                for _ in 0..3 {
                    client.accounts().list().unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let stats = sb.stats();
    assert_eq!(stats["token_exchanges"], 1, "{stats}");
    assert_eq!(stats["paths"]["/accounts/get-accounts"], 48, "{stats}");
    // The client is dropped on whichever thread lets go last.
    let last = Arc::clone(&client);
    drop(client);
    std::thread::spawn(move || drop(last)).join().unwrap();
}
