"""Standalone IBAN: onboarding, KYC, then (once approved) the IBAN. Run it again to go on."""

import libyativo as yv

with yv.YativoCrypto.from_env() as c:
    status = c.iban.get_status()
    if status.status == "not_started":
        c.iban.initialize("ada@example.com")
        kyc = {"first_name": "Ada", "last_name": "Lovelace", "date_of_birth": "1815-12-10",
               "nationality": "GB", "address": "12 St James's Square, London"}
        status = c.iban.submit_kyc(kyc)  # any JSON object: sent as the body's "kyc"
    elif status.status == "approved":
        status = c.iban.request_iban()
    print("iban", status.status, status.iban or "", status.bic or "")
