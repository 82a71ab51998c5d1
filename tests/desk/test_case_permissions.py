"""Every persona against every view of the case page.

Allowed requests succeed; refused ones answer 403 (same organisation, the case is visible) or
404 (outsider, and the analyst who cannot see cases) and change nothing at all.

The world (staff, the case, an earlier case and an attachment) is built once for the module;
each test runs in a savepoint rolled back at its end, so every test starts from the same world.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mizan.accounts.models import Role
from mizan.audit.models import AuditEvent
from mizan.complaints import workflow
from mizan.complaints.models import CaseMessage, Category
from mizan.complaints.services import Upload, post_message
from tests.conftest import (
    build_org,
    build_other_org,
    build_places,
    build_staff,
    case_filer,
    fresh,
    module_world,
)
from tests.desk.test_case_support import NAME, PDF, page, set_status, snapshot

ROLE = {
    "intake": Role.INTAKE_OFFICER, "officer": Role.CASE_OFFICER, "officer2": Role.CASE_OFFICER,
    "supervisor": Role.SUPERVISOR, "analyst": Role.ANALYST, "auditor": Role.AUDITOR, "admin": Role.ORG_ADMIN,
    "outsider": None,
}
PERSONAS = list(ROLE)
INVISIBLE = {"analyst", "outsider"}  # no view of this organisation's cases: 404, never 403
VIEWERS = {"intake", "officer", "officer2", "supervisor", "auditor", "admin"}


def _who(roles):
    return {p for p, role in ROLE.items() if role in roles and p not in INVISIBLE}


def _transition_action(t):
    def build(case, world):
        data = {"version": case.version}
        if t.needs_note:
            data["note"] = "سبب مكتوب للخطوة"
        if t.needs_referral:
            data.update(referred_to="النيابة العامة", referral_due=(timezone.localdate() + timedelta(days=7)).isoformat())
        if t.needs_findings:
            data.update({f"finding-{a.pk}": "substantiated" for a in case.allegations.all()})
        return "post", reverse("desk:case_transition", args=[case.reference, t.name]), data

    def check(case, response, world, user, before):
        assert response.status_code == 303
        assert response["Location"] == page(case) + "#summary"
        assert case.status == t.target

    return {"status": sorted(t.sources)[0], "allowed": _who(t.roles), "build": build, "check": check}


def _post(name, data):
    def build(case, world):
        values = data(case, world) if callable(data) else dict(data)
        return "post", reverse(name, args=[case.reference]), {"version": case.version, **values}
    return build


def _page_check(case, response, world, user, before):
    assert response.status_code == 200
    assert case.reference in response.content.decode()
    assert snapshot(case) == before


def _reveal_check(case, response, world, user, before):
    assert response.status_code == 200
    assert NAME in response.content.decode()
    assert AuditEvent.objects.filter(action="identity.reveal", actor=user).count() == 1


def _redirected(anchor, assertion):
    def check(case, response, world, user, before):
        assert response.status_code == 303
        assert response["Location"] == page(case) + f"#{anchor}"
        assertion(case, world, user, before)
    return check


def _download_check(case, response, world, user, before):
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert AuditEvent.objects.count() == before["audit"] + 1
    assert AuditEvent.objects.last().action == "attachment.download"


def _allegation_edit(case, world):
    allegation = case.allegations.first()
    return "post", reverse("desk:case_allegation_edit", args=[case.reference, allegation.pk]), {
        "category": allegation.category_id, "summary": "ملخص معدّل"}


def _assigned(case, world, user, before):
    assert case.officer_id == world["officer2"].pk


def _taken(case, world, user, before):
    assert case.officer_id == user.pk


def _messaged(case, world, user, before):
    assert case.messages.count() == before["messages"] + 1
    latest = case.messages.last()
    assert (latest.kind, latest.body, latest.author) == (CaseMessage.Kind.TO_COMPLAINANT, "نرجو إرسال صورة المحضر", user)


def _noted(case, world, user, before):
    assert case.messages.count() == before["messages"] + 1
    latest = case.messages.last()
    assert (latest.kind, latest.body, latest.author) == (CaseMessage.Kind.INTERNAL, "ملاحظة داخلية", user)


def _categorised(case, world, user, before):
    assert [c.category.code for c in case.case_categories.all()] == ["women"]


def _urgent(case, world, user, before):
    assert case.urgency == "critical"


def _alleged(case, world, user, before):
    assert case.allegations.count() == len(before["allegations"]) + 1
    assert case.allegations.last().summary == "ضرب بالعصا"


def _edited(case, world, user, before):
    assert case.allegations.first().summary == "ملخص معدّل"


def _duplicated(case, world, user, before):
    assert case.duplicate_of_id == world["original"].pk


def _code(code):
    return lambda case, world: Category.objects.get(code=code).pk


ACTIONS = {
    "page": {"status": "received", "allowed": VIEWERS, "check": _page_check,
             "build": lambda case, world: ("get", page(case), {})},
    "reveal": {"status": "received", "allowed": {"officer", "supervisor"}, "check": _reveal_check,
               "build": _post("desk:case_reveal", {"reason": "التحقق من هوية الشاكية"})},
    **{f"transition:{t.name}": _transition_action(t) for t in workflow.TRANSITIONS},
    "assign": {"status": "under_review", "allowed": {"intake", "supervisor", "admin"},
               "build": _post("desk:case_assign", lambda case, world: {"officer": world["officer2"].pk}),
               "check": _redirected("actions", _assigned)},
    "take": {"status": "under_review", "allowed": {"officer", "officer2", "supervisor"},
             "build": _post("desk:case_take", {}), "check": _redirected("actions", _taken)},
    "message": {"status": "in_progress", "allowed": {"intake", "officer", "officer2", "supervisor"},
                "build": _post("desk:case_message", {"kind": "message", "body": "نرجو إرسال صورة المحضر"}),
                "check": _redirected("messages", _messaged)},
    "note": {"status": "in_progress", "allowed": {"intake", "officer", "officer2", "supervisor", "admin"},
             "build": _post("desk:case_message", {"kind": "note", "body": "ملاحظة داخلية"}),
             "check": _redirected("messages", _noted)},
    "categories": {"status": "in_progress", "allowed": {"intake", "officer", "officer2", "supervisor"},
                   "build": _post("desk:case_categories", lambda case, world: {"categories": [_code("women")(case, world)]}),
                   "check": _redirected("actions", _categorised)},
    "urgency": {"status": "in_progress", "allowed": {"intake", "officer", "officer2", "supervisor"},
                "build": _post("desk:case_urgency", {"urgency": "critical"}),
                "check": _redirected("actions", _urgent)},
    "allegation_add": {"status": "in_progress", "allowed": {"intake", "officer", "officer2", "supervisor"},
                       "build": _post("desk:case_allegation_add", lambda case, world: {
                           "category": _code("excessive_force")(case, world), "summary": "ضرب بالعصا"}),
                       "check": _redirected("allegations", _alleged)},
    "allegation_edit": {"status": "in_progress", "allowed": {"intake", "officer", "officer2", "supervisor"},
                        "build": _allegation_edit, "check": _redirected("allegations", _edited)},
    "duplicate": {"status": "in_progress", "allowed": {"officer", "officer2", "supervisor"},
                  "build": _post("desk:case_duplicate", lambda case, world: {"original": world["original"].reference}),
                  "check": _redirected("actions", _duplicated)},
    "download": {"status": "in_progress", "allowed": VIEWERS, "check": _download_check,
                 "build": lambda case, world: ("get", reverse(
                     "desk:attachment", args=[case.reference, world["attachment"].pk]), {})},
}


def _build():
    org = build_org()
    staff = build_staff(org, build_other_org(), build_places(org))
    file_case = case_filer(org)
    case, _receipt = file_case()
    original, _ = file_case("شكوى سابقة عن نفس الواقعة في قسم الدقي")
    message = post_message(actor=staff["supervisor"], case=case, body="محضر الفحص", internal=True,
                           files=[Upload("report.pdf", PDF)])
    return {**staff, "case": case, "original": original, "attachment": message.attachments.get()}


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    yield from module_world(django_db_blocker, _build)


@pytest.fixture
def world(shared_world, db):
    return {name: fresh(instance) for name, instance in shared_world.items()}


@pytest.mark.parametrize("who", PERSONAS)
@pytest.mark.parametrize("action", list(ACTIONS))
def test_case_views_permission_matrix(action, who, client, world):
    spec = ACTIONS[action]
    case = set_status(world["case"], spec["status"])
    user = world[who]
    client.force_login(user)
    method, url, data = spec["build"](case, world)
    before = snapshot(case)

    response = getattr(client, method)(url, data)

    if who in spec["allowed"]:
        case.refresh_from_db()
        spec["check"](case, response, world, user, before)
    else:
        assert response.status_code == (404 if who in INVISIBLE else 403)
        assert snapshot(case) == before
        assert NAME not in response.content.decode()


def test_case_views_permission_matrix_covers_every_transition():
    assert {f"transition:{t.name}" for t in workflow.TRANSITIONS} <= set(ACTIONS)


@pytest.mark.parametrize("action", list(ACTIONS))
def test_case_views_outsider_cannot_tell_existing_from_absent(action, client, world):
    case = set_status(world["case"], ACTIONS[action]["status"])
    client.force_login(world["outsider"])
    method, url, data = ACTIONS[action]["build"](case, world)
    # Same length, so even a page echoing the path could not differ by size alone.
    absent = "EG-2099-999999"
    assert len(absent) == len(case.reference)

    existing = getattr(client, method)(url, data)
    missing = getattr(client, method)(url.replace(case.reference, absent), data)

    assert existing.status_code == missing.status_code == 404
    assert existing.content == missing.content


def test_case_views_anonymous_user_is_sent_to_login(client, world):
    case = world["case"]
    before = snapshot(case)

    response = client.post(reverse("desk:case_transition", args=[case.reference, "review"]),
                           {"version": case.version})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert snapshot(case) == before
