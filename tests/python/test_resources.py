"""Accounts, assets, balance, transactions, webhooks, request(), rate_limit."""

from __future__ import annotations

import decimal
from typing import Callable, Dict

import pytest

import libyativo as yv
from sandbox import SOLANA_ADDRESS, Sandbox, ident, send_args


def test_accounts(client: yv.YativoCrypto) -> None:
    account = client.accounts.create("ops", "personal")
    assert isinstance(account, yv.Account)
    assert account.type == "personal" and account.name == "ops" and account.status == "active"
    default = client.accounts.create("ops-default")
    assert default.type == "business"
    listed = client.accounts.list()
    assert all(isinstance(a, yv.Account) for a in listed)
    ids = [a.id for a in listed]
    assert account.id in ids and default.id in ids
    # The list counts each account's assets: an int (the server sends the text "0").
    assert next(a for a in listed if a.id == account.id).assets == 0


def test_assets_and_balance(client: yv.YativoCrypto, sandbox: Sandbox) -> None:
    account_id = client.accounts.create("assets").id
    asset = client.assets.add(account_id, "solana", "USDC_SOL")
    assert isinstance(asset, yv.Asset)
    assert (asset.account_id, asset.chain, asset.ticker) == (account_id, "solana", "USDC_SOL")
    assert asset.address and asset.balance == 0
    asset_id = asset.id
    assert [a.id for a in client.assets.list(account_id)] == [asset_id]
    assert asset_id in [a.id for a in client.assets.list()]

    balance = client.balance.check(asset_id)
    assert isinstance(balance, yv.Balance) and balance.asset_id == asset_id
    assert isinstance(balance.balance, decimal.Decimal)
    assert balance.balance == 0
    sandbox.deposit(asset_id, "12.345678901234567891")
    balance = client.balance.check(asset_id)
    # Exact digits: never through a double.
    assert balance.balance == decimal.Decimal("12.345678901234567891")


def test_gas_price(client: yv.YativoCrypto) -> None:
    price = client.transactions.gas_price("solana")
    assert isinstance(price, dict) and price
    fast = client.transactions.gas_price("solana", "high", amount=decimal.Decimal("1.5"))
    assert isinstance(fast, dict)
    with pytest.raises(yv.InvalidArgumentError):
        client.transactions.gas_price("solana", "warp")


def test_gas_price_for_an_asset_and_amount(client: yv.YativoCrypto) -> None:
    # amount_usd, asset_id and token_symbol are typed; the sandbox echoes what it used.
    account_id = client.accounts.create("gas").id
    asset = client.assets.add(account_id, "solana", "USDC_SOL")
    price = client.transactions.gas_price("solana", "low", decimal.Decimal("25.50"), asset.id,
                                          "usdc")
    assert price["amount_usd"] == "25.5"
    assert price["asset_id"] == asset.id
    assert price["token_symbol"] == "USDC" and price["feeCurrency"] == "USDC"
    by_name = client.transactions.gas_price("solana", amount_usd="3", token_symbol="USDT")
    assert by_name["amount_usd"] == "3" and by_name["feeCurrency"] == "USDT"
    assert "asset_id" not in by_name
    plain = client.transactions.gas_price("solana")
    assert "amount_usd" not in plain and plain["feeCurrency"] == "SOL"
    # Money is exact: a float is refused before any request, as is text that is no decimal.
    with pytest.raises(yv.InvalidArgumentError):
        client.transactions.gas_price("solana", amount_usd=25.5)  # type: ignore[arg-type]
    with pytest.raises(yv.InvalidArgumentError):
        client.transactions.gas_price("solana", amount_usd="2,5")
    with pytest.raises(yv.ValidationError):
        client.transactions.gas_price("solana", asset_id=asset.id, token_symbol="DAI")


def test_send_funds_and_history(client: yv.YativoCrypto, funded: Dict[str, str]) -> None:
    result = client.transactions.send_funds(**send_args(funded, amount="2.5", description="rent"))
    assert isinstance(result, yv.Transfer)
    assert result.idempotency_key and result.amount == decimal.Decimal("2.5")
    again = client.transactions.send_funds(
        **send_args(funded, amount=decimal.Decimal("1E+0"), idempotency_key="my-key-1")
    )
    assert again.idempotency_key == "my-key-1" and again.amount == 1

    balance = client.balance.check(funded["asset"]).balance
    assert balance < decimal.Decimal("96.5")  # 100 - 2.5 - 1 - fees
    assert balance == again.balance_after

    page = client.transactions.list(page=1, limit=100, chain="solana")
    assert isinstance(page, list) and len(page) >= 2
    assert all(isinstance(t, yv.Transaction) for t in page)
    assert all(isinstance(t.amount, decimal.Decimal) for t in page)
    assert {result.id, again.id} <= {t.id for t in page}
    assert client.transactions.list(search="no-such-thing-xyz") == []


def test_iterate_walks_every_page(client: yv.YativoCrypto, funded: Dict[str, str]) -> None:
    for _ in range(5):
        client.transactions.send_funds(**send_args(funded, amount="0.1", description="iter-test"))
    items = list(client.transactions.iterate(limit=2, search="iter-test"))
    assert len(items) == 5
    assert len({t.id for t in items}) == 5


def test_envelope_returns_the_siblings_of_data(
    client: yv.YativoCrypto, funded: Dict[str, str]
) -> None:
    # A record's raw is its own object; the whole answer (`pagination`, `message`) is request()'s
    # and gas_price()'s with envelope=True.
    for _ in range(3):
        client.transactions.send_funds(**send_args(funded, amount="0.1", description="env-test"))
    page = client.transactions.list(page=1, limit=2, search="env-test")
    assert isinstance(page, list) and len(page) == 2
    query = {"page": 1, "limit": 2, "search": "env-test"}
    whole = client.request("POST", "/transactions/get-transactions", query, envelope=True)
    assert isinstance(whole, dict)
    assert whole["data"] == [t.raw for t in page]
    assert client.request("POST", "/transactions/get-transactions", query) == whole["data"]
    # Numbers come back as str, as everywhere in a payload.
    assert whole["pagination"] == {"page": "1", "limit": "2", "total": "3", "pages": "2"}
    assert whole["message"] == "Transactions fetched successfully"

    via_request = client.request("GET", "/accounts/get-accounts", envelope=True)
    assert via_request["data"] == [a.raw for a in client.accounts.list()]
    assert "message" in via_request
    assets = client.request("POST", "/assets/get-user-assets", {}, envelope=True)
    assert assets["data"] == [a.raw for a in client.assets.list()] and "message" in assets
    balance = client.request("POST", "/balance/check", {"asset_id": funded["asset"]},
                             envelope=True)
    assert balance["data"] == client.balance.check(funded["asset"]).raw

    price = client.transactions.gas_price("solana")
    whole_price = client.transactions.gas_price("solana", envelope=True)
    assert isinstance(whole_price, dict) and "message" in whole_price
    assert whole_price["data"].keys() == price.keys()
    sent = client.transactions.send_funds(
        **send_args(funded, amount="0.1", idempotency_key="env-key-1")
    )
    assert sent.idempotency_key == "env-key-1" and sent.raw["idempotency_key"] == "env-key-1"


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
    assert all(isinstance(h, yv.Webhook) for h in listed)
    assert hook.id in [h.id for h in listed]
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
