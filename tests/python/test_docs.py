"""The examples of docs/python.md: the page shows exactly the files of docs/examples/python, they
pass mypy --strict, and they run against a sandbox."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from typing import Callable, Dict

import pytest

import libyativo as yv
from sandbox import Sandbox

ROOT = os.environ.get("YV_REPO_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLES = os.path.join(ROOT, "docs", "examples", "python")
DOC = os.path.join(ROOT, "docs", "python.md")


def doc_blocks() -> Dict[str, str]:
    text = open(DOC).read()
    return dict(re.findall(r"<!-- example: (\S+) -->\n```python\n(.*?)```\n", text, re.S))


def test_doc_shows_the_example_files() -> None:
    blocks = doc_blocks()
    files = sorted(f for f in os.listdir(EXAMPLES) if f.endswith(".py"))
    assert sorted(blocks) == files
    for name, code in blocks.items():
        assert code == open(os.path.join(EXAMPLES, name)).read(), name


def test_mypy_strict_on_examples() -> None:
    paths = [os.path.abspath(p) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    env = dict(os.environ, MYPYPATH=os.pathsep.join(paths))
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null",
         *sorted(os.path.join(EXAMPLES, f) for f in os.listdir(EXAMPLES) if f.endswith(".py"))],
        capture_output=True, text=True, env=env, cwd=EXAMPLES,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def run_example(name: str, env: Dict[str, str]) -> str:
    full = dict(os.environ, **env)
    proc = subprocess.run([sys.executable, os.path.join(EXAMPLES, name)], capture_output=True,
                          text=True, env=full, timeout=120)
    # Passed on to pytest's capture: `make test` keeps it (-rA) and searches it for secrets.
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


@pytest.fixture
def docs_sandbox(make_sandbox: Callable[..., Sandbox]) -> Sandbox:
    # The default TOTP period, as in production: the examples set none.
    return make_sandbox("--totp-period", "30")


def test_quickstart_sends_once_after_outcome_unknown(docs_sandbox: Sandbox) -> None:
    sb = docs_sandbox
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        account_id = c.accounts.create("treasury").id
        asset_id = c.assets.add(account_id, "solana", "USDC_SOL").id
    sb.deposit(asset_id, "10")
    # Every answer dropped until the example reports outcome_unknown; then the network "heals"
    # and its retry with the same key gets the original answer.
    sb.fault("/transactions/send-funds", "drop_after", count=1000)
    env = dict(os.environ, YATIVO_BASE_URL=sb.base_url, YATIVO_ACCESS_TOKEN=sb.session_token,
               YATIVO_TOTP_SECRET=sb.totp_secret)
    proc = subprocess.Popen([sys.executable, os.path.join(EXAMPLES, "quickstart.py")],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    assert proc.stdout is not None
    lines = []
    for line in proc.stdout:
        lines.append(line)
        if "outcome unknown" in line:
            sb.clear_faults()
    assert proc.wait(60) == 0, "".join(lines)
    out = "".join(lines)
    sys.stdout.write(out)  # kept by `make test` (-rA) and searched for secrets
    assert "api_secret='***'" in out and "balance USDC_SOL 10" in out
    assert "outcome unknown" in out and "sent 0.5 confirmed key " in out
    assert sb.stats()["transactions_created"] == 1


def test_errors_threads_and_webhook_examples(docs_sandbox: Sandbox) -> None:
    sb = docs_sandbox
    with yv.YativoCrypto(access_token=sb.session_token, totp_secret=sb.totp_secret,
                         base_url=sb.base_url) as c:
        key = c.api_keys.create("examples", ["read", "write", "transactions"])
        account_id = c.accounts.create("ops").id
        for ticker, chain in (("USDC_SOL", "solana"), ("SOL", "solana"), ("ETH", "ethereum")):
            c.assets.add(account_id, chain, ticker)
    assert key.api_secret
    env = {"YATIVO_BASE_URL": sb.base_url, "YATIVO_API_KEY": key.api_key,
           "YATIVO_API_SECRET": key.api_secret}
    out = run_example("errors.py", env)
    assert "refused: insufficient_balance 422" in out and "invalid: amount" in out
    assert len(run_example("threads.py", env).splitlines()) == 3
    assert sorted(run_example("asyncio_balances.py", env).splitlines()) == sorted(
        run_example("threads.py", env).splitlines())
    assert "event transaction.completed {'amount': '25.00'}" in run_example("webhook_receiver.py", {})


def test_cards_card_issuer_swap_and_iban_examples(make_sandbox: Callable[..., Sandbox]) -> None:
    sb = make_sandbox("--totp-period", "30", "--card-kyc-delay", "0", "--iban-review", "-1")
    env = {"YATIVO_BASE_URL": sb.base_url, "YATIVO_ACCESS_TOKEN": sb.session_token,
           "YATIVO_TOTP_SECRET": sb.totp_secret}
    out = run_example("cards.py", env)
    assert "daily limit 750.5\n" in out and "frozen: frozen" in out
    assert "refused: card_not_active" in out and "voided: voided" in out

    # A deposit to the issuer's SOL master wallet; a customer to fund.
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        c.card_issuer.apply("master_wallet")
    sb._control("POST", "/__sandbox/card-issuer/deposit", {"chain": "SOL", "amount": "100"})
    customer = sb._control("POST", "/__sandbox/cards/customer",
                           {"email": "bob@example.com", "name": "Bob Stone"})["data"]["id"]
    out = run_example("card_issuer.py", dict(env, CUSTOMER_ID=customer))
    assert "master wallet SOL 10100" in out  # the sandbox's starting float and the deposit
    assert "funded 25.5" in out and "same funding: True" in out
    with yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url) as c:
        sol = next(w for w in c.card_issuer.get_wallets() if w["chain"] == "SOL")
        assert sol["balance"] == "10074.5"  # funded once

        account = c.accounts.create("swaps").id
        usdc = c.assets.add(account, "solana", "USDC_SOL").id
        eth = c.assets.add(account, "ethereum", "ETH").id
    sb.deposit(usdc, "100")
    out = run_example("swap.py", dict(env, FROM_ASSET_ID=usdc, TO_ASSET_ID=eth))
    assert "swapped 10 -> 0.0032967 completed key " in out and out.count("history ") == 1

    assert "iban kyc_submitted" in run_example("iban.py", env)
    sb._control("POST", "/__sandbox/iban/approve", {})
    assert re.search(r"iban issued DE\d{20} YATVDEB1XXX", run_example("iban.py", env))


def test_customer_auto_forwarding_and_analytics_examples(docs_sandbox: Sandbox) -> None:
    sb = docs_sandbox
    env = {"YATIVO_BASE_URL": sb.base_url, "YATIVO_ACCESS_TOKEN": sb.session_token,
           "YATIVO_TOTP_SECRET": sb.totp_secret}
    out = run_example("customers.py", env)
    assert "customer Alice wallet USDC_SOL True" in out and "found alice@example.com gold" in out
    assert "transfers 0" in out
    out = run_example("auto_forwarding.py", env)
    assert "rule 12.5 enabled True" in out and "paused True rules 1" in out
    assert "analytics" in run_example("analytics.py", env)
