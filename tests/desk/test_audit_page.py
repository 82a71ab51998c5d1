"""The audit-log page: auditors and org admins only, own organisation's rows, filters, verify."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from mizan.accounts.models import Role
from mizan.audit.models import AuditEvent
from mizan.complaints.services import assign_case, transition_case
from tests.conftest import make_user

from .test_queue_support import english, file_other_org

URL = reverse("desk:audit")


@pytest.fixture
def history(staff, file_case, other_org):
    """Audit rows of `org` (filing, assignment, review) and one of `other_org`."""
    case, _ = file_case()
    other, _ = file_case("شكوى أخرى")
    assign_case(actor=staff["supervisor"], case=case, officer=staff["officer"])
    transition_case(actor=staff["officer"], case=case, to="under_review")
    theirs = file_other_org(other_org)
    return {"case": case, "other": other, "theirs": theirs}


def get(client, user, **params):
    english(client).force_login(user)
    return client.get(URL, params)


def ids(response) -> list[int]:
    return [row["event"].pk for row in response.context["rows"]]


def org_rows(org, **filters) -> list[int]:
    return list(AuditEvent.objects.filter(organisation=org, **filters).order_by("-id").values_list("pk", flat=True))


@pytest.mark.parametrize("who", ["auditor", "admin"])
def test_audit_page_lists_own_organisation_newest_first(client, staff, history, org, other_org, who):
    response = get(client, staff[who])

    assert response.status_code == 200
    assert ids(response) == org_rows(org)
    assert not AuditEvent.objects.filter(pk__in=ids(response), organisation=other_org).exists()
    assert [row["event"].action for row in response.context["rows"]][:4] == [
        "auth.login", "case.transition", "case.assign", "case.create"]


def test_audit_page_row_shows_labels_target_and_ids(client, staff, history):
    response = get(client, staff["auditor"], action="case.assign")
    body = response.content.decode()

    row = response.context["rows"][0]
    with translation.override("en"):
        assert (str(row["action_label"]), row["reference"]) == ("Case assigned", history["case"].reference)
    with translation.override("en"):
        assert [(str(key), value) for key, value in row["data"]] == [
            ("Officer", "Officer"), ("Unit", "Human-rights sector")]  # names, never the ids
    assert reverse("desk:case", args=[history["case"].reference]) in body
    assert '<span dir="auto">Supervisor</span>' in body  # the full name, never the login name


def test_audit_page_complainant_rows_show_actor_kind(client, staff, history):
    response = get(client, staff["auditor"], action="case.create")

    with translation.override("en"):
        assert [str(row["actor_label"]) for row in response.context["rows"]] == ["Complainant", "Complainant"]
    assert [row["event"].actor for row in response.context["rows"]] == [None, None]


def test_audit_page_other_organisation_auditor_sees_only_theirs(client, staff, history, other_org):
    nhri_auditor = make_user("nhri-auditor", other_org, Role.AUDITOR)

    response = get(client, nhri_auditor)

    assert ids(response) == org_rows(other_org)
    assert [row["event"].action for row in response.context["rows"]] == ["auth.login", "case.create"]
    assert history["case"].reference not in response.content.decode()


@pytest.mark.parametrize("who", ["intake", "officer", "officer2", "supervisor", "analyst", "outsider"])
def test_audit_page_404_for_other_roles(client, staff, history, who):
    response = get(client, staff[who])

    assert response.status_code == 404


def test_audit_page_404_without_membership(client, db):
    user = get_user_model().objects.create_user("nomember", password="x" * 20)

    assert get(client, user).status_code == 404


# --- filters -------------------------------------------------------------------------------------

def test_audit_page_filter_action(client, staff, history, org):
    response = get(client, staff["auditor"], action="case.transition")

    assert ids(response) == org_rows(org, action="case.transition")
    assert len(ids(response)) == 1


def test_audit_page_filter_actor_username(client, staff, history, org):
    response = get(client, staff["auditor"], actor="officer")

    assert ids(response) == org_rows(org, actor=staff["officer"])
    assert [row["event"].action for row in response.context["rows"]] == ["case.transition"]


def test_audit_page_filter_target_reference(client, staff, history, org):
    case = history["case"]
    arabic = case.reference.lower().translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))

    response = get(client, staff["auditor"], target=case.reference)
    typed = get(client, staff["auditor"], target=arabic)

    expected = org_rows(org, target_type="case", target_id=str(case.pk))
    assert ids(response) == expected
    assert ids(typed) == expected
    assert [row["event"].action for row in response.context["rows"]] == ["case.transition", "case.assign", "case.create"]


def test_audit_page_filter_unknown_or_foreign_reference_shows_nothing_with_note(client, staff, history):
    response = get(client, staff["auditor"], target=history["theirs"].reference)

    assert ids(response) == []
    assert response.context["notes"] == [
        f"No case of your organisation has the reference “{history['theirs'].reference}”."]


def test_audit_page_filter_dates(client, staff, history, org):
    today = timezone.localdate()
    english(client).force_login(staff["auditor"])

    same_day = client.get(URL, {"from": today.isoformat(), "to": today.isoformat()})
    tomorrow = client.get(URL, {"from": (today + timedelta(days=1)).isoformat()})
    yesterday = client.get(URL, {"to": (today - timedelta(days=1)).isoformat()})

    assert ids(same_day) == org_rows(org)
    assert ids(tomorrow) == []
    assert ids(yesterday) == []


def test_audit_page_bad_dates_ignored_with_note(client, staff, history, org):
    response = get(client, staff["auditor"], **{"from": "soon"})

    assert response.status_code == 200
    assert ids(response) == org_rows(org)
    assert response.context["notes"] == ["“soon” is not a date (use YYYY-MM-DD); that filter was ignored."]


def test_audit_page_unknown_action_matches_nothing(client, staff, history):
    response = get(client, staff["auditor"], action="nothing.here")

    assert response.status_code == 200
    assert ids(response) == []


def test_audit_page_paginated(client, staff, org):
    english(client).force_login(staff["auditor"])
    for _ in range(50):
        client.force_login(staff["auditor"])  # each login is one audit row

    first = client.get(URL)
    second = client.get(URL, {"page": 2})

    assert len(ids(first)) == 50
    assert ids(second) == org_rows(org)[50:]
    assert len(ids(second)) == 1


# --- chain verification ----------------------------------------------------------------------------

def test_audit_page_verifies_chain_only_when_asked(client, staff, history, org):
    plain = get(client, staff["auditor"])
    verified = client.get(URL, {"verify": "1"})
    own = AuditEvent.objects.filter(organisation=org).count()

    assert plain.context["verification"] is None
    assert "Chain intact" not in plain.content.decode()
    assert own < AuditEvent.objects.count()     # the other organisation's rows are not counted
    assert verified.context["verification"] == {"count": own, "problems": [], "elsewhere": 0}
    assert f"Chain intact: {own} rows of your organisation checked." in verified.content.decode()


def test_audit_page_names_no_row_of_another_organisation(client, staff, history, org, other_org):
    """A broken row of another organisation: this auditor learns that the chain is broken outside
    their rows, not which row, nor how many rows the platform holds; that organisation's own
    auditor sees the row named."""
    theirs = AuditEvent.objects.filter(organisation=other_org).first()
    AuditEvent.objects.filter(pk=theirs.pk).update(data={"edited": True})

    response = get(client, staff["auditor"], verify="1")
    body = response.content.decode()

    assert response.context["verification"] == {
        "count": AuditEvent.objects.filter(organisation=org).count(), "problems": [], "elsewhere": 1}
    assert "The audit chain is broken in rows outside your organisation's." in body
    assert f"row {theirs.pk}" not in body
    assert "Chain intact" not in body

    outsider = make_user("nhri-auditor", other_org, Role.AUDITOR)
    theirs_page = get(client, outsider, verify="1")
    assert theirs_page.context["verification"]["problems"] == [
        f"row {theirs.pk}: content was changed after it was written"]
    assert theirs_page.context["verification"]["elsewhere"] == 0


def test_audit_page_verify_link_keeps_filters(client, staff, history):
    response = get(client, staff["auditor"], action="case.create", page="1")

    assert response.context["verify_url"] == f"{URL}?action=case.create&verify=1"


def test_audit_page_banner_names_tampered_row(client, staff, history, org):
    english(client).force_login(staff["auditor"])
    tampered = AuditEvent.objects.filter(organisation=org, action="case.assign").get()
    AuditEvent.objects.filter(pk=tampered.pk).update(data={"officer": 999})

    response = client.get(URL, {"verify": "1"})
    body = response.content.decode()

    assert response.context["verification"]["problems"] == [f"row {tampered.pk}: content was changed after it was written"]
    assert "The chain is broken: 1 problem found in" in body
    assert f"row {tampered.pk}: content was changed after it was written" in body


# --- query count -----------------------------------------------------------------------------------

def test_audit_page_query_count_constant_for_1_or_3_rows(client, staff, file_case):
    cases = [file_case(f"شكوى {i}")[0] for i in range(3)]
    english(client).force_login(staff["auditor"])
    assign_case(actor=staff["supervisor"], case=cases[0], officer=staff["officer"])
    with CaptureQueriesContext(connection) as one:
        response = client.get(URL, {"actor": "supervisor"})
    assert len(ids(response)) == 1
    assign_case(actor=staff["supervisor"], case=cases[1], officer=staff["officer2"])
    assign_case(actor=staff["supervisor"], case=cases[2], officer=staff["officer"])

    with CaptureQueriesContext(connection) as three:
        response = client.get(URL, {"actor": "supervisor"})

    assert len(ids(response)) == 3
    assert len(three.captured_queries) == len(one.captured_queries)
