"""AsyncYativoCrypto: the client for asyncio. The same resources and methods as YativoCrypto,
each a coroutine; the calls run on the running event loop's thread, driven by that loop (its
sockets through ``loop.add_reader`` / ``add_writer``, its timers through ``loop.call_later``), with
no thread per call."""

from __future__ import annotations

import logging
from types import TracebackType
from typing import Any, AsyncIterator, Optional, Type, Union

from . import _async_resources, _core
from ._async_call import outcome
from ._client import YativoCrypto
from ._core import AccessToken, RateLimit, Transaction
# BEGIN GENERATED: group classes (python3 -m codegen; do not edit)
from ._async_resources import (
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
    AsyncWebhooks,
)
# END GENERATED: group classes
from ._values import Payload

__all__ = [
    "AsyncYativoCrypto",
    # BEGIN GENERATED: group names (python3 -m codegen; do not edit)
    "AsyncApiKeys",
    "AsyncAccounts",
    "AsyncAssets",
    "AsyncBalanceService",
    "AsyncTransactions",
    "AsyncWebhooks",
    "AsyncAnalytics",
    "AsyncAutoForwarding",
    "AsyncCardIssuer",
    "AsyncCards",
    "AsyncCustomers",
    "AsyncIban",
    "AsyncSessionService",
    "AsyncSwap",
    # END GENERATED: group names
]


class AsyncTransactions(_async_resources.AsyncTransactions):
    """``c.transactions``: gas prices, transfers and the transaction history. The endpoint
    methods are generated (_async_resources.AsyncTransactions); iterate() walks the core's
    pager."""

    __slots__ = ()

    async def iterate(
        self,
        *,
        limit: Optional[int] = None,
        status: Optional[str] = None,
        chain: Optional[str] = None,
        search: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> AsyncIterator[Transaction]:
        """Every transaction matching the filters, page after page (``limit`` per page; None
        leaves the page size to the server), as ``Transaction`` records, for ``async for``. The
        core decides when the walk ends: it follows the server's pagination and asks for no page
        past the last. ``timeout`` applies to each page."""
        pager = _core.AsyncTransactionPager(
            self._c, limit=limit, status=status, chain=chain, search=search, timeout=timeout
        )
        while True:
            items = await outcome(pager.next_page())
            if items is None:
                return
            for item in items:
                yield item


class AsyncYativoCrypto:
    """A client of the Yativo Crypto API for asyncio: the methods of YativoCrypto, each a
    coroutine (``await c.accounts.list()``).

    The constructor takes YativoCrypto's arguments (credentials, ``base_url``, timeouts, TLS,
    ``logger``; None = the core's default), plus ``max_host_connections``: the connections to
    the API host that calls in flight may open at most (None: the core's default); the calls
    beyond it wait their turn, since HTTP/1.1 carries one call per connection.

    A call runs on the running event loop's thread, driven by that loop: no thread per call, any
    number in flight (``asyncio.gather``). Cancelling the awaiting task cancels the call in the
    core (see ``docs/python.md``, "asyncio"). The client may be made outside a loop; it serves
    one running loop at a time (a new ``asyncio.run()`` takes it over once the previous loop has
    ended). ``async with`` or ``aclose()`` ends the calls in flight and frees the connections.
    """

    # BEGIN GENERATED: group slots (python3 -m codegen; do not edit)
    __slots__ = {
        "_c": "the core client",
        "_a": "the core's asyncio driver",
        "_owns": "whether aclose() closes the core client too",
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
        max_host_connections: Optional[int] = None,
    ) -> None:
        sync = YativoCrypto(
            api_key,
            api_secret,
            access_token=access_token,
            auth=auth,
            environment=environment,
            base_url=base_url,
            totp_secret=totp_secret,
            totp_period=totp_period,
            timeout=timeout,
            connect_timeout=connect_timeout,
            attempt_timeout=attempt_timeout,
            max_retries=max_retries,
            refresh_margin=refresh_margin,
            logger=logger,
            ca_file=ca_file,
            ca_path=ca_path,
            ca_blob=ca_blob,
            pinned_public_key=pinned_public_key,
            proxy=proxy,
        )
        self._setup(sync._c, max_host_connections, owns=True)

    def _setup(self, core: _core.Client, max_host_connections: Optional[int], owns: bool) -> None:
        self._c = core
        self._a = _core.AsyncClient(core, max_host_connections)
        self._owns = owns
        # BEGIN GENERATED: group attributes (python3 -m codegen; do not edit)
        self.api_keys = AsyncApiKeys(self._a)
        self.accounts = AsyncAccounts(self._a)
        self.assets = AsyncAssets(self._a)
        self.balance = AsyncBalanceService(self._a)
        self.transactions = AsyncTransactions(self._a)
        self.webhooks = AsyncWebhooks(self._a)
        self.analytics = AsyncAnalytics(self._a)
        self.auto_forwarding = AsyncAutoForwarding(self._a)
        self.card_issuer = AsyncCardIssuer(self._a)
        self.cards = AsyncCards(self._a)
        self.customers = AsyncCustomers(self._a)
        self.iban = AsyncIban(self._a)
        self.session = AsyncSessionService(self._a)
        self.swap = AsyncSwap(self._a)
        # END GENERATED: group attributes

    @classmethod
    def from_env(cls, **options: Any) -> "AsyncYativoCrypto":
        """A client configured by the ``YATIVO_*`` environment variables; ``options`` are the
        keyword arguments of the constructor (timeouts, ``auth``, ...)."""
        return cls(**options)

    @classmethod
    def sharing(
        cls, client: YativoCrypto, *, max_host_connections: Optional[int] = None
    ) -> "AsyncYativoCrypto":
        """An async client over the same core client as ``client``: one credential, one cached
        token and one single-flight token exchange for the threads calling ``client`` and the
        coroutines calling this one. ``aclose()`` leaves ``client`` open; ``client.close()``
        makes the calls of both refuse."""
        self = cls.__new__(cls)
        self._setup(client._c, max_host_connections, owns=False)
        return self

    async def __aenter__(self) -> "AsyncYativoCrypto":
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Cancels the calls in flight (their awaiters get ``libyativo.CancelledError``, with
        the idempotency key of a transfer that may have been sent), stops watching the loop's
        sockets and frees the connections; later calls raise InvalidArgumentError. Closing twice
        is harmless. Call it on the loop that runs the calls."""
        self._a.close()
        if self._owns:
            self._c.close()

    @property
    def base_url(self) -> str:
        """The API base URL this client calls (``.../api/v1``), as the core resolved it."""
        return self._c.base_url

    def __repr__(self) -> str:
        if self._c.closed:
            return "AsyncYativoCrypto(closed)"
        return f"AsyncYativoCrypto(base_url={self._c.base_url!r})"

    def set_credentials(self, api_key: str, api_secret: str) -> None:
        """Replaces key + secret for every later call (the cached token is dropped)."""
        self._c.set_credentials(api_key, api_secret)

    def set_access_token(self, access_token: str) -> None:
        """Replaces the bearer token of a client made with ``access_token``."""
        self._c.set_access_token(access_token)

    async def token(self, *, timeout: Optional[float] = None) -> AccessToken:
        """The access token in use, exchanged now if none is cached and valid. Concurrent
        callers (coroutines and threads of a client it shares) wait for one exchange."""
        return await outcome(self._a.token(timeout))

    async def request(
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
        return await outcome(
            self._a.request(method, path, json, idempotency_key, totp_code, timeout, envelope)
        )

    @property
    def rate_limit(self) -> Optional[RateLimit]:
        """X-RateLimit-* of the last response that carried them, or None."""
        return self._c.rate_limit()
