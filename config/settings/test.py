from .base import *  # noqa: F401,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AXES_FAILURE_LIMIT = 3
DEBUG = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Test databases are throw-away: the demo seeding tests may reset them.
HF_DEMO_DATABASE = True

# Figures always exact in the tests: a snapshot marked stale by a write is never shown (figures/conf.py).
HF["FIGURES"] = {"SERVE_STALE_SECONDS": 0}  # noqa: F405

# Citizens' documents in a throw-away folder per test process (the casefile tests use their own tmp_path).
import atexit  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402

from .base import _documents_storage  # noqa: E402

_DOCUMENTS = tempfile.mkdtemp(prefix="hf-documents-")
atexit.register(shutil.rmtree, _DOCUMENTS, ignore_errors=True)
STORAGES = {**STORAGES, "documents": _documents_storage({"DOCUMENT_ROOT": _DOCUMENTS})}
