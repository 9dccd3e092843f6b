"""A hostile update source on 127.0.0.1 (loopback only): drip, stall, huge and flapping answers.

Used by the attack tests and by ``benchmarks/bench_kiosk_soak.py``. Every handler loop
checks ``stopping``, so closing the server ends every connection it holds.
"""

from __future__ import annotations

import http.server
import itertools
import select
import socket
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

MODES = ("drip", "drip-headers", "stall", "huge", "flap")


@dataclass
class Hostile:
    """How the server misbehaves now (tests may change ``mode`` between polls)."""

    mode: str = "drip"
    drip_interval: float = 0.2
    huge_bytes: int = 2 * 1024 ** 3  # announced (and sent, as fast as the reader takes it)
    stopping: threading.Event = field(default_factory=threading.Event)
    requests: int = 0
    bytes_sent: int = 0
    _flap: Iterator[int] = field(default_factory=lambda: itertools.cycle([0, 1, 2]))


class _Handler(http.server.BaseHTTPRequestHandler):
    hostile: Hostile
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()
        self.hostile.bytes_sent += len(data)

    def do_GET(self) -> None:
        h = self.hostile
        h.requests += 1
        mode = h.mode
        if mode == "flap":
            mode = ("reset", "503", "drip-headers")[next(h._flap)]
        try:
            if mode == "reset":
                linger = struct.pack("ii", 1, 0)  # close with RST: "connection reset by peer"
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                self.connection.close()
                return
            if mode == "503":
                self._send(b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")
                return
            if mode == "stall":  # say nothing until the client gives up (or the server stops)
                while not h.stopping.is_set():
                    ready, _w, _x = select.select([self.connection], [], [], 0.2)
                    if ready and not self.connection.recv(1, socket.MSG_PEEK):
                        return  # the client hung up: do not hold a thread for it
                return
            if mode == "drip-headers":
                for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 10_000:
                    if h.stopping.wait(h.drip_interval):
                        return
                    self._send(bytes([byte]))
                return
            length = h.huge_bytes if mode == "huge" else 10 * 1024 * 1024
            self._send(f"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                       f"Content-Length: {length}\r\n\r\n".encode())
            if mode == "huge":
                block = bytes(64 * 1024)
                sent = 0
                while sent < length and not h.stopping.is_set():
                    self._send(block)
                    sent += len(block)
                return
            for _ in range(length):  # drip: one byte each interval, for ever in practice
                if h.stopping.wait(h.drip_interval):
                    return
                self._send(b"{")
        except OSError:
            return  # the client hung up (its deadline): what we want


@contextmanager
def hostile_server(hostile: Hostile | None = None) -> Iterator[tuple[str, Hostile]]:
    """Serve on 127.0.0.1 (a free port) until the block ends; yields (base URL, controls)."""
    hostile = hostile or Hostile()
    handler = type("Handler", (_Handler,), {"hostile": hostile})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="hostile-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", hostile
    finally:
        hostile.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
        time.sleep(0.05)
