"""The audit log's details in words: names, labels and allegation numbers, never raw ids."""

import re
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from mizan.accounts.models import Role
from mizan.audit.models import AuditEvent, record
from mizan.complaints.models import Category
from mizan.complaints.reveal import reveal_identity
from mizan.complaints.services import (
    Upload,
    add_allegation,
    assign_case,
    post_message,
    set_urgency,
    transition_case,
    update_allegation,
)
from tests.conftest import make_user
from tests.desk.test_case_support import PDF, english

URL = reverse("desk:audit")


@pytest.fixture
def khaled(org, places):
    user = make_user("k.hassan", org, Role.CASE_OFFICER, places["hr"])
    user.first_name, user.last_name = "Khaled", "Hassan"
    user.save(update_fields=["first_name", "last_name"])
    return user


def details(client, user, action, language="en"):
    """{row's action: [(key, value)]} of the page's rows for `action`, read in `language`."""
    client.force_login(user)
    with translation.override(language):
        response = client.get(URL, {"action": action})
        return [[(str(k), v) for k, v in row["data"]] for row in response.context["rows"]], response


def test_assignment_names_the_officer_and_the_unit(client, staff, file_case, khaled):
    case, _ = file_case()
    assign_case(actor=staff["supervisor"], case=case, officer=khaled)

    rows, response = details(english(client), staff["auditor"], "case.assign")

    assert rows == [[("Officer", "Khaled Hassan"), ("Unit", "Human-rights sector")]]
    html = response.content.decode()
    assert "k.hassan" not in html
    assert f">{khaled.pk}<" not in html


def test_allegations_are_named_by_their_number_within_the_case(client, staff, file_case):
    file_case("شكوى أخرى")  # its allegations take the first ids
    case, _ = file_case()
    added = add_allegation(actor=staff["officer"], case=case, category=Category.objects.get(code="privacy"))
    update_allegation(actor=staff["officer"], allegation=case.allegations.order_by("pk").first(),
                      category=Category.objects.get(code="due_process"))
    english(client)

    added_rows, _ = details(client, staff["auditor"], "allegation.add")
    changed_rows, _ = details(client, staff["auditor"], "allegation.change")

    assert added.pk > 3  # the other case's allegations came first: its id is not its number
    assert added_rows == [[("Allegation", "Allegation 3"), ("Category", "Privacy")]]
    assert changed_rows == [[("Allegation", "Allegation 1"), ("Category", "Due process and fair trial")]]


def test_steps_and_urgencies_read_as_their_labels(client, staff, file_case):
    case, _ = file_case()
    transition_case(actor=staff["supervisor"], case=case, to="under_review")
    set_urgency(actor=staff["supervisor"], case=case, urgency="critical")
    english(client)

    steps, _ = details(client, staff["auditor"], "case.transition")
    urgency, _ = details(client, staff["auditor"], "case.urgency")
    created, _ = details(client, staff["auditor"], "case.create")

    assert steps == [[("From", "Received"), ("To", "Under review"), ("Step", "Start review")]]
    assert urgency == [[("From", "Normal"), ("To", "Critical")]]
    assert created == [[("Anonymous", "No"), ("Channel", "Web portal")]]


def test_a_reveal_names_the_persons_by_their_role_and_keeps_the_reason(client, staff, file_case):
    case, _ = file_case()
    reveal_identity(actor=staff["officer"], case=case, reason="الاتصال بالشاكية")

    rows, _ = details(english(client), staff["auditor"], "identity.reveal")

    assert rows == [[("Persons involved", "Complainant"), ("Reason", "الاتصال بالشاكية")]]


def test_a_download_names_the_file_and_links_the_case(client, staff, file_case):
    case, _ = file_case()
    post_message(actor=staff["officer"], case=case, body="مرفق", internal=True, files=[Upload("محضر.pdf", PDF)])
    attachment = case.attachments.get()
    english(client).force_login(staff["supervisor"])
    assert client.get(reverse("desk:attachment", args=[case.reference, attachment.pk])).status_code == 200

    rows, response = details(client, staff["auditor"], "attachment.download")

    assert rows == [[("File", "محضر.pdf"), ("Case", case.reference)]]
    row = response.context["rows"][0]
    assert (row["reference"], row["target"]) == (case.reference, "محضر.pdf")
    html = response.content.decode()
    assert f'<a class="reference" href="{reverse("desk:case", args=[case.reference])}">{case.reference}</a>' in html
    assert "attachment #" not in html


def test_details_in_arabic(client, staff, file_case):
    case, _ = file_case()
    transition_case(actor=staff["supervisor"], case=case, to="under_review")

    rows, _ = details(client, staff["auditor"], "case.transition", language="ar")

    assert rows == [[("من", "مستلَمة"), ("إلى", "قيد الفحص"), ("الخطوة", "بدء الفحص")]]


def test_unknown_keys_are_kept_as_written(client, staff, org):
    AuditEvent.objects.create(organisation=org, actor=None, actor_label="system", action="something.new",
                              target_type="", target_id="", data={"rows": 12}, prev_hash="", hash="x")

    rows, _ = details(english(client), staff["auditor"], "something.new")

    assert rows == [[("rows", "12")]]


def test_page_shows_no_raw_action_code(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["auditor"])

    html = client.get(URL).content.decode()

    body = html[html.index("<tbody>"):html.index("</tbody>")]
    assert not re.search(r">\s*case\.create\s*<", body)
    assert "Complaint recorded" in body


def test_query_count_does_not_grow_with_the_kinds_of_details(client, staff, file_case, khaled):
    def history():
        case, _ = file_case()
        assign_case(actor=staff["supervisor"], case=case, officer=khaled)
        add_allegation(actor=staff["supervisor"], case=case, category=Category.objects.get(code="privacy"))
        transition_case(actor=staff["supervisor"], case=case, to="under_review")

    english(client).force_login(staff["auditor"])
    history()
    client.get(URL, {"actor": "supervisor"})  # warm up per-process caches
    with CaptureQueriesContext(connection) as one:
        response = client.get(URL, {"actor": "supervisor"})
    assert len(response.context["rows"]) == 3
    history()
    history()

    with CaptureQueriesContext(connection) as three:
        response = client.get(URL, {"actor": "supervisor"})

    assert len(response.context["rows"]) == 9
    assert len(three.captured_queries) == len(one.captured_queries)


def test_a_late_review_of_a_critical_urgency_says_since_when_in_words(client, staff, file_case, org):
    case, _ = file_case()
    since = timezone.make_aware(datetime(2026, 12, 6, 22, 15))
    record(action="case.critical_review_overdue", organisation=org, actor_label="system", target=case,
           data={"since": since.isoformat(), "hours": 4})

    rows, _ = details(english(client), staff["auditor"], "case.critical_review_overdue")

    assert rows == [[("Review time (hours)", "4"), ("Waiting since", "6 December 2026 22:15")]]
