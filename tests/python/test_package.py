"""The package itself: names of SPEC §7, version, typing files."""

from __future__ import annotations

import os

import libyativo as yv

SPEC_NAMES = [
    "YativoCrypto", "ApiKey", "AccessToken", "Webhook", "Event", "RateLimit", "YativoError",
    "totp", "verify_webhook", "sign_webhook", "__version__",
    "InvalidArgumentError", "AuthenticationError", "TwoFactorRequiredError",
    "PermissionDeniedError", "NotFoundError", "ConflictError", "ValidationError",
    "RateLimitError", "ServerError", "NetworkError", "TimeoutError", "TLSError", "ProtocolError",
    "SignatureVerificationError", "CancelledError",
]


# Exported as libyativo.<name>, but kept out of `import *`: it would shadow a builtin.
NOT_STARRED = {"TimeoutError"}


def test_public_names() -> None:
    for name in SPEC_NAMES:
        assert hasattr(yv, name), name
        assert (name in yv.__all__) != (name in NOT_STARRED), name


def test_star_import_keeps_the_builtin_timeout_error() -> None:
    import builtins

    namespace: dict = {}
    exec("from libyativo import *", namespace)
    assert "TimeoutError" not in namespace  # the builtin stays what `TimeoutError` names
    assert "NetworkError" in namespace and "YativoError" in namespace
    assert issubclass(yv.TimeoutError, builtins.TimeoutError)
    assert issubclass(yv.TimeoutError, yv.YativoError)


def test_version_matches_the_project() -> None:
    root = os.environ.get("YV_REPO_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
    cmake = open(os.path.join(root, "CMakeLists.txt")).read()
    assert f"project(libyativo VERSION {yv.__version__} " in cmake


def test_typing_files_ship() -> None:
    pkg = os.path.dirname(yv.__file__)
    for name in ("py.typed", "_core.pyi", "_errors.pyi"):
        assert os.path.exists(os.path.join(pkg, name)), name


def test_client_methods() -> None:
    c = yv.YativoCrypto(access_token="secret-token-xyz", base_url="http://127.0.0.1:1/api/v1")
    for ns, methods in {
        c.api_keys: ["create", "list", "get", "rotate", "update_permissions", "revoke"],
        c.accounts: ["list", "create"],
        c.assets: ["add", "list"],
        c.balance: ["check"],
        c.transactions: ["gas_price", "send_funds", "list", "iterate"],
        c.webhooks: ["create", "list", "delete"],
    }.items():
        for m in methods:
            assert callable(getattr(ns, m)), m
    for m in ("token", "request", "set_credentials", "close", "__enter__", "__exit__"):
        assert callable(getattr(c, m))
    assert c.rate_limit is None
    assert "secret-token-xyz" not in repr(c)
    c.close()


def test_every_public_name_method_and_property_has_a_docstring() -> None:
    """help() and pydoc say something for everything `from libyativo import *` gives: classes,
    functions, their public methods and properties, the client's group attributes (documented
    through its __slots__ dict), Status and its members."""
    import inspect

    missing = []
    for name in yv.__all__:
        obj = getattr(yv, name)
        if not (inspect.isclass(obj) or inspect.isfunction(obj) or inspect.isbuiltin(obj)):
            continue  # a type alias such as Amount
        if not (inspect.getdoc(obj) or "").strip():
            missing.append(name)
        if not inspect.isclass(obj):
            continue
        for attr, member in vars(obj).items():
            if attr.startswith("_") or not (
                    callable(member) or isinstance(member, (property, yv.Status))
                    or inspect.ismemberdescriptor(member)):
                continue  # a plain class attribute (YativoError.code = None)
            if not (inspect.getdoc(getattr(obj, attr)) or "").strip():
                missing.append(f"{name}.{attr}")
    assert missing == []
