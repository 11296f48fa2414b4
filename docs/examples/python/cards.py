"""Cards: open the card account, deploy its wallet, issue a card, freeze it (2FA), void it."""

from decimal import Decimal

import libyativo as yv

# YATIVO_BASE_URL, YATIVO_ACCESS_TOKEN, YATIVO_TOTP_SECRET: freeze and unfreeze need a 2FA code,
# which the client computes from the TOTP secret (or pass totp_code= to the call).
with yv.YativoCrypto.from_env() as c:
    account = c.cards.onboard("ada@example.com", "Ada", "Lovelace")
    assert account.id is not None  # the {yativo_card_id} of the calls below
    if c.cards.get_kyc_status().kyc_status != "approved":
        raise SystemExit("KYC is still pending: try again later")
    c.cards.accept_terms()
    c.cards.deploy_safe()

    card = c.cards.create(display_name="travel", spending_limit_amount=Decimal("250.00"),
                          spending_limit_frequency="monthly")
    print("card", card.id, "ending", card.last4, card.status)
    limits = c.cards.set_daily_spending_limit(account.id, "750.50")  # exact text, never a float
    print("daily limit", limits.daily_limit)

    print("frozen:", c.cards.freeze(card.id).status)  # sends X-2FA-Token
    try:
        c.cards.request_pin_otp(card.id)
    except yv.ValidationError as e:  # 422: a frozen card refuses use until unfrozen
        print("refused:", e.error_code)
    print("voided:", c.cards.void(card.id).status)  # for good: it refuses everything from now on
