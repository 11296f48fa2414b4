"""Receiving webhooks: verify the raw body before trusting it, de-duplicate on the event id."""

from typing import Mapping, Set

import libyativo as yv

SECRET = "whsec_example"  # the `secret` of webhooks.create(), shown once
seen: Set[str] = set()


def handle_delivery(body: bytes, headers: Mapping[str, str]) -> int:
    """Returns the HTTP status to answer with."""
    try:
        event = yv.verify_webhook(body, headers, SECRET)
    except yv.SignatureVerificationError:
        return 400
    if event.id in seen:
        return 200  # a redelivery
    seen.add(event.id or "")
    print("event", event.type, event.data)
    return 200


# In your tests, sign_webhook makes deliveries like the server's.
body = b'{"id":"evt_1","type":"transaction.completed","data":{"amount":25.00}}'
assert handle_delivery(body, yv.sign_webhook(body, SECRET)) == 200
assert handle_delivery(body, yv.sign_webhook(body, "wrong-secret")) == 400
