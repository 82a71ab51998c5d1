"""Mizan settings: one file, configured from the environment (see `.env.example`).

Every secret can also be given as `NAME_FILE=/path`, and the two data keys default to files
under `var/keys/` that `make run` creates on first start. A missing key is an error at start-up:
the platform never invents a new key, because a new key would make existing data unreadable.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def _load_dotenv(path: Path) -> None:
    """KEY=VALUE lines of `.env` become environment variables (the real environment wins)."""
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            os.environ.setdefault(key.strip(), value.strip().strip('"').strip("'"))


if not os.environ.get("MIZAN_TESTING"):
    _load_dotenv(BASE_DIR / ".env")
VAR_DIR = Path(os.environ.get("MIZAN_VAR_DIR", BASE_DIR / "var"))


def env(name: str, default: str | None = None) -> str | None:
    """Value of `name`, or the contents of the file named by `name_FILE`, or `default`."""
    if name in os.environ:
        return os.environ[name]
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return default


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = env(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


def key_setting(name: str, filename: str) -> str:
    """A data key from the environment, `*_FILE`, or `var/keys/<filename>`; never generated here."""
    value = env(name)
    if value is None:
        key_file = VAR_DIR / "keys" / filename
        if key_file.exists():
            value = key_file.read_text(encoding="utf-8").strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} is not set and {VAR_DIR / 'keys' / filename} does not exist. "
            "Restore the key from your key backup (never generate a new one for existing data), "
            "or run `make keys` once for a brand-new installation."
        )
    return value


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY") or key_setting("SECRET_KEY", "secret_key")
# Encrypts personal data (names, national IDs, phones, e-mails, addresses). Comma-separated
# list "id:base64key,...": the first encrypts, all decrypt. Retired keys (decrypt only) live in
# MIZAN_DATA_KEYS_OLD or var/keys/data_keys_old; `manage.py rotate_data_key` moves the current
# key there. MIZAN_DATA_KEY below is the whole ring, current key first.
MIZAN_DATA_KEY_PATH = (
    None if "MIZAN_DATA_KEY" in os.environ
    else (os.environ.get("MIZAN_DATA_KEY_FILE") or str(VAR_DIR / "keys" / "data_key"))
)
MIZAN_DATA_KEYS_OLD_PATH = (
    None if "MIZAN_DATA_KEYS_OLD" in os.environ
    else (os.environ.get("MIZAN_DATA_KEYS_OLD_FILE") or str(VAR_DIR / "keys" / "data_keys_old"))
)
MIZAN_DATA_KEY = ",".join(part for part in (
    key_setting("MIZAN_DATA_KEY", "data_key"),
    os.environ["MIZAN_DATA_KEYS_OLD"].strip() if MIZAN_DATA_KEYS_OLD_PATH is None else (
        Path(MIZAN_DATA_KEYS_OLD_PATH).read_text(encoding="utf-8").strip()
        if Path(MIZAN_DATA_KEYS_OLD_PATH).exists() else ""
    ),
) if part)
# Keys the hashes that find a receipt, a national ID or a phone without storing them in clear.
MIZAN_HASH_KEY = key_setting("MIZAN_HASH_KEY", "hash_key")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "mizan.core",  # before django_tasks_db: its db_worker records a heartbeat
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "mizan.accounts",
    "mizan.audit",
    "mizan.complaints",
    "mizan.followup",
    "mizan.search",
    "mizan.triage",
    "mizan.portal",
    "mizan.desk",
    "mizan.reports",
    "mizan.api",
    "mizan.ops",  # backup and restore
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "mizan.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "mizan.accounts.middleware.StaffSessionMiddleware",  # session expiry, logout everywhere, 2FA
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "mizan.core.middleware.SecurityHeadersMiddleware",
]

# Sessions signed in before AccountBackend existed name ModelBackend: it stays, so they hold.
AUTHENTICATION_BACKENDS = ["mizan.accounts.backends.AccountBackend", "django.contrib.auth.backends.ModelBackend"]

ROOT_URLCONF = "mizan.urls"
WSGI_APPLICATION = "mizan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "mizan" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mizan.desk.context.desk",
            ],
        },
    },
]

# --- database -------------------------------------------------------------------------------
# SQLite (embedded default): WAL so readers never block the writer, IMMEDIATE so a transaction
# takes the write lock at BEGIN (no "database is locked" on lock upgrade), a busy timeout so
# writers queue instead of failing, and synchronous=FULL so an acknowledged complaint survives
# a crash.
SQLITE_PATH = Path(env("SQLITE_PATH", str(VAR_DIR / "mizan.sqlite3")))
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    }
    if env("DATABASE_TEST_NAME"):
        DATABASES["default"]["TEST"] = {"NAME": env("DATABASE_TEST_NAME")}
    if DATABASES["default"]["ENGINE"].endswith("postgresql"):
        # PostgreSQL's JIT compiler spent 60-70 ms compiling each large search or statistics query
        # (measured at 1,000,000 cases) to save less than that; MIZAN_PG_JIT=on gives it back.
        DATABASES["default"].setdefault("OPTIONS", {})
        DATABASES["default"]["OPTIONS"]["options"] = (
            DATABASES["default"]["OPTIONS"].get("options", "") + (" -c jit=on" if env("MIZAN_PG_JIT") == "on" else " -c jit=off")).strip()
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": env_int("SQLITE_BUSY_TIMEOUT", 30),
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=FULL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=30000;"
                ),
            },
            "TEST": {"NAME": env("SQLITE_TEST_PATH") or None},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- tasks ----------------------------------------------------------------------------------
# Tasks go to the database queue in the transaction of the change that causes them (so none is
# lost); when no worker has sent a heartbeat recently they also run inline after the commit
# (mizan.core.tasks.enqueue_on_commit), so nothing waits for a worker that is not there.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
MIZAN_TASKS_INLINE = env("MIZAN_TASKS_INLINE", "auto")  # auto | always | never

# --- cache ----------------------------------------------------------------------------------
# A table in the database itself (created by `migrate`, see reports/migrations/0001): shared by
# every web process and host, nothing more to run or to back up. Cached statistics are keyed by
# the organisation's data version, so a change is never hidden behind a cached figure.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "mizan_cache",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": env_int("MIZAN_CACHE_MAX_ENTRIES", 5000)},
    }
}

# --- auth -----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "desk:queue"
LOGOUT_REDIRECT_URL = "login"
# Staff sessions end after MIZAN_SESSION_IDLE_MINUTES without a request and, whatever happens,
# MIZAN_SESSION_MAX_HOURS after the login (mizan.accounts.middleware).
MIZAN_SESSION_IDLE_MINUTES = env_int("MIZAN_SESSION_IDLE_MINUTES", 30)
MIZAN_SESSION_MAX_HOURS = env_int("MIZAN_SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = MIZAN_SESSION_MAX_HOURS * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Failed logins: after MIZAN_LOGIN_MAX_FAILURES in a row on one user name, that name is refused
# for MIZAN_LOGIN_LOCKOUT_SECONDS, doubled at each further lockout, never more than the maximum.
MIZAN_LOGIN_MAX_FAILURES = env_int("MIZAN_LOGIN_MAX_FAILURES", 5)
MIZAN_LOGIN_LOCKOUT_SECONDS = env_int("MIZAN_LOGIN_LOCKOUT_SECONDS", 60)
MIZAN_LOGIN_LOCKOUT_MAX_SECONDS = env_int("MIZAN_LOGIN_LOCKOUT_MAX_SECONDS", 3600)
MIZAN_THROTTLE_LOGIN_PER_HOUR = env_int("MIZAN_THROTTLE_LOGIN_PER_HOUR", 100)  # per client, all names
MIZAN_2FA_ISSUER = env("MIZAN_2FA_ISSUER", "Mizan")  # the name authenticator apps show
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_COOKIES = env_bool("SECURE_COOKIES", not DEBUG and env_bool("HTTPS", False))
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if SECURE_COOKIES else 0)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY") else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- i18n -----------------------------------------------------------------------------------
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "mizan" / "locale"]
LANGUAGE_COOKIE_NAME = "mizan_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
USE_I18N = True
TIME_ZONE = env("TIME_ZONE", "Africa/Cairo")
USE_TZ = True

# --- static and uploaded files ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "mizan" / "static"]
STORAGES = {
    # Uploaded files live outside the static root and are served only by access-checked views.
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(Path(env("MEDIA_ROOT", str(VAR_DIR / "files"))))},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("MIZAN_TESTING")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or env_bool("MIZAN_TESTING")
DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 3 * 1024 * 1024
MIZAN_MAX_UPLOAD_BYTES = env_int("MIZAN_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
MIZAN_MAX_FILES_PER_SUBMISSION = env_int("MIZAN_MAX_FILES_PER_SUBMISSION", 5)
MIZAN_MAX_NARRATIVE_CHARS = env_int("MIZAN_MAX_NARRATIVE_CHARS", 20000)
# Relevance ranking of a search considers at most this many matches (the newest ones that pass
# the filters); the count above it is shown as "more than". See mizan/search/engine.py.
MIZAN_SEARCH_RANK_WINDOW = env_int("MIZAN_SEARCH_RANK_WINDOW", 5_000)
# Exports (mizan/reports): files are kept this many days, then deleted by the worker's sweep; a
# CSV of at most MIZAN_EXPORT_DIRECT_ROWS cases is sent at once, anything larger is written in
# the background. Imports: at most this many rows and bytes per file.
MIZAN_EXPORT_KEEP_DAYS = env_int("MIZAN_EXPORT_KEEP_DAYS", 7)
MIZAN_EXPORT_DIRECT_ROWS = env_int("MIZAN_EXPORT_DIRECT_ROWS", 2000)
MIZAN_IMPORT_MAX_ROWS = env_int("MIZAN_IMPORT_MAX_ROWS", 5000)
MIZAN_IMPORT_MAX_BYTES = env_int("MIZAN_IMPORT_MAX_BYTES", 10 * 1024 * 1024)
# Imports of recommendations (mizan/followup/imports.py; an index export of 50,000 rows is ~15 MB).
MIZAN_FOLLOWUP_IMPORT_MAX_BYTES = env_int("MIZAN_FOLLOWUP_IMPORT_MAX_BYTES", 100 * 1024 * 1024)
# A critical urgency suggested by triage and not accepted or rejected within this many clock hours
# (nights and weekends count) is escalated like a missed deadline (mizan/complaints/services.py).
MIZAN_CRITICAL_REVIEW_HOURS = env_int("MIZAN_CRITICAL_REVIEW_HOURS", 4)
if MIZAN_CRITICAL_REVIEW_HOURS < 1:
    raise ImproperlyConfigured("MIZAN_CRITICAL_REVIEW_HOURS must be a whole number of hours, at least 1.")
# Follow-up reminders (mizan/followup/reminders.py): this many days before a recommendation's,
# a measure's or an indicator's value's due date, and again on the day after it passes.
MIZAN_FOLLOWUP_REMIND_DAYS = env_int("MIZAN_FOLLOWUP_REMIND_DAYS", 14)
if MIZAN_FOLLOWUP_REMIND_DAYS < 1:
    raise ImproperlyConfigured("MIZAN_FOLLOWUP_REMIND_DAYS must be a whole number of days, at least 1.")

# --- e-mail ----------------------------------------------------------------------------------
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if env("EMAIL_HOST") else
    "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "mizan@localhost")

# --- public intake throttling (counts kept under a keyed hash, never the raw IP) -----------------
MIZAN_THROTTLE_TRACK_PER_HOUR = env_int("MIZAN_THROTTLE_TRACK_PER_HOUR", 30)
MIZAN_THROTTLE_SUBMIT_PER_HOUR = env_int("MIZAN_THROTTLE_SUBMIT_PER_HOUR", 20)
# Proof of work for anonymous complaints, where the organisation turns it on: leading zero bits
# of sha256 (about 2**bits hashes: 18 is 1-3 s in a phone's browser) and minutes a challenge lasts.
MIZAN_POW_BITS = env_int("MIZAN_POW_BITS", 18)
MIZAN_POW_MINUTES = env_int("MIZAN_POW_MINUTES", 120)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}

# Staff passwords: Argon2id (older hashes are upgraded at the next login).
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if env_bool("MIZAN_TESTING"):
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast tests only
