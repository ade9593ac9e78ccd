"""The production settings gunicorn runs with in the benchmark (config/settings/production.py, unchanged)
plus the bare JSON view of benchmarks/urls.py to compare the pages against. Never used by the platform."""

from config.settings.production import *  # noqa: F401,F403

ROOT_URLCONF = "benchmarks.urls"
