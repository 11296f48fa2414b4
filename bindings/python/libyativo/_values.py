"""The value types of the public signatures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Union

#: An amount: a decimal string ("12.5") or a decimal.Decimal. Never a float.
Amount = Union[str, Decimal]
#: A decoded JSON payload: dict / list / str / bool / None (numbers come back as str). With
#: ``envelope=True`` it is the whole answer instead: a dict with ``data`` and its siblings
#: (``message``, ``pagination``, ...); an answer without an envelope comes back as it is.
Payload = Any
