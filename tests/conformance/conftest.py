from __future__ import annotations

import os
import sys
from typing import Callable, Iterator, List

import pytest

sys.path.insert(0, os.path.dirname(__file__))

import yativo  # noqa: E402  (the official SDK, installed by scripts/test-conformance.sh)
from support import Codes, Sandbox  # noqa: E402


@pytest.fixture
def sb() -> Iterator[Sandbox]:
    """A sandbox of the test's own (it starts in a few milliseconds): each test builds the state
    it needs through the SDK, and its 2FA codes never wait for steps another test used."""
    s = Sandbox()
    yield s
    s.stop()


@pytest.fixture
def sdk(sb: Sandbox) -> yativo.YativoSDK:
    """A fresh official client acting with the seeded user's dashboard session (every scope).
    Fresh per test: the SDK counts calls per endpoint per minute on the client object."""
    client = yativo.YativoSDK(base_url=sb.base_url)
    client.set_access_token(sb.session_token)
    return client


@pytest.fixture
def code(sb: Sandbox) -> Codes:
    """code() is a fresh 2FA code of the seeded user (a step never used before)."""
    return sb.codes


@pytest.fixture
def make_sandbox() -> Iterator[Callable[..., Sandbox]]:
    """Sandboxes of their own (own flags, own stats), stopped after the test."""
    started: List[Sandbox] = []

    def start(*flags: str) -> Sandbox:
        s = Sandbox(*flags)
        started.append(s)
        return s

    yield start
    for s in started:
        s.stop()
