"""Accepting and rejecting suggestions: the domain function and the case-page buttons."""

import pytest
from django.urls import reverse

from mizan.audit.models import AuditEvent
from mizan.complaints.errors import Conflict, NotAllowed
from mizan.complaints.models import Category, RoutingRule, TimelineEvent
from mizan.complaints.services import set_urgency
from mizan.triage.models import Suggestion
from mizan.triage.services import decide_suggestion

TORTURE = "ضربوني في القسم وكهربوني حتى وقعت على اعتراف، ولسه بيضربوا أخويا لحد دلوقتي"
ANON = {"anonymous": True, "complainant": {}}


def url(name, suggestion):
    return reverse(f"triage:{name}", args=[suggestion.case.reference, suggestion.pk])


def snapshot(case):
    """Everything a decision could change, to show that a refused one changed nothing."""
    case.refresh_from_db()
    return {
        "case": (case.version, case.urgency, case.unit_id, case.duplicate_of_id),
        "categories": sorted(case.case_categories.values_list("category__code", flat=True)),
        "suggestions": sorted(case.suggestions.values_list("pk", "status", "decided_by", "decided_at")),
        "timeline": case.timeline.count(),
        "audit": AuditEvent.objects.count(),
    }


@pytest.fixture
def torture_case(triaged, places):
    RoutingRule.objects.create(organisation=places["hr"].organisation, category=Category.objects.get(code="torture"),
                               unit=places["prisons"])
    return triaged(TORTURE, categories=[], **ANON)


def test_accept_category_sets_it_routes_and_records(torture_case, staff, committed):
    case = torture_case
    suggestion = case.suggestions.get(kind="category", value="torture")
    assert case.unit.code == "hr"

    with committed():
        decide_suggestion(actor=staff["officer"], suggestion=suggestion, accept=True, expected_version=case.version)

    case.refresh_from_db()
    suggestion.refresh_from_db()
    assert list(case.case_categories.values_list("category__code", flat=True)) == ["torture"]
    assert case.unit.code == "prisons"
    assert (suggestion.status, suggestion.decided_by) == ("accepted", staff["officer"])
    assert suggestion.decided_at is not None
    kinds = list(case.timeline.filter(public=False).values_list("kind", flat=True))
    assert kinds[-3:] == ["categories_changed", "routed", "suggestion_accepted"]
    event = case.timeline.get(kind="suggestion_accepted")
    assert (event.actor, event.public, event.data) == (staff["officer"], False, {
        "suggestion": suggestion.pk, "kind": "category", "value": "torture", "source": "lexicon"})
    audit = AuditEvent.objects.filter(action="triage.accept").get()
    assert (audit.actor, audit.target_id, audit.data["value"]) == (staff["officer"], str(case.pk), "torture")
    assert AuditEvent.objects.filter(action="case.categories").count() == 1


def test_accept_category_keeps_existing_categories(triaged, staff):
    case = triaged(TORTURE, categories=["due_process"], **ANON)
    suggestion = case.suggestions.get(kind="category", value="torture")

    decide_suggestion(actor=staff["officer"], suggestion=suggestion, accept=True, expected_version=case.version)

    assert sorted(case.case_categories.values_list("category__code", flat=True)) == ["due_process", "torture"]


def test_accept_urgency_changes_urgency_and_deadlines(torture_case, staff):
    case = torture_case
    suggestion = case.suggestions.get(kind="urgency")
    due_before = case.resolution_due

    decide_suggestion(actor=staff["officer"], suggestion=suggestion, accept=True, expected_version=case.version)

    case.refresh_from_db()
    assert case.urgency == "critical"
    assert case.resolution_due < due_before
    assert case.timeline.filter(kind="urgency_changed").count() == 1


def test_accept_duplicate_marks_it_and_keeps_both_timelines(triaged, staff):
    narrative = "اعتقلوا أخي من أمام الجامعة يوم الأحد واقتادوه إلى جهة غير معلومة ولم نعرف مكانه حتى اليوم"
    first = triaged(narrative, categories=[], **ANON)
    copy = triaged(narrative.replace("ة", "ه"), categories=[], **ANON)
    suggestion = copy.suggestions.get(kind="duplicate")
    first_events = first.timeline.count()

    decide_suggestion(actor=staff["officer"], suggestion=suggestion, accept=True, expected_version=copy.version)

    copy.refresh_from_db()
    assert copy.duplicate_of == first
    assert copy.timeline.get(kind="suggestion_accepted").data["reference"] == first.reference
    assert copy.timeline.filter(kind="duplicate_marked").count() == 1
    assert first.timeline.count() == first_events + 1


def test_accept_related_changes_nothing_on_the_case_but_is_recorded(triaged, staff, places):
    day = {"facility": str(places["station"].pk), "incident_date": "2026-10-01"}
    triaged("أخذوا هاتفي عند الباب", categories=[], **day, **ANON)
    case = triaged("طردوني من الزيارة", categories=[], **day, **ANON)
    suggestion = case.suggestions.get(kind="related")
    version = case.version

    decide_suggestion(actor=staff["intake"], suggestion=suggestion, accept=True, expected_version=version)

    case.refresh_from_db()
    suggestion.refresh_from_db()
    assert (case.version, case.duplicate_of_id, suggestion.status) == (version, None, "accepted")
    assert AuditEvent.objects.filter(action="triage.accept").count() == 1


def test_reject_records_the_decision_and_changes_nothing_else(torture_case, staff):
    case = torture_case
    suggestion = case.suggestions.get(kind="category", value="torture")
    before = snapshot(case)

    decide_suggestion(actor=staff["officer"], suggestion=suggestion, accept=False)

    after = snapshot(case)
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by) == ("rejected", staff["officer"])
    assert after["case"] == before["case"]
    assert after["categories"] == before["categories"] == []
    assert after["timeline"] == before["timeline"] + 1
    assert case.timeline.last().kind == "suggestion_rejected"
    assert after["audit"] == before["audit"] + 1
    assert AuditEvent.objects.order_by("pk").last().action == "triage.reject"


def test_accept_with_a_stale_version_conflicts_and_changes_nothing(torture_case, staff):
    case = torture_case
    suggestion = case.suggestions.get(kind="category", value="torture")
    stale = case.version
    set_urgency(actor=staff["supervisor"], case=case, urgency="high")
    before = snapshot(case)

    with pytest.raises(Conflict) as error:
        decide_suggestion(actor=staff["officer"], suggestion=suggestion, accept=True, expected_version=stale)

    assert error.value.code == "stale"
    assert snapshot(case) == before


def test_deciding_twice_conflicts(torture_case, staff):
    suggestion = torture_case.suggestions.get(kind="category", value="torture")
    decide_suggestion(actor=staff["officer"], suggestion=suggestion, accept=False)
    before = snapshot(torture_case)

    with pytest.raises(Conflict) as error:
        decide_suggestion(actor=staff["supervisor"], suggestion=suggestion, accept=True)

    assert error.value.code == "decided"
    assert snapshot(torture_case) == before


@pytest.mark.parametrize("who", ["analyst", "auditor", "admin", "outsider"])
def test_roles_without_edit_case_cannot_decide(torture_case, staff, who):
    suggestion = torture_case.suggestions.get(kind="category", value="torture")
    before = snapshot(torture_case)

    with pytest.raises(NotAllowed):
        decide_suggestion(actor=staff[who], suggestion=suggestion, accept=True)
    with pytest.raises(NotAllowed):
        decide_suggestion(actor=staff[who], suggestion=suggestion, accept=False)

    assert snapshot(torture_case) == before


def test_intake_cannot_accept_a_duplicate_and_nothing_changes(triaged, staff):
    narrative = "اعتقلوا أخي من أمام الجامعة يوم الأحد واقتادوه إلى جهة غير معلومة ولم نعرف مكانه حتى اليوم"
    triaged(narrative, categories=[], **ANON)
    copy = triaged(narrative.replace("ة", "ه"), categories=[], **ANON)
    suggestion = copy.suggestions.get(kind="duplicate")
    before = snapshot(copy)

    with pytest.raises(NotAllowed):
        decide_suggestion(actor=staff["intake"], suggestion=suggestion, accept=True, expected_version=copy.version)

    assert snapshot(copy) == before


# --- through the case page ---------------------------------------------------------------------

def test_accept_button_applies_and_redirects_to_the_panel(client, torture_case, staff, committed):
    suggestion = torture_case.suggestions.get(kind="category", value="torture")
    client.force_login(staff["officer"])

    with committed():
        response = client.post(url("accept", suggestion), {"version": torture_case.version})

    assert response.status_code == 303
    assert response["Location"] == reverse("desk:case", args=[torture_case.reference]) + "#triage"
    suggestion.refresh_from_db()
    assert suggestion.status == "accepted"
    assert list(torture_case.case_categories.values_list("category__code", flat=True)) == ["torture"]


def test_reject_button_needs_no_version(client, torture_case, staff):
    suggestion = torture_case.suggestions.get(kind="category", value="torture")
    client.force_login(staff["officer"])

    response = client.post(url("reject", suggestion))

    assert response.status_code == 303
    suggestion.refresh_from_db()
    assert suggestion.status == "rejected"


def test_accept_button_with_stale_version_is_409_with_the_conflict_message(english, torture_case, staff):
    client = english
    suggestion = torture_case.suggestions.get(kind="category", value="torture")
    stale = torture_case.version
    set_urgency(actor=staff["supervisor"], case=torture_case, urgency="high")
    client.force_login(staff["officer"])
    before = snapshot(torture_case)

    response = client.post(url("accept", suggestion), {"version": stale})

    assert response.status_code == 409
    assert "Someone else changed this case while you were working on it." in response.content.decode()
    assert snapshot(torture_case) == before


def test_accept_button_without_version_is_409(client, torture_case, staff):
    suggestion = torture_case.suggestions.get(kind="category", value="torture")
    client.force_login(staff["officer"])
    before = snapshot(torture_case)

    response = client.post(url("accept", suggestion))

    assert response.status_code == 409
    assert snapshot(torture_case) == before


def test_auditor_gets_403_and_nothing_changes(client, torture_case, staff):
    suggestion = torture_case.suggestions.get(kind="category", value="torture")
    client.force_login(staff["auditor"])
    before = snapshot(torture_case)

    accept = client.post(url("accept", suggestion), {"version": torture_case.version})
    reject = client.post(url("reject", suggestion))

    assert (accept.status_code, reject.status_code) == (403, 403)
    assert snapshot(torture_case) == before


@pytest.mark.parametrize("who", ["analyst", "outsider"])
def test_users_who_cannot_see_the_case_get_404(client, torture_case, staff, who):
    suggestion = torture_case.suggestions.get(kind="category", value="torture")
    client.force_login(staff[who])
    before = snapshot(torture_case)

    accept = client.post(url("accept", suggestion), {"version": torture_case.version})
    reject = client.post(url("reject", suggestion))

    assert (accept.status_code, reject.status_code) == (404, 404)
    assert snapshot(torture_case) == before


def test_suggestion_of_another_case_is_404(client, triaged, torture_case, staff):
    other = triaged("أخي مضرب عن الطعام في السجن", categories=[], **ANON)
    suggestion = torture_case.suggestions.get(kind="category", value="torture")
    client.force_login(staff["officer"])

    response = client.post(reverse("triage:reject", args=[other.reference, suggestion.pk]))

    assert response.status_code == 404
    suggestion.refresh_from_db()
    assert suggestion.status == "pending"


def test_buttons_refuse_get(client, torture_case, staff):
    suggestion = torture_case.suggestions.get(kind="category", value="torture")
    client.force_login(staff["officer"])

    assert client.get(url("accept", suggestion)).status_code == 405


def test_anonymous_user_is_sent_to_login(client, torture_case):
    suggestion = torture_case.suggestions.get(kind="category", value="torture")

    response = client.post(url("reject", suggestion))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert Suggestion.objects.get(pk=suggestion.pk).status == "pending"


def test_decisions_become_internal_timeline_rows(torture_case, staff):
    suggestion = torture_case.suggestions.get(kind="category", value="torture")

    decide_suggestion(actor=staff["officer"], suggestion=suggestion, accept=False)

    assert TimelineEvent.objects.filter(case=torture_case, kind="suggestion_rejected", public=False).count() == 1
    assert TimelineEvent.objects.filter(case=torture_case, kind="suggestion_rejected", public=True).count() == 0


def test_decision_rows_have_sentences_for_the_timeline(torture_case, staff):
    from django.utils import translation

    from mizan.triage.timeline import describe_decision

    decide_suggestion(actor=staff["officer"], suggestion=torture_case.suggestions.get(kind="category"), accept=False)
    decide_suggestion(actor=staff["officer"], suggestion=torture_case.suggestions.get(kind="urgency"), accept=True,
                      expected_version=torture_case.version)
    rejected = torture_case.timeline.get(kind="suggestion_rejected")
    accepted = torture_case.timeline.get(kind="suggestion_accepted")

    with translation.override("en"):
        assert describe_decision(rejected) == "Suggestion rejected (Category): Torture and ill-treatment."
        assert describe_decision(accepted) == "Suggestion accepted (Urgency): Critical."
