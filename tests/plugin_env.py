"""Loaded with `-p tests.plugin_env` before Django starts: test keys and a private var dir.

The suite writes everything it needs itself and never reads ../shared or the developer's var/.

Under pytest-xdist (`make test` runs `pytest -n 2`) each worker is a process of its own, started
by the controlling pytest process with that process's environment, the values this module set
there included. A worker therefore makes its own var dir and MEDIA_ROOT (never the controller's,
which both workers would share) and gets its own DATABASE_TEST_NAME: the run's name followed by
the worker's id (gw0, gw1, ...), which the ops tests use to name their databases
(tests/ops/conftest.py, tests/ops/test_upgrade.py). pytest-django adds the worker's id to the
Django test database's name once more, which makes it unique as well.
"""

import os
import tempfile

_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")  # "gw0", "gw1", ... in an xdist worker
_SET_HERE = "MIZAN_TEST_ENV_SET_HERE"  # the names below that this module set, not the caller

if _WORKER:
    if "MEDIA_ROOT" in os.environ.pop(_SET_HERE, "").split():
        del os.environ["MEDIA_ROOT"]  # the controller's: this worker makes its own below
    elif "MEDIA_ROOT" in os.environ:  # given by the caller: a folder for each worker inside it
        os.environ["MEDIA_ROOT"] = os.path.join(os.environ["MEDIA_ROOT"], _WORKER)
    if "DATABASE_TEST_NAME" in os.environ:  # the run's (set by the controller or the caller)
        os.environ["DATABASE_TEST_NAME"] = f"{os.environ['DATABASE_TEST_NAME']}_{_WORKER}"

_var = tempfile.mkdtemp(prefix=f"mizan-test-var-{_WORKER}-" if _WORKER else "mizan-test-var-")
_defaults = {
    "MEDIA_ROOT": os.path.join(_var, "files"),
    # Each test run gets its own PostgreSQL test database, so parallel runs never drop each other's.
    "DATABASE_TEST_NAME": f"test_mizan_{os.getpid()}",
}
os.environ[_SET_HERE] = " ".join(name for name in _defaults if name not in os.environ)
for _name, _value in _defaults.items():
    os.environ.setdefault(_name, _value)
os.environ.setdefault("MIZAN_TESTING", "1")
os.environ["MIZAN_VAR_DIR"] = _var
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdef")
os.environ.setdefault("MIZAN_DATA_KEY", "test1:" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVowMTIzNDU=")
os.environ.setdefault("MIZAN_HASH_KEY", "test-hash-key-not-for-production")
os.environ.setdefault("MIZAN_TASKS_INLINE", "always")
os.makedirs(os.path.join(_var, "static"), exist_ok=True)  # STATIC_ROOT, so whitenoise finds it
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")

import atexit  # noqa: E402
import shutil  # noqa: E402

atexit.register(shutil.rmtree, _var, ignore_errors=True)
