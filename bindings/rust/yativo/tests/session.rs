//! Session sign-in against a sandbox: a client built without credentials signs in with the
//! e-mailed code; the session becomes its credential (the record names no token) and renews
//! itself with the refresh token it keeps.

mod common;

use common::Sandbox;
use yativo::ErrorKind;

#[test]
fn sign_in_becomes_the_clients_credential() {
    let sb = Sandbox::start();
    let client = sb.builder().build().unwrap();
    assert_eq!(
        client.accounts().list().unwrap_err().kind(),
        ErrorKind::InvalidArgument
    );
    assert_eq!(
        client.session().refresh().unwrap_err().kind(),
        ErrorKind::InvalidArgument
    );
    let email = "rs-session@example.com";
    client
        .session()
        .register(email, "correct horse battery", None, Some("Rs"), None)
        .unwrap();
    client.session().sign_in(email, None).unwrap();
    let mail = sb.control("GET", &format!("/__sandbox/outbox?to={email}"), None);
    let code = mail["data"].as_array().unwrap().last().unwrap()["code"]
        .as_str()
        .unwrap()
        .to_string();
    let session = client.session().verify_otp(&code, Some(email)).unwrap();
    assert_eq!(session.token_type.as_deref(), Some("Bearer"));
    let account = client.accounts().create("mine", None).unwrap();
    client.session().refresh().unwrap();
    let accounts = client.accounts().list().unwrap();
    assert_eq!(accounts.len(), 1);
    assert_eq!(accounts[0].id, account.id);
}
