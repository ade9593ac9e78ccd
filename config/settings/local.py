import os

from .base import *  # noqa: F401,F403

DEBUG = True
# The demo prints mail (a password reset link) to the console unless the environment names a backend.
if not os.environ.get("EMAIL_URL"):
    EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# A developer's own database: `./run demo` resets it with seed_demo.
HF_DEMO_DATABASE = True
