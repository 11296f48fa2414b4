"""The webhook verifier against real deliveries: the sandbox POSTs signed events (both schemes)
to a receiver in this test, and verify_webhook accepts them as received, byte for byte, and
refuses them once anything is changed."""

from __future__ import annotations

import http.server
import threading
import time
from typing import Callable, Dict, Iterator, List, Tuple

import pytest

import libyativo as yv
from sandbox import Sandbox

Delivery = Tuple[bytes, Dict[str, str]]


@pytest.fixture
def receiver() -> Iterator[Tuple[str, List[Delivery]]]:
    received: List[Delivery] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (the stdlib's name)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((body, {k: v for k, v in self.headers.items()}))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hooks", received
    finally:
        server.shutdown()
        server.server_close()


def wait_for(received: List[Delivery], count: int) -> None:
    deadline = time.monotonic() + 10
    while len(received) < count and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(received) >= count, f"{len(received)} deliveries arrived, {count} expected"


def test_real_deliveries_verify_and_tampered_ones_do_not(
        make_sandbox: Callable[..., Sandbox], receiver: Tuple[str, List[Delivery]]) -> None:
    sb = make_sandbox("--webhook-retry-ms", "100")
    url, received = receiver
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        hook = c.webhooks.create(url, ["deposit.received", "webhook.test"])
        assert hook.secret
        asset = c.assets.add(c.accounts.create("hooks").id, "solana", "USDC_SOL")
        sb.deposit(asset.id, "12.5")
        wait_for(received, 1)
        c.webhooks.test(hook.id)
        wait_for(received, 2)

    body, headers = received[0]
    # Both schemes arrive; the timestamped one is what verify_webhook checks when present.
    assert "X-Yativo-Signature" in headers and "X-Webhook-Signature" in headers
    event = yv.verify_webhook(body, headers, hook.secret)
    assert event.type == "deposit.received" and event.id
    assert event.data["amount"] == "12.5" and event.data["asset_id"] == asset.id
    test_event = yv.verify_webhook(received[1][0], received[1][1], hook.secret)
    assert test_event.type == "webhook.test" and test_event.id != event.id

    # Scheme A alone (the headers of scheme B stripped) still verifies, unless timestamps are
    # required.
    scheme_a = {k: v for k, v in headers.items() if not k.startswith("X-Yativo-")}
    assert yv.verify_webhook(body, scheme_a, hook.secret).id == event.id
    with pytest.raises(yv.SignatureVerificationError):
        yv.verify_webhook(body, scheme_a, hook.secret, require_timestamp=True)
    # One byte changed, another secret, or a stale timestamp: refused.
    with pytest.raises(yv.SignatureVerificationError):
        yv.verify_webhook(body.replace(b"12.5", b"92.5"), headers, hook.secret)
    with pytest.raises(yv.SignatureVerificationError):
        yv.verify_webhook(body, headers, hook.secret + "x")
    stale = dict(headers, **{"X-Yativo-Timestamp": str(int(headers["X-Yativo-Timestamp"]) - 3600)})
    with pytest.raises(yv.SignatureVerificationError):
        yv.verify_webhook(body, stale, hook.secret)
