"""SPEC §1 dialects against the sandbox: a primary path answered 404 (a fault, not processed)
sends the call to the other dialect (K2, W2) with the same 2FA code, and the client remembers it
for the group; other errors never fall back."""

from __future__ import annotations

import pytest

import libyativo as yv
from sandbox import Sandbox


def count(sb: Sandbox, path: str) -> int:
    return int(sb.stats()["paths"].get(path, 0))


def test_keys_fall_back_to_k2_and_remember_it(make_sandbox) -> None:
    sb = make_sandbox()
    sb.fault("/apikey/create", status=404)
    with yv.YativoCrypto(**sb.session_kwargs()) as s:
        key = s.api_keys.create("py-k2", ["read"])
        assert key.name == "py-k2" and key.permissions == ["read"] and key.api_secret
        assert [k.id for k in s.api_keys.list()] == [key.id]
        s.api_keys.revoke(key.id)
        assert count(sb, "/apikey/create") == 1
        assert count(sb, "/apikey/generate") == 1
        assert count(sb, "/apikey/list") == 0
        assert count(sb, "/apikey") == 1
        assert count(sb, f"/apikey/{key.id}") == 1
        assert count(sb, f"/apikey/{key.id}/revoke") == 0
        # The webhooks group learnt nothing from the keys group.
        s.webhooks.list()
        assert count(sb, "/webhook/list") == 1


def test_webhooks_fall_back_to_w2(make_sandbox) -> None:
    sb = make_sandbox()
    sb.fault("/webhook/create", status=405)
    with yv.YativoCrypto(**sb.session_kwargs()) as s:
        hook = s.webhooks.create("https://example.com/py", ["transaction.confirmed"])
        assert hook.url == "https://example.com/py"
        assert [h.id for h in s.webhooks.list()] == [hook.id]
    assert count(sb, "/webhook/create-webhook") == 1
    assert count(sb, "/webhook/get-webhooks") == 1
    assert count(sb, "/webhook/list") == 0


@pytest.mark.parametrize("status", [400, 403, 422])
def test_other_errors_never_fall_back(make_sandbox, status: int) -> None:
    sb = make_sandbox()
    sb.fault("/apikey/create", status=status)
    with yv.YativoCrypto(**sb.session_kwargs()) as s:
        with pytest.raises(yv.YativoError) as err:
            s.api_keys.create("py-no", ["read"])
        assert err.value.http_status == status
    assert count(sb, "/apikey/generate") == 0
