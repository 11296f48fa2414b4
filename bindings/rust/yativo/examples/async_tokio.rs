//! Many calls in flight from one thread: an AsyncClient on Tokio's current-thread runtime.
//!
//! YATIVO_BASE_URL=http://127.0.0.1:8080/api/v1 YATIVO_ACCESS_TOKEN=... \
//!     cargo run --features async --example async_tokio
use std::time::Duration;

use futures_util::future::try_join_all;
use yativo::{CallOptions, Client, ErrorKind};

#[tokio::main(flavor = "current_thread")]
async fn main() -> yativo::Result<()> {
    // Credentials and the base URL from the YATIVO_* variables, as Client::builder() reads them.
    let client = Client::builder().build_async()?;

    let account = client.accounts().create("async-demo", None).await?;
    let asset = client
        .assets()
        .add(&account.id, "solana", "USDC_SOL")
        .await?;

    // Twenty calls at once, all on this thread: the event loop of libyativo carries them.
    let balances = try_join_all((0..20).map(|_| client.balance().check(&asset.id))).await?;
    println!(
        "{} balances of {}: {}",
        balances.len(),
        asset.id,
        balances[0].balance
    );

    // Dropping a future cancels its call; a deadline is a per-call option as well.
    let opts = CallOptions::new().timeout(Duration::from_secs(10));
    match tokio::time::timeout(Duration::from_secs(5), client.accounts().with(&opts).list()).await {
        Ok(accounts) => println!("{} accounts", accounts?.len()),
        Err(_) => println!("no answer within 5 s: the call was cancelled"),
    }

    // Errors are the blocking client's: the same kinds, the same fields.
    match client.api_keys().get("key_000000000000000000000000").await {
        Err(e) if e.kind() == ErrorKind::NotFound => println!("no such key: {}", e.message()),
        Err(e) => return Err(e),
        Ok(key) => println!("key {}", key.id),
    }
    Ok(())
}
