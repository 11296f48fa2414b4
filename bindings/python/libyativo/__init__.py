"""libyativo: the Yativo Crypto API client, over a C++ core.

    import libyativo as yv
    with yv.YativoCrypto.from_env() as c:
        print(c.accounts.list())
"""

from __future__ import annotations

from . import _core
from ._client import (
    Accounts,
    Amount,
    ApiKeys,
    Assets,
    Balance,
    Transactions,
    Webhooks,
    YativoCrypto,
)
from ._core import AccessToken, ApiKey, Event, RateLimit, Webhook
from ._errors import *  # noqa: F401,F403  (one class per status code, see _errors.py)
from ._errors import ERROR_CLASS_NAMES, Status, YativoError
from ._functions import WebhookVerifier, sign_webhook, totp, verify_webhook

__version__: str = _core.version()

__all__ = [
    "AccessToken",
    "Accounts",
    "Amount",
    "ApiKey",
    "ApiKeys",
    "Assets",
    "Balance",
    "Event",
    "RateLimit",
    "Status",
    "Transactions",
    "Webhook",
    "WebhookVerifier",
    "Webhooks",
    "YativoCrypto",
    "YativoError",
    "__version__",
    "sign_webhook",
    "totp",
    "verify_webhook",
    *ERROR_CLASS_NAMES,
]
