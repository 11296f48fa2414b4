//! The Tokio example of docs/rust.md: the copy in the guide is examples/async_tokio.rs, which
//! `cargo test` builds, and it runs against the sandbox.
#![cfg(feature = "async")]

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::Sandbox;

const EXAMPLE: &str = include_str!("../examples/async_tokio.rs");
const GUIDE: &str = include_str!("../../../../docs/rust.md");

#[test]
fn the_guide_shows_the_example_as_it_is() {
    let block = GUIDE
        .split("```rust,ignore\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/rust.md has the async example");
    assert_eq!(
        block, EXAMPLE,
        "docs/rust.md's async example differs from examples/async_tokio.rs"
    );
}

#[test]
fn the_example_runs_against_the_sandbox() {
    // Test binaries sit in target/<profile>/deps; examples in target/<profile>/examples.
    let exe: PathBuf = std::env::current_exe()
        .unwrap()
        .parent()
        .and_then(|deps| deps.parent())
        .unwrap()
        .join("examples/async_tokio");
    assert!(exe.exists(), "{} is not built", exe.display());
    let sb = Sandbox::start();
    let mut cmd = Command::new(&exe);
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("YATIVO_") {
            cmd.env_remove(name);
        }
    }
    let out = cmd
        .env("YATIVO_BASE_URL", &sb.base_url)
        .env("YATIVO_ACCESS_TOKEN", &sb.session_token)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("20 balances of ast_"), "{stdout}");
    assert!(stdout.contains("1 accounts"), "{stdout}");
    assert!(stdout.contains("no such key: "), "{stdout}");
}
