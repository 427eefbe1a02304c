"""A real HTTP server on 127.0.0.1 that answers like UNHCR's population API.

Each endpoint serves a script of answers, one per request, so a test can stage
'429, then success' or 'a truncated body' and see what the client really does.
"""

from __future__ import annotations

import json
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    declared_length: int | None = None  # claim more bytes than sent: a cut connection


def page(items: list[dict], number: int, max_pages: int) -> Reply:
    return Reply(body=json.dumps({"page": number, "maxPages": max_pages, "items": items}).encode())


class ScriptedAPI:
    def __init__(self) -> None:
        self.routes: dict[tuple[str, int], list[Reply]] = defaultdict(list)
        self.requests: list[tuple[str, dict[str, list[str]]]] = []
        self.lock = threading.Lock()

    def on(self, path: str, page_number: int, *replies: Reply) -> None:
        self.routes[(path, page_number)].extend(replies)

    def next_reply(self, path: str, query: dict[str, list[str]]) -> Reply:
        with self.lock:
            self.requests.append((path, query))
            script = self.routes.get((path, int(query.get("page", ["1"])[0])))
            if not script:
                return Reply(404, b'{"error": "not found"}')
            return script.pop(0) if len(script) > 1 else script[0]


@contextmanager
def serve(api: ScriptedAPI) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlparse(self.path)
            reply = api.next_reply(url.path, parse_qs(url.query))
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json")
            length = reply.declared_length or len(reply.body)
            self.send_header("Content-Length", str(length))
            for key, value in reply.headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(reply.body)
            if reply.declared_length:
                self.close_connection = True

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    # shutdown() waits for the loop's next poll: every 20 ms, not the default half second
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/population/v1/"
    finally:
        server.shutdown()
        server.server_close()
