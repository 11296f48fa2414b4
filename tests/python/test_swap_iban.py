"""The swap and standalone IBAN groups against the sandbox: a quote, then its execution with 2FA
moving exact balances once under one idempotency key; the IBAN onboarding from init to issue."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Callable, Iterator, Tuple

import pytest

import libyativo as yv
from sandbox import Sandbox


@pytest.fixture
def sb(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    return make_sandbox("--iban-review", "-1")  # IBAN KYC approved by the control endpoint only


@pytest.fixture
def c(sb: Sandbox) -> Iterator[yv.YativoCrypto]:
    with yv.YativoCrypto(**sb.session_kwargs()) as client:
        yield client


def two_assets(sb: Sandbox, c: yv.YativoCrypto) -> Tuple[str, str]:
    account = c.accounts.create("swaps").id
    usdc = c.assets.add(account, "solana", "USDC_SOL").id
    eth = c.assets.add(account, "ethereum", "ETH").id
    sb.deposit(usdc, "100")
    return usdc, eth


def test_quote_then_execute_moves_exact_balances_once(sb: Sandbox, c: yv.YativoCrypto) -> None:
    usdc, eth = two_assets(sb, c)
    assert any(s["asset"] == "USDC" for s in c.swap.get_routes()["sources"])
    quote = c.swap.get_quote(from_asset_id=usdc, to_asset_id=eth, amount="10")
    # fee 0.1% of 10 = 0.01; (10 - 0.01) x 0.00033 = 0.0032967, exactly.
    assert quote.id.startswith("quote_") and quote.from_amount == Decimal("10")
    assert quote.to_amount == Decimal("0.0032967") and quote.rate == Decimal("0.00033")
    assert quote.from_asset_id == usdc and quote.expires_at

    key = str(uuid.uuid4())
    done = c.swap.execute(quote_id=quote.id, idempotency_key=key)
    again = c.swap.execute(quote_id=quote.id, idempotency_key=key)  # a retry: the same swap
    assert done.idempotency_key == again.idempotency_key == key and done.id == again.id
    assert done.from_amount == Decimal("10") and done.to_amount == Decimal("0.0032967")
    assert done.fee == Decimal("0.01") and done.status == "completed"
    assert c.balance.check(usdc).balance == Decimal("90")
    assert c.balance.check(eth).balance == Decimal("0.0032967")
    history = c.swap.get_history(limit=10)
    assert [s.id for s in history] == [done.id] and history[0].to_amount == Decimal("0.0032967")

    with pytest.raises(yv.ConflictError) as e:  # a new key cannot execute the quote twice
        c.swap.execute(quote_id=quote.id)
    assert e.value.error_code == "conflict" and e.value.details["quote_id"] == quote.id
    uuid.UUID(e.value.idempotency_key or "")  # the generated key comes back with the error
    assert c.balance.check(usdc).balance == Decimal("90")


def test_execute_needs_2fa_and_an_unexpired_quote(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox("--quote-ttl", "1")
    with yv.YativoCrypto(**sb.session_kwargs()) as c:
        usdc, eth = two_assets(sb, c)
        quote = c.swap.get_quote(from_asset_id=usdc, to_asset_id=eth, amount="1")
        with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as no_totp:
            with pytest.raises(yv.TwoFactorRequiredError):
                no_totp.swap.execute(quote_id=quote.id, totp_code="000000")
        import time
        time.sleep(1.2)
        with pytest.raises(yv.ValidationError) as e:
            c.swap.execute(quote_id=quote.id)
        assert e.value.error_code == "quote_expired" and e.value.http_status == 422
        assert c.balance.check(usdc).balance == Decimal("100")
        assert c.swap.get_history() == []


def test_iban_onboarding_to_issue(sb: Sandbox, c: yv.YativoCrypto) -> None:
    assert "EUR" in c.iban.get_options()["currencies"]
    assert c.iban.get_status().status == "not_started"
    started = c.iban.initialize("holder@example.com")
    assert started.status == "initialized" and started.email == "holder@example.com"
    with pytest.raises(yv.ConflictError) as early:
        c.iban.request_iban()
    assert early.value.error_code == "invalid_state"
    with pytest.raises(yv.ValidationError) as bad:
        c.iban.submit_kyc({"first_name": "Ada"})
    assert "kyc.last_name" in str(bad.value.details)
    kyc = {"first_name": "Ada", "last_name": "Lovelace", "date_of_birth": "1815-12-10",
           "nationality": "GB", "address": "12 St James's Square, London"}
    assert c.iban.submit_kyc(kyc, email="holder@example.com").status == "kyc_submitted"
    sb._control("POST", "/__sandbox/iban/approve", {})
    issued = c.iban.request_iban()
    assert issued.status == "issued" and issued.iban and issued.iban.startswith("DE")
    assert issued.bic == "YATVDEB1XXX"
    status = c.iban.get_status()
    assert (status.status, status.iban, status.id) == ("issued", issued.iban, started.id)
    with pytest.raises(yv.NotFoundError):
        c.iban.get_status(customer_id="cus_000000000000000000000000")
