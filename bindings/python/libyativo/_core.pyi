"""Type declarations for libyativo._core, the pybind11 module over the C++ core."""

from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

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
        envelope: bool,
    ) -> Any: ...
    def create_account(
        self,
        *,
        account_name: str,
        account_type: Optional[str],
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def add_asset(
        self,
        *,
        account_id: str,
        chain: str,
        ticker: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def list_assets(
        self,
        *,
        account_id: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def check_balance(
        self,
        *,
        asset_id: str,
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
    def gas_price(
        self,
        *,
        chain: str,
        priority: Optional[str],
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
        envelope: bool,
    ) -> Dict[str, Any]: ...
    def list_transactions(
        self,
        *,
        page: Optional[int],
        limit: Optional[int],
        status: Optional[str],
        chain: Optional[str],
        search: Optional[str],
        timeout: Optional[float],
        envelope: bool,
    ) -> Any: ...
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
        envelope: bool,
    ) -> Any: ...
    def delete_webhook(
        self,
        *,
        webhook_id: str,
        idempotency_key: Optional[str],
        timeout: Optional[float],
    ) -> None: ...
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
        envelope: bool = ...,
    ) -> None: ...
    def next_page(self) -> Any: ...
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
