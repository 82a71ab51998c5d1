"""Each process of a test run (the one process, or each pytest-xdist worker of `make test`) has
its own var folder, MEDIA_ROOT and database names (tests/plugin_env.py): two workers never
write into each other's files or databases."""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


def test_the_var_folder_and_media_root_are_this_processs_own():
    var = Path(os.environ["MIZAN_VAR_DIR"])
    assert Path(settings.VAR_DIR) == var
    assert var.name.startswith(f"mizan-test-var-{WORKER}-" if WORKER else "mizan-test-var-")
    assert var / "static" == settings.STATIC_ROOT
    media = Path(default_storage.location)
    assert media == Path(os.environ["MEDIA_ROOT"])
    if "MEDIA_ROOT" in os.environ.get("MIZAN_TEST_ENV_SET_HERE", "").split():
        assert media == var / "files"  # not given by the caller: inside this process's var folder
    elif WORKER:
        assert media.name == WORKER  # given by the caller: this worker's folder inside it


def test_the_database_names_are_this_processs_own():
    name = os.environ["DATABASE_TEST_NAME"]  # the ops tests' databases are named after it
    if WORKER:
        assert name.endswith(f"_{WORKER}")
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        test_name = settings.DATABASES["default"]["TEST"]["NAME"]
        assert test_name.startswith(name)
        if WORKER:
            assert test_name.endswith(f"_{WORKER}")  # pytest-django's suffix, on top of it
