"""API keys with 2FA, tokens, credentials: the key lifecycle and its errors."""

from __future__ import annotations

from typing import Callable, Tuple

import pytest

import libyativo as yv
from sandbox import ALL_SCOPES, Sandbox


def test_key_lifecycle(session: yv.YativoCrypto, sandbox: Sandbox) -> None:
    key = session.api_keys.create("lifecycle", ["read"], expires_in_days=30)
    assert isinstance(key, yv.ApiKey)
    assert key.id and key.api_key and key.api_secret
    assert key.name == "lifecycle"
    assert key.permissions == ["read"]
    assert key.expires_at

    listed = session.api_keys.list()
    assert key.id in [k.id for k in listed]
    assert all(k.api_secret is None for k in listed)

    got = session.api_keys.get(key.id)
    assert got.id == key.id and got.api_secret is None

    updated = session.api_keys.update_permissions(key.id, ["read", "write"])
    assert sorted(updated.permissions) == ["read", "write"]

    with yv.YativoCrypto(key.api_key, key.api_secret, base_url=sandbox.base_url) as old:
        old.accounts.list()
        rotated = session.api_keys.rotate(key.id)
        assert rotated.api_secret and rotated.api_secret != key.api_secret
        with pytest.raises(yv.AuthenticationError) as err:
            old.accounts.list()
        assert err.value.http_status == 401
        old.set_credentials(rotated.api_key, rotated.api_secret)
        old.accounts.list()

        session.api_keys.revoke(key.id)
        with pytest.raises(yv.AuthenticationError):
            old.accounts.list()


def test_allowed_ips_are_sent_and_read_back(session: yv.YativoCrypto, sandbox: Sandbox) -> None:
    key = session.api_keys.create("pinned", ["read"], allowed_ips=["127.0.0.1"])
    assert key.allowed_ips == ["127.0.0.1"]
    assert session.api_keys.get(key.id).allowed_ips == ["127.0.0.1"]
    listed = next(k for k in session.api_keys.list() if k.id == key.id)
    assert listed.allowed_ips == ["127.0.0.1"]
    assert "allowed_ips=['127.0.0.1']" in repr(listed)
    # The tests reach the sandbox from 127.0.0.1: the key works.
    with yv.YativoCrypto(key.api_key, key.api_secret, base_url=sandbox.base_url) as pinned:
        pinned.accounts.list()
    assert session.api_keys.create("open", ["read"]).allowed_ips == []
    with pytest.raises(yv.ValidationError):
        session.api_keys.create("bad", ["read"], allowed_ips=["not-an-address"])
    # An empty entry is refused by the core, before anything is sent (as in every language).
    with pytest.raises(yv.InvalidArgumentError, match="allowed_ips contains an empty item"):
        session.api_keys.create("bad", ["read"], allowed_ips=[""])


def test_explicit_totp_code(make_sandbox: Callable[..., Sandbox]) -> None:
    # No TOTP source on the client: the code is computed here and passed per call (a fresh
    # sandbox: the shared one may have seen this step's code already).
    sb = make_sandbox()
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as s:
        code = yv.totp(sb.totp_secret, period=2)
        key = s.api_keys.create("explicit-code", ["read"], totp_code=code)
        assert key.api_secret


def test_two_factor_required_without_code(sandbox: Sandbox) -> None:
    with yv.YativoCrypto(access_token=sandbox.session_token, base_url=sandbox.base_url) as s:
        with pytest.raises(yv.TwoFactorRequiredError) as err:
            s.api_keys.create("no-2fa", ["read"])
        assert err.value.code == yv.Status.TWO_FACTOR_REQUIRED


def test_two_factor_wrong_code(sandbox: Sandbox) -> None:
    with yv.YativoCrypto(access_token=sandbox.session_token, base_url=sandbox.base_url) as s:
        with pytest.raises(yv.TwoFactorRequiredError) as err:
            s.api_keys.create("bad-2fa", ["read"], totp_code="000000")
        assert err.value.http_status == 401
        assert err.value.error_code == "two_factor_invalid"


def test_token(client: yv.YativoCrypto) -> None:
    tok = client.token()
    assert isinstance(tok, yv.AccessToken)
    assert tok.access_token and tok.token_type.lower() == "bearer"
    assert tok.expires_in > 0
    assert "***" in repr(tok) and tok.access_token not in repr(tok)


def test_authentication_error(sandbox: Sandbox, admin_key: Tuple[str, str]) -> None:
    with yv.YativoCrypto(admin_key[0], "CANARY-wrong-secret-py", base_url=sandbox.base_url) as c:
        with pytest.raises(yv.AuthenticationError) as err:
            c.accounts.list()
    assert err.value.http_status == 401
    assert "CANARY-wrong-secret-py" not in str(err.value)


def test_headers_auth(sandbox: Sandbox, admin_key: Tuple[str, str]) -> None:
    with yv.YativoCrypto(*admin_key, auth="headers", base_url=sandbox.base_url) as c:
        before = sandbox.stats()["token_exchanges"]
        assert isinstance(c.accounts.list(), list)
        assert sandbox.stats()["token_exchanges"] == before


def test_permission_denied(session: yv.YativoCrypto, sandbox: Sandbox) -> None:
    key = session.api_keys.create("read-only", ["read"])
    assert key.api_secret
    with yv.YativoCrypto(key.api_key, key.api_secret, base_url=sandbox.base_url) as c:
        c.accounts.list()
        with pytest.raises(yv.PermissionDeniedError) as err:
            c.accounts.create("not-allowed")
    assert err.value.http_status == 403


def test_not_found(client: yv.YativoCrypto) -> None:
    with pytest.raises(yv.NotFoundError) as err:
        client.api_keys.get("key_does_not_exist")
    assert err.value.http_status == 404
    assert isinstance(err.value, yv.YativoError)


def test_invalid_arguments_before_io(client: yv.YativoCrypto) -> None:
    with pytest.raises(yv.InvalidArgumentError):
        client.api_keys.create("", ALL_SCOPES)
    with pytest.raises(ValueError):
        client.api_keys.create("x", "read")  # a str, not a list of scopes
    with pytest.raises(yv.InvalidArgumentError):
        client.api_keys.create("x", [])


def test_repr_redaction(session: yv.YativoCrypto) -> None:
    key = session.api_keys.create("redacted", ["read"])
    assert key.api_secret
    for text in (repr(key), str(key)):
        assert key.api_secret not in text
        assert "api_secret='***'" in text
    assert "api_secret=None" in repr(session.api_keys.get(key.id))


def test_from_env(sandbox: Sandbox, admin_key: Tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YATIVO_API_KEY", admin_key[0])
    monkeypatch.setenv("YATIVO_API_SECRET", admin_key[1])
    monkeypatch.setenv("YATIVO_BASE_URL", sandbox.base_url)
    with yv.YativoCrypto.from_env(timeout=10) as c:
        assert c.base_url == sandbox.base_url
        assert isinstance(c.accounts.list(), list)


def test_close(sandbox: Sandbox, admin_key: Tuple[str, str]) -> None:
    c = yv.YativoCrypto(*admin_key, base_url=sandbox.base_url)
    c.accounts.list()
    c.close()
    c.close()
    with pytest.raises(yv.InvalidArgumentError, match="closed"):
        c.accounts.list()
    assert "closed" in repr(c)
