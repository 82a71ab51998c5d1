"""What one complaint and one officer's action cost in SQL statements, pinned.

Counted as the query log shows them (on SQLite that includes BEGIN and COMMIT, which PostgreSQL's
driver sends without logging). A change that adds a statement to intake or to an action makes
these fail: look at the printed log, and either remove the statement or raise the pin with the
reason in the commit. The figures and their history are in BENCHMARKS.md ("One write path").
"""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mizan.accounts.models import Role
from mizan.complaints.models import Case, CaseVulnerability, RoutingRule, TimelineEvent
from mizan.complaints.rules import snapshot
from tests.conftest import make_user

# (SQLite, PostgreSQL). Intake: the throttle's upsert; the rules' token; BEGIN; the reference;
# the case; its persons, categories, groups, allegations and timeline rows (one INSERT each); the
# officers' notifications and their e-mail task; the month's DataVersion; the statistics (counters,
# contribution); the search document; the audit chain (the head with the row's id, then the row,
# whose INSERT moves the head); the suggestions' task; COMMIT (in a test, a savepoint and its
# release). PostgreSQL adds the rollup's shared advisory lock and the search partitions' check.
INTAKE = {"sqlite": 18, "postgresql": 20}
# An officer's action through the API: the token; BEGIN; the case, found by its reference under
# its row lock (the face's read, which the domain function takes: complaints.locks); the change;
# its timeline row; the month's DataVersion; the statistics (one UNION: the case with its deadline
# tests, its categories, groups, allegations and last contribution; then counters and
# contribution); the search document (one UNION: the case, its categories, allegations, messages
# and the rules' token; one write); the audit chain (two); COMMIT. A message adds its row (and its
# personal-data spans when it holds any); an assignment looks up the officer with their
# membership and notifies them. PostgreSQL adds the rollup's shared advisory lock and logs its
# BEGIN and COMMIT only in a test (as a savepoint). The target is 15.
ACTIONS = {"transition": {"sqlite": 14, "postgresql": 15}, "assign": {"sqlite": 16, "postgresql": 17},
           "message": {"sqlite": 15, "postgresql": 16}, "note": {"sqlite": 13, "postgresql": 14}}


def _statements(context) -> str:
    return "\n".join(q["sql"][:150] for q in context.captured_queries)


def _file(api, body):
    response = api.client.post("/api/v1/complaints", data=json.dumps(body, ensure_ascii=False),
                               content_type="application/json")
    assert response.status_code == 201, response.content
    return response.json()


@pytest.fixture
def announced(staff):
    """The default unit has officers and a supervisor: a new case there is announced to them."""
    return staff


def test_intake_through_the_api_costs_at_most_the_pinned_statements(api, announced, complaint_body):
    _file(api, complaint_body())  # the year's reference counter, the month's DataVersion row
    with CaptureQueriesContext(connection) as context:
        _file(api, complaint_body())
    count = len(context.captured_queries)
    print(f"intake: {count} statements\n{_statements(context)}")
    assert count <= INTAKE[connection.vendor], _statements(context)


def test_intake_still_writes_everything_it_did(api, announced, complaint_body):
    reply = _file(api, complaint_body())
    case = Case.objects.get(reference=reply["reference"])
    kinds = list(case.timeline.values_list("kind", flat=True))
    assert kinds == ["submitted", "acknowledged", "routed"]
    assert case.persons.count() == 2 and case.allegations.count() == 1
    assert CaseVulnerability.objects.filter(case=case).count() == 1
    assert case.unit.code == "hr"
    from mizan.complaints.models import Notification

    assert set(Notification.objects.filter(case=case).values_list("user__username", flat=True)) == {
        "officer", "officer2", "supervisor"}


def test_the_rules_are_read_once_and_again_after_a_change(org, places, staff):
    snapshot()
    with CaptureQueriesContext(connection) as context:
        first = snapshot()
        first.of(org)
        again = snapshot()
    # The token, then the organisation's rules loaded once; the second snapshot reads the token.
    assert again is first
    loaded = len(context.captured_queries)
    with CaptureQueriesContext(connection) as context:
        assert snapshot() is first
        first.of(org)
    assert len(context.captured_queries) == 1 < loaded

    RoutingRule.objects.create(organisation=org, governorate=places["giza"], unit=places["prisons"])
    changed = snapshot()
    assert changed is not first
    assert [rule.unit.code for rule in changed.of(org).routing] == ["prisons"]


def test_a_new_routing_rule_routes_the_next_complaint(api, org, places, staff, complaint_body):
    first = Case.objects.get(reference=_file(api, complaint_body())["reference"])
    RoutingRule.objects.create(organisation=org, governorate=places["giza"], unit=places["prisons"])
    second = Case.objects.get(reference=_file(api, complaint_body())["reference"])
    assert (first.unit.code, second.unit.code) == ("hr", "prisons")
    routed = TimelineEvent.objects.get(case=second, kind="routed")
    assert routed.data["unit"] == places["prisons"].pk


def test_a_new_officer_hears_of_the_next_complaint(api, org, places, staff, complaint_body):
    from mizan.complaints.models import Notification

    _file(api, complaint_body())
    newcomer = make_user("newcomer", org, Role.CASE_OFFICER, places["hr"])
    case = Case.objects.get(reference=_file(api, complaint_body())["reference"])
    assert Notification.objects.filter(case=case, user=newcomer).exists()


def test_a_deactivated_category_is_refused_at_once(api, complaint_body, places):
    from mizan.complaints.models import Category

    _file(api, complaint_body())
    category = Category.objects.get(code="arbitrary_detention")
    category.is_active = False
    category.save()
    response = api.client.post("/api/v1/complaints", data=json.dumps(complaint_body(), ensure_ascii=False),
                               content_type="application/json", headers={"Accept-Language": "en"})
    assert response.status_code == 400
    assert "categories" in response.json()["error"]["fields"]


@pytest.mark.parametrize(("name", "suffix", "body"), [
    ("transition", "/transitions", {"to": "under_review"}),
    ("assign", "/assignment", {"officer": "officer2"}),
    ("message", "/messages", {"body": "نرجو إرسال صورة من محضر الضبط"}),
    ("note", "/messages", {"body": "تم الاتصال بالقسم", "internal": True}),
])
def test_an_officer_action_through_the_api_costs_at_most_the_pinned_statements(api, tokens, file_case, name, suffix,
                                                                               body):
    case, _ = file_case()
    who = "supervisor" if name == "assign" else "officer"
    api.get(f"/api/v1/cases/{case.reference}", token=tokens[who])  # the token's last use, once a day
    with CaptureQueriesContext(connection) as context:
        response = api.post(f"/api/v1/cases/{case.reference}{suffix}", body, token=tokens[who])
    assert response.status_code in (200, 201), response.content
    count = len(context.captured_queries)
    print(f"{name}: {count} statements\n{_statements(context)}")
    assert count <= ACTIONS[name][connection.vendor], _statements(context)


# The desk's actions, a logged-in officer's form posts: the session; the user with their membership
# and account security (accounts.backends); then as through the API.
DESK = {"take": {"sqlite": 15, "postgresql": 16}, "transition": {"sqlite": 15, "postgresql": 16}}


@pytest.mark.parametrize(("name", "route", "args"), [
    ("take", "desk:case_take", ()),
    ("transition", "desk:case_transition", ("review",)),
])
def test_an_officer_action_on_the_desk_costs_at_most_the_pinned_statements(client, staff, file_case, name, route,
                                                                          args):
    from django.urls import reverse

    case, _ = file_case()
    client.force_login(staff["officer"])
    client.get(reverse("desk:case", args=[case.reference]))  # the session's first touch
    case.refresh_from_db()
    with CaptureQueriesContext(connection) as context:
        response = client.post(reverse(route, args=[case.reference, *args]), {"version": case.version})
    assert response.status_code == 303, response.content[:500]
    count = len(context.captured_queries)
    print(f"desk {name}: {count} statements\n{_statements(context)}")
    assert count <= DESK[name][connection.vendor], _statements(context)


# Accepting a suggestion on the desk is a whole change made by the complaints function it asks for
# (a category: set_categories, which re-routes; an urgency: set_urgency, with the calendar and
# policies from intake's cached rules), with its own timeline and audit rows, and then the
# decision's: the suggestion read again under its lock, the timeline rows it restates, its status,
# the case's waiting urgency brought up to date, one timeline row and one audit row. Over the target
# of 15: BENCHMARKS.md ("One write path") says where each statement goes.
SUGGESTIONS = {"category": {"sqlite": 28, "postgresql": 29}, "urgency": {"sqlite": 25, "postgresql": 26}}


@pytest.mark.parametrize("kind", ["category", "urgency"])
def test_accepting_a_suggestion_costs_at_most_the_pinned_statements(client, staff, file_case, kind):
    from django.urls import reverse

    from mizan.triage.models import Suggestion

    case, _ = file_case(categories=["arbitrary_detention"])
    if kind == "category":
        suggestion = Suggestion.objects.create(case=case, kind=Suggestion.Kind.CATEGORY, value="torture",
                                               confidence=0.8, source="lexicon", reasons={})
    else:
        suggestion = Suggestion.objects.create(
            case=case, kind=Suggestion.Kind.URGENCY, value="critical", confidence=0.8, source="lexicon",
            reasons={"signals": [{"code": "ongoing_torture", "level": "critical", "triggers": []}]})
    client.force_login(staff["officer"])
    client.get(reverse("desk:case", args=[case.reference]))
    case.refresh_from_db()
    with CaptureQueriesContext(connection) as context:
        response = client.post(reverse("triage:accept", args=[case.reference, suggestion.pk]),
                               {"version": case.version})
    assert response.status_code == 303, response.content[:500]
    suggestion.refresh_from_db()
    case.refresh_from_db()
    assert suggestion.status == Suggestion.Status.ACCEPTED
    assert ("torture" in set(case.case_categories.values_list("category__code", flat=True))) if kind == "category" else (
        case.urgency == "critical" and case.suggested_urgency is None)
    count = len(context.captured_queries)
    print(f"accept {kind}: {count} statements\n{_statements(context)}")
    assert count <= SUGGESTIONS[kind][connection.vendor], _statements(context)
