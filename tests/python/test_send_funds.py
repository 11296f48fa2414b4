"""send_funds: idempotency keys, exactly-once under dropped connections, 2FA on send."""

from __future__ import annotations

from typing import Callable, Dict

import pytest

import libyativo as yv
from sandbox import Sandbox, send_args


def fund(c: yv.YativoCrypto, sb: Sandbox) -> Dict[str, str]:
    account_id = c.accounts.create("send").id
    asset_id = c.assets.add(account_id, "solana", "USDC_SOL").id
    sb.deposit(asset_id, "50")
    return {"account": account_id, "asset": asset_id}


def test_drop_after_sends_exactly_once(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        funded = fund(c, sb)
        # The server processes the transfer, then closes without answering: the core retries
        # with the same key and the sandbox replays the original answer.
        sb.fault("/transactions/send-funds", "drop_after", count=1)
        result = c.transactions.send_funds(**send_args(funded, amount="3"))
        assert result.idempotency_key
        stats = sb.stats()
        assert stats["transactions_created"] == 1
        assert stats["paths"]["/transactions/send-funds"] == 2
        listed = c.transactions.list()
        assert [t.id for t in listed] == [result.id]


def test_outcome_unknown_then_retry_with_the_same_key(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url, max_retries=0) as c:
        funded = fund(c, sb)
        # Every answer dropped: the call ends with the outcome unknown (each attempt was processed
        # or replayed by the server, none answered).
        sb.fault("/transactions/send-funds", "drop_after", count=100)
        with pytest.raises(yv.NetworkError) as err:
            c.transactions.send_funds(**send_args(funded, amount="4"))
        sb.clear_faults()
        e = err.value
        assert e.outcome_unknown and e.idempotency_key
        result = c.transactions.send_funds(**send_args(funded, amount="4", idempotency_key=e.idempotency_key))
        assert result.idempotency_key == e.idempotency_key
        assert sb.stats()["transactions_created"] == 1


def test_two_factor_on_send(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox("--require-2fa-on-send")
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        funded = fund(c, sb)
        with pytest.raises(yv.TwoFactorRequiredError):
            c.transactions.send_funds(**send_args(funded))
        code = yv.totp(sb.totp_secret, period=2)
        result = c.transactions.send_funds(**send_args(funded, totp_code=code))
        assert result.idempotency_key
