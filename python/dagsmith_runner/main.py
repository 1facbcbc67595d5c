"""The runner process: one JSON request per line on stdin, one JSON message per line on stdout.

Start: `python -I -B -X utf8 -c "import sys; sys.path.insert(0, sys.argv[1]); import dagsmith_runner.main as m; m.main()" <dir>`
(`-I`: no user site, no PYTHON* variables, no current folder on sys.path, so nothing of the project it runs in
can shadow a module). The first line it prints is {"type": "ready", ...}; then one result per request, in order.
stdout carries nothing else: Airflow's logs (and everything a task prints) go to a per-run log file whose tail is
in the result (`log`), and the runner's own messages to stderr. Exit: 0 on EOF or {"type": "shutdown"}; 3 when
a run exceeded its runTimeout (the result says so first; the caller starts a new process for the next run).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback

LOG_TAIL_BYTES = 64 * 1024
MAX_LINE = 256 * 1024 * 1024


class _Output:
    """stdout of the protocol (a dup of the original fd 1), one JSON line per message, thread-safe."""

    def __init__(self, fd: int) -> None:
        self._f = os.fdopen(fd, "w", encoding="utf-8")
        self._lock = threading.Lock()

    def send(self, message: dict) -> None:
        line = json.dumps(message, default=str, ensure_ascii=True)
        with self._lock:
            self._f.write(line + "\n")
            self._f.flush()


class _CapturedOutput:
    """Points fd 1 and 2 at a log file while a run runs (tasks, Airflow and libraries write there), then back."""

    def __init__(self, path: str, stderr_fd: int) -> None:
        self.path = path
        self.stderr_fd = stderr_fd

    def __enter__(self):
        sys.stdout.flush()
        sys.stderr.flush()
        self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(self.fd, 1)
        os.dup2(self.fd, 2)
        return self

    def __exit__(self, *exc):
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(self.stderr_fd, 1)
        os.dup2(self.stderr_fd, 2)
        os.close(self.fd)
        return False

    def tail(self) -> str:
        from .dagrun import _ANSI

        with open(self.path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - LOG_TAIL_BYTES))
            text = f.read().decode("utf-8", "replace")
        if size > LOG_TAIL_BYTES:
            text = text.split("\n", 1)[-1]
        return _ANSI.sub("", text)


def _start_watchdog(seconds: float, out: _Output, request_id: str, home: str, log_path: str):
    def expire():
        tail = ""
        try:
            tail = _CapturedOutput(log_path, 2).tail()
        except OSError:
            pass
        out.send({"type": "result", "id": request_id, "status": "timeout",
                  "problems": [f"the run took longer than {seconds:g}s (limits.runTimeout) and was stopped"],
                  "log": tail})
        shutil.rmtree(home, ignore_errors=True)
        os._exit(3)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    return timer


def main() -> int:
    t0 = time.monotonic()
    from . import PROTOCOL_VERSION, environment, netguard

    home = tempfile.mkdtemp(prefix="dagsmith-test-")
    scrubbed = environment.scrub(os.environ)
    environment.configure(os.environ, home, __package__)
    netguard.install()

    # stdout is the protocol only: keep a copy of fd 1 for it, and send fd 1 to stderr from here on.
    sys.stdout.flush()
    out = _Output(os.dup(1))
    stderr_fd = os.dup(2)
    os.dup2(2, 1)

    try:
        startup_log = os.path.join(home, "startup.log")
        with _CapturedOutput(startup_log, stderr_fd) as captured:
            import airflow  # noqa: F401  (the import is the slow part of a cold start)
            t_import = time.monotonic() - t0
            from airflow.utils import db

            db.initdb()
            from . import compat

            compat.reuse_execution_api()
            from .awsdecode import Decoder
            from .dagrun import Runner
            from .proxy import RecordingProxy, Recorder

            recorder = Recorder(Decoder())
            proxy = RecordingProxy(recorder)
            runner = Runner(home, recorder, proxy)
    except Exception as exc:
        out.send({"type": "fatal", "problems": [f"cannot start Airflow: {type(exc).__name__}: {exc}"],
                  "log": _CapturedOutput(startup_log, stderr_fd).tail() if os.path.exists(startup_log) else ""})
        shutil.rmtree(home, ignore_errors=True)
        return 2
    out.send({"type": "ready", "protocol": PROTOCOL_VERSION, "airflowVersion": compat.airflow_version(),
              "providerVersion": compat.provider_version(), "python": sys.version.split()[0], "pid": os.getpid(),
              "scrubbedEnvironment": scrubbed,
              "seconds": {"import": round(t_import, 3), "total": round(time.monotonic() - t0, 3)}})

    from .request import parse

    code = 0
    try:
        while True:
            line = sys.stdin.buffer.readline(MAX_LINE)
            if not line:
                break
            if not line.strip():
                continue
            try:
                message = json.loads(line)
            except ValueError as exc:
                out.send({"type": "result", "id": None, "status": "bad-request", "problems": [f"not JSON: {exc}"]})
                continue
            kind = message.get("type", "run") if isinstance(message, dict) else None
            if kind == "shutdown":
                break
            if kind == "ping":
                out.send({"type": "pong", "id": message.get("id")})
                continue
            if kind == "warmup":
                log_path = os.path.join(home, "warm-up.log")
                with _CapturedOutput(log_path, stderr_fd) as captured:
                    try:
                        warmed = {"type": "warmed", "id": message.get("id"), **runner.warm_up()}
                    except Exception as exc:  # not fatal: the runs will pay for it instead
                        traceback.print_exc()
                        warmed = {"type": "warmed", "id": message.get("id"), "problems": [f"{type(exc).__name__}: {exc}"]}
                if warmed.get("problems"):
                    warmed["log"] = captured.tail()
                out.send(warmed)
                continue
            req, problems = parse(message)
            if req is None:
                rid = message.get("id") if isinstance(message, dict) else None
                out.send({"type": "result", "id": rid, "status": "bad-request", "problems": problems})
                continue
            log_path = os.path.join(home, f"run-{runner.runs + 1}.log")
            timer = _start_watchdog(req.limits["runTimeout"], out, req.id, home, log_path)
            try:
                with _CapturedOutput(log_path, stderr_fd) as captured:
                    try:
                        result = runner.run(req)
                    except Exception as exc:  # a bug of the runner: reported, and the process goes on
                        traceback.print_exc()
                        result = {"type": "result", "id": req.id, "status": "error",
                                  "problems": [f"runner error: {type(exc).__name__}: {exc}"]}
                result["log"] = captured.tail()
            finally:
                timer.cancel()
            out.send(result)
    finally:
        try:
            proxy.close()
        finally:
            shutil.rmtree(home, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
