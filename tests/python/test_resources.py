"""Accounts, assets, balance, transactions, webhooks, request(), rate_limit."""

from __future__ import annotations

import decimal
from typing import Callable, Dict

import pytest

import libyativo as yv
from sandbox import SOLANA_ADDRESS, Sandbox, ident, send_args


def test_accounts(client: yv.YativoCrypto) -> None:
    account = client.accounts.create("ops", "personal")
    assert account["account_type"] == "personal"
    default = client.accounts.create("ops-default")
    assert default["account_type"] == "business"
    ids = [ident(a, "account_id") for a in client.accounts.list()]
    assert ident(account, "account_id") in ids and ident(default, "account_id") in ids


def test_assets_and_balance(client: yv.YativoCrypto, sandbox: Sandbox) -> None:
    account_id = ident(client.accounts.create("assets"), "account_id")
    asset = client.assets.add(account_id, "solana", "USDC_SOL")
    asset_id = ident(asset, "asset_id")
    assert [ident(a, "asset_id") for a in client.assets.list(account_id)] == [asset_id]
    assert asset_id in [ident(a, "asset_id") for a in client.assets.list()]

    balance = client.balance.check(asset_id)
    assert isinstance(balance["balance"], str)
    assert decimal.Decimal(balance["balance"]) == 0
    sandbox.deposit(asset_id, "12.345678901234567891")
    balance = client.balance.check(asset_id)
    # Exact digits: never through a double.
    assert decimal.Decimal(balance["balance"]) == decimal.Decimal("12.345678901234567891")


def test_gas_price(client: yv.YativoCrypto) -> None:
    price = client.transactions.gas_price("solana")
    assert isinstance(price, dict) and price
    fast = client.transactions.gas_price("solana", "high", amount=decimal.Decimal("1.5"))
    assert isinstance(fast, dict)
    with pytest.raises(yv.InvalidArgumentError):
        client.transactions.gas_price("solana", "warp")


def test_send_funds_and_history(client: yv.YativoCrypto, funded: Dict[str, str]) -> None:
    result = client.transactions.send_funds(**send_args(funded, amount="2.5", description="rent"))
    assert result["idempotency_key"]
    again = client.transactions.send_funds(
        **send_args(funded, amount=decimal.Decimal("1E+0"), idempotency_key="my-key-1")
    )
    assert again["idempotency_key"] == "my-key-1"

    balance = decimal.Decimal(client.balance.check(funded["asset"])["balance"])
    assert balance < decimal.Decimal("96.5")  # 100 - 2.5 - 1 - fees

    page = client.transactions.list(page=1, limit=100, chain="solana")
    assert isinstance(page, list) and len(page) >= 2
    assert all(isinstance(t["amount"], str) for t in page)
    assert client.transactions.list(search="no-such-thing-xyz") == []


def test_iterate_walks_every_page(client: yv.YativoCrypto, funded: Dict[str, str]) -> None:
    for _ in range(5):
        client.transactions.send_funds(**send_args(funded, amount="0.1", description="iter-test"))
    items = list(client.transactions.iterate(limit=2, search="iter-test"))
    assert len(items) == 5
    assert len({t.get("id") or t.get("transaction_id") for t in items}) == 5


def test_envelope_returns_the_siblings_of_data(
    client: yv.YativoCrypto, funded: Dict[str, str]
) -> None:
    for _ in range(3):
        client.transactions.send_funds(**send_args(funded, amount="0.1", description="env-test"))
    page = client.transactions.list(page=1, limit=2, search="env-test")
    assert isinstance(page, list) and len(page) == 2  # the default: `data` alone
    whole = client.transactions.list(page=1, limit=2, search="env-test", envelope=True)
    assert isinstance(whole, dict)
    assert whole["data"] == page
    # Numbers come back as str, as everywhere in a payload.
    assert whole["pagination"] == {"page": "1", "limit": "2", "total": "3", "pages": "2"}
    assert whole["message"] == "Transactions fetched successfully"

    assert client.accounts.list(envelope=True)["data"] == client.accounts.list()
    assert client.assets.list(envelope=True)["data"] == client.assets.list()
    assert client.webhooks.list(envelope=True)["data"] == client.webhooks.list()
    assert client.balance.check(funded["asset"], envelope=True)["data"] == client.balance.check(
        funded["asset"]
    )
    via_request = client.request("GET", "/accounts/get-accounts", envelope=True)
    assert via_request["data"] == client.accounts.list() and "message" in via_request
    sent = client.transactions.send_funds(
        **send_args(funded, amount="0.1", idempotency_key="env-key-1"), envelope=True
    )
    assert sent["data"]["idempotency_key"] == "env-key-1" and "message" in sent


def test_amount_types(client: yv.YativoCrypto, funded: Dict[str, str]) -> None:
    with pytest.raises(yv.InvalidArgumentError, match="float"):
        client.transactions.send_funds(**send_args(funded, amount=1.5))
    with pytest.raises(ValueError):
        client.transactions.send_funds(**send_args(funded, amount=decimal.Decimal("-1")))
    with pytest.raises(yv.InvalidArgumentError):
        client.transactions.send_funds(**send_args(funded, amount="1e3"))


def test_insufficient_balance(client: yv.YativoCrypto, funded: Dict[str, str]) -> None:
    with pytest.raises(yv.ValidationError) as err:
        client.transactions.send_funds(**send_args(funded, amount="1000000"))
    assert err.value.http_status == 422
    assert err.value.error_code == "insufficient_balance"
    assert err.value.idempotency_key
    assert not err.value.outcome_unknown


def test_validation_400(client: yv.YativoCrypto) -> None:
    with pytest.raises(yv.ValidationError) as err:
        client.transactions.list(status="not-a-status")
    assert err.value.http_status == 400
    assert err.value.details is not None


def test_conflict(client: yv.YativoCrypto, funded: Dict[str, str]) -> None:
    client.transactions.send_funds(**send_args(funded, amount="1", idempotency_key="conflict-1"))
    with pytest.raises(yv.ConflictError) as err:
        client.transactions.send_funds(**send_args(funded, amount="2", idempotency_key="conflict-1"))
    assert err.value.http_status == 409
    assert err.value.existing_transaction_id


def test_webhooks(client: yv.YativoCrypto) -> None:
    hook = client.webhooks.create("https://example.com/hooks", ["transaction.completed"], "test")
    assert isinstance(hook, yv.Webhook)
    assert hook.id and hook.secret and hook.url == "https://example.com/hooks"
    assert hook.events == ["transaction.completed"]
    assert hook.secret not in repr(hook) and "secret='***'" in repr(hook)
    assert "secret" not in hook.raw and "webhook_secret" not in hook.raw

    listed = client.webhooks.list()
    hooks = listed if isinstance(listed, list) else listed.get("webhooks", [])
    assert hook.id in [ident(h, "webhook_id") for h in hooks]
    client.webhooks.delete(hook.id)
    with pytest.raises(yv.NotFoundError):
        client.webhooks.delete(hook.id)


def test_request(client: yv.YativoCrypto) -> None:
    accounts = client.request("GET", "/accounts/get-accounts")
    assert isinstance(accounts, list)
    created = client.request(
        "POST", "accounts/create-account", {"account_name": "via-request", "account_type": "business"},
        idempotency_key="req-acc-1",
    )
    assert created["account_name"] == "via-request"
    replay = client.request(
        "POST", "/accounts/create-account", {"account_name": "via-request", "account_type": "business"},
        idempotency_key="req-acc-1",
    )
    assert ident(replay, "account_id") == ident(created, "account_id")
    with pytest.raises(yv.InvalidArgumentError):
        client.request("FETCH", "/accounts/get-accounts")
    with pytest.raises(yv.NotFoundError):
        client.request("GET", "/no/such/endpoint")


def test_rate_limit_property(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox("--rate-limit", "3")
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url, max_retries=0) as c:
        assert c.rate_limit is None
        c.accounts.list()
        rl = c.rate_limit
        assert isinstance(rl, yv.RateLimit)
        assert rl.limit == 3 and rl.remaining == 2
        c.accounts.list()
        c.accounts.list()
        with pytest.raises(yv.RateLimitError) as err:
            c.accounts.list()
        assert err.value.http_status == 429
        assert isinstance(err.value.retry_after, float) and err.value.retry_after > 0
        assert "remaining=0" in repr(c.rate_limit)


def test_solana_address_checked_locally(client: yv.YativoCrypto, funded: Dict[str, str]) -> None:
    with pytest.raises(yv.InvalidArgumentError):
        client.transactions.send_funds(**send_args(funded, receiving_address="not-base58-0OIl"))
    assert SOLANA_ADDRESS
