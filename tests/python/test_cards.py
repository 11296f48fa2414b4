"""The cards and card-issuer groups against the sandbox: the card account's onboarding, a card's
life (freeze and unfreeze with 2FA, void, then refused), spending limits as exact decimals, and a
customer funded from the issuer's master wallet with an idempotency key that is returned and
makes a retry happen once."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Callable, Iterator

import pytest

import libyativo as yv
from sandbox import Sandbox


@pytest.fixture
def sb(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    return make_sandbox("--card-kyc-delay", "0")  # KYC approved at the request after onboarding


@pytest.fixture
def c(sb: Sandbox) -> Iterator[yv.YativoCrypto]:
    with yv.YativoCrypto(**sb.session_kwargs()) as client:
        yield client


def card_ready(c: yv.YativoCrypto) -> str:
    """Onboards the session user and deploys its card wallet; the card account's id."""
    account = c.cards.onboard("holder@example.com", "Ada", "Lovelace")
    assert account.id and account.id.startswith("ycd_")
    assert (account.first_name, account.last_name, account.kyc_status) == ("Ada", "Lovelace",
                                                                            "pending")
    # The sandbox approves KYC at the next request (--card-kyc-delay 0).
    status = c.cards.get_kyc_status()
    assert status.kyc_status == "approved" and status.id == account.id
    with pytest.raises(yv.ConflictError) as e:  # terms first
        c.cards.deploy_safe()
    assert e.value.details["reason"] == "terms_not_accepted"
    c.cards.accept_terms()
    deployed = c.cards.deploy_safe()
    assert deployed["safe_address"].startswith("0x")
    assert c.cards.get_kyc_status().safe_deployed is True
    return account.id


def test_card_life_freeze_needs_2fa_and_a_voided_card_refuses(sb: Sandbox,
                                                             c: yv.YativoCrypto) -> None:
    ycd = card_ready(c)
    card = c.cards.create(display_name="travel", spending_limit_amount=Decimal("250.000000000000000001"),
                          spending_limit_frequency="monthly")
    assert card.status == "active" and card.type == "virtual" and card.display_name == "travel"
    assert card.yativo_card_id == ycd and card.last4 and len(card.last4) == 4
    # The limit went out as the exact text: the sandbox echoes it.
    assert card.raw["spending_limit"]["amount"] == "250.000000000000000001"
    assert [x.id for x in c.cards.list()] == [card.id]

    # Without a TOTP source the core cannot send X-2FA-Token; the card stays active.
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as no_totp:
        with pytest.raises(yv.TwoFactorRequiredError):
            no_totp.cards.freeze(card.id)
        with pytest.raises(yv.TwoFactorRequiredError) as wrong:
            no_totp.cards.freeze(card.id, totp_code="000000")
        assert wrong.value.http_status == 401
    assert c.cards.list()[0].status == "active"

    frozen = c.cards.freeze(card.id)  # the client's TOTP secret gives the code
    assert (frozen.id, frozen.status) == (card.id, "frozen")
    with pytest.raises(yv.ConflictError) as again:
        c.cards.freeze(card.id)
    assert again.value.details["reason"] == "card_already_frozen"
    # A frozen card refuses use: the PIN code cannot be requested.
    with pytest.raises(yv.ValidationError) as used:
        c.cards.request_pin_otp(card.id)
    assert used.value.error_code == "card_not_active"
    assert c.cards.unfreeze(card.id, totp_code=yv.totp(sb.totp_secret, period=2)).status == "active"

    token = c.cards.get_ephemeral_token(ycd, card.id)
    assert token["card_id"] == card.id and token["expires_in"] == "300"

    voided = c.cards.void(card.id)
    assert voided.status == "voided"
    for refused in (lambda: c.cards.freeze(card.id), lambda: c.cards.void(card.id),
                    lambda: c.cards.request_pin_otp(card.id)):
        with pytest.raises(yv.ValidationError) as e:
            refused()
        assert e.value.error_code == "card_not_active" and e.value.http_status == 422
    assert c.cards.list()[0].status == "voided"
    with pytest.raises(yv.NotFoundError):
        c.cards.freeze("crd_000000000000000000000000")


def test_spending_limits_are_exact(c: yv.YativoCrypto) -> None:
    ycd = card_ready(c)
    limits = c.cards.get_spending_limits(ycd)
    assert limits.daily_limit == Decimal("5000") and limits.currency == "USD"
    changed = c.cards.set_daily_spending_limit(ycd, "1234.567890123456789")
    assert changed.daily_limit == Decimal("1234.567890123456789")
    assert str(c.cards.get_spending_limits(ycd).daily_limit) == "1234.567890123456789"
    with pytest.raises(yv.InvalidArgumentError):  # a float is refused before any I/O
        c.cards.set_daily_spending_limit(ycd, 1.5)  # type: ignore[arg-type]
    with pytest.raises(yv.InvalidArgumentError):
        c.cards.set_daily_spending_limit(ycd, "-1")
    assert c.cards.get_spending_limits(ycd).daily_limit == Decimal("1234.567890123456789")


def test_iban_of_the_card_account(c: yv.YativoCrypto) -> None:
    ycd = card_ready(c)
    assert c.cards.get_iban_status(ycd).status == "inactive"
    with pytest.raises(yv.InvalidArgumentError):
        c.cards.activate_iban(ycd, "by_post")  # not one of the three methods
    active = c.cards.activate_iban(ycd, "platform_sumsub")
    assert active.status == "active" and active.iban and active.iban.startswith("DE")
    assert c.cards.get_iban_status(ycd).iban == active.iban


def test_fund_customer_returns_the_key_and_happens_once(sb: Sandbox, c: yv.YativoCrypto) -> None:
    program = c.card_issuer.apply("master_wallet")
    assert program["funding_structure"] == "master_wallet"
    sb._control("POST", "/__sandbox/card-issuer/deposit", {"chain": "SOL", "amount": "100"})
    customer = sb._control("POST", "/__sandbox/cards/customer",
                           {"email": "bob@example.com", "name": "Bob Stone"})["data"]["id"]

    def sol_balance() -> Decimal:
        wallets = c.card_issuer.get_wallets()
        return Decimal(next(w["balance"] for w in wallets if w["chain"] == "SOL"))

    start = sol_balance()  # the program's starting float and the deposit
    generated = c.card_issuer.fund_customer(customer_id=customer, amount="10.000000000000000001",
                                            source_chain="SOL")
    uuid.UUID(generated.idempotency_key)  # the core made one and returned it
    assert generated.raw["idempotency_key"] == generated.idempotency_key
    assert generated.amount == Decimal("10.000000000000000001") and generated.customer_id == customer
    assert generated.source_chain == "SOL" and generated.pricing_mode == "send_x"
    assert sol_balance() == start - Decimal("10.000000000000000001")

    key = str(uuid.uuid4())
    first = c.card_issuer.fund_customer(customer_id=customer, amount="5", source_chain="SOL",
                                        idempotency_key=key)
    again = c.card_issuer.fund_customer(customer_id=customer, amount="5", source_chain="SOL",
                                        idempotency_key=key)
    assert first.idempotency_key == again.idempotency_key == key and first.id == again.id
    assert sol_balance() == start - Decimal("15.000000000000000001")  # debited once
    with pytest.raises(yv.ValidationError) as e:
        c.card_issuer.fund_customer(customer_id=customer, amount="100000", source_chain="SOL")
    assert e.value.error_code == "insufficient_balance" and e.value.idempotency_key
    assert sol_balance() == start - Decimal("15.000000000000000001")
    with pytest.raises(yv.InvalidArgumentError):
        c.card_issuer.fund_customer(customer_id=customer, amount="5", source_chain="SOL",
                                    pricing_mode="fast")
    wallets = c.card_issuer.get_customer_wallets(customer)
    assert wallets["customer_id"] == customer

    # An XDC deposit to the customer's address waits for a manual funding, also keyed.
    dep = sb._control("POST", "/__sandbox/card-issuer/deposit",
                      {"chain": "XDC", "amount": "20", "customer_id": customer})["data"]
    assert dep["status"] == "awaiting_manual"
    funded = c.card_issuer.trigger_manual_funding(deposit_id=dep["deposit_id"])
    uuid.UUID(funded.idempotency_key)
    assert funded.deposit_id == dep["deposit_id"] and funded.status == "funded"
    with pytest.raises(yv.ConflictError):
        c.card_issuer.trigger_manual_funding(deposit_id=dep["deposit_id"])


def test_card_transactions_filtered_by_query(sb: Sandbox, c: yv.YativoCrypto) -> None:
    ycd = card_ready(c)
    card = c.cards.create()
    sb._control("POST", "/__sandbox/cards/fund", {"yativo_card_id": ycd, "amount": "100"})
    for amount in ("12.345", "0.000000000000000001", "7"):
        sb._control("POST", "/__sandbox/cards/spend", {"card_id": card.id, "amount": amount})
    every = c.cards.get_transactions(ycd, card.id)
    assert [t.amount for t in every] == [Decimal("7"), Decimal("0.000000000000000001"),
                                         Decimal("12.345")]  # newest first, exact
    assert {t.status for t in every} == {"completed"} and every[0].card_id == card.id
    # The filters travel in the query string: status, limit, offset, from/to.
    page = c.cards.get_transactions(ycd, card.id, status="completed", limit=1, offset=1)
    assert [t.amount for t in page] == [Decimal("0.000000000000000001")]
    assert c.cards.get_transactions(ycd, card.id, status="declined") == []
    assert c.cards.get_transactions(ycd, card.id, from_date="2999-01-01") == []
    assert len(c.cards.get_transactions(ycd, card.id, to_date="2999-01-01")) == 3
    assert len(c.cards.get_all_transactions(ycd, limit=2)) == 2
    with pytest.raises(yv.InvalidArgumentError):  # limit 1..100, checked before any I/O
        c.cards.get_transactions(ycd, card.id, limit=101)
    with pytest.raises(yv.ValidationError) as bad:
        c.cards.get_transactions(ycd, card.id, status="lost")
    assert "status" in str(bad.value.details)


def test_physical_order_paid_once_with_its_key(c: yv.YativoCrypto) -> None:
    ycd = card_ready(c)
    address = {"line1": "12 St James's Square", "city": "London", "postal_code": "SW1Y 4LB",
               "country": "GB"}
    order = c.cards.create_physical_card_order(ycd, address, "ADA LOVELACE")
    assert order.status == "pending_payment" and order.personalization == "ADA LOVELACE"
    assert order.raw["shipping_address"]["city"] == "London"  # the object went out as JSON
    with pytest.raises(yv.InvalidArgumentError):  # money is never a float, even inside
        c.cards.create_physical_card_order(ycd, {"line1": 1.5})
    key = str(uuid.uuid4())
    paid = c.cards.attach_order_payment(yativo_card_id=ycd, order_id=order.id,
                                        asset_id="ast_x", amount="9.99", idempotency_key=key)
    again = c.cards.attach_order_payment(yativo_card_id=ycd, order_id=order.id,
                                         asset_id="ast_x", amount="9.99", idempotency_key=key)
    assert paid.idempotency_key == again.idempotency_key == key
    assert (paid.order_id, paid.status, again.status) == (order.id, "paid", "paid")
    assert paid.raw["payment"]["payment_data"]["amount"] == "9.99"
    with pytest.raises(yv.ConflictError) as e:  # another key: a second payment is refused
        c.cards.attach_order_payment(yativo_card_id=ycd, order_id=order.id, amount="9.99")
    assert e.value.details["reason"] == "order_already_paid"
    uuid.UUID(e.value.idempotency_key or "")
    assert [o.status for o in c.cards.list_physical_card_orders(ycd)] == ["paid"]
    assert c.cards.get_physical_card_order_status(ycd, order.id).status == "paid"


def test_issuer_lists_take_query_filters(sb: Sandbox, c: yv.YativoCrypto) -> None:
    c.card_issuer.apply("master_wallet")
    customer = sb._control("POST", "/__sandbox/cards/customer",
                           {"email": "bob@example.com", "name": "Bob Stone"})["data"]["id"]
    for chain, amount in (("XDC", "20"), ("SOL", "30")):
        sb._control("POST", "/__sandbox/card-issuer/deposit",
                    {"chain": chain, "amount": amount, "customer_id": customer})
    xdc = c.card_issuer.list_deposits(chain="XDC")
    assert [d["amount"] for d in xdc] == ["20"] and xdc[0]["status"] == "awaiting_manual"
    assert len(c.card_issuer.list_deposits(page=1, limit=1)) == 1
    assert c.card_issuer.list_deposits(status="funded") == []
    c.card_issuer.trigger_manual_funding(deposit_id=xdc[0]["deposit_id"])
    history = c.card_issuer.get_funding_history(customer_id=customer, chain="XDC")
    assert [h["deposit_id"] for h in history] == [xdc[0]["deposit_id"]]
    assert c.card_issuer.get_funding_history(chain="SOL") == []
    customers = c.card_issuer.list_customers(page=1, limit=5)
    assert [x["customer_id"] for x in customers] == [customer]
    addresses = c.card_issuer.get_funding_addresses(customer_id=customer)
    assert addresses["customer_id"] == customer
    with pytest.raises(yv.InvalidArgumentError):
        c.card_issuer.list_customers(limit=0)
