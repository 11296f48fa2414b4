"""Card issuer: fund a customer's card from the master wallet, exactly once."""

import os

import libyativo as yv

customer_id = os.environ["CUSTOMER_ID"]  # one of your customers

with yv.YativoCrypto.from_env() as c:
    if c.card_issuer.get_program()["status"] == "not_applied":
        c.card_issuer.apply("master_wallet")
    for wallet in c.card_issuer.get_wallets():
        print("master wallet", wallet["chain"], wallet["balance"])

    # Funding moves value: the call always carries an Idempotency-Key, the core's own when you
    # give none, and the result (or the error) says which.
    funding = c.card_issuer.fund_customer(customer_id=customer_id, amount="25.50",
                                          source_chain="SOL")
    print("funded", funding.amount, funding.status, "with key", funding.idempotency_key)

    # Had the answer been lost (e.outcome_unknown), the same key funds the customer only once:
    again = c.card_issuer.fund_customer(customer_id=customer_id, amount="25.50",
                                        source_chain="SOL",
                                        idempotency_key=funding.idempotency_key)
    print("same funding:", again.id == funding.id)
