"""Quick start: a key made with 2FA, a token, accounts, balances, and a transfer sent safely.

Reads YATIVO_BASE_URL, YATIVO_ACCESS_TOKEN (a dashboard session) and YATIVO_TOTP_SECRET (the
base32 secret of your authenticator app).
"""

import os
import time
import uuid
from decimal import Decimal
from typing import Optional

import libyativo as yv

BASE_URL = os.environ["YATIVO_BASE_URL"]

# 1. Create an API key. Key management needs a 2FA code: given the TOTP secret, the SDK
#    computes the code when it sends the request.
with yv.YativoCrypto(
    access_token=os.environ["YATIVO_ACCESS_TOKEN"],
    totp_secret=os.environ["YATIVO_TOTP_SECRET"],
    base_url=BASE_URL,
) as dashboard:
    key = dashboard.api_keys.create("payments-service", ["read", "write", "transactions"])
print("created", key)  # the repr never shows api_secret
assert key.api_secret is not None  # shown this once: keep it in your secret store


def send_safely(c: yv.YativoCrypto, asset: yv.Asset, to: str, amount: Decimal) -> yv.Transfer:
    """Sends once, even when the network fails: every attempt carries the same key."""
    assert asset.account_id and asset.ticker and asset.chain  # every listed asset has them
    idempotency_key = str(uuid.uuid4())
    for attempt in range(1, 6):
        try:
            return c.transactions.send_funds(
                account=asset.account_id,
                assets=asset.id,
                receiving_address=to,
                amount=amount,
                type=asset.ticker.split("_")[0],
                chain=asset.chain,
                category="payment",
                idempotency_key=idempotency_key,
            )
        except yv.YativoError as e:
            if not e.outcome_unknown or attempt == 5:
                raise
            # The server may have processed it: retrying with the same key cannot pay twice.
            print(f"attempt {attempt}: outcome unknown ({e}); retrying with the same key")
            time.sleep(1)
    raise AssertionError("unreachable")


# 2. Use the key: the client exchanges it for a short-lived token and refreshes it itself.
with yv.YativoCrypto(key.api_key, key.api_secret, base_url=BASE_URL) as c:
    token = c.token()
    print("token", token, "expires in", token.expires_in, "s")

    # 3. Accounts: typed records (Account), with every field the server sent in .raw.
    for account in c.accounts.list():
        print("account", account.id, account.name, "assets:", account.assets)

    # 4. Balances: amounts are decimal.Decimal, built from the exact digits the server sent.
    source: Optional[yv.Asset] = None
    for asset in c.assets.list():
        balance = c.balance.check(asset.id).balance
        print("balance", asset.ticker, balance)
        if source is None and balance >= 1:
            source = asset

    # 5. Send funds, safely: from the first asset holding at least 1.
    if source is None:
        # A new account holds nothing. In yativo-sandbox, fund an asset and run this again:
        #   curl -X POST http://127.0.0.1:PORT/__sandbox/deposit -d '{"asset_id":"...","amount":"10"}'
        print("no asset holds 1 or more: nothing sent (fund one first)")
    else:
        sent = send_safely(c, source, "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T", Decimal("0.5"))
        print("sent", sent.amount, sent.status, "key", sent.idempotency_key)
