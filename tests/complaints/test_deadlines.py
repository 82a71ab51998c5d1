"""Deadline arithmetic over weekends, holidays and pauses; breach flagging."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from mizan.accounts.models import Holiday
from mizan.complaints import deadlines
from mizan.complaints.models import Case, DeadlinePolicy, Notification, TimelineEvent
from mizan.complaints.services import flag_breaches, transition_case
from mizan.complaints.workflow import Status
from mizan.lib.workdays import Calendar

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
