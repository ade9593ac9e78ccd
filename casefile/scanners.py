"""A scanner for the virus-scanning hook (casefile/scanning.py): ClamAV's daemon, clamd, over its socket.

    DOCUMENT_VIRUS_SCANNER=casefile.scanners.clamav
    CLAMAV_ADDRESS=/run/clamav/clamd.ctl      (a Unix socket; or host:port, e.g. 127.0.0.1:3310)

The bytes are streamed with clamd's INSTREAM command (clamd's own protocol, no library needed); a file
larger than clamd's StreamMaxLength is answered with an error, which refuses the document (fail closed).
"""

import os
import socket
import struct

CHUNK = 64 * 1024
TIMEOUT_SECONDS = 30


def _connect(address: str) -> socket.socket:
    if address.startswith("/"):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(TIMEOUT_SECONDS)
        sock.connect(address)
        return sock
    host, _, port = address.rpartition(":")
    return socket.create_connection((host, int(port)), timeout=TIMEOUT_SECONDS)


def clamav(data: bytes, *, filename: str = "", content_type: str = "") -> str | None:
    """None when clamd finds nothing; the signature's name when it finds something; raises otherwise."""
    with _connect(os.environ.get("CLAMAV_ADDRESS", "/run/clamav/clamd.ctl")) as sock:
        sock.sendall(b"zINSTREAM\0")
        for start in range(0, len(data), CHUNK):
            chunk = data[start : start + CHUNK]
            sock.sendall(struct.pack("!L", len(chunk)) + chunk)
        sock.sendall(struct.pack("!L", 0))
        reply = b""
        while not reply.endswith(b"\0"):
            part = sock.recv(4096)
            if not part:
                break
            reply += part
    answer = reply.rstrip(b"\0").decode("utf-8", "replace").strip()
    if answer.endswith("OK"):
        return None
    if answer.endswith("FOUND"):
        return answer.removeprefix("stream:").removesuffix("FOUND").strip() or "FOUND"
    raise RuntimeError(f"clamd answered {answer!r}")
