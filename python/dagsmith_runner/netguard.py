"""Loopback-only networking for the whole runner process.

The endpoint settings already send every AWS client to the recording proxy; this is the second wall. After
`install()`, a socket of this process can connect (or send a datagram) only to a loopback address or a Unix socket,
and names other than localhost are not resolved, so neither a request nor a DNS lookup leaves the machine, whatever
a task, a hook or a library does. A refused attempt raises OSError (ConnectionRefusedError / socket.gaierror) with
a message that names the guard, and is counted in `blocked` for the run's result.
"""

from __future__ import annotations

import ipaddress
import socket
import threading

_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
_lock = threading.Lock()
blocked: list[str] = []
_installed = False


def _is_loopback_host(host) -> bool:
    if host is None:
        return True  # getaddrinfo(None, port): the local host
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    name = str(host).strip("[]").split("%", 1)[0].lower()
    if name in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _note(what: str) -> None:
    with _lock:
        if len(blocked) < 100:
            blocked.append(what)


def _check_address(sock, address) -> None:
    family = getattr(sock, "family", None)
    if family not in (socket.AF_INET, socket.AF_INET6):
        return  # Unix sockets, socketpairs: local by construction
    host = address[0] if isinstance(address, tuple) and address else address
    if not _is_loopback_host(host):
        _note(f"connect to {host}")
        raise ConnectionRefusedError(f"dagsmith test: connection to {host} blocked (a test run talks only to this machine)")


def take_blocked() -> list[str]:
    """The attempts blocked since the last call (and forgets them)."""
    with _lock:
        out = list(blocked)
        blocked.clear()
    return out


def install() -> None:
    global _installed
    if _installed:
        return
    _installed = True
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex
    original_sendto = socket.socket.sendto
    original_getaddrinfo = socket.getaddrinfo

    def connect(self, address):
        _check_address(self, address)
        return original_connect(self, address)

    def connect_ex(self, address):
        _check_address(self, address)
        return original_connect_ex(self, address)

    def sendto(self, data, *args):
        address = args[-1] if args else None
        if address is not None:
            _check_address(self, address)
        return original_sendto(self, data, *args)

    def getaddrinfo(host, *args, **kwargs):
        if not _is_loopback_host(host):
            _note(f"resolve {host}")
            raise socket.gaierror(socket.EAI_NONAME, f"dagsmith test: name lookup of {host} blocked (a test run talks only to this machine)")
        return original_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.socket.sendto = sendto
    socket.getaddrinfo = getaddrinfo
