"""libyativo: the Yativo Crypto API client, over a C++ core.

    import libyativo as yv
    with yv.YativoCrypto.from_env() as c:
        print(c.accounts.list())
"""

from __future__ import annotations

from . import _core
# Every group class and generated record (api/endpoints.toml).
# BEGIN GENERATED: exports (python3 -m codegen; do not edit)
from ._client import (
    Accounts,
    Analytics,
    ApiKeys,
    Assets,
    AutoForwarding,
    BalanceService,
    CardIssuer,
    Cards,
    Customers,
    Iban,
    SessionService,
    Swap,
    Transactions,
    Webhooks,
)
from ._async_client import (
    AsyncAccounts,
    AsyncAnalytics,
    AsyncApiKeys,
    AsyncAssets,
    AsyncAutoForwarding,
    AsyncBalanceService,
    AsyncCardIssuer,
    AsyncCards,
    AsyncCustomers,
    AsyncIban,
    AsyncSessionService,
    AsyncSwap,
    AsyncTransactions,
    AsyncWebhooks,
)
from ._core import (
    Account,
    Asset,
    AutoForwardingRule,
    Balance,
    Card,
    CardAccount,
    CardFunding,
    CardOrder,
    CardOrderPayment,
    CardTransaction,
    Customer,
    IbanStatus,
    Session,
    SpendingLimits,
    SwapExecution,
    SwapHistoryItem,
    SwapQuote,
    Transaction,
    Transfer,
    WebhookDelivery,
)
# END GENERATED: exports
from ._async_client import AsyncYativoCrypto
from ._client import Amount, YativoCrypto
from ._core import AccessToken, ApiKey, Event, RateLimit, Webhook
from ._errors import *  # noqa: F401,F403  (one class per status code, see _errors.py)
from ._errors import ERROR_CLASS_NAMES, Status, YativoError
from ._functions import WebhookVerifier, sign_webhook, totp, verify_webhook

__version__: str = _core.version()

__all__ = [
    "AccessToken",
    "Amount",
    "ApiKey",
    "AsyncYativoCrypto",
    "Event",
    "RateLimit",
    "Status",
    "Webhook",
    "WebhookVerifier",
    "YativoCrypto",
    # BEGIN GENERATED: export names (python3 -m codegen; do not edit)
    "Account",
    "Accounts",
    "Analytics",
    "ApiKeys",
    "Asset",
    "Assets",
    "AsyncAccounts",
    "AsyncAnalytics",
    "AsyncApiKeys",
    "AsyncAssets",
    "AsyncAutoForwarding",
    "AsyncBalanceService",
    "AsyncCardIssuer",
    "AsyncCards",
    "AsyncCustomers",
    "AsyncIban",
    "AsyncSessionService",
    "AsyncSwap",
    "AsyncTransactions",
    "AsyncWebhooks",
    "AutoForwarding",
    "AutoForwardingRule",
    "Balance",
    "BalanceService",
    "Card",
    "CardAccount",
    "CardFunding",
    "CardIssuer",
    "CardOrder",
    "CardOrderPayment",
    "CardTransaction",
    "Cards",
    "Customer",
    "Customers",
    "Iban",
    "IbanStatus",
    "Session",
    "SessionService",
    "SpendingLimits",
    "Swap",
    "SwapExecution",
    "SwapHistoryItem",
    "SwapQuote",
    "Transaction",
    "Transactions",
    "Transfer",
    "WebhookDelivery",
    "Webhooks",
    # END GENERATED: export names
    "YativoError",
    "__version__",
    "sign_webhook",
    "totp",
    "verify_webhook",
    # libyativo.TimeoutError is also a builtin TimeoutError, but `from libyativo import *` must not
    # shadow the builtin's name in the importer's namespace: it stays out of the star-import.
    *(name for name in ERROR_CLASS_NAMES if name != "TimeoutError"),
]
