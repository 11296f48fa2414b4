"""Session sign-in against the sandbox: a client without credentials registers, signs in with
the e-mailed code and gets the session's tokens (as the payload); a client built with that
access token acts as the new user."""

from __future__ import annotations

import json
import time
from typing import Callable
import urllib.request
import uuid

import pytest

import libyativo as yv
from sandbox import Sandbox


def outbox(sb: Sandbox, email: str) -> list:
    with urllib.request.urlopen(f"{sb.root}/__sandbox/outbox?to={email}", timeout=10) as r:
        return list(json.loads(r.read())["data"])


def outbox_code(sb: Sandbox, email: str) -> str:
    return str(outbox(sb, email)[-1]["code"])


def test_register_sign_in_and_use_the_session(sandbox: Sandbox) -> None:
    email = f"py-{uuid.uuid4().hex[:8]}@example.com"
    with yv.YativoCrypto(base_url=sandbox.base_url) as c:
        # A call that needs credentials is refused before anything is sent.
        with pytest.raises(yv.InvalidArgumentError):
            c.accounts.list()
        with pytest.raises(yv.InvalidArgumentError):
            c.session.refresh()  # no session yet: no refresh token
        registered = c.session.register(email, "correct horse battery", first_name="Py")
        # Registering signs the new user in: its tokens stay inside the client.
        assert registered.token_type == "Bearer" and "token" not in repr(registered).replace(
            "token_type", "")
        assert c.accounts.list() == []  # as the new user, who has no account yet
        c.session.sign_in(email)
        session = c.session.verify_otp(outbox_code(sandbox, email), email=email)
        # The tokens stay inside the client: the record names none, its repr shows none.
        assert session.token_type == "Bearer" and (session.expires_in or 0) > 0
        assert "token" not in " ".join(dir(session)).replace("token_type", "")
        access = c.token().access_token
        assert access and access not in repr(session)
        # The session is the client's credential from now on: it acts as the new user.
        account = c.accounts.create("mine")
        assert [a.id for a in c.accounts.list()] == [account.id]
        before = c.token().access_token
        renewed = c.session.refresh()  # sent with the refresh token the client keeps
        assert renewed.token_type == "Bearer"
        assert c.token().access_token != before
        assert [a.id for a in c.accounts.list()] == [account.id]
        with pytest.raises(yv.AuthenticationError):
            c.session.verify_otp("000000", email=email)  # a code works once


def test_resend_and_passkey_options(sandbox: Sandbox) -> None:
    email = f"py-{uuid.uuid4().hex[:8]}@example.com"
    with yv.YativoCrypto(base_url=sandbox.base_url) as anon:
        anon.session.register(email, "correct horse battery")
        anon.session.sign_in(email)
        sent = len(outbox(sandbox, email))
        anon.session.resend_otp(email)
        assert len(outbox(sandbox, email)) == sent + 1  # a new code was e-mailed
        # The new code signs in; a passkey sign-in needs a registered passkey.
        assert anon.session.verify_otp(outbox_code(sandbox, email), email=email).token_type == "Bearer"
        options = anon.session.passkey_options(email)  # a fresh challenge, no credential yet
        assert options["challenge"] and options["allowCredentials"] == []
        with pytest.raises(yv.ValidationError):
            anon.session.register("not-an-email", "correct horse battery")


def test_an_expired_session_is_refreshed_once(make_sandbox: Callable[..., Sandbox]) -> None:
    # After sign-in, a 401 to the session's expired access token refreshes the session once
    # (the refresh token stays inside the client) and sends the call again, a write with its key.
    sb = make_sandbox("--token-ttl", "2")
    refreshes = lambda: int(sb.stats()["paths"].get("/authentication/refresh-token", 0))  # noqa: E731
    with yv.YativoCrypto(base_url=sb.base_url) as c:
        c.session.register(f"py-{uuid.uuid4().hex[:8]}@example.com", "correct horse battery")
        before = c.token().access_token
        assert c.accounts.list() == []
        time.sleep(2.2)  # past the access token's life; the refresh token lives 30 days
        account = c.accounts.create("after-expiry", idempotency_key="py-refresh-1")
        assert refreshes() == 1 and c.token().access_token != before
        assert c.accounts.create("after-expiry", idempotency_key="py-refresh-1").id == account.id
        assert [a.id for a in c.accounts.list()] == [account.id]
        assert refreshes() == 1


def test_a_failed_refresh_raises_the_calls_own_401(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox("--token-ttl", "1", "--refresh-ttl", "1")
    with yv.YativoCrypto(base_url=sb.base_url) as c:
        c.session.register(f"py-{uuid.uuid4().hex[:8]}@example.com", "correct horse battery")
        c.accounts.list()
        time.sleep(1.2)  # both tokens expired
        with pytest.raises(yv.AuthenticationError) as err:
            c.accounts.list()
        assert err.value.http_status == 401 and "access token" in str(err.value)
        assert sb.stats()["paths"].get("/authentication/refresh-token") == 1
