"""Helpers for the search tests: who finds what, through the engine, the desk and the API."""

import pytest
from django.conf import settings

from mizan.accounts.models import ApiToken
from mizan.complaints.intake import clean_intake
from mizan.complaints.services import submit_complaint
from mizan.search.engine import search_cases


def found(user, q) -> list[str]:
    """References `user` finds with `q`, best match first."""
    return [case.reference for case in search_cases(user, q)]


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def queue_refs(response) -> list[str]:
    return [case.reference for case in response.context["rows"]]


@pytest.fixture
def story(file_case):
    """story(narrative, **intake fields) -> case, anonymous and without categories unless given
    (so that category labels and the unit do not add words the test did not choose)."""

    def build(narrative, **raw):
        raw.setdefault("categories", [])
        raw.setdefault("anonymous", True)
        raw.setdefault("complainant", {})
        return file_case(narrative, **raw)[0]

    return build


@pytest.fixture
def other_story(other_org):
    def build(narrative):
        cleaned, errors = clean_intake(other_org, {"narrative": narrative, "anonymous": True, "categories": []})
        assert errors == {}
        return submit_complaint(organisation=other_org, channel="web", **cleaned)[0]

    return build


@pytest.fixture
def bearer(db):
    def issue(user):
        return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}", "Accept-Language": "en"}

    return issue
