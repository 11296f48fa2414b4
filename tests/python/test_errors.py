"""The exception tree: generated from the status table, and each class raised by its situation."""

from __future__ import annotations

import builtins
import os
import re
import socket
import time
from typing import Callable, Tuple

import pytest

import libyativo as yv
from libyativo import _core
from sandbox import Sandbox

ROOT = os.environ.get("YV_REPO_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))


def status_def_rows() -> list[Tuple[str, int, str]]:
    text = open(os.path.join(ROOT, "core/include/yativo/status.def")).read()
    return [(n, int(num), py) for n, num, py in re.findall(r"YV_STATUS\((\w+), (\d+), (\w+),", text)]


def test_classes_follow_the_status_table() -> None:
    rows = status_def_rows()
    assert [(n, num, py) for n, num, py, _ in _core._status_table()] == rows
    for name, number, pyname in rows:
        assert yv.Status[name] == number
        if pyname in ("None", "MemoryError"):
            continue
        cls = getattr(yv, pyname)
        assert issubclass(cls, yv.YativoError) and cls.__module__ == "libyativo"
        # Every class is exported; TimeoutError stays out of `import *` only (test_package.py).
        assert (pyname in yv.__all__) == (pyname != "TimeoutError"), pyname
    assert issubclass(yv.InvalidArgumentError, ValueError)
    assert issubclass(yv.NetworkError, ConnectionError)
    assert issubclass(yv.TimeoutError, builtins.TimeoutError)
    for name in ("AuthenticationError", "TwoFactorRequiredError", "PermissionDeniedError",
                 "NotFoundError", "ConflictError", "ValidationError", "RateLimitError",
                 "ServerError", "TLSError", "ProtocolError", "SignatureVerificationError",
                 "CancelledError"):
        assert issubclass(getattr(yv, name), yv.YativoError)


def test_stub_declares_every_class() -> None:
    stub = open(os.path.join(os.path.dirname(yv.__file__), "_errors.pyi")).read()
    for name, number, pyname in status_def_rows():
        assert f"    {name} = {number}\n" in stub
        if pyname not in ("None", "MemoryError"):
            assert re.search(rf"^class {pyname}\(YativoError", stub, re.M), pyname


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_connection_refused() -> None:
    url = f"http://127.0.0.1:{free_port()}/api/v1"
    with yv.YativoCrypto(access_token="t", base_url=url, max_retries=1, timeout=5) as c:
        with pytest.raises(yv.NetworkError) as err:
            c.accounts.list()
    assert isinstance(err.value, ConnectionError)
    assert err.value.code == yv.Status.NETWORK and err.value.http_status is None


def test_timeout(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    sb.fault("/accounts/get-accounts", "delay", count=1, delay_ms=3000)
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        start = time.monotonic()
        with pytest.raises(yv.TimeoutError) as err:
            c.accounts.list(timeout=0.5)
        assert time.monotonic() - start < 2.5
    assert isinstance(err.value, builtins.TimeoutError)


def test_garbage_body(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    sb.fault("/accounts/get-accounts", "garbage", count=4)
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        with pytest.raises(yv.ProtocolError):
            c.accounts.list()


def test_server_error_after_retries(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    sb.fault("/accounts/get-accounts", "respond", count=10, status=503)
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url, max_retries=2) as c:
        with pytest.raises(yv.ServerError) as err:
            c.accounts.list()
    assert err.value.http_status == 503
    assert sb.stats()["paths"].get("/accounts/get-accounts") == 3  # first try + 2 retries


def test_rate_limited_with_retry_after(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    sb.fault("/accounts/get-accounts", "respond", count=5, status=429, retry_after=120)
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        start = time.monotonic()
        with pytest.raises(yv.RateLimitError) as err:
            c.accounts.list(timeout=5)
        # Waiting 120 s would pass the 5 s deadline: the core fails at once.
        assert time.monotonic() - start < 2
    assert err.value.http_status == 429
    assert err.value.retry_after == 120.0


def test_rate_limited_then_retried(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox()
    sb.fault("/accounts/get-accounts", "respond", count=1, status=429, retry_after=1)
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        assert isinstance(c.accounts.list(), list)


def test_bad_webhook_signature() -> None:
    body = b'{"id":"evt_1","type":"transaction.completed","created_at":"2024-01-01T00:00:00Z","data":{"amount":10.50}}'
    headers = yv.sign_webhook(body, "whsec_test")
    event = yv.verify_webhook(body, headers, "whsec_test")
    assert (event.id, event.type) == ("evt_1", "transaction.completed")
    assert event.data == {"amount": "10.50"}
    with pytest.raises(yv.SignatureVerificationError) as err:
        yv.verify_webhook(body + b" ", headers, "whsec_test")
    assert err.value.code == yv.Status.SIGNATURE_INVALID
    with pytest.raises(yv.SignatureVerificationError):
        yv.verify_webhook(body, headers, "other-secret")
    old = yv.sign_webhook(body, "whsec_test", timestamp=int(time.time()) - 3600)
    with pytest.raises(yv.SignatureVerificationError):
        yv.verify_webhook(body, old, "whsec_test")
    assert yv.verify_webhook(body, old, "whsec_test", tolerance=7200).id == "evt_1"
    scheme_a = {"X-Webhook-Signature": headers["X-Webhook-Signature"]}
    assert yv.verify_webhook(body, scheme_a, "whsec_test").id == "evt_1"
    with pytest.raises(yv.SignatureVerificationError):
        yv.verify_webhook(body, scheme_a, "whsec_test", require_timestamp=True)
    with pytest.raises(yv.InvalidArgumentError):
        yv.verify_webhook(body.decode(), headers, "whsec_test")  # type: ignore[arg-type]


def test_totp() -> None:
    # RFC 6238 appendix B, SHA-1 secret "12345678901234567890".
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    assert yv.totp(secret, at=59, digits=8) == "94287082"
    assert yv.totp(secret, at=1111111109, digits=8) == "07081804"
    assert len(yv.totp(secret)) == 6
    with pytest.raises(yv.InvalidArgumentError):
        yv.totp("not base32 !!!")


def test_bad_client_options() -> None:
    with pytest.raises(yv.InvalidArgumentError):
        yv.YativoCrypto(base_url="http://example.com/api/v1")
    with pytest.raises(yv.InvalidArgumentError):
        yv.YativoCrypto(auth="magic")
    with pytest.raises(yv.InvalidArgumentError):
        yv.YativoCrypto(environment="staging")
    with pytest.raises(yv.InvalidArgumentError):
        yv.YativoCrypto(api_key="k")  # a key without its secret
    with pytest.raises(yv.InvalidArgumentError):
        yv.YativoCrypto(timeout=float("nan"))
    with pytest.raises(yv.InvalidArgumentError):
        yv.YativoCrypto(timeout=-1)
    with pytest.raises(yv.InvalidArgumentError):
        yv.YativoCrypto(totp_secret="!!!")


def test_error_attributes_and_text() -> None:
    e = yv.ConflictError("boom")
    assert str(e) == "boom" and e.message == "boom"
    assert e.http_status is None and e.retry_after is None and e.outcome_unknown is False
