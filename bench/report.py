"""Turns the runs of bench/run.sh (one JSON line each) into the results file (machine, date,
commit, every run, the medians) and docs/benchmarks.md. Every figure comes from the runs."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import socket
import statistics
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List, Optional

GOALS = {"p1": 1.10, "p2": 5.0}


def sh(*cmd: str, cwd: Optional[str] = None) -> str:
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def machine(root: str) -> Dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "uname": sh("uname", "-a") or platform.platform(),
        "host": socket.gethostname(),
        "nproc": os.cpu_count(),
        "cpu_model": cpu,
        "loadavg_at_report": Path("/proc/loadavg").read_text().strip(),
        "date_utc": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "git_commit": sh("git", "rev-parse", "HEAD", cwd=root),
        # Work in progress in what was measured: the report's own outputs (the results file and
        # this page) and its hand-written analysis are not code.
        "git_dirty": bool(sh("git", "status", "--porcelain", "--untracked-files=no", "--", ".",
                             ":!bench/results", ":!docs/benchmarks.md", ":!bench/analysis.md",
                             cwd=root)),
        "compiler": sh("c++", "--version").splitlines()[0] if sh("c++", "--version") else "",
        "libcurl": sh("curl-config", "--version"),
        "python": sh(os.path.join(root, ".venv/bin/python"), "--version"),
        "go": sh("go", "version"),
        "rustc": sh("rustc", "--version"),
    }


def med(values: List[float]) -> Optional[float]:
    return statistics.median(values) if values else None


class Runs:
    def __init__(self, lines: List[Dict[str, Any]]) -> None:
        self.by: Dict[tuple, List[Dict[str, Any]]] = defaultdict(list)
        for r in lines:
            self.by[(r["bench"], r["client"])].append(r)

    def ok(self, bench: str, client: str) -> List[Dict[str, Any]]:
        return [r for r in self.by.get((bench, client), []) if "skipped" not in r]

    def skipped(self, bench: str, client: str) -> Optional[str]:
        rs = self.by.get((bench, client), [])
        return rs[0]["skipped"] if rs and all("skipped" in r for r in rs) else None

    def per_request(self, bench: str, client: str) -> Optional[Dict[str, Any]]:
        rs = [r for r in self.ok(bench, client) if r.get("requests")]
        if not rs:
            return None
        s: Dict[str, Any] = {
            "runs": len(rs),
            "requests_per_run": rs[0]["requests"],
            "cpu_us_per_request": med([r["cpu_us"] / r["requests"] for r in rs]),
            "wall_us_per_request": med([r["wall_us"] / r["requests"] for r in rs]),
            "requests_per_s": med([r["requests"] / (r["wall_us"] / 1e6) for r in rs]),
            "cpu_us_per_request_best_run": min(r["cpu_us"] / r["requests"] for r in rs),
            "cpu_us_per_request_all_runs": [round(r["cpu_us"] / r["requests"], 2) for r in rs],
        }
        if "allocations" in rs[0]:
            s["allocations_per_request"] = med([r["allocations"] / r["requests"] for r in rs])
        return s


def fmt(x: Optional[float], digits: int = 1) -> str:
    return "—" if x is None else f"{x:,.{digits}f}"


def ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return None if a is None or b is None or b == 0 else a / b


def summarise(runs: Runs) -> Dict[str, Any]:
    s: Dict[str, Any] = {}
    core, curl = runs.per_request("p1", "core"), runs.per_request("p1", "curl")
    # The clients of one P1 run share a process (interleaved blocks): the ratio is taken per run,
    # then the median over runs.
    per_run = [a["cpu_us"] / b["cpu_us"] for a, b in zip(runs.ok("p1", "core"), runs.ok("p1", "curl"))
               if b["cpu_us"]]
    r1 = med(per_run)
    curl_json = runs.per_request("p1", "curl-json")
    s["p1"] = {"core": core, "curl": curl, "curl_json": curl_json,
               "cpu_ratio_vs_curl_json": ratio(core and core["cpu_us_per_request"],
                                               curl_json and curl_json["cpu_us_per_request"]),
               "cpu_ratio": r1, "cpu_ratio_per_run": [round(x, 3) for x in per_run], "goal_max_ratio": GOALS["p1"],
               "met": None if r1 is None else r1 <= GOALS["p1"]}
    p2 = {c: runs.per_request("p2", c) for c in ("binding", "requests", "httpx", "official")}
    peers = {c: v for c, v in p2.items() if c != "binding" and v}
    best = min(peers, key=lambda c: peers[c]["cpu_us_per_request"]) if peers else None
    # Each peer ran in one process with the binding (alternating blocks): its advantage is the
    # median over runs of peer CPU / binding CPU within the same process.
    advantage: Dict[str, Optional[float]] = {}
    for c in peers:
        per_run = []
        for r in runs.ok("p2", c):
            mates = [b for b in runs.ok("p2", "binding") if b.get("process") == r.get("process")
                     and b.get("run") == r.get("run")]
            if mates and mates[0]["cpu_us"]:
                per_run.append((r["cpu_us"] / r["requests"]) / (mates[0]["cpu_us"] / mates[0]["requests"]))
        advantage[c] = med(per_run)
    adv = advantage.get(best) if best else None
    s["p2"] = {**p2, "best_peer": best, "advantage_over_best": adv, "advantage_per_peer": advantage, "goal_min_advantage": GOALS["p2"],
               "met": None if adv is None else adv >= GOALS["p2"],
               "skipped": {c: runs.skipped("p2", c) for c in p2 if runs.skipped("p2", c)},
               "versions": {c: runs.ok("p2", c)[0].get("version") for c in p2 if runs.ok("p2", c)}}
    keyed, keyless = runs.per_request("p1w", "keyed"), runs.per_request("p1w", "keyless")
    s["p1w"] = {"keyed": keyed, "keyless": keyless,
                "wall_ratio": ratio(keyless and keyless["wall_us_per_request"], keyed and keyed["wall_us_per_request"]),
                "cpu_ratio": ratio(keyless and keyless["cpu_us_per_request"], keyed and keyed["cpu_us_per_request"])}
    pg: Dict[str, Any] = {c.replace("-", "_"): runs.per_request("page", c)
                          for c in ("core", "curl", "curl-json")}
    core_runs, curl_runs, json_runs = (runs.ok("page", c) for c in ("core", "curl", "curl-json"))
    pg["cpu_ratio"] = med([a["cpu_us"] / b["cpu_us"] for a, b in zip(core_runs, curl_runs) if b["cpu_us"]])
    pg["cpu_ratio_vs_curl_json"] = med([a["cpu_us"] / b["cpu_us"]
                                        for a, b in zip(core_runs, json_runs) if b["cpu_us"]])
    if core_runs:
        pg["items"], pg["payload_bytes"] = core_runs[0].get("items"), core_runs[0].get("payload_bytes")
    py = {c: runs.per_request("page-py", c) for c in ("binding", "requests", "httpx")}
    py_adv: Dict[str, Optional[float]] = {}
    for c in ("requests", "httpx"):
        per_run = []
        for r in runs.ok("page-py", c):
            mates = [b for b in runs.ok("page-py", "binding") if b.get("process") == r.get("process")
                     and b.get("run") == r.get("run")]
            if mates and mates[0]["cpu_us"] and r["requests"]:
                per_run.append((r["cpu_us"] / r["requests"]) / (mates[0]["cpu_us"] / mates[0]["requests"]))
        py_adv[c] = med(per_run)
    pg["python"] = {**py, "advantage_per_peer": py_adv,
                    "versions": {c: runs.ok("page-py", c)[0].get("version") for c in py if runs.ok("page-py", c)}}
    s["page"] = pg
    tc, tr = runs.per_request("p3", "threads-core"), runs.per_request("p3", "threads-curl")
    ex = [r["token_exchanges"] for r in runs.ok("p3x", "threads-core")]
    s["p3"] = {"threads_core": tc, "threads_curl": tr,
               "throughput_ratio": ratio(tc and tc["requests_per_s"], tr and tr["requests_per_s"]),
               "cpu_ratio": ratio(tc and tc["cpu_us_per_request"], tr and tr["cpu_us_per_request"]),
               "token_exchanges_per_run": ex, "met": bool(ex) and all(e == 1 for e in ex),
               "failures": sum(r.get("failures", 0) for r in runs.ok("p3", "threads-core") +
                               runs.ok("p3", "threads-curl"))}
    idle = runs.ok("p4", "idle")
    sizes = runs.ok("p4", "sizes")
    keys = ("construct_rss_kib", "construct_heap_bytes", "construct_allocations",
            "after_call_rss_kib", "after_call_heap_bytes")
    s["p4"] = {"sizes": sizes[0] if sizes else None,
               "idle": {k: med([r[k] for r in idle]) for k in keys} if idle else None}
    c = runs.per_request("p5", "c")
    p5: Dict[str, Any] = {"c": c}
    for lang in ("go", "rust"):
        v = runs.per_request("p5", lang)
        p5[lang] = v
        if v and c:
            p5[lang + "_overhead_cpu_us"] = v["cpu_us_per_request"] - c["cpu_us_per_request"]
            p5[lang + "_cpu_ratio"] = v["cpu_us_per_request"] / c["cpu_us_per_request"]
        elif runs.skipped("p5", lang):
            p5[lang + "_skipped"] = runs.skipped("p5", lang)
    s["p5"] = p5
    rf = runs.ok("refresh", "core")
    groups = {}
    for g in ("outside", "during", "refresher"):
        groups[g] = {k: med([r[g][k] for r in rf if r[g]["calls"]]) for k in ("p50_ms", "p99_ms", "max_ms")}
        groups[g]["calls"] = sum(r[g]["calls"] for r in rf)
        groups[g]["max_ms_all_runs"] = max((r[g]["max_ms"] for r in rf if r[g]["calls"]), default=None)
    s["refresh"] = {"runs": len(rf), "refreshes": sum(r["refreshes"] for r in rf),
                    "delay_ms": rf[0]["delay_ms"] if rf else None,
                    "threads": rf[0]["threads"] if rf else None,
                    "seconds": rf[0]["seconds"] if rf else None,
                    "failures": sum(r["failures"] for r in rf), **groups}
    if rf and groups["during"]["max_ms_all_runs"] is not None:
        s["refresh"]["met"] = groups["during"]["max_ms_all_runs"] < rf[0]["delay_ms"]
    s["async"] = summarise_async(runs)
    s["profile"] = {r["client"]: r["ir_per_request"] for c in ("core", "curl", "curl-json")
                    for r in runs.ok("profile", c)}
    return s


ASYNC_CLIENTS = ("core-poll", "core-epoll", "curl-multi", "core-poll-default-cap")
ASYNC_PY_CLIENTS = ("binding", "httpx", "aiohttp")


def async_row(runs: Runs, bench: str, client: str) -> Optional[Dict[str, Any]]:
    """One client's runs of many calls in flight: medians over its runs (one process each)."""
    rs = [r for r in runs.ok(bench, client) if r.get("requests")]
    if not rs:
        return None
    n = rs[0]["requests"]
    row: Dict[str, Any] = {
        "runs": len(rs), "in_flight": n, "delay_ms": rs[0]["delay_ms"],
        "max_host_connections": rs[0]["max_host_connections"], "version": rs[0].get("version"),
        "driver": rs[0].get("driver"),
        "wall_ms": med([r["wall_us"] / 1e3 for r in rs]),
        "wall_ms_all_runs": [round(r["wall_us"] / 1e3, 1) for r in rs],
        "cpu_ms": med([r["cpu_us"] / 1e3 for r in rs]),
        "cpu_ms_all_runs": [round(r["cpu_us"] / 1e3, 1) for r in rs],
        "cpu_us_per_call": med([r["cpu_us"] / r["requests"] for r in rs]),
        "last_done_ms": med([r["last_done_ms"] for r in rs if r.get("last_done_ms") is not None]),
        "connections": med([r["sandbox_connections"] for r in rs]),
        "failures": sum(r["failures"] for r in rs),
        "faults_pending_max": max(r["sandbox_faults_pending"] for r in rs),
        "sandbox_max_in_flight": max(r["sandbox_max_in_flight"] for r in rs),
    }
    growth = [r["peak_rss_growth_kib"] for r in rs if r.get("peak_rss_growth_kib", -1) >= 0]
    row["peak_rss_growth_kib"] = med(growth)
    row["peak_rss_growth_bytes_per_call"] = med([g * 1024 / n for g in growth])
    if "peak_heap_growth_bytes" in rs[0]:
        row["peak_heap_growth_bytes_per_call"] = med([r["peak_heap_growth_bytes"] / n for r in rs])
    if "threads_added" in rs[0]:
        row["threads_added_max"] = max((r["threads_added"] for r in rs
                                        if r.get("threads_added") is not None), default=None)
    if "allocations" in rs[0]:
        row["allocations_per_call"] = med([r["allocations"] / n for r in rs])
    return row


def summarise_async(runs: Runs) -> Dict[str, Any]:
    a: Dict[str, Any] = {c: async_row(runs, "async", c) for c in ASYNC_CLIENTS}
    a["python"] = {c: async_row(runs, "async-py", c) for c in ASYNC_PY_CLIENTS}
    a["skipped"] = {f"{b}/{c}": runs.skipped(b, c) for b, cs in (("async", ASYNC_CLIENTS),
                                                                  ("async-py", ASYNC_PY_CLIENTS))
                    for c in cs if runs.skipped(b, c)}
    core, curl = a.get("core-poll"), a.get("curl-multi")
    a["core_cpu_ratio_vs_curl_multi"] = ratio(core and core["cpu_ms"], curl and curl["cpu_ms"])
    py = a["python"]
    a["python"]["cpu_ratio_vs_binding"] = {
        c: ratio(py[c] and py[c]["cpu_ms"], py["binding"] and py["binding"]["cpu_ms"])
        for c in ("httpx", "aiohttp")}
    return a


def async_doc(a: Dict[str, Any]) -> List[str]:
    L: List[str] = []
    add = L.append
    rows = [a.get(c) for c in ASYNC_CLIENTS] + [a["python"].get(c) for c in ASYNC_PY_CLIENTS]
    first = next((r for r in rows if r), None)
    add("## Many calls in flight from one thread (issue 18)")
    add("")
    if not first:
        add("Not run: " + "; ".join(f"{k}: {v}" for k, v in a["skipped"].items()) if a["skipped"]
            else "Not run.")
        add("")
        return L
    n, delay = first["in_flight"], first["delay_ms"]
    add(f"{n:,} calls of `GET /accounts/get-accounts` started at once from one thread against a "
        f"sandbox that holds each of them {delay} ms (a `delay` fault with `count` {n:,}, queued "
        "after the client's first call, which exchanged the token and opened one connection; "
        "the sandbox waits on a timer, so it holds any number at once). Every run is a process of "
        "its own, so each client opens its connections afresh: HTTP/1.1 carries one call per "
        "connection. **Wall** runs from the first start to the last completion; the floor is "
        f"{delay} ms. **Client CPU** is user + system CPU of the client process, all its threads "
        "(`getrusage(RUSAGE_SELF)` around the calls; the sandbox is another process; the library "
        "starts no thread). **Memory per call in flight** is the growth of the process's *peak* "
        "RSS over the calls (`VmHWM`, reset through `/proc/self/clear_refs` just before, minus "
        f"`VmRSS` before) divided by {n:,}; beside it, the most heap in use (glibc `mallinfo2`, "
        "sampled every 10 ms) over the same span, per call — larger than the RSS figure, since "
        "libcurl reserves buffers per transfer it never fills. *Connections* are those the sandbox "
        "accepted during the calls. Medians over the runs.")
    add("")
    add("| Client | Driven by | Connections per host (cap) | Wall ms | Client CPU ms | CPU µs/call | "
        "Peak RSS growth / call | Peak heap growth / call | Heap allocations / call | "
        "Connections | Runs |")
    add("|---|---|---|---|---|---|---|---|---|---|---|")
    names = {"core-poll": "libyativo C++ `EventLoop` (`list_accounts` per call)",
             "core-epoll": "libyativo C++ `EventLoop`, host-driven",
             "curl-multi": "raw libcurl multi: one easy handle per call, no decoding (floor)",
             "core-poll-default-cap": "libyativo C++ `EventLoop`, default cap"}
    drivers = {"core-poll": "`run_once()` (poll)", "core-epoll": "epoll via the `watch`/`timer` hooks",
               "curl-multi": "`multi_socket` + epoll", "core-poll-default-cap": "`run_once()` (poll)"}

    def kib(x: Optional[float]) -> str:
        return "—" if x is None else f"{x / 1024:,.1f} KiB"

    for c in ASYNC_CLIENTS:
        r = a.get(c)
        if not r:
            if a["skipped"].get(f"async/{c}"):
                add(f"| {names[c]} | not run: {a['skipped'][f'async/{c}']} | | | | | | | | | |")
            continue
        cap = r["max_host_connections"]
        cap_text = "default (64)" if cap == "default" else f"{cap:,}"
        add(f"| {names[c]} | {drivers[c]} | {cap_text} | {fmt(r['wall_ms'], 0)} | {fmt(r['cpu_ms'], 1)} | "
            f"{fmt(r['cpu_us_per_call'], 0)} | {kib(r['peak_rss_growth_bytes_per_call'])} | "
            f"{kib(r.get('peak_heap_growth_bytes_per_call'))} | {fmt(r.get('allocations_per_call'), 0)} | "
            f"{fmt(r['connections'], 0)} | {r['runs']} |")
    add("")
    core = a.get("core-poll")
    if core and a.get("core_cpu_ratio_vs_curl_multi"):
        add(f"**Core / raw libcurl multi: {a['core_cpu_ratio_vs_curl_multi']:.2f}× client CPU** "
            "(medians), for a call that also builds the request, checks the token, decodes the "
            "answer into typed records and runs on a fiber of its own.")
        add("")
    bad = [c for c in ASYNC_CLIENTS if a.get(c) and (a[c]["failures"] or a[c]["faults_pending_max"])]
    add(f"Failed calls: {sum(a[c]['failures'] for c in ASYNC_CLIENTS if a.get(c))}; delay faults "
        f"left untaken after a run: {max((a[c]['faults_pending_max'] for c in ASYNC_CLIENTS if a.get(c)), default=0)}"
        f"{' (in ' + ', '.join(bad) + ')' if bad else ''}. The sandbox's `max_in_flight` (the "
        "most requests it held at once, a high-water mark read after each run; the default-cap "
        "runs go first): "
        f"{fmt((a.get('core-poll-default-cap') or {}).get('sandbox_max_in_flight'), 0)} after the "
        "default-cap runs, "
        f"{max((a[c]['sandbox_max_in_flight'] for c in ASYNC_CLIENTS if a.get(c) and a[c]['max_host_connections'] != 'default'), default=0):,} "
        "after the others. The heap figure is a lower bound (a sample every 10 ms can miss the "
        "peak); peak RSS is exact. "
        "Wall per run: " + "; ".join(f"{c} {a[c]['wall_ms_all_runs']}" for c in ASYNC_CLIENTS if a.get(c)) + ".")
    add("")
    py = a["python"]
    add(f"**Python**, the same {n:,} calls with `asyncio.gather` on one loop: `libyativo.AsyncYativoCrypto` "
        "(`await c.accounts.list()` and the `.raw` dict of each record, `max_host_connections` as "
        "below) against `httpx.AsyncClient` (`limits=httpx.Limits(max_connections=…, "
        "max_keepalive_connections=…)`) and `aiohttp.ClientSession` (`TCPConnector(limit=…)`), "
        "each with a bearer token fetched once and `.json()` of each answer. CPU is the whole "
        "interpreter process's over the gather; memory as above (peak RSS growth only); *threads "
        "added* are those the process gained, counted half-way through the delay (most over the "
        "runs).")
    add("")
    add("| Client | Version | Connection cap | Wall ms | Client CPU ms | CPU µs/call | Peak RSS growth / call | "
        "Connections | Threads added | CPU vs libyativo | Runs |")
    add("|---|---|---|---|---|---|---|---|---|---|---|")
    for c, name in (("binding", "libyativo `AsyncYativoCrypto`"), ("httpx", "httpx `AsyncClient`"),
                    ("aiohttp", "aiohttp `ClientSession`")):
        r = py.get(c)
        if not r:
            add(f"| {name} | — | not run: {a['skipped'].get(f'async-py/{c}', 'no runs')} | | | | | | | | |")
            continue
        rel = py["cpu_ratio_vs_binding"].get(c)
        add(f"| {name} | {r['version'] or ''} | {r['max_host_connections']:,} | {fmt(r['wall_ms'], 0)} | "
            f"{fmt(r['cpu_ms'], 1)} | {fmt(r['cpu_us_per_call'], 0)} | "
            f"{kib(r['peak_rss_growth_bytes_per_call'])} | {fmt(r['connections'], 0)} | "
            f"{'—' if r.get('threads_added_max') is None else r['threads_added_max']} | "
            f"{'—' if rel is None else f'{rel:.2f}×'} | {r['runs']} |")
    add("")
    fails = sum(py[c]["failures"] for c in ASYNC_PY_CLIENTS if py.get(c))
    add(f"Failed calls: {fails}. Wall per run: "
        + "; ".join(f"{c} {py[c]['wall_ms_all_runs']}" for c in ASYNC_PY_CLIENTS if py.get(c)) + ".")
    add("")
    return L


def short_name(fn: str) -> str:
    """A C++ symbol without template arguments, parameter lists or return type."""
    out, depth = [], 0
    for ch in fn:
        if ch in "<([":
            if depth == 0 and ch != "[":
                out.append("<>" if ch == "<" else "()")
            depth += 1
        elif ch in ">)]":
            depth = max(depth - 1, 0)
        elif depth == 0:
            out.append(ch)
    text = "".join(out).strip()
    return text.split(" ")[-1] if " " in text else text


def parse_callgrind(path: Path) -> tuple:
    """Self cost (Ir) per object and per function of a callgrind.out file (the line after each
    `calls=` is the inclusive cost of that call, not self cost, and is skipped)."""
    names: Dict[str, Dict[str, str]] = {"ob": {}, "fn": {}}
    by_obj: Dict[str, int] = defaultdict(int)
    by_fn: Dict[str, int] = defaultdict(int)
    obj = fn = "?"
    skip_next = False

    def name(kind: str, rest: str) -> str:
        rest = rest.strip()
        if rest.startswith("("):
            ident, _, text = rest.partition(")")
            text = text.strip()
            if text:
                names[kind][ident] = text
            return names[kind].get(ident, ident)
        return rest

    for line in path.read_text(errors="replace").splitlines():
        if line.startswith("ob="):
            obj = name("ob", line[3:])
        elif line.startswith("fn="):
            fn = name("fn", line[3:])
        elif line.startswith("cob="):
            name("ob", line[4:])
        elif line.startswith("cfn="):
            name("fn", line[4:])
        elif line.startswith("calls="):
            skip_next = True
        elif line[:1].isdigit() or line[:1] in "+-*":
            if skip_next:
                skip_next = False
                continue
            parts = line.split()
            if len(parts) > 1:
                by_obj[obj] += int(parts[1])
                by_fn[f"{short_name(fn)} [{os.path.basename(obj)}]"] += int(parts[1])
    return by_obj, by_fn


def per_request_profile(out_dir: Path, client: str) -> Optional[Dict[str, Any]]:
    """Ir per request by object and by function: (600-request run - 100-request run) / 500."""
    big, small = out_dir / f"callgrind.{client}.600", out_dir / f"callgrind.{client}.100"
    if not big.exists() or not small.exists():
        return None
    (ob_b, fn_b), (ob_s, fn_s) = parse_callgrind(big), parse_callgrind(small)

    def diff(b: Dict[str, int], a: Dict[str, int]) -> Dict[str, float]:
        return {k: (b.get(k, 0) - a.get(k, 0)) / 500 for k in set(b) | set(a)}

    return {"by_object": diff(ob_b, ob_s), "by_function": diff(fn_b, fn_s)}


def verdict(met: Optional[bool]) -> str:
    return "—" if met is None else ("**met**" if met else "**missed**")


def doc(s: Dict[str, Any], m: Dict[str, Any], out_dir: Path, root: Path, results_rel: str) -> str:
    L: List[str] = []
    add = L.append
    add("# Benchmarks")
    add("")
    add("Generated by `make bench` (`bench/run.sh` → `bench/report.py`); every figure below comes from "
        f"the runs recorded in `{results_rel}`. Do not edit by hand: rerun `make bench`.")
    add("")
    add("All clients make the same authenticated call, `GET /accounts/get-accounts` (three accounts "
        "in the answer), against one `yativo-sandbox --rate-limit 0` on loopback, with connections kept "
        "alive, after a warm-up (the SDK's first call exchanges the token). Clients compared with each "
        "other share one process where they can (P1; P2 per peer), in alternating blocks of calls, "
        "so the machine's load hits them alike; elsewhere each client is a process of its own and "
        "the processes alternate within each round. Figures are **medians** over the runs. **Client CPU µs/request** = user + system CPU "
        "of the client process (`getrusage(RUSAGE_SELF)` around the timed loop) / requests: the fair "
        "figure, because the sandbox shares the machine. Wall-clock and requests/s are beside it and "
        "depend on the sandbox and the load.")
    add("")
    add(f"**Machine:** {m['cpu_model']}, {m['nproc']} CPUs — `{m['uname']}`. "
        f"Date {m['date_utc']}, commit `{m['git_commit'][:12]}`{' (the working tree also held uncommitted work in progress)' if m['git_dirty'] else ''}. "
        f"Load average at the end of the run: {m['loadavg_at_report']}. The sandbox and the client "
        "share the machine's CPUs (a load average above their count means other work ran too): "
        "wall-clock figures are noisy; CPU per request much less so.")
    add("")
    add("Reproduce: `make bench` (or `bash bench/run.sh BUILD_DIR`); `make test` runs "
        "`bench/run.sh --smoke` (each benchmark once, tiny counts) so the scripts cannot rot.")
    add("")

    p1 = s["p1"]
    add("## P1 — C++ core vs a raw libcurl loop")
    add("")
    add("The floor is a plain libcurl easy handle reused for every request, with the same headers "
        "(`Authorization: Bearer`, token obtained once before timing), appending the body to a "
        "`std::string` and checking the status — no JSON parsing. The core's `list_accounts` "
        "also checks the token's expiry, builds the request, parses the envelope (RapidJSON) and "
        "returns the payload. Heap allocations are counted by a malloc/calloc/realloc interposer in "
        "the bench binary (libcurl's and OpenSSL's included; `operator new` lands in malloc).")
    add("")
    add("| Client | CPU µs/request | best run | Wall µs/request | Requests/s | Heap allocations/request | Runs × requests |")
    add("|---|---|---|---|---|---|---|")
    for name, key in (("libyativo C++ core (`Client::list_accounts`)", "core"), ("raw libcurl easy handle", "curl"),
                      ("raw libcurl + RapidJSON parse of each body (not the goal's floor)", "curl_json")):
        v = p1[key]
        if v:
            add(f"| {name} | {fmt(v['cpu_us_per_request'])} | {fmt(v['cpu_us_per_request_best_run'])} | "
                f"{fmt(v['wall_us_per_request'])} | "
                f"{fmt(v['requests_per_s'], 0)} | {fmt(v.get('allocations_per_request'))} | "
                f"{v['runs']} × {v['requests_per_run']} |")
    add("")
    add(f"**Ratio core / raw libcurl (CPU, median of the per-run ratios): {fmt(p1['cpu_ratio'], 3)}×** — "
        f"goal ≤ {GOALS['p1']:.2f}×: {verdict(p1['met'])}. Per run: {p1['cpu_ratio_per_run']}.")
    add("")
    add("The three loops run in one process per run, alternating blocks of 100 requests (the "
        "order rotating), so the machine's load hits them alike: run as separate processes, "
        "the same loops differed by up to 2× from one process to the next on this shared machine.")
    if p1["curl_json"]:
        add("")
        add(f"Against the raw loop that also parses each body as the core does (RapidJSON, numbers kept "
            f"as strings): {fmt(p1['cpu_ratio_vs_curl_json'], 2)}× — shown to separate the decoding every "
            "SDK must do from the core's own overhead; the goal is against the plain loop.")
    if s.get("profile"):
        pr = s["profile"]
        add("")
        add("Instructions per request under callgrind (difference of a 600- and a 100-request run, so "
            "start-up cancels): " + ", ".join(f"{k} {v:,}" for k, v in pr.items()) +
            (f" — ratio core / raw libcurl {pr['core'] / pr['curl']:.2f}×." if "core" in pr and pr.get("curl") else "."))
    gate = root / "bench" / "perf-baseline.json"
    if gate.exists():
        g = json.loads(gate.read_text())
        add("")
        add(f"**The gate:** `make test` runs the core's loop under callgrind (`bench/gate.sh`, a 400- "
            f"minus a 100-request run) and fails above {g['core_ir_per_request']:,} instructions per "
            f"request + {g['tolerance']:.0%} (`bench/perf-baseline.json`, measured "
            f"{g['measured']['date']}); a deliberate change rewrites the baseline in its own commit "
            "(`bash bench/gate.sh BUILD --update`) and says why.")
    add("")

    p2 = s["p2"]
    add("## P2 — Python: the binding vs requests, httpx and the official SDK")
    add("")
    add("`libyativo` (this repository's pybind11 module, `accounts.list()`, which returns the decoded "
        "payload as Python objects) against `requests.Session` and `httpx.Client` (token from "
        "`POST /auth/token` once, then `get(...).json()` per call) and the official "
        "`yativo-crypto-sdk` from PyPI in its own venv (`YativoSDK(base_url=<sandbox>/api/v1)`, "
        "`auth.get_token(key, secret)` once, then `accounts.list()`). The binding runs in the same "
        "process as the peers it is compared with, in alternating blocks of 50 calls (requests and "
        "httpx in one venv, the official SDK in its own), and its advantage over each peer is the "
        "median over runs of the ratio within one process. The binding's row gathers its runs of "
        "both processes.")
    add("")
    add("| Client | Version | CPU µs/request | Wall µs/request | Requests/s | Binding's CPU advantage |")
    add("|---|---|---|---|---|---|")
    b = p2["binding"]
    for c, name in (("binding", "libyativo"), ("requests", "requests.Session"), ("httpx", "httpx.Client"),
                    ("official", "yativo-crypto-sdk")):
        v = p2[c]
        ver = p2["versions"].get(c, "") if c != "binding" else "this build"
        if v:
            adv = p2["advantage_per_peer"].get(c) if c != "binding" else None
            add(f"| {name} | {ver} | {fmt(v['cpu_us_per_request'])} | {fmt(v['wall_us_per_request'])} | "
                f"{fmt(v['requests_per_s'], 0)} | {fmt(adv, 1) + '×' if adv else '—'} |")
        else:
            add(f"| {name} | — | not run: {p2['skipped'].get(c, 'no runs')} | | | |")
    add("")
    add(f"**Advantage over the best peer ({p2['best_peer'] or '—'}): {fmt(p2['advantage_over_best'], 1)}×** "
        f"— goal ≥ {GOALS['p2']:.0f}×: {verdict(p2['met'])}.")
    add("")
    add("The official SDK *can* make the same call (`GET {base_url}/accounts/get-accounts` with "
        "`Authorization: Bearer`), with two adjustments read from its source "
        "(`yativo/client.py`): its `base_url` is the API root without `/api/v1` appended by the SDK "
        "(its default `https://crypto-api.yativo.com` lacks the `/api/v1` prefix the API documents), "
        "so it is given `<sandbox>/api/v1`; and it enforces a client-side limit of 60 calls per "
        "endpoint per minute (`MAX_REQUESTS_PER_MINUTE`, raising `YativoError` on the 61st), which "
        "the bench lifts on the instance. It is built on `requests.Session`, so it costs what "
        "requests costs plus its own header building and rate-limit bookkeeping. It is constructed "
        "without key and secret: given them, it would send `X-API-Key` and `X-API-Secret` on every "
        "call beside the bearer token.")
    add("")

    p1w = s.get("p1w", {})
    if p1w.get("keyed") and p1w.get("keyless"):
        add("## P1w — a write with and without an idempotency key")
        add("")
        add("`create_account` against the sandbox, keyed and keyless in one process, alternating blocks. "
            "A write without a key may not be sent twice, so it always takes a connection of its own "
            "(`CURLOPT_FRESH_CONNECT`): libcurl then has no dead reused connection to re-send it on. "
            "A keyed write reuses the keep-alive connection. Over plain HTTP on loopback the extra cost is "
            "a TCP handshake; over TLS to a real server it is a handshake with session resumption (the "
            "share handle keeps TLS sessions) plus a round trip or two.")
        add("")
        add("| Write | CPU µs/request | Wall µs/request | Heap allocations/request | Runs × requests |")
        add("|---|---|---|---|---|")
        for name, key in (("with an idempotency key (reused connection)", "keyed"),
                          ("without a key (fresh connection)", "keyless")):
            v = p1w[key]
            add(f"| {name} | {fmt(v['cpu_us_per_request'])} | {fmt(v['wall_us_per_request'])} | "
                f"{fmt(v.get('allocations_per_request'))} | {v['runs']} × {v['requests_per_run']} |")
        add("")
        add(f"**Keyless / keyed: {fmt(p1w['wall_ratio'], 2)}× wall, {fmt(p1w['cpu_ratio'], 2)}× CPU.** "
            "Give writes an idempotency key where the API accepts one: it is safer and cheaper.")
        add("")

    pg = s.get("page", {})
    if pg.get("core") and pg.get("curl"):
        add("## Page — a 100-transaction answer")
        add("")
        add(f"`list_transactions` with `limit` 100 (`POST /transactions/get-transactions`, "
            f"{pg.get('items')} transactions, {fmt(pg.get('payload_bytes'), 0)} bytes of JSON), the same "
            "interleaving as P1. The core decodes the answer and builds 100 typed `Transaction` records "
            "(strings, amounts as exact decimal text, `raw` a view of the parsed answer); raw libcurl "
            "only reads the body; raw libcurl + RapidJSON also parses it into a DOM (numbers as "
            "strings), which is the least any SDK must do with it.")
        add("")
        add("| Client | CPU µs/request | Wall µs/request | Heap allocations/request | Runs × requests |")
        add("|---|---|---|---|---|")
        for name, key in (("libyativo C++ core (`Client::list_transactions`)", "core"),
                          ("raw libcurl easy handle", "curl"),
                          ("raw libcurl + RapidJSON parse", "curl_json")):
            v = pg.get(key)
            if v:
                add(f"| {name} | {fmt(v['cpu_us_per_request'])} | {fmt(v['wall_us_per_request'])} | "
                    f"{fmt(v.get('allocations_per_request'))} | {v['runs']} × {v['requests_per_run']} |")
        add("")
        dec = (pg["core"]["cpu_us_per_request"] - pg["curl"]["cpu_us_per_request"])
        add(f"**Core / raw libcurl: {fmt(pg.get('cpu_ratio'), 2)}× CPU; core / raw libcurl + parse: "
            f"{fmt(pg.get('cpu_ratio_vs_curl_json'), 2)}×** (medians of per-run ratios). Decoding the "
            f"page costs the core {fmt(dec)} µs of CPU beyond reading it.")
        add("")
        py = pg.get("python", {})
        if py.get("binding"):
            add("In Python, each client hands over the page as Python objects: the binding "
                "`transactions.list(limit=100)` and the `raw` dict of each record; requests and httpx "
                "`post(...).json()`. The binding ran in one process with the peers, alternating blocks.")
            add("")
            add("| Client | Version | CPU µs/request | Wall µs/request | Binding's CPU advantage |")
            add("|---|---|---|---|---|")
            for c in ("binding", "requests", "httpx"):
                v = py.get(c)
                if not v:
                    continue
                adv = "—" if c == "binding" else f"{fmt(py['advantage_per_peer'].get(c), 1)}×"
                version = "this build" if c == "binding" else py["versions"].get(c, "")
                add(f"| {c} | {version} | {fmt(v['cpu_us_per_request'])} | "
                    f"{fmt(v['wall_us_per_request'])} | {adv} |")
            add("")

    p3 = s["p3"]
    add("## P3 — 16 threads: one shared client vs 16 raw libcurl handles")
    add("")
    add("| Client | Requests/s | CPU µs/request | Wall µs/request (aggregate) | Runs × requests |")
    add("|---|---|---|---|---|")
    for name, key in (("one `yativo::Client` shared by 16 threads", "threads_core"),
                      ("16 raw libcurl easy handles, one per thread", "threads_curl")):
        v = p3[key]
        if v:
            add(f"| {name} | {fmt(v['requests_per_s'], 0)} | {fmt(v['cpu_us_per_request'])} | "
                f"{fmt(v['wall_us_per_request'])} | {v['runs']} × {v['requests_per_run']} |")
    add("")
    add(f"**Throughput ratio shared client / raw handles: {fmt(p3['throughput_ratio'], 2)}×**; CPU ratio "
        f"{fmt(p3['cpu_ratio'], 2)}×. Token exchanges of the shared client per run (read from "
        f"`/__sandbox/stats`): {p3['token_exchanges_per_run']} — must be 1: {verdict(p3['met'])}. "
        f"Failed calls: {p3['failures']}. With 2 CPUs shared by 16 client threads, the sandbox "
        "(4 I/O threads) and other builds, throughput is bounded by the machine, not the client.")
    add("")

    p4 = s["p4"]
    add("## P4 — Footprint")
    add("")
    sz, idle = p4["sizes"], p4["idle"]
    add("| What | Size |")
    add("|---|---|")
    if sz:
        add(f"| `libyativo.so`, stripped | {sz['libyativo_so_stripped']:,} bytes ({sz['libyativo_so_stripped'] / 1024:,.0f} KiB) |")
        add(f"| minimal C program (`tests/capi/static_min.c`) linked statically against `libyativo.a`, "
            f"stripped (dynamic: {sz['static_min_needed']}) | {sz['static_min_stripped']:,} bytes "
            f"({sz['static_min_stripped'] / 1024:,.0f} KiB) |")
    if idle:
        add(f"| idle client, just constructed: RSS / heap in use / allocations | "
            f"{fmt(idle['construct_rss_kib'], 0)} KiB / {fmt(idle['construct_heap_bytes'], 0)} bytes / "
            f"{fmt(idle['construct_allocations'], 0)} |")
        add(f"| idle client after its first call (token cached, one keep-alive connection): RSS / heap | "
            f"{fmt(idle['after_call_rss_kib'], 0)} KiB / {fmt(idle['after_call_heap_bytes'], 0)} bytes |")
    add("")
    add("Method of `docs/c-api.md`: the CMake target `yativo_static` (libyativo.a with the core "
        "inside), libc, libstdc++, libcurl, OpenSSL and liboath dynamic, `strip`ped. RSS is the "
        "growth of `VmRSS` and heap the growth of glibc's `mallinfo2()` (arena + mmapped) over a "
        "process that has already run `curl_global_init`; medians over the runs.")
    add("")

    p5 = s["p5"]
    add("## P5 — Go and Rust bindings vs the same loop in C")
    add("")
    add("The same `list_accounts` loop over the C ABI: `yv_bench_capi` (C), `bench/go` (the Go "
        "binding, `client.Accounts.List(ctx)`), `bench/rust` (the Rust binding, "
        "`client.accounts().list()`, release build). On top of the C call, Go and Rust copy the "
        "typed records out of the C handles (Go into `[]Account`, `Raw` included; Rust into "
        "`Vec<Account>`, each record's `raw` as its JSON text, parsed only when the caller reads "
        "it, which the loop does not).")
    add("")
    add("| Language | CPU µs/request | best run | Wall µs/request | Requests/s | Overhead vs C (CPU µs/request) | Ratio |")
    add("|---|---|---|---|---|---|---|")
    for lang, name in (("c", "C (yativo.h)"), ("go", "Go"), ("rust", "Rust")):
        v = p5.get(lang)
        if v:
            over = p5.get(lang + "_overhead_cpu_us")
            rat = p5.get(lang + "_cpu_ratio")
            add(f"| {name} | {fmt(v['cpu_us_per_request'])} | {fmt(v['cpu_us_per_request_best_run'])} | "
                f"{fmt(v['wall_us_per_request'])} | "
                f"{fmt(v['requests_per_s'], 0)} | {'—' if over is None else f'{over:+.1f}'} | "
                f"{'—' if rat is None else f'{rat:.2f}×'} |")
        else:
            add(f"| {name} | not run: {p5.get(lang + '_skipped', 'no runs')} | | | | | |")
    add("")
    add("These are three processes, run one after the other in each round, so the machine's load "
        "varies between them; the best run of each is beside the median. Overhead and ratio use "
        "the medians.")
    add("")

    rf = s["refresh"]
    add("## Refresh under load")
    add("")
    add(f"A sandbox with a short token life (`--token-ttl`; the client refreshes at half-life, since "
        f"its default 60 s margin is longer than the token's life), {rf['threads']} threads calling "
        f"`list_accounts` on one client for {rf['seconds']} s per run, {rf['runs']} runs. The token "
        f"exchange is slowed by a sandbox delay fault of {rf['delay_ms']} ms so each refresh is a wide "
        "window. Calls are classed by their interval: *during a refresh* (overlapping a refresh "
        "window, on another thread than the refreshing one), *the refreshing call* itself, and "
        "*outside*. Percentiles are medians over runs; max is the worst of all runs.")
    add("")
    add("| Calls | Count | p50 ms | p99 ms | max ms |")
    add("|---|---|---|---|---|")
    for g, name in (("outside", "outside a refresh"), ("during", "during a refresh (token still valid)"),
                    ("refresher", "the call that refreshes")):
        v = rf[g]
        add(f"| {name} | {v['calls']} | {fmt(v['p50_ms'], 2)} | {fmt(v['p99_ms'], 2)} | {fmt(v['max_ms_all_runs'], 2)} |")
    add("")
    add(f"Refreshes observed: {rf['refreshes']}; failed calls: {rf['failures']}. Callers with a valid "
        f"token never wait for the exchange (the worst call during a refresh is shorter than the "
        f"{rf['delay_ms']} ms exchange): {verdict(rf.get('met'))}. The refreshing caller pays the "
        "exchange itself: in this design the first caller past the refresh point runs the exchange "
        "on its own thread while others keep the valid token.")
    add("")

    L.extend(async_doc(s["async"]))

    prof = {c: per_request_profile(out_dir, c) for c in ("core", "curl")}
    if prof["core"] and prof["curl"]:
        core_ob, curl_ob = prof["core"]["by_object"], prof["curl"]["by_object"]
        add("## Where the time goes (callgrind, instructions per request)")
        add("")
        add("Self cost by object, from the difference of a 600- and a 100-request run of each "
            "client under callgrind (`valgrind --tool=callgrind`; start-up and the token exchange "
            "cancel out). The core is linked statically into the bench binary, so `yv_bench` is "
            "the core's own code (RapidJSON and inlined libstdc++ included).")
        add("")
        add("| Object | core Ir/request | raw libcurl Ir/request | difference |")
        add("|---|---|---|---|")
        objs = sorted(set(core_ob) | set(curl_ob), key=lambda o: -abs(core_ob.get(o, 0)) - abs(curl_ob.get(o, 0)))
        for o in objs:
            a, b = core_ob.get(o, 0.0), curl_ob.get(o, 0.0)
            if max(abs(a), abs(b)) < 200:
                continue
            add(f"| {os.path.basename(o)} | {a:,.0f} | {b:,.0f} | {a - b:+,.0f} |")
        add(f"| **total** | {sum(core_ob.values()):,.0f} | {sum(curl_ob.values()):,.0f} | "
            f"{sum(core_ob.values()) - sum(curl_ob.values()):+,.0f} |")
        add("")
        core_fn, curl_fn = prof["core"]["by_function"], prof["curl"]["by_function"]
        extra = {f: core_fn.get(f, 0.0) - curl_fn.get(f, 0.0) for f in set(core_fn) | set(curl_fn)}
        add("Functions costing the core the most instructions per request beyond the raw loop "
            "(self cost, core minus raw libcurl; template and parameter lists dropped; libcurl has no symbols here, so its functions are addresses):")
        add("")
        add("| Function | core Ir/request | raw libcurl Ir/request | extra |")
        add("|---|---|---|---|")
        for f in sorted(extra, key=lambda f: -extra[f])[:20]:
            short = f if len(f) <= 100 else f[:97] + "..."
            add(f"| `{short}` | {core_fn.get(f, 0.0):,.0f} | {curl_fn.get(f, 0.0):,.0f} | {extra[f]:+,.0f} |")
        add("")
    analysis = root / "bench" / "analysis.md"
    if analysis.exists():
        add(analysis.read_text().rstrip())
        add("")
    return "\n".join(L) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", required=True)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--doc", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--smoke", type=int, default=0)
    ap.add_argument("--perf", default="false")
    a = ap.parse_args()
    lines = [json.loads(x) for x in Path(a.runs).read_text().splitlines() if x.strip()]
    # run.sh writes a {"bench":"round","run":N} line before each round: tag what follows with N.
    current = 0
    for line in lines:
        if line.get("bench") == "round":
            current = line["run"]
        line.setdefault("run", current)
    runs = Runs(lines)
    m = machine(a.root)
    m["perf_hardware_counters"] = a.perf == "true"
    s = summarise(runs)
    for c in ("core", "curl"):
        p = per_request_profile(Path(a.out_dir), c)
        if p:
            s.setdefault("profile_by_object", {})[c] = {os.path.basename(k): round(v) for k, v in p["by_object"].items() if abs(v) >= 1}
    results = {"machine": m, "smoke": bool(a.smoke), "summary": s, "runs": lines}
    Path(a.results).parent.mkdir(parents=True, exist_ok=True)
    Path(a.results).write_text(json.dumps(results, indent=1) + "\n")
    try:
        results_rel = str(Path(a.results).resolve().relative_to(Path(a.root).resolve()))
    except ValueError:
        results_rel = a.results
    Path(a.doc).write_text(doc(s, m, Path(a.out_dir), Path(a.root), results_rel))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
