"""The notifications page: own notifications only, newest first, mark one or all read."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mizan.complaints.models import Case, Notification
from mizan.complaints.services import assign_case, flag_critical_reviews
from tests.triage.urgency_support import TORTURE

from .test_queue_support import english

URL = reverse("desk:notifications")
READ_ALL = reverse("desk:notifications_read_all")


def open_url(notification):
    return reverse("desk:notification_open", args=[notification.pk])


@pytest.fixture
def assigned(staff, file_case):
    """Two cases assigned to `officer`: each filing notifies the unit ("new_case"), each
    assignment notifies the officer ("assigned") — four notifications for `officer`."""
    first, _ = file_case("الأولى")
    second, _ = file_case("الثانية")
    assign_case(actor=staff["supervisor"], case=first, officer=staff["officer"])
    assign_case(actor=staff["supervisor"], case=second, officer=staff["officer"])
    return first, second


def unread(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def test_notifications_lists_own_newest_first_with_unread_marked(client, staff, assigned):
    first, second = assigned
    english(client).force_login(staff["officer"])

    response = client.get(URL)
    body = response.content.decode()

    assert response.status_code == 200
    assert [(n.kind, n.case.reference) for n in response.context["rows"]] == [
        ("assigned", second.reference), ("assigned", first.reference),
        ("new_case", second.reference), ("new_case", first.reference)]
    assert body.count('<span class="badge badge-high">Unread</span>') == 4
    assert f"Complaint {second.reference} was assigned to you." in body
    assert all(n.user == staff["officer"] for n in response.context["rows"])


def test_notifications_of_others_never_listed(client, staff, assigned, other_org):
    english(client).force_login(staff["outsider"])

    response = client.get(URL)

    assert response.context["rows"] == []
    assert "You have no notifications." in response.content.decode()


def test_notifications_mark_all_read_touches_only_own(client, staff, assigned):
    english(client).force_login(staff["officer"])
    others_before = unread(staff["supervisor"])

    response = client.post(READ_ALL)

    assert response.status_code == 302
    assert response.url == URL
    assert unread(staff["officer"]) == 0
    assert unread(staff["supervisor"]) == others_before == 2
    page = client.get(URL).content.decode()
    assert "Unread" not in page
    assert "All notifications are marked as read." in page


def test_notifications_mark_all_read_needs_post(client, staff, assigned):
    english(client).force_login(staff["officer"])

    response = client.get(READ_ALL)

    assert response.status_code == 405
    assert unread(staff["officer"]) == 4


def test_notifications_open_marks_one_read_and_goes_to_case(client, staff, assigned):
    first, _ = assigned
    notification = Notification.objects.get(user=staff["officer"], case=first, kind="assigned")
    english(client).force_login(staff["officer"])

    response = client.post(open_url(notification))

    assert response.status_code == 302
    assert response.url == reverse("desk:case", args=[first.reference])
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert unread(staff["officer"]) == 3


def test_notifications_open_someone_elses_is_404_and_changes_nothing(client, staff, assigned):
    theirs = Notification.objects.filter(user=staff["supervisor"]).first()
    english(client).force_login(staff["officer"])

    response = client.post(open_url(theirs))

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_notifications_open_needs_post(client, staff, assigned):
    notification = Notification.objects.filter(user=staff["officer"]).first()
    english(client).force_login(staff["officer"])

    response = client.get(open_url(notification))

    assert response.status_code == 405
    notification.refresh_from_db()
    assert notification.read_at is None


def test_notifications_reopening_keeps_first_read_time(client, staff, assigned):
    notification = Notification.objects.filter(user=staff["officer"]).first()
    english(client).force_login(staff["officer"])
    client.post(open_url(notification))
    notification.refresh_from_db()
    first_read = notification.read_at

    client.post(open_url(notification))

    notification.refresh_from_db()
    assert notification.read_at == first_read


@pytest.mark.parametrize("who", ["intake", "officer", "supervisor", "analyst", "auditor", "admin", "outsider"])
def test_notifications_page_renders_for_every_role(client, staff, who):
    english(client).force_login(staff[who])

    assert client.get(URL).status_code == 200


def test_notifications_analyst_gets_no_case_links(client, staff, file_case):
    case, _ = file_case()
    note = Notification.objects.create(user=staff["analyst"], case=case, kind="new_case",
                                       data={"reference": case.reference})
    english(client).force_login(staff["analyst"])

    page = client.get(URL).content.decode()
    opened = client.post(open_url(note))

    assert reverse("desk:case", args=[case.reference]) not in page
    assert open_url(note) not in page
    assert opened.url == URL


def test_notifications_404_without_membership(client, db):
    user = get_user_model().objects.create_user("nomember", password="x" * 20)
    client.force_login(user)

    assert client.get(URL).status_code == 404
    assert client.post(READ_ALL).status_code == 404


def test_notifications_paginated(client, staff, file_case):
    case, _ = file_case()
    Notification.objects.filter(user=staff["officer2"]).delete()
    start = timezone.now() - timedelta(days=1)
    Notification.objects.bulk_create([
        Notification(user=staff["officer2"], case=case, kind="message_in", data={"reference": case.reference},
                     created_at=start + timedelta(minutes=i)) for i in range(51)])
    english(client).force_login(staff["officer2"])

    first = client.get(URL)
    second = client.get(URL, {"page": 2})

    assert len(first.context["rows"]) == 50
    assert [n.created_at for n in second.context["rows"]] == [start]
    assert 'href="?page=2"' in first.content.decode()


def test_notifications_query_count_constant_for_1_or_3_rows(client, staff, file_case):
    english(client).force_login(staff["officer2"])
    first, _ = file_case("الأولى")
    Notification.objects.filter(user=staff["officer2"]).delete()
    Notification.objects.create(user=staff["officer2"], case=first, kind="message_in", data={"reference": first.reference})
    with CaptureQueriesContext(connection) as one:
        client.get(URL)
    for narrative in ("الثانية", "الثالثة"):
        case, _ = file_case(narrative)
        Notification.objects.filter(user=staff["officer2"], case=case).delete()
        Notification.objects.create(user=staff["officer2"], case=case, kind="assigned", data={"reference": case.reference})

    with CaptureQueriesContext(connection) as three:
        response = client.get(URL)

    assert len(response.context["rows"]) == 3
    assert len(three.captured_queries) == len(one.captured_queries)


# --- a suggested critical urgency ----------------------------------------------------------------

@pytest.fixture
def alarmed(staff, file_case, django_capture_on_commit_callbacks):
    """A complaint triage finds critical (the supervisor is alerted), left undecided for five hours
    (the supervisor is alerted again)."""
    with django_capture_on_commit_callbacks(execute=True):
        case, _ = file_case(TORTURE, categories=[], anonymous=True, complainant={})
    Case.objects.filter(pk=case.pk).update(suggested_urgency_at=timezone.now() - timedelta(hours=5))
    assert flag_critical_reviews() == 1
    return case


@pytest.mark.parametrize(("language", "alert", "overdue", "badge"), [
    ("en", "Triage suggests critical urgency for complaint {ref}: Torture or beatings said to be happening now. "
           "Accept or reject it within 4 hours.",
     "The critical urgency suggested for complaint {ref} has waited more than 4 hours for a decision.", "Critical"),
    ("fr", "Le tri suggère un degré d&#x27;urgence critique pour la plainte {ref} : Torture ou coups qui se "
           "poursuivraient en ce moment. Acceptez ou rejetez la suggestion dans un délai de 4 heures.",
     "Le degré d&#x27;urgence critique suggéré pour la plainte {ref} attend une décision depuis plus de 4 heures.",
     "Critique"),
    ("ar", "يقترح الفرز درجة استعجال حرجة للشكوى {ref}: تعذيب أو ضرب يُقال إنه مستمر الآن. "
           "اقبل الاقتراح أو ارفضه خلال 4 ساعات.",
     "تنتظر درجة الاستعجال الحرجة المقترحة للشكوى {ref} قرارًا منذ أكثر من 4 ساعات.", "حرجة"),
])
def test_notifications_of_a_suggested_critical_urgency_read_as_words(client, staff, alarmed, language, alert,
                                                                     overdue, badge):
    client.cookies["mizan_language"] = language
    client.force_login(staff["supervisor"])

    response = client.get(URL)
    body = response.content.decode()

    assert [n.kind for n in response.context["rows"]] == ["critical_review_overdue", "critical_suggested", "new_case"]
    assert f"<strong>{alert.format(ref=alarmed.reference)}</strong>" in body
    assert f"<strong>{overdue.format(ref=alarmed.reference)}</strong>" in body
    assert body.count(f'<span class="badge badge-critical">{badge}</span>') == 2
    assert "critical_suggested" not in body and "critical_review_overdue" not in body


def test_notifications_of_a_suggested_critical_urgency_are_the_supervisors_only(client, staff, alarmed):
    for who in ("officer", "intake", "outsider"):
        english(client).force_login(staff[who])

        rows = client.get(URL).context["rows"]

        assert [n.kind for n in rows if n.is_critical] == [], who
