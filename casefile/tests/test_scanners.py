"""The ClamAV scanner speaks clamd's INSTREAM protocol: tried against a stand-in clamd on a Unix socket."""

import socket
import struct
import threading

import pytest

from casefile import scanners


def fake_clamd(path, answer: bytes):
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    received = {}

    def serve():
        conn, _ = server.accept()
        with conn:
            data = b""
            while not data.endswith(struct.pack("!L", 0)) or len(data) < 14:
                data += conn.recv(65536)
            received["data"] = data
            conn.sendall(answer)
        server.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return thread, received


@pytest.mark.parametrize(
    ("answer", "verdict"),
    [(b"stream: OK\0", None), (b"stream: Eicar-Test-Signature FOUND\0", "Eicar-Test-Signature")],
)
def test_clamav_streams_the_bytes_and_reads_the_verdict(tmp_path, monkeypatch, answer, verdict):
    path = tmp_path / "clamd.sock"
    thread, received = fake_clamd(path, answer)
    monkeypatch.setenv("CLAMAV_ADDRESS", str(path))
    assert scanners.clamav(b"%PDF-1.4 hello", filename="a.pdf", content_type="application/pdf") == verdict
    thread.join(5)
    assert received["data"] == b"zINSTREAM\0" + struct.pack("!L", 14) + b"%PDF-1.4 hello" + struct.pack(
        "!L", 0
    )


def test_clamav_raises_on_an_error_so_the_hook_refuses(tmp_path, monkeypatch):
    path = tmp_path / "clamd.sock"
    fake_clamd(path, b"INSTREAM size limit exceeded. ERROR\0")
    monkeypatch.setenv("CLAMAV_ADDRESS", str(path))
    with pytest.raises(RuntimeError, match="size limit"):
        scanners.clamav(b"%PDF-1.4 hello")
