"""The follow-up demo (`manage.py seed_followup_demo`), loaded after a small complaints demo."""

import io
import stat
from collections import Counter
from datetime import timedelta

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from mizan.accounts.models import Membership, Organisation, Role
from mizan.audit.models import AuditEvent, verify_chain
from mizan.followup.models import (
    Addressee,
    Cluster,
    ExternalBody,
    FollowupPublication,
    Indicator,
    IndicatorValue,
    Measure,
    MeasureStatus,
    Phase,
    ProgressReport,
    Recommendation,
    Source,
    SourceKind,
    Status,
    StatusChange,
    Strategy,
    Visibility,
)

NEW_USERS = {"followup": ("moi-hr", Role.FOLLOWUP_OFFICER), "nhri_followup": ("nhri", Role.FOLLOWUP_OFFICER),
             "sec_followup": ("arab-hr-sec", Role.FOLLOWUP_OFFICER), "sec_admin": ("arab-hr-sec", Role.ORG_ADMIN)}
COUNTED = (Organisation, Source, Recommendation, StatusChange, Addressee, Cluster, ExternalBody, Strategy, Phase,
           Measure, Indicator, IndicatorValue, ProgressReport, AuditEvent)


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in COUNTED}


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """40 complaints and the follow-up demo, loaded once for the module as `make demo` loads them;
    rolled back at the end (each test still runs in its own savepoint)."""
    logins = tmp_path_factory.mktemp("seed") / "demo-logins.txt"
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", logins_file=str(logins), count=40, stdout=io.StringIO())
        out = io.StringIO()
        call_command("seed_followup_demo", logins_file=str(logins), if_empty=True, stdout=out)
        assert "Loaded the follow-up demo" in out.getvalue()
        yield logins
        transaction.set_rollback(True)


def test_the_secretariat_and_its_people_exist(seeded, db):
    secretariat = Organisation.objects.get(kind=Organisation.Kind.SECRETARIAT)
    assert secretariat.slug == "arab-hr-sec" and not secretariat.accepts_public_complaints
    for username, (slug, role) in NEW_USERS.items():
        member = Membership.objects.get(user__username=username)
        assert (member.organisation.slug, member.role) == (slug, role)
    # Its members: the conference's recommendations are addressed to both demo organisations.
    conference = Recommendation.objects.filter(organisation=secretariat)
    assert conference.count() == 36
    assert {a.organisation.slug for a in Addressee.objects.filter(recommendation__in=conference)} == {"moi-hr", "nhri"}
    assert Addressee.objects.filter(recommendation__in=conference).count() == 72


def test_the_new_logins_are_added_to_the_logins_file(seeded, db):
    lines = seeded.read_text(encoding="utf-8").splitlines()
    assert stat.S_IMODE(seeded.stat().st_mode) == 0o600
    assert len(lines) == 14 + len(NEW_USERS)  # seed_demo's, then ours
    ours = {line.split()[0]: line for line in lines[14:]}
    assert set(ours) == set(NEW_USERS)
    for username, line in ours.items():
        password = line.split()[1]
        assert authenticate(username=username, password=password) == get_user_model().objects.get(username=username)
    assert "2FA key:" in ours["sec_admin"] and "2FA key:" not in ours["followup"]


def test_sources_and_recommendations_have_the_shape_of_real_ones(seeded, db):
    assert set(Source.objects.values_list("kind", flat=True)) == {
        SourceKind.CONFERENCE, SourceKind.UPR, SourceKind.TREATY_BODY, SourceKind.SPECIAL_PROCEDURE,
        SourceKind.NHRI, SourceKind.COMPLAINTS}
    conference = Source.objects.get(kind=SourceKind.CONFERENCE)
    assert conference.place == "الغردقة" and conference.date.month == 9 and "conference" in conference.title_en
    recommendations = Recommendation.objects.all()
    assert 140 <= recommendations.count() <= 160
    assert len(set(recommendations.values_list("text", flat=True))) == recommendations.count()
    assert Counter(recommendations.values_list("language", flat=True)).keys() == {"ar", "en", "fr"}
    assert recommendations.exclude(text_en="").exclude(language="en").exists()
    assert recommendations.exclude(text_fr="").exclude(language="fr").exists()
    assert recommendations.exclude(text_ar="").exists()
    assert not recommendations.filter(themes__isnull=True).exists()
    assert recommendations.exclude(affected_groups=[]).exists()
    assert recommendations.exclude(recommending_states=[]).filter(source__kind=SourceKind.UPR).count() == \
        recommendations.filter(source__kind=SourceKind.UPR).count()
    assert len(set(recommendations.values_list("position", flat=True))) >= 3
    own = recommendations.filter(organisation__slug="moi-hr")
    assert not own.filter(responsible__isnull=True).exists()
    assert own.filter(responsible__role="supporting").exists() and own.filter(responsible__external__isnull=False).exists()
    # Every status, for the ministry's own recommendations; near-duplicates followed as clusters.
    assert set(own.values_list("status", flat=True)) == set(Status.values)
    assert Cluster.objects.count() >= 3
    assert all(c.recommendations.values("source").distinct().count() >= 2 for c in Cluster.objects.all())
    assert ExternalBody.objects.filter(is_active=False).count() == 1


def test_status_histories_are_spread_over_eighteen_months(seeded, db):
    now = timezone.now()
    changes = StatusChange.objects.exclude(from_status="")
    assert changes.count() > 100
    assert changes.filter(at__gt=now).count() == 0
    assert changes.filter(at__lt=now - timedelta(days=365)).exists()
    months = {(at.year, at.month) for at in changes.values_list("at", flat=True)}
    assert len(months) >= 12
    # The current status is the history's last step, dated with it.
    for recommendation in Recommendation.objects.filter(organisation__slug="moi-hr").exclude(status="not_started")[:20]:
        last = StatusChange.objects.filter(recommendation=recommendation, organisation_id=recommendation.organisation_id
                                           ).order_by("at", "id").last()
        assert last.to_status == recommendation.status
        assert recommendation.status_changed_at == last.at
    # The members' own statuses, some shared with the secretariat, some not.
    shared = Counter(Addressee.objects.values_list("shared_status", flat=True))
    assert shared[""] > 0 and sum(shared.values()) - shared[""] > 0
    assert all(a.shared_at is not None for a in Addressee.objects.exclude(shared_status=""))


def test_the_plan_has_three_dated_phases_and_thirty_measures(seeded, db):
    strategy = Strategy.objects.get()
    assert strategy.is_public
    phases = list(strategy.phases.order_by("number"))
    assert len(phases) == 3
    assert all(a.ends_on < b.starts_on for a, b in zip(phases, phases[1:], strict=False))
    measures = Measure.objects.all()
    assert measures.count() == 30
    assert not measures.filter(recommendations__isnull=True).exists()
    assert not measures.filter(budget_line="").exists()
    assert not measures.filter(lead_unit__isnull=True, lead_external__isnull=True).exists()
    statuses = set(measures.values_list("status", flat=True))
    assert {MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS, MeasureStatus.COMPLETED} <= statuses
    overdue = measures.filter(due_on__lt=timezone.localdate()).exclude(status__in=["completed", "cancelled"])
    assert overdue.exists()


def test_fifteen_indicators_seven_of_them_computed_from_the_complaints(seeded, db):
    assert Indicator.objects.count() == 15
    computed = Indicator.objects.filter(kind=Indicator.Kind.COMPUTED)
    assert computed.count() == 7
    with_values = computed.filter(values__computed=True).distinct()
    assert with_values.count() >= 6
    received = IndicatorValue.objects.filter(indicator__definition="complaints_received")
    assert sum(v.value for v in received) > 0
    reported = Indicator.objects.filter(kind=Indicator.Kind.REPORTED)
    assert all(i.values.count() >= 1 and i.target_value is not None for i in reported)
    assert not IndicatorValue.objects.filter(indicator__kind="reported", note="").exists()
    assert Indicator.objects.filter(is_public=True).count() >= 4


def test_progress_reports_with_every_visibility(seeded, db):
    reports = ProgressReport.objects.all()
    assert set(reports.values_list("visibility", flat=True)) == set(Visibility.values)
    assert reports.filter(measure__isnull=False).exists()
    assert reports.filter(organisation__slug="nhri", visibility=Visibility.SECRETARIAT).exists()
    assert reports.filter(created_at__gt=timezone.now()).count() == 0
    assert FollowupPublication.objects.filter(published=True).count() == 2
    # The audit log was written by the domain functions and never rewritten: the chain holds.
    checked, problems = verify_chain()
    assert checked == AuditEvent.objects.count() and problems == []
    assert AuditEvent.objects.filter(action="followup.report.create").count() == reports.count()


def test_a_second_run_changes_nothing(seeded, db):
    before = counts()
    out = io.StringIO()
    call_command("seed_followup_demo", logins_file=str(seeded), if_empty=True, stdout=out)
    assert "not loaded" in out.getvalue()
    assert counts() == before
    with pytest.raises(CommandError):
        call_command("seed_followup_demo", logins_file=str(seeded), stdout=io.StringIO())


DESK_PAGES = ["followup:recommendations", "followup:sources", "followup:bodies", "followup:plans",
              "followup:plans_unanswered", "followup:plans_overdue", "followup:plans_due", "followup:indicators",
              "followup:duplicates", "followup_reports:dashboard"]


def test_the_desk_follow_up_pages_answer_the_follow_up_officers(seeded, db, client):
    client.force_login(get_user_model().objects.get(username="followup"))
    pages = [reverse(name) for name in DESK_PAGES]
    pages += [reverse("followup:recommendation", args=[pk]) for pk in
              Recommendation.objects.filter(organisation__slug="moi-hr").values_list("pk", flat=True)[:3]]
    pages += [reverse("followup:plan", args=[Strategy.objects.get().pk]),
              reverse("followup:measure", args=[Measure.objects.first().pk])]
    pages += [reverse("followup:indicator", args=[pk]) for pk in Indicator.objects.values_list("pk", flat=True)[:15]]
    for url in pages:
        assert client.get(url).status_code == 200, url

    client.force_login(get_user_model().objects.get(username="sec_followup"))
    conference = Recommendation.objects.filter(organisation__kind="secretariat").first()
    for url in [reverse("followup:recommendations"), reverse("followup:members"), reverse("followup:member_reports"),
                reverse("followup:recommendation", args=[conference.pk]), reverse("followup_reports:dashboard")]:
        assert client.get(url).status_code == 200, url


def test_the_public_follow_up_page_shows_the_ministry(seeded, db, client):
    response = client.get(reverse("portal:followup"))
    assert response.status_code == 200
    page = response.content.decode()
    assert Strategy.objects.get().title_ar in page
    assert Organisation.objects.get(slug="moi-hr").name_ar in page
    response = client.get(reverse("portal:followup"), {"org": "arab-hr-sec"})
    assert response.status_code == 200
