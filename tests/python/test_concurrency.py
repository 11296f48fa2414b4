"""Threads, the GIL and Ctrl-C."""

from __future__ import annotations

import _thread
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from typing import Any, Callable, List, Tuple

import pytest

import libyativo as yv
from sandbox import ALL_SCOPES, Sandbox


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
