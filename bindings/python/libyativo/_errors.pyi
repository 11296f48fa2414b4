"""Type declarations for the exception classes _errors.py builds from the status table."""

import builtins
import enum
from typing import Any, Tuple

class Status(enum.IntEnum):
    OK = 0
    INVALID_ARGUMENT = 100
    AUTHENTICATION = 200
    TWO_FACTOR_REQUIRED = 201
    PERMISSION_DENIED = 202
    NOT_FOUND = 203
    CONFLICT = 204
    VALIDATION = 205
    RATE_LIMITED = 206
    SERVER = 207
    NETWORK = 300
    TIMEOUT = 301
    TLS = 302
    PROTOCOL = 303
    SIGNATURE_INVALID = 400
    CANCELLED = 500
    NO_MEMORY = 501
    INTERNAL = 502

class YativoError(Exception):
    code: Status
    message: str
    http_status: int | None
    error_code: str | None
    details: Any
    request_id: str | None
    retry_after: float | None
    existing_transaction_id: str | None
    idempotency_key: str | None
    outcome_unknown: bool
    retryable: bool
    def __init__(self, message: str = ..., *args: Any) -> None: ...

class InvalidArgumentError(YativoError, ValueError): ...
class AuthenticationError(YativoError): ...
class TwoFactorRequiredError(YativoError): ...
class PermissionDeniedError(YativoError): ...
class NotFoundError(YativoError): ...
class ConflictError(YativoError): ...
class ValidationError(YativoError): ...
class RateLimitError(YativoError): ...
class ServerError(YativoError): ...
class NetworkError(YativoError, ConnectionError): ...
class TimeoutError(YativoError, builtins.TimeoutError): ...
class TLSError(YativoError): ...
class ProtocolError(YativoError): ...
class SignatureVerificationError(YativoError): ...
class CancelledError(YativoError): ...
class InternalError(YativoError): ...

ERROR_CLASS_NAMES: Tuple[str, ...]
