"""The expected next step from every status, for every role (the case page's primary button)."""

import pytest

from mizan.accounts.models import Role
from mizan.complaints import workflow
from mizan.complaints.workflow import COMPLAINANT, SYSTEM, Status

EXPECTED = {
    Status.RECEIVED: "review",
    Status.UNDER_REVIEW: "accept",
    Status.IN_PROGRESS: "resolve",
    Status.AWAITING_COMPLAINANT: "resume",
    Status.REFERRED: "referral_answered",
    Status.RESOLVED: "close",
    Status.CLOSED: None,
    Status.INADMISSIBLE: None,
    Status.WITHDRAWN: None,
}
ROLES = [*Role.values, COMPLAINANT, SYSTEM]


def test_every_status_has_its_next_step_written_down():
    assert workflow.NEXT_STEP == EXPECTED
    assert set(workflow.NEXT_STEP) == set(Status)


@pytest.mark.parametrize("status", Status.values)
def test_the_next_step_leaves_from_its_status(status):
    name = workflow.NEXT_STEP[Status(status)]
    if name is None:
        assert status in (Status.CLOSED, Status.INADMISSIBLE, Status.WITHDRAWN)
    else:
        assert status in workflow.by_name(name).sources


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", Status.values)
def test_next_step_for_every_status_and_role(status, role):
    expected = EXPECTED[Status(status)]
    allowed = [t.name for t in workflow.available(status, role)]

    step = workflow.next_step(status, role)

    if expected is not None and expected in allowed:
        assert step is not None and step.name == expected
        assert step is workflow.by_name(expected)
    else:
        assert step is None


@pytest.mark.parametrize(("status", "role", "expected"), [
    (Status.RECEIVED, Role.INTAKE_OFFICER, "review"),
    (Status.UNDER_REVIEW, Role.INTAKE_OFFICER, None),  # accepting is for handlers
    (Status.IN_PROGRESS, Role.CASE_OFFICER, "resolve"),
    (Status.RESOLVED, Role.SUPERVISOR, "close"),
    (Status.CLOSED, Role.SUPERVISOR, None),  # re-opening is an exception, never the expected course
    (Status.AWAITING_COMPLAINANT, SYSTEM, "resume"),
    (Status.RECEIVED, Role.AUDITOR, None),
    (Status.RECEIVED, COMPLAINANT, None),
])
def test_next_step_examples(status, role, expected):
    step = workflow.next_step(status, role)

    assert (step.name if step else None) == expected


def test_unknown_status_has_no_next_step():
    assert workflow.next_step("lost", Role.SUPERVISOR) is None
