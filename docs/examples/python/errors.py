"""Error handling: one exception class per status, every field the server sent."""

import time
from decimal import Decimal

import libyativo as yv

with yv.YativoCrypto.from_env() as c:  # YATIVO_BASE_URL, YATIVO_API_KEY, YATIVO_API_SECRET, ...
    asset = c.assets.list()[0]
    assert asset.account_id is not None  # every listed asset names its account
    try:
        c.transactions.send_funds(
            account=asset.account_id,
            assets=asset.id,
            receiving_address="4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T",
            amount=Decimal("1000000000"),
            type="USDC",
            chain="solana",
            category="payment",
        )
    except yv.RateLimitError as e:
        time.sleep(e.retry_after or 1)
    except yv.ValidationError as e:  # 400 / 422
        print("refused:", e.error_code, e.http_status, e.details, "request", e.request_id)
    except yv.YativoError as e:
        print(e.code.name, e, "outcome unknown:", e.outcome_unknown, "key:", e.idempotency_key)
        raise

    try:
        c.transactions.send_funds(
            account="a", assets="b", receiving_address="c", amount=1.5,  # type: ignore[arg-type]
            type="USDC", chain="solana", category="payment",
        )
    except ValueError as e:  # InvalidArgumentError is a ValueError: floats are refused
        print("invalid:", e)
