"""The second-person approval of identity reveals, through the desk: ask, decide, reveal once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mizan.audit.models import AuditEvent
from mizan.complaints import reveal
from mizan.complaints.models import RevealRequest
from tests.desk.test_case_support import NAME, english, page

LIST = "/desk/reveal-requests/"


@pytest.fixture
def guarded(org):
    org.identity_reveal_needs_approval = True
    org.save(update_fields=["identity_reveal_needs_approval"])
    return org


def ask(client, case, reason="الاتصال بالشاكية لتحديد موعد"):
    return client.post(reverse("desk:case_reveal_request", args=[case.reference]), {"reason": reason})


def decide(client, req, decision, reason="طلب مبرر"):
    return client.post(reverse("desk:reveal_decide", args=[req.pk]), {"decision": decision, "reason": reason})


def do_reveal(client, case, **data):
    return client.post(reverse("desk:case_reveal", args=[case.reference]), data)


def identity_actions(case) -> list[str]:
    return list(AuditEvent.objects.filter(target_type="case", target_id=str(case.pk), action__startswith="identity.")
                .order_by("id").values_list("action", flat=True))


def state(req) -> tuple:
    req.refresh_from_db()
    return req.status, req.approver_id, req.decision_reason


def test_reveal_requests_whole_flow_request_approve_reveal_once(client, staff, guarded, file_case):
    case, _ = file_case()
    officer, supervisor = staff["officer"], staff["supervisor"]
    english(client).force_login(officer)

    html = client.get(page(case)).content.decode()
    assert reverse("desk:case_reveal_request", args=[case.reference]) in html
    assert "Ask for access" in html
    assert f'action="{reverse("desk:case_reveal", args=[case.reference])}#persons"' not in html

    refused = do_reveal(client, case, reason="أحتاج الاسم")
    assert refused.status_code == 403
    assert "requires a second person&#x27;s approval" in refused.content.decode()
    assert identity_actions(case) == []

    response = ask(client, case)
    assert response.status_code == 303
    req = RevealRequest.objects.get(case=case)
    assert (req.requester, req.status, req.reason) == (officer, "pending", "الاتصال بالشاكية لتحديد موعد")
    html = client.get(page(case)).content.decode()
    assert 'id="reveal-pending"' in html
    assert "Your request is waiting for a second person's approval." in html
    assert "Ask for access" not in html
    assert ask(client, case).status_code == 409
    assert RevealRequest.objects.filter(case=case).count() == 1

    client.force_login(supervisor)
    listing = client.get(LIST)
    html = listing.content.decode()
    assert listing.status_code == 200
    assert f'<a class="reference" href="{page(case)}">{case.reference}</a>' in html
    assert '<td dir="auto">Officer</td>' in html
    assert '<td dir="auto">الاتصال بالشاكية لتحديد موعد</td>' in html
    assert f'action="{reverse("desk:reveal_decide", args=[req.pk])}"' in html
    assert f'href="{LIST}" aria-current="page">Identity requests <span class="badge badge-high">1</span></a>' in html
    assert 'id="reveal-to-decide"' in client.get(page(case)).content.decode()

    assert decide(client, req, "approve", reason="حالة طبية عاجلة").status_code == 303
    assert state(req) == ("approved", supervisor.pk, "حالة طبية عاجلة")
    assert "No request is waiting for your decision." in client.get(LIST).content.decode()

    client.force_login(officer)
    html = client.get(page(case)).content.decode()
    assert 'id="reveal-approved"' in html
    assert NAME not in html
    shown = do_reveal(client, case)
    assert shown.status_code == 200
    assert f'<span dir="auto">{NAME}</span>' in shown.content.decode()
    req.refresh_from_db()
    assert req.status == "used"
    reveal_row = AuditEvent.objects.get(action="identity.reveal")
    assert reveal_row.data == {"persons": [case.persons.get().pk], "reason": "الاتصال بالشاكية لتحديد موعد",
                               "request": req.pk}

    again = do_reveal(client, case)
    assert again.status_code == 403
    assert NAME not in again.content.decode()
    assert identity_actions(case) == ["identity.reveal_request", "identity.reveal_approve", "identity.reveal"]
    assert "Ask for access" in client.get(page(case)).content.decode()


def test_reveal_requests_refuse_path(client, staff, guarded, file_case):
    case, _ = file_case()
    english(client).force_login(staff["officer"])
    ask(client, case)
    req = RevealRequest.objects.get(case=case)

    client.force_login(staff["admin"])
    assert decide(client, req, "refuse", reason="السبب غير كاف").status_code == 303
    assert state(req) == ("refused", staff["admin"].pk, "السبب غير كاف")

    client.force_login(staff["officer"])
    response = do_reveal(client, case)
    assert response.status_code == 403
    assert NAME not in response.content.decode()
    assert identity_actions(case) == ["identity.reveal_request", "identity.reveal_refuse"]
    assert "Ask for access" in client.get(page(case)).content.decode()


def test_reveal_requests_decision_needs_a_reason_and_a_choice(client, staff, guarded, file_case):
    case, _ = file_case()
    english(client).force_login(staff["officer"])
    ask(client, case)
    req = RevealRequest.objects.get(case=case)
    client.force_login(staff["supervisor"])

    no_reason = decide(client, req, "approve", reason="  ")
    no_choice = decide(client, req, "maybe")

    assert no_reason.status_code == 400
    assert (f'<a href="#field-decide-{req.pk}-reason">Give the reason for your decision. '
            "It is kept in the audit log.</a>") in no_reason.content.decode()
    assert no_choice.status_code == 400
    assert "Choose whether you approve or refuse the request." in no_choice.content.decode()
    assert state(req) == ("pending", None, "")
    assert identity_actions(case) == ["identity.reveal_request"]


def test_reveal_requests_requester_cannot_approve_self(client, staff, guarded, file_case):
    case, _ = file_case()
    supervisor = staff["supervisor"]
    english(client).force_login(supervisor)
    ask(client, case)
    req = RevealRequest.objects.get(case=case)

    html = client.get(LIST).content.decode()
    response = decide(client, req, "approve", reason="أنا")

    assert f"{case.reference}</a>" not in html
    assert response.status_code == 403
    assert "You cannot decide on your own request" in response.content.decode()
    assert state(req) == ("pending", None, "")
    assert identity_actions(case) == ["identity.reveal_request"]
    client.force_login(staff["admin"])
    assert f"{case.reference}</a>" in client.get(LIST).content.decode()


def test_reveal_requests_outsider_gets_404_and_changes_nothing(client, staff, guarded, file_case):
    case, _ = file_case()
    english(client).force_login(staff["officer"])
    ask(client, case)
    req = RevealRequest.objects.get(case=case)

    client.force_login(staff["outsider"])
    listing = client.get(LIST)

    assert listing.status_code == 200
    assert case.reference not in listing.content.decode()
    assert decide(client, req, "approve").status_code == 404
    assert ask(client, case).status_code == 404
    assert do_reveal(client, case).status_code == 404
    assert state(req) == ("pending", None, "")
    assert RevealRequest.objects.count() == 1
    assert identity_actions(case) == ["identity.reveal_request"]


@pytest.mark.parametrize("persona", ["analyst", "auditor", "officer2", "intake"])
def test_reveal_requests_roles_without_the_right_cannot_decide(client, staff, guarded, file_case, persona):
    case, _ = file_case()
    english(client).force_login(staff["officer"])
    ask(client, case)
    req = RevealRequest.objects.get(case=case)

    client.force_login(staff[persona])

    assert client.get(LIST).status_code == 404
    assert decide(client, req, "approve").status_code == 404
    assert state(req) == ("pending", None, "")
    assert identity_actions(case) == ["identity.reveal_request"]


@pytest.mark.parametrize("persona", ["officer2", "auditor"])
def test_reveal_requests_asking_needs_the_right_to_reveal(client, staff, guarded, file_case, persona):
    case, _ = file_case()
    english(client).force_login(staff[persona])

    response = ask(client, case)

    assert response.status_code == 403
    assert "You are not allowed to see identities." in response.content.decode()
    assert RevealRequest.objects.count() == 0
    assert identity_actions(case) == []


def test_reveal_requests_setting_off_keeps_the_direct_reveal(client, staff, file_case):
    case, _ = file_case()
    english(client).force_login(staff["officer"])

    html = client.get(page(case)).content.decode()
    asked = ask(client, case)
    shown = do_reveal(client, case, reason="التواصل مع الشاكية")

    assert f'action="{reverse("desk:case_reveal", args=[case.reference])}#persons"' in html
    assert "Reason for revealing" in html
    assert "Ask for access" not in html
    assert asked.status_code == 409
    assert RevealRequest.objects.count() == 0
    assert shown.status_code == 200
    assert f'<span dir="auto">{NAME}</span>' in shown.content.decode()
    assert identity_actions(case) == ["identity.reveal"]
    client.force_login(staff["supervisor"])
    assert "Identity requests" not in client.get(page(case)).content.decode()


def test_reveal_requests_audit_page_labels_the_new_actions(client, staff, guarded, file_case):
    case, _ = file_case()
    english(client).force_login(staff["officer"])
    ask(client, case)
    client.force_login(staff["supervisor"])
    decide(client, RevealRequest.objects.get(case=case), "refuse", reason="لا")
    ask_again = staff["officer"]
    client.force_login(ask_again)
    ask(client, case)
    client.force_login(staff["admin"])
    decide(client, RevealRequest.objects.get(case=case, status="pending"), "approve")

    client.force_login(staff["auditor"])
    html = client.get(reverse("desk:audit")).content.decode()

    assert "Access to identities requested" in html
    assert "Access to identities approved" in html
    assert "Access to identities refused" in html


def test_reveal_requests_list_query_count_is_constant(client, staff, guarded, file_case):
    cases = [file_case()[0] for _ in range(3)]
    officer = staff["officer"]
    reveal.request_reveal(actor=officer, case=cases[0], reason="الأول")
    english(client).force_login(staff["supervisor"])
    client.get(LIST)  # warm up the session and caches

    with CaptureQueriesContext(connection) as one:
        first = client.get(LIST)
    for case in cases[1:]:
        reveal.request_reveal(actor=officer, case=case, reason="التالي")
    with CaptureQueriesContext(connection) as three:
        second = client.get(LIST)

    assert first.content.decode().count('name="decision" value="approve"') == 1
    assert second.content.decode().count('name="decision" value="approve"') == 3
    assert len(three.captured_queries) == len(one.captured_queries)
