"""Loaded by Python at start-up when this folder is on PYTHONPATH (tests/test_offline.py).

Blocks every network connection except to this machine, and records each attempt in
the file named by $MSALS_NETWORK_LOG, so a test can prove the lessons never call home.
"""

import ipaddress
import os
import sys

_LOG = os.environ.get("MSALS_NETWORK_LOG")
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


def _is_local(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if not isinstance(host, str) or host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a host name other than localhost


def _guard(event, args):
    if event == "socket.connect":
        address = args[1]
        host = address[0] if isinstance(address, tuple) else None
    elif event == "socket.getaddrinfo":
        host = args[0]
    else:
        return
    if host is None or _is_local(host):
        return
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{event} {host!r}\n")
    raise OSError(f"network access blocked by the offline test: {host!r}")


if _LOG:
    sys.addaudithook(_guard)
