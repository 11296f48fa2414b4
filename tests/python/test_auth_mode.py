"""The auth mode left unset (None) is the core's to decide, from the credentials given."""

from __future__ import annotations

import pytest

import libyativo as yv
from sandbox import Sandbox


def test_an_access_token_alone_means_bearer(sandbox: Sandbox) -> None:
    with yv.YativoCrypto(access_token=sandbox.session_token, base_url=sandbox.base_url) as c:
        assert isinstance(c.accounts.list(), list)  # the session token was sent as is


def test_a_key_with_an_access_token_needs_a_mode() -> None:
    with pytest.raises(yv.InvalidArgumentError, match="auth mode"):
        yv.YativoCrypto("yativo_key", "secret", access_token="token",
                        base_url="http://127.0.0.1:1/api/v1")
    # ... and a mode says which.
    yv.YativoCrypto("yativo_key", "secret", access_token="token", auth="bearer",
                    base_url="http://127.0.0.1:1/api/v1").close()


def test_the_callers_token_wins_over_the_environments_key(
        sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YATIVO_API_KEY", "yativo_env_key")
    monkeypatch.setenv("YATIVO_API_SECRET", "env-secret")
    with yv.YativoCrypto(access_token=sandbox.session_token, base_url=sandbox.base_url) as c:
        assert isinstance(c.accounts.list(), list)
