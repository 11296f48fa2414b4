"""logger=: the core's log lines reach a Python logger, never with a secret, from any thread."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from typing import List, Tuple

import pytest

import libyativo as yv
from sandbox import Sandbox


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: List[logging.LogRecord] = []
        self.records_lock = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        with self.records_lock:
            self.records.append(record)

    def lines(self) -> List[str]:
        with self.records_lock:
            return [r.getMessage() for r in self.records]


def make_logger(name: str, level: int) -> Tuple[logging.Logger, Collect]:
    logger = logging.getLogger(f"libyativo.test.{name}")
    logger.handlers.clear()
    logger.propagate = False
    logger.setLevel(level)
    handler = Collect()
    logger.addHandler(handler)
    return logger, handler


def test_debug_lines_reach_the_logger_without_secrets(
    sandbox: Sandbox, admin_key: Tuple[str, str]
) -> None:
    logger, handler = make_logger("debug", logging.DEBUG)
    with yv.YativoCrypto(*admin_key, base_url=sandbox.base_url, logger=logger) as c:
        token = c.token().access_token
        c.accounts.list()
        with pytest.raises(yv.NotFoundError):
            c.api_keys.get("key_000000000000000000000000")
    lines = handler.lines()
    assert any("attempt 1" in line for line in lines), lines
    assert any("token exchanged" in line for line in lines), lines
    assert {r.levelno for r in handler.records} >= {logging.DEBUG}
    assert all(r.name == logger.name for r in handler.records)
    for line in lines:
        assert admin_key[1] not in line
        assert token not in line


def test_the_loggers_level_is_respected(sandbox: Sandbox, admin_key: Tuple[str, str]) -> None:
    logger, handler = make_logger("warning", logging.WARNING)
    with yv.YativoCrypto(*admin_key, base_url=sandbox.base_url, logger=logger) as c:
        c.accounts.list()
    assert handler.lines() == []


def test_a_failing_handler_does_not_fail_the_call(
    sandbox: Sandbox, admin_key: Tuple[str, str]
) -> None:
    logger, _ = make_logger("raising", logging.DEBUG)

    class Boom(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            raise RuntimeError("handler bug")

        def handleError(self, record: logging.LogRecord) -> None:
            raise RuntimeError("still broken")

    logger.addHandler(Boom())
    with yv.YativoCrypto(*admin_key, base_url=sandbox.base_url, logger=logger) as c:
        assert isinstance(c.accounts.list(), list)


def test_not_a_logger_is_an_invalid_argument() -> None:
    with pytest.raises(yv.InvalidArgumentError, match="logger must be"):
        yv.YativoCrypto("k", "s", base_url="http://127.0.0.1:9", logger=print)  # type: ignore[arg-type]


# Run in a child process, so that a deadlock fails the test after a timeout instead of hanging
# the suite.
DEADLOCK_SCENARIO = """
import logging, os, sys, threading, time
import libyativo as yv
base_url = sys.argv[1]
api_key, api_secret = os.environ["YATIVO_API_KEY"], os.environ["YATIVO_API_SECRET"]
logger = logging.getLogger("libyativo.test.threads")
logger.setLevel(logging.DEBUG)
lines = []
class Collect(logging.Handler):
    def emit(self, record):
        lines.append(record.getMessage())
logger.addHandler(Collect())
errors = []
stop = time.monotonic() + 3
with yv.YativoCrypto(api_key, api_secret, base_url=base_url, logger=logger) as c:
    def work():
        try:
            while time.monotonic() < stop:
                c.accounts.list()
        except BaseException as e:
            errors.append(e)
    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    while time.monotonic() < stop:
        c.set_credentials(api_key, api_secret)
        c.rate_limit
    for t in threads:
        t.join()
assert errors == [], errors
exchanges = sum("token exchanged" in line for line in lines)
assert exchanges >= 2, exchanges
print("exchanges", exchanges)
"""


def test_threads_logging_while_credentials_change_do_not_deadlock(
    sandbox: Sandbox, admin_key: Tuple[str, str]
) -> None:
    """Calls log from 6 threads (each taking the GIL for every line, some while holding the
    client's token lock) while the main thread swaps the credentials (which takes that lock): a
    binding that kept the GIL in set_credentials deadlocks here (checked by hand: it hangs within
    a second)."""
    done = subprocess.run(
        [sys.executable, "-c", DEADLOCK_SCENARIO, sandbox.base_url],
        env={**os.environ, "YATIVO_API_KEY": admin_key[0], "YATIVO_API_SECRET": admin_key[1]},
        capture_output=True,
        text=True,
        timeout=60,
    )
    sys.stdout.write(done.stdout)  # kept by `make test` (-rA) and searched for secrets
    sys.stderr.write(done.stderr)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("exchanges ")
