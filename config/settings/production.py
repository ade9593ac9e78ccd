"""Production: gunicorn (gunicorn.conf.py) behind a TLS-terminating proxy, PostgreSQL, WhiteNoise.

Every value an operator sets comes from the environment (README, "Production"); `manage.py check --deploy`
is clean with the defaults (core/tests/test_deploy.py)."""

import os

from whitenoise.compress import Compressor

from .base import *  # noqa: F401,F403


def _flag(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0") == "1"


DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
CPR_ENCRYPTION_KEY = os.environ["CPR_ENCRYPTION_KEY"]
CPR_HASH_KEY = os.environ["CPR_HASH_KEY"]

# Persistent connections (seconds), checked before reuse in each request so a restarted database costs
# one failed check instead of an error page. Each gunicorn thread holds one: workers x threads connections.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Static files: `manage.py collectstatic` into STATIC_ROOT (./run serve does it), served by WhiteNoise
# with hashed names, compressed copies and a year's cache.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
# STATIC_COMPRESS=0 leaves out the compressed copies (the smoke test: compressing takes minutes).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _flag("STATIC_COMPRESS", True)
        else "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    },
    "documents": STORAGES["documents"],
}
STATIC_ROOT = os.environ.get("STATIC_ROOT", STATIC_ROOT)
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
# Already compressed, or fetched only by old browsers (ttf, otf, eot fonts) and developer tools (maps).
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map", "ttf", "otf", "eot")

# HTTPS. Behind a proxy that terminates TLS, BEHIND_TLS_PROXY=1 trusts its X-Forwarded-Proto header (the
# proxy must set it on every request, overwriting a client's). SECURE_SSL_REDIRECT=0 only for a local
# try-out over plain HTTP (the smoke test does so); /helbred/ is never redirected.
if _flag("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _flag("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = _flag("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
if os.environ.get("CSRF_TRUSTED_ORIGINS"):
    CSRF_TRUSTED_ORIGINS = os.environ["CSRF_TRUSTED_ORIGINS"].split(",")

# Never a demo database: seed_demo deletes people and creates users with a published password.
HF_DEMO_DATABASE = False
