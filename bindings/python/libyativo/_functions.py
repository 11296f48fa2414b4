"""TOTP codes and webhook signatures: local computations, no network."""

from __future__ import annotations

import datetime
import math
from typing import Dict, Mapping, Optional, Union

from . import _core
from ._core import Event


def totp(
    secret: str,
    *,
    at: Union[int, float, datetime.datetime, None] = None,
    period: Optional[int] = None,
    digits: int = 6,
) -> str:
    """The RFC 6238 code of a base32 ``secret`` at ``at`` (unix seconds or an aware datetime;
    None = now)."""
    when: Optional[int] = None
    if isinstance(at, datetime.datetime):
        when = math.floor(at.timestamp())
    elif at is not None:
        when = math.floor(at)
    return _core.totp(secret, when, period, digits)


def verify_webhook(
    body: bytes,
    headers: Mapping[str, str],
    secret: str,
    *,
    tolerance: Optional[int] = None,
    require_timestamp: bool = False,
) -> Event:
    """Checks a delivery's signature over the raw ``body`` and returns the parsed event.
    Raises SignatureVerificationError when it does not verify or its timestamp is stale."""
    return _core.verify_webhook(body, headers, secret, tolerance, require_timestamp)


class WebhookVerifier:
    """A replay guard: ``verify_webhook``, then each event id is accepted once within a window.

    A captured delivery sent again (also one stripped of its ``X-Yativo-*`` headers, which a
    receiver cannot tell from a scheme A delivery) raises ``SignatureVerificationError`` with
    ``error_code == "webhook_replay"``: the event was already accepted, so answer 2xx without
    processing it again. A verified event without an id raises ``ProtocolError`` (it cannot be
    de-duplicated). ``window`` (seconds, default 24 h) and ``max_events`` (default 100 000; at
    the bound the oldest id is forgotten first) bound the memory, which is this process's only.
    Share one verifier between threads: concurrent deliveries of one event are accepted once.
    """

    __slots__ = ("_core",)

    def __init__(
        self,
        secret: str,
        *,
        window: Optional[int] = None,
        max_events: Optional[int] = None,
        tolerance: Optional[int] = None,
        require_timestamp: bool = False,
    ) -> None:
        self._core = _core.WebhookVerifier(secret, window, max_events, tolerance, require_timestamp)

    def verify(self, body: bytes, headers: Mapping[str, str]) -> Event:
        """Checks the signature over the raw ``body`` and accepts the event's id once."""
        return self._core.verify(body, headers)

    @property
    def window(self) -> int:
        """Seconds an accepted id is remembered."""
        return self._core.window

    @property
    def max_events(self) -> int:
        """How many accepted event ids it remembers at most (the oldest is forgotten first)."""
        return self._core.max_events

    def __repr__(self) -> str:
        c = self._core
        return (
            f"WebhookVerifier(window={c.window}, max_events={c.max_events}, "
            f"remembered={c.remembered})"
        )


def sign_webhook(body: bytes, secret: str, *, timestamp: Optional[int] = None) -> Dict[str, str]:
    """Headers of both signature schemes for ``body``, for your own tests (timestamp None = now)."""
    return _core.sign_webhook(body, secret, timestamp)
