"""A phone's HTTP for the load benchmark: one short HTTP/1.1 exchange per connection.

The simulated phones share the server's two cores, so every millisecond the client spends is
taken from the server, which a room of real phones never does. aiohttp spent 0.55-0.71 ms of
CPU per request against the bare route (more than gunicorn and Flask together there); this
client spends 0.12-0.15 ms on uvloop (benchmarks/results/load.md). It does what the benchmark
needs and no more: gunicorn's sync workers close every connection after one response, so a
request is connect, write, read to the end; each phone keeps its own cookies; redirects are
followed on request; bodies may come compressed, as they do for a phone's browser.
"""

from __future__ import annotations

import asyncio
import gzip
import zlib
from dataclasses import dataclass, field

import brotli

#: what aiohttp (and a phone's browser) tells the server it can decompress
ACCEPT_ENCODING = "gzip, deflate, br"
FORM_TYPE = "application/x-www-form-urlencoded"
MAX_REDIRECTS = 5
DECOMPRESS = {"br": brotli.decompress, "gzip": gzip.decompress, "deflate": zlib.decompress}


class BrokenReply(Exception):
    """The connection failed or the server's answer could not be read."""


@dataclass
class Reply:
    status: int
    #: the headers in WANTED, by lower-case name; the last value of each
    headers: dict[str, str]
    text: str
    #: every Set-Cookie header's value
    cookies: list[str]


@dataclass
class Browser:
    """One phone's browser: the server's address and its own cookies; at most `gate` requests
    are in flight across all phones."""

    host: str
    port: int
    gate: asyncio.Semaphore
    cookies: dict[str, str] = field(default_factory=dict)

    async def get(self, path: str, timeout: float) -> Reply:
        return await self._follow(await self.send("GET", path, None, timeout), timeout)

    async def post(self, path: str, body: bytes, timeout: float, follow: bool = True) -> Reply:
        reply = await self.send("POST", path, body, timeout)
        return await self._follow(reply, timeout) if follow else reply

    async def send(self, method: str, path: str, body: bytes | None, timeout: float) -> Reply:
        """One request and its whole reply; `timeout` includes waiting for a connection."""
        try:
            async with asyncio.timeout(timeout), self.gate:
                raw = await self._exchange(self._request(method, path, body))
        except (OSError, asyncio.IncompleteReadError) as error:
            raise BrokenReply(str(error)) from error
        reply = parse_reply(raw)
        for set_cookie in reply.cookies:
            self._keep_cookie(set_cookie)
        return reply

    async def _follow(self, reply: Reply, timeout: float) -> Reply:
        """GET where a redirect points, as a browser does, a few times at most."""
        for _ in range(MAX_REDIRECTS):
            if reply.status not in (301, 302, 303) or "location" not in reply.headers:
                return reply
            reply = await self.send("GET", local_path(reply.headers["location"]), None, timeout)
        raise BrokenReply("too many redirects")

    async def _exchange(self, request: bytes) -> bytes:
        reader, writer = await asyncio.open_connection(self.host, self.port)
        try:
            writer.write(request)
            return await reader.read()
        finally:
            writer.close()

    def _request(self, method: str, path: str, body: bytes | None) -> bytes:
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}",
                 f"Accept-Encoding: {ACCEPT_ENCODING}", "Connection: close"]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if body is not None:
            lines += [f"Content-Type: {FORM_TYPE}", f"Content-Length: {len(body)}"]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b"")

    def _keep_cookie(self, set_cookie: str) -> None:
        pair, _, attributes = set_cookie.partition(";")
        name, _, value = pair.partition("=")
        if "expires=thu, 01 jan 1970" in attributes.lower() or not value:
            self.cookies.pop(name.strip(), None)
        else:
            self.cookies[name.strip()] = value.strip()


#: the only response headers the phones read
WANTED = frozenset({"location", "content-encoding", "content-length", "transfer-encoding"})


def parse_reply(raw: bytes) -> Reply:
    """Status, the headers the phones read, cookies set and the decoded body of one whole
    HTTP/1.1 response."""
    head, separator, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status_line = lines[0].split(" ", 2)
    if not separator or len(status_line) < 2 or not status_line[0].startswith("HTTP/1."):
        raise BrokenReply(f"not an HTTP response: {raw[:40]!r}")
    headers, cookies = {}, []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        name = name.lower()
        if name == "set-cookie":
            cookies.append(value.strip())
        elif name in WANTED:
            headers[name] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        raise BrokenReply("chunked responses are not read by this client")
    if "content-length" in headers and len(body) != int(headers["content-length"]):
        raise BrokenReply(f"body cut short: {len(body)} of {headers['content-length']} bytes")
    encoding = headers.get("content-encoding")
    if encoding in DECOMPRESS:
        body = DECOMPRESS[encoding](body)
    return Reply(int(status_line[1]), headers, body.decode("utf-8", "replace"), cookies)


def local_path(location: str) -> str:
    """The path of a redirect's Location, absolute or not."""
    if "://" in location:
        location = "/" + location.split("://", 1)[1].partition("/")[2]
    return location
