"""Type declarations for libyativo._core, the pybind11 module over the C++ core."""

import asyncio
from decimal import Decimal
from typing import Any, Dict, Generic, List, Mapping, Optional, Sequence, Tuple, TypeVar, Union

class ApiKey:
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def api_key(self) -> str: ...
    @property
    def api_secret(self) -> Optional[str]: ...
    @property
    def permissions(self) -> List[str]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def expires_at(self) -> Optional[str]: ...
    @property
    def last_used_at(self) -> Optional[str]: ...
    @property
    def allowed_ips(self) -> List[str]: ...

class AccessToken:
    @property
    def access_token(self) -> str: ...
    @property
    def token_type(self) -> str: ...
    @property
    def expires_in(self) -> int: ...
    @property
    def expires_at(self) -> Optional[str]: ...
    @property
    def scopes(self) -> List[str]: ...

class Webhook:
    @property
    def id(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def events(self) -> List[str]: ...
    @property
    def description(self) -> Optional[str]: ...
    @property
    def secret(self) -> Optional[str]: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class Event:
    @property
    def id(self) -> Optional[str]: ...
    @property
    def type(self) -> Optional[str]: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def data(self) -> Any: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class RateLimit:
    @property
    def limit(self) -> Optional[int]: ...
    @property
    def remaining(self) -> Optional[int]: ...
    @property
    def reset(self) -> Optional[int]: ...

# The records generated from api/endpoints.toml (src/py_records_gen.cpp). Each also compares
# equal to another of its class with the same fields, raw included.
# BEGIN GENERATED: records (python3 -m codegen from api/endpoints.toml; do not edit)
class Account:
    """An account: it holds assets. ``raw`` is the whole object, with the fields no property
    names."""
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def type(self) -> Optional[str]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def assets(self) -> Optional[int]: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class Asset:
    """An asset: one chain and token within an account, with its deposit address and balance.
    ``raw`` is the whole object, with the fields no property names."""
    @property
    def id(self) -> str: ...
    @property
    def account_id(self) -> Optional[str]: ...
    @property
    def chain(self) -> Optional[str]: ...
    @property
    def ticker(self) -> Optional[str]: ...
    @property
    def address(self) -> Optional[str]: ...
    @property
    def balance(self) -> Optional[Decimal]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class Balance:
    """The balance of one asset, in token units (confirmed funds only). ``raw`` is the whole
    object, with the fields no property names."""
    @property
    def asset_id(self) -> Optional[str]: ...
    @property
    def chain(self) -> Optional[str]: ...
    @property
    def ticker(self) -> Optional[str]: ...
    @property
    def address(self) -> Optional[str]: ...
    @property
    def balance(self) -> Decimal: ...
    @property
    def balance_usd(self) -> Optional[Decimal]: ...
    @property
    def updated_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class Transfer:
    """The answer to send_funds. idempotency_key is always the key the call carried. ``raw`` is
    the whole object, with the fields no property names."""
    @property
    def id(self) -> Optional[str]: ...
    @property
    def hash(self) -> Optional[str]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def amount(self) -> Optional[Decimal]: ...
    @property
    def fee(self) -> Optional[Decimal]: ...
    @property
    def total_debited(self) -> Optional[Decimal]: ...
    @property
    def balance_after(self) -> Optional[Decimal]: ...
    @property
    def chain(self) -> Optional[str]: ...
    @property
    def ticker(self) -> Optional[str]: ...
    @property
    def idempotency_key(self) -> str: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class Transaction:
    """One transaction of the history. ``raw`` is the whole object, with the fields no property
    names."""
    @property
    def id(self) -> str: ...
    @property
    def type(self) -> Optional[str]: ...
    @property
    def direction(self) -> Optional[str]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def chain(self) -> Optional[str]: ...
    @property
    def ticker(self) -> Optional[str]: ...
    @property
    def asset_id(self) -> Optional[str]: ...
    @property
    def account_id(self) -> Optional[str]: ...
    @property
    def amount(self) -> Optional[Decimal]: ...
    @property
    def fee(self) -> Optional[Decimal]: ...
    @property
    def hash(self) -> Optional[str]: ...
    @property
    def from_address(self) -> Optional[str]: ...
    @property
    def to_address(self) -> Optional[str]: ...
    @property
    def priority(self) -> Optional[str]: ...
    @property
    def category(self) -> Optional[str]: ...
    @property
    def description(self) -> Optional[str]: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class AutoForwardingRule:
    """An auto-forwarding rule: a share of each deposit to an asset goes on to an address.
    ``raw`` is the whole object, with the fields no property names."""
    @property
    def id(self) -> str: ...
    @property
    def asset_id(self) -> Optional[str]: ...
    @property
    def chain(self) -> Optional[str]: ...
    @property
    def destination_address(self) -> Optional[str]: ...
    @property
    def percentage(self) -> Optional[Decimal]: ...
    @property
    def monitoring_mode(self) -> Optional[str]: ...
    @property
    def monitored_accounts(self) -> List[str]: ...
    @property
    def minimum_amount(self) -> Optional[Decimal]: ...
    @property
    def maximum_amount(self) -> Optional[Decimal]: ...
    @property
    def description(self) -> Optional[str]: ...
    @property
    def enabled(self) -> Optional[bool]: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def updated_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class CardFunding:
    """A card funding: a customer funded from the issuer's wallet, or a deposit funded by hand.
    idempotency_key is always the key the call carried. ``raw`` is the whole object, with the
    fields no property names."""
    @property
    def id(self) -> Optional[str]: ...
    @property
    def customer_id(self) -> Optional[str]: ...
    @property
    def deposit_id(self) -> Optional[str]: ...
    @property
    def amount(self) -> Optional[Decimal]: ...
    @property
    def fee(self) -> Optional[Decimal]: ...
    @property
    def credited(self) -> Optional[Decimal]: ...
    @property
    def source_chain(self) -> Optional[str]: ...
    @property
    def destination_token(self) -> Optional[str]: ...
    @property
    def pricing_mode(self) -> Optional[str]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def idempotency_key(self) -> str: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class CardAccount:
    """A card account: the holder's onboarding, KYC and wallet state. ``raw`` is the whole
    object, with the fields no property names."""
    @property
    def id(self) -> Optional[str]: ...
    @property
    def email(self) -> Optional[str]: ...
    @property
    def first_name(self) -> Optional[str]: ...
    @property
    def last_name(self) -> Optional[str]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def kyc_status(self) -> Optional[str]: ...
    @property
    def terms_accepted(self) -> Optional[bool]: ...
    @property
    def safe_deployed(self) -> Optional[bool]: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class Card:
    """A card. ``raw`` is the whole object, with the fields no property names."""
    @property
    def id(self) -> str: ...
    @property
    def yativo_card_id(self) -> Optional[str]: ...
    @property
    def customer_id(self) -> Optional[str]: ...
    @property
    def type(self) -> Optional[str]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def display_name(self) -> Optional[str]: ...
    @property
    def last4(self) -> Optional[str]: ...
    @property
    def spending_limit_amount(self) -> Optional[Decimal]: ...
    @property
    def spending_limit_frequency(self) -> Optional[str]: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class CardTransaction:
    """A card transaction: a spend, refund or funding. ``raw`` is the whole object, with the
    fields no property names."""
    @property
    def id(self) -> str: ...
    @property
    def card_id(self) -> Optional[str]: ...
    @property
    def type(self) -> Optional[str]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def amount(self) -> Optional[Decimal]: ...
    @property
    def currency(self) -> Optional[str]: ...
    @property
    def merchant(self) -> Optional[str]: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class SpendingLimits:
    """A card wallet's spending limits, exact amounts. ``raw`` is the whole object, with the
    fields no property names."""
    @property
    def daily_limit(self) -> Optional[Decimal]: ...
    @property
    def monthly_limit(self) -> Optional[Decimal]: ...
    @property
    def per_transaction_limit(self) -> Optional[Decimal]: ...
    @property
    def currency(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class CardOrder:
    """A physical card order. ``raw`` is the whole object, with the fields no property names."""
    @property
    def id(self) -> str: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def card_id(self) -> Optional[str]: ...
    @property
    def personalization(self) -> Optional[str]: ...
    @property
    def amount(self) -> Optional[Decimal]: ...
    @property
    def currency(self) -> Optional[str]: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class CardOrderPayment:
    """The answer to paying a physical card order: the order as the payment left it.
    idempotency_key is always the key the call carried. ``raw`` is the whole object, with the
    fields no property names."""
    @property
    def order_id(self) -> Optional[str]: ...
    @property
    def payment_id(self) -> Optional[str]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def amount(self) -> Optional[Decimal]: ...
    @property
    def currency(self) -> Optional[str]: ...
    @property
    def idempotency_key(self) -> str: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class Customer:
    """A customer of the platform. ``raw`` is the whole object, with the fields no property
    names."""
    @property
    def id(self) -> str: ...
    @property
    def email(self) -> Optional[str]: ...
    @property
    def name(self) -> Optional[str]: ...
    @property
    def first_name(self) -> Optional[str]: ...
    @property
    def last_name(self) -> Optional[str]: ...
    @property
    def phone(self) -> Optional[str]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class IbanStatus:
    """Where an IBAN stands: onboarding, KYC, requested, active; with its number once issued.
    ``raw`` is the whole object, with the fields no property names."""
    @property
    def id(self) -> Optional[str]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def kyc_status(self) -> Optional[str]: ...
    @property
    def iban(self) -> Optional[str]: ...
    @property
    def bic(self) -> Optional[str]: ...
    @property
    def currency(self) -> Optional[str]: ...
    @property
    def email(self) -> Optional[str]: ...
    @property
    def customer_id(self) -> Optional[str]: ...
    @property
    def updated_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class Session:
    """A signed-in session. Its tokens are not here: the client keeps them (the access token
    authenticates its later calls, the refresh token renews it)."""
    @property
    def token_type(self) -> Optional[str]: ...
    @property
    def expires_in(self) -> Optional[int]: ...
    @property
    def expires_at(self) -> Optional[str]: ...

class SwapQuote:
    """A swap quote: what an execution of it would give, until it expires. ``raw`` is the whole
    object, with the fields no property names."""
    @property
    def id(self) -> str: ...
    @property
    def from_asset_id(self) -> Optional[str]: ...
    @property
    def to_asset_id(self) -> Optional[str]: ...
    @property
    def from_chain(self) -> Optional[str]: ...
    @property
    def from_ticker(self) -> Optional[str]: ...
    @property
    def to_chain(self) -> Optional[str]: ...
    @property
    def to_ticker(self) -> Optional[str]: ...
    @property
    def from_amount(self) -> Optional[Decimal]: ...
    @property
    def to_amount(self) -> Optional[Decimal]: ...
    @property
    def rate(self) -> Optional[Decimal]: ...
    @property
    def fee(self) -> Optional[Decimal]: ...
    @property
    def expires_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class SwapExecution:
    """The answer to swap execute. idempotency_key is always the key the call carried. ``raw``
    is the whole object, with the fields no property names."""
    @property
    def id(self) -> Optional[str]: ...
    @property
    def quote_id(self) -> Optional[str]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def from_chain(self) -> Optional[str]: ...
    @property
    def from_ticker(self) -> Optional[str]: ...
    @property
    def to_chain(self) -> Optional[str]: ...
    @property
    def to_ticker(self) -> Optional[str]: ...
    @property
    def from_amount(self) -> Optional[Decimal]: ...
    @property
    def to_amount(self) -> Optional[Decimal]: ...
    @property
    def fee(self) -> Optional[Decimal]: ...
    @property
    def rate(self) -> Optional[Decimal]: ...
    @property
    def from_asset_id(self) -> Optional[str]: ...
    @property
    def to_asset_id(self) -> Optional[str]: ...
    @property
    def to_address(self) -> Optional[str]: ...
    @property
    def from_tx_hash(self) -> Optional[str]: ...
    @property
    def to_tx_hash(self) -> Optional[str]: ...
    @property
    def idempotency_key(self) -> str: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class SwapHistoryItem:
    """One swap of the history. ``raw`` is the whole object, with the fields no property names."""
    @property
    def id(self) -> str: ...
    @property
    def quote_id(self) -> Optional[str]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def from_chain(self) -> Optional[str]: ...
    @property
    def from_ticker(self) -> Optional[str]: ...
    @property
    def to_chain(self) -> Optional[str]: ...
    @property
    def to_ticker(self) -> Optional[str]: ...
    @property
    def from_amount(self) -> Optional[Decimal]: ...
    @property
    def to_amount(self) -> Optional[Decimal]: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

class WebhookDelivery:
    """One delivery of an event to a webhook, with its attempts so far. ``raw`` is the whole
    object, with the fields no property names."""
    @property
    def id(self) -> str: ...
    @property
    def event_id(self) -> Optional[str]: ...
    @property
    def type(self) -> Optional[str]: ...
    @property
    def webhook_id(self) -> Optional[str]: ...
    @property
    def status(self) -> Optional[str]: ...
    @property
    def attempts(self) -> Optional[int]: ...
    @property
    def last_status_code(self) -> Optional[int]: ...
    @property
    def last_error(self) -> Optional[str]: ...
    @property
    def created_at(self) -> Optional[str]: ...
    @property
    def delivered_at(self) -> Optional[str]: ...
    @property
    def raw(self) -> Dict[str, Any]: ...

# END GENERATED: records

class Client:
    def __init__(
        self,
        api_key: Optional[str],
        api_secret: Optional[str],
        access_token: Optional[str],
        auth: Optional[str],
        environment: Optional[str],
        base_url: Optional[str],
        totp_secret: Optional[str],
        totp_period: Optional[float],
        timeout: Optional[float],
        connect_timeout: Optional[float],
        attempt_timeout: Optional[float],
        max_retries: Optional[int],
        refresh_margin: Optional[float],
        logger: Any,
        log_level: str,
        ca_file: Optional[str],
        ca_path: Optional[str],
        ca_blob: Union[str, bytes, None],
        pinned_public_key: Optional[str],
        proxy: Optional[str],
    ) -> None: ...
    def close(self) -> None: ...
    @property
    def closed(self) -> bool: ...
    @property
    def base_url(self) -> str: ...
    def set_credentials(self, api_key: str, api_secret: str) -> None: ...
    def set_access_token(self, token: str) -> None: ...
    def rate_limit(self) -> Optional[RateLimit]: ...
    def token(self, timeout: Optional[float]) -> AccessToken: ...
    # BEGIN GENERATED: endpoints (python3 -m codegen from api/endpoints.toml; do not edit)
    def create_api_key(
        self,
        *,
        name: str,
        permissions: Sequence[str],
        expires_in_days: Optional[int],
        allowed_ips: Optional[Sequence[str]],
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> ApiKey: ...
    def list_api_keys(
        self,
        *,
        timeout: Optional[float],
    ) -> List[ApiKey]: ...
    def get_api_key(
        self,
        *,
        key_id: str,
        timeout: Optional[float],
    ) -> ApiKey: ...
    def rotate_api_key(
        self,
        *,
        key_id: str,
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> ApiKey: ...
    def update_api_key_permissions(
        self,
        *,
        key_id: str,
        permissions: Sequence[str],
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> ApiKey: ...
    def revoke_api_key(
        self,
        *,
        key_id: str,
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> None: ...
    def list_accounts(
        self,
        *,
        timeout: Optional[float],
    ) -> List[Account]: ...
    def create_account(
        self,
        *,
        account_name: str,
        account_type: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Account: ...
    def get_account_connections(
        self,
        *,
        account_id: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def create_account_connections(
        self,
        *,
        account_id: str,
        chains: Optional[Sequence[str]],
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def list_user_accounts(
        self,
        *,
        user_id: str,
        timeout: Optional[float],
    ) -> List[Account]: ...
    def add_asset(
        self,
        *,
        account_id: str,
        chain: str,
        ticker: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Asset: ...
    def list_assets(
        self,
        *,
        account_id: Optional[str],
        timeout: Optional[float],
    ) -> List[Asset]: ...
    def list_supported_assets(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def list_chains(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def add_assets(
        self,
        *,
        account_id: str,
        chains: Sequence[str],
        tickers: Optional[Sequence[str]],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> List[Asset]: ...
    def list_user_assets(
        self,
        *,
        user_id: str,
        timeout: Optional[float],
    ) -> List[Asset]: ...
    def archive_asset(
        self,
        *,
        asset_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Asset: ...
    def add_gas_station(
        self,
        *,
        chain: str,
        ticker: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Asset: ...
    def list_gas_stations(
        self,
        *,
        timeout: Optional[float],
    ) -> List[Asset]: ...
    def add_customer_asset(
        self,
        *,
        customer_id: str,
        chain: str,
        ticker: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Asset: ...
    def list_customer_assets(
        self,
        *,
        customer_id: Optional[str],
        timeout: Optional[float],
    ) -> List[Asset]: ...
    def check_balance(
        self,
        *,
        asset_id: str,
        timeout: Optional[float],
    ) -> Balance: ...
    def gas_price(
        self,
        *,
        chain: str,
        priority: Optional[str],
        amount_usd: Optional[Any],
        asset_id: Optional[str],
        token_symbol: Optional[str],
        extra_fields: Dict[str, Any],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def send_funds(
        self,
        *,
        account: str,
        assets: str,
        receiving_address: str,
        amount: Any,
        type: str,
        chain: str,
        category: str,
        priority: Optional[str],
        description: Optional[str],
        use_self_funding: Optional[bool],
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Transfer: ...
    def list_transactions(
        self,
        *,
        page: Optional[int],
        limit: Optional[int],
        status: Optional[str],
        chain: Optional[str],
        search: Optional[str],
        timeout: Optional[float],
    ) -> List[Transaction]: ...
    def get_transaction(
        self,
        *,
        transaction_id: str,
        timeout: Optional[float],
    ) -> Transaction: ...
    def cancel_transaction(
        self,
        *,
        transaction_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def asset_history(
        self,
        *,
        asset_id: str,
        page: Optional[int],
        limit: Optional[int],
        timeout: Optional[float],
    ) -> List[Transaction]: ...
    def create_webhook(
        self,
        *,
        url: str,
        events: Sequence[str],
        description: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Webhook: ...
    def list_webhooks(
        self,
        *,
        timeout: Optional[float],
    ) -> List[Webhook]: ...
    def delete_webhook(
        self,
        *,
        webhook_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> None: ...
    def get_webhook(
        self,
        *,
        webhook_id: str,
        timeout: Optional[float],
    ) -> Webhook: ...
    def update_webhook(
        self,
        *,
        webhook_id: str,
        url: Optional[str],
        events: Optional[Sequence[str]],
        description: Optional[str],
        status: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Webhook: ...
    def activate_webhook(
        self,
        *,
        webhook_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Webhook: ...
    def deactivate_webhook(
        self,
        *,
        webhook_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Webhook: ...
    def list_webhook_events(
        self,
        *,
        webhook_id: str,
        page: Optional[int],
        limit: Optional[int],
        status: Optional[str],
        timeout: Optional[float],
    ) -> List[WebhookDelivery]: ...
    def test_webhook(
        self,
        *,
        webhook_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def transaction_analytics(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def dashboard_analytics(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def list_forwarding_rules(
        self,
        *,
        timeout: Optional[float],
    ) -> List[AutoForwardingRule]: ...
    def get_forwarding_rule(
        self,
        *,
        rule_id: str,
        timeout: Optional[float],
    ) -> AutoForwardingRule: ...
    def create_forwarding_rule(
        self,
        *,
        destination_address: str,
        percentage: Any,
        monitoring_mode: str,
        asset_id: str,
        chain: str,
        monitored_accounts: Optional[Sequence[str]],
        minimum_amount: Optional[Any],
        maximum_amount: Optional[Any],
        description: Optional[str],
        enabled: Optional[bool],
        settings: Optional[Any],
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AutoForwardingRule: ...
    def update_forwarding_rule(
        self,
        *,
        rule_id: str,
        destination_address: Optional[str],
        percentage: Optional[Any],
        monitoring_mode: Optional[str],
        monitored_accounts: Optional[Sequence[str]],
        minimum_amount: Optional[Any],
        maximum_amount: Optional[Any],
        description: Optional[str],
        enabled: Optional[bool],
        settings: Optional[Any],
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AutoForwardingRule: ...
    def delete_forwarding_rule(
        self,
        *,
        rule_id: str,
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> None: ...
    def card_issuer_apply(
        self,
        *,
        funding_structure: str,
        iban_enabled: Optional[bool],
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def card_issuer_get_program(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def card_issuer_get_wallets(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def card_issuer_fund_customer(
        self,
        *,
        customer_id: str,
        amount: Any,
        source_chain: str,
        pricing_mode: Optional[str],
        destination_token: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> CardFunding: ...
    def card_issuer_trigger_manual_funding(
        self,
        *,
        deposit_id: str,
        destination_token: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> CardFunding: ...
    def card_issuer_get_customer_wallets(
        self,
        *,
        customer_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def card_issuer_list_customers(
        self,
        *,
        page: Optional[int],
        limit: Optional[int],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def card_issuer_get_funding_addresses(
        self,
        *,
        customer_id: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def card_issuer_list_deposits(
        self,
        *,
        page: Optional[int],
        limit: Optional[int],
        status: Optional[str],
        chain: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def card_issuer_get_funding_history(
        self,
        *,
        page: Optional[int],
        limit: Optional[int],
        status: Optional[str],
        customer_id: Optional[str],
        chain: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_onboard(
        self,
        *,
        email: str,
        first_name: str,
        last_name: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> CardAccount: ...
    def cards_get_kyc_status(
        self,
        *,
        timeout: Optional[float],
    ) -> CardAccount: ...
    def cards_accept_terms(
        self,
        *,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_deploy_safe(
        self,
        *,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_list(
        self,
        *,
        timeout: Optional[float],
    ) -> List[Card]: ...
    def cards_create(
        self,
        *,
        card_type: Optional[str],
        display_name: Optional[str],
        spending_limit_amount: Optional[Any],
        spending_limit_frequency: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Card: ...
    def cards_freeze(
        self,
        *,
        card_id: str,
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Card: ...
    def cards_unfreeze(
        self,
        *,
        card_id: str,
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Card: ...
    def cards_void(
        self,
        *,
        card_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Card: ...
    def cards_request_pin_otp(
        self,
        *,
        card_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_set_pin(
        self,
        *,
        card_id: str,
        otp: str,
        pin: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_get_ephemeral_token(
        self,
        *,
        yativo_card_id: str,
        card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_get_wallet(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_get_funding_address(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_get_customer_funding_address(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_get_dispute_reasons(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_dispute_transaction(
        self,
        *,
        yativo_card_id: str,
        transaction_id: str,
        reason_code: str,
        description: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_get_customer_dispute_reasons(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_dispute_customer_transaction(
        self,
        *,
        yativo_card_id: str,
        transaction_id: str,
        reason_code: str,
        description: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_get_spending_limits(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
    ) -> SpendingLimits: ...
    def cards_set_daily_spending_limit(
        self,
        *,
        yativo_card_id: str,
        daily_limit: Any,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> SpendingLimits: ...
    def cards_get_customer_spending_limits(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
    ) -> SpendingLimits: ...
    def cards_set_customer_daily_spending_limit(
        self,
        *,
        yativo_card_id: str,
        daily_limit: Any,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> SpendingLimits: ...
    def cards_get_user_profile(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_get_customer_profile(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_list_customer_cards(
        self,
        *,
        customer_id: str,
        timeout: Optional[float],
    ) -> List[Card]: ...
    def cards_create_customer_card(
        self,
        *,
        customer_id: str,
        card_type: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Card: ...
    def cards_get_customer_ephemeral_token(
        self,
        *,
        yativo_card_id: str,
        card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_subscribe_webhook(
        self,
        *,
        yativo_card_id: str,
        callback_url: str,
        events: Optional[Sequence[str]],
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_unsubscribe_webhook(
        self,
        *,
        yativo_card_id: str,
        subscription_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_get_physical_card_order_status(
        self,
        *,
        yativo_card_id: str,
        order_id: str,
        timeout: Optional[float],
    ) -> CardOrder: ...
    def cards_list_physical_card_orders(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
    ) -> List[CardOrder]: ...
    def cards_cancel_physical_card_order(
        self,
        *,
        yativo_card_id: str,
        order_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> CardOrder: ...
    def cards_attach_order_payment(
        self,
        *,
        yativo_card_id: str,
        order_id: str,
        payment_data: Dict[str, Any],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> CardOrderPayment: ...
    def cards_set_physical_card_pin(
        self,
        *,
        yativo_card_id: str,
        card_id: str,
        encrypted_pin: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def cards_activate_iban(
        self,
        *,
        yativo_card_id: str,
        kyc_method: str,
        sumsub_token: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> IbanStatus: ...
    def cards_get_iban_status(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
    ) -> IbanStatus: ...
    def cards_get_transactions(
        self,
        *,
        yativo_card_id: str,
        card_id: str,
        limit: Optional[int],
        offset: Optional[int],
        status: Optional[str],
        from_date: Optional[str],
        to_date: Optional[str],
        timeout: Optional[float],
    ) -> List[CardTransaction]: ...
    def cards_get_all_transactions(
        self,
        *,
        yativo_card_id: str,
        limit: Optional[int],
        offset: Optional[int],
        status: Optional[str],
        timeout: Optional[float],
    ) -> List[CardTransaction]: ...
    def cards_create_physical_card_order(
        self,
        *,
        yativo_card_id: str,
        shipping_address: Any,
        personalization: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> CardOrder: ...
    def create_customer(
        self,
        *,
        email: str,
        name: Optional[str],
        phone: Optional[str],
        metadata: Optional[Any],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Customer: ...
    def list_customers(
        self,
        *,
        page: Optional[int],
        limit: Optional[int],
        search: Optional[str],
        customer_id: Optional[str],
        timeout: Optional[float],
    ) -> List[Customer]: ...
    def customer_transactions(
        self,
        *,
        customer_id: str,
        page: Optional[int],
        limit: Optional[int],
        timeout: Optional[float],
    ) -> List[Transaction]: ...
    def iban_get_options(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def iban_initialize(
        self,
        *,
        email: str,
        customer_id: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> IbanStatus: ...
    def iban_request(
        self,
        *,
        customer_id: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> IbanStatus: ...
    def iban_submit_kyc(
        self,
        *,
        kyc: Any,
        email: Optional[str],
        customer_id: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> IbanStatus: ...
    def iban_get_status(
        self,
        *,
        customer_id: Optional[str],
        timeout: Optional[float],
    ) -> IbanStatus: ...
    def register_user(
        self,
        *,
        email: str,
        password: str,
        username: Optional[str],
        first_name: Optional[str],
        last_name: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Session: ...
    def sign_in(
        self,
        *,
        email: str,
        role: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def verify_otp(
        self,
        *,
        otp: str,
        email: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Session: ...
    def resend_otp(
        self,
        *,
        email: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def google_auth_details(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def google_auth_enable(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def google_auth_verify(
        self,
        *,
        code: str,
        email: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Session: ...
    def passkey_options(
        self,
        *,
        email: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def passkey_verify(
        self,
        *,
        assertion: Dict[str, Any],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> Session: ...
    def refresh_session(
        self,
        *,
        timeout: Optional[float],
    ) -> Session: ...
    def swap_get_assets(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def swap_get_routes(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def swap_get_quote(
        self,
        *,
        data: Dict[str, Any],
        timeout: Optional[float],
    ) -> SwapQuote: ...
    def swap_execute(
        self,
        *,
        data: Dict[str, Any],
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> SwapExecution: ...
    def swap_get_history(
        self,
        *,
        limit: Optional[int],
        offset: Optional[int],
        status: Optional[str],
        timeout: Optional[float],
    ) -> List[SwapHistoryItem]: ...
    # END GENERATED: endpoints
    def request(
        self,
        method: str,
        path: str,
        json: Any,
        idempotency_key: Optional[str],
        totp_code: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...

_T = TypeVar("_T")

class AsyncCall(Generic[_T]):
    @property
    def future(self) -> "asyncio.Future[_T]": ...
    def cancel(self) -> None: ...
    @property
    def done(self) -> bool: ...

class AsyncClient:
    def __init__(self, client: Client, max_host_connections: Optional[int] = ...) -> None: ...
    @property
    def client(self) -> Client: ...
    def close(self) -> None: ...
    @property
    def in_flight(self) -> int: ...
    def token(self, timeout: Optional[float]) -> AsyncCall[AccessToken]: ...
    def request(
        self,
        method: str,
        path: str,
        json: Any,
        idempotency_key: Optional[str],
        totp_code: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    # BEGIN GENERATED: async endpoints (python3 -m codegen from api/endpoints.toml; do not edit)
    def create_api_key(
        self,
        *,
        name: str,
        permissions: Sequence[str],
        expires_in_days: Optional[int],
        allowed_ips: Optional[Sequence[str]],
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[ApiKey]: ...
    def list_api_keys(
        self,
        *,
        timeout: Optional[float],
    ) -> AsyncCall[List[ApiKey]]: ...
    def get_api_key(
        self,
        *,
        key_id: str,
        timeout: Optional[float],
    ) -> AsyncCall[ApiKey]: ...
    def rotate_api_key(
        self,
        *,
        key_id: str,
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[ApiKey]: ...
    def update_api_key_permissions(
        self,
        *,
        key_id: str,
        permissions: Sequence[str],
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[ApiKey]: ...
    def revoke_api_key(
        self,
        *,
        key_id: str,
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[None]: ...
    def list_accounts(
        self,
        *,
        timeout: Optional[float],
    ) -> AsyncCall[List[Account]]: ...
    def create_account(
        self,
        *,
        account_name: str,
        account_type: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Account]: ...
    def get_account_connections(
        self,
        *,
        account_id: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def create_account_connections(
        self,
        *,
        account_id: str,
        chains: Optional[Sequence[str]],
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def list_user_accounts(
        self,
        *,
        user_id: str,
        timeout: Optional[float],
    ) -> AsyncCall[List[Account]]: ...
    def add_asset(
        self,
        *,
        account_id: str,
        chain: str,
        ticker: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Asset]: ...
    def list_assets(
        self,
        *,
        account_id: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[List[Asset]]: ...
    def list_supported_assets(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def list_chains(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def add_assets(
        self,
        *,
        account_id: str,
        chains: Sequence[str],
        tickers: Optional[Sequence[str]],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[List[Asset]]: ...
    def list_user_assets(
        self,
        *,
        user_id: str,
        timeout: Optional[float],
    ) -> AsyncCall[List[Asset]]: ...
    def archive_asset(
        self,
        *,
        asset_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Asset]: ...
    def add_gas_station(
        self,
        *,
        chain: str,
        ticker: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Asset]: ...
    def list_gas_stations(
        self,
        *,
        timeout: Optional[float],
    ) -> AsyncCall[List[Asset]]: ...
    def add_customer_asset(
        self,
        *,
        customer_id: str,
        chain: str,
        ticker: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Asset]: ...
    def list_customer_assets(
        self,
        *,
        customer_id: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[List[Asset]]: ...
    def check_balance(
        self,
        *,
        asset_id: str,
        timeout: Optional[float],
    ) -> AsyncCall[Balance]: ...
    def gas_price(
        self,
        *,
        chain: str,
        priority: Optional[str],
        amount_usd: Optional[Any],
        asset_id: Optional[str],
        token_symbol: Optional[str],
        extra_fields: Dict[str, Any],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def send_funds(
        self,
        *,
        account: str,
        assets: str,
        receiving_address: str,
        amount: Any,
        type: str,
        chain: str,
        category: str,
        priority: Optional[str],
        description: Optional[str],
        use_self_funding: Optional[bool],
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Transfer]: ...
    def list_transactions(
        self,
        *,
        page: Optional[int],
        limit: Optional[int],
        status: Optional[str],
        chain: Optional[str],
        search: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[List[Transaction]]: ...
    def get_transaction(
        self,
        *,
        transaction_id: str,
        timeout: Optional[float],
    ) -> AsyncCall[Transaction]: ...
    def cancel_transaction(
        self,
        *,
        transaction_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def asset_history(
        self,
        *,
        asset_id: str,
        page: Optional[int],
        limit: Optional[int],
        timeout: Optional[float],
    ) -> AsyncCall[List[Transaction]]: ...
    def create_webhook(
        self,
        *,
        url: str,
        events: Sequence[str],
        description: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Webhook]: ...
    def list_webhooks(
        self,
        *,
        timeout: Optional[float],
    ) -> AsyncCall[List[Webhook]]: ...
    def delete_webhook(
        self,
        *,
        webhook_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[None]: ...
    def get_webhook(
        self,
        *,
        webhook_id: str,
        timeout: Optional[float],
    ) -> AsyncCall[Webhook]: ...
    def update_webhook(
        self,
        *,
        webhook_id: str,
        url: Optional[str],
        events: Optional[Sequence[str]],
        description: Optional[str],
        status: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Webhook]: ...
    def activate_webhook(
        self,
        *,
        webhook_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Webhook]: ...
    def deactivate_webhook(
        self,
        *,
        webhook_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Webhook]: ...
    def list_webhook_events(
        self,
        *,
        webhook_id: str,
        page: Optional[int],
        limit: Optional[int],
        status: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[List[WebhookDelivery]]: ...
    def test_webhook(
        self,
        *,
        webhook_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def transaction_analytics(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def dashboard_analytics(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def list_forwarding_rules(
        self,
        *,
        timeout: Optional[float],
    ) -> AsyncCall[List[AutoForwardingRule]]: ...
    def get_forwarding_rule(
        self,
        *,
        rule_id: str,
        timeout: Optional[float],
    ) -> AsyncCall[AutoForwardingRule]: ...
    def create_forwarding_rule(
        self,
        *,
        destination_address: str,
        percentage: Any,
        monitoring_mode: str,
        asset_id: str,
        chain: str,
        monitored_accounts: Optional[Sequence[str]],
        minimum_amount: Optional[Any],
        maximum_amount: Optional[Any],
        description: Optional[str],
        enabled: Optional[bool],
        settings: Optional[Any],
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[AutoForwardingRule]: ...
    def update_forwarding_rule(
        self,
        *,
        rule_id: str,
        destination_address: Optional[str],
        percentage: Optional[Any],
        monitoring_mode: Optional[str],
        monitored_accounts: Optional[Sequence[str]],
        minimum_amount: Optional[Any],
        maximum_amount: Optional[Any],
        description: Optional[str],
        enabled: Optional[bool],
        settings: Optional[Any],
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[AutoForwardingRule]: ...
    def delete_forwarding_rule(
        self,
        *,
        rule_id: str,
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[None]: ...
    def card_issuer_apply(
        self,
        *,
        funding_structure: str,
        iban_enabled: Optional[bool],
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def card_issuer_get_program(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def card_issuer_get_wallets(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def card_issuer_fund_customer(
        self,
        *,
        customer_id: str,
        amount: Any,
        source_chain: str,
        pricing_mode: Optional[str],
        destination_token: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[CardFunding]: ...
    def card_issuer_trigger_manual_funding(
        self,
        *,
        deposit_id: str,
        destination_token: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[CardFunding]: ...
    def card_issuer_get_customer_wallets(
        self,
        *,
        customer_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def card_issuer_list_customers(
        self,
        *,
        page: Optional[int],
        limit: Optional[int],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def card_issuer_get_funding_addresses(
        self,
        *,
        customer_id: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def card_issuer_list_deposits(
        self,
        *,
        page: Optional[int],
        limit: Optional[int],
        status: Optional[str],
        chain: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def card_issuer_get_funding_history(
        self,
        *,
        page: Optional[int],
        limit: Optional[int],
        status: Optional[str],
        customer_id: Optional[str],
        chain: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_onboard(
        self,
        *,
        email: str,
        first_name: str,
        last_name: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[CardAccount]: ...
    def cards_get_kyc_status(
        self,
        *,
        timeout: Optional[float],
    ) -> AsyncCall[CardAccount]: ...
    def cards_accept_terms(
        self,
        *,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_deploy_safe(
        self,
        *,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_list(
        self,
        *,
        timeout: Optional[float],
    ) -> AsyncCall[List[Card]]: ...
    def cards_create(
        self,
        *,
        card_type: Optional[str],
        display_name: Optional[str],
        spending_limit_amount: Optional[Any],
        spending_limit_frequency: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Card]: ...
    def cards_freeze(
        self,
        *,
        card_id: str,
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Card]: ...
    def cards_unfreeze(
        self,
        *,
        card_id: str,
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Card]: ...
    def cards_void(
        self,
        *,
        card_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Card]: ...
    def cards_request_pin_otp(
        self,
        *,
        card_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_set_pin(
        self,
        *,
        card_id: str,
        otp: str,
        pin: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_get_ephemeral_token(
        self,
        *,
        yativo_card_id: str,
        card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_get_wallet(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_get_funding_address(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_get_customer_funding_address(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_get_dispute_reasons(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_dispute_transaction(
        self,
        *,
        yativo_card_id: str,
        transaction_id: str,
        reason_code: str,
        description: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_get_customer_dispute_reasons(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_dispute_customer_transaction(
        self,
        *,
        yativo_card_id: str,
        transaction_id: str,
        reason_code: str,
        description: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_get_spending_limits(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
    ) -> AsyncCall[SpendingLimits]: ...
    def cards_set_daily_spending_limit(
        self,
        *,
        yativo_card_id: str,
        daily_limit: Any,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[SpendingLimits]: ...
    def cards_get_customer_spending_limits(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
    ) -> AsyncCall[SpendingLimits]: ...
    def cards_set_customer_daily_spending_limit(
        self,
        *,
        yativo_card_id: str,
        daily_limit: Any,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[SpendingLimits]: ...
    def cards_get_user_profile(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_get_customer_profile(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_list_customer_cards(
        self,
        *,
        customer_id: str,
        timeout: Optional[float],
    ) -> AsyncCall[List[Card]]: ...
    def cards_create_customer_card(
        self,
        *,
        customer_id: str,
        card_type: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Card]: ...
    def cards_get_customer_ephemeral_token(
        self,
        *,
        yativo_card_id: str,
        card_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_subscribe_webhook(
        self,
        *,
        yativo_card_id: str,
        callback_url: str,
        events: Optional[Sequence[str]],
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_unsubscribe_webhook(
        self,
        *,
        yativo_card_id: str,
        subscription_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_get_physical_card_order_status(
        self,
        *,
        yativo_card_id: str,
        order_id: str,
        timeout: Optional[float],
    ) -> AsyncCall[CardOrder]: ...
    def cards_list_physical_card_orders(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
    ) -> AsyncCall[List[CardOrder]]: ...
    def cards_cancel_physical_card_order(
        self,
        *,
        yativo_card_id: str,
        order_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[CardOrder]: ...
    def cards_attach_order_payment(
        self,
        *,
        yativo_card_id: str,
        order_id: str,
        payment_data: Dict[str, Any],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[CardOrderPayment]: ...
    def cards_set_physical_card_pin(
        self,
        *,
        yativo_card_id: str,
        card_id: str,
        encrypted_pin: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def cards_activate_iban(
        self,
        *,
        yativo_card_id: str,
        kyc_method: str,
        sumsub_token: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[IbanStatus]: ...
    def cards_get_iban_status(
        self,
        *,
        yativo_card_id: str,
        timeout: Optional[float],
    ) -> AsyncCall[IbanStatus]: ...
    def cards_get_transactions(
        self,
        *,
        yativo_card_id: str,
        card_id: str,
        limit: Optional[int],
        offset: Optional[int],
        status: Optional[str],
        from_date: Optional[str],
        to_date: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[List[CardTransaction]]: ...
    def cards_get_all_transactions(
        self,
        *,
        yativo_card_id: str,
        limit: Optional[int],
        offset: Optional[int],
        status: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[List[CardTransaction]]: ...
    def cards_create_physical_card_order(
        self,
        *,
        yativo_card_id: str,
        shipping_address: Any,
        personalization: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[CardOrder]: ...
    def create_customer(
        self,
        *,
        email: str,
        name: Optional[str],
        phone: Optional[str],
        metadata: Optional[Any],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Customer]: ...
    def list_customers(
        self,
        *,
        page: Optional[int],
        limit: Optional[int],
        search: Optional[str],
        customer_id: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[List[Customer]]: ...
    def customer_transactions(
        self,
        *,
        customer_id: str,
        page: Optional[int],
        limit: Optional[int],
        timeout: Optional[float],
    ) -> AsyncCall[List[Transaction]]: ...
    def iban_get_options(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def iban_initialize(
        self,
        *,
        email: str,
        customer_id: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[IbanStatus]: ...
    def iban_request(
        self,
        *,
        customer_id: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[IbanStatus]: ...
    def iban_submit_kyc(
        self,
        *,
        kyc: Any,
        email: Optional[str],
        customer_id: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[IbanStatus]: ...
    def iban_get_status(
        self,
        *,
        customer_id: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[IbanStatus]: ...
    def register_user(
        self,
        *,
        email: str,
        password: str,
        username: Optional[str],
        first_name: Optional[str],
        last_name: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Session]: ...
    def sign_in(
        self,
        *,
        email: str,
        role: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def verify_otp(
        self,
        *,
        otp: str,
        email: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Session]: ...
    def resend_otp(
        self,
        *,
        email: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def google_auth_details(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def google_auth_enable(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def google_auth_verify(
        self,
        *,
        code: str,
        email: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Session]: ...
    def passkey_options(
        self,
        *,
        email: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def passkey_verify(
        self,
        *,
        assertion: Dict[str, Any],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[Session]: ...
    def refresh_session(
        self,
        *,
        timeout: Optional[float],
    ) -> AsyncCall[Session]: ...
    def swap_get_assets(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def swap_get_routes(
        self,
        *,
        timeout: Optional[float],
        envelope: bool,
    ) -> AsyncCall[Any]: ...
    def swap_get_quote(
        self,
        *,
        data: Dict[str, Any],
        timeout: Optional[float],
    ) -> AsyncCall[SwapQuote]: ...
    def swap_execute(
        self,
        *,
        data: Dict[str, Any],
        totp_code: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[SwapExecution]: ...
    def swap_get_history(
        self,
        *,
        limit: Optional[int],
        offset: Optional[int],
        status: Optional[str],
        timeout: Optional[float],
    ) -> AsyncCall[List[SwapHistoryItem]]: ...
    # END GENERATED: async endpoints

class AsyncTransactionPager:
    def __init__(
        self,
        client: AsyncClient,
        *,
        page: Optional[int] = ...,
        limit: Optional[int] = ...,
        status: Optional[str] = ...,
        chain: Optional[str] = ...,
        search: Optional[str] = ...,
        timeout: Optional[float] = ...,
    ) -> None: ...
    def next_page(self) -> AsyncCall[Optional[List[Transaction]]]: ...
    @property
    def done(self) -> bool: ...

class TransactionPager:
    def __init__(
        self,
        client: Client,
        *,
        page: Optional[int] = ...,
        limit: Optional[int] = ...,
        status: Optional[str] = ...,
        chain: Optional[str] = ...,
        search: Optional[str] = ...,
        timeout: Optional[float] = ...,
    ) -> None: ...
    def next_page(self) -> Optional[List[Transaction]]: ...
    @property
    def done(self) -> bool: ...

def version() -> str: ...
def totp(secret: str, at: Optional[int], period: Optional[float], digits: int) -> str: ...
def verify_webhook(
    body: bytes,
    headers: Mapping[str, str],
    secret: str,
    tolerance: Optional[float],
    require_timestamp: bool,
) -> Event: ...
def sign_webhook(body: bytes, secret: str, timestamp: Optional[int]) -> Dict[str, str]: ...

class WebhookVerifier:
    def __init__(
        self,
        secret: str,
        window: Optional[float],
        max_events: Optional[int],
        tolerance: Optional[float],
        require_timestamp: bool,
    ) -> None: ...
    def verify(self, body: bytes, headers: Mapping[str, str]) -> Event: ...
    @property
    def window(self) -> int: ...
    @property
    def max_events(self) -> int: ...
    @property
    def remembered(self) -> int: ...
def _status_table() -> List[Tuple[str, int, str, str]]: ...
def _set_error_classes(classes: Dict[int, type], status_enum: Any) -> None: ...
