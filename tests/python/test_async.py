"""AsyncYativoCrypto against the sandbox: every group through the async client, each error kind,
hundreds of calls in flight on one thread, cancellation mid-transfer and mid-backoff, exactly-once
transfers, one token exchange for 500 coroutines, and sync threads sharing the core client with
coroutines. Each test runs its own asyncio.run() (no plugin needed)."""

from __future__ import annotations

import asyncio
import builtins
import decimal
import inspect
import os
import socket
import threading
import time
from typing import Any, Awaitable, Callable, Dict, List, Tuple, TypeVar

import pytest

import libyativo as yv
from sandbox import ALL_SCOPES, SOLANA_ADDRESS, Sandbox, send_args

T = TypeVar("T")


def run(coro: Awaitable[T]) -> T:
    return asyncio.run(coro)  # type: ignore[arg-type]


def os_threads() -> int:
    """The process's threads, C++ ones included (threading.active_count() sees Python's only)."""
    return len(os.listdir("/proc/self/task"))


def watched_fds(loop: asyncio.AbstractEventLoop) -> int:
    """The file descriptors the loop's selector watches (its self-pipe included)."""
    return len(loop._selector.get_map())  # type: ignore[attr-defined]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def fund(c: yv.AsyncYativoCrypto, sb: Sandbox, amount: str = "50") -> Dict[str, str]:
    account = await c.accounts.create("async-send")
    asset = await c.assets.add(account.id, "solana", "USDC_SOL")
    sb.deposit(asset.id, amount)
    return {"account": account.id, "asset": asset.id}


def new_key(sb: Sandbox, name: str) -> Tuple[str, str]:
    with yv.YativoCrypto(**sb.session_kwargs()) as s:
        key = s.api_keys.create(name, ALL_SCOPES)
    assert key.api_secret
    return key.api_key, key.api_secret


# --- The surface --------------------------------------------------------------------------------


def sync_groups() -> Dict[str, Any]:
    c = yv.YativoCrypto(access_token="t", base_url="http://127.0.0.1:9/api/v1")
    groups = {name: type(getattr(c, name)) for name in type(c).__slots__ if not name.startswith("_")}
    c.close()
    return groups


def params(fn: Any) -> List[inspect.Parameter]:
    return list(inspect.signature(fn).parameters.values())


def test_every_sync_method_has_an_async_twin_with_its_signature_and_doc() -> None:
    a = yv.AsyncYativoCrypto(access_token="t", base_url="http://127.0.0.1:9/api/v1")
    twins = 0
    for name, cls in sync_groups().items():
        acls = type(getattr(a, name))
        assert acls.__name__ == "Async" + cls.__name__
        assert getattr(yv, acls.__name__) is acls
        for attr in dir(cls):
            if attr.startswith("_"):
                continue
            sync_m, async_m = getattr(cls, attr), getattr(acls, attr)
            if attr == "iterate":
                assert inspect.isasyncgenfunction(async_m)
            else:
                assert inspect.iscoroutinefunction(async_m), f"{acls.__name__}.{attr}"
            assert params(async_m) == params(sync_m), attr
            assert (inspect.getdoc(async_m) or "").strip(), attr
            twins += 1
    assert twins >= 117
    for attr in ("token", "request"):
        assert inspect.iscoroutinefunction(getattr(yv.AsyncYativoCrypto, attr))
        assert params(getattr(yv.AsyncYativoCrypto, attr)) == params(getattr(yv.YativoCrypto, attr))
    for attr in ("set_credentials", "set_access_token", "rate_limit", "base_url", "from_env"):
        assert hasattr(yv.AsyncYativoCrypto, attr)
    run(a.aclose())


def dummy(annotation: str) -> Any:
    """A value of the parameter's type (annotations are strings: the package uses
    `from __future__ import annotations`)."""
    if "Sequence[str]" in annotation:
        return ["read"]
    if "Amount" in annotation:
        return "1"
    if "int" in annotation:
        return 1
    if "bool" in annotation:
        return True
    if "str" in annotation:
        return "abc"
    return {"a": "b"}


def test_every_async_method_reaches_the_core_with_its_arguments() -> None:
    """Each of the 117+ coroutine methods hands its arguments to _core.AsyncClient by their names
    and awaits the core's answer: against a port nobody listens on, every call ends with a
    YativoError of the core (NetworkError, or InvalidArgumentError for a dummy value it checks),
    never a TypeError of a name that does not match."""
    async def main() -> List[Tuple[str, Any]]:
        async with yv.AsyncYativoCrypto(access_token="t", max_retries=0, timeout=5,
                                        base_url=f"http://127.0.0.1:{free_port()}/api/v1") as c:
            calls = []
            for group in (n for n in type(c).__slots__ if not n.startswith("_")):
                obj = getattr(c, group)
                for name in dir(type(obj)):
                    method = getattr(obj, name)
                    if name.startswith("_") or not inspect.iscoroutinefunction(method):
                        continue
                    kwargs = {p.name: dummy(str(p.annotation))
                              for p in inspect.signature(method).parameters.values()
                              if p.default is inspect.Parameter.empty
                              and p.kind is not inspect.Parameter.VAR_KEYWORD}
                    calls.append((f"{group}.{name}", method(**kwargs)))
            outcomes = await asyncio.gather(*(call for _, call in calls), return_exceptions=True)
            return [(name, outcome) for (name, _), outcome in zip(calls, outcomes)]

    outcomes = run(main())
    assert len(outcomes) >= 117
    wrong = [(n, o) for n, o in outcomes if not isinstance(o, yv.YativoError)]
    assert wrong == []
    assert sum(isinstance(o, yv.NetworkError) for _, o in outcomes) >= 90


def test_arguments_are_checked_before_anything_is_sent() -> None:
    async def main() -> None:
        async with yv.AsyncYativoCrypto(access_token="t",
                                        base_url=f"http://127.0.0.1:{free_port()}/api/v1") as c:
            with pytest.raises(yv.InvalidArgumentError):
                await c.transactions.send_funds(account="a", assets="b", receiving_address="c",
                                                amount=1.5, type="USDC", chain="solana",
                                                category="payment")  # type: ignore[arg-type]
            with pytest.raises(TypeError):
                await c.accounts.create(42)  # type: ignore[arg-type]
            with pytest.raises(yv.InvalidArgumentError):
                await c.api_keys.create("k", "read")  # a str is not a list of permissions
    run(main())


def test_a_call_needs_a_running_loop_and_a_closed_client_refuses() -> None:
    c = yv.AsyncYativoCrypto(access_token="t", base_url="http://127.0.0.1:9/api/v1")
    with pytest.raises(RuntimeError):
        c._a.list_accounts(timeout=None)  # no running event loop
    run(c.aclose())
    run(c.aclose())  # twice is harmless

    async def after_close() -> None:
        with pytest.raises(yv.InvalidArgumentError):
            await c.accounts.list()
    run(after_close())
    assert repr(c) == "AsyncYativoCrypto(closed)"


# --- Every group ----------------------------------------------------------------------------------


def test_every_group_through_the_async_client(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    api_key, api_secret = new_key(sb, "async-groups")

    async def main() -> None:
        async with yv.AsyncYativoCrypto(**sb.session_kwargs()) as c:
            account = await c.accounts.create("async-groups")
            asset = await c.assets.add(account.id, "solana", "USDC_SOL")
            sb.deposit(asset.id, "20")
            assert account.id in [a.id for a in await c.accounts.list()]
            assert [a.id for a in await c.assets.list(account.id)] == [asset.id]
            balance = await c.balance.check(asset.id)
            assert balance.balance == decimal.Decimal("20")
            sent = await c.transactions.send_funds(**send_args(
                {"account": account.id, "asset": asset.id}, amount="1.25"))
            assert sent.idempotency_key
            assert (await c.transactions.get(sent.id)).id == sent.id
            walked = [t.id async for t in c.transactions.iterate(limit=1)]
            assert walked == [sent.id]
            hook = await c.webhooks.create("https://example.com/async", ["transaction.confirmed"])
            assert hook.secret and hook.id in [w.id for w in await c.webhooks.list()]
            await c.webhooks.delete(hook.id)
            keys = await c.api_keys.list()
            assert api_key in [k.api_key for k in keys]
            # The groups without a fixture of their own, side by side (reached = answered by the
            # server, an error answer included).
            calls = {
                "analytics": c.analytics.dashboard(),
                "auto_forwarding": c.auto_forwarding.list(),
                "card_issuer": c.card_issuer.get_program(),
                "cards": c.cards.get_kyc_status(),
                "customers": c.customers.list(),
                "iban": c.iban.get_options(),
                "session": c.session.google_auth_details(),
                "swap": c.swap.get_assets(),
            }
            before = sb.stats()["requests"]
            outcomes = await asyncio.gather(*calls.values(), return_exceptions=True)
            for group, outcome in zip(calls, outcomes):
                if isinstance(outcome, yv.YativoError):
                    assert outcome.http_status, (group, outcome)  # the server answered
                else:
                    assert not isinstance(outcome, BaseException), (group, outcome)
            assert sb.stats()["requests"] - before >= len(calls)
            assert "EUR" in (await c.iban.get_options())["currencies"]
            data = await c.request("GET", "/accounts/get-accounts", envelope=True)
            assert "data" in data
        async with yv.AsyncYativoCrypto(api_key, api_secret, base_url=sb.base_url) as k:
            token = await k.token()
            assert token.access_token and token.access_token not in repr(token)
            assert isinstance(await k.accounts.list(), list)
            assert k.rate_limit is None or k.rate_limit.limit is not None
    run(main())


# --- Errors ---------------------------------------------------------------------------------------


def test_each_error_kind(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()

    async def main() -> None:
        async with yv.AsyncYativoCrypto(access_token="not-a-token", base_url=sb.base_url) as bad:
            with pytest.raises(yv.AuthenticationError) as auth:
                await bad.accounts.list()
            assert auth.value.http_status == 401
        async with yv.AsyncYativoCrypto(access_token=sb.session_token, base_url=sb.base_url,
                                        max_retries=2) as c:
            with pytest.raises(yv.ValidationError) as invalid:
                await c.transactions.list(status="not-a-status")
            assert invalid.value.http_status == 400 and invalid.value.details is not None
            with pytest.raises(yv.NotFoundError) as missing:
                await c.webhooks.get("wh_" + "0" * 24)
            assert missing.value.http_status == 404 and missing.value.request_id

            sb.fault("/accounts/get-accounts", "respond", count=5, status=429, retry_after=120)
            start = time.monotonic()
            with pytest.raises(yv.RateLimitError) as limited:
                await c.accounts.list(timeout=5)
            assert time.monotonic() - start < 2  # 120 s would pass the deadline: at once
            assert limited.value.retry_after == 120.0
            sb.clear_faults()

            sb.fault("/accounts/get-accounts", "respond", count=10, status=503)
            with pytest.raises(yv.ServerError) as server:
                await c.accounts.list()
            assert server.value.http_status == 503
            sb.clear_faults()

            sb.fault("/accounts/get-accounts", "delay", count=1, delay_ms=3000)
            start = time.monotonic()
            with pytest.raises(yv.TimeoutError) as late:
                await c.accounts.list(timeout=0.5)
            assert time.monotonic() - start < 2.5
            assert isinstance(late.value, builtins.TimeoutError)
        url = f"http://127.0.0.1:{free_port()}/api/v1"
        async with yv.AsyncYativoCrypto(access_token="t", base_url=url, max_retries=1,
                                        timeout=5) as down:
            with pytest.raises(yv.NetworkError) as network:
                await down.accounts.list()
            assert isinstance(network.value, ConnectionError)
    run(main())
    assert sb.stats()["paths"]["/accounts/get-accounts"] >= 3 + 1


# --- Many calls on one thread -----------------------------------------------------------------------


def test_250_calls_in_flight_on_one_thread(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    n, delay = 250, 400
    sb.fault("/accounts/get-accounts", "delay", count=n, delay_ms=delay)

    async def main() -> Tuple[List[Any], float, int, int]:
        loop = asyncio.get_running_loop()
        fds = watched_fds(loop)
        threads = os_threads()
        async with yv.AsyncYativoCrypto(access_token=sb.session_token, base_url=sb.base_url,
                                        max_host_connections=64) as c:
            start = time.monotonic()
            tasks = [asyncio.ensure_future(c.accounts.list()) for _ in range(n)]
            await asyncio.sleep(delay / 2000)
            peak_threads = os_threads()
            results = await asyncio.gather(*tasks)
            elapsed = time.monotonic() - start
            assert c._a.in_flight == 0
        assert watched_fds(loop) == fds  # aclose() left no reader or writer behind
        return results, elapsed, peak_threads - threads, watched_fds(loop) - fds

    results, elapsed, new_threads, _ = run(main())
    assert all(isinstance(r, list) for r in results)
    assert new_threads == 0  # no thread per call, nor one for the loop
    # 250 calls of 0.4 s over 64 connections: about 4 rounds, far from 250 in a row.
    assert elapsed < 0.4 * 250 / 10, elapsed
    stats = sb.stats()
    assert 32 <= stats["max_in_flight"] <= 64 + 1  # the control request itself may count


# --- Cancellation -------------------------------------------------------------------------------------


def test_task_cancel_mid_transfer(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()

    async def main() -> None:
        loop = asyncio.get_running_loop()
        fds = watched_fds(loop)
        async with yv.AsyncYativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
            sb.fault("/accounts/get-accounts", "delay", count=1, delay_ms=5000)
            task = asyncio.ensure_future(c.accounts.list())
            await asyncio.sleep(0.3)
            assert sb.stats()["in_flight"] >= 1  # the request is at the server
            start = time.monotonic()
            task.cancel()
            with pytest.raises(asyncio.CancelledError) as cancelled:
                await task
            assert time.monotonic() - start < 1
            assert task.cancelled()
            assert isinstance(cancelled.value.__context__, yv.CancelledError)
            assert c._a.in_flight == 0
            # The client goes on: the next call is answered.
            assert isinstance(await c.accounts.list(), list)

            # asyncio.wait_for cancels the same way, and says TimeoutError.
            sb.fault("/accounts/get-accounts", "delay", count=1, delay_ms=5000)
            with pytest.raises(builtins.TimeoutError):
                await asyncio.wait_for(c.accounts.list(), 0.3)
            assert c._a.in_flight == 0
        assert watched_fds(loop) == fds
    run(main())


def test_cancel_mid_backoff(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()

    async def main() -> None:
        async with yv.AsyncYativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
            # A 503 asking for 5 s: the core waits on a timer of the loop, then would retry.
            sb.fault("/accounts/get-accounts", "respond", count=1, status=503, retry_after=5)
            task = asyncio.ensure_future(c.accounts.list(timeout=30))
            await asyncio.sleep(0.5)
            assert sb.stats()["paths"]["/accounts/get-accounts"] == 1
            start = time.monotonic()
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert time.monotonic() - start < 1
        await asyncio.sleep(0.2)
        assert sb.stats()["paths"]["/accounts/get-accounts"] == 1  # no retry after the cancel
    run(main())


def test_cancelled_transfer_keeps_its_key_and_happens_once(
        make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()

    async def main() -> None:
        async with yv.AsyncYativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
            funded = await fund(c, sb)
            sb.fault("/transactions/send-funds", "delay", count=1, delay_ms=1500)
            task = asyncio.ensure_future(
                c.transactions.send_funds(**send_args(funded, amount="2")))
            await asyncio.sleep(0.4)  # the request has left
            task.cancel()
            with pytest.raises(asyncio.CancelledError) as cancelled:
                await task
            error = cancelled.value.__context__
            assert isinstance(error, yv.CancelledError)
            assert error.outcome_unknown and error.idempotency_key
            await asyncio.sleep(1.5)  # the server finishes the delayed transfer
            again = await c.transactions.send_funds(
                **send_args(funded, amount="2", idempotency_key=error.idempotency_key))
            assert again.idempotency_key == error.idempotency_key
    run(main())
    assert sb.stats()["transactions_created"] == 1


def test_aclose_cancels_the_calls_in_flight(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    sb.fault("/accounts/get-accounts", "delay", count=5, delay_ms=5000)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        fds = watched_fds(loop)
        c = yv.AsyncYativoCrypto(access_token=sb.session_token, base_url=sb.base_url)
        tasks = [asyncio.ensure_future(c.accounts.list()) for _ in range(5)]
        await asyncio.sleep(0.3)
        assert watched_fds(loop) > fds
        start = time.monotonic()
        await c.aclose()
        outcomes = await asyncio.gather(*tasks, return_exceptions=True)
        assert time.monotonic() - start < 1
        assert all(isinstance(o, yv.CancelledError) for o in outcomes), outcomes
        assert watched_fds(loop) == fds
    run(main())


# --- Money --------------------------------------------------------------------------------------------


def test_drop_after_on_send_funds(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()

    async def main() -> None:
        async with yv.AsyncYativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
            funded = await fund(c, sb)
            # Processed, then closed without an answer: the core retries with the same key and the
            # sandbox replays the original answer.
            sb.fault("/transactions/send-funds", "drop_after", count=1)
            sent = await c.transactions.send_funds(**send_args(funded, amount="3"))
            assert sent.idempotency_key
            assert sb.stats()["transactions_created"] == 1
            assert [t.id for t in await c.transactions.list()] == [sent.id]
        async with yv.AsyncYativoCrypto(access_token=sb.session_token, base_url=sb.base_url,
                                        max_retries=0) as once:
            # Every answer dropped: the outcome is unknown, the key is in the error.
            sb.fault("/transactions/send-funds", "drop_after", count=100)
            with pytest.raises(yv.NetworkError) as err:
                await once.transactions.send_funds(**send_args(funded, amount="4"))
            sb.clear_faults()
            assert err.value.outcome_unknown and err.value.idempotency_key
            again = await once.transactions.send_funds(
                **send_args(funded, amount="4", idempotency_key=err.value.idempotency_key))
            assert again.idempotency_key == err.value.idempotency_key
    run(main())
    assert sb.stats()["transactions_created"] == 2


# --- Tokens -------------------------------------------------------------------------------------------


def test_one_token_exchange_for_500_coroutines(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    api_key, api_secret = new_key(sb, "async-single-flight")
    sb.fault("/auth/token", "delay", count=1, delay_ms=300)

    async def main() -> List[Any]:
        async with yv.AsyncYativoCrypto(api_key, api_secret, base_url=sb.base_url,
                                        max_host_connections=64) as c:
            return await asyncio.gather(*(c.accounts.list() for _ in range(500)))

    results = run(main())
    assert all(isinstance(r, list) for r in results)
    assert sb.stats()["token_exchanges"] == 1


def test_sync_threads_and_coroutines_share_one_core_client(
        make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    api_key, api_secret = new_key(sb, "async-mixed")
    sb.fault("/auth/token", "delay", count=1, delay_ms=400)
    sync = yv.YativoCrypto(api_key, api_secret, base_url=sb.base_url)
    thread_results: List[Any] = []
    barrier = threading.Barrier(9)

    def work() -> None:
        barrier.wait()
        try:
            thread_results.append(sync.accounts.list())
        except BaseException as e:  # noqa: BLE001 - checked below
            thread_results.append(e)

    async def main() -> List[Any]:
        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        async with yv.AsyncYativoCrypto.sharing(sync) as c:
            barrier.wait()
            results = await asyncio.gather(*(c.accounts.list() for _ in range(50)))
        for t in threads:
            t.join(30)
        return results

    results = run(main())
    assert all(isinstance(r, list) for r in results)
    assert len(thread_results) == 8 and all(isinstance(r, list) for r in thread_results)
    assert sb.stats()["token_exchanges"] == 1
    assert isinstance(sync.accounts.list(), list)  # aclose() of the sharer left it open
    sync.close()


def test_one_client_across_two_asyncio_runs(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    c = yv.AsyncYativoCrypto(access_token=sb.session_token, base_url=sb.base_url)

    async def one() -> Any:
        return await c.accounts.list()

    assert isinstance(run(one()), list)
    assert isinstance(run(one()), list)  # a new loop takes the client over
    run(c.aclose())


def test_log_lines_of_async_calls_reach_the_logger(make_sandbox: Callable[..., Sandbox]) -> None:
    """The lines are logged from the calls' own stacks and written by the loop afterwards; with
    threads of a shared sync client logging at the same time."""
    import logging

    sb = make_sandbox()
    api_key, api_secret = new_key(sb, "async-log")
    records: List[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    logger = logging.getLogger("libyativo.test_async")
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    logger.addHandler(Keep())
    sync = yv.YativoCrypto(api_key, api_secret, base_url=sb.base_url, logger=logger)

    def work() -> None:
        for _ in range(5):
            sync.accounts.list()

    async def main() -> None:
        thread = threading.Thread(target=work)
        thread.start()
        async with yv.AsyncYativoCrypto.sharing(sync) as c:
            await c.token()
            await asyncio.gather(*(c.accounts.list() for _ in range(20)))
            with pytest.raises(yv.NotFoundError):
                await c.api_keys.get("key_000000000000000000000000")
        thread.join(30)

    run(main())
    sync.close()
    lines = [r.getMessage() for r in records]
    assert any("attempt 1" in line for line in lines), lines
    assert sum("/accounts/get-accounts" in line for line in lines) >= 25, lines
    assert all(api_secret not in line for line in lines)


def test_a_loop_running_on_another_thread_keeps_the_client(
        make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    c = yv.AsyncYativoCrypto(access_token=sb.session_token, base_url=sb.base_url)
    other = asyncio.new_event_loop()
    thread = threading.Thread(target=other.run_forever)
    thread.start()
    try:
        first = asyncio.run_coroutine_threadsafe(c.accounts.list(), other).result(10)
        assert isinstance(first, list)

        async def here() -> None:
            with pytest.raises(RuntimeError, match="one client per event loop"):
                await c.accounts.list()
        run(here())
        assert isinstance(asyncio.run_coroutine_threadsafe(c.accounts.list(), other).result(10),
                          list)
        asyncio.run_coroutine_threadsafe(c.aclose(), other).result(10)
    finally:
        other.call_soon_threadsafe(other.stop)
        thread.join(10)
        other.close()
