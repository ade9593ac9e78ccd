"""Settings for the benchmark only: the platform's settings plus a bare JSON view to compare against.
Never used by the running platform."""

from config.settings.base import *  # noqa: F401,F403
from config.settings.base import ALLOWED_HOSTS

ROOT_URLCONF = "benchmarks.urls"
DEBUG = False
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
# The real password hasher is not what is measured; logins use force_login.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
