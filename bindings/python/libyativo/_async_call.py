"""Awaiting a call of the core's asyncio driver (``_core.AsyncCall``): its outcome, and what a
cancelled awaiter does with the call."""

from __future__ import annotations

import asyncio
from typing import TypeVar

from . import _core

T = TypeVar("T")


async def outcome(call: _core.AsyncCall[T]) -> T:
    """The call's result, or its exception (the classes of the sync client).

    Cancelling the awaiting task (``task.cancel()``, ``asyncio.wait_for``, ``asyncio.timeout``)
    cancels the core's call and waits for it to end, which takes one turn of the loop: the call
    ends through the rules of a cancelled blocking call (a write that may have reached the server
    reports ``outcome_unknown`` and keeps its idempotency key). Then the task's
    ``asyncio.CancelledError`` goes on, with the call's own error (``libyativo.CancelledError``
    carrying ``idempotency_key`` and ``outcome_unknown``) as its ``__context__``; a call that
    completed all the same leaves its result in the CancelledError's ``result`` attribute, since
    a transfer that happened must not be lost.
    """
    future = call.future
    try:
        return await asyncio.shield(future)
    except asyncio.CancelledError as cancelled:
        if not future.done():
            call.cancel()
        while not future.done():
            try:
                await asyncio.wait((future,))
            except asyncio.CancelledError:
                pass  # cancelled again: the call is already stopping
        if not future.cancelled():
            error = future.exception()
            if error is not None:
                cancelled.__context__ = error
            else:
                try:
                    cancelled.result = future.result()  # type: ignore[attr-defined]
                except AttributeError:
                    pass
        raise
