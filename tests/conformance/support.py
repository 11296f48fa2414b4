"""The sandbox, fresh 2FA codes and answer readers for the conformance suite: the official Python
SDK (yativo-crypto-sdk 1.0.1, unchanged) against yativo-sandbox. Nothing here talks to the API
for the SDK: the SDK's own methods do; these helpers only start the sandbox, use its control
endpoints (/__sandbox/...), compute TOTP codes and read answers."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Optional, Tuple

import pyotp

# A short TOTP step keeps the suite fast: a 2FA call never waits more than one step for a code.
TOTP_PERIOD = 1
# A valid Solana address (base58 of 32 bytes) and a valid EVM address.
SOLANA_ADDRESS = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T"
EVM_ADDRESS = "0x52908400098527886E0F7030069857D2E4169EE7"


def sandbox_path() -> str:
    path = os.environ.get("YV_SANDBOX", "")
    if not path or not os.access(path, os.X_OK):
        raise RuntimeError(
            "YV_SANDBOX must name the yativo-sandbox executable "
            "(run the suite with scripts/test-conformance.sh BUILD_DIR)"
        )
    return path


# Flags passed when the sandbox knows them (its --help lists them): transfers stay pending until
# POST /__sandbox/advance, so a pending one can be cancelled.
OPTIONAL_FLAGS = [("--confirm-after", "3600")]
_known_flags: Optional[str] = None


def optional_flags() -> List[str]:
    global _known_flags
    if _known_flags is None:
        run = subprocess.run([sandbox_path(), "--help"], capture_output=True, text=True, timeout=10)
        _known_flags = run.stdout + run.stderr
    out: List[str] = []
    for flag, value in OPTIONAL_FLAGS:
        if re.search(rf"(^|\s){re.escape(flag)}(\s|$)", _known_flags, re.M):
            out += [flag, value]
    return out


class ControlError(AssertionError):
    def __init__(self, status: int, body: Any, path: str) -> None:
        super().__init__(f"control {path} answered {status}: {show(body)}")
        self.status = status
        self.body = body


class Sandbox:
    """One yativo-sandbox process (`--port 0`), stopped by stop()."""

    def __init__(self, *flags: str) -> None:
        args = [sandbox_path(), "--port", "0", "--rate-limit", "0",
                "--totp-period", str(TOTP_PERIOD)] + optional_flags()
        args += list(flags)  # later flags win
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            self.proc.wait(5)
            raise RuntimeError(f"yativo-sandbox exited with {self.proc.returncode}")
        info = json.loads(line)
        self.base_url: str = info["base_url"]
        self.session_token: str = info["session_token"]
        self.totp_secret: str = info["totp_secret"]
        self.root = self.base_url.rsplit("/api/v1", 1)[0]
        self.codes = Codes(self.totp_secret)

    def control(self, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.root + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                text = resp.read()
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                parsed: Any = json.loads(raw)
            except ValueError:
                parsed = raw.decode(errors="replace")
            raise ControlError(e.code, parsed, path) from None
        return json.loads(text) if text else None

    def deposit(self, asset_id: str, amount: str) -> Any:
        return self.control("POST", "/__sandbox/deposit", {"asset_id": asset_id, "amount": amount})

    def advance(self, transaction_id: str = "") -> Any:
        """Time passes: pending transfers (one, or all) confirm."""
        return self.control("POST", "/__sandbox/advance",
                            {"transaction_id": transaction_id} if transaction_id else {})

    def stats(self) -> Dict[str, Any]:
        return self.control("GET", "/__sandbox/stats")  # type: ignore[no-any-return]

    def routes(self) -> List[Dict[str, Any]]:
        return self.control("GET", "/__sandbox/routes")["routes"]  # type: ignore[no-any-return]

    def outbox(self, to: Optional[str] = None) -> List[Dict[str, Any]]:
        """The messages the sandbox "e-mailed", oldest first (to one address when given)."""
        mails = find_list(payload(self.control("GET", "/__sandbox/outbox")),
                          "messages", "outbox", "emails", "mails")
        return [m for m in mails if to is None or str(m.get("to", "")).lower() == to.lower()]

    def last_code(self, to: str) -> str:
        mails = self.outbox(to)
        assert mails, f"the outbox holds no message to {to}"
        code = mails[-1].get("code") or mails[-1].get("otp")
        assert code, "the last message carries no code"
        return str(code)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc.stdout:
            self.proc.stdout.close()


class Codes:
    """Fresh RFC 6238 codes of one TOTP secret (pyotp). The sandbox refuses a step that was
    already accepted and accepts the steps next to the current one (±1), so each code is of a
    step never handed out before: the previous one while the current step is young (it stays in
    the window until the next boundary), the current one, the next one, else the next step's
    turn is waited for."""

    def __init__(self, secret: str, period: int = TOTP_PERIOD) -> None:
        self.totp = pyotp.TOTP(secret, interval=period)
        self.period = period
        self.used: set = set()

    def __call__(self) -> str:
        while True:
            now = time.time()
            step = int(now // self.period)
            young = now - step * self.period < 0.4 * self.period
            for s in ((step - 1, step, step + 1) if young else (step, step + 1)):
                if s not in self.used:
                    self.used.add(s)
                    return str(self.totp.at(s * self.period))
            time.sleep((step + 1) * self.period - now + 0.02)


# ---- reading answers ----------------------------------------------------------------------------

_SECRET_KEYS = {"otp", "code", "pin", "password", "encrypted_pin", "google_auth_code"}


def redact(obj: Any) -> Any:
    """obj with every secret-bearing member (secrets, tokens, codes, PINs) replaced."""
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            lk = str(k).lower()
            if lk in _SECRET_KEYS or "secret" in lk or "token" in lk or "otp" in lk:
                out[k] = "<redacted>"
            else:
                out[k] = redact(v)
        return out
    if isinstance(obj, list):
        return [redact(v) for v in obj]
    return obj


def show(obj: Any) -> str:
    """A short, secret-free rendering of an answer for an assertion message."""
    text = json.dumps(redact(obj), default=str, sort_keys=True)
    return text if len(text) <= 1500 else text[:1500] + "..."


def check(cond: Any, what: str, obj: Any = None) -> None:
    if not cond:
        raise AssertionError(what if obj is None else f"{what}: {show(obj)}")


def payload(resp: Any) -> Any:
    """The payload of a successful answer: `data` when present, else the whole body."""
    check(isinstance(resp, (dict, list)), "the answer is not a JSON object", resp)
    if isinstance(resp, list):
        return resp
    check(resp.get("status") is not False and resp.get("success") is not False
          and resp.get("status") != "error", "the answer says it failed", resp)
    return resp["data"] if "data" in resp else resp


def find_list(obj: Any, *names: str) -> List[Any]:
    """The list in an answer: the payload itself, a member named in `names`, or its only list."""
    obj = payload(obj) if isinstance(obj, dict) and ("data" in obj or "status" in obj) else obj
    if isinstance(obj, list):
        return obj
    check(isinstance(obj, dict), "expected a list or an object holding one", obj)
    for n in names:
        if isinstance(obj.get(n), list):
            return obj[n]  # type: ignore[no-any-return]
    lists = [v for v in obj.values() if isinstance(v, list)]
    check(len(lists) == 1, f"expected one list (named one of {names}) in the answer", obj)
    return lists[0]  # type: ignore[no-any-return]


def ident(obj: Any, *names: str) -> str:
    """The id of an object: the first of `names`, `id`, `_id` that is set."""
    check(isinstance(obj, dict), "expected an object with an id", obj)
    for n in names + ("id", "_id"):
        if obj.get(n):
            return str(obj[n])
    raise AssertionError(f"no id ({', '.join(names + ('id', '_id'))}) in {show(obj)}")


def ids(items: Iterable[Any], *names: str) -> set:
    return {ident(x, *names) for x in items}


def field(obj: Any, *names: str) -> Any:
    """The first of `names` present in obj (searched one level into nested objects too)."""
    check(isinstance(obj, dict), f"expected an object with one of {names}", obj)
    for n in names:
        if n in obj and obj[n] is not None:
            return obj[n]
    for v in obj.values():
        if isinstance(v, dict):
            for n in names:
                if n in v and v[n] is not None:
                    return v[n]
    raise AssertionError(f"none of {names} in {show(obj)}")


def dec(value: Any) -> Decimal:
    """An amount as an exact Decimal (from its text; a JSON float is refused: not exact)."""
    check(isinstance(value, (str, int)) and not isinstance(value, bool),
          f"an amount should be a decimal string, got {type(value).__name__}", value)
    return Decimal(str(value))


def find_key(obj: Any, name: str) -> List[Any]:
    """Every value of members named `name`, anywhere in obj."""
    out: List[Any] = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == name:
                out.append(v)
            out.extend(find_key(v, name))
    elif isinstance(obj, list):
        for v in obj:
            out.extend(find_key(v, name))
    return out


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def email(prefix: str = "user") -> str:
    return f"{prefix}.{uuid.uuid4().hex[:10]}@example.com"


def parse_reference(path: str) -> List[Tuple[str, str, str, str, bool]]:
    """(resource, method, HTTP method, path, 2FA) of every row of the reference table of
    official-sdk-endpoints.md."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("| ") or line.startswith("| resource") or line.startswith("|---"):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) < 5:
                continue
            resource, method, call, _args, twofa = cells[:5]
            first = call.split(";")[0].strip()
            http_method, http_path = first.split()[:2]
            rows.append((resource, method, http_method, http_path, twofa == "2FA"))
    return rows
