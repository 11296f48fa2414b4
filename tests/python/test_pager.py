"""transactions.iterate() over the core's pager: every item once, in order, one request per
page (the sandbox answers a pagination block), and a closed client stops the walk."""

from __future__ import annotations

import uuid
from typing import Dict, Tuple

import pytest

import libyativo as yv
from sandbox import Sandbox, send_args

HISTORY = "/transactions/get-transactions"


def history_requests(sandbox: Sandbox) -> int:
    return int(sandbox.stats()["paths"].get(HISTORY, 0))


def test_iterate_reads_each_page_once(
    client: yv.YativoCrypto, funded: Dict[str, str], sandbox: Sandbox
) -> None:
    tag = f"pager-{uuid.uuid4().hex[:8]}"
    for _ in range(4):
        client.transactions.send_funds(**send_args(funded, amount="0.1", description=tag))
    expected = [t.id for t in client.transactions.list(limit=100, search=tag)]
    assert len(expected) == 4

    before = history_requests(sandbox)
    walked = [t.id for t in client.transactions.iterate(limit=2, search=tag)]
    assert walked == expected
    assert history_requests(sandbox) - before == 2  # a full last page costs no extra request

    before = history_requests(sandbox)
    assert next(iter(client.transactions.iterate(limit=1, search=tag))).id == expected[0]
    assert history_requests(sandbox) - before == 1


def test_iterate_stops_when_the_client_closes(
    sandbox: Sandbox, admin_key: Tuple[str, str], funded: Dict[str, str]
) -> None:
    c = yv.YativoCrypto(*admin_key, base_url=sandbox.base_url)
    tag = f"pager-close-{uuid.uuid4().hex[:8]}"
    for _ in range(2):
        c.transactions.send_funds(**send_args(funded, amount="0.1", description=tag))
    walk = c.transactions.iterate(limit=1, search=tag)
    next(walk)
    c.close()
    with pytest.raises(yv.InvalidArgumentError, match="closed"):
        next(walk)
