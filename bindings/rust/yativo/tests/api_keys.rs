//! The API-key lifecycle and the token, against a sandbox.

mod common;

use common::Sandbox;
use yativo::{CallOptions, CreateKey, ErrorKind};

/// `allowed_ips` is sent at creation and read back from create, list and get; unset, a key has
/// none; an entry that is no address is refused by the server.
#[test]
fn allowed_ips_are_sent_and_read_back() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let key = admin
        .api_keys()
        .create(&CreateKey {
            name: "pinned",
            permissions: &["read"],
            expires_in_days: None,
            allowed_ips: &["127.0.0.1"],
        })
        .unwrap();
    assert_eq!(key.allowed_ips, ["127.0.0.1"]);
    assert_eq!(
        admin.api_keys().get(&key.id).unwrap().allowed_ips,
        ["127.0.0.1"]
    );
    let listed = admin.api_keys().list().unwrap();
    let listed = listed.iter().find(|k| k.id == key.id).expect("listed");
    assert_eq!(listed.allowed_ips, ["127.0.0.1"]);
    let open = admin
        .api_keys()
        .create(&CreateKey {
            name: "open",
            permissions: &["read"],
            ..Default::default()
        })
        .unwrap();
    assert!(open.allowed_ips.is_empty());
    let err = admin
        .api_keys()
        .create(&CreateKey {
            name: "bad",
            permissions: &["read"],
            expires_in_days: None,
            allowed_ips: &["not-an-address"],
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Validation);
}

#[test]
fn key_lifecycle_create_list_get_permissions_rotate_revoke() {
    let sb = Sandbox::start();
    let admin = sb.admin();

    let key = admin
        .api_keys()
        .create(&CreateKey {
            name: "gateway-7",
            permissions: &["read", "write"],
            expires_in_days: Some(30),
            allowed_ips: &[],
        })
        .unwrap();
    assert!(key.id.starts_with("key_"), "{key:?}");
    assert_eq!(key.name, "gateway-7");
    assert_eq!(key.permissions, ["read", "write"]);
    assert_eq!(key.status, "active");
    assert!(key.expires_at.is_some());
    assert!(key.last_used_at.is_none());
    let secret = key.api_secret.clone().expect("secret shown on create");
    assert_eq!(secret.expose().len(), 64);

    let listed = admin.api_keys().list().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, key.id);
    assert!(listed[0].api_secret.is_none(), "secret shown once only");

    let got = admin.api_keys().get(&key.id).unwrap();
    assert_eq!(got.api_key, key.api_key);
    assert!(got.api_secret.is_none());

    // The key works: token exchange, then a read.
    let client = sb
        .builder()
        .api_key(key.api_key.as_str(), secret.clone())
        .build()
        .unwrap();
    let token = client.token().unwrap();
    assert_eq!(token.token_type, "Bearer");
    assert!(token.expires_in.as_secs() > 3000);
    assert!(token.expires_at.is_some());
    assert_eq!(token.scopes, ["read", "write"]);
    assert!(token.access_token.expose().len() > 20);
    client.accounts().list().unwrap();

    let updated = admin
        .api_keys()
        .update_permissions(&key.id, &["read"])
        .unwrap();
    assert_eq!(updated.permissions, ["read"]);
    let denied = client.accounts().create("x", None).unwrap_err();
    assert_eq!(denied.kind(), ErrorKind::PermissionDenied, "{denied}");

    let rotated = admin.api_keys().rotate(&key.id).unwrap();
    assert_eq!(rotated.id, key.id);
    let new_secret = rotated.api_secret.clone().expect("new secret on rotate");
    assert_ne!(new_secret, secret);
    let old = client.accounts().list().unwrap_err();
    assert_eq!(old.kind(), ErrorKind::Authentication, "{old}");
    client
        .set_credentials(&key.api_key, new_secret.expose())
        .unwrap();
    client.accounts().list().unwrap();

    admin.api_keys().revoke(&key.id).unwrap();
    assert_eq!(admin.api_keys().get(&key.id).unwrap().status, "revoked");
    let revoked = client.accounts().list().unwrap_err();
    assert_eq!(revoked.kind(), ErrorKind::Authentication, "{revoked}");
    assert_eq!(revoked.http_status(), Some(401));
}

#[test]
fn explicit_totp_code_and_debug_shows_no_secret() {
    let sb = Sandbox::start();
    // No TOTP secret on this client: the code comes with the call.
    let admin = sb
        .builder()
        .access_token(sb.session_token.as_str())
        .build()
        .unwrap();
    let code = yativo::totp(
        &sb.totp_secret,
        None,
        Some(std::time::Duration::from_secs(2)),
        None,
    )
    .unwrap();
    let opts = CallOptions::new().totp_code(code.clone());
    let key = admin
        .api_keys()
        .with(&opts)
        .create(&CreateKey {
            name: "explicit-code",
            permissions: &["read"],
            expires_in_days: None,
            allowed_ips: &[],
        })
        .unwrap();
    let secret = key.api_secret.clone().unwrap();
    let shown = format!("{key:?} {opts:?}");
    assert!(!shown.contains(secret.expose()), "{shown}");
    assert!(!shown.contains(code.expose()), "{shown}");
    assert!(shown.contains("Secret(\"***\")"), "{shown}");

    let client = sb
        .builder()
        .api_key(key.api_key.as_str(), secret.clone())
        .build()
        .unwrap();
    let token = client.token().unwrap();
    let shown = format!("{token:?} {token:#?}");
    assert!(!shown.contains(token.access_token.expose()), "{shown}");
    assert!(!format!("{client:?}").contains(secret.expose()));
    assert!(!format!("{admin:?}").contains(&sb.session_token));
}

#[test]
fn headers_mode_sends_key_and_secret_without_token_exchange() {
    let sb = Sandbox::start();
    let admin = sb.admin();
    let (key, _) = sb.key_client(&admin, &["read"]);
    let client = sb
        .builder()
        .auth_mode(yativo::AuthMode::Headers)
        .api_key(key.api_key.as_str(), key.api_secret.clone().unwrap())
        .build()
        .unwrap();
    client.accounts().list().unwrap();
    client.api_keys().list().unwrap();
    assert_eq!(sb.stats()["token_exchanges"], 0);
}
