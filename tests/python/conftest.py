from __future__ import annotations

import os
import sys
from typing import Callable, Dict, Iterator, List, Tuple

import pytest

sys.path.insert(0, os.path.dirname(__file__))

import libyativo as yv  # noqa: E402
from sandbox import ALL_SCOPES, Sandbox  # noqa: E402


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    """One sandbox shared by the tests that only add state of their own."""
    sb = Sandbox()
    yield sb
    sb.stop()


@pytest.fixture
def make_sandbox() -> Iterator[Callable[..., Sandbox]]:
    """Fresh sandboxes (own stats, own flags), stopped after the test."""
    started: List[Sandbox] = []

    def start(*flags: str) -> Sandbox:
        sb = Sandbox(*flags)
        started.append(sb)
        return sb

    yield start
    for sb in started:
        sb.stop()


@pytest.fixture(scope="session")
def admin_key(sandbox: Sandbox) -> Tuple[str, str]:
    """(api_key, api_secret) of a key with every scope, made once with 2FA."""
    with yv.YativoCrypto(**sandbox.session_kwargs()) as s:
        key = s.api_keys.create("suite-admin", ALL_SCOPES)
    assert key.api_secret
    return key.api_key, key.api_secret


@pytest.fixture
def client(sandbox: Sandbox, admin_key: Tuple[str, str]) -> Iterator[yv.YativoCrypto]:
    with yv.YativoCrypto(*admin_key, base_url=sandbox.base_url) as c:
        yield c


@pytest.fixture
def session(sandbox: Sandbox) -> Iterator[yv.YativoCrypto]:
    with yv.YativoCrypto(**sandbox.session_kwargs()) as c:
        yield c


@pytest.fixture
def funded(client: yv.YativoCrypto, sandbox: Sandbox) -> Dict[str, str]:
    """A fresh account with a USDC_SOL asset holding 100."""
    account = client.accounts.create("funded")
    asset = client.assets.add(account.id, "solana", "USDC_SOL")
    sandbox.deposit(asset.id, "100")
    return {"account": account.id, "asset": asset.id}
