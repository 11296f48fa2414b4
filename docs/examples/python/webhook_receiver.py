"""Receiving webhooks: verify the raw body before trusting it, and accept each event once."""

from typing import Mapping

import libyativo as yv

SECRET = "whsec_example"  # the `secret` of webhooks.create(), shown once
# One verifier per process, shared by every thread: it remembers the event ids it accepted
# (24 h by default) and refuses them again, also a delivery stripped of its X-Yativo-* headers.
verifier = yv.WebhookVerifier(SECRET)


def handle_delivery(body: bytes, headers: Mapping[str, str]) -> int:
    """Returns the HTTP status to answer with."""
    try:
        event = verifier.verify(body, headers)
    except yv.SignatureVerificationError as e:
        # A replay, or the server redelivering after our answer was lost: already handled.
        return 200 if e.error_code == "webhook_replay" else 400
    except yv.ProtocolError:
        return 400  # signed, but without an id it cannot be de-duplicated
    print("event", event.type, event.data)
    return 200


# In your tests, sign_webhook makes deliveries like the server's.
body = b'{"id":"evt_1","type":"transaction.completed","data":{"amount":25.00}}'
headers = yv.sign_webhook(body, SECRET)
assert handle_delivery(body, headers) == 200
assert handle_delivery(body, headers) == 200  # the replay: answered, not processed again
assert handle_delivery(body, yv.sign_webhook(body, "wrong-secret")) == 400
