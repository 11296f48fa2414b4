"""Swaps: a quote, then its execution (2FA; moves value, exactly once), then the history."""

import os

import libyativo as yv

source, target = os.environ["FROM_ASSET_ID"], os.environ["TO_ASSET_ID"]

with yv.YativoCrypto.from_env() as c:  # with YATIVO_TOTP_SECRET for execute's X-2FA-Token
    quote = c.swap.get_quote(from_asset_id=source, to_asset_id=target, amount="10")
    print("quote", quote.from_amount, quote.from_ticker, "->", quote.to_amount, quote.to_ticker,
          "until", quote.expires_at)
    try:
        done = c.swap.execute(quote_id=quote.id)
    except yv.YativoError as e:
        # An expired quote is 422 quote_expired. After an unknown outcome, execute again with
        # e.idempotency_key: the swap happens once.
        print("not swapped:", e.error_code, "key", e.idempotency_key)
        raise
    print("swapped", done.from_amount, "->", done.to_amount, done.status,
          "key", done.idempotency_key)
    for s in c.swap.get_history(limit=5):
        print("history", s.id, s.from_ticker, s.from_amount, "->", s.to_ticker, s.to_amount)
