"""The official Python SDK (PyPI yativo-crypto-sdk 1.0.1, unchanged) against yativo-sandbox: one
test per method of its 117 (named test_<resource>__<method>; test_coverage.py checks the list
against ../shared/reference/official-sdk-endpoints.md), each building the state it needs through
the SDK itself and asserting what the answer means. The SDK's own flaws against the API
documentation are pinned by the test_flaw_* tests and listed in docs/sandbox.md (Conformance).

Only what the SDK offers is used: its resource methods, set_access_token, set_2fa_token and the
two_factor_code arguments. The sandbox's control endpoints (/__sandbox/...) stand in for the
outside world: a deposit arriving, time passing, an e-mail read, a KYC review."""

from __future__ import annotations

import json
import threading
import time
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, Tuple

import pytest
import yativo
from yativo import AuthenticationError, YativoError

from support import (EVM_ADDRESS, SOLANA_ADDRESS, Codes, ControlError, Sandbox, check, dec,
                     email, field, find_key, find_list, ident, ids, payload, show, unique)

# ---- state built through the SDK ------------------------------------------------------------------


def new_account(sdk: yativo.YativoSDK, name: str = "", kind: str = "personal") -> str:
    return ident(payload(sdk.accounts.create(name or unique("acct"), kind)), "account_id")


def new_asset(sdk: yativo.YativoSDK, account_id: str = "", chain: str = "solana",
              ticker: str = "USDC_SOL") -> str:
    account_id = account_id or new_account(sdk)
    return ident(payload(sdk.assets.create(account_id, chain, ticker)), "asset_id")


def funded_asset(sdk: yativo.YativoSDK, sb: Sandbox, amount: str = "100") -> str:
    asset = new_asset(sdk)
    sb.deposit(asset, amount)
    return asset


def balance(sdk: yativo.YativoSDK, asset_id: str) -> Decimal:
    return dec(field(payload(sdk.assets.get_balance(asset_id)), "balance"))


def user_id(sdk: yativo.YativoSDK) -> str:
    new_account(sdk)
    accounts = find_list(sdk.accounts.list(), "accounts")
    owners = {str(a["user_id"]) for a in accounts if a.get("user_id")}
    check(len(owners) == 1, "the accounts listed should all name one user_id", accounts)
    return owners.pop()


def new_customer(sdk: yativo.YativoSDK, name: str = "Ada Lovelace") -> str:
    return ident(payload(sdk.customers.create(email("customer"), name=name)), "customer_id")


def send(sdk: yativo.YativoSDK, code: Codes, asset: str, amount: str = "1.5",
         with_2fa: bool = False) -> Dict[str, Any]:
    """A transfer to SOLANA_ADDRESS. The sandbox asks send-funds for 2FA only when started with
    --require-2fa-on-send (test_transactions__send sends a code all the same, as the SDK can)."""
    return payload(sdk.transactions.send(asset, SOLANA_ADDRESS, amount, "solana", "USDC_SOL",
                                         two_factor_code=code() if with_2fa else None))


def transactions_of(sdk: yativo.YativoSDK, **params: Any) -> List[Dict[str, Any]]:
    return find_list(sdk.transactions.list(**params), "transactions")


def new_key(sdk: yativo.YativoSDK, code: Codes,
            scopes: Tuple[str, ...] = ("read", "write", "transactions", "webhooks"),
            name: str = "") -> Dict[str, Any]:
    key = payload(sdk.api_keys.create(name or unique("key"), list(scopes), two_factor_code=code()))
    check(key.get("api_key") and key.get("api_secret"), "a new key shows its key and secret", key)
    return key  # type: ignore[no-any-return]


def client_for_key(sb: Sandbox, key: Dict[str, Any]) -> yativo.YativoSDK:
    c = yativo.YativoSDK(base_url=sb.base_url)
    c.auth.get_token(key["api_key"], key["api_secret"])
    check(c.access_token, "auth.get_token stored no access token on the client")
    return c


def refused(call: Any, *args: Any, **kwargs: Any) -> YativoError:
    """The YativoError a call raises (the test fails when it succeeds)."""
    try:
        answer = call(*args, **kwargs)
    except YativoError as e:
        return e
    raise AssertionError(f"{getattr(call, '__qualname__', call)} succeeded: {show(answer)}")


def code_of(e: YativoError) -> str:
    """The code of a refusal as the SDK shows it (in .message), or details.reason when the code
    is the generic `conflict`."""
    if e.message == "conflict" and isinstance(e.details, dict) and e.details.get("reason"):
        return str(e.details["reason"])
    return e.message


def declined_or_refused(sb: Sandbox, card_id: str, amount: str, why: str) -> None:
    """A purchase over a limit: recorded `declined` with its reason, or refused with 422 `why`."""
    try:
        tx = spend(sb, card_id, amount)
    except ControlError as e:
        check(e.body.get("error") == why, f"refused: {why}", e.body)
        return
    check(tx.get("status") == "declined", f"declined: {why}", tx)


class Receiver:
    """A loopback webhook endpoint that records what it receives."""

    def __init__(self) -> None:
        self.received: List[Tuple[Dict[str, str], bytes]] = []
        received = self.received

        class H(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                n = int(self.headers.get("Content-Length") or 0)
                received.append(({k.lower(): v for k, v in self.headers.items()},
                                 self.rfile.read(n)))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait(self, n: int = 1, timeout: float = 5.0) -> List[Tuple[Dict[str, str], bytes]]:
        deadline = time.time() + timeout
        while len(self.received) < n and time.time() < deadline:
            time.sleep(0.05)
        check(len(self.received) >= n, f"expected {n} deliveries, got {len(self.received)}")
        return self.received

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Any:
    r = Receiver()
    yield r
    r.close()


# ---- accounts -------------------------------------------------------------------------------------


def test_accounts__create(sdk: yativo.YativoSDK) -> None:
    name = unique("savings")
    acc = payload(sdk.accounts.create(name, "business"))
    aid = ident(acc, "account_id")
    check(acc.get("account_name") == name and acc.get("account_type") == "business",
          "name and type round-trip", acc)
    listed = find_list(sdk.accounts.list(), "accounts")
    check(aid in ids(listed, "account_id"), "the new account is listed", listed)


def test_accounts__list(sdk: yativo.YativoSDK) -> None:
    a, b = unique("one"), unique("two")
    ia, ib = new_account(sdk, a), new_account(sdk, b)
    listed = {ident(x, "account_id"): x for x in find_list(sdk.accounts.list(), "accounts")}
    check(ia in listed and ib in listed, "both new accounts are listed", listed)
    check(listed[ia].get("account_name") == a and listed[ib].get("account_name") == b,
          "each listed with its name", listed)


def test_accounts__get_by_user_id(sdk: yativo.YativoSDK) -> None:
    uid = user_id(sdk)
    aid = new_account(sdk)
    listed = find_list(sdk.accounts.get_by_user_id(uid), "accounts")
    check(aid in ids(listed, "account_id"), "the user's new account is listed", listed)
    other = refused(sdk.accounts.get_by_user_id, "usr_" + "0" * 24)
    check(other.message in ("not_found", "forbidden"), "another user's id is refused",
          other.message)


def test_accounts__create_connections(sdk: yativo.YativoSDK) -> None:
    aid = new_account(sdk)
    payload(sdk.accounts.create_connections(aid, ["solana", "ethereum"]))
    conns = find_list(sdk.accounts.get_connections(aid), "connections", "wallets")
    chains = {str(c).lower() for c in find_key(conns, "chain")}
    check({"solana", "ethereum"} <= chains, "both chains are connected", conns)
    e = refused(sdk.accounts.create_connections, "acc_" + "0" * 24, ["solana"])
    check(e.message == "not_found", "an unknown account is not_found", e.message)


def test_accounts__get_connections(sdk: yativo.YativoSDK) -> None:
    aid, other = new_account(sdk), new_account(sdk)
    payload(sdk.accounts.create_connections(aid, ["polygon"]))
    payload(sdk.accounts.create_connections(other, ["bsc"]))
    conns = find_list(sdk.accounts.get_connections(aid), "connections", "wallets")
    chains = {str(c).lower() for c in find_key(conns, "chain")}
    check("polygon" in chains and "bsc" not in chains, "only this account's connections", conns)
    e = refused(sdk.accounts.get_connections, "acc_" + "0" * 24)
    check(e.message == "not_found", "an unknown account is not_found", e.message)


# ---- analytics ------------------------------------------------------------------------------------


def volume(answer: Any, key: str, ticker: str = "") -> Decimal:
    """The sum of `key` over the entries of answer (volumes, chart points) of one ticker."""
    total = Decimal(0)
    for lst in find_key(answer, "volumes") + find_key(answer, "chartTransactions"):
        for v in lst:
            if key in v and (not ticker or v.get("ticker", ticker) == ticker):
                total += dec(v[key])
    return total


def test_analytics__get_transaction_analytics(sdk: yativo.YativoSDK, sb: Sandbox,
                                              code: Codes) -> None:
    before = payload(sdk.analytics.get_transaction_analytics())
    send(sdk, code, funded_asset(sdk, sb), "2.5")
    after = payload(sdk.analytics.get_transaction_analytics())
    check(int(field(after, "total_transactions")) == int(field(before, "total_transactions")) + 1,
          "one more transaction", after)
    check(volume(after, "amount", "USDC_SOL") - volume(before, "amount", "USDC_SOL")
          == Decimal("2.5"), "the USDC_SOL volume grows by exactly 2.5", after)


def test_analytics__get_dashboard_analytics(sdk: yativo.YativoSDK, sb: Sandbox,
                                            code: Codes) -> None:
    before = payload(sdk.analytics.get_dashboard_analytics())
    send(sdk, code, funded_asset(sdk, sb), "3.25")
    after = payload(sdk.analytics.get_dashboard_analytics())
    check(int(field(after, "total_transactions")) == int(field(before, "total_transactions")) + 1,
          "one more transaction", after)
    check(int(field(after, "accounts")) == int(field(before, "accounts")) + 1,
          "one more account", after)
    check(volume(after, "totalAmount") - volume(before, "totalAmount") == Decimal("3.25"),
          "the month's total grows by exactly 3.25", after)


# ---- api keys (dialect K2: /apikey/generate, GET /apikey, DELETE /apikey/{id}) ------------------


def test_api_keys__create(sdk: yativo.YativoSDK, sb: Sandbox, code: Codes) -> None:
    name = unique("ci-key")
    key = new_key(sdk, code, ("read",), name)
    kid = ident(key, "key_id")
    check(key.get("name", key.get("key_name")) == name, "the name round-trips", key)
    scopes = key.get("permissions", key.get("scopes"))
    check(scopes == ["read"], "the scopes round-trip", key)
    c = client_for_key(sb, key)  # the new credentials work...
    payload(c.accounts.list())
    e = refused(c.accounts.create, unique("nope"))  # ...with the scopes given, no more
    check(e.message in ("forbidden", "insufficient_permissions"), "a read key cannot create",
          e.message)
    check(kid in ids(find_list(sdk.api_keys.list(), "keys", "api_keys"), "key_id"), "listed")
    # 2FA is required: without a code the SDK reads the 401 as a bad token (see the flaw tests).
    with pytest.raises(YativoError):
        sdk.api_keys.create(unique("no-2fa"), ["read"])


def test_api_keys__list(sdk: yativo.YativoSDK, code: Codes) -> None:
    k1, k2 = new_key(sdk, code, ("read",)), new_key(sdk, code, ("read", "write"))
    listed = {ident(k, "key_id"): k for k in find_list(sdk.api_keys.list(), "keys", "api_keys")}
    for k in (k1, k2):
        check(ident(k, "key_id") in listed, "each new key is listed", listed)
    for k in listed.values():
        check("api_secret" not in k and "secret" not in k, "a list never shows a secret", k)


def test_api_keys__get(sdk: yativo.YativoSDK, code: Codes) -> None:
    name = unique("get-key")
    key = new_key(sdk, code, ("read", "webhooks"), name)
    got = payload(sdk.api_keys.get(ident(key, "key_id")))
    check(ident(got, "key_id") == ident(key, "key_id"), "the same key", got)
    check(got.get("name", got.get("key_name")) == name, "its name", got)
    check(got.get("api_key") == key["api_key"], "its public key", got)
    check("api_secret" not in got, "no secret on a read", got)
    e = refused(sdk.api_keys.get, "key_" + "0" * 24)
    check(e.message == "not_found", "an unknown key is not_found", e.message)


def test_api_keys__revoke(sdk: yativo.YativoSDK, sb: Sandbox, code: Codes) -> None:
    key = new_key(sdk, code)
    c = client_for_key(sb, key)
    payload(sdk.api_keys.revoke(ident(key, "key_id"), two_factor_code=code()))
    got = payload(sdk.api_keys.get(ident(key, "key_id")))
    check(got.get("status") == "revoked", "the key reads as revoked", got)
    with pytest.raises(AuthenticationError):  # its live token died with it
        c.accounts.list()
    with pytest.raises(YativoError):  # and it exchanges no more
        yativo.YativoSDK(base_url=sb.base_url).auth.get_token(key["api_key"], key["api_secret"])


def test_api_keys__rotate(sdk: yativo.YativoSDK, sb: Sandbox, code: Codes) -> None:
    key = new_key(sdk, code)
    rotated = payload(sdk.api_keys.rotate(ident(key, "key_id"), two_factor_code=code()))
    new_secret = rotated.get("api_secret")
    check(new_secret and new_secret != key["api_secret"], "rotation shows a new secret",
          rotated)
    with pytest.raises(YativoError):  # the old secret is dead at once
        yativo.YativoSDK(base_url=sb.base_url).auth.get_token(key["api_key"], key["api_secret"])
    c = client_for_key(sb, {"api_key": rotated.get("api_key", key["api_key"]),
                            "api_secret": new_secret})
    payload(c.accounts.list())


# ---- assets ---------------------------------------------------------------------------------------


def test_assets__get_all_supported(sdk: yativo.YativoSDK) -> None:
    supported = payload(sdk.assets.get_all_supported())
    tickers = {str(t).upper() for k in ("ticker", "ticker_name", "_id")
               for t in find_key(supported, k)}
    check({"USDC_SOL", "SOL"} & tickers, "USDC_SOL or SOL is supported", supported)
    chains = {str(c).lower() for k in ("chain", "chain_name") for c in find_key(supported, k)}
    check("solana" in chains, "solana is supported", supported)


def test_assets__get_chains(sdk: yativo.YativoSDK) -> None:
    chains = find_list(sdk.assets.get_chains(), "chains")
    names = set()
    for c in chains:
        if isinstance(c, str):
            names.add(c.lower())
        else:
            names |= {str(v).lower() for k, v in c.items() if k in ("chain", "name", "id", "code")}
    check({"solana", "ethereum"} <= names, "solana and ethereum are chains", chains)


def test_assets__create(sdk: yativo.YativoSDK) -> None:
    aid = new_account(sdk)
    asset = payload(sdk.assets.create(aid, "solana", "USDC_SOL"))
    asid = ident(asset, "asset_id")
    check(asset.get("chain") == "solana" and asset.get("ticker") == "USDC_SOL",
          "chain and ticker round-trip", asset)
    check(dec(asset.get("balance", "0")) == 0, "a new asset holds 0", asset)
    check(field(asset, "wallet_address", "address"), "it has an address", asset)
    check(asid in ids(find_list(sdk.assets.list(aid), "assets"), "asset_id"), "listed")


def test_assets__create_batch(sdk: yativo.YativoSDK) -> None:
    aid = new_account(sdk)
    answer = payload(sdk.assets.create_batch(aid, ["solana", "ethereum"], ["USDC_SOL", "USDC_ETH"]))
    listed = find_list(sdk.assets.list(aid), "assets")
    pairs = {(a.get("chain"), a.get("ticker")) for a in listed}
    check({("solana", "USDC_SOL"), ("ethereum", "USDC_ETH")} <= pairs,
          "both assets of the batch are in the account", {"answer": answer, "listed": listed})


def test_assets__list(sdk: yativo.YativoSDK) -> None:
    a1, a2 = new_account(sdk), new_account(sdk)
    s1 = new_asset(sdk, a1)
    s2 = new_asset(sdk, a2, "ethereum", "USDC_ETH")
    only1 = ids(find_list(sdk.assets.list(a1), "assets"), "asset_id")
    check(s1 in only1 and s2 not in only1, "the account filter holds", only1)
    every = ids(find_list(sdk.assets.list(), "assets"), "asset_id")
    check({s1, s2} <= every, "without a filter, every asset of the user", every)


def test_assets__get_by_user_id(sdk: yativo.YativoSDK) -> None:
    uid = user_id(sdk)
    asid = new_asset(sdk)
    listed = find_list(sdk.assets.get_by_user_id(uid), "assets")
    check(asid in ids(listed, "asset_id"), "the user's new asset is listed", listed)


def test_assets__archive(sdk: yativo.YativoSDK) -> None:
    aid = new_account(sdk)
    keep, gone = new_asset(sdk, aid), new_asset(sdk, aid, "ethereum", "USDC_ETH")
    payload(sdk.assets.archive(gone))
    listed = {ident(a, "asset_id"): a for a in find_list(sdk.assets.list(aid), "assets")}
    check(keep in listed, "the other asset stays", listed)
    check(gone not in listed or listed[gone].get("status") == "archived",
          "the archived asset is gone from the list or reads archived", listed)
    e = refused(sdk.assets.archive, "ast_" + "0" * 24)
    check(e.message == "not_found", "an unknown asset is not_found", e.message)


def test_assets__get_balance(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    asset = new_asset(sdk)
    check(balance(sdk, asset) == 0, "a new asset holds 0")
    sb.deposit(asset, "12.345678901234567891")
    sb.deposit(asset, "0.000000000000000009")
    b = payload(sdk.assets.get_balance(asset))
    check(dec(field(b, "balance")) == Decimal("12.3456789012345679"), "exact sum of deposits", b)
    e = refused(sdk.assets.get_balance, "ast_" + "0" * 24)
    check(e.message == "not_found", "an unknown asset is not_found", e.message)


def test_assets__create_gas_station(sdk: yativo.YativoSDK) -> None:
    station = payload(sdk.assets.create_gas_station("ethereum", "ETH"))
    sid = ident(station, "station_id", "asset_id")
    check(station.get("chain") == "ethereum" and station.get("ticker") == "ETH",
          "chain and ticker round-trip", station)
    check(field(station, "address", "wallet_address"), "a station has an address", station)
    check(dec(station.get("balance", "0")) == 0, "a new station holds 0", station)
    check(sid in ids(find_list(sdk.assets.get_gas_stations(), "stations", "assets"),
                     "station_id", "asset_id"), "listed")
    e = refused(sdk.assets.create_gas_station, "ethereum", "USDC_ETH")
    check(e.message == "validation_error", "a station holds the native gas token", e.message)


def test_assets__get_gas_stations(sdk: yativo.YativoSDK) -> None:
    sid = ident(payload(sdk.assets.create_gas_station("polygon", "POL")), "station_id", "asset_id")
    stations = find_list(sdk.assets.get_gas_stations(), "stations", "assets")
    mine = [s for s in stations if ident(s, "station_id", "asset_id") == sid]
    check(len(mine) == 1 and mine[0].get("chain") == "polygon", "the station is listed", stations)
    check(dec(field(mine[0], "balance")) == 0, "with its balance", mine[0])


def test_assets__create_customer_asset(sdk: yativo.YativoSDK) -> None:
    cid = new_customer(sdk)
    asset = payload(sdk.assets.create_customer_asset(cid, "solana", "USDC_SOL"))
    asid = ident(asset, "asset_id")
    check(asset.get("ticker") == "USDC_SOL", "the ticker round-trips", asset)
    check(asid in ids(find_list(sdk.assets.get_customer_assets(cid), "assets"), "asset_id"),
          "listed for the customer")
    e = refused(sdk.assets.create_customer_asset, "cus_" + "0" * 24, "solana", "USDC_SOL")
    check(e.message == "not_found", "an unknown customer is not_found", e.message)


def test_assets__get_customer_assets(sdk: yativo.YativoSDK) -> None:
    c1, c2 = new_customer(sdk), new_customer(sdk)
    a1 = ident(payload(sdk.assets.create_customer_asset(c1, "solana", "USDC_SOL")), "asset_id")
    a2 = ident(payload(sdk.assets.create_customer_asset(c2, "ethereum", "USDC_ETH")), "asset_id")
    only1 = ids(find_list(sdk.assets.get_customer_assets(c1), "assets"), "asset_id")
    check(a1 in only1 and a2 not in only1, "one customer's assets", only1)
    every = ids(find_list(sdk.assets.get_customer_assets(), "assets"), "asset_id")
    check({a1, a2} <= every, "without a customer, every customer asset", every)


# ---- auth (session sign-in) -----------------------------------------------------------------------


def register(sb: Sandbox) -> Tuple[yativo.YativoSDK, str, Dict[str, Any]]:
    c = yativo.YativoSDK(base_url=sb.base_url)
    addr = email("reg")
    answer = payload(c.auth.register(addr, "correct horse battery", username=unique("u"),
                                     first_name="Grace", last_name="Hopper"))
    return c, addr, answer


def signed_in(sb: Sandbox, addr: str) -> yativo.YativoSDK:
    """A client signed in as addr the SDK's way: login, the e-mailed OTP, verify_otp."""
    c = yativo.YativoSDK(base_url=sb.base_url)
    payload(c.auth.login(addr))
    payload(c.auth.verify_otp(sb.last_code(addr), addr))
    check(c.access_token, "verify_otp stored no access token on the client")
    return c


def registered(sb: Sandbox) -> Tuple[yativo.YativoSDK, str]:
    """A new user, registered and signed in through the SDK."""
    _, addr, _ = register(sb)
    return signed_in(sb, addr), addr


def test_auth__register(sb: Sandbox) -> None:
    c, addr, answer = register(sb)
    check(field(answer, "user_id") and field(answer, "email") == addr, "a user", answer)
    if c.access_token:  # tokens in the answer (top-level): the SDK stored them
        check(find_list(c.accounts.list(), "accounts") == [], "the new user's own session")
    s = signed_in(sb, addr)
    check(find_list(s.accounts.list(), "accounts") == [], "a new user owns no account")
    aid = new_account(s)
    check(aid in ids(find_list(s.accounts.list(), "accounts"), "account_id"), "it acts as itself")
    e = refused(yativo.YativoSDK(base_url=sb.base_url).auth.register, addr, "another password")
    check(e.message in ("conflict", "email_taken", "already_registered"),
          "an e-mail registers once", e.message)
    e = refused(yativo.YativoSDK(base_url=sb.base_url).auth.register, email("short"), "pw")
    check(e.message == "validation_error", "a short password is refused", e.message)


def test_auth__login(sb: Sandbox) -> None:
    c0, addr = registered(sb)
    mine = new_account(c0)
    before = len(sb.outbox(addr))
    c = yativo.YativoSDK(base_url=sb.base_url)
    answer = payload(c.auth.login(addr))
    check(c.access_token is None and field(answer, "otp_sent") is True,
          "login alone signs nothing in: an OTP is e-mailed", answer)
    check(len(sb.outbox(addr)) == before + 1, "one OTP e-mailed to the address")
    payload(c.auth.verify_otp(sb.last_code(addr), addr))
    check(mine in ids(find_list(c.accounts.list(), "accounts"), "account_id"),
          "the session acts for the registered user")
    e = refused(c.auth.login, email("nobody"))
    check(e.message in ("not_found", "user_not_found"), "an unknown e-mail", e.message)


def test_auth__verify_otp(sb: Sandbox) -> None:
    _, addr, _ = register(sb)
    c = yativo.YativoSDK(base_url=sb.base_url)
    payload(c.auth.login(addr))
    otp = sb.last_code(addr)
    wrong = f"{(int(otp) + 1) % 1000000:06d}"
    with pytest.raises(AuthenticationError):  # 401 invalid_otp, read by the SDK as a bad token
        c.auth.verify_otp(wrong, addr)
    check(c.access_token is None, "a wrong OTP stores no token")
    answer = c.auth.verify_otp(otp, addr)
    check(c.access_token and c.access_token == answer.get("access_token"),
          "the right OTP gives the access token the SDK stores (top-level)", answer)
    payload(c.accounts.list())
    with pytest.raises(YativoError):  # an OTP is used once
        yativo.YativoSDK(base_url=sb.base_url).auth.verify_otp(otp, addr)


def twofa(details: Any) -> Codes:
    secret = field(details, "secret")
    return Codes(str(secret), int(details.get("period", 30)))


def test_auth__get_2fa_details(sb: Sandbox) -> None:
    c, addr = registered(sb)
    details = payload(c.auth.get_2fa_details())
    secret = str(field(details, "secret"))
    check(field(details, "enabled") is False, "not enabled yet", details)
    check(f"secret={secret}" in str(field(details, "otpauth_url")) and addr.split("@")[0] in
          str(field(details, "otpauth_url")), "an otpauth URL of the secret and the user", details)
    twofa(details)()  # a valid base32 secret
    check(field(payload(c.auth.get_2fa_details()), "secret") == secret, "stable")


def test_auth__enable_2fa(sb: Sandbox) -> None:
    c, addr = registered(sb)
    codes = twofa(payload(c.auth.get_2fa_details()))
    payload(c.auth.enable_2fa())
    check(field(payload(c.auth.get_2fa_details()), "enabled") is True, "enabled")
    # From now on a sign-in needs the authenticator's code after the OTP.
    s = yativo.YativoSDK(base_url=sb.base_url)
    payload(s.auth.login(addr))
    step = payload(s.auth.verify_otp(sb.last_code(addr), addr))
    check(s.access_token is None and field(step, "requires_2fa") is True,
          "the OTP alone no longer signs in", step)
    payload(s.auth.verify_2fa(codes(), addr))
    check(s.access_token, "signed in with OTP and 2FA")
    payload(s.accounts.list())


def test_auth__verify_2fa(sb: Sandbox) -> None:
    c, addr = registered(sb)
    codes = twofa(payload(c.auth.get_2fa_details()))
    e = refused(c.auth.verify_2fa, codes(), addr)
    check(e.message == "two_factor_not_enabled", "nothing to verify before enabling", e.message)
    payload(c.auth.enable_2fa())
    s = yativo.YativoSDK(base_url=sb.base_url)
    with pytest.raises(AuthenticationError):  # 401 sign_in_required: the OTP comes first
        s.auth.verify_2fa(codes(), addr)
    payload(s.auth.login(addr))
    payload(s.auth.verify_otp(sb.last_code(addr), addr))
    good = codes()
    wrong = f"{(int(good) + 1) % 1000000:06d}"
    with pytest.raises(YativoError):
        s.auth.verify_2fa(wrong, addr)
    check(s.access_token is None, "a wrong code stores no token")
    payload(s.auth.verify_2fa(good, addr))
    check(s.access_token, "verify_2fa stored the access token")
    mine = new_account(s)
    check(mine in ids(find_list(c.accounts.list(), "accounts"), "account_id"),
          "the 2FA session acts for the same user")


def passkey(sb: Sandbox, addr: str) -> str:
    return str(field(payload(sb.control("POST", "/__sandbox/passkeys", {"email": addr})),
                     "credential_id"))


def test_auth__passkey_options(sb: Sandbox) -> None:
    _, addr, _ = register(sb)
    c = yativo.YativoSDK(base_url=sb.base_url)
    try:
        none = payload(c.auth.passkey_options(addr))
        check(find_key(none, "allowCredentials") == [[]], "no credential offered", none)
    except YativoError as e:
        check(e.message == "no_passkey_registered", "no options without a passkey", e.message)
    cred = passkey(sb, addr)
    o1 = payload(c.auth.passkey_options(addr))
    o2 = payload(c.auth.passkey_options(addr))
    ch1, ch2 = field(o1, "challenge"), field(o2, "challenge")
    check(isinstance(ch1, str) and len(ch1) >= 16 and ch1 != ch2, "a fresh challenge each time",
          [o1, o2])
    check(cred in find_key(o1, "id") and field(o1, "rpId"), "the user's credential is allowed",
          o1)


def test_auth__passkey_verify(sb: Sandbox) -> None:
    _, addr, _ = register(sb)
    cred = passkey(sb, addr)
    c = yativo.YativoSDK(base_url=sb.base_url)
    challenge = field(payload(c.auth.passkey_options(addr)), "challenge")
    e = refused(c.auth.passkey_verify, {"id": "not-my-credential", "challenge": challenge,
                                        "email": addr})
    check(e.message == "passkey_invalid", "an unknown credential is refused", e.message)
    check(c.access_token is None, "a refused assertion stores no token")
    challenge = field(payload(c.auth.passkey_options(addr)), "challenge")
    answer = c.auth.passkey_verify({"id": cred, "challenge": challenge, "email": addr})
    check(answer.get("access_token"), "signed in", answer)
    c.set_access_token(answer["access_token"])  # the SDK does not (test_flaw_passkey_...)
    payload(c.accounts.list())
    e = refused(yativo.YativoSDK(base_url=sb.base_url).auth.passkey_verify,
                {"id": cred, "challenge": challenge, "email": addr})
    check(e.message == "passkey_invalid", "a challenge is used once", e.message)


def test_auth__get_token(sdk: yativo.YativoSDK, sb: Sandbox, code: Codes) -> None:
    key = new_key(sdk, code, ("read", "write"))
    c = yativo.YativoSDK(base_url=sb.base_url)
    answer = c.auth.get_token(key["api_key"], key["api_secret"])
    check(c.access_token == answer.get("access_token"), "the SDK stores the token it got",
          answer)
    check(int(answer.get("expires_in", 0)) > 0, "a token says how long it lives", answer)
    aid = new_account(c)
    check(aid in ids(find_list(sdk.accounts.list(), "accounts"), "account_id"),
          "the token acts for the key's owner")
    wrong = yativo.YativoSDK(base_url=sb.base_url)
    with pytest.raises(YativoError):
        wrong.auth.get_token(key["api_key"], key["api_secret"][:-1] + "x")
    check(wrong.access_token is None, "a refused exchange stores nothing")


def test_auth__resend_otp(sb: Sandbox) -> None:
    _, addr, _ = register(sb)
    c = yativo.YativoSDK(base_url=sb.base_url)
    e = refused(c.auth.resend_otp, addr)
    check(e.message == "no_pending_sign_in", "nothing to resend before a sign-in", e.message)
    payload(c.auth.login(addr))
    first = sb.last_code(addr)
    n = len(sb.outbox(addr))
    payload(c.auth.resend_otp(addr))
    check(len(sb.outbox(addr)) == n + 1, "one more e-mail")
    second = sb.last_code(addr)
    payload(c.auth.verify_otp(second, addr))
    check(c.access_token, "the resent OTP signs in")
    if first != second:  # a new code replaces the old one
        with pytest.raises(YativoError):
            yativo.YativoSDK(base_url=sb.base_url).auth.verify_otp(first, addr)


def test_auth__refresh_token(sb: Sandbox) -> None:
    c, addr = registered(sb)
    old = c.access_token
    check(c.refresh_token is None, "verify_otp stores no refresh token (the SDK only keeps one "
          "from register and login)")
    # The SDK's refresh_token() sends the bearer the client holds: the access token.
    answer = c.auth.refresh_token()
    check(c.access_token and c.access_token != old and c.access_token ==
          answer.get("access_token"), "a new access token replaces the old", answer)
    payload(c.accounts.list())
    stale = yativo.YativoSDK(base_url=sb.base_url)
    stale.set_access_token(str(old))
    with pytest.raises(AuthenticationError):  # the replaced token is dead
        stale.accounts.list()


# ---- auto-forwarding ------------------------------------------------------------------------------


def new_rule(sdk: yativo.YativoSDK, code: Codes, asset: str, **kw: Any) -> Dict[str, Any]:
    args: Dict[str, Any] = dict(destination_address=SOLANA_ADDRESS, percentage=50,
                                monitoring_mode="all_wallets", asset_id=asset, chain="solana",
                                description="sweep half")
    args.update(kw)
    return payload(sdk.auto_forwarding.create(two_factor_code=code(), **args))  # type: ignore


def rules_of(sdk: yativo.YativoSDK) -> Dict[str, Dict[str, Any]]:
    return {ident(r, "rule_id"): r
            for r in find_list(sdk.auto_forwarding.list(), "rules", "auto_forwarding")}


def test_auto_forwarding__list(sdk: yativo.YativoSDK, code: Codes) -> None:
    a, b = new_asset(sdk), new_asset(sdk)
    r1, r2 = new_rule(sdk, code, a), new_rule(sdk, code, b, percentage=100)
    rules = rules_of(sdk)
    check(ident(r1, "rule_id") in rules and ident(r2, "rule_id") in rules, "both listed", rules)
    check(Decimal(str(rules[ident(r2, "rule_id")]["percentage"])) == 100, "with their values")


def test_auto_forwarding__create(sdk: yativo.YativoSDK, sb: Sandbox, code: Codes) -> None:
    asset = new_asset(sdk)
    rule = new_rule(sdk, code, asset, percentage=40, minimum_amount="10")
    rid = ident(rule, "rule_id")
    check(rule.get("destination_address") == SOLANA_ADDRESS, "the destination round-trips", rule)
    check(Decimal(str(rule.get("percentage"))) == 40, "the percentage round-trips", rule)
    check(rule.get("enabled") is True, "enabled by default", rule)
    check(rid in rules_of(sdk), "listed")
    # 2FA is required, and a bad address is refused (nothing created).
    with pytest.raises(YativoError):
        sdk.auto_forwarding.create(SOLANA_ADDRESS, 50, "all_wallets", asset, "solana")
    n = len(rules_of(sdk))
    e = refused(sdk.auto_forwarding.create, "not-an-address", 50, "all_wallets", asset, "solana",
                two_factor_code=code())
    check(e.message == "validation_error" and len(rules_of(sdk)) == n,
          "a bad address is a validation_error and creates nothing", e.message)
    # It forwards: a deposit of 100 on the asset sends 40 to the destination.
    sb.deposit(asset, "100")
    moved = [t for t in transactions_of(sdk, asset_id=asset)
             if dec(t["amount"]) == 40 and t.get("receiving_address") == SOLANA_ADDRESS]
    check(len(moved) == 1, "the rule forwarded 40% of a deposit of 100",
          transactions_of(sdk, asset_id=asset))


def test_auto_forwarding__update(sdk: yativo.YativoSDK, code: Codes) -> None:
    rule = new_rule(sdk, code, new_asset(sdk))
    rid = ident(rule, "rule_id")
    updated = payload(sdk.auto_forwarding.update(rid, percentage=25, enabled=False,
                                                 description="quarter", two_factor_code=code()))
    check(Decimal(str(updated.get("percentage"))) == 25 and updated.get("enabled") is False,
          "the update answers the new values", updated)
    listed = rules_of(sdk)[rid]
    check(Decimal(str(listed["percentage"])) == 25 and listed.get("description") == "quarter"
          and listed.get("destination_address") == SOLANA_ADDRESS,
          "the list shows the new values and keeps the rest", listed)
    e = refused(sdk.auto_forwarding.update, rid, percentage=150, two_factor_code=code())
    check(e.message == "validation_error", "a percentage over 100 is refused", e.message)
    check(Decimal(str(rules_of(sdk)[rid]["percentage"])) == 25, "and changes nothing")


def test_auto_forwarding__delete(sdk: yativo.YativoSDK, code: Codes) -> None:
    rid = ident(new_rule(sdk, code, new_asset(sdk)), "rule_id")
    payload(sdk.auto_forwarding.delete(rid, two_factor_code=code()))
    check(rid not in rules_of(sdk), "a deleted rule is not listed")
    e = refused(sdk.auto_forwarding.delete, rid, two_factor_code=code())
    check(e.message == "not_found", "deleting twice is not_found", e.message)


# ---- customers ------------------------------------------------------------------------------------


def customers_of(sdk: yativo.YativoSDK) -> Dict[str, Dict[str, Any]]:
    return {ident(c, "customer_id"): c
            for c in find_list(sdk.customers.list(), "customers")}


def test_customers__create(sdk: yativo.YativoSDK) -> None:
    addr = email("cust")
    cust = payload(sdk.customers.create(addr, name="Alan Turing", phone="+441234567890",
                                        metadata={"ref": "A-1", "tier": 2}))
    cid = ident(cust, "customer_id")
    check(cust.get("email") == addr and cust.get("name") == "Alan Turing"
          and cust.get("phone") == "+441234567890", "the fields round-trip", cust)
    check(cust.get("metadata") == {"ref": "A-1", "tier": 2}, "the metadata round-trips", cust)
    check(cid in customers_of(sdk), "listed")
    e = refused(sdk.customers.create, "not-an-email")
    check(e.message == "validation_error", "a bad e-mail is refused", e.message)


def test_customers__list(sdk: yativo.YativoSDK) -> None:
    c1, c2 = new_customer(sdk, "First One"), new_customer(sdk, "Second Two")
    listed = customers_of(sdk)
    check(c1 in listed and c2 in listed, "both customers listed", listed)
    check(listed[c1].get("name") == "First One", "with their names", listed[c1])


def test_customers__get_transactions(sdk: yativo.YativoSDK, sb: Sandbox, code: Codes) -> None:
    cid = new_customer(sdk)
    check(find_list(sdk.customers.get_transactions(cid), "transactions") == [],
          "a new customer has no transaction")
    asset = ident(payload(sdk.assets.create_customer_asset(cid, "solana", "USDC_SOL")), "asset_id")
    sb.deposit(asset, "20")
    sent = send(sdk, code, asset, "4")
    txs = find_list(sdk.customers.get_transactions(cid), "transactions")
    check(ident(sent, "transaction_id") in ids(txs, "transaction_id"),
          "the customer's send is listed", txs)
    e = refused(sdk.customers.get_transactions, "cus_" + "0" * 24)
    check(e.message == "not_found", "an unknown customer is not_found", e.message)


# ---- standalone IBAN ------------------------------------------------------------------------------


def iban_state(sdk: yativo.YativoSDK, cid: str) -> str:
    return str(field(payload(sdk.standalone_iban.get_status(cid)), "status", "state"))


KYC = {"first_name": "Ada", "last_name": "Lovelace", "date_of_birth": "1990-12-10",
       "nationality": "GB", "address": "1 Main St, London N1 9GU, GB",
       "document": {"type": "passport", "number": "X1234567"}}


def test_standalone_iban__get_options(sdk: yativo.YativoSDK) -> None:
    options = payload(sdk.standalone_iban.get_options())
    currencies = {str(c).upper() for c in find_key(options, "currency")}
    currencies |= {str(c).upper() for v in find_key(options, "currencies") for c in v}
    check("EUR" in currencies, "EUR IBANs are offered", options)


def test_standalone_iban__initialize(sdk: yativo.YativoSDK) -> None:
    cid = new_customer(sdk)
    addr = email("iban")
    answer = payload(sdk.standalone_iban.initialize(addr, customer_id=cid))
    check(field(answer, "customer_id") == cid and field(answer, "email") == addr,
          "an onboarding of that customer and address", answer)
    check(iban_state(sdk, cid) == "initialized", "onboarding started")
    e = refused(sdk.standalone_iban.initialize, addr, customer_id=cid)
    check(e.message != "not_found", "an onboarding starts once", e.message)
    check(iban_state(sdk, cid) == "initialized", "and the refusal changed nothing")
    e = refused(sdk.standalone_iban.initialize, email("iban"), customer_id="cus_" + "0" * 24)
    check(e.message == "not_found", "an unknown customer is not_found", e.message)


def test_standalone_iban__submit_kyc(sdk: yativo.YativoSDK) -> None:
    cid = new_customer(sdk)
    e = refused(sdk.standalone_iban.submit_kyc, KYC, customer_id=cid)
    check(e.message in ("conflict", "iban_not_activated", "invalid_state", "validation_error"),
          "KYC before onboarding starts is refused", e.message)
    addr = email("iban")
    payload(sdk.standalone_iban.initialize(addr, customer_id=cid))
    before = iban_state(sdk, cid)
    e = refused(sdk.standalone_iban.submit_kyc, {"first_name": "Ada"}, email=addr,
                customer_id=cid)
    check(e.message == "validation_error" and "kyc.last_name" in (e.details or {}),
          "an incomplete KYC names the missing field", e.details)
    check(iban_state(sdk, cid) == before, "and changes nothing")
    payload(sdk.standalone_iban.submit_kyc(KYC, email=addr, customer_id=cid))
    check(iban_state(sdk, cid) in ("kyc_submitted", "approved"), "the status moves on after KYC")


def test_standalone_iban__request_iban(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    cid = new_customer(sdk)
    addr = email("iban")
    payload(sdk.standalone_iban.initialize(addr, customer_id=cid))
    payload(sdk.standalone_iban.submit_kyc(KYC, email=addr, customer_id=cid))
    answer = payload(sdk.standalone_iban.request_iban(cid))
    iban = str(field(answer, "iban", "iban_number"))
    check(iban[:2].isalpha() and 15 <= len(iban) <= 34 and iban_ok(iban), "a valid IBAN", answer)
    check(iban_state(sdk, cid) == "issued", "issued")
    status = payload(sdk.standalone_iban.get_status(cid))
    check(iban in find_key(status, "iban"), "the status shows the IBAN", status)


def test_standalone_iban__get_status(sdk: yativo.YativoSDK) -> None:
    c1, c2 = new_customer(sdk), new_customer(sdk)
    s0 = iban_state(sdk, c1)
    payload(sdk.standalone_iban.initialize(email("iban"), customer_id=c1))
    check(iban_state(sdk, c1) != s0, "the customer's status moved on")
    check(iban_state(sdk, c2) == s0, "another customer's did not")
    e = refused(sdk.standalone_iban.get_status, "cus_" + "0" * 24)
    check(e.message == "not_found", "an unknown customer is not_found", e.message)


# ---- swap -----------------------------------------------------------------------------------------


def quote(sdk: yativo.YativoSDK, asset: str, amount: str = "10",
          to_asset: str = "") -> Dict[str, Any]:
    """A quote from `asset` (USDC on Solana) to USDC on Ethereum: to_asset, or a new asset."""
    to_asset = to_asset or new_asset(sdk, chain="ethereum", ticker="USDC_ETH")
    return payload(sdk.swap.get_quote({"from_asset_id": asset, "to_asset_id": to_asset,  # type: ignore
                                       "amount": amount}))


def test_swap__get_assets(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    asset = funded_asset(sdk, sb, "7")
    listed = find_list(sdk.swap.get_assets(), "assets")
    mine = [a for a in listed if ident(a, "asset_id") == asset]
    check(len(mine) == 1, "the user's funded asset is swappable", listed)
    check(dec(field(mine[0], "balance")) == 7, "with its balance", mine[0])


def test_swap__get_routes(sdk: yativo.YativoSDK) -> None:
    routes = payload(sdk.swap.get_routes())
    chain = {"SOL": "solana", "ETH": "ethereum"}
    pairs = {(chain.get(str(r.get("from_chain")).upper(), str(r.get("from_chain")).lower()),
              str(r.get("from_asset")).upper(),
              chain.get(str(r.get("to_chain")).upper(), str(r.get("to_chain")).lower()),
              str(r.get("to_asset")).upper())
             for lst in find_key(routes, "routes") for r in lst if isinstance(r, dict)}
    check(("solana", "USDC", "ethereum", "USDC") in pairs,
          "a USDC bridge from Solana to Ethereum", sorted(pairs)[:20])


def test_swap__get_quote(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    asset = funded_asset(sdk, sb, "50")
    q = quote(sdk, asset, "10")
    check(ident(q, "quote_id", "quoteId"), "a quote id", q)
    rate, fee = dec(field(q, "rate", "exchangeRate")), dec(field(q["fee"], "amount"))
    out = dec(field(q, "to_amount", "estimatedOutput"))
    check(out == (Decimal(10) - fee) * rate and 0 < out <= 10,
          "output = (amount - fee) x rate, exactly", q)
    check(field(q, "expires_at", "expiresAt"), "a quote expires", q)
    check(balance(sdk, asset) == 50, "a quote moves no money")
    e = refused(sdk.swap.get_quote, {"from_asset_id": asset, "to_ticker": "USDC_ETH",
                                     "to_chain": "ethereum", "amount": "-1"})
    check(e.message == "validation_error", "a negative amount is refused", e.message)


def test_swap__execute(sdk: yativo.YativoSDK, sb: Sandbox, code: Codes) -> None:
    asset = funded_asset(sdk, sb, "50")
    dst = new_asset(sdk, chain="ethereum", ticker="USDC_ETH")
    q = quote(sdk, asset, "10", dst)
    qid = ident(q, "quote_id", "quoteId")
    swap = payload(sdk.swap.execute({"quote_id": qid}, two_factor_code=code()))
    check(ident(swap, "swap_id"), "a swap id", swap)
    check(field(swap, "quote_id", "quoteId") == qid, "the quote round-trips", swap)
    check(balance(sdk, asset) == 40, "the input (10) left the source exactly")
    check(balance(sdk, dst) == dec(field(q, "to_amount")), "the quoted output reached the "
          "destination exactly")
    e = refused(sdk.swap.execute, {"quote_id": qid}, two_factor_code=code())
    check(e.message == "conflict", "a quote is executed once", e.message)
    check(balance(sdk, asset) == 40, "and the refusal moved nothing")


def test_swap__get_history(sdk: yativo.YativoSDK, sb: Sandbox, code: Codes) -> None:
    asset = funded_asset(sdk, sb, "30")
    qid = ident(quote(sdk, asset, "5"), "quote_id", "quoteId")
    sid = ident(payload(sdk.swap.execute({"quote_id": qid}, two_factor_code=code())), "swap_id")
    history = find_list(sdk.swap.get_history({"limit": 100}), "swaps", "history")
    mine = [s for s in history if ident(s, "swap_id") == sid]
    check(len(mine) == 1, "the swap is in the history", history)
    check(dec(field(mine[0], "from_amount")) == 5, "with its amount", mine[0])
    page = find_list(sdk.swap.get_history({"limit": 1}), "swaps", "history")
    check(len(page) == 1, "limit is honoured", page)


# ---- transactions ---------------------------------------------------------------------------------


def test_transactions__send(sdk: yativo.YativoSDK, sb: Sandbox, code: Codes) -> None:
    asset = funded_asset(sdk, sb, "100")
    tx = send(sdk, code, asset, "1.5", with_2fa=True)
    tid = ident(tx, "transaction_id")
    check(dec(tx["amount"]) == Decimal("1.5"), "the amount is exact", tx)
    fee = dec(field(tx, "fee", "total_fee"))
    check(balance(sdk, asset) == Decimal("100") - Decimal("1.5") - fee,
          "the balance drops by amount + fee exactly")
    check(tid in ids(transactions_of(sdk), "transaction_id"), "listed")
    e = refused(sdk.transactions.send, asset, SOLANA_ADDRESS, "1000", "solana", "USDC_SOL")
    check(e.message == "insufficient_balance", "an overdraft is refused", e.message)
    # The SDK's idempotency_key: the same key and body replay the first answer, no second debit.
    key = unique("idem")
    b0 = balance(sdk, asset)
    t1 = payload(sdk.transactions.send(asset, SOLANA_ADDRESS, "2", "solana", "USDC_SOL",
                                       idempotency_key=key))
    t2 = payload(sdk.transactions.send(asset, SOLANA_ADDRESS, "2", "solana", "USDC_SOL",
                                       idempotency_key=key))
    check(ident(t1, "transaction_id") == ident(t2, "transaction_id"), "one transaction", [t1, t2])
    check(balance(sdk, asset) == b0 - 2 - dec(field(t1, "fee", "total_fee")), "debited once")


def test_transactions__get_gas_fee(sdk: yativo.YativoSDK) -> None:
    low = payload(sdk.transactions.get_gas_fee("solana", "low"))
    high = payload(sdk.transactions.get_gas_fee("solana", "high"))
    for q in (low, high):
        check(dec(field(q, "fee", "estimatedFee", "gasFee")) >= 0, "a fee", q)
    check(field(low, "priority") == "low" and field(high, "priority") == "high",
          "the priority round-trips", [low, high])
    e = refused(sdk.transactions.get_gas_fee, "not-a-chain")
    check(e.message == "validation_error", "an unknown chain is refused", e.message)


def test_transactions__get(sdk: yativo.YativoSDK, sb: Sandbox, code: Codes) -> None:
    tx = send(sdk, code, funded_asset(sdk, sb), "3.125")
    got = payload(sdk.transactions.get(ident(tx, "transaction_id")))
    check(ident(got, "transaction_id") == ident(tx, "transaction_id"), "the same transaction", got)
    check(dec(got["amount"]) == Decimal("3.125"), "the amount is exact", got)
    check(got.get("receiving_address", got.get("to_address")) == SOLANA_ADDRESS, "the address",
          got)
    e = refused(sdk.transactions.get, "txn_" + "0" * 24)
    check(e.message == "not_found", "an unknown transaction is not_found", e.message)


def test_transactions__list(sdk: yativo.YativoSDK, sb: Sandbox, code: Codes) -> None:
    asset = funded_asset(sdk, sb)
    t1, t2 = send(sdk, code, asset, "1"), send(sdk, code, asset, "2")
    mine = transactions_of(sdk, asset_id=asset)
    check(ids(mine, "transaction_id") == {ident(t1, "transaction_id"),
                                          ident(t2, "transaction_id")},
          "the asset filter gives exactly its two sends", mine)
    check(len(transactions_of(sdk, limit=1)) == 1, "limit is honoured")
    e = refused(sdk.transactions.list, limit=101)
    check(e.message == "validation_error", "limit over 100 is refused", e.message)


def test_transactions__get_asset_history(sdk: yativo.YativoSDK, sb: Sandbox,
                                         code: Codes) -> None:
    a1, a2 = funded_asset(sdk, sb), funded_asset(sdk, sb)
    t1, t2 = send(sdk, code, a1, "1.25"), send(sdk, code, a2, "1")
    history = find_list(sdk.transactions.get_asset_history(a1), "transactions", "history")
    hid = ids(history, "transaction_id")
    check(ident(t1, "transaction_id") in hid and ident(t2, "transaction_id") not in hid,
          "only the asset's transactions", history)
    e = refused(sdk.transactions.get_asset_history, "ast_" + "0" * 24)
    check(e.message == "not_found", "an unknown asset is not_found", e.message)


def test_transactions__cancel(sdk: yativo.YativoSDK, sb: Sandbox, code: Codes) -> None:
    asset = funded_asset(sdk, sb, "10")
    tx = send(sdk, code, asset, "4")
    tid = ident(tx, "transaction_id")
    check(tx.get("status") == "pending", "a new transaction is pending", tx)
    payload(sdk.transactions.cancel(tid))
    got = payload(sdk.transactions.get(tid))
    check(got.get("status") in ("cancelled", "canceled"), "it reads cancelled", got)
    check(balance(sdk, asset) == 10, "the debit (amount + fee) is refunded exactly")
    e = refused(sdk.transactions.cancel, tid)
    check(e.message in ("conflict", "invalid_state", "not_cancellable"),
          "only a pending transaction can be cancelled", e.message)
    done = ident(send(sdk, code, asset, "1"), "transaction_id")
    sb.advance(done)
    check(payload(sdk.transactions.get(done)).get("status") in ("completed", "confirmed",
                                                               "success"),
          "advancing time confirms a transaction")
    refused(sdk.transactions.cancel, done)


# ---- webhooks (dialect W2: /webhook/create-webhook, /webhook/get-webhooks) -----------------------


def new_webhook(sdk: yativo.YativoSDK, url: str,
                events: Tuple[str, ...] = ("transaction.created",)) -> Dict[str, Any]:
    return payload(sdk.webhooks.create(url, list(events), "conformance"))  # type: ignore


def test_webhooks__create(sdk: yativo.YativoSDK, receiver: Receiver) -> None:
    hook = new_webhook(sdk, receiver.url, ("deposit.confirmed", "transaction.confirmed"))
    hid = ident(hook, "webhook_id")
    check(hook.get("url") == receiver.url, "the url round-trips", hook)
    check(hook.get("events") == ["deposit.confirmed", "transaction.confirmed"], "the events", hook)
    check(hook.get("secret"), "the secret is shown once, at creation", hook)
    check(hid in ids(find_list(sdk.webhooks.list(), "webhooks"), "webhook_id"), "listed")
    e = refused(sdk.webhooks.create, "ftp://example.com/x", ["deposit.confirmed"])
    check(e.message == "validation_error", "a non-HTTP url is refused", e.message)


def test_webhooks__list(sdk: yativo.YativoSDK, receiver: Receiver) -> None:
    h1, h2 = new_webhook(sdk, receiver.url), new_webhook(sdk, receiver.url + "/2")
    listed = {ident(h, "webhook_id"): h for h in find_list(sdk.webhooks.list(), "webhooks")}
    for h in (h1, h2):
        check(ident(h, "webhook_id") in listed, "listed", listed)
    check(all("secret" not in h for h in listed.values()), "a list shows no secret", listed)


def test_webhooks__get(sdk: yativo.YativoSDK, receiver: Receiver) -> None:
    hook = new_webhook(sdk, receiver.url, ("deposit.confirmed",))
    got = payload(sdk.webhooks.get(ident(hook, "webhook_id")))
    check(ident(got, "webhook_id") == ident(hook, "webhook_id") and got.get("url") == receiver.url
          and got.get("events") == ["deposit.confirmed"], "the same webhook", got)
    check("secret" not in got, "a read shows no secret", got)


def test_webhooks__update(sdk: yativo.YativoSDK, receiver: Receiver) -> None:
    hid = ident(new_webhook(sdk, receiver.url), "webhook_id")
    payload(sdk.webhooks.update(hid, url=receiver.url + "/v2", events=["deposit.confirmed"],
                                description="moved"))
    got = payload(sdk.webhooks.get(hid))
    check(got.get("url") == receiver.url + "/v2" and got.get("events") == ["deposit.confirmed"]
          and got.get("description") == "moved", "the update is kept", got)
    e = refused(sdk.webhooks.update, hid, url="not a url")
    check(e.message == "validation_error", "a bad url is refused", e.message)
    check(payload(sdk.webhooks.get(hid)).get("url") == receiver.url + "/v2", "nothing changed")


def test_webhooks__delete(sdk: yativo.YativoSDK, receiver: Receiver) -> None:
    hid = ident(new_webhook(sdk, receiver.url), "webhook_id")
    payload(sdk.webhooks.delete(hid))
    check(hid not in ids(find_list(sdk.webhooks.list(), "webhooks"), "webhook_id"), "not listed")
    e = refused(sdk.webhooks.get, hid)
    check(e.message == "not_found", "a deleted webhook is not_found", e.message)


def test_webhooks__activate(sdk: yativo.YativoSDK, receiver: Receiver) -> None:
    hid = ident(new_webhook(sdk, receiver.url), "webhook_id")
    payload(sdk.webhooks.deactivate(hid))
    payload(sdk.webhooks.activate(hid))
    got = payload(sdk.webhooks.get(hid))
    check(got.get("status") == "active" or got.get("active") is True, "active again", got)
    payload(sdk.webhooks.test(hid))
    receiver.wait(1)


def test_webhooks__deactivate(sdk: yativo.YativoSDK, receiver: Receiver) -> None:
    hid = ident(new_webhook(sdk, receiver.url), "webhook_id")
    payload(sdk.webhooks.deactivate(hid))
    got = payload(sdk.webhooks.get(hid))
    check(got.get("status") == "inactive" or got.get("active") is False, "inactive", got)
    try:
        sdk.webhooks.test(hid)
    except YativoError:
        pass  # refusing to test an inactive webhook is fine too
    time.sleep(0.5)
    check(receiver.received == [], "an inactive webhook receives nothing")


def test_webhooks__get_events(sdk: yativo.YativoSDK, receiver: Receiver) -> None:
    hid = ident(new_webhook(sdk, receiver.url), "webhook_id")
    check(find_list(sdk.webhooks.get_events(hid), "events", "deliveries") == [],
          "a new webhook has no event")
    payload(sdk.webhooks.test(hid))
    receiver.wait(1)
    deadline = time.time() + 5
    while True:
        events = find_list(sdk.webhooks.get_events(hid), "events", "deliveries")
        if events or time.time() > deadline:
            break
        time.sleep(0.1)
    check(len(events) == 1, "the test delivery is logged", events)
    check(field(events[0], "status", "delivery_status", "response_status"), "with its outcome",
          events[0])


def test_webhooks__test(sdk: yativo.YativoSDK, receiver: Receiver) -> None:
    hook = new_webhook(sdk, receiver.url)
    payload(sdk.webhooks.test(ident(hook, "webhook_id")))
    headers, body = receiver.wait(1)[0]
    event = json.loads(body)
    check(field(event, "type", "event"), "a typed event", event)
    sig = headers.get("x-webhook-signature", "")
    check(yativo.resources.webhooks.Webhooks.verify_signature(body.decode(), sig, hook["secret"]),
          "the SDK's verify_signature accepts the delivery (scheme A)", headers)


# ---- cards (/yativo-card, /card-issuer) -----------------------------------------------------------
# The outside world of a card program (a KYC review, money reaching a card wallet, a purchase, a
# shipment) is played by the sandbox's control endpoints; everything else goes through the SDK.
# A user has one card account: the seeded user's is made once per sandbox (seeded_card_account);
# the tests of the onboarding steps sign up users of their own (registered).


def kyc(sb: Sandbox, ycid: str, status: str) -> None:
    sb.control("POST", "/__sandbox/cards/kyc", {"yativo_card_id": ycid, "status": status})


def ready_card_account(c: yativo.YativoSDK, sb: Sandbox, fund: str = "1000") -> str:
    """A card account of c's user, onboarded, KYC approved, terms accepted, safe deployed and
    holding `fund` USD: its yativo_card_id."""
    ycid = ident(payload(c.cards.onboard(email("card"), "Card", "Holder")), "yativo_card_id")
    kyc(sb, ycid, "approved")
    payload(c.cards.accept_terms())
    payload(c.cards.deploy_safe())
    if fund:
        sb.control("POST", "/__sandbox/cards/fund", {"yativo_card_id": ycid, "amount": fund})
    return ycid


def seeded_card_account(sdk: yativo.YativoSDK, sb: Sandbox) -> str:
    if not hasattr(sb, "card_account"):
        sb.card_account = ready_card_account(sdk, sb, "100000")  # type: ignore[attr-defined]
    return sb.card_account  # type: ignore[attr-defined,no-any-return]


def new_card(sdk: yativo.YativoSDK, **kw: Any) -> Dict[str, Any]:
    return payload(sdk.cards.create("virtual", display_name=kw.pop("display_name", unique("card")),
                                    **kw))  # type: ignore[no-any-return]


def card_state(sdk: yativo.YativoSDK, card_id: str) -> Dict[str, Any]:
    for c in find_list(sdk.cards.list(), "cards"):
        if ident(c, "card_id") == card_id:
            return c  # type: ignore[no-any-return]
    raise AssertionError(f"card {card_id} is not listed")


def spend(sb: Sandbox, card_id: str, amount: str) -> Dict[str, Any]:
    return payload(sb.control("POST", "/__sandbox/cards/spend",  # type: ignore[no-any-return]
                              {"card_id": card_id, "amount": amount, "merchant_name": "Coffee"}))


def customer_card(sdk: yativo.YativoSDK, sb: Sandbox, fund: str = "500") -> Tuple[str, str, str]:
    """(customer_id, the customer's yativo_card_id, card_id) of a new B2B customer card."""
    cid = new_customer(sdk)
    card = payload(sdk.cards.create_customer_card(cid, "virtual"))
    ycid = ident(card, "yativo_card_id")
    if fund:
        sb.control("POST", "/__sandbox/cards/fund", {"yativo_card_id": ycid, "amount": fund})
    return cid, ycid, ident(card, "card_id")


def test_cards__onboard(sb: Sandbox) -> None:
    c, _ = registered(sb)
    addr = email("onboard")
    acct = payload(c.cards.onboard(addr, "Card", "Holder"))
    ycid = ident(acct, "yativo_card_id")
    check(field(acct, "email") == addr and field(acct, "first_name") == "Card",
          "the e-mail and names round-trip", acct)
    check(field(acct, "kyc_status") == "pending", "KYC starts pending", acct)
    try:  # a second card holder: refused, or the new account becomes the current one
        again = payload(c.cards.onboard(email("again"), "A", "B"))
        check(ident(again, "yativo_card_id") != ycid, "a second account", again)
        current = payload(c.cards.get_kyc_status())
        check(field(current, "yativo_card_id") == ident(again, "yativo_card_id"),
              "the latest onboarded is current", current)
    except YativoError as e:
        check(code_of(e) == "already_onboarded", "one card account per user", e.message)
    e = refused(registered(sb)[0].cards.onboard, "not-an-email", "A", "B")
    check(e.message == "validation_error", "a bad e-mail is refused", e.message)
    check(ident(payload(c.cards.get_user_profile(ycid)), "yativo_card_id") == ycid, "readable")


def test_cards__get_kyc_status(sb: Sandbox) -> None:
    c, _ = registered(sb)
    ycid = ident(payload(c.cards.onboard(email("kyc"), "K", "Y")), "yativo_card_id")
    for status in ("rejected", "approved"):
        kyc(sb, ycid, status)
        got = payload(c.cards.get_kyc_status())
        check(field(got, "kyc_status", "status") == status, f"the review's {status} is read back",
              got)
    e = refused(registered(sb)[0].cards.get_kyc_status)
    check(e.message in ("not_found", "not_onboarded"), "no status before onboarding", e.message)


def test_cards__accept_terms(sb: Sandbox) -> None:
    c, _ = registered(sb)
    ycid = ident(payload(c.cards.onboard(email("terms"), "T", "C")), "yativo_card_id")
    kyc(sb, ycid, "approved")
    e = refused(c.cards.deploy_safe)
    check(code_of(e) == "terms_not_accepted", "no wallet before the terms", code_of(e))
    payload(c.cards.accept_terms())
    profile = payload(c.cards.get_user_profile(ycid))
    check(field(profile, "terms_accepted") is True and field(profile, "terms_accepted_at"),
          "the profile records the acceptance", profile)
    payload(c.cards.deploy_safe())


def test_cards__deploy_safe(sb: Sandbox) -> None:
    c, _ = registered(sb)
    ycid = ident(payload(c.cards.onboard(email("safe"), "S", "D")), "yativo_card_id")
    kyc(sb, ycid, "rejected")
    payload(c.cards.accept_terms())
    e = refused(c.cards.deploy_safe)
    check(code_of(e) == "kyc_not_approved", "no wallet without approved KYC", code_of(e))
    kyc(sb, ycid, "approved")
    safe = payload(c.cards.deploy_safe())
    addr = field(safe, "safe_address")
    check(addr, "a safe address", safe)
    check(field(payload(c.cards.get_wallet(ycid)), "safe_address") == addr, "the wallet is it")
    e = refused(c.cards.deploy_safe)
    check(code_of(e) == "safe_already_deployed", "deployed once", code_of(e))


def test_cards__list(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    seeded_card_account(sdk, sb)
    c1, c2 = new_card(sdk, display_name="Travel"), new_card(sdk, display_name="Office")
    listed = {ident(c, "card_id"): c for c in find_list(sdk.cards.list(), "cards")}
    check(ident(c1, "card_id") in listed and ident(c2, "card_id") in listed, "both listed",
          listed)
    check(listed[ident(c1, "card_id")].get("display_name") == "Travel", "with their names", listed)


def test_cards__create(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    fresh, _ = registered(sb)
    e = refused(fresh.cards.create, "virtual")
    check(e.message in ("not_onboarded", "not_found", "safe_not_deployed"),
          "no card before onboarding", e.message)
    seeded_card_account(sdk, sb)
    card = new_card(sdk, display_name="Groceries", spending_limit_amount=250.5,
                    spending_limit_frequency="monthly")
    cid = ident(card, "card_id")
    check(card.get("display_name") == "Groceries" and card.get("status") == "active"
          and card.get("type") == "virtual", "name and type round-trip, card active", card)
    limit = card.get("spending_limit")
    check(isinstance(limit, dict) and dec(limit.get("amount")) == Decimal("250.5")
          and limit.get("frequency") == "monthly", "the card's limit round-trips", card)
    check(cid in ids(find_list(sdk.cards.list(), "cards"), "card_id"), "listed")
    e = refused(sdk.cards.create, "plastic")
    check(e.message == "validation_error", "an unknown card type is refused", e.message)


def test_cards__freeze(sdk: yativo.YativoSDK, sb: Sandbox, code: Codes) -> None:
    seeded_card_account(sdk, sb)
    cid = ident(new_card(sdk), "card_id")
    with pytest.raises(AuthenticationError):  # 2FA is required (read by the SDK as a 401)
        sdk.cards.freeze(cid)
    payload(sdk.cards.freeze(cid, two_factor_code=code()))
    check(card_state(sdk, cid).get("status") == "frozen", "the card reads frozen")
    with pytest.raises(ControlError):  # a frozen card refuses purchases
        spend(sb, cid, "1")
    e = refused(sdk.cards.freeze, cid, two_factor_code=code())
    check(code_of(e) in ("card_already_frozen", "already_frozen"), "freezing twice is refused",
          code_of(e))


def test_cards__unfreeze(sdk: yativo.YativoSDK, sb: Sandbox, code: Codes) -> None:
    seeded_card_account(sdk, sb)
    cid = ident(new_card(sdk), "card_id")
    e = refused(sdk.cards.unfreeze, cid, two_factor_code=code())
    check(e.message != "not_found", "an active card is not unfrozen", e.message)
    payload(sdk.cards.freeze(cid, two_factor_code=code()))
    payload(sdk.cards.unfreeze(cid, two_factor_code=code()))
    check(card_state(sdk, cid).get("status") == "active", "active again")
    check(spend(sb, cid, "1").get("status") == "completed", "and it buys again")


def test_cards__void(sdk: yativo.YativoSDK, sb: Sandbox, code: Codes) -> None:
    seeded_card_account(sdk, sb)
    cid = ident(new_card(sdk), "card_id")
    spend(sb, cid, "2")
    payload(sdk.cards.void(cid))
    check(card_state(sdk, cid).get("status") == "voided", "voided")
    e = refused(sdk.cards.freeze, cid, two_factor_code=code())
    check(code_of(e) == "card_not_active", "a voided card stays voided", e.message)
    with pytest.raises(ControlError):
        spend(sb, cid, "1")
    ycid = seeded_card_account(sdk, sb)
    check(len(find_list(sdk.cards.get_transactions(ycid, cid), "transactions")) == 1,
          "its history stays readable")


def test_cards__request_pin_otp(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    seeded_card_account(sdk, sb)
    cid = ident(new_card(sdk), "card_id")
    n = len(sb.outbox())
    answer = payload(sdk.cards.request_pin_otp(cid))
    check(field(answer, "sent") is True, "sent", answer)
    mails = sb.outbox()
    check(len(mails) == n + 1 and len(str(mails[-1].get("code"))) == 6, "one PIN OTP e-mailed")


def test_cards__set_pin(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    seeded_card_account(sdk, sb)
    cid = ident(new_card(sdk), "card_id")
    e = refused(sdk.cards.set_pin, cid, "123456", "4321")
    check(code_of(e) == "otp_required", "a PIN needs a requested code", e.message)
    payload(sdk.cards.request_pin_otp(cid))
    otp = str(sb.outbox()[-1]["code"])
    wrong = f"{(int(otp) + 1) % 1000000:06d}"
    e = refused(sdk.cards.set_pin, cid, wrong, "4321")
    check(code_of(e) == "invalid_otp", "a wrong code is refused", e.message)
    payload(sdk.cards.set_pin(cid, otp, "4321"))
    check(card_state(sdk, cid).get("pin_set") is True, "the card has a PIN")
    e = refused(sdk.cards.set_pin, cid, otp, "1234")
    check(code_of(e) in ("otp_required", "invalid_otp"), "a PIN code is used once", e.message)


def test_cards__get_ephemeral_token(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    ycid = seeded_card_account(sdk, sb)
    cid = ident(new_card(sdk), "card_id")
    t1 = payload(sdk.cards.get_ephemeral_token(ycid, cid))
    t2 = payload(sdk.cards.get_ephemeral_token(ycid, cid))
    tok1 = field(t1, "ephemeral_token", "token")
    check(tok1 and tok1 != field(t2, "ephemeral_token", "token"), "a fresh token each time")
    check(int(field(t1, "expires_in")) == 300 and field(t1, "card_id") == cid, "5 minutes, the card")
    e = refused(sdk.cards.get_ephemeral_token, ycid, "crd_" + "0" * 24)
    check(e.message == "not_found", "an unknown card is not_found", e.message)


def test_cards__get_wallet(sb: Sandbox) -> None:
    c, _ = registered(sb)
    ycid = ready_card_account(c, sb, fund="")
    wallet = payload(c.cards.get_wallet(ycid))
    check(dec(field(wallet, "balance")) == 0, "an empty wallet", wallet)
    sb.control("POST", "/__sandbox/cards/fund", {"yativo_card_id": ycid, "amount": "12.5"})
    check(dec(field(payload(c.cards.get_wallet(ycid)), "balance")) == Decimal("12.5"),
          "funding is seen exactly")
    e = refused(c.cards.get_wallet, "ycd_" + "0" * 24)
    check(e.message == "not_found", "an unknown card account is not_found", e.message)


def test_cards__get_funding_address(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    ycid = seeded_card_account(sdk, sb)
    a1 = payload(sdk.cards.get_funding_address(ycid))
    a2 = payload(sdk.cards.get_funding_address(ycid))
    addr = field(a1, "address")
    check(addr and addr == field(a2, "address"), "a stable address", a1)
    check(field(a1, "chain") in ("SOL", "solana") and field(a1, "ticker") == "USDC_SOL",
          "USDC on Solana", a1)


def test_cards__get_customer_funding_address(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    _, ycid, _ = customer_card(sdk, sb)
    a = field(payload(sdk.cards.get_customer_funding_address(ycid)), "address")
    mine = field(payload(sdk.cards.get_funding_address(seeded_card_account(sdk, sb))), "address")
    check(a and a != mine, "the customer's address is its own")
    e = refused(sdk.cards.get_customer_funding_address, "ycd_" + "0" * 24)
    check(e.message == "not_found", "an unknown card account is not_found", e.message)


def test_cards__get_transactions(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    ycid = seeded_card_account(sdk, sb)
    c1, c2 = ident(new_card(sdk), "card_id"), ident(new_card(sdk), "card_id")
    spend(sb, c1, "12.34")
    spend(sb, c2, "1")
    txs = find_list(sdk.cards.get_transactions(ycid, c1), "transactions")
    check(len(txs) == 1 and dec(field(txs[0], "amount")) == Decimal("12.34"),
          "one card's purchase, exact", txs)
    check(find_list(sdk.cards.get_transactions(ycid, c1, limit=1, offset=1), "transactions")
          == [], "an offset past the end is empty")
    check(find_list(sdk.cards.get_transactions(ycid, c1, status="declined"), "transactions")
          == [], "the status filter holds")


def test_cards__get_all_transactions(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    ycid = seeded_card_account(sdk, sb)
    c1, c2 = ident(new_card(sdk), "card_id"), ident(new_card(sdk), "card_id")
    s1, s2 = spend(sb, c1, "2"), spend(sb, c2, "3")
    txs = find_list(sdk.cards.get_all_transactions(ycid, limit=100), "transactions")
    check({ident(s1, "transaction_id"), ident(s2, "transaction_id")}
          <= ids(txs, "transaction_id"), "both cards' purchases", txs)
    check(len(find_list(sdk.cards.get_all_transactions(ycid, limit=1), "transactions")) == 1,
          "limit is honoured")


def test_cards__get_dispute_reasons(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    ycid = seeded_card_account(sdk, sb)
    reasons = find_list(sdk.cards.get_dispute_reasons(ycid), "reasons", "dispute_reasons")
    check(reasons and all(field(r, "code") and field(r, "description") for r in reasons),
          "reasons with codes and descriptions", reasons)


def test_cards__dispute_transaction(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    ycid = seeded_card_account(sdk, sb)
    cid = ident(new_card(sdk), "card_id")
    tid = ident(spend(sb, cid, "9.99"), "transaction_id")
    reason = field(find_list(sdk.cards.get_dispute_reasons(ycid), "reasons")[0], "code")
    e = refused(sdk.cards.dispute_transaction, ycid, tid, "NOT_A_REASON")
    check(e.message == "validation_error", "an unknown reason is refused", e.message)
    d = payload(sdk.cards.dispute_transaction(ycid, tid, reason, "never arrived"))
    check(ident(d, "dispute_id") and field(d, "reason_code") == reason
          and field(d, "transaction_id") == tid, "a dispute of that purchase", d)
    txs = find_list(sdk.cards.get_transactions(ycid, cid), "transactions")
    check(txs[0].get("disputed") is True, "the purchase reads disputed", txs)
    e = refused(sdk.cards.dispute_transaction, ycid, tid, reason)
    check(code_of(e) == "already_disputed", "disputed once", code_of(e))


def test_cards__get_customer_dispute_reasons(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    _, ycid, _ = customer_card(sdk, sb)
    reasons = find_list(sdk.cards.get_customer_dispute_reasons(ycid), "reasons")
    check(reasons and all(field(r, "code") for r in reasons), "reasons", reasons)
    check([field(r, "code") for r in reasons] == [field(r, "code") for r in find_list(
        sdk.cards.get_dispute_reasons(seeded_card_account(sdk, sb)), "reasons")],
        "the same catalogue")


def test_cards__dispute_customer_transaction(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    _, ycid, cid = customer_card(sdk, sb)
    tid = ident(spend(sb, cid, "5"), "transaction_id")
    reason = field(find_list(sdk.cards.get_customer_dispute_reasons(ycid), "reasons")[0], "code")
    d = payload(sdk.cards.dispute_customer_transaction(ycid, tid, reason, "duplicate"))
    check(ident(d, "dispute_id") and field(d, "transaction_id") == tid, "a dispute", d)
    e = refused(sdk.cards.dispute_customer_transaction, ycid, "ctx_" + "0" * 24, reason)
    check(e.message == "not_found", "an unknown transaction is not_found", e.message)


def test_cards__get_spending_limits(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    c, _ = registered(sb)
    limits = payload(c.cards.get_spending_limits(ready_card_account(c, sb)))
    check(dec(field(limits, "daily_limit")) == 5000 and dec(field(limits, "monthly_limit")) ==
          20000 and dec(field(limits, "per_transaction_limit")) == 2500,
          "the documented starting limits", limits)


def test_cards__set_daily_spending_limit(sb: Sandbox) -> None:
    c, _ = registered(sb)
    ycid = ready_card_account(c, sb)
    payload(c.cards.set_daily_spending_limit(ycid, 123.45))
    limits = payload(c.cards.get_spending_limits(ycid))
    check(dec(field(limits, "daily_limit")) == Decimal("123.45"), "kept exactly", limits)
    e = refused(c.cards.set_daily_spending_limit, ycid, -1)
    check(e.message == "validation_error", "a negative limit is refused", e.message)
    cid = ident(new_card(c), "card_id")
    check(spend(sb, cid, "100").get("status") == "completed", "under the limit: bought")
    declined_or_refused(sb, cid, "50", "spending_limit_exceeded")


def test_cards__get_customer_spending_limits(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    _, ycid, _ = customer_card(sdk, sb)
    limits = payload(sdk.cards.get_customer_spending_limits(ycid))
    check(dec(field(limits, "daily_limit")) == 5000, "the starting daily limit", limits)


def test_cards__set_customer_daily_spending_limit(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    _, ycid, cid = customer_card(sdk, sb)
    payload(sdk.cards.set_customer_daily_spending_limit(ycid, 50))
    check(dec(field(payload(sdk.cards.get_customer_spending_limits(ycid)), "daily_limit")) == 50,
          "kept")
    declined_or_refused(sb, cid, "60", "spending_limit_exceeded")


def test_cards__get_user_profile(sb: Sandbox) -> None:
    c, _ = registered(sb)
    addr = email("profile")
    ycid = ident(payload(c.cards.onboard(addr, "Pro", "File")), "yativo_card_id")
    profile = payload(c.cards.get_user_profile(ycid))
    check(field(profile, "email") == addr and field(profile, "first_name") == "Pro"
          and field(profile, "last_name") == "File", "the names and e-mail", profile)
    check(field(profile, "safe_deployed") is False, "no wallet yet", profile)
    e = refused(c.cards.get_user_profile, "ycd_" + "0" * 24)
    check(e.message == "not_found", "an unknown card account is not_found", e.message)


def test_cards__get_customer_profile(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    cid, ycid, _ = customer_card(sdk, sb)
    profile = payload(sdk.cards.get_customer_profile(ycid))
    check(field(profile, "customer_id") == cid and field(profile, "kyc_status") == "approved",
          "the customer's profile, vouched for by the issuer", profile)


def test_cards__list_customer_cards(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    cid, _, card = customer_card(sdk, sb)
    listed = find_list(sdk.cards.list_customer_cards(cid), "cards")
    check(ids(listed, "card_id") == {card}, "exactly the customer's card", listed)
    seeded_card_account(sdk, sb)
    check(card not in ids(find_list(sdk.cards.list(), "cards"), "card_id"),
          "a customer's card is not among the user's own")


def test_cards__create_customer_card(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    cid, ycid, first = customer_card(sdk, sb)
    second = payload(sdk.cards.create_customer_card(cid, "virtual"))
    check(ident(second, "card_id") != first and field(second, "yativo_card_id") == ycid,
          "a second card on the same card account", second)
    check(len(find_list(sdk.cards.list_customer_cards(cid), "cards")) == 2, "two cards now")
    e = refused(sdk.cards.create_customer_card, "cus_" + "0" * 24)
    check(e.message == "not_found", "an unknown customer is not_found", e.message)


def test_cards__get_customer_ephemeral_token(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    _, ycid, card = customer_card(sdk, sb)
    t = payload(sdk.cards.get_customer_ephemeral_token(ycid, card))
    check(field(t, "ephemeral_token", "token") and field(t, "card_id") == card, "a token", t)
    e = refused(sdk.cards.get_customer_ephemeral_token, ycid, "crd_" + "0" * 24)
    check(e.message == "not_found", "an unknown card is not_found", e.message)


def test_cards__subscribe_webhook(sdk: yativo.YativoSDK, sb: Sandbox, receiver: Receiver) -> None:
    ycid = seeded_card_account(sdk, sb)
    sub = payload(sdk.cards.subscribe_webhook(ycid, receiver.url, ["card.transaction"]))
    check(ident(sub, "subscription_id") and field(sub, "callback_url") == receiver.url
          and field(sub, "events") == ["card.transaction"], "a subscription", sub)
    spend(sb, ident(new_card(sdk), "card_id"), "1.5")
    headers, body = receiver.wait(1)[0]
    event = json.loads(body)
    check(str(field(event, "type")).startswith("card."), "a card event is delivered", event)
    e = refused(sdk.cards.subscribe_webhook, ycid, "http://example.com/hook")
    check(e.message == "validation_error", "plain http to a remote host is refused", e.message)


def test_cards__unsubscribe_webhook(sdk: yativo.YativoSDK, sb: Sandbox,
                                    receiver: Receiver) -> None:
    ycid = seeded_card_account(sdk, sb)
    sid = ident(payload(sdk.cards.subscribe_webhook(ycid, receiver.url)), "subscription_id")
    answer = payload(sdk.cards.unsubscribe_webhook(ycid, sid))
    check(field(answer, "deleted") is True, "deleted", answer)
    e = refused(sdk.cards.unsubscribe_webhook, ycid, sid)
    check(e.message == "not_found", "unsubscribing twice is not_found", e.message)


SHIPPING = {"line1": "1 Main St", "city": "Berlin", "postal_code": "10115", "country": "DE"}


def new_order(sdk: yativo.YativoSDK, ycid: str) -> str:
    return ident(payload(sdk.cards.create_physical_card_order(ycid, SHIPPING, "A LOVELACE")),
                 "order_id")


def order_status(sdk: yativo.YativoSDK, ycid: str, oid: str) -> str:
    return str(field(payload(sdk.cards.get_physical_card_order_status(ycid, oid)), "status"))


def test_cards__create_physical_card_order(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    ycid = seeded_card_account(sdk, sb)
    order = payload(sdk.cards.create_physical_card_order(ycid, SHIPPING, "A LOVELACE"))
    oid = ident(order, "order_id")
    check(field(order, "personalization") == "A LOVELACE"
          and field(order, "status") == "pending_payment", "a new order awaits payment", order)
    check(oid in ids(find_list(sdk.cards.list_physical_card_orders(ycid), "orders"), "order_id"),
          "listed")
    e = refused(sdk.cards.create_physical_card_order, ycid, {"city": "Berlin"})
    check(e.message == "validation_error", "an incomplete address is refused", e.message)


def test_cards__get_physical_card_order_status(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    ycid = seeded_card_account(sdk, sb)
    oid = new_order(sdk, ycid)
    check(order_status(sdk, ycid, oid) == "pending_payment", "awaiting payment")
    payload(sdk.cards.attach_order_payment(ycid, oid, {"method": "wallet"}))
    check(order_status(sdk, ycid, oid) == "paid", "paid")
    sb.control("POST", "/__sandbox/cards/ship-order", {"order_id": oid})
    check(order_status(sdk, ycid, oid) == "shipped", "shipped")
    e = refused(sdk.cards.get_physical_card_order_status, ycid, "pco_" + "0" * 24)
    check(e.message == "not_found", "an unknown order is not_found", e.message)


def test_cards__list_physical_card_orders(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    c, _ = registered(sb)
    ycid = ready_card_account(c, sb)
    check(find_list(c.cards.list_physical_card_orders(ycid), "orders") == [], "none at first")
    o1, o2 = new_order(c, ycid), new_order(c, ycid)
    listed = ids(find_list(c.cards.list_physical_card_orders(ycid), "orders"), "order_id")
    check(listed == {o1, o2}, "exactly both orders", listed)


def test_cards__cancel_physical_card_order(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    ycid = seeded_card_account(sdk, sb)
    oid = new_order(sdk, ycid)
    payload(sdk.cards.cancel_physical_card_order(ycid, oid))
    check(order_status(sdk, ycid, oid) == "cancelled", "cancelled")
    e = refused(sdk.cards.attach_order_payment, ycid, oid, {"method": "wallet"})
    check(code_of(e) == "order_cancelled", "a cancelled order takes no payment", code_of(e))


def test_cards__attach_order_payment(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    ycid = seeded_card_account(sdk, sb)
    oid = new_order(sdk, ycid)
    answer = payload(sdk.cards.attach_order_payment(ycid, oid, {
        "method": "wallet", "transaction_hash": "0x" + "ab" * 32}))
    check(field(answer, "status") == "paid" and field(answer, "payment_id"), "paid", answer)
    e = refused(sdk.cards.attach_order_payment, ycid, oid, {"method": "wallet"})
    check(code_of(e) == "order_already_paid", "paid once", code_of(e))
    e = refused(sdk.cards.attach_order_payment, ycid, new_order(sdk, ycid), {})
    check(e.message == "validation_error", "an empty payment is refused", e.message)


def test_cards__set_physical_card_pin(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    ycid = seeded_card_account(sdk, sb)
    oid = new_order(sdk, ycid)
    payload(sdk.cards.attach_order_payment(ycid, oid, {"method": "wallet"}))
    shipped = payload(sb.control("POST", "/__sandbox/cards/ship-order", {"order_id": oid}))
    cid = field(shipped, "card_id")
    payload(sdk.cards.set_physical_card_pin(ycid, cid, "ZW5jcnlwdGVkLXBpbi1ibG9jaw=="))
    check(card_state(sdk, cid).get("pin_set") is True, "the physical card has a PIN")
    e = refused(sdk.cards.set_physical_card_pin, ycid, cid, "")
    check(e.message == "validation_error", "an empty PIN block is refused", e.message)
    e = refused(sdk.cards.set_physical_card_pin, ycid, ident(new_card(sdk), "card_id"), "ZW5j")
    check(e.message != "not_found", "a virtual card has no physical PIN", e.message)


def test_cards__activate_iban(sb: Sandbox) -> None:
    c, _ = registered(sb)
    ycid = ready_card_account(c, sb)
    e = refused(c.cards.activate_iban, ycid, "not_a_method")
    check(e.message == "validation_error", "an unknown KYC method is refused", e.message)
    e = refused(c.cards.activate_iban, ycid, "user_sumsub")
    check(e.message == "validation_error", "user_sumsub needs its token", e.message)
    answer = payload(c.cards.activate_iban(ycid, "platform_sumsub"))
    iban = str(field(answer, "iban"))
    check(iban.startswith("DE") and len(iban) == 22 and iban_ok(iban), "a valid German IBAN",
          answer)
    e = refused(c.cards.activate_iban, ycid, "platform_sumsub")
    check(e.message != "not_found", "activated once", e.message)


def iban_ok(iban: str) -> bool:
    """ISO 13616: the rearranged IBAN, letters as numbers, is 1 mod 97."""
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def test_cards__get_iban_status(sb: Sandbox) -> None:
    c, _ = registered(sb)
    ycid = ready_card_account(c, sb)
    before = payload(c.cards.get_iban_status(ycid))
    check(field(before, "status") == "inactive" and before.get("iban") is None, "inactive", before)
    iban = field(payload(c.cards.activate_iban(ycid, "direct_docs")), "iban")
    after = payload(c.cards.get_iban_status(ycid))
    check(field(after, "status") == "active" and field(after, "iban") == iban
          and field(after, "kyc_method") == "direct_docs", "active with the IBAN", after)


# Card issuer program (/card-issuer). The seeded user's program is applied for once per sandbox.


def issuer(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    if not hasattr(sb, "issuer"):
        payload(sdk.cards.apply_for_issuer_program("master", iban_enabled=False))
        sb.issuer = True  # type: ignore[attr-defined]


def issuer_deposit(sb: Sandbox, chain: str, amount: str, **kw: str) -> Dict[str, Any]:
    return payload(sb.control("POST", "/__sandbox/card-issuer/deposit",  # type: ignore
                              {"chain": chain, "amount": amount, **kw}))


def issuer_customer(sdk: yativo.YativoSDK, sb: Sandbox) -> str:
    issuer(sdk, sb)
    cid, _, _ = customer_card(sdk, sb, fund="")
    return cid


def test_cards__apply_for_issuer_program(sb: Sandbox) -> None:
    c, _ = registered(sb)
    e = refused(c.cards.apply_for_issuer_program, "sideways")
    check(e.message == "validation_error", "an unknown structure is refused", e.message)
    answer = payload(c.cards.apply_for_issuer_program("decentralized", iban_enabled=True))
    check(field(answer, "funding_structure") == "decentralized"
          and field(answer, "iban_enabled") is True, "round-trips", answer)
    status = payload(c.cards.get_issuer_program())
    check(field(status, "funding_structure") == "decentralized"
          and field(status, "status") in ("approved", "active"), "the program reads back", status)
    e = refused(c.cards.apply_for_issuer_program, "decentralized")
    check(code_of(e) == "already_applied", "one application per user", code_of(e))


def test_cards__get_issuer_program(sb: Sandbox) -> None:
    c, _ = registered(sb)
    try:
        before = payload(c.cards.get_issuer_program())
        check(field(before, "status") == "not_applied", "no program before applying", before)
    except YativoError as e:
        check(e.message == "not_found", "no program before applying", e.message)
    e = refused(c.cards.get_issuer_wallets)
    check(code_of(e) in ("issuer_program_not_active", "not_found"), "nothing else before it",
          code_of(e))
    payload(c.cards.apply_for_issuer_program("master"))
    after = payload(c.cards.get_issuer_program())
    check(field(after, "status") in ("approved", "active") and field(after, "applied") is True,
          "approved at once", after)


def test_cards__get_issuer_wallets(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    issuer(sdk, sb)
    before = {field(w, "chain"): dec(field(w, "balance"))
              for w in find_list(sdk.cards.get_issuer_wallets(), "wallets")}
    check({"SOL", "XDC"} <= set(before), "a wallet per chain", before)
    issuer_deposit(sb, "SOL", "250.75")
    after = {field(w, "chain"): dec(field(w, "balance"))
             for w in find_list(sdk.cards.get_issuer_wallets(), "wallets")}
    check(after["SOL"] - before["SOL"] == Decimal("250.75") and after["XDC"] == before["XDC"],
          "a deposit lands in its chain's wallet exactly", after)


def test_cards__fund_customer_card(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    cid = issuer_customer(sdk, sb)
    issuer_deposit(sb, "SOL", "1000")
    e = refused(sdk.cards.fund_customer_card, cid, 10, "DOGE")
    check(e.message == "validation_error", "an unknown source chain is refused", e.message)
    f = payload(sdk.cards.fund_customer_card(cid, 25.5, "SOL", pricing_mode="send_x"))
    check(ident(f, "funding_id"), "a funding id", f)
    check(dec(field(f, "amount")) == Decimal("25.5"), "the amount is exact", f)
    wallets = payload(sdk.cards.get_customer_wallets(cid))
    check([dec(b) for b in find_key(wallets, "balance")] == [Decimal("25")],
          "the customer's card holds 25.5 less the 0.5 bridge fee", wallets)
    e = refused(sdk.cards.fund_customer_card, cid, 100000, "XDC")
    check(e.message == "insufficient_balance", "a short wallet moves nothing", e.message)


def test_cards__list_issuer_customers(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    cid = issuer_customer(sdk, sb)
    listed = find_list(sdk.cards.list_issuer_customers(page=1, limit=100), "customers")
    check(cid in ids(listed, "customer_id"), "the card customer is listed", listed)
    check(len(find_list(sdk.cards.list_issuer_customers(page=1, limit=1), "customers")) == 1,
          "limit is honoured")


def test_cards__get_issuer_funding_addresses(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    cid = issuer_customer(sdk, sb)
    program = payload(sdk.cards.get_issuer_funding_addresses())
    wallets = {field(w, "chain"): field(w, "address")
               for w in find_list(sdk.cards.get_issuer_wallets(), "wallets")}
    found = {field(a, "chain"): field(a, "address")
             for a in find_list(program, "addresses", "funding_addresses")}
    check(found == wallets, "without a customer, the program wallets' addresses", program)
    own = payload(sdk.cards.get_issuer_funding_addresses(cid))
    again = payload(sdk.cards.get_issuer_funding_addresses(cid))
    check(own == again and set(find_key(own, "address")).isdisjoint(wallets.values()),
          "a customer's own addresses, stable", own)


def test_cards__list_funding_deposits(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    cid = issuer_customer(sdk, sb)
    d1 = ident(issuer_deposit(sb, "XDC", "30", customer_id=cid), "deposit_id")
    d2 = ident(issuer_deposit(sb, "SOL", "40"), "deposit_id")
    every = ids(find_list(sdk.cards.list_funding_deposits(limit=100), "deposits"), "deposit_id")
    check({d1, d2} <= every, "both deposits", every)
    xdc = find_list(sdk.cards.list_funding_deposits(limit=100, chain="XDC"), "deposits")
    check(d1 in ids(xdc, "deposit_id") and d2 not in ids(xdc, "deposit_id"),
          "the chain filter holds", xdc)
    waiting = find_list(sdk.cards.list_funding_deposits(limit=100, status="awaiting_manual"),
                        "deposits")
    check(all(field(d, "status") == "awaiting_manual" for d in waiting)
          and d1 in ids(waiting, "deposit_id"), "the status filter holds", waiting)


def test_cards__trigger_manual_funding(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    cid = issuer_customer(sdk, sb)
    did = ident(issuer_deposit(sb, "XDC", "40", customer_id=cid), "deposit_id")
    answer = payload(sdk.cards.trigger_manual_funding(did))
    check(field(answer, "deposit_id") == did or find_key(answer, "deposit_id") == [did],
          "the deposit funded", answer)
    listed = {ident(d, "deposit_id"): d
              for d in find_list(sdk.cards.list_funding_deposits(limit=100), "deposits")}
    check(listed[did].get("status") == "funded", "the deposit reads funded", listed[did])
    wallets = payload(sdk.cards.get_customer_wallets(cid))
    check([dec(b) for b in find_key(wallets, "balance")] == [Decimal("39.9")],
          "the customer is credited 40 less the 0.1 XDC fee", wallets)
    e = refused(sdk.cards.trigger_manual_funding, did)
    check(code_of(e) == "deposit_not_fundable", "a deposit is funded once", code_of(e))


def test_cards__get_customer_wallets(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    cid = issuer_customer(sdk, sb)
    wallets = payload(sdk.cards.get_customer_wallets(cid))
    check([dec(b) for b in find_key(wallets, "balance")] == [Decimal(0)],
          "the customer's empty card wallet", wallets)
    addrs = find_key(wallets, "address")
    check(addrs and addrs == find_key(payload(sdk.cards.get_customer_wallets(cid)), "address"),
          "with stable funding addresses", wallets)
    e = refused(sdk.cards.get_customer_wallets, "cus_" + "0" * 24)
    check(e.message == "not_found", "an unknown customer is not_found", e.message)


def test_cards__get_funding_history(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    c1, c2 = issuer_customer(sdk, sb), issuer_customer(sdk, sb)
    issuer_deposit(sb, "SOL", "100")
    f1 = payload(sdk.cards.fund_customer_card(c1, 7, "SOL"))
    payload(sdk.cards.fund_customer_card(c2, 8, "SOL"))
    h1 = find_list(sdk.cards.get_funding_history(customer_id=c1), "history", "fundings")
    check(ids(h1, "funding_id") == {ident(f1, "funding_id")}, "the customer filter holds", h1)
    check(dec(field(h1[0], "amount")) == 7, "with its amount", h1)


# ---- the SDK's own flaws, pinned (docs/sandbox.md, Conformance) -----------------------------------


def test_flaw_error_code_lands_in_message(sdk: yativo.YativoSDK) -> None:
    """The API's error body is {error: <code>, message: <text>, details}. The SDK builds
    YativoError(message=body["error"], code=body.get("code")): the machine code lands in .message,
    .code is None, and the human message is lost."""
    e = refused(sdk.assets.get_balance, "ast_" + "0" * 24)
    check(e.message == "not_found" and e.code is None, "code in .message, .code None",
          {"message": e.message, "code_attribute": e.code})
    check(str(e) == "not_found", "the human text is nowhere")


def test_flaw_client_side_cap_of_60_calls(sdk: yativo.YativoSDK, sb: Sandbox) -> None:
    """The SDK refuses a 61st call to one endpoint within a minute by itself (the API's limits are
    per credential and told by X-RateLimit-* and 429): the sandbox, run without limits, never
    sees it."""
    seen = sb.stats()["paths"].get("/accounts/get-accounts", 0)
    for _ in range(60):
        sdk.accounts.list()
    e = refused(sdk.accounts.list)
    check("Rate limit exceeded" in e.message, "the SDK's own refusal", e.message)
    check(sb.stats()["paths"].get("/accounts/get-accounts", 0) == seen + 60,
          "the 61st call never reached the server")
    payload(sdk.assets.list())  # another endpoint is counted apart


def test_flaw_strings_are_edited(sdk: yativo.YativoSDK) -> None:
    """Every string the SDK sends is "sanitized": <script>…</script>, `javascript:` and `on…=`
    are silently removed, so what is stored is not what the caller wrote."""
    sent = "Payroll <script>alert(1)</script>onclick=x javascript:y"
    aid = new_account(sdk, sent)
    stored = {ident(a, "account_id"): a.get("account_name")
              for a in find_list(sdk.accounts.list(), "accounts")}[aid]
    check(stored == "Payroll x y", "the stored name is the SDK's edit", stored)


def test_flaw_429_not_handled(make_sandbox: Any) -> None:
    """A 429 is raised at once: no wait for Retry-After / retry_after, no retry, and the
    retry_after the server sent is not exposed."""
    s = make_sandbox("--rate-limit", "2")
    c = yativo.YativoSDK(base_url=s.base_url)
    c.set_access_token(s.session_token)
    c.accounts.list()
    c.assets.list()
    before = s.stats()["requests"]
    e = refused(c.accounts.list)
    check(e.message == "rate_limit_exceeded", "the server's 429 code, in .message", e.message)
    check(s.stats()["requests"] == before + 1, "sent once, not retried")
    check(not hasattr(e, "retry_after") and e.details == {}, "retry_after is not exposed",
          {"details": e.details})


def test_flaw_no_token_refresh(make_sandbox: Any) -> None:
    """An expired access token is not refreshed or re-exchanged: the call fails with
    AuthenticationError("Authentication failed") (the server's code and message lost), although
    the client holds the key and secret it got the token with."""
    s = make_sandbox("--token-ttl", "1")
    admin = yativo.YativoSDK(base_url=s.base_url)
    admin.set_access_token(s.session_token)
    key = new_key(admin, s.codes)
    c = client_for_key(s, key)
    payload(c.accounts.list())
    exchanges = s.stats()["token_exchanges"]
    time.sleep(1.3)
    with pytest.raises(AuthenticationError) as info:
        c.accounts.list()
    check(info.value.message == "Authentication failed" and info.value.details is None,
          "a fixed text, nothing from the server", info.value.message)
    check(s.stats()["token_exchanges"] == exchanges, "no re-exchange was tried")


def test_flaw_2fa_refusal_reads_as_bad_token(sdk: yativo.YativoSDK, code: Codes) -> None:
    """The API answers a missing or wrong 2FA code with 401 two_factor_required /
    two_factor_invalid; the SDK turns every 401 into AuthenticationError("Authentication
    failed"), so a caller cannot tell a 2FA refusal from a dead token."""
    with pytest.raises(AuthenticationError) as missing:
        sdk.api_keys.create(unique("no-code"), ["read"])
    with pytest.raises(AuthenticationError) as wrong:
        sdk.api_keys.create(unique("bad-code"), ["read"], two_factor_code="000000")
    for e in (missing.value, wrong.value):
        check(e.message == "Authentication failed", "the 2FA code is lost", e.message)


def test_flaw_2fa_code_lives_on_the_client(sdk: yativo.YativoSDK, code: Codes) -> None:
    """The 2FA code is state of the client object (set_2fa_token), sent with whatever call comes
    next on that client, from any thread, and cleared by the next 2FA method whether or not it
    used it: not thread-safe."""
    sdk.set_2fa_token(code())
    key = payload(sdk.api_keys.create(unique("state"), ["read"]))  # no code argument: still sent
    check(ident(key, "key_id"), "the stored code authorised the call", key)
    check(sdk.two_factor_token is None, "and the method cleared it afterwards")


def test_flaw_webhook_signature_scheme_a_only(sdk: yativo.YativoSDK,
                                              receiver: Receiver) -> None:
    """verify_signature checks only scheme A (hex HMAC of the raw body, no timestamp): the
    timestamped scheme B signature of the same delivery does not verify with it, so the SDK
    offers no replay protection."""
    hook = new_webhook(sdk, receiver.url)
    payload(sdk.webhooks.test(ident(hook, "webhook_id")))
    headers, body = receiver.wait(1)[0]
    verify = yativo.resources.webhooks.Webhooks.verify_signature
    check(verify(body.decode(), headers.get("x-webhook-signature", ""), hook["secret"]),
          "scheme A verifies", headers)
    b = headers.get("x-yativo-signature", "")
    check(b.startswith("sha256="), "the delivery carries scheme B too", headers)
    check(not verify(body.decode(), b[len("sha256="):], hook["secret"]),
          "scheme B cannot be checked by the SDK")


def test_flaw_passkey_verify_stores_no_token(sb: Sandbox) -> None:
    """auth.passkey_verify returns the sign-in answer but, unlike verify_otp and verify_2fa, does
    not store its access token: the client stays signed out until the caller sets it."""
    _, addr, _ = register(sb)
    cred = passkey(sb, addr)
    c = yativo.YativoSDK(base_url=sb.base_url)
    challenge = field(payload(c.auth.passkey_options(addr)), "challenge")
    answer = c.auth.passkey_verify({"id": cred, "challenge": challenge, "email": addr})
    check(answer.get("access_token") and c.access_token is None,
          "a token in the answer, none on the client", answer)
    with pytest.raises(AuthenticationError):
        c.accounts.list()


def test_flaw_refresh_sends_the_access_token(sb: Sandbox) -> None:
    """auth.refresh_token() sends the access token the client holds as the bearer, not the
    refresh token it stored (the reference: `Authorization: Bearer <refresh_token>`): a client
    whose refresh token is garbage still refreshes. (The sandbox takes either token there.)"""
    c, _ = registered(sb)
    c.set_refresh_token("not-a-refresh-token")
    old = c.access_token
    payload(c.auth.refresh_token())
    check(c.access_token and c.access_token != old, "refreshed with the access token alone")


def test_flaw_default_base_url_lacks_api_prefix(sb: Sandbox) -> None:
    """The SDK's default base URL is the host alone (https://crypto-api.yativo.com), while the API
    lives under /api/v1: with the default (or any base without the prefix) every call misses."""
    check(yativo.YativoSDK().base_url == "https://crypto-api.yativo.com", "the default")
    c = yativo.YativoSDK(base_url=sb.root)
    c.set_access_token(sb.session_token)
    with pytest.raises(YativoError):
        c.accounts.list()
