import os

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
CPR_ENCRYPTION_KEY = os.environ["CPR_ENCRYPTION_KEY"]
CPR_HASH_KEY = os.environ["CPR_HASH_KEY"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_CONTENT_TYPE_NOSNIFF = True

# Never a demo database: seed_demo deletes people and creates users with a published password.
HF_DEMO_DATABASE = False
