"""The generated endpoint methods (libyativo/_resources.py, src/py_endpoints_gen.cpp): one per row
of api/endpoints.toml, documented, None = unset everywhere, the core called by keyword."""

from __future__ import annotations

import decimal
import inspect
import os
import pydoc
import sys
from typing import Any, Dict, List

import pytest

import libyativo as yv

ROOT = os.environ.get("YV_REPO_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
GROUPS = {
    "api_keys": yv.ApiKeys,
    "accounts": yv.Accounts,
    "assets": yv.Assets,
    "balance": yv.BalanceService,
    "transactions": yv.Transactions,
    "webhooks": yv.Webhooks,
}


def group_class(name: str) -> Any:
    """A group's class: its name in PascalCase, or with the suffix Service when a record has that
    name (BalanceService)."""
    pascal = "".join(part.capitalize() for part in name.split("_"))
    return getattr(yv, pascal + "Service", None) or getattr(yv, pascal)
OPTIONS = {"totp_code", "idempotency_key", "timeout", "envelope"}


def endpoints() -> List[Dict[str, Any]]:
    pytest.importorskip("tomllib")  # Python 3.11+
    sys.path.insert(0, ROOT)
    from codegen.api import read  # endpoints.toml and api/groups/*.toml

    rows: List[Dict[str, Any]] = read(os.path.join(ROOT, "api", "endpoints.toml"))["endpoint"]
    return rows


def resource_methods() -> List[Any]:
    return [
        getattr(cls, name)
        for cls in GROUPS.values()
        for name, member in vars(cls).items()
        if callable(member) and not name.startswith("_")
    ] + [
        getattr(yv.Transactions, name)
        for name in vars(yv.Transactions.__mro__[1])
        if not name.startswith("_")
    ]


def test_every_resource_method_has_a_docstring() -> None:
    methods = resource_methods()
    assert len(methods) >= 18
    for method in methods:
        doc = inspect.getdoc(method)
        assert doc and len(doc) > 20, method.__qualname__
        assert method.__qualname__.split(".")[-1] in pydoc.render_doc(method)
    for cls in GROUPS.values():
        assert inspect.getdoc(cls), cls.__name__
        assert "c." in pydoc.render_doc(cls)


def test_every_endpoint_is_a_documented_method() -> None:
    for row in endpoints():
        method = getattr(GROUPS.get(row["group"]) or group_class(row["group"]), row["verb"])
        doc = inspect.getdoc(method) or ""
        assert " ".join(row["doc"].split())[:40] in " ".join(doc.split()), row["name"]
        params = inspect.signature(method).parameters
        for p in row.get("params", []):
            name = p.get("names", {}).get("python", p["name"])
            assert name in params, (row["name"], name)
            assert name in doc, (row["name"], name)
        assert ("totp_code" in params) == (row.get("two_factor", "none") != "none"), row["name"]
        assert ("idempotency_key" in params) == (row["kind"] != "read"), row["name"]
        assert ("envelope" in params) == (row["returns"] == "json"), row["name"]


def test_optional_parameters_default_to_unset() -> None:
    # Defaults live in the core: every optional parameter of a public method is None (envelope,
    # an option, is False).
    for method in resource_methods():
        for name, p in inspect.signature(method).parameters.items():
            if p.default is inspect.Parameter.empty or name == "self":
                continue
            expected = False if name == "envelope" else None
            assert p.default is expected, (method.__qualname__, name, p.default)


def test_the_core_takes_arguments_by_keyword_only() -> None:
    c = yv.YativoCrypto(access_token="secret-token-xyz", base_url="http://127.0.0.1:1/api/v1")
    with pytest.raises(TypeError):
        c._c.list_accounts(None, False)  # type: ignore[misc]
    c.close()


def test_account_type_unset_is_the_cores_default(client: yv.YativoCrypto) -> None:
    # The sandbox echoes account_type: unset (omitted or None) is sent as "business".
    assert client.accounts.create("unset-type").type == "business"
    assert client.accounts.create("none-type", None).type == "business"
    assert client.accounts.create("kw-none", account_type=None).type == "business"
    assert client.accounts.create("personal", account_type="personal").type == "personal"


def test_priority_unset_and_extra_fields(client: yv.YativoCrypto) -> None:
    assert isinstance(client.transactions.gas_price("solana", None), dict)
    assert isinstance(client.transactions.gas_price("solana", priority=None, amount=decimal.Decimal("2")), dict)


def test_empty_account_id_is_refused(client: yv.YativoCrypto) -> None:
    # "" would be unset in the core, widening the call to every account.
    with pytest.raises(yv.InvalidArgumentError, match="account_id"):
        client.assets.list("")


def test_webhook_delete_by_keyword(client: yv.YativoCrypto) -> None:
    kept = client.webhooks.create("https://example.com/kw-kept", ["transaction.completed"])
    hook = client.webhooks.create("https://example.com/kw", ["transaction.completed"])
    client.webhooks.delete(id=hook.id)
    ids = [h.id for h in client.webhooks.list()]
    assert kept.id in ids and hook.id not in ids
    client.webhooks.delete(kept.id)


def test_an_empty_string_is_not_unset() -> None:
    """"" for a parameter with a default is refused (as in C); None means unset."""
    c = yv.YativoCrypto(access_token="t", base_url="http://127.0.0.1:1/api/v1")
    with pytest.raises(yv.InvalidArgumentError, match="account_type is empty"):
        c.accounts.create("acct", "")
    with pytest.raises(yv.InvalidArgumentError, match="priority is empty"):
        c.transactions.gas_price("solana", priority="")
    c.close()
