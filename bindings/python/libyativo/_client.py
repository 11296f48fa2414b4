"""YativoCrypto: the client. Every call goes straight to the C++ core; unset arguments (None) mean
the core's defaults, which are defined there and nowhere else."""

from __future__ import annotations

import logging
from decimal import Decimal
from types import TracebackType
from typing import Any, Dict, Iterator, List, Optional, Sequence, Type, Union

from . import _core
from ._core import AccessToken, ApiKey, RateLimit, Webhook
from ._errors import InvalidArgumentError

#: An amount: a decimal string ("12.5") or a decimal.Decimal. Never a float.
Amount = Union[str, Decimal]
#: A decoded JSON payload: dict / list / str / bool / None (numbers come back as str). With
#: ``envelope=True`` it is the whole answer instead: a dict with ``data`` and its siblings
#: (``message``, ``pagination``, ...); an answer without an envelope comes back as it is.
Payload = Any


class ApiKeys:
    """API key management (``c.api_keys``). Writes send ``X-2FA-Token``: ``totp_code`` or the
    client's TOTP source."""

    __slots__ = ("_c",)

    def __init__(self, core: _core.Client) -> None:
        self._c = core

    def create(
        self,
        name: str,
        permissions: Sequence[str],
        *,
        expires_in_days: Optional[int] = None,
        totp_code: Optional[str] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> ApiKey:
        """Creates a key; the answer's ``api_secret`` is shown this once."""
        return self._c.create_api_key(
            name, permissions, expires_in_days, totp_code, idempotency_key, timeout
        )

    def list(self, *, timeout: Optional[float] = None) -> List[ApiKey]:
        return self._c.list_api_keys(timeout)

    def get(self, key_id: str, *, timeout: Optional[float] = None) -> ApiKey:
        return self._c.get_api_key(key_id, timeout)

    def rotate(
        self,
        key_id: str,
        *,
        totp_code: Optional[str] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> ApiKey:
        """Issues a new ``api_secret`` (shown this once); the old one stops working at once."""
        return self._c.rotate_api_key(key_id, totp_code, idempotency_key, timeout)

    def update_permissions(
        self,
        key_id: str,
        permissions: Sequence[str],
        *,
        totp_code: Optional[str] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> ApiKey:
        return self._c.update_api_key_permissions(
            key_id, permissions, totp_code, idempotency_key, timeout
        )

    def revoke(
        self,
        key_id: str,
        *,
        totp_code: Optional[str] = None,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> None:
        self._c.revoke_api_key(key_id, totp_code, idempotency_key, timeout)


class Accounts:
    """``c.accounts``."""

    __slots__ = ("_c",)

    def __init__(self, core: _core.Client) -> None:
        self._c = core

    def list(self, *, timeout: Optional[float] = None, envelope: bool = False) -> Payload:
        return self._c.list_accounts(timeout, envelope)

    def create(
        self,
        account_name: str,
        account_type: str = "business",
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        envelope: bool = False,
    ) -> Payload:
        return self._c.create_account(
            account_name, account_type, idempotency_key, timeout, envelope
        )


class Assets:
    """``c.assets``."""

    __slots__ = ("_c",)

    def __init__(self, core: _core.Client) -> None:
        self._c = core

    def add(
        self,
        account_id: str,
        chain: str,
        ticker: str,
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        envelope: bool = False,
    ) -> Payload:
        return self._c.add_asset(account_id, chain, ticker, idempotency_key, timeout, envelope)

    def list(
        self,
        account_id: Optional[str] = None,
        *,
        timeout: Optional[float] = None,
        envelope: bool = False,
    ) -> Payload:
        return self._c.list_assets(account_id, timeout, envelope)


class Balance:
    """``c.balance``."""

    __slots__ = ("_c",)

    def __init__(self, core: _core.Client) -> None:
        self._c = core

    def check(
        self, asset_id: str, *, timeout: Optional[float] = None, envelope: bool = False
    ) -> Payload:
        """The asset's balance; amounts come back as str."""
        return self._c.check_balance(asset_id, timeout, envelope)


class Transactions:
    """``c.transactions``."""

    __slots__ = ("_c",)

    def __init__(self, core: _core.Client) -> None:
        self._c = core

    def gas_price(
        self,
        chain: str,
        priority: str = "medium",
        *,
        timeout: Optional[float] = None,
        envelope: bool = False,
        **fields: Any,
    ) -> Payload:
        """Gas price estimate; ``fields`` are sent as further body fields."""
        return self._c.gas_price(chain, priority, fields, timeout, envelope)

    def send_funds(
        self,
        *,
        account: str,
        assets: str,
        receiving_address: str,
        amount: Amount,
        type: str,
        chain: str,
        category: str,
        priority: str = "medium",
        description: Optional[str] = None,
        use_self_funding: bool = False,
        idempotency_key: Optional[str] = None,
        totp_code: Optional[str] = None,
        timeout: Optional[float] = None,
        envelope: bool = False,
    ) -> Dict[str, Any]:
        """Sends funds. Always carries an Idempotency-Key (``idempotency_key`` or a generated
        UUIDv4), returned in the result's ``"idempotency_key"`` (its ``data``'s with
        ``envelope=True``) and on every error; after an
        error with ``outcome_unknown``, call again with that key: the transfer happens once."""
        return self._c.send_funds(
            account,
            assets,
            receiving_address,
            amount,
            type,
            chain,
            category,
            priority,
            description,
            use_self_funding,
            idempotency_key,
            totp_code,
            timeout,
            envelope,
        )

    def list(
        self,
        *,
        page: int = 1,
        limit: Optional[int] = None,
        status: Optional[str] = None,
        chain: Optional[str] = None,
        search: Optional[str] = None,
        timeout: Optional[float] = None,
        envelope: bool = False,
    ) -> Payload:
        """One page of the transaction history (newest first): the list of transactions, or
        with ``envelope=True`` the whole answer, whose ``pagination`` holds ``page``, ``limit``,
        ``total`` and ``pages``."""
        return self._c.list_transactions(page, limit, status, chain, search, timeout, envelope)

    def iterate(
        self,
        *,
        limit: Optional[int] = None,
        status: Optional[str] = None,
        chain: Optional[str] = None,
        search: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> Iterator[Dict[str, Any]]:
        """Every transaction matching the filters, page after page. The API sends no paging
        metadata, so the walk ends at an empty page or one shorter than the page before it (or
        than ``limit``)."""
        page = 1
        previous: Optional[int] = None
        while True:
            items = self.list(
                page=page, limit=limit, status=status, chain=chain, search=search, timeout=timeout
            )
            if not isinstance(items, list):
                items = items.get("transactions", []) if isinstance(items, dict) else []
            yield from items
            if (
                not items
                or (limit is not None and len(items) < limit)
                or (previous is not None and len(items) < previous)
            ):
                return
            previous = len(items)
            page += 1


class Webhooks:
    """``c.webhooks``."""

    __slots__ = ("_c",)

    def __init__(self, core: _core.Client) -> None:
        self._c = core

    def create(
        self,
        url: str,
        events: Sequence[str],
        description: Optional[str] = None,
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> Webhook:
        """Registers an endpoint; the answer's ``secret`` is shown this once."""
        return self._c.create_webhook(url, events, description, idempotency_key, timeout)

    def list(self, *, timeout: Optional[float] = None, envelope: bool = False) -> Payload:
        return self._c.list_webhooks(timeout, envelope)

    def delete(
        self,
        id: str,
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> None:
        self._c.delete_webhook(id, idempotency_key, timeout)


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
    seconds; every tunable left at None takes the core's default.

    ``logger`` (a ``logging.Logger`` or ``LoggerAdapter``) receives the core's log lines —
    method, path, status, request id, attempts, retry waits, token refreshes; never a secret —
    at the levels its effective level (read once, here) lets through. Without one,
    ``YATIVO_LOG=debug`` sends the lines to stderr.
    """

    __slots__ = ("_c", "api_keys", "accounts", "assets", "balance", "transactions", "webhooks")

    def __init__(
        self,
        api_key: Optional[str] = None,
        api_secret: Optional[str] = None,
        *,
        access_token: Optional[str] = None,
        auth: str = "token",
        environment: str = "production",
        base_url: Optional[str] = None,
        totp_secret: Optional[str] = None,
        totp_period: Optional[int] = None,
        timeout: Optional[float] = None,
        connect_timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        refresh_margin: Optional[int] = None,
        logger: Union[logging.Logger, logging.LoggerAdapter[Any], None] = None,
    ) -> None:
        if logger is not None and not isinstance(logger, (logging.Logger, logging.LoggerAdapter)):
            raise InvalidArgumentError(
                f"logger must be a logging.Logger or LoggerAdapter, not {type(logger).__name__}"
            )
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
        )
        self.api_keys = ApiKeys(self._c)
        self.accounts = Accounts(self._c)
        self.assets = Assets(self._c)
        self.balance = Balance(self._c)
        self.transactions = Transactions(self._c)
        self.webhooks = Webhooks(self._c)

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
