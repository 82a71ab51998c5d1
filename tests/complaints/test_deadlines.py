"""Deadline arithmetic over weekends, holidays and pauses; breach flagging."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.utils import timezone, translation

from mizan.accounts.models import Holiday
from mizan.audit.models import AuditEvent, verify_chain_for
from mizan.complaints import deadlines
from mizan.complaints.models import Case, DeadlinePolicy, Notification, TimelineEvent
from mizan.complaints.services import flag_breaches, flag_critical_reviews, transition_case
from mizan.complaints.workflow import Status
from mizan.lib.workdays import Calendar
from mizan.triage.services import decide_suggestion
from tests.triage.urgency_support import suggest_urgency

CAIRO = ZoneInfo("Africa/Cairo")
THURSDAY = datetime(2026, 11, 19, 10, 0, tzinfo=CAIRO)


def test_calendar_skips_friday_saturday_weekend():
    cal = Calendar(weekend=[4, 5])
    assert cal.add_working_days(date(2026, 11, 19), 1) == date(2026, 11, 22)  # Thu -> Sun
    assert cal.add_working_days(date(2026, 11, 19), 5) == date(2026, 11, 26)


def test_calendar_skips_saturday_sunday_weekend_and_holidays():
    cal = Calendar(weekend=[5, 6], holidays=[date(2026, 11, 23)])
    assert cal.add_working_days(date(2026, 11, 20), 1) == date(2026, 11, 24)  # Fri -> (Sat, Sun, Mon holiday) Tue


def test_calendar_zero_days_rolls_to_next_working_day():
    cal = Calendar(weekend=[4, 5])
    assert cal.add_working_days(date(2026, 11, 20), 0) == date(2026, 11, 22)
    assert cal.add_working_days(date(2026, 11, 22), 0) == date(2026, 11, 22)


def test_calendar_counts_working_days_between():
    cal = Calendar(weekend=[4, 5])
    assert cal.working_days_between(date(2026, 11, 19), date(2026, 11, 26)) == 5
    assert cal.working_days_between(date(2026, 11, 26), date(2026, 11, 19)) == 0


def test_calendar_refuses_a_week_without_working_days():
    with pytest.raises(ValueError):
        Calendar(weekend=range(7))


def test_deadlines_use_policy_weekend_and_holiday(org, file_case):
    Holiday.objects.create(organisation=org, date=date(2026, 11, 23), name="عطلة")
    DeadlinePolicy.objects.create(organisation=org, urgency="normal", first_action_days=5, resolution_days=10)
    case, _ = file_case(received_at=THURSDAY)
    assert case.first_action_due == date(2026, 11, 29)  # Sun22, Tue24, Wed25, Thu26, Sun29
    assert case.resolution_due == date(2026, 12, 6)


def test_deadlines_default_policy_for_critical(file_case, staff):
    case, _ = file_case(received_at=THURSDAY)
    from mizan.complaints.services import set_urgency

    set_urgency(actor=staff["officer"], case=case, urgency="critical")
    case.refresh_from_db()
    assert case.first_action_due == date(2026, 11, 22)
    assert case.resolution_due == date(2026, 12, 3)


def test_deadlines_pause_pushes_resolution_by_working_days_waited(file_case):
    case, _ = file_case(received_at=THURSDAY)
    original = case.resolution_due
    deadlines.pause_clock(case, date(2026, 11, 24))  # Tuesday
    waited = deadlines.resume_clock(case, date(2026, 12, 1))  # next Tuesday: Wed Thu Sun Mon Tue = 5
    assert waited == 5
    assert case.resolution_due == case.organisation.calendar().add_working_days(original, 5)
    assert case.paused_on is None and case.paused_working_days == 5


def test_deadlines_awaiting_complainant_pauses_and_reply_resumes(staff, file_case):
    from mizan.complaints.services import post_complainant_message

    case, _ = file_case()
    for target in (Status.UNDER_REVIEW, Status.IN_PROGRESS):
        case = transition_case(actor=staff["officer"], case=case, to=target)
    case = transition_case(actor=staff["officer"], case=case, to=Status.AWAITING_COMPLAINANT, note="أرسل التقرير الطبي")
    assert case.paused_on == timezone.localdate()
    assert not Case.objects.overdue(timezone.localdate() + timedelta(days=400)).filter(pk=case.pk).exists()
    post_complainant_message(case=case, body="أرسلت التقرير")
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS
    assert case.paused_on is None


def test_deadlines_overdue_and_due_soon_querysets(file_case):
    old, _ = file_case(received_at=timezone.now() - timedelta(days=40))
    fresh, _ = file_case()
    today = timezone.localdate()
    assert list(Case.objects.overdue(today).values_list("pk", flat=True)) == [old.pk]
    soon = Case.objects.due_soon(today, fresh.first_action_due)
    assert list(soon.values_list("pk", flat=True)) == [fresh.pk]


def test_flag_breaches_notifies_supervisor_once_and_flags_timeline(staff, file_case):
    case, _ = file_case(received_at=timezone.now() - timedelta(days=60))
    assert flag_breaches() == 2  # first action and resolution
    assert flag_breaches() == 0  # idempotent
    kinds = list(TimelineEvent.objects.filter(case=case, kind="deadline_breached").values_list("data__deadline", flat=True))
    assert sorted(kinds) == ["first_action", "resolution"]
    assert Notification.objects.filter(user=staff["supervisor"], case=case, kind="deadline_breached").count() == 2
    assert not Notification.objects.filter(user=staff["outsider"]).exists()


# --- a suggested critical urgency left undecided ---------------------------------------------------

def waiting_since(case, moment):
    """Move the suggestion's start: the same as moving the clock forward by the difference."""
    Case.objects.filter(pk=case.pk).update(suggested_urgency_at=moment)
    case.refresh_from_db()
    return case


@pytest.fixture
def critical(staff, file_case):
    """A case received on Thursday evening whose critical suggestion waits since 22:00 (Cairo);
    Friday and Saturday are the organisation's weekend."""
    case, _ = file_case(received_at=THURSDAY)
    suggest_urgency(case)
    return waiting_since(case, THURSDAY.replace(hour=22))


def test_critical_review_escalates_after_four_clock_hours_through_the_night_and_weekend(critical, staff):
    friday = datetime(2026, 11, 20, 1, 59, tzinfo=CAIRO)

    assert flag_critical_reviews(now=friday) == 0  # 3 h 59 min
    assert not Case.objects.overdue(friday.date(), now=friday).filter(pk=critical.pk).exists()
    assert flag_critical_reviews(now=friday + timedelta(minutes=1)) == 1  # Friday 02:00, a weekend night

    critical.refresh_from_db()
    assert critical.critical_review_escalated_at == friday + timedelta(minutes=1)
    since = THURSDAY.replace(hour=22).astimezone(UTC).isoformat()  # stored in UTC
    event = TimelineEvent.objects.get(case=critical, kind="critical_review_overdue")
    assert (event.public, event.actor, event.actor_kind, event.data) == (
        False, None, "system", {"since": since, "hours": 4})
    audit = AuditEvent.objects.get(action="case.critical_review_overdue")
    assert (audit.actor, audit.actor_label, audit.target_id, audit.data) == (
        None, "system", str(critical.pk), {"since": since, "hours": 4})
    assert verify_chain_for(critical.organisation_id)[1] == []
    assert [(n.user.username, n.data) for n in Notification.objects.filter(kind="critical_review_overdue")] == [
        ("supervisor", {"reference": critical.reference, "hours": 4})]
    with translation.override("en"):
        assert event.describe() == (
            "The suggested critical urgency was not decided within 4 hours; the supervisors were alerted.")
    with translation.override("ar"):
        assert event.describe() == "لم يُبتّ في درجة الاستعجال الحرجة المقترحة خلال 4 ساعات، فنُبِّه المشرفون."


def test_critical_review_escalation_is_idempotent(critical, staff):
    later = THURSDAY + timedelta(days=2)

    assert flag_critical_reviews(now=later) == 1
    assert flag_critical_reviews(now=later + timedelta(hours=1)) == 0
    assert flag_critical_reviews(now=later + timedelta(days=3)) == 0

    assert TimelineEvent.objects.filter(case=critical, kind="critical_review_overdue").count() == 1
    assert AuditEvent.objects.filter(action="case.critical_review_overdue").count() == 1
    assert Notification.objects.filter(kind="critical_review_overdue").count() == 1
    assert not Notification.objects.filter(user=staff["outsider"]).exists()


def test_critical_review_waiting_too_long_counts_as_overdue(critical, staff):
    late = THURSDAY.replace(hour=22) + timedelta(hours=4)
    today = late.date()

    assert list(Case.objects.overdue(today, now=late).values_list("pk", flat=True)) == [critical.pk]
    assert list(Case.objects.overdue(today, now=late - timedelta(seconds=1))) == []
    assert critical.is_overdue(today, now=late) is True
    assert critical.is_overdue(today, now=late - timedelta(seconds=1)) is False
    assert critical.critical_review_due() == late
    # Not "due soon" as well: a case is in one of the two lists.
    assert list(Case.objects.due_soon(today, today + timedelta(days=30), now=late)) == []


def test_critical_review_clock_runs_while_awaiting_the_complainant(critical, staff):
    for target in (Status.UNDER_REVIEW, Status.IN_PROGRESS):
        transition_case(actor=staff["officer"], case=critical, to=target)
    transition_case(actor=staff["officer"], case=critical, to=Status.AWAITING_COMPLAINANT, note="أرسل التقرير الطبي")
    late = THURSDAY + timedelta(days=1)

    assert list(Case.objects.overdue(late.date(), now=late).values_list("pk", flat=True)) == [critical.pk]
    assert flag_critical_reviews(now=late) == 1


@override_settings(MIZAN_CRITICAL_REVIEW_HOURS=1)
def test_critical_review_hours_come_from_the_setting(critical, staff):
    one_hour = THURSDAY.replace(hour=23)

    assert flag_critical_reviews(now=one_hour - timedelta(seconds=1)) == 0
    assert flag_critical_reviews(now=one_hour) == 1

    note = Notification.objects.get(kind="critical_review_overdue")
    with translation.override("en"):
        assert note.describe() == (
            f"The critical urgency suggested for complaint {critical.reference} has waited more than 1 hour "
            "for a decision.")


def test_critical_review_not_escalated_when_high_closed_or_decided(staff, file_case):
    high, _ = file_case(received_at=THURSDAY)
    suggest_urgency(high, level="high", signals=("hunger_strike",))
    closed, _ = file_case(received_at=THURSDAY)
    suggest_urgency(closed)
    transition_case(actor=staff["officer"], case=closed, to=Status.WITHDRAWN)
    decided, _ = file_case(received_at=THURSDAY)
    decide_suggestion(actor=staff["officer"], suggestion=suggest_urgency(decided), accept=False)
    for case in (high, closed, decided):
        waiting_since(case, THURSDAY)

    assert flag_critical_reviews(now=THURSDAY + timedelta(days=1)) == 0
    assert not TimelineEvent.objects.filter(kind="critical_review_overdue").exists()
    assert list(Case.objects.overdue(THURSDAY.date() + timedelta(days=1), now=THURSDAY + timedelta(days=1))) == []
