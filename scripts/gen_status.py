#!/usr/bin/env python3
"""Generates the C status enum of capi/include/yativo.h and docs/errors.md from status.def.

core/include/yativo/status.def is the one status table of libyativo. This script rewrites the
block between the STATUS TABLE markers of yativo.h and the whole of docs/errors.md from it.
With --check it writes nothing and exits 1 when either file is stale (a ctest runs that).
"""
import argparse
import pathlib
import re
import sys
import textwrap

ROOT = pathlib.Path(__file__).resolve().parent.parent
STATUS_DEF = ROOT / "core/include/yativo/status.def"
HEADER = ROOT / "capi/include/yativo.h"
ERRORS_MD = ROOT / "docs/errors.md"

BEGIN = "/* BEGIN STATUS TABLE: generated from core/include/yativo/status.def by scripts/gen_status.py */"
END = "/* END STATUS TABLE */"
ENTRY = re.compile(r'^YV_STATUS\(\s*(\w+)\s*,\s*(\d+)\s*,\s*(\w+)\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)\s*$')


def read_table(path):
    rows = []
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line.startswith("YV_STATUS("):
            continue
        m = ENTRY.match(line)
        if not m:
            sys.exit(f"{path}: cannot parse: {line}")
        name, number, py, doc = m.groups()
        rows.append((name, int(number), py, doc.replace('\\"', '"')))
    numbers = [r[1] for r in rows]
    if len(set(numbers)) != len(numbers):
        sys.exit(f"{path}: duplicate status numbers")
    return rows


def c_name(name):
    return "YV_OK" if name == "OK" else "YV_E_" + name


def header_block(rows):
    out = [BEGIN, "/* clang-format off */", "typedef enum yv_status {"]
    for name, number, _py, doc in rows:
        for line in textwrap.wrap(doc, 88, initial_indent="    /* ", subsequent_indent="     * "):
            out.append(line)
        out[-1] += " */"
        out.append(f"    {c_name(name)} = {number},")
    out += ["} yv_status;", "/* clang-format on */", END]
    return "\n".join(out)


def errors_md(rows):
    out = [
        "# Status codes",
        "",
        "<!-- Generated from core/include/yativo/status.def by scripts/gen_status.py; do not edit. -->",
        "",
        "Every libyativo surface reports failures with one of these codes. Numbers never change; a",
        "retired code keeps its slot. Ranges: 0 success; 1xx caller input; 2xx the server answered",
        "with an error; 3xx transport and protocol; 4xx verification; 5xx local conditions.",
        "",
        "| Number | Name | C (`yv_status`) | Python exception | When |",
        "|---:|---|---|---|---|",
    ]
    for name, number, py, doc in rows:
        out.append(f"| {number} | `{name}` | `{c_name(name)}` | `{py}` | {doc.replace('|', '&#124;')} |")
    return "\n".join(out) + "\n" + ERRORS_MD_TAIL


# The fields every error carries beside its code, and the rules behind retryable and
# outcome_unknown (SPEC §3-§4): prose kept here so docs/errors.md stays one generated file.
ERRORS_MD_TAIL = """
## HTTP statuses

| HTTP | Code | Retried by the SDK | `retryable` |
|---|---|---|---|
| 2xx with `status`/`success` false | `VALIDATION` | no | no |
| 3xx (never followed) | `PROTOCOL` | no | no |
| 400, 413, 415, 422, other 4xx not below | `VALIDATION` | no | no |
| 401 | `AUTHENTICATION` or `TWO_FACTOR_REQUIRED` | one re-exchange, or one next TOTP step | no |
| 403 | `PERMISSION_DENIED` | no | no |
| 404, 405, 410 | `NOT_FOUND` | no (404/405 on the token path, key and webhook dialects: the other path) | no |
| 408 | `TIMEOUT` | safe calls | yes |
| 409 | `CONFLICT` | no | no |
| 429 | `RATE_LIMITED` | every call, waiting `Retry-After` within the deadline | yes |
| 500, 502, 503, 504 | `SERVER` | safe calls | yes |
| other 5xx | `SERVER` | no | no |

Safe calls are reads and writes that carry an idempotency key.

## outcome_unknown and the idempotency key

`outcome_unknown` is true when a write may have been processed although the call failed: the
request may have reached the server (measured, never inferred from the error code: libcurl's
count of connections ready to carry it, body bytes read, request bytes sent), and no answer
says the server refused it (a 4xx, or a 2xx with `status:false`). A 5xx, a timeout, a dropped
connection, an unreadable 2xx or memory running out after the send leave it true. It stays
true when a later attempt of the same call gets a definitive answer.

Every call that moves value (send-funds, swap execute, card funding, card-issuer funding,
manual deposit funding, card order payment; through `request()` too) carries an idempotency key, generated
when the caller gives none. Its error carries `idempotency_key`: with `outcome_unknown`, send
the call again **with that key** and the server replays the original answer instead of moving
money twice. A write without a key is never re-sent by the SDK or by libcurl once it may have
reached the server.
"""


def new_header_text(rows):
    text = HEADER.read_text()
    start, end = text.find(BEGIN), text.find(END)
    if start < 0 or end < start:
        sys.exit(f"{HEADER}: STATUS TABLE markers not found")
    return text[:start] + header_block(rows) + text[end + len(END):]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when a generated file is stale")
    args = parser.parse_args()
    rows = read_table(STATUS_DEF)
    wanted = {HEADER: new_header_text(rows), ERRORS_MD: errors_md(rows)}
    stale = [p for p, text in wanted.items() if not p.exists() or p.read_text() != text]
    if args.check:
        for p in stale:
            print(f"{p.relative_to(ROOT)} is stale: run scripts/gen_status.py", file=sys.stderr)
        return 1 if stale else 0
    for p in stale:
        p.write_text(wanted[p])
        print(f"wrote {p.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
