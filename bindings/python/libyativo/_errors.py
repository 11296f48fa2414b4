"""The exception tree, built at import from the core's status table (core/include/yativo/status.def).

One class per status code; ``YativoError`` is the base of all of them. A few also derive from the
builtin a Python programmer would catch: ``InvalidArgumentError`` is a ``ValueError``,
``NetworkError`` a ``ConnectionError``, ``TimeoutError`` the builtin ``TimeoutError``; NO_MEMORY is
raised as the builtin ``MemoryError``. ``_errors.pyi`` declares the same classes for type checkers
(written from the table by ``python3 -m codegen``).
"""

from __future__ import annotations

import builtins
import enum
from typing import Any, Dict, Tuple, Type

from . import _core

_TABLE = _core._status_table()

#: Status codes of the core, by name and number (``Status.RATE_LIMITED == 206``).
Status = enum.IntEnum(  # type: ignore[misc]
    "Status", [(name, number) for name, number, _py, _doc in _TABLE], module=__name__
)
Status.__doc__ = "The core's status codes, by name and number (Status.RATE_LIMITED == 206)."
for _name, _number, _py, _doc in _TABLE:
    Status[_name].__doc__ = _doc  # each member says what it means (help(Status.TIMEOUT))


class YativoError(Exception):
    """Base of every libyativo error; carries every field the core reports (None when absent)."""

    code: Any = None
    message: str = ""
    http_status: Any = None
    error_code: Any = None
    details: Any = None
    request_id: Any = None
    retry_after: Any = None
    existing_transaction_id: Any = None
    idempotency_key: Any = None
    outcome_unknown: bool = False
    retryable: bool = False

    def __init__(self, message: str = "", *args: Any) -> None:
        super().__init__(message, *args)
        self.message = message

    def __str__(self) -> str:
        return self.message


_EXTRA_BASES: Dict[str, Tuple[type, ...]] = {
    "InvalidArgumentError": (ValueError,),
    "NetworkError": (ConnectionError,),
    "TimeoutError": (builtins.TimeoutError,),
}
_BUILTINS: Dict[str, Type[BaseException]] = {"MemoryError": MemoryError}

_by_number: Dict[int, type] = {}
_classes: Dict[str, type] = {}
for _name, _number, _py, _doc in _TABLE:
    if _py == "None":
        continue
    if _py in _BUILTINS:
        _by_number[_number] = _BUILTINS[_py]
        continue
    _cls = type(
        _py,
        (YativoError,) + _EXTRA_BASES.get(_py, ()),
        {"__doc__": f"{_name} ({_number}): {_doc}", "__module__": "libyativo"},
    )
    _classes[_py] = _cls
    _by_number[_number] = _cls
    globals()[_py] = _cls

YativoError.__module__ = "libyativo"
_core._set_error_classes(_by_number, Status)

#: Names of the generated classes, in table order.
ERROR_CLASS_NAMES = tuple(_classes)
__all__ = ["Status", "YativoError", *ERROR_CLASS_NAMES]
