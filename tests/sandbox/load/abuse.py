#!/usr/bin/env python3
"""Malformed HTTP against a running yativo-sandbox: none of it may crash or hang the server.

Usage: abuse.py HOST PORT [--timeout S]
       abuse.py --control [--timeout S]

Each case opens its own connection, sends raw bytes, half-closes, and reads until the server
closes: silence for S seconds (default 5), or still sending after 3*S, is a hang. Afterwards the
server must still answer a well-formed request. Exit 0 on success; prints one line per case.

--control checks the hang detection itself: a local server that accepts and then never answers
nor closes must be reported as hanging. Exit 0 when it is."""
import argparse
import socket
import sys
import threading
import time

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


def send_case(host, port, timeout, name, data):
    """True when the server answered or closed in time; False (and a FAIL line) on a hang."""
    s = socket.create_connection((host, port), timeout=timeout)
    try:
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
    except OSError:
        pass  # the server may close early on a large bad request: that is a fine answer
    start = time.monotonic()
    got = b""
    closed = False
    try:
        while time.monotonic() - start < 3 * timeout:
            chunk = s.recv(65536)
            if not chunk:
                closed = True
                break
            got += chunk
    except socket.timeout:
        print(f"FAIL {name}: no answer and no close within {timeout:g} s")
        return False
    except OSError:
        closed = True  # reset by the server
    finally:
        s.close()
    if not closed:
        print(f"FAIL {name}: still sending after {3 * timeout:g} s")
        return False
    first_line = got.split(b"\r\n", 1)[0][:60]
    print(f"ok   {name}: {first_line!r}")
    return True


def healthy(host, port, timeout):
    try:
        s = socket.create_connection((host, port), timeout=timeout)
        s.sendall(b"GET /__sandbox/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.close()
    except OSError:
        return False
    return data.startswith(b"HTTP/1.1 200")


def silent_server():
    """A server that accepts connections and then neither reads, answers nor closes them."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    held = []

    def accept_forever():
        while True:
            conn, _ = listener.accept()
            held.append(conn)  # kept referenced: never closed

    threading.Thread(target=accept_forever, daemon=True).start()
    return listener.getsockname()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("host", nargs="?")
    parser.add_argument("port", nargs="?", type=int)
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds of silence that count as a hang")
    parser.add_argument("--control", action="store_true", help="check that a hang is detected")
    args = parser.parse_args()

    if args.control:
        host, port = silent_server()
        name = "partial request line"
        caught = not send_case(host, port, args.timeout, name, CASES[name])
        print("control: hang detection", "caught the silent server" if caught else "MISSED the silent server")
        return 0 if caught else 1

    if args.host is None or args.port is None:
        parser.error("HOST and PORT are required without --control")
    results = [send_case(args.host, args.port, args.timeout, n, d) for n, d in CASES.items()]
    alive = healthy(args.host, args.port, args.timeout)
    print("server still answers:", alive)
    return 0 if all(results) and alive else 1


if __name__ == "__main__":
    sys.exit(main())
