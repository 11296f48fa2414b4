"""YativoCrypto: the client. Every call goes straight to the C++ core; unset arguments (None) mean
the core's defaults, which are defined there and nowhere else."""

from __future__ import annotations

import logging
from types import TracebackType
from typing import Any, Iterator, Optional, Type, Union

from . import _core, _resources
from ._core import AccessToken, RateLimit, Transaction
from ._errors import InvalidArgumentError
from ._tls import default_ca
# BEGIN GENERATED: group classes (python3 -m codegen; do not edit)
from ._resources import (
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
    Webhooks,
)
# END GENERATED: group classes
from ._values import Amount, Payload

__all__ = [
    "Amount",
    "Payload",
    "YativoCrypto",
    # BEGIN GENERATED: group names (python3 -m codegen; do not edit)
    "ApiKeys",
    "Accounts",
    "Assets",
    "BalanceService",
    "Transactions",
    "Webhooks",
    "Analytics",
    "AutoForwarding",
    "CardIssuer",
    "Cards",
    "Customers",
    "Iban",
    "SessionService",
    "Swap",
    # END GENERATED: group names
]


class Transactions(_resources.Transactions):
    """``c.transactions``: gas prices, transfers and the transaction history. The endpoint
    methods are generated (_resources.Transactions); iterate() walks the core's pager."""

    __slots__ = ()

    def iterate(
        self,
        *,
        limit: Optional[int] = None,
        status: Optional[str] = None,
        chain: Optional[str] = None,
        search: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> Iterator[Transaction]:
        """Every transaction matching the filters, page after page (``limit`` per page; None
        leaves the page size to the server), as ``Transaction`` records. The core decides when
        the walk ends: it follows the server's pagination and asks for no page past the last.
        ``timeout`` applies to each page."""
        pager = _core.TransactionPager(
            self._c, limit=limit, status=status, chain=chain, search=search, timeout=timeout
        )
        while True:
            items = pager.next_page()
            if items is None:
                return
            yield from items


def _core_log_level(logger: Union[logging.Logger, logging.LoggerAdapter[Any], None]) -> str:
    """The core's level for a Python logger: the lowest level the logger lets through."""
    if logger is None:
        return "off"
    level = logger.getEffectiveLevel()
    for limit, name in (
        (logging.DEBUG, "debug"),
        (logging.INFO, "info"),
        (logging.WARNING, "warn"),
        (logging.ERROR, "error"),
    ):
        if level <= limit:
            return name
    return "off"


class YativoCrypto:
    """A client of the Yativo Crypto API. One per application: every method is thread-safe, and
    network calls run with the GIL released.

    Credentials not given here are read from ``YATIVO_API_KEY``, ``YATIVO_API_SECRET``,
    ``YATIVO_ACCESS_TOKEN``, ``YATIVO_BASE_URL`` and ``YATIVO_TOTP_SECRET``. Times are in
    seconds; every tunable left at None takes the core's default. ``auth`` (``"token"``,
    ``"headers"``, ``"bearer"``) left at None is decided by the core: an access token alone means
    bearer, a key and secret mean token, both given is an ``InvalidArgumentError``.

    ``logger`` (a ``logging.Logger`` or ``LoggerAdapter``) receives the core's log lines —
    method, path, status, request id, attempts, retry waits, token refreshes; never a secret —
    at the levels its effective level (read once, here) lets through. Without one,
    ``YATIVO_LOG=debug`` sends the lines to stderr.

    TLS and proxy: ``ca_file`` / ``ca_path`` (a PEM bundle or a hashed directory) or ``ca_blob``
    (PEM text, ``str`` or ``bytes``: the CA in memory, for systems without a certificate store)
    replace the system's CAs; ``pinned_public_key`` pins the server's key (libcurl's syntax,
    ``"sha256//<base64>"``); ``proxy`` is a proxy URL (``http://host:port``). None: the system's
    (for a wheel install, whose libcurl is bundled, the CAs Python's ``ssl`` module finds, which
    honours ``SSL_CERT_FILE``).
    """

    # BEGIN GENERATED: group slots (python3 -m codegen; do not edit)
    __slots__ = {
        "_c": "the core client",
        "api_keys": (
            "API key management. Writes send X-2FA-Token: the call's code or the client's TOTP "
            "source."
        ),
        "accounts": "Accounts hold assets.",
        "assets": "Assets: one chain and token within an account.",
        "balance": "Balances of assets.",
        "transactions": "Gas prices, transfers and the transaction history.",
        "webhooks": "Webhook subscriptions. Deliveries are checked with the webhook verifier.",
        "analytics": "Totals over your transactions and wallets.",
        "auto_forwarding": (
            "Auto-forwarding rules: a share of each deposit to an asset is sent on to an address."
            " Writes send X-2FA-Token: the call's code or the client's TOTP source."
        ),
        "card_issuer": (
            "The card-issuer program: application, master wallets, customer funding (moves "
            "value), deposits and history."
        ),
        "cards": (
            "Yativo cards: account onboarding, cards (freeze and unfreeze need 2FA), "
            "transactions, disputes, limits, customers' cards, physical orders and the account's "
            "IBAN."
        ),
        "customers": "Customers of the platform, with their wallets and transactions.",
        "iban": (
            "The standalone IBAN: product options, onboarding, KYC, the IBAN request and its "
            "status."
        ),
        "session": (
            "Session sign-in: registration, e-mailed one-time codes, Google Authenticator, "
            "passkeys. A call that opens a session makes it this client's credential; its tokens "
            "stay inside the client."
        ),
        "swap": (
            "Swaps between assets: route catalogue, quotes, execution (moves value, 2FA) and "
            "history."
        ),
    }
    # END GENERATED: group slots

    def __init__(
        self,
        api_key: Optional[str] = None,
        api_secret: Optional[str] = None,
        *,
        access_token: Optional[str] = None,
        auth: Optional[str] = None,
        environment: Optional[str] = None,
        base_url: Optional[str] = None,
        totp_secret: Optional[str] = None,
        totp_period: Optional[int] = None,
        timeout: Optional[float] = None,
        connect_timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        refresh_margin: Optional[int] = None,
        logger: Union[logging.Logger, logging.LoggerAdapter[Any], None] = None,
        ca_file: Optional[str] = None,
        ca_path: Optional[str] = None,
        ca_blob: Union[str, bytes, None] = None,
        pinned_public_key: Optional[str] = None,
        proxy: Optional[str] = None,
    ) -> None:
        if logger is not None and not isinstance(logger, (logging.Logger, logging.LoggerAdapter)):
            raise InvalidArgumentError(
                f"logger must be a logging.Logger or LoggerAdapter, not {type(logger).__name__}"
            )
        if ca_file is None and ca_path is None and ca_blob is None:
            ca_file, ca_path = default_ca()  # a wheel's bundled libcurl: the system's CAs
        self._c = _core.Client(
            api_key,
            api_secret,
            access_token,
            auth,
            environment,
            base_url,
            totp_secret,
            totp_period,
            timeout,
            connect_timeout,
            attempt_timeout,
            max_retries,
            refresh_margin,
            logger,
            _core_log_level(logger),
            ca_file,
            ca_path,
            ca_blob,
            pinned_public_key,
            proxy,
        )
        # BEGIN GENERATED: group attributes (python3 -m codegen; do not edit)
        self.api_keys = ApiKeys(self._c)
        self.accounts = Accounts(self._c)
        self.assets = Assets(self._c)
        self.balance = BalanceService(self._c)
        self.transactions = Transactions(self._c)
        self.webhooks = Webhooks(self._c)
        self.analytics = Analytics(self._c)
        self.auto_forwarding = AutoForwarding(self._c)
        self.card_issuer = CardIssuer(self._c)
        self.cards = Cards(self._c)
        self.customers = Customers(self._c)
        self.iban = Iban(self._c)
        self.session = SessionService(self._c)
        self.swap = Swap(self._c)
        # END GENERATED: group attributes

    @classmethod
    def from_env(cls, **options: Any) -> "YativoCrypto":
        """A client configured by the ``YATIVO_*`` environment variables; ``options`` are the
        keyword arguments of the constructor (timeouts, ``auth``, ...)."""
        return cls(**options)

    def __enter__(self) -> "YativoCrypto":
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def close(self) -> None:
        """Frees the connections. Calls still running finish; later calls raise
        InvalidArgumentError. Closing twice is harmless."""
        self._c.close()

    @property
    def base_url(self) -> str:
        """The API base URL this client calls (``.../api/v1``), as the core resolved it."""
        return self._c.base_url

    def __repr__(self) -> str:
        if self._c.closed:
            return "YativoCrypto(closed)"
        return f"YativoCrypto(base_url={self._c.base_url!r})"

    def set_credentials(self, api_key: str, api_secret: str) -> None:
        """Replaces key + secret for every later call (the cached token is dropped)."""
        self._c.set_credentials(api_key, api_secret)

    def set_access_token(self, access_token: str) -> None:
        """Replaces the bearer token of a client made with ``access_token``."""
        self._c.set_access_token(access_token)

    def token(self, *, timeout: Optional[float] = None) -> AccessToken:
        """The access token in use, exchanged now if none is cached and valid."""
        return self._c.token(timeout)

    def request(
        self,
        method: str,
        path: str,
        json: Any = None,
        *,
        idempotency_key: Optional[str] = None,
        totp_code: Optional[str] = None,
        timeout: Optional[float] = None,
        envelope: bool = False,
    ) -> Payload:
        """Any endpoint: ``method`` GET/POST/PUT/PATCH/DELETE, ``path`` relative to the base URL,
        ``json`` a body (Decimals are sent as JSON numbers with their exact digits). Returns the
        answer's ``data``, or with ``envelope=True`` the whole answer."""
        return self._c.request(method, path, json, idempotency_key, totp_code, timeout, envelope)

    @property
    def rate_limit(self) -> Optional[RateLimit]:
        """X-RateLimit-* of the last response that carried them, or None."""
        return self._c.rate_limit()
