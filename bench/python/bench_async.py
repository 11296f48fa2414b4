"""Many calls in flight from one asyncio thread (issue 18): N calls of GET /accounts/get-accounts
started at once with asyncio.gather, each held DELAY_MS by the sandbox's delay fault, through each
client in turn; one JSON line per client with the wall time of the batch, the process's CPU
(getrusage RUSAGE_SELF) over it, the resident memory it added per call started (sampled at half
the delay, while every call is in flight: on a connection or waiting for one) and the threads the
process gained by then. bench/run.sh runs one process per client.

    bench_async.py CLIENT[,CLIENT...] BASE_URL API_KEY API_SECRET N [DELAY_MS [CONNECTIONS]]

CONNECTIONS (default 256) caps each client's connections to the sandbox alike: HTTP/1.1 carries
one call per connection, so N calls over CONNECTIONS connections take about
N / CONNECTIONS * DELAY_MS at best. CLIENT is one of:
  binding   libyativo.AsyncYativoCrypto(max_host_connections=CONNECTIONS): accounts.list(), and
            the .raw dict of each record (the decoded JSON the peers hand over too)
  httpx     httpx.AsyncClient(limits=Limits(max_connections=CONNECTIONS)), bearer token
            exchanged once, .json() of each answer
  aiohttp   aiohttp.ClientSession(connector=TCPConnector(limit=CONNECTIONS)), the same
Each client gets one warm-up batch of min(N, CONNECTIONS) calls without the fault first (connections
opened, token exchanged).
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
import urllib.request
from typing import Any, Awaitable, Callable, Dict, List, Tuple

Call = Callable[[], Awaitable[Any]]


def cpu_us() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return (ru.ru_utime + ru.ru_stime) * 1e6


def rss_kb() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def threads() -> int:
    return len(os.listdir("/proc/self/task"))


def control(base_url: str, method: str, path: str, body: Dict[str, Any]) -> None:
    root = base_url.rsplit("/api/v1", 1)[0]
    req = urllib.request.Request(root + path, data=json.dumps(body).encode(), method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        resp.read()


async def make_call(client: str, base_url: str, key: str, secret: str,
                    connections: int) -> Tuple[Call, Callable[[], Awaitable[None]], str]:
    url = f"{base_url}/accounts/get-accounts"
    if client == "binding":
        import libyativo

        c = libyativo.AsyncYativoCrypto(key, secret, base_url=base_url,
                                        max_host_connections=connections)

        async def call_binding() -> Any:
            return [account.raw for account in await c.accounts.list()]

        return call_binding, c.aclose, "libyativo " + libyativo.__version__
    if client == "httpx":
        import httpx

        hc = httpx.AsyncClient(limits=httpx.Limits(max_connections=connections,
                                                   max_keepalive_connections=connections),
                               timeout=60)
        answer = await hc.post(f"{base_url}/auth/token", json={"api_key": key, "api_secret": secret})
        answer.raise_for_status()
        hc.headers["Authorization"] = "Bearer " + answer.json()["access_token"]

        async def call_httpx() -> Any:
            answer = await hc.get(url)
            answer.raise_for_status()
            return answer.json()

        return call_httpx, hc.aclose, "httpx " + httpx.__version__
    if client == "aiohttp":
        import aiohttp

        session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=connections),
                                        timeout=aiohttp.ClientTimeout(total=60))
        async with session.post(f"{base_url}/auth/token",
                                json={"api_key": key, "api_secret": secret}) as answer:
            answer.raise_for_status()
            token = (await answer.json())["access_token"]
        headers = {"Authorization": "Bearer " + token}

        async def call_aiohttp() -> Any:
            async with session.get(url, headers=headers) as answer:
                answer.raise_for_status()
                return await answer.json()

        return call_aiohttp, session.close, "aiohttp " + aiohttp.__version__
    raise SystemExit(f"unknown client {client}")


async def measure(client: str, base_url: str, key: str, secret: str, n: int, delay_ms: int,
                  connections: int) -> Dict[str, Any]:
    call, close, version = await make_call(client, base_url, key, secret, connections)
    await asyncio.gather(*(call() for _ in range(min(n, connections))))  # warm-up: token, connections
    control(base_url, "POST", "/__sandbox/faults",
            {"path": "/accounts/get-accounts", "mode": "delay", "count": n, "delay_ms": delay_ms})
    rss0, threads0 = rss_kb(), threads()
    peak: List[int] = []

    async def sample() -> None:
        await asyncio.sleep(delay_ms / 2000)
        peak.extend((rss_kb(), threads()))

    cpu0, wall0 = cpu_us(), time.perf_counter()
    sampler = asyncio.ensure_future(sample())
    results = await asyncio.gather(*(call() for _ in range(n)))
    wall, cpu = time.perf_counter() - wall0, cpu_us() - cpu0
    await sampler
    await close()
    control(base_url, "DELETE", "/__sandbox/faults", {})
    assert all(isinstance(r, (list, dict)) for r in results)  # peers: the whole answer
    return {
        "bench": "p-async",
        "client": client,
        "requests": n,
        "delay_ms": delay_ms,
        "connections": connections,
        "wall_us": round(wall * 1e6, 1),
        "cpu_us": round(cpu, 1),
        "rss_kb_per_call": round((peak[0] - rss0) / n, 2),
        "threads_added": peak[1] - threads0,
        "version": version,
    }


def main() -> int:
    clients_text, base_url, key, secret, n_text = sys.argv[1:6]
    delay_ms = int(sys.argv[6]) if len(sys.argv) > 6 else 200
    connections = int(sys.argv[7]) if len(sys.argv) > 7 else 256
    for client in clients_text.split(","):
        row = asyncio.run(measure(client, base_url, key, secret, int(n_text), delay_ms,
                                  connections))
        print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
