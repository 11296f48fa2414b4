"""The webhook replay guard, offline. Its invented secret holds CANARY: the test run searches all
output for it."""

from __future__ import annotations

import threading
from typing import List

import pytest

import libyativo as yv

SECRET = "whsec_CANARY_py_guard"


def body(event_id: str) -> bytes:
    return b'{"id":"%s","type":"transaction.completed","data":{"amount":"1.5"}}' % event_id.encode()


def test_first_delivery_accepted_and_replay_refused() -> None:
    guard = yv.WebhookVerifier(SECRET)
    b = body("evt_py_1")
    headers = yv.sign_webhook(b, SECRET)
    assert guard.verify(b, headers).id == "evt_py_1"
    with pytest.raises(yv.SignatureVerificationError) as err:
        guard.verify(b, headers)
    assert err.value.code == yv.Status.SIGNATURE_INVALID
    assert err.value.error_code == "webhook_replay"
    assert "replay" in str(err.value) and SECRET not in str(err.value)

    # Stripped of its scheme B headers: verify_webhook alone accepts it (the control), the guard
    # does not.
    stripped = {"X-Webhook-Signature": headers["X-Webhook-Signature"]}
    assert yv.verify_webhook(b, stripped, SECRET).id == "evt_py_1"
    with pytest.raises(yv.SignatureVerificationError):
        guard.verify(b, stripped)

    other = body("evt_py_2")
    assert guard.verify(other, yv.sign_webhook(other, SECRET)).id == "evt_py_2"
    # A bad signature is not a replay: no error_code.
    with pytest.raises(yv.SignatureVerificationError) as bad:
        guard.verify(body("evt_py_3"), yv.sign_webhook(body("evt_py_3"), "wrong-CANARY"))
    assert bad.value.error_code is None


def test_event_without_id_is_refused() -> None:
    guard = yv.WebhookVerifier(SECRET)
    b = b'{"type":"transaction.completed"}'
    with pytest.raises(yv.ProtocolError):
        guard.verify(b, yv.sign_webhook(b, SECRET))


def test_threads_accept_one_event_once() -> None:
    guard = yv.WebhookVerifier(SECRET, window=3600, max_events=10)
    b = body("evt_py_race")
    headers = yv.sign_webhook(b, SECRET)
    results: List[str] = []
    start = threading.Barrier(16)

    def deliver() -> None:
        start.wait()
        try:
            guard.verify(b, headers)
            results.append("ok")
        except yv.SignatureVerificationError:
            results.append("replay")

    threads = [threading.Thread(target=deliver) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["ok"] + ["replay"] * 15


def test_options_defaults_and_repr() -> None:
    guard = yv.WebhookVerifier(SECRET, max_events=1, require_timestamp=True)
    assert guard.window == 24 * 3600  # the core's default
    assert guard.max_events == 1
    a, c = body("evt_py_a"), body("evt_py_c")
    ha = yv.sign_webhook(a, SECRET)
    with pytest.raises(yv.SignatureVerificationError):  # require_timestamp passed on
        guard.verify(a, {"X-Webhook-Signature": ha["X-Webhook-Signature"]})
    guard.verify(a, ha)
    guard.verify(c, yv.sign_webhook(c, SECRET))  # the bound: forgets evt_py_a
    guard.verify(a, ha)
    text = repr(guard)
    assert "CANARY" not in text and "remembered=1" in text and "max_events=1" in text
    for bad in ({"window": 0}, {"window": 1.5}, {"max_events": 0}, {"tolerance": -1}):
        with pytest.raises(yv.InvalidArgumentError):
            yv.WebhookVerifier(SECRET, **bad)
    with pytest.raises(yv.InvalidArgumentError):
        yv.WebhookVerifier("")
