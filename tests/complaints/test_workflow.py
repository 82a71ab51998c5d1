"""Every (from, to, actor) combination of the workflow: allowed ones work, others change nothing.

The organisations, their places and staff, and the case the matrix moves are built once for the
module (`world`); each test runs in a savepoint rolled back at its end, so every test starts
from the same world, the case just filed.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from mizan.complaints import workflow
from mizan.complaints.errors import Conflict, Invalid, NotAllowed
from mizan.complaints.models import Case, TimelineEvent
from mizan.complaints.services import transition_case
from mizan.complaints.workflow import COMPLAINANT, SYSTEM, Status
from tests.conftest import (
    build_org,
    build_other_org,
    build_places,
    build_staff,
    case_filer,
    fresh,
    module_world,
)

ACTORS = ["intake", "officer", "supervisor", "analyst", "auditor", "admin", COMPLAINANT, SYSTEM]
ROLE_OF = {"intake": "intake_officer", "officer": "case_officer", "supervisor": "supervisor", "analyst": "analyst",
           "auditor": "auditor", "admin": "org_admin", COMPLAINANT: COMPLAINANT, SYSTEM: SYSTEM}


def _build():
    org, other_org = build_org(), build_other_org()
    places = build_places(org)
    staff = build_staff(org, other_org, places)
    case, _receipt = case_filer(org)()
    return {"org": org, "other_org": other_org, "places": places, "staff": staff, "case": case}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    yield from module_world(django_db_blocker, _build)


# The suite's fixtures of the same names (tests/conftest.py), from the module's world.
@pytest.fixture
def org(world, db):
    return fresh(world["org"])


@pytest.fixture
def other_org(world, db):
    return fresh(world["other_org"])


@pytest.fixture
def places(world, db):
    return {name: fresh(place) for name, place in world["places"].items()}


@pytest.fixture
def staff(world, db):
    return {name: fresh(user) for name, user in world["staff"].items()}


@pytest.fixture
def file_case(org):
    return case_filer(org)


@pytest.fixture
def filed_case(world, db):
    """The world's case, as filed (`file_case()` with its defaults)."""
    return fresh(world["case"])


def full_input(case, target):
    return {
        "note": "سبب مكتوب",
        "referred_to": "النيابة العامة",
        "referral_due": timezone.localdate() + timedelta(days=10),
        "findings": {a.pk: {"finding": "substantiated", "note": "ثبت"} for a in case.allegations.all()},
    }


@pytest.mark.parametrize("source", Status.values)
@pytest.mark.parametrize("target", Status.values)
@pytest.mark.parametrize("who", ACTORS)
def test_transition_every_edge_and_actor(source, target, who, staff, filed_case):
    case = filed_case
    Case.objects.filter(pk=case.pk).update(status=source, decided_at=timezone.now())
    case.refresh_from_db()
    actor = staff.get(who, who)
    before = (case.status, case.version, TimelineEvent.objects.filter(case=case).count())
    edge = workflow.find(source, target)
    allowed = edge is not None and ROLE_OF[who] in edge.roles

    if allowed:
        result = transition_case(actor=actor, case=case, to=target, **full_input(case, target))
        assert result.status == target
        assert TimelineEvent.objects.filter(case=case, kind="status").last().data["to"] == target
    else:
        with pytest.raises((Conflict, NotAllowed)):
            transition_case(actor=actor, case=case, to=target, **full_input(case, target))
        case.refresh_from_db()
        assert (case.status, case.version, TimelineEvent.objects.filter(case=case).count()) == before


def test_transition_table_has_one_transition_per_edge():
    edges = [(s, t.target) for t in workflow.TRANSITIONS for s in t.sources]
    assert len(edges) == len(set(edges))


def test_transition_resolve_without_findings_is_refused_and_changes_nothing(staff, file_case):
    case, _ = file_case()
    Case.objects.filter(pk=case.pk).update(status=Status.IN_PROGRESS)
    case.refresh_from_db()
    with pytest.raises(Invalid) as err:
        transition_case(actor=staff["officer"], case=case, to=Status.RESOLVED, note="انتهى")
    assert "findings" in err.value.fields
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS
    assert list(case.allegations.values_list("finding", flat=True)) == ["", ""]


def test_transition_resolve_records_each_finding_and_public_outcome(staff, file_case):
    case, _ = file_case()
    Case.objects.filter(pk=case.pk).update(status=Status.IN_PROGRESS)
    case.refresh_from_db()
    torture, detention = case.allegations.order_by("id")
    transition_case(actor=staff["officer"], case=case, to=Status.RESOLVED, note="ثبتت واقعة الاحتجاز",
                    findings={torture.pk: {"finding": "not_substantiated"}, detention.pk: {"finding": "substantiated", "note": "تجاوز المدة"}})
    case.refresh_from_db()
    assert case.status == Status.RESOLVED
    assert case.public_outcome == "ثبتت واقعة الاحتجاز"
    assert dict(case.allegations.values_list("category__code", "finding")) == {
        "torture": "not_substantiated", "arbitrary_detention": "substantiated"}


def test_transition_referral_requires_body_and_future_date(staff, file_case):
    case, _ = file_case()
    Case.objects.filter(pk=case.pk).update(status=Status.IN_PROGRESS)
    case.refresh_from_db()
    with pytest.raises(Invalid) as err:
        transition_case(actor=staff["officer"], case=case, to=Status.REFERRED, referral_due=timezone.localdate())
    assert set(err.value.fields) == {"referred_to", "referral_due"}


def test_transition_complainant_appeal_after_window_is_refused(staff, file_case, org):
    case, _ = file_case()
    Case.objects.filter(pk=case.pk).update(status=Status.CLOSED, decided_at=timezone.now() - timedelta(days=org.appeal_days + 1))
    case.refresh_from_db()
    with pytest.raises(Conflict) as err:
        transition_case(actor=COMPLAINANT, case=case, to=Status.IN_PROGRESS, note="أعترض على القرار")
    assert err.value.code == "appeal_expired"
    case.refresh_from_db()
    assert case.status == Status.CLOSED


def test_transition_stale_version_conflicts(staff, file_case):
    case, _ = file_case()
    old_version = case.version
    transition_case(actor=staff["officer"], case=case, to=Status.UNDER_REVIEW, expected_version=old_version)
    with pytest.raises(Conflict) as err:
        transition_case(actor=staff["supervisor"], case=case, to=Status.IN_PROGRESS, expected_version=old_version)
    assert err.value.code == "stale"
    case.refresh_from_db()
    assert case.status == Status.UNDER_REVIEW


def test_transition_outsider_is_refused(staff, file_case):
    case, _ = file_case()
    with pytest.raises(NotAllowed):
        transition_case(actor=staff["outsider"], case=case, to=Status.UNDER_REVIEW)
    case.refresh_from_db()
    assert case.status == Status.RECEIVED


def test_mark_duplicate_checks_the_cycle_on_the_locked_rows(staff, file_case):
    """Marking B a duplicate of A with a copy of A loaded before A was marked a duplicate of B
    (two officers at once) is refused: the check reads the locked row, not the stale copy."""
    from mizan.complaints.services import mark_duplicate

    a, _receipt = file_case()
    b, _receipt = file_case()
    stale_a = Case.objects.get(pk=a.pk)
    stale_b = Case.objects.get(pk=b.pk)
    mark_duplicate(actor=staff["officer"], case=a, original=b)
    before = TimelineEvent.objects.count()

    with pytest.raises(Conflict) as refused:
        mark_duplicate(actor=staff["officer"], case=stale_b, original=stale_a)

    assert refused.value.code == "cycle"
    assert Case.objects.get(pk=b.pk).duplicate_of_id is None
    assert Case.objects.get(pk=a.pk).duplicate_of_id == b.pk
    assert TimelineEvent.objects.count() == before
