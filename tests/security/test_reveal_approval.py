"""Revealing an identity with a second person's approval (`complaints.reveal`)."""

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from mizan.audit.models import AuditEvent
from mizan.complaints import reveal
from mizan.complaints.errors import Conflict, Invalid, NotAllowed
from mizan.complaints.models import Notification, RevealRequest, TimelineEvent
from mizan.complaints.reveal import reveal_identity


@pytest.fixture
def guarded(org, file_case):
    org.identity_reveal_needs_approval = True
    org.save(update_fields=["identity_reveal_needs_approval"])
    case, _receipt = file_case()
    case.organisation.refresh_from_db()
    return case


def actions(case) -> list[str]:
    return list(AuditEvent.objects.filter(target_type="case", target_id=str(case.pk),
                                          action__startswith="identity.").values_list("action", flat=True))


def test_reveal_without_approval_is_refused_and_changes_nothing(guarded, staff):
    with pytest.raises(NotAllowed):
        reveal_identity(actor=staff["officer"], case=guarded, reason="need to call her")
    assert actions(guarded) == []
    assert not TimelineEvent.objects.filter(case=guarded, kind="identity_revealed").exists()


def test_approved_request_reveals_once(guarded, staff):
    officer, supervisor = staff["officer"], staff["supervisor"]
    req = reveal.request_reveal(actor=officer, case=guarded, reason="need to call her")
    assert list(Notification.objects.filter(kind="reveal_request").values_list("user__username", flat=True)
                .order_by("user__username")) == ["orgadmin", "supervisor"]
    assert [r.pk for r in reveal.requests_to_decide(supervisor)] == [req.pk]
    assert list(reveal.requests_to_decide(officer)) == []

    reveal.decide_reveal(actor=supervisor, request_id=req.pk, approve=True, reason="urgent medical case")
    req.refresh_from_db()
    assert req.status == "approved" and req.approver == supervisor
    assert timedelta(hours=23) < req.expires_at - timezone.now() <= timedelta(hours=24)
    assert Notification.objects.get(kind="reveal_decided").user == officer

    people = reveal_identity(actor=officer, case=guarded, reason=req.reason)
    assert people[0]["name"] == "منى عبد الله"
    req.refresh_from_db()
    assert req.status == "used" and req.used_at is not None
    with pytest.raises(NotAllowed):  # single use
        reveal_identity(actor=officer, case=guarded, reason=req.reason)
    assert actions(guarded) == ["identity.reveal_request", "identity.reveal_approve", "identity.reveal"]
    assert AuditEvent.objects.get(action="identity.reveal").data["request"] == req.pk
    assert list(TimelineEvent.objects.filter(case=guarded, kind__startswith="identity_")
                .values_list("kind", "public")) == [("identity_reveal_requested", False),
                                                    ("identity_reveal_approved", False),
                                                    ("identity_revealed", False)]


def test_requester_cannot_approve_their_own_request(guarded, staff):
    supervisor = staff["supervisor"]
    req = reveal.request_reveal(actor=supervisor, case=guarded, reason="checking the file")
    with pytest.raises(NotAllowed):
        reveal.decide_reveal(actor=supervisor, request_id=req.pk, approve=True, reason="me")
    req.refresh_from_db()
    assert req.status == "pending" and req.approver is None
    assert actions(guarded) == ["identity.reveal_request"]
    assert [u.username for u in reveal.approvers_for(guarded, excluding=supervisor)] == ["orgadmin"]


def test_outsider_and_officer_cannot_decide(guarded, staff):
    req = reveal.request_reveal(actor=staff["officer"], case=guarded, reason="need to call her")
    with pytest.raises(Http404):
        reveal.decide_reveal(actor=staff["outsider"], request_id=req.pk, approve=True, reason="x")
    with pytest.raises(Http404):
        reveal.request_reveal(actor=staff["outsider"], case=guarded, reason="x")
    with pytest.raises(NotAllowed):
        reveal.decide_reveal(actor=staff["officer2"], request_id=req.pk, approve=True, reason="x")
    req.refresh_from_db()
    assert req.status == "pending"
    assert list(reveal.requests_to_decide(staff["outsider"])) == []


def test_refused_request_does_not_reveal(guarded, staff):
    req = reveal.request_reveal(actor=staff["officer"], case=guarded, reason="need to call her")
    with pytest.raises(Invalid):
        reveal.decide_reveal(actor=staff["supervisor"], request_id=req.pk, approve=False, reason=" ")
    reveal.decide_reveal(actor=staff["supervisor"], request_id=req.pk, approve=False, reason="not needed")
    with pytest.raises(Conflict):
        reveal.decide_reveal(actor=staff["admin"], request_id=req.pk, approve=True, reason="overrule")
    with pytest.raises(NotAllowed):
        reveal_identity(actor=staff["officer"], case=guarded, reason="need to call her")
    assert actions(guarded) == ["identity.reveal_request", "identity.reveal_refuse"]


def test_approval_expires(guarded, staff):
    req = reveal.request_reveal(actor=staff["officer"], case=guarded, reason="need to call her")
    reveal.decide_reveal(actor=staff["supervisor"], request_id=req.pk, approve=True, reason="ok")
    RevealRequest.objects.filter(pk=req.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    with pytest.raises(NotAllowed):
        reveal_identity(actor=staff["officer"], case=guarded, reason="need to call her")
    assert reveal.current_request(actor=staff["officer"], case=guarded) is None
    req.refresh_from_db()
    assert req.status == "expired"
    again = reveal.request_reveal(actor=staff["officer"], case=guarded, reason="still need it")
    assert again.status == "pending"


def test_second_request_while_one_is_pending_conflicts(guarded, staff):
    reveal.request_reveal(actor=staff["officer"], case=guarded, reason="need to call her")
    with pytest.raises(Conflict):
        reveal.request_reveal(actor=staff["officer"], case=guarded, reason="again")
    assert RevealRequest.objects.count() == 1


def test_without_the_setting_reveal_needs_no_approval(org, file_case, staff):
    case, _receipt = file_case()
    assert reveal_identity(actor=staff["officer"], case=case, reason="need to call her")[0]["name"] == "منى عبد الله"
    assert "request" not in AuditEvent.objects.get(action="identity.reveal").data
