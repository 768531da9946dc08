"""A fast HTTP/1.1 keep-alive server on 127.0.0.1 answering every request with one job.

    python bench/loopback.py BODY_FILE LIFETIME_SECONDS

Prints its port on the first line, then serves until it is terminated or its
lifetime ends, whichever comes first. It runs as its own process so that it
does not compete with the client for the GIL. Stdlib only.
"""

from __future__ import annotations

import asyncio
import socket
import sys
from pathlib import Path

__all__: list[str] = []


class _Answer(asyncio.Protocol):
    def __init__(self, response: bytes) -> None:
        self._response = response
        self._buffer = b""
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        while (end := self._buffer.find(b"\r\n\r\n")) >= 0:
            length = _content_length(self._buffer[:end])
            if len(self._buffer) < end + 4 + length:
                return
            self._buffer = self._buffer[end + 4 + length :]
            assert self._transport is not None
            self._transport.write(self._response)


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


async def _serve(body: bytes, lifetime: float) -> None:
    response = (
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
        + f"content-length: {len(body)}\r\n\r\n".encode()
        + body
    )
    listener = socket.create_server(("127.0.0.1", 0), backlog=512)
    server = await asyncio.get_running_loop().create_server(
        lambda: _Answer(response), sock=listener
    )
    print(listener.getsockname()[1], flush=True)
    async with server:
        await asyncio.sleep(lifetime)


if __name__ == "__main__":
    asyncio.run(_serve(Path(sys.argv[1]).read_bytes(), float(sys.argv[2])))
