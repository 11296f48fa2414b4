"""A yativo-sandbox process for the tests, with its control endpoints (stats, faults, deposit,
reset). The executable comes from YV_SANDBOX (scripts/test-python.sh sets it)."""

from __future__ import annotations

import json
import os
import subprocess
import urllib.request
from typing import Any, Dict, List, Optional


def sandbox_path() -> str:
    path = os.environ.get("YV_SANDBOX", "")
    if not path or not os.access(path, os.X_OK):
        raise RuntimeError(
            "YV_SANDBOX must name the yativo-sandbox executable "
            "(run the suite with scripts/test-python.sh BUILD_DIR)"
        )
    return path


class Sandbox:
    def __init__(self, *flags: str) -> None:
        args = [sandbox_path(), "--port", "0", "--rate-limit", "0", "--totp-period", "2"]
        # Later flags win: callers may override the defaults above.
        args += list(flags)
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

    def _control(self, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            self.root + path, data=data, method=method,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            text = resp.read()
        return json.loads(text) if text else None

    def stats(self) -> Dict[str, Any]:
        return self._control("GET", "/__sandbox/stats")  # type: ignore[no-any-return]

    def fault(self, path: str, mode: str = "respond", count: int = 1, **fields: Any) -> None:
        self._control("POST", "/__sandbox/faults", {"path": path, "mode": mode, "count": count, **fields})

    def clear_faults(self) -> None:
        self._control("DELETE", "/__sandbox/faults", {})

    def deposit(self, asset_id: str, amount: str) -> Any:
        return self._control("POST", "/__sandbox/deposit", {"asset_id": asset_id, "amount": amount})

    def reset(self) -> None:
        self._control("POST", "/__sandbox/reset", {})

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

    def session_kwargs(self) -> Dict[str, Any]:
        """Constructor arguments of a client acting with the dashboard session (every scope)."""
        return {
            "access_token": self.session_token,
            "totp_secret": self.totp_secret,
            "totp_period": 2,
            "base_url": self.base_url,
        }


ALL_SCOPES: List[str] = ["read", "write", "transactions", "webhooks"]
# A valid Solana address: base58 of 32 bytes.
SOLANA_ADDRESS = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T"


def ident(obj: Dict[str, Any], *names: str) -> str:
    for n in names + ("id", "_id"):
        if obj.get(n):
            return str(obj[n])
    raise AssertionError(f"no id in {obj}")


def send_args(funded: Dict[str, str], amount: Any = "1.5", **extra: Any) -> Dict[str, Any]:
    args: Dict[str, Any] = {
        "account": funded["account"],
        "assets": funded["asset"],
        "receiving_address": SOLANA_ADDRESS,
        "amount": amount,
        "type": "USDC",
        "chain": "solana",
        "category": "payment",
    }
    args.update(extra)
    return args
