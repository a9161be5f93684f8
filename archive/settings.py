"""Settings for the archive, read from the environment.

Defaults suit a fresh development machine; production sets `SECRET_KEY`, `ALLOWED_HOSTS`
and `DATABASE_URL` and leaves `DEBUG` unset. This module never starts a database: the
embedded PostgreSQL of `make run` / `make test` is started by `archive.local_db`.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def read_env_file(path: Path) -> dict[str, str]:
    """The `KEY=VALUE` lines of a file (the git-ignored `.dev.env`); none if there is no file."""
    if not path.is_file():
        return {}
    values = {}
    for line in path.read_text().splitlines():
        key, sep, value = line.partition("=")
        key = key.strip()
        if sep and key and not key.startswith("#"):
            values[key] = value.strip()
    return values


# `make` writes `.dev.env` (DEBUG=1 and a random SECRET_KEY) for development; production has none.
# Its values fill only what the environment leaves unset.
DEV_FILE_VALUES = read_env_file(Path(os.environ.get("ARCHIVE_ENV_FILE", BASE_DIR / ".dev.env")))
for _key, _value in DEV_FILE_VALUES.items():
    os.environ.setdefault(_key, _value)
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1", "testserver"}


def env_bool(name: str, *, default: bool = False) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, *, default: str = "") -> list[str]:
    """Read a comma-separated environment variable."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_url(url: str) -> dict[str, object]:
    """Turn `postgres://user:password@host:port/name?options` into a Django DATABASES entry.

    A host that starts with "/" (percent-encoded in the URL) is a Unix socket folder.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        raise ImproperlyConfigured(f"DATABASE_URL must be a postgres:// URL, not {parts.scheme!r}")
    options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    # A stopped or unreachable database fails a request in seconds instead of hanging it.
    options.setdefault("connect_timeout", os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
    return {
        # Django's PostgreSQL backend, failing fast while the server is frozen (archive/postgresql).
        "ENGINE": "archive.postgresql",
        "NAME": unquote(parts.path.lstrip("/")) or "postgres",
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": _host_of(parts.netloc, port=parts.port),
        "PORT": str(parts.port or ""),
        "CONN_MAX_AGE": int(os.environ.get("CONN_MAX_AGE", "60")),
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": options,
        "TEST": {"NAME": os.environ.get("TEST_DATABASE_NAME") or None},
    }


def replica_databases(urls: list[str]) -> dict[str, dict[str, object]]:
    """DATABASES entries `replica_1`, `replica_2`, ... for replicas' URLs; in tests they mirror
    the primary."""
    return {
        f"replica_{number}": {**database_from_url(url), "TEST": {"MIRROR": "default"}}
        for number, url in enumerate(urls, start=1)
    }


def _host_of(netloc: str, *, port: int | None) -> str:
    """The host of a URL's netloc, case kept (a socket folder is a case-sensitive path)."""
    host = netloc.rpartition("@")[2]
    if port is not None:
        host = host.removesuffix(f":{port}")
    return unquote(host.strip("[]"))


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in the environment, or DEBUG=1 for development."
        )
    SECRET_KEY = "development-only-key-not-for-production"
elif not DEBUG and (DEV_FILE_VALUES.get("SECRET_KEY") == SECRET_KEY or len(set(SECRET_KEY)) < 10):
    raise ImproperlyConfigured(
        "SECRET_KEY is a development key (from the .dev.env file, or too simple). In production,"
        " set a long random SECRET_KEY in the environment."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default="localhost,127.0.0.1,[::1]")
PUBLIC_HOSTS = [h for h in ALLOWED_HOSTS if h not in LOCAL_HOSTS and not h.endswith(".localhost")]
if DEBUG and PUBLIC_HOSTS:
    # Debug pages show settings and code to anyone: never on a host the public can reach.
    raise ImproperlyConfigured(
        f"DEBUG is on while ALLOWED_HOSTS names public hosts ({', '.join(PUBLIC_HOSTS)}):"
        " unset DEBUG in production, or serve development only on localhost."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "pgtrigger",
    "template_partials",
    "simple_history",
    "axes",
    # django-ninja: its templates and static files (Swagger UI) for the API docs.
    "ninja",
    # procrastinate: the task queue's tables (its migrations) and `manage.py procrastinate worker`.
    "procrastinate.contrib.django",
    "resolutions",
    "resolutions.catalogue",
    "resolutions.lineage",
    # The measuring commands (manage.py benchmark*, evaluate_ranking, hardening_report), where the
    # checkout carries bench/; the archive itself never imports it (the image leaves it out).
    *(["bench"] if importlib.util.find_spec("bench") else []),
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that may read the database: a frozen server is answered 503 at the door.
    "archive.database_watchdog.DatabaseWatchdogMiddleware",
    # Every error under /api/ leaves as JSON, whatever answered it.
    "resolutions.api.errors.ApiErrorMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: signed-in staff are not rate-limited.
    "archive.ratelimit.RateLimitMiddleware",
    # After the rate limits: an export refused by them never takes a slot.
    "archive.export_slots.ExportSlotMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "archive.middleware.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "archive.database_faults.DatabaseFaultMiddleware",
    # After the fault middleware, so a replica's fault is answered from the primary first.
    "archive.replicas.ReplicaMiddleware",
    # Last, as django-axes asks: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

# django-axes throttles sign-in: its backend comes first and refuses locked-out attempts.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours until a locked-out user name and address may try again
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"

# Content-Security-Policy sent by archive.middleware: no inline script, no framing.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# Rate limits per client address on anonymous searches, API calls and exports
# (archive/ratelimit.py): "N/s", "N/m", "N/h" or "N/d"; empty for no limit.
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", default=True)
RATELIMIT_SEARCH = os.environ.get("RATELIMIT_SEARCH", "60/m")
RATELIMIT_API = os.environ.get("RATELIMIT_API", "120/m")
RATELIMIT_EXPORT = os.environ.get("RATELIMIT_EXPORT", "10/m")
# Behind a proxy, the request header in which it passes the client's address (X-Real-IP);
# unset, or not an address, the connection's own address counts.
RATELIMIT_CLIENT_HEADER = os.environ.get("RATELIMIT_CLIENT_HEADER", "")
RATELIMIT_IP_META_KEY = "archive.ratelimit.client_address"
# Exports running at once (archive/export_slots.py): per client (a signed-in user, else an
# address; staff have none) and for the whole archive, across every process; 0 for no limit.
EXPORT_CONCURRENCY_PER_CLIENT = int(os.environ.get("EXPORT_CONCURRENCY_PER_CLIENT", "1"))
EXPORT_CONCURRENCY_TOTAL = int(os.environ.get("EXPORT_CONCURRENCY_TOTAL", "2"))
# A search's counts and facets are kept this many seconds per normalised request and search
# version (resolutions/search/counts_cache.py; docs/search.md): 0 turns the cache off. They live
# in the default cache: Django's per-process memory unless CACHES says otherwise.
SEARCH_COUNTS_CACHE_SECONDS = int(os.environ.get("SEARCH_COUNTS_CACHE_SECONDS", "300"))
# A document page is kept whole this many seconds per address and search version, for readers
# not signed in (resolutions/views/page_cache.py; docs/performance.md): 0 turns it off.
DOCUMENT_PAGE_CACHE_SECONDS = int(os.environ.get("DOCUMENT_PAGE_CACHE_SECONDS", "300"))

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"
ASGI_APPLICATION = "archive.asgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL", "postgres://postgres@localhost:5432/archive")
    )
}
# Read replicas (archive/replicas.py, docs/deploy.md): streaming replicas of DATABASE_URL, as
# comma-separated URLs of the same form; public pages read from them, everything else from it.
_replicas = replica_databases(env_list("DATABASE_REPLICA_URLS"))
DATABASES.update(_replicas)
DATABASE_REPLICAS = list(_replicas)
DATABASE_ROUTERS = ["archive.replicas.ReplicaRouter"]
# A replica further behind than this (seconds) is skipped; each process checks again after
# REPLICA_CHECK_SECONDS.
REPLICA_MAX_LAG_SECONDS = float(os.environ.get("REPLICA_MAX_LAG_SECONDS", "10"))
REPLICA_CHECK_SECONDS = float(os.environ.get("REPLICA_CHECK_SECONDS", "2"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Web requests only (archive/database_faults.py): past this a query is cancelled with a message.
WEB_STATEMENT_TIMEOUT_MS = int(os.environ.get("WEB_STATEMENT_TIMEOUT_MS", "10000"))
# A request running this long makes the web process check that the database still answers
# (archive/database_watchdog.py); a frozen server's requests are then cut and answered 503.
DATABASE_WATCHDOG_SECONDS = float(os.environ.get("DATABASE_WATCHDOG_SECONDS", "1"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff:home"
LOGOUT_REDIRECT_URL = "resolutions:home"

# Upload limits: a clear ceiling for staff uploads (bytes).
MAX_UPLOAD_BYTES = int(os.environ.get("MAX_UPLOAD_BYTES", str(20 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# A file over MAX_UPLOAD_BYTES is cut off as it arrives, never held whole (docs/ingest.md).
FILE_UPLOAD_HANDLERS = [
    "resolutions.staff.upload_handlers.SizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# What one uploaded file may cost to read (docs/ingest.md, "Limits"); over any, it is refused.
MAX_UNZIPPED_BYTES = int(os.environ.get("MAX_UNZIPPED_BYTES", str(100 * 1024 * 1024)))
MAX_COMPRESSION_RATIO = int(os.environ.get("MAX_COMPRESSION_RATIO", "100"))
MAX_PDF_PAGES = int(os.environ.get("MAX_PDF_PAGES", "1000"))
MAX_PARAGRAPHS = int(os.environ.get("MAX_PARAGRAPHS", "10000"))
MAX_DOCUMENT_CHARACTERS = int(os.environ.get("MAX_DOCUMENT_CHARACTERS", "5000000"))
# The worker parses each file in a child process with these ceilings.
PARSE_TIME_LIMIT_SECONDS = float(os.environ.get("PARSE_TIME_LIMIT_SECONDS", "120"))
PARSE_MEMORY_LIMIT_MB = int(os.environ.get("PARSE_MEMORY_LIMIT_MB", "1024"))
# Uploads are parsed by `manage.py procrastinate worker` (resolutions/tasks.py); jobs that
# finished are deleted, failed ones kept for inspection in the admin.
PROCRASTINATE_WORKER_DEFAULTS = {"delete_jobs": "successful"}

# Security: production (DEBUG off) sits behind HTTPS.
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
