"""Loaded with `-p tests.plugin_env` before Django starts: test keys and a private var dir.

The suite writes everything it needs itself and never reads ../shared or the developer's var/.
"""

import os
import tempfile

_var = tempfile.mkdtemp(prefix="mizan-test-var-")
os.environ.setdefault("MIZAN_TESTING", "1")
os.environ["MIZAN_VAR_DIR"] = _var
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdef")
os.environ.setdefault("MIZAN_DATA_KEY", "test1:" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVowMTIzNDU=")
os.environ.setdefault("MIZAN_HASH_KEY", "test-hash-key-not-for-production")
os.environ.setdefault("MIZAN_TASKS_INLINE", "always")
os.environ.setdefault("MEDIA_ROOT", os.path.join(_var, "files"))
os.makedirs(os.path.join(_var, "static"), exist_ok=True)  # STATIC_ROOT, so whitenoise finds it
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
# Each test run gets its own PostgreSQL test database, so parallel runs never drop each other's.
os.environ.setdefault("DATABASE_TEST_NAME", f"test_mizan_{os.getpid()}")

import atexit  # noqa: E402
import shutil  # noqa: E402

atexit.register(shutil.rmtree, _var, ignore_errors=True)
