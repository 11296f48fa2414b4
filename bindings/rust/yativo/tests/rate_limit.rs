//! rate_limit() reports what a server sent even when it left X-RateLimit-Limit out. The sandbox
//! always sends all three headers, so a one-answer HTTP server on a loopback socket plays that
//! server.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::thread;

use yativo::{CallOptions, Client, RateLimit};

/// Serves one request on a new loopback port with `headers` added to a 200 answer; returns the
/// base URL and the thread, which yields the request line it read.
fn serve_once(headers: &'static str) -> (String, thread::JoinHandle<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base_url = format!("http://{}/api/v1", listener.local_addr().unwrap());
    let server = thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream);
        let mut request_line = String::new();
        reader.read_line(&mut request_line).unwrap();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
                break;
            }
        }
        let body = r#"{"status":true,"data":[]}"#;
        let answer = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{headers}\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        reader.get_mut().write_all(answer.as_bytes()).unwrap();
        request_line
    });
    (base_url, server)
}

#[test]
fn remaining_and_reset_without_limit() {
    let (base_url, server) =
        serve_once("X-RateLimit-Remaining: 7\r\nX-RateLimit-Reset: 1767225600\r\n");
    let client = Client::builder()
        .base_url(base_url)
        .use_environment(false)
        .access_token("yvsess_CANARY_rate_limit")
        .build()
        .unwrap();
    assert_eq!(client.rate_limit(), None);
    let listed = client
        .request("GET", "/accounts/get-accounts", None, &CallOptions::new())
        .unwrap();
    assert!(listed.as_array().unwrap().is_empty());
    assert!(server
        .join()
        .unwrap()
        .starts_with("GET /api/v1/accounts/get-accounts "));
    assert_eq!(
        client.rate_limit(),
        Some(RateLimit {
            limit: -1,
            remaining: 7,
            reset: 1767225600,
        })
    );
}
