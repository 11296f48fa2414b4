"""Auto-forwarding: pass a share of every deposit to an asset on to another address."""

from decimal import Decimal

import libyativo as yv

with yv.YativoCrypto.from_env() as c:  # the writes send a 2FA code from YATIVO_TOTP_SECRET
    account = c.accounts.create("sweeps")
    asset = c.assets.add(account.id, "solana", "USDC_SOL")
    rule = c.auto_forwarding.create(
        "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T",
        Decimal("12.5"),  # percent, exact
        "all_wallets",
        asset.id,
        "solana",
        minimum_amount="1",
        description="treasury sweep",
    )
    print("rule", rule.percentage, "enabled", rule.enabled)
    paused = c.auto_forwarding.update(rule.id, enabled=False)
    print("paused", paused.enabled is False, "rules", len(c.auto_forwarding.list()))
    # c.auto_forwarding.delete(rule.id) removes it (a third 2FA write: the next TOTP step).
