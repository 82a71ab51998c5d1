"""The queue's "finding" filter (`outcome`), which the statistics link to: cases holding an
allegation with that finding, of the chosen category when there is one."""

from html import unescape

from django.urls import reverse

from mizan.complaints.services import transition_case

from .test_queue_support import english, refs


def _resolved(file_case, officer, narrative, categories, findings):
    case, _ = file_case(narrative, categories=categories)
    case = transition_case(actor=officer, case=case, to="under_review")
    case = transition_case(actor=officer, case=case, to="in_progress")
    chosen = {a.pk: {"finding": findings[a.category.code]} for a in case.allegations.select_related("category")}
    return transition_case(actor=officer, case=case, to="resolved", note="تم", findings=chosen)


def test_queue_outcome_filter_lists_cases_with_such_an_allegation(client, staff, file_case):
    officer = staff["officer"]
    both = _resolved(file_case, officer, "الأولى", ["torture", "due_process"],
                     {"torture": "substantiated", "due_process": "not_substantiated"})
    other = _resolved(file_case, officer, "الثانية", ["due_process"], {"due_process": "substantiated"})
    pending, _ = file_case("الثالثة", categories=["torture"])
    english(client).force_login(staff["supervisor"])

    def listed(**params):
        return refs(client.get(reverse("desk:queue"), {"view": "all", "sort": "newest", **params}))

    assert listed(outcome="substantiated") == [other.reference, both.reference]
    assert listed(outcome="substantiated", category="torture") == [both.reference]
    assert listed(outcome="substantiated", category="due_process") == [other.reference]
    assert listed(outcome="not_substantiated", category="torture") == []
    assert listed(outcome="pending") == [pending.reference]


def test_queue_outcome_filter_ignores_an_unknown_finding_with_a_note(client, staff, file_case):
    case, _ = file_case("الأولى")
    english(client).force_login(staff["supervisor"])

    response = client.get(reverse("desk:queue"), {"view": "all", "outcome": "guilty"})

    assert refs(response) == [case.reference]
    assert "“guilty” is not a valid outcome; that filter was ignored." in unescape(response.content.decode())
    assert '<option value="pending">No finding yet</option>' in response.content.decode()
