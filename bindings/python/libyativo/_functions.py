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


def sign_webhook(body: bytes, secret: str, *, timestamp: Optional[int] = None) -> Dict[str, str]:
    """Headers of both signature schemes for ``body``, for your own tests (timestamp None = now)."""
    return _core.sign_webhook(body, secret, timestamp)
