"""Settings shared by every environment; values come from the environment (12-factor)."""

import os
from pathlib import Path

import csp.constants
import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = os.environ.get("DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "pgtrigger",
    "pghistory",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "tenants",
    "figures",
    "accounts",
    "audit",
    "people",
    "housing",
    "allocation",
    "plans",
    "support",
    "fidelity",
    "steering",
    "simulation",
    "economy",
    "implementation",
    "count",
    "casefile",
    "imports",
    "home",
    "today",
    "core",
    "demo",
]

MIDDLEWARE = [
    "core.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.DanishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.SecurityHeadersMiddleware",
    "accounts.middleware.SessionActivityMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "axes.middleware.AxesMiddleware",
    "accounts.middleware.MfaRequiredMiddleware",
    "accounts.middleware.ExpiredPostMiddleware",
    "accounts.middleware.MembershipMiddleware",
    "tenants.middleware.TenantMiddleware",
]

ROOT_URLCONF = "config.urls"
# Error pages: templates/400.html, 403.html, 404.html and 500.html (Django's handlers, in the platform's
# layout); a failed CSRF check shows the same 403 page. With DEBUG off no technical page is ever shown.
CSRF_FAILURE_VIEW = "core.views.csrf_failure"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "home.context_processors.platform",
                "today.context_processors.bell",
                "accounts.context_processors.session_timeout",
            ],
        },
    },
]

# SQLite is the embedded default for a quick local start; production and CI use PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
# Every request is one transaction, opened by tenants.middleware.TenantMiddleware (not ATOMIC_REQUESTS,
# which would nest a savepoint inside it): the tenant is set per transaction for row-level security,
# and a failing multi-step change leaves nothing half-saved.
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compiling of queries: a page's queries are small, but where the row-level security filter
    # inflates the planner's cost estimate past jit_above_cost, compiling costs seconds (the while-waiting
    # list for Copenhagen: 1.9 s with JIT, 50 ms without, at 3x national data; BENCHMARKS.md).
    # random_page_cost 1.1 (PostgreSQL's default 4 is for spinning disks): the platform's tables live in
    # memory or on SSD, and with 4 the planner read all of a municipality's people through the
    # municipality index rather than the by-name list's own index (20 ms instead of 7 for Copenhagen at 3x).
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = (_options.get("options", "") + " -c jit=off -c random_page_cost=1.1").strip()
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The local demo runs a task worker (imports) beside the requests that poll it:
    # IMMEDIATE takes the write lock at BEGIN so two writers wait for each other (busy timeout)
    # instead of failing on a lock upgrade.
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 30}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work (imports, the daily jobs) is a task queue kept in the database (django-tasks with
# django-tasks-db): the web process enqueues, `manage.py db_worker` runs the tasks. Same on SQLite and
# PostgreSQL; no broker to run.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# The daily jobs, each also a management command of the same work for cron (README). django-tasks has no
# scheduler: `manage.py enqueue_daily_jobs` queues them all (`./run demo` does so as its worker starts).
DAILY_TASKS = [
    "people.tasks.mark_inactive_everywhere",
    "audit.tasks.purge_logs",
    "imports.tasks.fail_stale_imports",
    "people.tasks.purge_list_exports",
    "figures.tasks.refresh_all_figures",
    "today.tasks.send_daily_digests",
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "account_login"
# The front page for the user's role (home.views.start): e.g. a support worker's own citizens.
LOGIN_REDIRECT_URL = "home:start"
LOGOUT_REDIRECT_URL = "account_login"

# allauth: local accounts by username; no self sign-up (administrators create users).
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*"]
ACCOUNT_ADAPTER = "accounts.adapters.NoSignupAccountAdapter"
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_RATE_LIMITS = False  # django-axes does the lockout
# Password reset by e-mail for users with an address; matched case-insensitively (accounts.forms).
ACCOUNT_FORMS = {"reset_password": "accounts.forms.PasswordResetForm"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Housing First"

# Mail (password reset): EMAIL_URL (e.g. smtp+tls://user:password@mail.example.dk:587) or EMAIL_BACKEND
# with Django's EMAIL_HOST/EMAIL_PORT/... from the environment. The demo prints mail to the console
# (local.py); tests keep it in memory (test.py).
if os.environ.get("EMAIL_URL"):
    import environ

    globals().update(environ.Env.email_url_config(os.environ["EMAIL_URL"]))
else:
    EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
    EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Housing First <noreply@localhost>")
# The platform's address as users reach it, for links in mail sent by the task queue (the daily I dag
# e-mail, today/services.py), where there is no request to take it from.
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000")

# Lockout after repeated failures (django-axes).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"

# Session timeout: 30 minutes of inactivity. Pages warn this many seconds before, with a button
# that extends the session (templates/includes/session_timeout.html, static/js/session.js).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(30 * 60)))
SESSION_WARNING_SECONDS = int(os.environ.get("SESSION_WARNING_SECONDS", str(3 * 60)))
# Not every request: accounts.middleware.SessionActivityMiddleware saves it at most once a minute.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False

# Security headers (production.py adds HTTPS, HSTS and the proxy from the environment). Scripts only from
# the platform itself or with the request's nonce (`{{ request.csp_nonce }}`), no inline styles (pages use
# classes in static/css/app.css), no eval; data: images for allauth's TOTP QR code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", csp.constants.NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# Messages name citizens ("Jens Hansen er oprettet"): kept in the session, never in a cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Third-party front-end packages are installed by npm at setup and served from node_modules;
# never committed.
NODE_MODULES = BASE_DIR / "node_modules"
if NODE_MODULES.exists():
    STATICFILES_DIRS += [
        # What the pages use of DKFDS (its stylesheet with the icons and fonts it names, its script for the
        # header's menus; not its sources).
        *(
            (f"dkfds/{part}", NODE_MODULES / "dkfds" / "dist" / part)
            for part in ("css", "img", "fonts", "js")
        ),
        ("chartjs", NODE_MODULES / "chart.js" / "dist"),
    ]


# Citizens' documents (casefile): the bytes are encrypted by the platform before they reach this storage
# (casefile/crypto.py), so neither the disk nor the bucket ever holds a plaintext file. The file system
# under var/documents by default; DOCUMENT_STORAGE=s3 for an S3-compatible store through django-storages.
def _documents_storage(env) -> dict:
    if env.get("DOCUMENT_STORAGE", "filesystem") == "s3":
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": env["DOCUMENT_S3_BUCKET"],
                "endpoint_url": env.get("DOCUMENT_S3_ENDPOINT_URL") or None,
                "region_name": env.get("DOCUMENT_S3_REGION") or None,
                "access_key": env.get("DOCUMENT_S3_ACCESS_KEY_ID") or None,
                "secret_key": env.get("DOCUMENT_S3_SECRET_ACCESS_KEY") or None,
                "location": env.get("DOCUMENT_S3_PREFIX", "documents"),
                # Private objects, never a public or signed address: every download goes through the
                # platform, which checks access, logs it and decrypts.
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        }
    return {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": env.get("DOCUMENT_ROOT") or str(BASE_DIR / "var" / "documents"),
            "base_url": None,
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    }


STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "documents": _documents_storage(os.environ),
}
# The key the documents are encrypted with (casefile/crypto.py): a dedicated secret, several separated by
# commas while a key is rotated (the first encrypts, each decrypts). Unset: derived from CPR_ENCRYPTION_KEY.
DOCUMENT_ENCRYPTION_KEY = os.environ.get("DOCUMENT_ENCRYPTION_KEY", "")

# CPR encryption at rest and the keyed hash for lookups. Production must set both.
CPR_ENCRYPTION_KEY = os.environ.get("CPR_ENCRYPTION_KEY", "ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZC0=")
CPR_HASH_KEY = os.environ.get("CPR_HASH_KEY", "dev-only-cpr-hash-key")

# The apps' own settings: each app's conf.py holds every setting with its default, unit and source, read
# one way (core/conf.py: a municipality's own value where allowed, then this, then the default). HF
# holds only this installation's overrides, by app, e.g. {"SUPPORT": {"CASELOAD_PER_WORKER": {"cti": 9}}}.
HF = {}
# Access and audit log retention in days (audit/conf.py; Datatilsynet: a set period).
if os.environ.get("LOG_RETENTION_DAYS"):
    HF["AUDIT"] = {"LOG_RETENTION_DAYS": int(os.environ["LOG_RETENTION_DAYS"])}
# A by-name list export above this many rows is made by a task (people/conf.py EXPORT_SYNC_MAX_ROWS).
if os.environ.get("EXPORT_SYNC_MAX_ROWS"):
    HF["PEOPLE"] = {"EXPORT_SYNC_MAX_ROWS": int(os.environ["EXPORT_SYNC_MAX_ROWS"])}

# A virus scanner the documents pass before they are stored (casefile/conf.py VIRUS_SCANNER): a dotted path.
if os.environ.get("DOCUMENT_VIRUS_SCANNER"):
    HF["CASEFILE"] = {"VIRUS_SCANNER": os.environ["DOCUMENT_VIRUS_SCANNER"]}

# The database roles the owner grants to after every migration (tenants/conf.py, tenants/roles.py).
HF["TENANTS"] = {k: os.environ[f"PG_{k}"] for k in ("APP_ROLE", "SYSTEM_ROLE") if os.environ.get(f"PG_{k}")}

# Whether this database holds only demo data, so `manage.py seed_demo` may wipe the demo
# municipalities and create users with the published demo password. Only local.py and test.py set it;
# production.py sets it False whatever the environment says.
HF_DEMO_DATABASE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Lockout is per username on purpose: municipal staff share office IP addresses, so locking an IP
# would lock out a whole department after one person's typing errors.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# pghistory attaches the acting user and URL to every change it records; its context injection is
# PostgreSQL-only (on SQLite its triggers record nothing and the wrapper fails), so it is added there.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    MIDDLEWARE.insert(
        MIDDLEWARE.index("tenants.middleware.TenantMiddleware") + 1, "pghistory.middleware.HistoryMiddleware"
    )
