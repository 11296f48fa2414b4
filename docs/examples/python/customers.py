"""Customers (wallet-as-a-service): a customer, a wallet of theirs, their transfers."""

import libyativo as yv

with yv.YativoCrypto.from_env() as c:  # YATIVO_BASE_URL, YATIVO_ACCESS_TOKEN, ...
    alice = c.customers.create(
        "alice@example.com",
        name="Alice",
        metadata={"crm_id": "A-17", "tier": "gold"},  # any JSON value but a float
    )
    wallet = c.assets.create_customer_asset(alice.id, "solana", "USDC_SOL")
    print("customer", alice.name, "wallet", wallet.ticker, wallet.address is not None)
    for customer in c.customers.list(search="alice@"):
        print("found", customer.email, customer.raw["metadata"]["tier"])
    print("transfers", len(c.customers.get_transactions(alice.id, limit=20)))
