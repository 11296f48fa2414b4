"""Many calls in flight from one asyncio loop (issue 18): one client, N calls of the account list
started at once with asyncio.gather, each held DELAY_MS in the server by a sandbox delay fault.
Prints one JSON line.

    bench_async_py.py CLIENT BASE_URL API_KEY API_SECRET N DELAY_MS MAX_CONNECTIONS

CLIENT is one of:
  binding  libyativo.AsyncYativoCrypto(key, secret, max_host_connections=MAX_CONNECTIONS):
           ``await c.accounts.list()``, and the .raw dict of each record (the same decoded JSON as
           the peers hand over); a row marked skipped when the module has no AsyncYativoCrypto
  httpx    httpx.AsyncClient(limits=Limits(max_connections=MAX_CONNECTIONS)), bearer token from
           POST /auth/token once, ``(await get(url)).json()`` per call
  aiohttp  aiohttp.ClientSession(connector=TCPConnector(limit=MAX_CONNECTIONS)), the same

Before the timed part the client makes one call (the token exchange and its first connection).
Then the fault is queued and the N calls run. Measured: wall time from the gather's start to its
end; CPU of this process, all threads (getrusage RUSAGE_SELF; the sandbox is another process);
memory: the growth of peak RSS (VmHWM, reset through /proc/self/clear_refs just before) over the
RSS before; the threads the process gained, counted half-way through the delay (every call in
flight). The sandbox's stats (max_in_flight, faults_pending, connections) are recorded beside.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
import urllib.request
from typing import Any, Awaitable, Callable, Dict, Optional, Tuple


def cpu_us() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return (ru.ru_utime + ru.ru_stime) * 1e6


def status_kib(field: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1


def thread_count() -> int:
    return len(os.listdir("/proc/self/task"))


def reset_peak_rss() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def control(base_url: str, path: str, body: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    root = base_url.split("/api/", 1)[0]
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(root + path, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as answer:
        return dict(json.loads(answer.read()))


Call = Callable[[], Awaitable[Any]]


async def make_client(
    client: str, base_url: str, key: str, secret: str, cap: int
) -> Tuple[Call, Callable[[], Awaitable[None]], str]:
    """The call, how to close the client, and the client's version."""
    url = f"{base_url}/accounts/get-accounts"
    if client == "binding":
        import libyativo

        c = libyativo.AsyncYativoCrypto(key, secret, base_url=base_url, max_host_connections=cap)

        async def call_binding() -> Any:
            return [account.raw for account in await c.accounts.list()]

        return call_binding, c.aclose, "this build"
    if client == "httpx":
        import httpx

        hc = httpx.AsyncClient(
            limits=httpx.Limits(max_connections=cap, max_keepalive_connections=cap)
        )
        answer = await hc.post(f"{base_url}/auth/token", json={"api_key": key, "api_secret": secret})
        answer.raise_for_status()
        hc.headers["Authorization"] = "Bearer " + str(answer.json()["access_token"])

        async def call_httpx() -> Any:
            answer = await hc.get(url)
            answer.raise_for_status()
            return answer.json()

        return call_httpx, hc.aclose, "httpx " + httpx.__version__
    if client == "aiohttp":
        import aiohttp

        session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=cap, limit_per_host=0))
        async with session.post(
            f"{base_url}/auth/token", json={"api_key": key, "api_secret": secret}
        ) as answer:
            answer.raise_for_status()
            token = str((await answer.json())["access_token"])
        headers = {"Authorization": "Bearer " + token}

        async def call_aiohttp() -> Any:
            async with session.get(url, headers=headers) as answer:
                answer.raise_for_status()
                return await answer.json()

        return call_aiohttp, session.close, "aiohttp " + aiohttp.__version__
    raise SystemExit(f"unknown client {client}")


async def run(client: str, base_url: str, key: str, secret: str, n: int, delay_ms: int,
              cap: int) -> Dict[str, Any]:
    call, close, version = await make_client(client, base_url, key, secret, cap)
    try:
        first = await call()  # the token exchange and the first connection, untimed
        if not isinstance(first, (list, dict)):
            raise SystemExit(f"{client}: unexpected answer {type(first).__name__}")
        before = control(base_url, "/__sandbox/stats")
        if delay_ms > 0:
            control(base_url, "/__sandbox/faults", {"path": "/accounts/get-accounts", "count": n,
                                                    "mode": "delay", "delay_ms": delay_ms})
        threads0 = thread_count()
        threads_mid: list[int] = []
        asyncio.get_running_loop().call_later(
            delay_ms / 2000, lambda: threads_mid.append(thread_count()))
        rss0 = status_kib("VmRSS")
        hwm_reset = reset_peak_rss()
        done_ms: list[float] = []
        c0 = cpu_us()
        t0 = time.perf_counter()

        async def one() -> Any:
            answer = await call()
            done_ms.append((time.perf_counter() - t0) * 1e3)
            return answer

        results = await asyncio.gather(*(one() for _ in range(n)), return_exceptions=True)
        cpu = cpu_us() - c0
        wall = (time.perf_counter() - t0) * 1e6
        hwm = status_kib("VmHWM")
    finally:
        await close()
    after = control(base_url, "/__sandbox/stats")
    failures = [r for r in results if isinstance(r, BaseException)]
    done_ms.sort()
    return {
        "bench": "async-py", "client": client, "version": version, "requests": n,
        "cpu_us": cpu, "wall_us": wall, "in_flight": n, "delay_ms": delay_ms,
        "max_host_connections": cap, "failures": len(failures),
        "first_error": repr(failures[0])[:200] if failures else "",
        "rss_before_kib": rss0, "peak_rss_kib": hwm,
        "peak_rss_growth_kib": hwm - rss0 if hwm_reset else -1,
        "threads_added": threads_mid[0] - threads0 if threads_mid else None,
        "first_done_ms": done_ms[0] if done_ms else None,
        "p50_done_ms": done_ms[len(done_ms) // 2] if done_ms else None,
        "last_done_ms": done_ms[-1] if done_ms else None,
        "sandbox_connections": after["connections"] - before["connections"],
        "sandbox_requests": after["requests"] - before["requests"],
        "sandbox_max_in_flight": after["max_in_flight"],
        "sandbox_faults_pending": after["faults_pending"],
    }


def main() -> int:
    client, base_url, key, secret = sys.argv[1:5]
    n, delay_ms, cap = (int(x) for x in sys.argv[5:8])
    if client == "binding":
        import libyativo

        if not hasattr(libyativo, "AsyncYativoCrypto"):
            print(json.dumps({"bench": "async-py", "client": "binding", "skipped":
                              "libyativo has no AsyncYativoCrypto in this build (issue 18's asyncio "
                              "client not merged yet)"}))
            return 0
    result = asyncio.run(run(client, base_url, key, secret, n, delay_ms, cap))
    print(json.dumps(result))
    # Every call completed, each one request, each one held by the fault.
    whole = (result["failures"] == 0 and result["sandbox_requests"] == n
             and result["sandbox_faults_pending"] == 0)
    if not whole:
        print(f"bench_async_py {client}: not the {n} delayed requests it should be", file=sys.stderr)
    return 0 if whole else 1


if __name__ == "__main__":
    sys.exit(main())
