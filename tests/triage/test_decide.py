"""Accepting and rejecting suggestions: the domain function and the case-page buttons."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation

from mizan.audit.models import AuditEvent
from mizan.complaints.errors import Conflict, Invalid, NotAllowed
from mizan.complaints.models import Case, Category, RoutingRule, TimelineEvent
from mizan.complaints.services import set_urgency
from mizan.complaints.timeline import describe, describe_all
from mizan.triage.models import Suggestion
from mizan.triage.services import Decision, decide_suggestion, decide_suggestions
from tests.desk.test_case_support import english as in_english

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
        "allegations": list(case.allegations.values_list("pk", "category__code")),
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
    restated = case.timeline.get(kind="categories_changed")  # said by the decision row: folded into it
    assert (event.actor, event.public, event.data) == (staff["officer"], False, {
        "suggestion": suggestion.pk, "kind": "category", "value": "torture", "source": "lexicon",
        "folded": [restated.pk]})
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
    decide_suggestion(actor=staff["officer"], suggestion=torture_case.suggestions.get(kind="category", value="torture"),
                      accept=False)
    decide_suggestion(actor=staff["officer"], suggestion=torture_case.suggestions.get(kind="urgency"), accept=True,
                      expected_version=torture_case.version)
    rejected = torture_case.timeline.get(kind="suggestion_rejected")
    accepted = torture_case.timeline.get(kind="suggestion_accepted")

    with translation.override("en"):
        assert describe(rejected) == f"Suggestion rejected (Category): {FSI}Torture and ill-treatment{PDI}."
        assert describe(accepted) == "Suggestion accepted (Urgency): Critical."


# --- several at once, and a category with its allegation ------------------------------------------

FSI, PDI = "\u2068", "\u2069"
THREE = "ضربوني وكهربوني في القسم، داهموا البيت وفتشوا هاتفي، منعوني من السفر في المطار"


def bdi(text):
    return f"{FSI}{text}{PDI}"


@pytest.fixture
def three(triaged, places):
    """A case told with a date and a place, for which triage suggests three categories."""
    case = triaged(THREE, categories=[], facility=str(places["station"].pk), incident_date="2026-10-01", **ANON)
    assert {"movement", "privacy", "torture"} <= set(case.suggestions.filter(kind="category").values_list(
        "value", flat=True))
    return case


def category(case, code):
    return case.suggestions.get(kind="category", value=code)


def new_rows(case, before, language):
    """The history rows a person reads, after the first `before` rows."""
    with translation.override(language):
        return [row.text for row in describe_all(case.timeline.all())][before:]


def test_batch_accepts_with_allegations_and_rejects_as_one_history_row(three, staff, places, committed):
    case = three
    torture, movement, privacy = category(case, "torture"), category(case, "movement"), category(case, "privacy")
    shown_before = len(describe_all(case.timeline.all()))
    stored_before = case.timeline.count()

    with committed():
        decided = decide_suggestions(actor=staff["officer"], case=case, expected_version=case.version, decisions=[
            Decision(torture, accept=True, add_allegation=True), Decision(movement, accept=True, add_allegation=True),
            Decision(privacy, accept=False)])

    victim = case.persons.get()
    allegations = list(case.allegations.order_by("pk"))
    assert [(a.category.code, a.occurred_on, a.facility, a.governorate, a.victim) for a in allegations] == [
        ("torture", date(2026, 10, 1), places["station"], places["giza"], victim),
        ("movement", date(2026, 10, 1), places["station"], places["giza"], victim)]
    assert decided.allegations == allegations
    assert [s.status for s in decided.suggestions] == ["accepted", "accepted", "rejected"]
    assert sorted(case.case_categories.values_list("category__code", flat=True)) == ["movement", "torture"]
    row = case.timeline.get(kind="suggestions_decided")
    restated = list(case.timeline.filter(kind__in=["categories_changed", "allegation_added"]).values_list("pk", flat=True))
    assert (row.actor, row.public) == (staff["officer"], False)
    assert row.data == {
        "decisions": [
            {"suggestion": torture.pk, "kind": "category", "value": "torture", "source": "lexicon", "accepted": True},
            {"suggestion": movement.pk, "kind": "category", "value": "movement", "source": "lexicon", "accepted": True},
            {"suggestion": privacy.pk, "kind": "category", "value": "privacy", "source": "lexicon", "accepted": False},
        ],
        "allegations": [a.pk for a in allegations],
        "folded": restated,
    }
    assert len(restated) == 3  # the categories, then each allegation: kept, but told by the decision row
    assert case.timeline.count() == stored_before + 4
    assert new_rows(case, shown_before, "en") == [
        f"Suggestions accepted: {bdi('Torture and ill-treatment')}, {bdi('Freedom of movement')}; "
        f"rejected: {bdi('Privacy')}. Allegations 1, 2 added."]
    assert new_rows(case, shown_before, "ar") == [
        f"قُبلت الاقتراحات: {bdi('التعذيب وسوء المعاملة')}، {bdi('حرية التنقل')}؛ ورُفضت: {bdi('الحق في الخصوصية')}."
        " أُضيف الادعاءان 1، 2."]
    assert new_rows(case, shown_before, "fr") == [
        f"Suggestions acceptées\u00a0: {bdi('Torture et mauvais traitements')}, {bdi('Liberté de circulation')}"
        f"\u00a0; rejetées\u00a0: {bdi('Vie privée')}. Allégations 1, 2 ajoutées."]
    audits = list(AuditEvent.objects.filter(action__startswith="triage.").order_by("pk"))
    assert [(a.action, a.data["value"], a.data.get("allegation")) for a in audits] == [
        ("triage.accept", "torture", allegations[0].pk), ("triage.accept", "movement", allegations[1].pk),
        ("triage.reject", "privacy", None)]
    assert AuditEvent.objects.filter(action="allegation.add").count() == 2


def test_accept_with_allegation_button_adds_exactly_one_allegation(client, three, staff, places, committed):
    case = three
    torture = category(case, "torture")
    in_english(client).force_login(staff["officer"])

    with committed():
        response = client.post(reverse("triage:accept_with_allegation", args=[case.reference, torture.pk]),
                               {"version": case.version})

    assert response.status_code == 303
    assert response["Location"] == reverse("desk:case", args=[case.reference]) + "#triage"
    added = case.allegations.get()
    assert (added.category.code, added.occurred_on, added.facility) == ("torture", date(2026, 10, 1),
                                                                        places["station"])
    torture.refresh_from_db()
    assert (torture.status, torture.decided_by) == ("accepted", staff["officer"])
    event = case.timeline.get(kind="suggestion_accepted")
    assert event.data["allegations"] == [added.pk]
    with translation.override("en"):
        assert describe_all([event])[0].text == (
            f"Suggestion accepted (Category): {bdi('Torture and ill-treatment')}; allegation 1 added.")
    page = client.get(response["Location"]).content.decode()
    assert "Suggestion accepted; allegation 1 added." in page
    assert page.count(f"Suggestion accepted (Category): {bdi('Torture and ill-treatment')}; allegation 1 added.") == 1
    assert "Allegation 1 added" not in page  # told by the decision row


def test_accept_only_adds_the_category_and_no_allegation(client, three, staff):
    case = three
    in_english(client).force_login(staff["officer"])

    response = client.post(url("accept", category(case, "torture")), {"version": case.version})

    assert response.status_code == 303
    assert list(case.case_categories.values_list("category__code", flat=True)) == ["torture"]
    assert not case.allegations.exists()


def test_batch_form_saves_the_chosen_decisions(client, three, staff):
    case = three
    torture, movement, privacy = category(case, "torture"), category(case, "movement"), category(case, "privacy")
    in_english(client).force_login(staff["officer"])

    response = client.post(reverse("triage:decide", args=[case.reference]), {
        "version": case.version, f"decision-{torture.pk}": "accept_allegation", f"decision-{movement.pk}": "accept",
        f"decision-{privacy.pk}": "reject"})

    assert response.status_code == 303
    assert list(case.allegations.values_list("category__code", flat=True)) == ["torture"]
    assert dict(case.suggestions.filter(value__in=["torture", "movement", "privacy"]).values_list("value", "status")) == {
        "torture": "accepted", "movement": "accepted", "privacy": "rejected"}
    assert case.timeline.filter(kind="suggestions_decided").count() == 1
    assert "3 decisions saved." in client.get(response["Location"]).content.decode()


def test_batch_form_leaves_undecided_what_was_not_chosen(client, three, staff):
    case = three
    torture, movement, privacy = category(case, "torture"), category(case, "movement"), category(case, "privacy")
    client.force_login(staff["officer"])

    response = client.post(reverse("triage:decide", args=[case.reference]), {
        f"decision-{torture.pk}": "reject", f"decision-{movement.pk}": "", f"decision-{privacy.pk}": "reject"})

    assert response.status_code == 303  # rejecting changes nothing on the case: no version needed
    assert dict(case.suggestions.filter(value__in=["torture", "movement", "privacy"]).values_list("value", "status")) == {
        "torture": "rejected", "movement": "pending", "privacy": "rejected"}


def test_batch_form_without_a_choice_is_400_beside_the_form_and_changes_nothing(client, three, staff):
    case = three
    in_english(client).force_login(staff["officer"])
    before = snapshot(case)

    response = client.post(reverse("triage:decide", args=[case.reference]), {"version": case.version})

    html = response.content.decode()
    assert response.status_code == 400
    assert ('<p class="field-error" id="error-triage-batch-form">Choose what to do with at least one suggestion.</p>'
            in html)
    assert '<details class="action" id="field-triage-batch-form" open>' in html
    assert snapshot(case) == before


def test_batch_form_keeps_the_choices_when_refused(client, three, staff):
    case = three
    torture = category(case, "torture")
    in_english(client).force_login(staff["officer"])
    before = snapshot(case)

    response = client.post(reverse("triage:decide", args=[case.reference]), {
        "version": case.version, f"decision-{torture.pk}": "accept_allegation",
        f"decision-{category(case, 'privacy').pk}": "maybe"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Choose a decision from the list." in html
    assert snapshot(case) == before


def test_batch_form_with_a_stale_version_is_409_and_changes_nothing(english, three, staff):
    case = three
    stale = case.version
    set_urgency(actor=staff["supervisor"], case=case, urgency="high")
    english.force_login(staff["officer"])
    before = snapshot(case)

    response = english.post(reverse("triage:decide", args=[case.reference]), {
        "version": stale, f"decision-{category(case, 'torture').pk}": "accept_allegation",
        f"decision-{category(case, 'privacy').pk}": "reject"})

    assert response.status_code == 409
    assert "Someone else changed this case while you were working on it." in response.content.decode()
    assert snapshot(case) == before


def test_batch_form_accepting_without_a_version_is_409(client, three, staff):
    case = three
    client.force_login(staff["officer"])
    before = snapshot(case)

    response = client.post(reverse("triage:decide", args=[case.reference]),
                           {f"decision-{category(case, 'torture').pk}": "accept"})

    assert response.status_code == 409
    assert snapshot(case) == before


def test_batch_form_with_a_suggestion_of_another_case_is_404(client, triaged, three, staff):
    other = triaged("أخي مضرب عن الطعام في السجن", categories=[], **ANON)
    client.force_login(staff["officer"])
    before = snapshot(three)

    response = client.post(reverse("triage:decide", args=[other.reference]), {
        "version": other.version, f"decision-{category(three, 'torture').pk}": "reject"})

    assert response.status_code == 404
    assert snapshot(three) == before


def test_accept_with_allegation_is_only_for_categories(client, torture_case, staff):
    urgency = torture_case.suggestions.get(kind="urgency")
    client.force_login(staff["officer"])
    before = snapshot(torture_case)

    response = client.post(reverse("triage:accept_with_allegation", args=[torture_case.reference, urgency.pk]),
                           {"version": torture_case.version})

    assert response.status_code == 404
    assert snapshot(torture_case) == before


def test_accept_with_allegation_on_a_closed_case_is_409_and_changes_nothing(english, three, staff):
    case = three
    Case.objects.filter(pk=case.pk).update(status="closed")
    case.refresh_from_db()
    english.force_login(staff["supervisor"])
    before = snapshot(case)

    response = english.post(reverse("triage:accept_with_allegation", args=[case.reference, category(case, "torture").pk]),
                            {"version": case.version})

    assert response.status_code == 409
    assert "Re-open the case before changing its allegations." in response.content.decode()
    assert snapshot(case) == before  # not even the category: the whole decision is refused


@pytest.mark.parametrize("who", ["analyst", "outsider"])
def test_new_buttons_are_404_for_users_who_cannot_see_the_case(client, three, staff, who):
    case = three
    client.force_login(staff[who])
    before = snapshot(case)

    with_allegation = client.post(reverse("triage:accept_with_allegation", args=[case.reference,
                                                                               category(case, "torture").pk]),
                                  {"version": case.version})
    batch = client.post(reverse("triage:decide", args=[case.reference]), {
        "version": case.version, f"decision-{category(case, 'torture').pk}": "accept_allegation"})

    assert (with_allegation.status_code, batch.status_code) == (404, 404)
    assert snapshot(case) == before


def test_new_buttons_are_403_for_the_auditor_and_change_nothing(client, three, staff):
    case = three
    client.force_login(staff["auditor"])
    before = snapshot(case)

    with_allegation = client.post(reverse("triage:accept_with_allegation", args=[case.reference,
                                                                               category(case, "torture").pk]),
                                  {"version": case.version})
    batch = client.post(reverse("triage:decide", args=[case.reference]), {
        "version": case.version, f"decision-{category(case, 'torture').pk}": "accept_allegation"})

    assert (with_allegation.status_code, batch.status_code) == (403, 403)
    assert snapshot(case) == before


def test_new_buttons_refuse_get(client, three, staff):
    client.force_login(staff["officer"])

    assert client.get(reverse("triage:decide", args=[three.reference])).status_code == 405
    assert client.get(reverse("triage:accept_with_allegation",
                              args=[three.reference, category(three, "torture").pk])).status_code == 405


def test_a_batch_with_one_refused_decision_is_refused_whole(triaged, staff):
    narrative = "اعتقلوا أخي من أمام الجامعة يوم الأحد واقتادوه إلى جهة غير معلومة ولم نعرف مكانه حتى اليوم"
    triaged(narrative, categories=[], **ANON)
    copy = triaged(narrative.replace("ة", "ه"), categories=[], **ANON)
    duplicate = copy.suggestions.get(kind="duplicate")
    some_category = copy.suggestions.filter(kind="category").first()
    before = snapshot(copy)

    with pytest.raises(NotAllowed):  # the intake officer may not mark duplicates
        decide_suggestions(actor=staff["intake"], case=copy, expected_version=copy.version, decisions=[
            Decision(some_category, accept=True, add_allegation=True), Decision(duplicate, accept=True)])

    assert snapshot(copy) == before


@pytest.mark.parametrize("decisions", [
    lambda case: [],
    lambda case: [Decision(case.suggestions.get(kind="urgency"), accept=True, add_allegation=True)],
    lambda case: [Decision(case.suggestions.get(kind="category", value="torture"), accept=False, add_allegation=True)],
    lambda case: [Decision(case.suggestions.get(kind="category", value="torture"), accept=True)] * 2,
], ids=["nothing", "allegation for an urgency", "allegation for a rejection", "twice the same"])
def test_batch_refuses_what_cannot_be_decided(torture_case, staff, decisions):
    before = snapshot(torture_case)

    with pytest.raises(Invalid):
        decide_suggestions(actor=staff["officer"], case=torture_case, decisions=decisions(torture_case),
                           expected_version=torture_case.version)

    assert snapshot(torture_case) == before


def test_a_suggestion_of_another_case_is_refused_by_the_domain(triaged, torture_case, staff):
    other = triaged("أخي مضرب عن الطعام في السجن", categories=[], **ANON)
    before = snapshot(torture_case)

    with pytest.raises(Invalid):
        decide_suggestions(actor=staff["officer"], case=other,
                           decisions=[Decision(torture_case.suggestions.get(kind="category", value="torture"),
                                               accept=False)])

    assert snapshot(torture_case) == before


def test_batch_with_a_decided_suggestion_conflicts_and_changes_nothing(three, staff):
    case = three
    decide_suggestion(actor=staff["officer"], suggestion=category(case, "privacy"), accept=False)
    before = snapshot(case)

    with pytest.raises(Conflict) as error:
        decide_suggestions(actor=staff["officer"], case=case, expected_version=case.version, decisions=[
            Decision(category(case, "torture"), accept=True, add_allegation=True),
            Decision(category(case, "privacy"), accept=True)])

    assert error.value.code == "decided"
    assert snapshot(case) == before


def test_single_decision_keeps_its_own_row_kind_with_the_allegation(three, staff):
    case = three
    torture = category(case, "torture")

    decide_suggestion(actor=staff["officer"], suggestion=torture, accept=True, add_allegation=True,
                      expected_version=case.version)

    event = case.timeline.get(kind="suggestion_accepted")
    added = case.allegations.get()
    assert event.data == {
        "suggestion": torture.pk, "kind": "category", "value": "torture", "source": "lexicon",
        "allegations": [added.pk],
        "folded": list(case.timeline.filter(kind__in=["categories_changed", "allegation_added"])
                       .values_list("pk", flat=True))}
    with translation.override("ar"):
        assert describe_all([event])[0].text == (
            f"قُبل الاقتراح (التصنيف): {bdi('التعذيب وسوء المعاملة')}؛ وأُضيف الادعاء 1.")
    with translation.override("fr"):
        assert describe_all([event])[0].text == (
            f"Suggestion acceptée (Catégorie)\u00a0: {bdi('Torture et mauvais traitements')}\u00a0; "
            "allégation 1 ajoutée.")
