#!/usr/bin/env python3
"""Malformed HTTP against a running yativo-sandbox: none of it may crash or hang the server.

Usage: abuse.py HOST PORT. Each case opens its own connection, sends raw bytes, and reads until
the server answers or closes (bounded by a timeout). Afterwards the server must still answer a
well-formed request. Exit 0 on success; prints one line per case."""
import socket
import sys
import time

HOST, PORT = sys.argv[1], int(sys.argv[2])

CASES = {
    "garbage bytes": bytes(range(256)) * 4,
    "no request line": b"\r\n\r\n",
    "bad method": b"BREW /api/v1/accounts/get-accounts HTTP/1.1\r\nHost: x\r\n\r\n",
    "bad version": b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
    "http/0.9": b"GET /\r\n",
    "header without colon": b"GET / HTTP/1.1\r\nHost x\r\n\r\n",
    "huge header": b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n",
    "many headers": b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(5000)) + b"\r\n",
    "negative length": b"POST /api/v1/accounts/create-account HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
    "huge length": b"POST /api/v1/accounts/create-account HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n{}",
    "length and chunked": b"POST /api/v1/x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    "bad chunk size": b"POST /api/v1/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n",
    "short body then close": b"POST /api/v1/accounts/create-account HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\":",
    "nul in path": b"GET /api/v1/\x00/x HTTP/1.1\r\nHost: x\r\n\r\n",
    "bad json body": b"POST /api/v1/accounts/create-account HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer x\r\nContent-Length: 5\r\n\r\n{{{{{",
    "pipelined junk": b"GET /__sandbox/stats HTTP/1.1\r\nHost: x\r\n\r\n" + b"\xff" * 64,
    "partial request line": b"GET /api/v1/acc",
}


def send_case(name, data):
    s = socket.create_connection((HOST, PORT), timeout=5)
    try:
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
    except OSError:
        pass  # the server may close early on a large bad request: that is a fine answer
    start = time.monotonic()
    got = b""
    try:
        while time.monotonic() - start < 15:
            chunk = s.recv(65536)
            if not chunk:
                break
            got += chunk
    except socket.timeout:
        print(f"FAIL {name}: no answer and no close within the timeout")
        return False
    except OSError:
        pass
    finally:
        s.close()
    first_line = got.split(b"\r\n", 1)[0][:60]
    print(f"ok   {name}: {first_line!r}")
    return True


def healthy():
    s = socket.create_connection((HOST, PORT), timeout=5)
    s.sendall(b"GET /__sandbox/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    return data.startswith(b"HTTP/1.1 200")


ok = all(send_case(n, d) for n, d in CASES.items())
alive = healthy()
print("server still answers:", alive)
sys.exit(0 if ok and alive else 1)
