"""A small HTTP client for the benchmark: one keep-alive connection and a cookie jar per simulated user,
talking to gunicorn as the TLS-terminating proxy would (X-Forwarded-Proto: https). Standard library only
(http.client), so the figures are the server's and a thin client's, nothing else.

The Secure cookies production sets are kept and sent back although the connection is plain HTTP on
localhost (urllib's cookie jar would drop them): the proxy in front of production does the TLS."""

import http.client
import re
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


class Response:
    __slots__ = ("status", "body", "headers", "ms")

    def __init__(self, status: int, body: bytes, headers, ms: float):
        self.status, self.body, self.headers, self.ms = status, body, headers, ms


class Browser:
    def __init__(self, port: int, host: str = "127.0.0.1", timeout: float = 60):
        self.port, self.host, self.timeout = port, host, timeout
        self.conn = http.client.HTTPConnection(host, port, timeout=timeout)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None, follow: bool = False) -> Response:
        """One request; ``ms`` is the time from sending to the last byte of the body read."""
        headers = {
            "Host": "localhost",
            "X-Forwarded-Proto": "https",
            "Referer": "https://localhost" + path,
            "Accept-Encoding": "identity",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            raw = self.conn.getresponse()
            content = raw.read()
        except (http.client.HTTPException, OSError):
            # A keep-alive connection the server closed (e.g. a worker restarted after max_requests):
            # a browser opens a new one and sends again; so does this client, once.
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            start = time.perf_counter()
            self.conn.request(method, path, body=body, headers=headers)
            raw = self.conn.getresponse()
            content = raw.read()
        ms = (time.perf_counter() - start) * 1000
        for header in raw.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value == "" or morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        if follow and raw.status in (301, 302, 303):
            return self.request("GET", urlsplit(raw.headers["Location"]).path, follow=True)
        return Response(raw.status, content, raw.headers, ms)

    def get(self, path: str, **kw) -> Response:
        return self.request("GET", path, **kw)

    def post_form(self, path: str, page: Response, data: dict, **kw) -> Response:
        """POST ``data`` with the CSRF token of the form on ``page`` (as a browser submits it)."""
        found = CSRF_FIELD.search(page.body)
        if not found:
            raise RuntimeError(f"no CSRF token on the page before POST {path}")
        return self.request("POST", path, {"csrfmiddlewaretoken": found.group(1).decode(), **data}, **kw)

    def login(self, username: str, password: str) -> None:
        page = self.get("/accounts/login/")
        landed = self.post_form("/accounts/login/", page, {"login": username, "password": password})
        if landed.status not in (302, 303) or "sessionid" not in self.cookies:
            raise RuntimeError(f"login as {username} failed: HTTP {landed.status}")

    def close(self) -> None:
        self.conn.close()


def percentile(values, p: float) -> float:
    """Linear interpolation between the closest ranks (as numpy's default); p in 0..1."""
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)
