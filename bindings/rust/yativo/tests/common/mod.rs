//! A yativo-sandbox per test (executable from $YATIVO_SANDBOX) and its control API over a
//! plain std TcpStream.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};
use yativo::{Client, ClientBuilder, CreateKey};

pub struct Sandbox {
    child: Child,
    pub base_url: String,
    pub session_token: String,
    pub totp_secret: String,
    root: String,
}

impl Sandbox {
    pub fn start() -> Self {
        Self::start_with(&[])
    }

    /// Always `--port 0 --totp-period 2`; `--rate-limit 0` unless `extra` sets it.
    pub fn start_with(extra: &[&str]) -> Self {
        let exe = std::env::var("YATIVO_SANDBOX")
            .expect("YATIVO_SANDBOX must name the yativo-sandbox executable");
        let mut args = vec!["--port", "0", "--totp-period", "2"];
        if !extra.contains(&"--rate-limit") {
            args.extend(["--rate-limit", "0"]);
        }
        args.extend(extra);
        let mut child = Command::new(&exe)
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{exe}: {e}"));
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let start: Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("sandbox start line {line:?}: {e}"));
        let base_url = start["base_url"].as_str().unwrap().to_string();
        let root = base_url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .unwrap()
            .to_string();
        Sandbox {
            child,
            session_token: start["session_token"].as_str().unwrap().to_string(),
            totp_secret: start["totp_secret"].as_str().unwrap().to_string(),
            base_url,
            root,
        }
    }

    /// A builder pointed at this sandbox, ignoring YATIVO_* variables, with short backoff.
    pub fn builder(&self) -> ClientBuilder {
        Client::builder()
            .base_url(&self.base_url)
            .use_environment(false)
            .totp_period(Duration::from_secs(2))
            .backoff_base(Duration::from_millis(20))
            .backoff_cap(Duration::from_millis(100))
    }

    /// The seeded user's dashboard session with every scope, and its TOTP secret for 2FA.
    pub fn admin(&self) -> Client {
        self.builder()
            .access_token(self.session_token.as_str())
            .totp_secret(self.totp_secret.as_str())
            .build()
            .unwrap()
    }

    /// A new key with `permissions` and a client using it (token exchange).
    pub fn key_client(&self, admin: &Client, permissions: &[&str]) -> (yativo::ApiKey, Client) {
        let key = admin
            .api_keys()
            .create(&CreateKey {
                name: "test",
                permissions,
                expires_in_days: None,
                allowed_ips: &[],
            })
            .unwrap();
        let client = self
            .builder()
            .api_key(key.api_key.as_str(), key.api_secret.clone().unwrap())
            .build()
            .unwrap();
        (key, client)
    }

    /// One HTTP/1.1 request to the server root; returns the JSON answer.
    pub fn control(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        let mut stream = TcpStream::connect(&self.root).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.root,
            body.len()
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        let (head, payload) = response.split_once("\r\n\r\n").unwrap();
        assert!(
            head.starts_with("HTTP/1.1 2"),
            "{method} {path}: {head}\n{payload}"
        );
        serde_json::from_str(payload).unwrap()
    }

    pub fn stats(&self) -> Value {
        self.control("GET", "/__sandbox/stats", None)
    }

    pub fn fault(&self, fault: Value) {
        self.control("POST", "/__sandbox/faults", Some(&fault));
    }

    pub fn deposit(&self, asset_id: &str, amount: &str) {
        self.control(
            "POST",
            "/__sandbox/deposit",
            Some(&json!({"asset_id": asset_id, "amount": amount})),
        );
    }

    /// An account with a USDC_SOL asset holding `amount`: (account_id, asset_id).
    pub fn funded_asset(&self, client: &Client, amount: &str) -> (String, String) {
        let account = client.accounts().create("treasury", None).unwrap();
        let asset = client
            .assets()
            .add(&account.id, "solana", "USDC_SOL")
            .unwrap();
        self.deposit(&asset.id, amount);
        (account.id, asset.id)
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A valid Solana address (base58 of 32 bytes).
pub const SOLANA_ADDRESS: &str = "9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin";

pub fn send<'a>(account: &'a str, asset: &'a str, amount: &'a str) -> yativo::SendFunds<'a> {
    yativo::SendFunds {
        account,
        assets: asset,
        receiving_address: SOLANA_ADDRESS,
        amount,
        r#type: "USDC",
        chain: "solana",
        category: "payment",
        ..Default::default()
    }
}
