"""The official SDK's calls of the webhooks, accounts, assets, transactions, customers,
analytics and auto-forwarding groups, typed, against the sandbox: what one call creates the next
one sees, amounts are exact Decimals, 2FA is sent where the reference marks it."""

from __future__ import annotations

import decimal
import uuid

import pytest

import libyativo as yv
from sandbox import SOLANA_ADDRESS, Sandbox


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def test_one_webhook_get_update_activate_test_and_its_events(session: yv.YativoCrypto) -> None:
    hook = session.webhooks.create("https://example.com/py-one", ["transaction.confirmed"])
    got = session.webhooks.get(hook.id)
    assert got.id == hook.id and got.url == "https://example.com/py-one"
    assert got.secret is None  # shown at create only
    updated = session.webhooks.update(hook.id, url="https://example.com/py-two",
                                      events=["transaction.failed"], description="moved")
    assert (updated.url, updated.events, updated.description) == (
        "https://example.com/py-two", ["transaction.failed"], "moved")
    assert session.webhooks.get(hook.id).url == "https://example.com/py-two"
    paused = session.webhooks.deactivate(hook.id)
    assert paused.raw.get("status") in ("inactive", None) or paused.raw.get("active") is False
    with pytest.raises(yv.ConflictError):
        session.webhooks.test(hook.id)  # an inactive webhook cannot be tested
    session.webhooks.activate(hook.id)
    queued = session.webhooks.test(hook.id)
    assert queued["type"] == "webhook.test"
    events = session.webhooks.events(hook.id)
    assert [e.event_id for e in events] == [queued["event_id"]]
    assert events[0].type == "webhook.test" and events[0].webhook_id == hook.id
    assert events[0].status in ("pending", "delivered", "failed")
    assert session.webhooks.events(hook.id, status="delivered", limit=5) == [
        e for e in events if e.status == "delivered"]
    with pytest.raises(yv.InvalidArgumentError):
        session.webhooks.events(hook.id, status="done")
    with pytest.raises(yv.NotFoundError):
        session.webhooks.get("wh_" + "0" * 24)


def test_accounts_and_assets_of_the_catalogue(session: yv.YativoCrypto, sandbox: Sandbox) -> None:
    catalogue = session.assets.get_all_supported()
    assert isinstance(catalogue, list) and catalogue
    chains = session.assets.get_chains()
    assert any(str(c.get("name", "")).lower().startswith("solana") or c.get("id") == "SOL"
               for c in chains)
    account = session.accounts.create(unique("py-batch"))
    batch = session.assets.create_batch(account.id, ["solana", "ethereum"], ["USDC_SOL", "ETH"])
    assert sorted(a.chain or "" for a in batch) == ["ethereum", "solana"]
    assert all(a.account_id == account.id for a in batch)
    user_id = str(account.raw.get("user_id") or batch[0].raw.get("user_id"))
    mine = session.accounts.get_by_user_id(user_id)
    assert account.id in [a.id for a in mine]
    assert {a.id for a in batch} <= {a.id for a in session.assets.get_by_user_id(user_id)}
    sol = next(a for a in batch if a.chain == "solana")
    sandbox.deposit(sol.id, "1.000000000000000001")
    archived = session.assets.archive(sol.id)
    assert archived.id == sol.id and archived.status == "archived"
    assert sol.id not in [a.id for a in session.assets.list(account.id)]
    station = session.assets.create_gas_station("ethereum", "ETH")
    assert station.id in [s.id for s in session.assets.get_gas_stations()]


def test_customers_their_wallets_and_transactions(session: yv.YativoCrypto) -> None:
    email = unique("py-cust") + "@example.com"
    c = session.customers.create(email, name="Py Customer", phone="+15550001111")
    assert c.id and c.email == email and c.name == "Py Customer" and c.phone == "+15550001111"
    listed = session.customers.list(search=email)
    assert [x.id for x in listed] == [c.id]
    assert [x.id for x in session.customers.list(customer_id=c.id)] == [c.id]
    wallet = session.assets.create_customer_asset(c.id, "solana", "USDC_SOL")
    assert [a.id for a in session.assets.get_customer_assets(c.id)] == [wallet.id]
    assert wallet.id in [a.id for a in session.assets.get_customer_assets()]
    assert session.customers.get_transactions(c.id) == []
    with pytest.raises(yv.ConflictError):
        session.customers.create(email)


def test_one_transaction_its_asset_history_and_cancel(session: yv.YativoCrypto,
                                                      sandbox: Sandbox) -> None:
    account = session.accounts.create(unique("py-tx"))
    asset = session.assets.add(account.id, "solana", "USDC_SOL")
    sandbox.deposit(asset.id, "50")
    sent = session.transactions.send_funds(
        account=account.id, assets=asset.id, receiving_address=SOLANA_ADDRESS,
        amount="1.25", type="USDC", chain="solana", category="payment")
    tx = session.transactions.get(sent.id)
    assert tx.id == sent.id and tx.amount == decimal.Decimal("1.25")
    history = session.transactions.asset_history(asset.id, limit=10)
    assert sent.id in [t.id for t in history]
    with pytest.raises(yv.InvalidArgumentError):
        session.transactions.asset_history(asset.id, limit=101)
    if tx.status == "pending":
        answer = session.transactions.cancel(sent.id)
        assert answer
        assert session.transactions.get(sent.id).status == "cancelled"
    else:
        with pytest.raises(yv.ConflictError):
            session.transactions.cancel(sent.id)


def test_analytics(session: yv.YativoCrypto) -> None:
    assert isinstance(session.analytics.transactions(), dict)
    assert isinstance(session.analytics.dashboard(), dict)


def test_auto_forwarding_rules_with_2fa(session: yv.YativoCrypto, sandbox: Sandbox) -> None:
    account = session.accounts.create(unique("py-fwd"))
    asset = session.assets.add(account.id, "solana", "USDC_SOL")
    rule = session.auto_forwarding.create(
        SOLANA_ADDRESS, "12.5", "all_wallets", asset.id, "solana",
        minimum_amount=decimal.Decimal("0.000000000000000001"), description="half-ish",
        settings={"note": "x"})
    assert rule.percentage == decimal.Decimal("12.5")
    assert rule.minimum_amount == decimal.Decimal("0.000000000000000001")
    assert rule.enabled is True and rule.raw["settings"] == {"note": "x"}
    assert rule.id in [r.id for r in session.auto_forwarding.list()]
    changed = session.auto_forwarding.update(rule.id, percentage="100", enabled=False)
    assert changed.percentage == decimal.Decimal("100") and changed.enabled is False
    assert session.auto_forwarding.get(rule.id).enabled is False
    with pytest.raises(yv.InvalidArgumentError):
        session.auto_forwarding.update(rule.id, percentage=12.5)  # a float is never money
    session.auto_forwarding.delete(rule.id)
    with pytest.raises(yv.NotFoundError):
        session.auto_forwarding.get(rule.id)


def test_auto_forwarding_enabled_true_false_or_unset(session: yv.YativoCrypto) -> None:
    # enabled is Optional[bool]: None sends nothing (the server's default on create, no change on
    # update); True and False are sent as they are.
    account = session.accounts.create(unique("py-fwd-enabled"))
    asset = session.assets.add(account.id, "solana", "USDC_SOL")

    def create(**kwargs: object) -> yv.AutoForwardingRule:
        return session.auto_forwarding.create(SOLANA_ADDRESS, "10", "all_wallets", asset.id,
                                              "solana", **kwargs)

    assert create().enabled is True
    assert create(enabled=True).enabled is True
    rule = create(enabled=False)
    assert rule.enabled is False
    same = session.auto_forwarding.update(rule.id, percentage="20")
    assert same.percentage == decimal.Decimal("20") and same.enabled is False
    assert session.auto_forwarding.update(rule.id, enabled=True).enabled is True
    assert session.auto_forwarding.update(rule.id, percentage="30", enabled=None).enabled is True
    assert session.auto_forwarding.update(rule.id, enabled=False).enabled is False
    got = session.auto_forwarding.get(rule.id)
    assert got.enabled is False and got.percentage == decimal.Decimal("30")
    # Not a bool: refused before any request (it was JSON text once).
    with pytest.raises(TypeError):
        session.auto_forwarding.update(rule.id, enabled="false")  # type: ignore[arg-type]


def test_auto_forwarding_writes_need_2fa(sandbox: Sandbox) -> None:
    # A session without a TOTP source and no code: refused before anything is sent.
    kwargs = dict(sandbox.session_kwargs())
    kwargs.pop("totp_secret")
    kwargs.pop("totp_period")
    with yv.YativoCrypto(**kwargs) as s:
        with pytest.raises(yv.TwoFactorRequiredError):
            s.auto_forwarding.delete("afr_" + "0" * 24)
