"""Deadline arithmetic for a case: first action and resolution, in working days."""

from django.utils import timezone

from .models import DEFAULT_DEADLINES, Case, DeadlinePolicy


def policy_for(organisation, urgency: str) -> tuple[int, int]:
    policy = DeadlinePolicy.objects.filter(organisation=organisation, urgency=urgency).first()
    if policy:
        return policy.first_action_days, policy.resolution_days
    return DEFAULT_DEADLINES[urgency]


def start_clock(case: Case, *, calendar=None, days: tuple[int, int] | None = None) -> None:
    """Set both due dates from the day the case was received (no save). `calendar` and `days`
    (first action, resolution), when given, spare reading them (intake has them cached)."""
    calendar = calendar or case.organisation.calendar()
    received = timezone.localdate(case.received_at)
    first, resolution = days or policy_for(case.organisation, case.urgency)
    case.first_action_due = calendar.add_working_days(received, first)
    case.resolution_due = calendar.add_working_days(received, resolution + case.paused_working_days)


def pause_clock(case: Case, today) -> None:
    case.paused_on = today


def resume_clock(case: Case, today, *, calendar=None) -> int:
    """Push the resolution date back by the working days spent waiting; returns that number.
    `calendar`, when given, spares reading it."""
    if case.paused_on is None:
        return 0
    calendar = calendar or case.organisation.calendar()
    waited = calendar.working_days_between(case.paused_on, today)
    case.paused_working_days += waited
    if case.resolution_due and waited:
        case.resolution_due = calendar.add_working_days(case.resolution_due, waited)
    case.paused_on = None
    return waited
