"""One Python benchmark run: N calls through each client, after a warm-up, printing one JSON line
per client with the process's CPU (getrusage RUSAGE_SELF) and wall time spent in that client's
calls.

    bench_py.py CLIENT[,CLIENT...] BASE_URL API_KEY API_SECRET N WARMUP [BLOCK [WORKLOAD]]

WORKLOAD is `accounts` (the default, P2: GET /accounts/get-accounts, three accounts) or `page`
(POST /transactions/get-transactions {page: 1, limit: 100}: a 100-transaction page, ~80 KB,
decoded into Python objects by every client).

Several clients in one process run in alternating blocks of BLOCK calls (the order rotating), so
the load of a shared machine hits them alike and their ratio is measured within one process.
CLIENT is one of:
  binding   libyativo (this repository's module; PYTHONPATH points at the build): accounts.list()
            (page: transactions.list(limit=100)), and the .raw dict of each record it returns, so
            that it hands over the same decoded JSON as the peers (a record alone converts its
            fields only when they are read)
  requests  requests.Session, bearer token exchanged once, .json() of each answer
  httpx     httpx.Client, the same
  official  yativo-crypto-sdk from PyPI (package `yativo`): YativoSDK(base_url=...),
            auth.get_token(key, secret) once, then accounts.list()
"""

from __future__ import annotations

import json
import resource
import sys
import time
from typing import Any, Callable


def cpu_us() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return (ru.ru_utime + ru.ru_stime) * 1e6


def token_for(post: Callable[..., Any], base_url: str, key: str, secret: str) -> str:
    answer = post(f"{base_url}/auth/token", json={"api_key": key, "api_secret": secret})
    answer.raise_for_status()
    return str(answer.json()["access_token"])


PAGE_BODY = {"page": 1, "limit": 100}


def make_call(
    client: str, base_url: str, key: str, secret: str, workload: str = "accounts"
) -> tuple[Callable[[], Any], str]:
    page = workload == "page"
    if page and client == "official":
        raise SystemExit("the page workload compares the binding with requests and httpx")
    url = f"{base_url}/transactions/get-transactions" if page else f"{base_url}/accounts/get-accounts"
    if client == "binding":
        import libyativo

        c = libyativo.YativoCrypto(key, secret, base_url=base_url)

        def call_binding() -> Any:
            if page:
                return [t.raw for t in c.transactions.list(limit=100)]
            return [account.raw for account in c.accounts.list()]

        return call_binding, libyativo.__file__
    if client == "requests":
        import requests

        session = requests.Session()
        session.headers["Authorization"] = "Bearer " + token_for(
            session.post, base_url, key, secret
        )

        def call_requests() -> Any:
            answer = session.post(url, json=PAGE_BODY) if page else session.get(url)
            answer.raise_for_status()
            return answer.json()

        return call_requests, "requests " + requests.__version__
    if client == "httpx":
        import httpx

        hc = httpx.Client()
        hc.headers["Authorization"] = "Bearer " + token_for(hc.post, base_url, key, secret)

        def call_httpx() -> Any:
            answer = hc.post(url, json=PAGE_BODY) if page else hc.get(url)
            answer.raise_for_status()
            return answer.json()

        return call_httpx, "httpx " + httpx.__version__
    if client == "official":
        from importlib.metadata import version

        from yativo import YativoSDK  # yativo-crypto-sdk

        # Its base_url is the API root (its default lacks /api/v1); paths are appended to it.
        sdk = YativoSDK(base_url=base_url)
        # A client-side limit of 60 calls per endpoint per minute raises YativoError on the 61st;
        # the sandbox runs with --rate-limit 0, so lift it for the measurement.
        sdk.MAX_REQUESTS_PER_MINUTE = 1 << 62
        sdk.auth.get_token(key, secret)  # POST /auth/token, keeps access_token
        return sdk.accounts.list, "yativo-crypto-sdk " + version("yativo-crypto-sdk")
    raise SystemExit(f"unknown client {client}")


def main() -> int:
    clients_text, base_url, key, secret, n_text, warmup_text = sys.argv[1:7]
    clients = clients_text.split(",")
    n, warmup = int(n_text), int(warmup_text)
    block = int(sys.argv[7]) if len(sys.argv) > 7 else 50
    workload = sys.argv[8] if len(sys.argv) > 8 else "accounts"
    if workload not in ("accounts", "page"):
        raise SystemExit(f"unknown workload {workload}")
    made = [make_call(c, base_url, key, secret, workload) for c in clients]
    payload_types = []
    for call, _ in made:
        for _ in range(warmup):
            call()
        payload_types.append(type(call()).__name__)
    cpu = [0.0] * len(clients)
    wall = [0.0] * len(clients)
    done, round_ = 0, 0
    while done < n:
        k = min(block, n - done)
        for j in range(len(clients)):
            which = (round_ + j) % len(clients)
            call = made[which][0]
            cpu0, wall0 = cpu_us(), time.perf_counter()
            for _ in range(k):
                call()
            cpu[which] += cpu_us() - cpu0
            wall[which] += (time.perf_counter() - wall0) * 1e6
        done += k
        round_ += 1
    for j, client in enumerate(clients):
        print(
            json.dumps(
                {
                    "bench": "p2" if workload == "accounts" else "page-py",
                    "client": client,
                    "requests": n,
                    "cpu_us": round(cpu[j], 1),
                    "wall_us": round(wall[j], 1),
                    "version": made[j][1],
                    "payload_type": payload_types[j],
                    "process": clients_text,
                }
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
