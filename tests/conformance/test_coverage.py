"""The reference table of ../shared/reference/official-sdk-endpoints.md (the official SDK's 117
methods and the HTTP call each makes) against (a) what the sandbox serves (GET /__sandbox/routes),
(b) the repository's API description (api/endpoints.toml + api/groups/*.toml, via codegen.api),
(c) the installed SDK itself and this suite (one test per method)."""

from __future__ import annotations

import inspect
import os
import re
import sys
from typing import Any, List, Set, Tuple

import pytest
import yativo

import test_official_sdk
from support import Sandbox, parse_reference

ROOT = os.environ.get("YV_REPO_ROOT") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
REFERENCE = os.path.join(ROOT, "..", "shared", "reference", "official-sdk-endpoints.md")
# SDK methods that make no HTTP call, so the reference table does not list them.
NOT_CALLS = {("auth", "logout"), ("webhooks", "verify_signature")}


def norm(path: str) -> str:
    """A path pattern with every {param} as {} and no trailing slash."""
    return re.sub(r"\{[^}/]*\}", "{}", path).rstrip("/") or "/"


@pytest.fixture(scope="module")
def rows() -> List[Tuple[str, str, str, str, bool]]:
    if not os.path.exists(REFERENCE):
        pytest.skip(f"{REFERENCE} is absent: the reference table cannot be checked")
    r = parse_reference(REFERENCE)
    assert r, f"no row read from {REFERENCE}"
    return r


def report(title: str, missing: List[str], total: int) -> None:
    if missing:
        text = "\n  ".join(missing)
        raise AssertionError(f"{len(missing)} of {total} {title}:\n  {text}")


def test_reference_has_117_methods(rows: List[Tuple[str, str, str, str, bool]]) -> None:
    assert len(rows) == 117, f"{len(rows)} rows"
    assert len({(r[0], r[1]) for r in rows}) == 117, "a (resource, method) appears twice"


def test_sdk_methods_match_the_reference(rows: List[Tuple[str, str, str, str, bool]]) -> None:
    """The installed SDK has exactly the table's methods (so neither can go stale unseen)."""
    sdk = yativo.YativoSDK(base_url="http://127.0.0.1:9/api/v1")
    have: Set[Tuple[str, str]] = set()
    for resource in {r[0] for r in rows}:
        obj = getattr(sdk, resource)
        for name, fn in inspect.getmembers(obj, callable):
            if not name.startswith("_"):
                have.add((resource, name))
    want = {(r[0], r[1]) for r in rows}
    report("reference methods missing from the SDK",
           sorted(f"{a}.{b}" for a, b in want - have), len(want))
    report("SDK methods missing from the reference",
           sorted(f"{a}.{b}" for a, b in have - want - NOT_CALLS), len(have))


def test_every_method_has_a_test(rows: List[Tuple[str, str, str, str, bool]]) -> None:
    tests = {n for n, f in vars(test_official_sdk).items() if n.startswith("test_") and callable(f)}
    missing = [f"{r[0]}.{r[1]} (test_{r[0]}__{r[1]})" for r in rows
               if f"test_{r[0]}__{r[1]}" not in tests]
    report("methods without a test in test_official_sdk.py", missing, len(rows))
    extra = sorted(t for t in tests if "__" in t and not t.startswith("test_flaw_")
                   and tuple(t[5:].split("__", 1)) not in {(r[0], r[1]) for r in rows})
    report("tests named for no method of the reference", extra, len(tests))


def test_sandbox_serves_every_call(rows: List[Tuple[str, str, str, str, bool]]) -> None:
    sb = Sandbox()
    try:
        served = {(r["method"], norm(r["pattern"])) for r in sb.routes()}
    finally:
        sb.stop()
    missing = [f"{m:6} {p:70} ({res}.{meth})" for res, meth, m, p, _ in rows
               if (m, norm(p)) not in served]
    report("calls of the official SDK not served by the sandbox (GET /__sandbox/routes)",
           missing, len(rows))


def described_calls() -> Set[Tuple[str, str]]:
    """(method, normalised path) of every endpoint of the API description, and of each
    endpoint's fallback (dialect) path when the description has one."""
    if ROOT not in sys.path:
        sys.path.insert(0, ROOT)
    from codegen import api as codegen_api  # noqa: WPS433

    description = codegen_api.load(os.path.join(ROOT, "api", "endpoints.toml"))
    out: Set[Tuple[str, str]] = set()
    for e in description.endpoints:
        out.add((e.method.upper(), norm(e.path)))
        for fb in fallbacks(getattr(e, "fallback", None)):
            method, _, path = fb.strip().partition(" ") if " " in fb.strip() else ("", "", fb)
            out.add(((method or e.method).upper(), norm(path.strip() or fb.strip())))
    return out


def fallbacks(value: Any) -> List[str]:
    """A fallback as the description may give it: "PATH", "METHOD PATH", a list of those, or a
    table {method, path}."""
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [f"{value.get('method', '')} {value.get('path', '')}".strip()]
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in fallbacks(v)]
    return [f"{getattr(value, 'method', '')} {getattr(value, 'path', '')}".strip()]


# Calls the core makes by itself rather than as a described endpoint, each with the typed call of
# every language that covers it and the C function that proves it is there.
BUILT_IN = {
    ("POST", "/auth/token"): ("the token exchange: Client::token(), yv_client_token, c.token(), "
                              "client.Token(ctx), client.token(); it also refreshes by itself",
                              "yv_client_token"),
}


def built_in_calls() -> Set[Tuple[str, str]]:
    header = open(os.path.join(ROOT, "capi", "include", "yativo.h")).read()
    for call, (_, c_function) in BUILT_IN.items():
        assert re.search(rf"\b{c_function}\(", header), f"{call} is covered by {c_function}: gone"
    return set(BUILT_IN)


def test_description_has_every_call(rows: List[Tuple[str, str, str, str, bool]]) -> None:
    described = described_calls() | built_in_calls()
    missing = [f"{m:6} {p:70} ({res}.{meth})" for res, meth, m, p, _ in rows
               if (m, norm(p)) not in described]
    report("calls of the official SDK not described in api/endpoints.toml (endpoint or fallback)",
           missing, len(rows))


def test_docs_list_every_pinned_flaw() -> None:
    """docs/sandbox.md (Conformance) lists exactly the SDK flaws this suite pins, so the list
    cannot go stale."""
    with open(os.path.join(ROOT, "docs", "sandbox.md"), encoding="utf-8") as f:
        text = f.read()
    assert "## Conformance" in text, "docs/sandbox.md has no Conformance section"
    section = text.split("## Conformance", 1)[1]
    listed = set(re.findall(r"`(test_flaw_\w+)`", section))
    pinned = {n for n in vars(test_official_sdk) if n.startswith("test_flaw_")}
    report("flaw tests not listed in docs/sandbox.md (Conformance)", sorted(pinned - listed),
           len(pinned))
    report("flaws listed in docs/sandbox.md with no test", sorted(listed - pinned), len(listed))
