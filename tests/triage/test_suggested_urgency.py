"""The urgency triage suggests, on the case: recorded by a run, alerted once, cleared by a decision."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.utils import timezone, translation

from mizan.accounts.models import Role
from mizan.audit.models import AuditEvent
from mizan.complaints.errors import NotAllowed
from mizan.complaints.models import Case, Category, Notification, RoutingRule
from mizan.complaints.services import set_urgency, transition_case
from mizan.triage.engine import run_triage
from mizan.triage.models import Suggestion
from mizan.triage.services import decide_suggestion
from mizan.triage.tasks import sweep_critical_reviews
from tests.conftest import make_user

from .urgency_support import HUNGER_STRIKE, TORTURE, suggest_urgency

ANON = {"anonymous": True, "complainant": {}}


def alerts(kind=Notification.CRITICAL_SUGGESTED):
    return sorted((n.user.username, n.case.reference) for n in Notification.objects.filter(kind=kind))


def waiting(case):
    case.refresh_from_db()
    return (case.suggested_urgency, case.suggested_urgency_signals, case.urgency, case.urgency_rank)


@pytest.fixture
def sami(places, org):
    """A second supervisor of the human-rights unit, who reads his e-mail in French."""
    user = make_user("sami", org, Role.SUPERVISOR, places["hr"], email="sami@example.org")
    user.membership.language = "fr"
    user.membership.save(update_fields=["language"])
    return user


# --- recorded by a triage run -------------------------------------------------------------------

def test_critical_suggestion_is_recorded_on_the_case_with_its_reasons(triaged):
    before = timezone.now()

    case = triaged(TORTURE, categories=[], **ANON)

    assert waiting(case) == ("critical", ["ongoing_torture"], "normal", 3)
    assert before <= case.suggested_urgency_at <= timezone.now()
    assert case.critical_review_escalated_at is None
    with translation.override("en"):
        assert (case.suggested_urgency_label, case.suggested_urgency_reasons) == (
            "Critical", ["Torture or beatings said to be happening now"])
    with translation.override("ar"):
        assert (case.suggested_urgency_label, case.suggested_urgency_reasons) == (
            "حرجة", ["تعذيب أو ضرب يُقال إنه مستمر الآن"])
    with translation.override("fr"):
        assert (case.suggested_urgency_label, case.suggested_urgency_reasons) == (
            "Critique", ["Torture ou coups qui se poursuivraient en ce moment"])


def test_high_suggestion_is_recorded_and_alerts_nobody(triaged, staff):
    case = triaged(HUNGER_STRIKE, categories=[], **ANON)

    assert waiting(case) == ("high", ["hunger_strike"], "normal", 2)
    assert alerts() == []


def test_case_without_a_suggestion_records_none(triaged, staff):
    case = triaged("فقدت جواز سفري في المطار وأريد بدلاً منه", categories=[], **ANON)

    assert waiting(case) == (None, None, "normal", 1)
    assert (case.suggested_urgency_label, case.suggested_urgency_reasons, case.suggested_urgency_at) == ("", [], None)


def test_unknown_signal_code_is_never_shown(staff, file_case):
    case, _ = file_case()

    suggest_urgency(case, signals=("ongoing_torture", "no_such_signal"))

    case.refresh_from_db()
    assert case.suggested_urgency_signals == ["ongoing_torture", "no_such_signal"]
    with translation.override("en"):
        assert case.suggested_urgency_reasons == ["Torture or beatings said to be happening now"]


# --- the alert ----------------------------------------------------------------------------------

def test_critical_suggestion_alerts_the_unit_supervisors_once_each_in_their_language(triaged, staff, sami):
    case = triaged(TORTURE, categories=[], **ANON)

    assert alerts() == [("sami", case.reference), ("supervisor", case.reference)]
    note = Notification.objects.get(kind=Notification.CRITICAL_SUGGESTED, user=staff["supervisor"])
    assert note.data == {"reference": case.reference, "level": "critical", "signals": ["ongoing_torture"], "hours": 4}
    mails = {m.to[0]: m for m in mail.outbox if "critique" in m.subject.lower() or "حرجة" in m.subject}
    assert sorted(mails) == ["sami@example.org", "sup@example.org"]
    assert mails["sami@example.org"].body == (
        f"Le tri suggère un degré d'urgence critique pour la plainte {case.reference} : Torture ou coups qui se "
        "poursuivraient en ce moment. Acceptez ou rejetez la suggestion dans un délai de 4 heures.")
    assert mails["sup@example.org"].body == (
        f"يقترح الفرز درجة استعجال حرجة للشكوى {case.reference}: تعذيب أو ضرب يُقال إنه مستمر الآن. "
        "اقبل الاقتراح أو ارفضه خلال 4 ساعات.")
    assert mails["sami@example.org"].subject == f"[Mizan] {mails['sami@example.org'].body}"


def test_rerun_of_triage_does_not_alert_again(triaged, staff, committed):
    case = triaged(TORTURE, categories=[], **ANON)
    mailed = len(mail.outbox)

    with committed():
        run_triage(case.pk)
    run_triage(case.pk)

    assert alerts() == [("supervisor", case.reference)]
    assert len(mail.outbox) == mailed
    assert waiting(case)[0] == "critical"


def test_suggestion_made_again_after_it_was_withdrawn_alerts_again(triaged, staff, committed):
    case = triaged(TORTURE, categories=[], **ANON)
    with committed():  # critical accepted by hand: the suggestion asks nothing more and is withdrawn
        set_urgency(actor=staff["officer"], case=case, urgency="critical")
    assert case.suggestions.get(kind="urgency").status == "superseded"
    assert waiting(case)[:2] == (None, None)

    with committed():  # lowered again: triage suggests critical again
        set_urgency(actor=staff["officer"], case=case, urgency="normal")

    assert case.suggestions.get(kind="urgency").status == "pending"
    assert waiting(case) == ("critical", ["ongoing_torture"], "normal", 3)
    assert alerts() == [("supervisor", case.reference), ("supervisor", case.reference)]


def test_case_of_a_unit_without_supervisors_alerts_the_organisation_supervisors(triaged, staff, places, sami):
    RoutingRule.objects.create(organisation=places["hr"].organisation, category=Category.objects.get(code="torture"),
                               unit=places["prisons"])

    case = triaged(TORTURE, categories=["torture"], **ANON)

    assert case.unit == places["prisons"]
    assert alerts() == [("sami", case.reference), ("supervisor", case.reference)]


def test_supervisors_of_the_unit_are_alerted_and_not_the_others(triaged, staff, places, org):
    RoutingRule.objects.create(organisation=org, category=Category.objects.get(code="torture"), unit=places["prisons"])
    make_user("warden", org, Role.SUPERVISOR, places["prisons"])

    case = triaged(TORTURE, categories=["torture"], **ANON)

    assert alerts() == [("warden", case.reference)]
    assert not Notification.objects.filter(user__in=[staff["supervisor"], staff["outsider"], staff["officer"]]).filter(
        kind=Notification.CRITICAL_SUGGESTED).exists()


def test_closed_case_is_recorded_but_alerts_nobody(file_case, staff):
    case, _ = file_case(TORTURE, categories=[], **ANON)  # its triage run never happened (no commit)
    transition_case(actor=staff["officer"], case=case, to="withdrawn")

    run_triage(case.pk)

    assert waiting(case)[0] == "critical"
    assert alerts() == []


# --- a person's decision ------------------------------------------------------------------------

def test_rejecting_the_suggestion_clears_it_from_the_case(triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    suggestion = case.suggestions.get(kind="urgency")

    decide_suggestion(actor=staff["officer"], suggestion=suggestion, accept=False)

    assert waiting(case) == (None, None, "normal", 1)
    assert (case.suggested_urgency_at, case.suggested_urgency_label, case.suggested_urgency_reasons) == (None, "", [])
    run_triage(case.pk)  # a rejected suggestion is never made again
    assert waiting(case) == (None, None, "normal", 1)


def test_accepting_critical_sets_the_urgency_and_its_deadlines(triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    suggestion = case.suggestions.get(kind="urgency")
    received = timezone.localdate(case.received_at)
    calendar = case.organisation.calendar()

    decide_suggestion(actor=staff["officer"], suggestion=suggestion, accept=True, expected_version=case.version)

    assert waiting(case) == (None, None, "critical", 3)
    assert (case.first_action_due, case.resolution_due) == (
        calendar.add_working_days(received, 1), calendar.add_working_days(received, 10))


@pytest.mark.parametrize("who", ["auditor", "analyst", "outsider"])
def test_refused_decision_leaves_the_suggestion_on_the_case(triaged, staff, who):
    case = triaged(TORTURE, categories=[], **ANON)
    suggestion = case.suggestions.get(kind="urgency")
    before = (waiting(case), case.suggested_urgency_at, AuditEvent.objects.count())

    with pytest.raises(NotAllowed):
        decide_suggestion(actor=staff[who], suggestion=suggestion, accept=False)

    assert (waiting(case), case.suggested_urgency_at, AuditEvent.objects.count()) == before


def test_urgency_raised_by_hand_to_the_suggested_level_clears_it(file_case, staff):
    case, _ = file_case()
    suggest_urgency(case, level="high", signals=("hunger_strike",))

    set_urgency(actor=staff["officer"], case=case, urgency="critical")

    assert waiting(case) == (None, None, "critical", 3)


def test_two_waiting_levels_record_the_higher(file_case, staff):
    case, _ = file_case()

    suggest_urgency(case, level="high", signals=("hunger_strike",))
    critical = suggest_urgency(case, level="critical", signals=("child_detained", "ongoing_torture"))
    assert waiting(case) == ("critical", ["child_detained", "ongoing_torture"], "normal", 3)

    decide_suggestion(actor=staff["officer"], suggestion=critical, accept=False)

    assert waiting(case) == ("high", ["hunger_strike"], "normal", 2)


def test_suggestion_decided_by_a_bulk_change_is_not_escalated(triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    # A bulk change skips Suggestion.save: the case still says "critical"...
    Suggestion.objects.filter(case=case, kind="urgency").update(status="rejected", decided_by=staff["officer"])
    Case.objects.filter(pk=case.pk).update(suggested_urgency_at=timezone.now() - timedelta(hours=5))
    assert waiting(case)[0] == "critical"

    escalated = sweep_critical_reviews.call()

    # ...until the sweep checks it against the suggestions before raising an alarm.
    assert escalated == 0
    assert waiting(case) == (None, None, "normal", 1)
    assert not case.timeline.filter(kind="critical_review_overdue").exists()
    assert alerts(Notification.CRITICAL_REVIEW_OVERDUE) == []


def test_sweep_escalates_a_critical_suggestion_left_undecided(triaged, staff):
    case = triaged(TORTURE, categories=[], **ANON)
    Case.objects.filter(pk=case.pk).update(suggested_urgency_at=timezone.now() - timedelta(hours=4, minutes=1))

    assert sweep_critical_reviews.call() == 1
    assert sweep_critical_reviews.call() == 0

    assert alerts(Notification.CRITICAL_REVIEW_OVERDUE) == [("supervisor", case.reference)]
    assert list(case.timeline.filter(kind="critical_review_overdue").values_list("public", flat=True)) == [False]


# --- the upgrade --------------------------------------------------------------------------------

def test_migration_copies_waiting_suggestions_onto_their_cases_and_back(file_case, staff):
    migration = importlib.import_module("mizan.triage.migrations.0002_suggested_urgency_on_cases")
    critical, _ = file_case()
    high, _ = file_case(urgency="normal")
    moot, _ = file_case(urgency="critical")
    decided, _ = file_case()
    suggest_urgency(critical, signals=("ongoing_torture", "child_detained"))
    suggest_urgency(high, level="high", signals=("hunger_strike",))
    suggest_urgency(moot, level="high", signals=("hunger_strike",))
    Suggestion.objects.filter(pk=suggest_urgency(decided).pk).update(status="rejected")
    # The release before this one had none of these columns filled.
    Case.objects.update(suggested_urgency=None, suggested_urgency_signals=None, suggested_urgency_at=None)
    before = timezone.now()

    migration.forwards(apps, None)

    rows = {c.pk: (c.suggested_urgency, c.suggested_urgency_signals, c.urgency_rank)
            for c in Case.objects.all()}
    assert rows == {critical.pk: ("critical", ["ongoing_torture", "child_detained"], 3),
                    high.pk: ("high", ["hunger_strike"], 2), moot.pk: (None, None, 3), decided.pk: (None, None, 1)}
    assert all(before <= at for at in Case.objects.exclude(suggested_urgency=None).values_list(
        "suggested_urgency_at", flat=True))
    assert Notification.objects.filter(kind__startswith="critical").count() == 0

    migration.backwards(apps, None)

    assert list(Case.objects.exclude(suggested_urgency=None)) == []
