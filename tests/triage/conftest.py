"""Helpers for the triage tests: complaints filed with their on-commit triage run."""

import pytest
from django.conf import settings

from mizan.triage import registry


@pytest.fixture
def triaged(file_case, django_capture_on_commit_callbacks):
    """triaged(narrative, **intake fields) -> case, filed and triaged as in production: the
    triage task is enqueued on commit and runs inline (no worker in tests)."""

    def build(narrative, **raw):
        with django_capture_on_commit_callbacks(execute=True):
            case, _receipt = file_case(narrative, **raw)
        return case

    return build


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block and then its on-commit callbacks (the triage task among them)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture(autouse=True)
def _fresh_model_cache():
    # A model verified and cached by one test must not hide a tampered file from the next.
    registry.forget()
    yield
    registry.forget()
