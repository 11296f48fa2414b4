"""json and query parameters against the sandbox: a json value reaches the server under its wire
key (a float anywhere inside is refused before anything is sent), and the parameters of a GET
travel in the query string (the sandbox filters by them)."""

from __future__ import annotations

import decimal
import json
from typing import Any

import pytest

import libyativo as yv
from sandbox import Sandbox


def path_count(sandbox: Sandbox, path: str) -> int:
    return int(sandbox.stats()["paths"].get(path, 0))


def test_a_get_sends_its_parameter_in_the_query_string(client: yv.YativoCrypto) -> None:
    a = client.accounts.create("conn-a")
    b = client.accounts.create("conn-b")
    client.accounts.create_connections(a.id, chains=["solana"])
    client.accounts.create_connections(b.id)  # every supported chain
    only_a = client.accounts.get_connections(a.id)
    assert [(c["account_id"], c["chain"]) for c in only_a] == [(a.id, "solana")]
    every = [c["account_id"] for c in client.accounts.get_connections()]
    assert a.id in every and every.count(b.id) > 1
    # The sandbox reads the query: an id of no account of this user is its 404.
    with pytest.raises(yv.NotFoundError):
        client.accounts.get_connections("acc_" + "0" * 24)


def test_an_empty_query_value_is_refused_before_sending(client: yv.YativoCrypto,
                                                        sandbox: Sandbox) -> None:
    before = path_count(sandbox, "/accounts/get-connections")
    with pytest.raises(yv.InvalidArgumentError):
        client.accounts.get_connections("")
    assert path_count(sandbox, "/accounts/get-connections") == before


def test_a_json_value_reaches_the_server_exactly(client: yv.YativoCrypto) -> None:
    metadata = {"tier": "gold", "limit": decimal.Decimal("1000.10"), "tags": ["a", "b"],
                "nested": {"n": 3, "ok": True, "none": None}}
    c = client.customers.create("json-meta@example.com", name="Meta", metadata=metadata)
    assert c.email == "json-meta@example.com"
    # The sandbox keeps the metadata and answers it back, the amount as its exact digits.
    assert c.raw["metadata"] == {"tier": "gold", "limit": "1000.10", "tags": ["a", "b"],
                                 "nested": {"n": "3", "ok": True, "none": None}}


@pytest.mark.parametrize("value", [1.5, {"limit": 0.1}, [1, [2.0]], {"a": {"b": [{"c": 1e3}]}}])
def test_a_float_anywhere_in_a_json_value_is_refused(client: yv.YativoCrypto, sandbox: Sandbox,
                                                     value: Any) -> None:
    before = path_count(sandbox, "/customers/create-customer")
    with pytest.raises(yv.InvalidArgumentError, match="metadata holds a float"):
        client.customers.create("float@example.com", metadata=value)
    assert path_count(sandbox, "/customers/create-customer") == before


@pytest.mark.parametrize("value", [{"s": "text"}, {"n": 7}, {"b": False}, {"l": ["x", None]}, {}])
def test_any_json_value_but_a_float_is_sent(client: yv.YativoCrypto, value: Any) -> None:
    c = client.customers.create(f"any-{abs(hash(json.dumps(value)))}@example.com", metadata=value)
    # Numbers come back as their exact text.
    want = json.loads(json.dumps(value).replace("7", '"7"'))
    assert c.raw["metadata"] == want


@pytest.mark.parametrize("value", ["text", 7, True, ["x"]])
def test_a_value_the_server_refuses_reaches_it(client: yv.YativoCrypto, value: Any) -> None:
    # The sandbox keeps objects only: its 400 names the parameter, so the value was sent as is.
    with pytest.raises(yv.ValidationError) as err:
        client.customers.create("scalar@example.com", metadata=value)
    assert "metadata" in str(err.value.details)


def test_what_json_cannot_carry_is_refused(client: yv.YativoCrypto) -> None:
    with pytest.raises(yv.InvalidArgumentError):
        client.customers.create("set@example.com", metadata={1, 2})
    with pytest.raises(yv.InvalidArgumentError):
        client.customers.create("key@example.com", metadata={1: "x"})
