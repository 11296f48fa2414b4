"""Threads, the GIL and Ctrl-C."""

from __future__ import annotations

import _thread
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from typing import Any, Callable, Dict, List, Optional, Tuple

import pytest

import libyativo as yv
from sandbox import ALL_SCOPES, Sandbox, send_args


def run_threads(n: int, fn: Callable[[], Any]) -> List[Any]:
    results: List[Any] = [None] * n
    barrier = threading.Barrier(n)

    def work(i: int) -> None:
        barrier.wait()
        try:
            results[i] = fn()
        except BaseException as e:  # noqa: BLE001 - reported below
            results[i] = e

    threads = [threading.Thread(target=work, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_single_flight_from_16_threads(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    with yv.YativoCrypto(**sb.session_kwargs()) as s:
        key = s.api_keys.create("single-flight", ALL_SCOPES)
    assert key.api_secret
    # Slow the exchange down so that all 16 callers arrive while it runs.
    sb.fault("/auth/token", "delay", count=1, delay_ms=300)
    with yv.YativoCrypto(key.api_key, key.api_secret, base_url=sb.base_url) as c:
        results = run_threads(16, c.accounts.list)
    assert all(isinstance(r, list) for r in results), results
    assert sb.stats()["token_exchanges"] == 1


def test_gil_released_8_calls_in_flight(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    sb.fault("/accounts/get-accounts", "delay", count=8, delay_ms=1500)
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        start = time.monotonic()
        results = run_threads(8, c.accounts.list)
        elapsed = time.monotonic() - start
    assert all(isinstance(r, list) for r in results), results
    assert sb.stats()["max_in_flight"] >= 8
    assert elapsed < 1.5 * 3, elapsed  # together, not one after another (8 x 1.5 s)


def test_python_threads_run_during_a_call(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    sb.fault("/accounts/get-accounts", "delay", count=1, delay_ms=800)
    ticks = 0
    done = threading.Event()

    def ticker() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.01)

    t = threading.Thread(target=ticker)
    t.start()
    try:
        with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
            c.accounts.list()  # on the main thread
    finally:
        done.set()
        t.join()
    assert ticks > 20


def test_ctrl_c_interrupts_a_waiting_call(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    sb.fault("/accounts/get-accounts", "delay", count=1, delay_ms=10000)
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        timer = threading.Timer(0.3, _thread.interrupt_main)
        start = time.monotonic()
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            c.accounts.list()
        elapsed = time.monotonic() - start
        timer.join()
        assert elapsed < 1.5, elapsed
        # The client and its helper thread are usable afterwards.
        assert isinstance(c.accounts.list(), list)


def test_real_sigint_in_a_subprocess(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    sb.fault("/accounts/get-accounts", "delay", count=1, delay_ms=10000)
    code = textwrap.dedent(
        f"""
        import sys, time, libyativo as yv
        c = yv.YativoCrypto(access_token={sb.session_token!r}, base_url={sb.base_url!r})
        print("ready", flush=True)
        start = time.monotonic()
        try:
            c.accounts.list()
        except KeyboardInterrupt:
            print("interrupted %.2f" % (time.monotonic() - start), flush=True)
            sys.exit(0)
        sys.exit(3)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(0.4)
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=10)
    sys.stdout.write(out)  # kept by `make test` (-rA) and searched for secrets
    assert proc.returncode == 0, out
    assert float(out.split()[1]) < 1.5


def test_calls_from_worker_threads_are_not_serialised_by_the_main_one(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sb = make_sandbox()
    sb.fault("/accounts/get-accounts", "delay", count=2, delay_ms=700)
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        other: List[Any] = []
        t = threading.Thread(target=lambda: other.append(c.accounts.list()))
        start = time.monotonic()
        t.start()
        c.accounts.list()
        t.join()
        assert time.monotonic() - start < 1.3
    assert isinstance(other[0], list)


def test_close_while_another_thread_calls(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    sb.fault("/accounts/get-accounts", "delay", count=1, delay_ms=500)
    c = yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url)
    out: List[Any] = []
    t = threading.Thread(target=lambda: out.append(c.accounts.list()))
    t.start()
    time.sleep(0.1)
    c.close()  # the call in flight keeps the client alive until it ends
    t.join()
    assert isinstance(out[0], list)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork only")
def test_fork_after_use(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    code = textwrap.dedent(
        f"""
        import os, sys, libyativo as yv
        c = yv.YativoCrypto(access_token={sb.session_token!r}, base_url={sb.base_url!r})
        c.accounts.list()
        pid = os.fork()
        if pid == 0:
            c2 = yv.YativoCrypto(access_token={sb.session_token!r}, base_url={sb.base_url!r})
            c2.accounts.list()
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        sys.exit(os.waitstatus_to_exitcode(status))
        """
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=30).returncode == 0


def _fund(sb: Sandbox) -> Dict[str, str]:
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        account_id = c.accounts.create("ctrl-c").id
        asset_id = c.assets.add(account_id, "solana", "USDC_SOL").id
    sb.deposit(asset_id, "50")
    return {"account": account_id, "asset": asset_id}


def _run_child(code: str, sigint_when: Optional[Callable[[], None]] = None) -> Dict[str, Any]:
    """Runs `code` in a Python subprocess (a real SIGINT there cannot stop this pytest) and
    returns the JSON object it prints last. With `sigint_when`, sends the child SIGINT when that
    returns (called once the child printed "ready")."""
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    if sigint_when is not None:
        try:
            sigint_when()
        finally:
            proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=20)
    sys.stdout.write(out)  # kept by `make test` (-rA) and searched for secrets
    assert proc.returncode == 0, out
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_sigint_after_the_request_left_chains_the_outcome_unknown_error(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sb = make_sandbox()
    funded = _fund(sb)
    sb.fault("/transactions/send-funds", "delay", count=1, delay_ms=10000)
    code = textwrap.dedent(
        f"""
        import json, sys, libyativo as yv
        c = yv.YativoCrypto(access_token={sb.session_token!r}, base_url={sb.base_url!r})
        print("ready", flush=True)
        try:
            c.transactions.send_funds(**{send_args(funded, amount="2")!r})
        except KeyboardInterrupt as e:
            err = e.__context__
            print(json.dumps({{
                "error": type(err).__name__,
                "idempotency_key": getattr(err, "idempotency_key", None),
                "outcome_unknown": getattr(err, "outcome_unknown", None),
            }}), flush=True)
            sys.exit(0)
        sys.exit(3)
        """
    )

    def request_in_the_sandbox() -> None:
        # The request has left the client: the sandbox holds it in the delay.
        deadline = time.monotonic() + 10
        while sb.stats()["in_flight"] < 1:
            assert time.monotonic() < deadline, "send-funds never reached the sandbox"
            time.sleep(0.02)

    got = _run_child(code, request_in_the_sandbox)
    assert got["error"] == "CancelledError", got
    assert got["idempotency_key"], got
    assert got["outcome_unknown"] is True, got


def test_sigint_as_a_transfer_completes_keeps_its_result(
    make_sandbox: Callable[..., Sandbox],
) -> None:
    sb = make_sandbox()
    funded = _fund(sb)
    # The child's logger sends the process SIGINT from the core's "-> 2xx" line of send-funds:
    # the answer is in, the call is about to return. Python handles the signal on the main
    # thread only, so it lands exactly as the call completes, whatever the timing.
    code = textwrap.dedent(
        f"""
        import json, logging, os, signal, sys, libyativo as yv

        class SigintOnAnswer(logging.Handler):
            def emit(self, record):
                if "send-funds -> 2" in record.getMessage():
                    os.kill(os.getpid(), signal.SIGINT)

        log = logging.getLogger("sigint-on-answer")
        log.setLevel(logging.DEBUG)
        log.propagate = False
        log.addHandler(SigintOnAnswer())
        c = yv.YativoCrypto(access_token={sb.session_token!r}, base_url={sb.base_url!r},
                            logger=log)
        print("ready", flush=True)
        try:
            result = c.transactions.send_funds(**{send_args(funded, amount="2")!r})
        except KeyboardInterrupt as e:
            result = getattr(e, "result", None)
            print(json.dumps({{"interrupted": True, "type": type(result).__name__,
                               "result": result.id if result is not None else None}}),
                  flush=True)
            sys.exit(0)
        print(json.dumps({{"interrupted": False, "result": result.id}}), flush=True)
        sys.exit(0)
        """
    )
    got = _run_child(code)
    # Ctrl-C still stops the program, and the transfer it made is not lost: the interrupt
    # carries the call's result.
    assert got["interrupted"] is True, got
    assert got["type"] == "Transfer" and got["result"], got
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        listed = [t.id for t in c.transactions.list()]
    assert listed == [got["result"]]
