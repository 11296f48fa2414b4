"""Typed results: the record classes generated from the [[record]] rows of api/endpoints.toml
(Account, Asset, Balance, Transfer, Transaction), as the endpoint methods return them."""

from __future__ import annotations

import inspect
import os
import sys
import uuid
from decimal import Decimal
from typing import Any, Callable, Dict, List

import pytest

import libyativo as yv
from libyativo import _resources
from sandbox import Sandbox, send_args

ROOT = os.environ.get("YV_REPO_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
PY_TYPES = {"string": str, "decimal": Decimal, "int": int, "bool": bool, "string_list": list,
            "json": dict}


def description() -> Dict[str, Any]:
    pytest.importorskip("tomllib")  # Python 3.11+
    sys.path.insert(0, ROOT)
    from codegen.api import read  # endpoints.toml and api/groups/*.toml

    return read(os.path.join(ROOT, "api", "endpoints.toml"))  # type: ignore[no-any-return]


def generated_records() -> List[Dict[str, Any]]:
    return [r for r in description()["record"] if not r.get("hand_written")]


def test_every_generated_record_is_a_documented_class_of_the_package() -> None:
    records = generated_records()
    assert {r["name"] for r in records} >= {"Account", "Asset", "Balance", "Transfer",
                                            "Transaction"}
    for row in records:
        cls = getattr(yv, row["name"])
        assert row["name"] in yv.__all__, row["name"]
        assert cls is getattr(yv._core, row["name"])
        assert row["doc"][:30] in (cls.__doc__ or ""), row["name"]
        for field in row["fields"]:
            prop = vars(cls).get(field["name"])
            assert isinstance(prop, property), (row["name"], field["name"])
            assert field["doc"][1:30] in (prop.__doc__ or ""), (row["name"], field["name"])


def test_every_group_class_is_exported() -> None:
    c = yv.YativoCrypto(access_token="t", base_url="http://127.0.0.1:1/api/v1")
    for group in description()["group"]:
        cls = type(getattr(c, group["name"]))
        assert cls.__name__ in yv.__all__ and getattr(yv, cls.__name__) is cls, group["name"]
        generated = cls if cls.__module__ == _resources.__name__ else cls.__mro__[1]
        assert generated.__name__ in _resources.__all__, group["name"]
    c.close()
    # The balance group's class gives the name Balance to the record.
    assert yv.BalanceService is type(c.balance) and yv.Balance is yv._core.Balance


def check_fields(record: Any, name: str) -> None:
    """Every field of the row is a property of its Python type, or None when absent."""
    row = next(r for r in description()["record"] if r["name"] == name)
    assert type(record).__name__ == name
    for field in row["fields"]:
        value = getattr(record, field["name"])
        if value is None:
            assert not field.get("required") and field["type"] not in ("string_list", "json")
        else:
            assert isinstance(value, PY_TYPES[field["type"]]), (name, field["name"], value)
            if field["type"] == "int":
                assert not isinstance(value, bool)


def test_records_of_every_call(client: yv.YativoCrypto, funded: Dict[str, str]) -> None:
    account = next(a for a in client.accounts.list() if a.id == funded["account"])
    check_fields(account, "Account")
    check_fields(client.accounts.create("typed"), "Account")
    asset = client.assets.add(funded["account"], "solana", "SOL")
    check_fields(asset, "Asset")
    for a in client.assets.list(funded["account"]):
        check_fields(a, "Asset")
    check_fields(client.balance.check(funded["asset"]), "Balance")
    check_fields(client.transactions.send_funds(**send_args(funded)), "Transfer")
    for t in client.transactions.list():
        check_fields(t, "Transaction")


def test_a_decimal_keeps_every_digit(client: yv.YativoCrypto, sandbox: Sandbox) -> None:
    account = client.accounts.create("tiny")
    asset = client.assets.add(account.id, "solana", "USDC_SOL")
    sandbox.deposit(asset.id, "0.000000000000000001")
    balance = client.balance.check(asset.id)
    assert isinstance(balance.balance, Decimal)
    # A float would read 1e-18 as 1.0000000000000000715e-18; the Decimal is the text exactly.
    assert balance.balance == Decimal("0.000000000000000001")
    assert balance.balance.as_tuple() == Decimal("0.000000000000000001").as_tuple()
    assert balance.raw["balance"] == "0.000000000000000001"
    sandbox.deposit(asset.id, "12345678901234567.89")
    big = client.balance.check(asset.id).balance
    assert big == Decimal("12345678901234567.890000000000000001")
    assert [a.balance for a in client.assets.list(account.id)] == [big]


def test_an_int_from_a_numeric_string(client: yv.YativoCrypto) -> None:
    account = client.accounts.create("counted")
    client.assets.add(account.id, "solana", "USDC_SOL")
    client.assets.add(account.id, "ethereum", "ETH")
    listed = next(a for a in client.accounts.list() if a.id == account.id)
    assert listed.raw["assets"] == "2"  # the server sends a string
    assert listed.assets == 2 and type(listed.assets) is int


def test_absent_fields_are_none(client: yv.YativoCrypto, funded: Dict[str, str]) -> None:
    # The answer to create holds no asset count; the sandbox gives no USD value.
    assert client.accounts.create("fresh").assets is None
    balance = client.balance.check(funded["asset"])
    assert balance.balance_usd is None and "balance_usd" not in balance.raw
    assert balance.balance == Decimal("100")


def test_raw_holds_the_fields_no_property_names(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sb = make_sandbox()
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        body = {"status": True, "data": {"account_id": "acc_1", "account_name": None,
                                         "assets": "many", "tier": {"level": "3"}}}
        sb.fault("/accounts/create-account", "respond", status=200, body=body)
        account = c.accounts.create("shaped")
    # null, and a value that is not a number, read as absent; their text stays in raw.
    assert account.id == "acc_1"
    assert account.name is None and account.assets is None and account.type is None
    assert account.raw == {"account_id": "acc_1", "account_name": None, "assets": "many",
                           "tier": {"level": "3"}}
    assert "tier" not in repr(account) and "raw" not in repr(account)


def test_transfer_and_transaction(client: yv.YativoCrypto, funded: Dict[str, str]) -> None:
    tag = f"typed-{uuid.uuid4().hex[:8]}"
    sent = client.transactions.send_funds(**send_args(funded, amount="2.5", description=tag))
    assert isinstance(sent, yv.Transfer)
    assert sent.amount == Decimal("2.5") and sent.fee is not None
    assert sent.total_debited == sent.amount + sent.fee
    assert sent.balance_after == Decimal("100") - sent.total_debited
    assert sent.raw["description"] == tag and sent.raw["category"] == "payment"
    [listed] = client.transactions.list(search=tag)
    assert isinstance(listed, yv.Transaction)
    assert (listed.id, listed.amount, listed.hash) == (sent.id, sent.amount, sent.hash)
    assert listed.asset_id == funded["asset"] and listed.account_id == funded["account"]
    assert listed.raw["description"] == tag


def test_transfer_carries_the_idempotency_key(
    client: yv.YativoCrypto, funded: Dict[str, str], sandbox: Sandbox
) -> None:
    given = f"typed-key-{uuid.uuid4().hex}"
    assert client.transactions.send_funds(
        **send_args(funded, idempotency_key=given)
    ).idempotency_key == given

    generated = client.transactions.send_funds(**send_args(funded))
    assert generated.idempotency_key and str(uuid.UUID(generated.idempotency_key)) == (
        generated.idempotency_key
    )
    # It is the key the request carried: sent again with it, the server replays the transfer.
    created = sandbox.stats()["transactions_created"]
    again = client.transactions.send_funds(
        **send_args(funded, idempotency_key=generated.idempotency_key)
    )
    assert again.id == generated.id and again.idempotency_key == generated.idempotency_key
    assert sandbox.stats()["transactions_created"] == created


def test_webhooks_list_returns_webhooks(client: yv.YativoCrypto) -> None:
    hook = client.webhooks.create("https://example.com/typed", ["transaction.completed"], "t")
    listed = client.webhooks.list()
    assert isinstance(listed, list) and all(isinstance(h, yv.Webhook) for h in listed)
    [mine] = [h for h in listed if h.id == hook.id]
    assert mine.url == hook.url and mine.events == ["transaction.completed"]
    assert mine.description == "t" and mine.secret is None  # shown at create only
    client.webhooks.delete(hook.id)


def test_iterate_yields_transactions(client: yv.YativoCrypto, funded: Dict[str, str]) -> None:
    tag = f"typed-iter-{uuid.uuid4().hex[:8]}"
    for amount in ("0.1", "0.25", "0.000000000000000003"):
        client.transactions.send_funds(**send_args(funded, amount=amount, description=tag))
    walked = list(client.transactions.iterate(limit=2, search=tag))
    assert all(isinstance(t, yv.Transaction) for t in walked)
    assert sorted(t.amount for t in walked if t.amount is not None) == [
        Decimal("0.000000000000000003"), Decimal("0.1"), Decimal("0.25")]
    assert walked == client.transactions.list(limit=100, search=tag)


def test_repr_and_equality(client: yv.YativoCrypto, funded: Dict[str, str]) -> None:
    balance = client.balance.check(funded["asset"])
    text = repr(balance)
    assert text.startswith(f"Balance(asset_id={funded['asset']!r}, ")
    assert "balance=Decimal('100')" in text and "balance_usd=None" in text
    assert "raw" not in text and "last_updated" not in text
    again = client.balance.check(funded["asset"])
    assert again == balance and not (again != balance)
    others: List[object] = [balance.raw, client.accounts.list()[0], None]
    assert all(balance != other and not balance == other for other in others)
    client.transactions.send_funds(**send_args(funded, amount="1"))
    assert client.balance.check(funded["asset"]) != balance
    with pytest.raises(AttributeError):
        balance.balance = Decimal("1")  # type: ignore[misc]


def test_result_annotations_name_the_records() -> None:
    hints: Dict[Callable[..., Any], str] = {
        yv.Accounts.list: "List[Account]", yv.Accounts.create: "Account",
        yv.Assets.add: "Asset", yv.Assets.list: "List[Asset]",
        yv.BalanceService.check: "Balance", yv.Transactions.send_funds: "Transfer",
        yv.Transactions.list: "List[Transaction]", yv.Transactions.iterate: "Iterator[Transaction]",
        yv.Webhooks.list: "List[Webhook]",
    }
    for method, want in hints.items():
        assert inspect.signature(method).return_annotation == want, method.__qualname__
