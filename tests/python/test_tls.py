"""TLS and proxy options of YativoCrypto against a real TLS sandbox: the CA given in memory or as
a file is what verifies, a wrong pin or an unknown CA is a TLSError, and a proxy is really used."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from typing import Iterator, Tuple

import pytest

import libyativo as yv
from sandbox import Sandbox


def make_cert(directory: str, name: str) -> Tuple[str, str]:
    cert, key = os.path.join(directory, name + ".pem"), os.path.join(directory, name + ".key")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", key, "-out", cert],
        check=True, capture_output=True)
    return cert, key


@pytest.fixture(scope="module")
def tls() -> Iterator[Tuple[Sandbox, str, str]]:
    if not shutil.which("openssl"):
        pytest.skip("no openssl command")
    with tempfile.TemporaryDirectory() as d:
        cert, key = make_cert(d, "server")
        other, _ = make_cert(d, "other")
        sb = Sandbox("--tls-cert", cert, "--tls-key", key)
        try:
            assert sb.base_url.startswith("https://127.0.0.1:")
            yield sb, cert, other
        finally:
            sb.stop()


def client(sb: Sandbox, **options: object) -> yv.YativoCrypto:
    return yv.YativoCrypto(access_token=sb.session_token, base_url=sb.base_url, max_retries=0,
                           **options)  # type: ignore[arg-type]


def test_ca_in_memory_verifies(tls: Tuple[Sandbox, str, str]) -> None:
    sb, cert, other = tls
    pem = open(cert, "rb").read()
    with client(sb, ca_blob=pem) as c:
        assert c.accounts.list() == []
    with client(sb, ca_blob=pem.decode()) as c:  # str works as well as bytes
        assert c.accounts.list() == []
    with client(sb, ca_blob=open(other, "rb").read()) as c, pytest.raises(yv.TLSError):
        c.accounts.list()


def test_ca_file_and_the_system_store(tls: Tuple[Sandbox, str, str]) -> None:
    sb, cert, _ = tls
    with client(sb, ca_file=cert) as c:
        assert c.accounts.list() == []
    with client(sb) as c, pytest.raises(yv.TLSError):  # self-signed: not in the system store
        c.accounts.list()


def test_pinned_key(tls: Tuple[Sandbox, str, str]) -> None:
    sb, cert, other = tls
    def pin_of(path: str) -> str:
        der = subprocess.run(["openssl", "x509", "-in", path, "-pubkey", "-noout"],
                             check=True, capture_output=True).stdout
        digest = subprocess.run(
            "openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64",
            input=der, shell=True, check=True, capture_output=True).stdout
        return "sha256//" + digest.decode().strip()
    with client(sb, ca_file=cert, pinned_public_key=pin_of(cert)) as c:
        assert c.accounts.list() == []
    with client(sb, ca_file=cert, pinned_public_key=pin_of(other)) as c, \
            pytest.raises(yv.TLSError):
        c.accounts.list()


def test_proxy_is_used(tls: Tuple[Sandbox, str, str]) -> None:
    sb, cert, _ = tls
    # Nothing listens on port 9 of loopback: through the proxy the call cannot connect at all,
    # where without it the same call succeeds.
    with client(sb, ca_file=cert, proxy="http://127.0.0.1:9") as c, \
            pytest.raises(yv.NetworkError):
        c.accounts.list()


def test_bad_values_are_refused_before_any_io() -> None:
    with pytest.raises(yv.InvalidArgumentError):
        yv.YativoCrypto(access_token="t", base_url="http://127.0.0.1:1/api/v1", ca_blob=b"")
    with pytest.raises(yv.InvalidArgumentError):
        yv.YativoCrypto(access_token="t", base_url="http://127.0.0.1:1/api/v1",
                        ca_blob=42)  # type: ignore[arg-type]
