"""The recording proxy: every AWS request of a run goes through it to moto, and is recorded.

It runs in the runner process (a thread), on 127.0.0.1, and is the endpoint of every AWS client of the run. Being in
the runner lets it record which task made each call (tasks run one at a time in dag.test(); the runner sets the
current scope around each task and each failure callback), decode calls with botocore's service models (in this
process already), answer declared outcomes from the run's own state, and start from an empty record each run.

Per request: decode (service, operation, arguments) -> declared outcome answers instead of moto, or moto answers and
a declared outcome may rewrite the answer -> record -> reply. The record never holds the credentials (no headers).
"""

from __future__ import annotations

import http.client
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

from .outcomes import Reply

_HOP_BY_HOP = frozenset({"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
                         "transfer-encoding", "upgrade", "content-length"})
_XML_CODE = re.compile(rb"<Code>([^<]{1,200})</Code>")
_XML_MESSAGE = re.compile(rb"<Message>([^<]{0,2000})</Message>")
MAX_BODY = 256 * 1024 * 1024


class Exchange:
    """One request as the outcome handlers see it."""

    __slots__ = ("seq", "service", "operation", "args", "headers", "scope")

    def __init__(self, seq, decoded, headers, scope):
        self.seq = seq
        self.service = decoded.service
        self.operation = decoded.operation
        self.args = decoded.args
        self.headers = headers
        self.scope = scope


def error_of(status: int, headers: dict, body: bytes) -> dict | None:
    """The AWS error code and message of an answer, if it is an error."""
    if status < 300:
        return None
    code = headers.get("x-amzn-errortype", "").split(":", 1)[0] or None
    message = None
    if body[:1] == b"{":
        try:
            payload = json.loads(body)
            code = code or str(payload.get("__type", payload.get("code", ""))).rsplit("#", 1)[-1] or None
            message = payload.get("message") or payload.get("Message")
        except ValueError:
            pass
    elif body:
        m = _XML_CODE.search(body)
        code = code or (m.group(1).decode("utf-8", "replace") if m else None)
        m = _XML_MESSAGE.search(body)
        message = m.group(1).decode("utf-8", "replace") if m else None
    return {"code": code or f"HTTP{status}", "message": (message or "")[:2000]}


class Recorder:
    """What one runner process records; `begin()` starts the record of a run."""

    def __init__(self, decoder) -> None:
        self.decoder = decoder
        self.upstream: tuple[str, int] | None = None
        self.outcomes = None
        self.calls: list[dict] = []
        self.scope: dict = {}
        self._next = 0
        self._t0 = time.monotonic()
        self._lock = threading.Lock()

    def begin(self, upstream: str, outcomes) -> None:
        url = urlparse(upstream)
        with self._lock:
            self.upstream = (url.hostname, url.port)
            self.outcomes = outcomes
            self.calls = []
            self.scope = {}
            self._next = 0
            self._t0 = time.monotonic()

    def end(self) -> list[dict]:
        with self._lock:
            calls, self.calls = sorted(self.calls, key=lambda c: c["seq"]), []
            # A request after the run (a thread a task left behind) gets 503, not the next run's moto.
            self.upstream = None
            self.outcomes = None
            self.scope = {}
        return calls

    def reserve(self) -> int:
        """The number of the next call (calls are numbered in the order they arrive)."""
        with self._lock:
            self._next += 1
            return self._next - 1

    def add(self, call: dict) -> None:
        with self._lock:
            self.calls.append(call)

    def elapsed(self) -> float:
        return round(time.monotonic() - self._t0, 3)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "dagsmith-recorder"
    recorder: Recorder

    def log_message(self, format, *args):  # noqa: A002 - no access log on stderr
        pass

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            out = bytearray()
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return bytes(out)
                out += self.rfile.read(size)
                self.rfile.readline()
                if len(out) > MAX_BODY:
                    raise ValueError("request body too large")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise ValueError("request body too large")
        return self.rfile.read(length) if length else b""

    def _forward(self, body: bytes) -> Reply:
        rec = self.recorder
        conn = getattr(self, "_upstream_conn", None)
        if conn is None or (conn.host, conn.port) != rec.upstream:
            conn = http.client.HTTPConnection(*rec.upstream, timeout=60)
            self._upstream_conn = conn
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
        headers["Content-Length"] = str(len(body))
        for attempt in (0, 1):
            try:
                conn.request(self.command, self.path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                out = [(k, v) for k, v in resp.getheaders() if k.lower() not in _HOP_BY_HOP]
                if self.command == "HEAD":
                    length = resp.getheader("Content-Length")
                    if length is not None:
                        out.append(("Content-Length", length))
                return Reply(resp.status, out, data)
            except (http.client.HTTPException, ConnectionError, OSError):
                conn.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        has_length = False
        for k, v in reply.headers:
            if k.lower() == "content-length":
                has_length = True
            self.send_header(k, v)
        if self.command != "HEAD" or not has_length:
            if not has_length:
                self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if self.command != "HEAD" and reply.body:
            self.wfile.write(reply.body)

    def _handle(self) -> None:
        rec = self.recorder
        started = time.monotonic()
        try:
            body = self._read_body()
        except ValueError as exc:
            self.send_error(413, str(exc))
            return
        headers = {k.lower(): v for k, v in self.headers.items()}
        decoded = rec.decoder.decode(self.command, self.path, headers, body)
        scope = dict(rec.scope)
        call = {"seq": rec.reserve(), "at": rec.elapsed(), "task": scope.get("task"), "try": scope.get("try"),
                "phase": scope.get("phase", "run"), "service": decoded.service, "operation": decoded.operation,
                "args": decoded.args}
        if decoded.problem:
            call["decodeProblem"] = decoded.problem
            call["request"] = f"{self.command} {self.path.split('?', 1)[0]}"
        outcomes = rec.outcomes
        ex = Exchange(call["seq"], decoded, headers, scope)
        reply = None
        answered = "moto"
        try:
            if outcomes is not None and decoded.operation:
                reply = outcomes.before(ex)
                if reply is not None:
                    answered = "dagsmith"
            if reply is None:
                if rec.upstream is None:
                    reply = Reply(503, [("Content-Type", "text/plain")], b"dagsmith recorder: no run in progress")
                else:
                    rewritten = outcomes.request(ex, body) if outcomes is not None and decoded.operation else None
                    reply = self._forward(body if rewritten is None else rewritten)
                    if outcomes is not None and decoded.operation:
                        changed = outcomes.after(ex, reply)
                        if changed is not None:
                            reply, answered = changed, "moto+dagsmith"
        except Exception as exc:  # moto unreachable, a handler bug: the task sees a 502 and the record says why
            reply = Reply(502, [("Content-Type", "text/plain")], f"dagsmith recorder: {type(exc).__name__}: {exc}".encode())
            answered = "recorder-error"
        call["status"] = reply.status
        call["answeredBy"] = answered
        call["ms"] = round((time.monotonic() - started) * 1000, 1)
        err = error_of(reply.status, {k.lower(): v for k, v in reply.headers}, reply.body)
        if err:
            call["error"] = err
        rec.add(call)
        self._send(reply)

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = do_PATCH = _handle


class RecordingProxy:
    """The proxy server; `endpoint` is what the run's AWS clients use."""

    def __init__(self, recorder: Recorder) -> None:
        handler = type("Handler", (_Handler,), {"recorder": recorder})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.endpoint = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, name="dagsmith-recorder", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
