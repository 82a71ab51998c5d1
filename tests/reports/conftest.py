"""Personas and cases for the export and import tests (the dashboard tests' data set is in
dashboard_data.py).

`cases` are three complaints of `org` with personal data in every place an export can show it:
the complainant's sealed identity, and a phone and an e-mail inside the narrative.
"""

from datetime import datetime

import pytest
from django.test import Client
from django.utils import timezone

from mizan.accounts.models import Role

from ..conftest import make_user

NARRATIVE = "ضربوني في قسم الدقي. رقم هاتفي 01001234567 وبريدي mona@example.org"
NARRATIVE_MASKED = "ضربوني في قسم الدقي. رقم هاتفي ▇▇▇ وبريدي ▇▇▇"


def at(day: str):
    """10:00 on `day` (YYYY-MM-DD) in the installation's time zone."""
    return timezone.make_aware(datetime.fromisoformat(f"{day}T10:00:00"))


@pytest.fixture
def login(db):
    """login(user, lang="en") -> a new test client logged in as `user`, working in `lang`."""

    def build(user, lang="en"):
        client = Client()
        client.force_login(user)
        client.cookies["mizan_language"] = lang
        return client

    return build


@pytest.fixture
def cases(file_case, places):
    """Three cases: A (named complainant, PII in the narrative, high urgency, Giza police
    station), B (anonymous, English), C (named, narrative that looks like a formula)."""
    a, _ = file_case(NARRATIVE, urgency="high", facility=str(places["station"].pk),
                     complainant={"name": "منى عبد الله", "national_id": "29001011234567", "phone": "01001234567"},
                     received_at=at("2026-10-03"))
    b, _ = file_case("They beat me at the Dokki station and kept me two days.", anonymous=True, language="en",
                     categories=["torture"], received_at=at("2026-10-05"))
    c, _ = file_case('=HYPERLINK("http://example.org","click") they took my brother', categories=["disappearance"],
                     complainant={"name": "Karim Haddad"}, received_at=at("2026-11-02"))
    return {"a": a, "b": b, "c": c}


@pytest.fixture
def supervisor2(org, places):
    """A second supervisor of `org` who may not reveal identities."""
    return make_user("supervisor2", org, Role.SUPERVISOR, places["hr"])


def overview_queries_with_one_then_four_cases(org, file_case):
    """(queries of the uncached overview with one case, with four cases, the overview of four):
    the last three cases bring categories, a group and a governorate, so a query per category or
    per row would show as more queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mizan.reports.statistics import Period, overview

    p = Period.last_months(timezone.localdate(), 3)
    file_case("الأولى")
    with CaptureQueriesContext(connection) as one:
        overview(org, p, use_cache=False)
    for text in ("الثانية", "الثالثة", "الرابعة"):
        file_case(text, categories=["due_process", "torture"], vulnerabilities=["child"], governorate="giza")
    with CaptureQueriesContext(connection) as four:
        data = overview(org, p, use_cache=False)
    return one, four, data, p
