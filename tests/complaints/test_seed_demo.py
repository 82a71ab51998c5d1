"""The demo loader (`manage.py seed_demo`) and the corpus of fictional complaints it reads."""

import io
import json
import re
import stat
from collections import Counter
from datetime import datetime, timedelta

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from mizan.accounts.models import Facility, Membership, Organisation, Role
from mizan.audit.models import AuditEvent, verify_chain
from mizan.complaints.management.commands.seed_demo import CORPUS, history_start
from mizan.complaints.models import (
    Case,
    Category,
    Finding,
    Notification,
    Person,
    TimelineEvent,
    Urgency,
    Vulnerability,
)
from mizan.complaints.workflow import Status

SUFFIXES = ["admin", "officer", "officer2", "intake", "supervisor", "analyst", "auditor"]
ROLE_OF = {"admin": Role.ORG_ADMIN, "officer": Role.CASE_OFFICER, "officer2": Role.CASE_OFFICER,
           "intake": Role.INTAKE_OFFICER, "supervisor": Role.SUPERVISOR, "analyst": Role.ANALYST,
           "auditor": Role.AUDITOR}
USERNAMES = {"moi-hr": SUFFIXES, "nhri": [f"nhri_{s}" for s in SUFFIXES]}
DIALECTS = ["msa", "egyptian", "gulf", "levantine", "maghrebi"]
LISTS = ["staff_messages", "complainant_replies", "internal_notes", "inadmissible_reasons", "referral_notes",
         "resolution_notes"]


def run_seed(logins, **options):
    call_command("seed_demo", logins_file=str(logins), stdout=io.StringIO(), **options)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """40 complaints loaded once for the module, as `make run` loads them; rolled back at the end.

    Each test still runs inside its own savepoint (the `db` fixture), so what a test changes is
    undone before the next one.
    """
    logins = tmp_path_factory.mktemp("seed") / "demo-logins.txt"
    with django_db_blocker.unblock(), transaction.atomic():
        run_seed(logins, count=40)
        yield logins
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def corpus():
    return json.loads(CORPUS.read_text(encoding="utf-8"))


# --- the loader ------------------------------------------------------------------------------------

def test_seed_demo_creates_both_organisations_with_every_role(seeded, db):

    assert sorted(Organisation.objects.values_list("slug", flat=True)) == ["moi-hr", "nhri"]
    for slug, usernames in USERNAMES.items():
        members = Membership.objects.filter(organisation__slug=slug).select_related("user")
        assert sorted(m.user.username for m in members) == sorted(usernames)
        for member in members:
            assert member.role == ROLE_OF[member.user.username.removeprefix("nhri_")]
    assert get_user_model().objects.count() == 14


def test_seed_demo_logins_file_holds_a_working_password_per_user(seeded, db):
    lines = seeded.read_text(encoding="utf-8").splitlines()

    assert stat.S_IMODE(seeded.stat().st_mode) == 0o600
    assert sorted(line.split()[0] for line in lines) == sorted(USERNAMES["moi-hr"] + USERNAMES["nhri"])
    for line in lines:
        username, password = line.split()[:2]
        assert authenticate(username=username, password=password) == get_user_model().objects.get(username=username)
        assert authenticate(username=username, password=password + "x") is None


def test_seed_demo_files_cases_for_both_organisations_in_every_status(seeded, db):
    per_org = dict(Counter(Case.objects.values_list("organisation__slug", flat=True)))
    assert per_org == {"moi-hr": 28, "nhri": 12}
    assert set(Case.objects.values_list("status", flat=True)) == set(Status.values)
    cases_without_public_row = Case.objects.exclude(timeline__public=True)
    assert cases_without_public_row.count() == 0


def test_seed_demo_seals_identity_only_for_named_complainants(seeded, db):
    anonymous = Person.objects.filter(case__anonymous=True)
    named = Person.objects.filter(case__anonymous=False, role=Person.Role.COMPLAINANT)
    assert anonymous.exists() and named.exists()
    assert [p.has_identity for p in anonymous] == [False] * anonymous.count()
    assert all(p.name_enc.startswith("v1.") and p.national_id_hash for p in named)


def test_seed_demo_spreads_history_from_the_first_days_of_last_year(seeded, db):
    now = timezone.now()
    start = history_start(now)

    assert start == timezone.make_aware(datetime(timezone.localdate().year - 1, 1, 1))
    for slug in ("moi-hr", "nhri"):
        oldest = Case.objects.filter(organisation__slug=slug).order_by("received_at").first().received_at
        assert start <= oldest < start + timedelta(days=4)
    assert Case.objects.filter(received_at__lt=start).count() == 0
    assert TimelineEvent.objects.filter(at__gt=now).count() == 0
    for case in Case.objects.all():
        moments = list(case.timeline.exclude(kind="deadline_breached").order_by("id").values_list("at", flat=True))
        assert moments == sorted(moments)
        assert moments[0] == case.received_at
    by_reference = list(Case.objects.filter(organisation__slug="moi-hr").order_by("reference")
                        .values_list("received_at", flat=True))
    assert by_reference == sorted(by_reference)


def test_seed_demo_publishes_last_year_on_the_public_statistics_page(seeded, client, db):
    year = timezone.localdate().year - 1
    client.cookies["mizan_language"] = "en"

    for slug in ("moi-hr", "nhri"):
        response = client.get(reverse("portal:statistics"), {"org": slug})

        received = Case.objects.filter(organisation__slug=slug, received_at__year=year).count()
        result = response.context["result"]
        assert (response.status_code, response.context["years"], response.context["year"]) == (200, [year], year)
        assert result.sections == ["summary", "categories", "outcomes", "governorates", "groups", "channels",
                                   "deadlines", "months"]
        assert result.received.value == (received if received >= result.threshold else None)
        months = next(s for s in response.context["sections"] if s.id == "months")
        assert len(months.rows) == 12
        assert f"Complaints received from 1 January to 31 December {year}" in response.content.decode()
    moi = Case.objects.filter(organisation__slug="moi-hr", received_at__year=year).count()
    assert moi >= 5  # enough to be shown, not "fewer than 5"
    assert client.get(reverse("portal:statistics"), {"org": "moi-hr"}).context["result"].received.value == moi


def test_seed_demo_leaves_open_cases_past_their_deadlines(seeded, db):
    overdue = Case.objects.overdue(timezone.localdate())
    assert overdue.exists()
    assert TimelineEvent.objects.filter(kind="deadline_breached", case__in=overdue).exists()


def test_seed_demo_marks_every_notification_as_mailed(seeded, db):
    assert Notification.objects.exists()
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0


def test_seed_demo_keeps_the_audit_chain_intact(seeded, db):
    checked, problems = verify_chain()
    assert problems == []
    assert checked == AuditEvent.objects.count() > 40


def test_seed_demo_if_empty_adds_nothing_the_second_time(seeded, db):
    before = seeded.read_text(encoding="utf-8")
    counts = [Organisation.objects.count(), get_user_model().objects.count(), Case.objects.count(),
              TimelineEvent.objects.count(), AuditEvent.objects.count()]

    run_seed(seeded, count=40, if_empty=True)

    assert [Organisation.objects.count(), get_user_model().objects.count(), Case.objects.count(),
            TimelineEvent.objects.count(), AuditEvent.objects.count()] == counts
    assert seeded.read_text(encoding="utf-8") == before


def test_seed_demo_refuses_a_database_that_has_organisations(seeded, db):
    before = seeded.read_text(encoding="utf-8")
    counts = [Organisation.objects.count(), Case.objects.count(), AuditEvent.objects.count()]

    with pytest.raises(CommandError):
        run_seed(seeded, count=5)

    assert [Organisation.objects.count(), Case.objects.count(), AuditEvent.objects.count()] == counts
    assert seeded.read_text(encoding="utf-8") == before


# --- the corpus ----------------------------------------------------------------------------------------

def test_corpus_has_enough_narratives_mostly_arabic_in_every_dialect(corpus):
    narratives = corpus["narratives"]
    languages = Counter(n["lang"] for n in narratives)
    dialects = Counter(n["dialect"] for n in narratives if n["lang"] == "ar")

    assert len(narratives) >= 260
    assert set(languages) == {"ar", "en", "fr"}
    assert languages["ar"] / len(narratives) >= 0.70
    assert set(dialects) == set(DIALECTS)
    assert min(dialects[d] for d in DIALECTS if d != "msa") >= 25
    assert {n["dialect"] for n in narratives if n["lang"] != "ar"} == {""}


def test_corpus_uses_only_codes_that_exist(db, corpus):
    narratives = corpus["narratives"]
    used = {code for n in narratives for code in n["categories"]}

    assert Category.objects.filter(code__in=used).count() == len(used)
    for n in narratives:
        assert 1 <= len(n["categories"]) <= 3
        assert set(n["vulnerabilities"]) <= set(Vulnerability.values)
        assert n["urgency"] in Urgency.values
        assert n["facility_kind"] in [*Facility.Kind.values, ""]
        assert n["relation"] in Person.Relation.values
        assert n["victim_gender"] in ("f", "m", "")


def test_corpus_covers_every_top_level_category(db, corpus):
    per_category = Counter(code for n in corpus["narratives"] for code in n["categories"])
    taxonomy = Category.objects.filter(parent=None).values_list("code", flat=True)

    assert len(taxonomy) == 19
    assert {code: per_category[code] for code in taxonomy if per_category[code] < 6} == {}


def test_corpus_urgency_is_mostly_normal(corpus):
    urgency = Counter(n["urgency"] for n in corpus["narratives"])

    assert urgency["normal"] > urgency["high"] + urgency["critical"]
    assert min(urgency[u] for u in Urgency.values) > 0


def test_corpus_placeholders_are_known_and_have_a_place(corpus):
    for n in corpus["narratives"]:
        names = set(re.findall(r"\{(\w*)\}", n["text"]))
        assert names <= {"facility", "date"}, n["text"]
        assert "facility" not in names or n["facility_kind"], n["text"]


def test_corpus_lists_have_fifteen_entries_per_language(corpus):
    for key in LISTS:
        for lang in ("ar", "en", "fr"):
            entries = corpus[key][lang]
            assert len(entries) >= 15, (key, lang)
            assert all(entry.strip() and "{" not in entry for entry in entries), (key, lang)


def test_corpus_resolution_and_referral_tags_line_up(db, corpus):
    codes = set(Category.objects.values_list("code", flat=True))
    for lang in ("ar", "en", "fr"):
        findings = corpus["resolution_findings"][lang]
        scopes = corpus["referral_categories"][lang]
        assert len(findings) == len(corpus["resolution_notes"][lang])
        assert set(findings) == set(Finding.values)
        assert len(scopes) == len(corpus["referral_notes"][lang])
        assert {code for scope in scopes for code in scope} <= codes
        assert [] in scopes
