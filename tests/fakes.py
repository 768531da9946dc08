"""Local stand-ins for the service's surroundings: a scriptable HTTP server that
injects faults, a fake IBM Cloud IAM, and a clock that does not really sleep.

``FaultServer`` speaks just enough HTTP/1.1 over a real socket on 127.0.0.1
to do what a proxy or a struggling service does: answer any status with any
headers, stall past the client's timeout, close the connection without an
answer, reset it halfway through the body, or trickle the body a byte at a
time. Every request it receives is recorded, with the action taken.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from qiskit_runtime_api._clock import Clock

__all__ = [
    "Close",
    "Delay",
    "FakeClock",
    "FaultServer",
    "Received",
    "Reply",
    "Reset",
    "Trickle",
    "iam_script",
    "json_reply",
    "serve",
]


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    headers: Mapping[str, str]  # lower-case names
    body: bytes

    def json(self) -> object:
        return json.loads(self.body)

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode()).items()}


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Delay:
    """Answer ``reply`` only after ``seconds``: longer than the client waits."""

    seconds: float
    reply: Reply


@dataclass(frozen=True)
class Close:
    """Close the connection without answering."""


@dataclass(frozen=True)
class Reset:
    """Send the status line, headers and part of the body, then reset the connection."""

    reply: Reply


@dataclass(frozen=True)
class Trickle:
    """Send the status line and headers, then the body one byte every ``interval`` seconds:
    every read gets data well within the client's timeout, the whole takes long."""

    reply: Reply
    interval: float


Action = Reply | Delay | Close | Reset | Trickle
Script = Callable[[Received], Action]


def json_reply(body: object, status: int = 200, headers: Mapping[str, str] | None = None) -> Reply:
    return Reply(
        status, json.dumps(body).encode(), {"Content-Type": "application/json", **(headers or {})}
    )


class FaultServer:
    def __init__(self, script: Script) -> None:
        self.script = script
        self.received: list[tuple[Received, Action]] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0), backlog=128)
        self._listener.settimeout(0.2)
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def start(self) -> FaultServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=5)
        self._listener.close()

    def requests(self, method: str | None = None, path: str | None = None) -> list[Received]:
        with self._lock:
            return [
                r
                for r, _ in self.received
                if (method is None or r.method == method) and (path is None or r.path == path)
            ]

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(10)
            try:
                received = _read_request(conn)
            except (OSError, ValueError):
                return
            if received is None:
                return
            action = self.script(received)
            with self._lock:
                self.received.append((received, action))
            with contextlib.suppress(OSError):  # the client gave up first: a timeout we caused
                _perform(conn, action)


def _read_request(conn: socket.socket) -> Received | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return Received(method, target, headers, body)


def _encode(reply: Reply) -> bytes:
    headers = {"Content-Length": str(len(reply.body)), "Connection": "close", **reply.headers}
    head = f"HTTP/1.1 {reply.status} Status\r\n" + "".join(
        f"{k}: {v}\r\n" for k, v in headers.items()
    )
    return head.encode("latin-1") + b"\r\n" + reply.body


def _perform(conn: socket.socket, action: Action) -> None:
    if isinstance(action, Close):
        return
    if isinstance(action, Delay):
        time.sleep(action.seconds)
        conn.sendall(_encode(action.reply))
        return
    if isinstance(action, Trickle):
        raw = _encode(action.reply)
        head = len(raw) - len(action.reply.body)
        conn.sendall(raw[:head])
        for offset in range(head, len(raw)):
            time.sleep(action.interval)
            conn.sendall(raw[offset : offset + 1])
        return
    if isinstance(action, Reset):
        raw = _encode(action.reply)
        conn.sendall(raw[: len(raw) - max(1, len(action.reply.body) // 2)])
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return
    conn.sendall(_encode(action))


@contextmanager
def serve(script: Script) -> Iterator[FaultServer]:
    server = FaultServer(script).start()
    try:
        yield server
    finally:
        server.stop()


class FakeClock(Clock):
    """A ``Clock`` whose sleeps are recorded and pass instantly."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now
        self.elapsed = 0.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def time(self) -> float:
        return self.now

    def monotonic(self) -> float:
        return self.elapsed

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.now += seconds
            self.elapsed += seconds

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.advance(seconds)

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


def iam_script(
    clock: Callable[[], float] = time.time,
    expires_in: int = 3600,
    delay: float = 0.0,
    token_prefix: str = "iam-token",
) -> Script:
    """IBM Cloud IAM's ``POST /identity/token``: a new token per exchange."""
    issued = [0]
    lock = threading.Lock()

    def answer(request: Received) -> Action:
        form = request.form()
        if request.method != "POST" or request.path != "/identity/token":
            return json_reply({"errorCode": "BXNIM0000E", "errorMessage": "no such path"}, 404)
        if (
            form.get("grant_type") != "urn:ibm:params:oauth:grant-type:apikey"
            or form.get("response_type") != "cloud_iam"
        ):
            return json_reply({"errorCode": "BXNIM0109E", "errorMessage": "bad grant"}, 400)
        if not form.get("apikey", "").startswith("good"):
            refusal = {
                "errorCode": "BXNIM0415E",
                "errorMessage": "Provided API key could not be found.",
                "context": {"requestId": "iam-req-1"},
            }
            return json_reply(refusal, 400)
        if delay:
            time.sleep(delay)
        with lock:
            issued[0] += 1
            number = issued[0]
        now = clock()
        token = {
            "access_token": f"{token_prefix}-{number}",
            "refresh_token": "not_supported",
            "token_type": "Bearer",
            "expires_in": expires_in,
            "expiration": int(now + expires_in),
        }
        return json_reply(token)

    return answer
