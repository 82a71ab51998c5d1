"""Reminders before and after due dates (MIZAN_FOLLOWUP_REMIND_DAYS, 14 by default): once each, to the
lead unit's supervisors and the follow-up officers, as a desk notification and an e-mail in the
recipient's language; never for what is closed."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from mizan.accounts.models import Membership, Role
from mizan.complaints.models import Notification
from mizan.followup import reminders, services
from mizan.followup.models import (
    Goal,
    Indicator,
    IndicatorValue,
    Measure,
    Phase,
    ReminderSent,
    ResponsibleBody,
    Strategy,
)
from mizan.followup.tasks_reminders import sweep_followup_reminders
from tests.conftest import make_user

DUE = date(2027, 6, 30)
TEXT = "ضمان خضوع كل من يرتكب أفعال تعذيب للتحقيق والملاحقة القضائية"


@pytest.fixture
def people(followup_staff, org, places):
    """Who hears of org's reminders: the follow-up officer (Arabic, the default) and the hr unit's
    supervisor; `sami` supervises another unit (not reminded) and reads French, the officer English."""
    Membership.objects.filter(user=followup_staff["followup"]).update(language="en")
    followup_staff["followup"].email = "followup@example.org"
    followup_staff["followup"].save()
    sami = make_user("sami", org, Role.SUPERVISOR, places["prisons"], email="sami@example.org")
    Membership.objects.filter(user=sami).update(language="fr")
    return {**followup_staff, "sami": sami}


@pytest.fixture
def recommendation(people, cat_source, places):
    rec = services.create_recommendation(actor=people["followup"], source=cat_source, text=TEXT,
                                         symbol="CAT/C/EGY/CO/5", paragraph="12", due_on=DUE)
    ResponsibleBody.objects.create(recommendation=rec, role="lead", unit=places["hr"])
    return rec


@pytest.fixture
def plan(org):
    strategy = Strategy.objects.create(organisation=org, title_ar="الخطة المرحلية الأولى", title_en="First phased plan")
    phase = Phase.objects.create(strategy=strategy, number=1, title_ar="المرحلة الأولى", starts_on=date(2026, 1, 1))
    return Goal.objects.create(phase=phase, number=1, title_ar="الهدف الأول")


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    """Run the sweep on `day`, then its on-commit callbacks (the e-mails); returns how many it wrote."""
    def run(day):
        with django_capture_on_commit_callbacks(execute=True):
            return reminders.send_reminders(today=day)
    return run


def notes(kind=None):
    rows = Notification.objects.filter(case__isnull=True).order_by("user__username")
    if kind:
        rows = rows.filter(kind=kind)
    return [(n.user.username, n.kind, n.target, n.target_id) for n in rows.select_related("user")]


def test_a_recommendation_is_reminded_once_before_and_once_after_its_due_date(recommendation, people, sweep):
    key = ("followup.recommendation", recommendation.pk)

    assert sweep(DUE - timedelta(days=15)) == 0  # not yet: 14 days before at the earliest
    assert sweep(DUE - timedelta(days=14)) == 2
    assert notes() == [("followup", "followup_due_soon", *key), ("supervisor", "followup_due_soon", *key)]
    assert sweep(DUE - timedelta(days=14)) == 0  # never twice
    assert sweep(DUE) == 0  # the day itself: already reminded
    assert sweep(DUE + timedelta(days=1)) == 2  # the day after it passes
    assert notes("followup_overdue") == [("followup", "followup_overdue", *key),
                                         ("supervisor", "followup_overdue", *key)]
    assert sweep(DUE + timedelta(days=2)) == 0
    assert sweep(DUE + timedelta(days=15)) == 0
    assert list(ReminderSent.objects.order_by("stage").values_list("subject", "subject_id", "due_on", "stage")) == [
        ("recommendation", recommendation.pk, DUE, "after"), ("recommendation", recommendation.pk, DUE, "before")]


def test_reminders_are_worded_and_mailed_in_each_recipients_language(recommendation, people, sweep):
    sweep(DUE - timedelta(days=3))
    with translation.override("ar"):
        reference = recommendation.reference  # "para." in Arabic
    arabic = f"موعد تنفيذ التوصية «{reference}» هو 30 يونيو 2027: أبلغ عن التقدّم المحرز فيها."

    mails = {m.to[0]: (m.subject, m.body) for m in mail.outbox}
    assert mails == {
        "followup@example.org": (
            "[Mizan] The recommendation “CAT/C/EGY/CO/5, para. 12” is due on 30 June 2027: report its progress.",
            "The recommendation “CAT/C/EGY/CO/5, para. 12” is due on 30 June 2027: report its progress."),
        "sup@example.org": (f"[Mizan] {arabic}", arabic),
    }
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0


def test_nothing_is_sent_for_what_is_closed(recommendation, people, plan, org, sweep):
    services.set_recommendation_status(actor=people["followup"], recommendation=recommendation, status="implemented")
    Measure.objects.create(goal=plan, organisation=org, number=1, title_ar="إجراء منجز", due_on=DUE,
                           status="completed")
    Measure.objects.create(goal=plan, organisation=org, number=2, title_ar="إجراء ملغى", due_on=DUE,
                           status="cancelled")

    assert sweep(DUE - timedelta(days=1)) == 0
    assert sweep(DUE + timedelta(days=1)) == 0
    assert not ReminderSent.objects.exists()


def test_a_measure_is_reminded_to_its_lead_units_supervisors_and_the_officers(people, plan, org, places, sweep):
    measure = Measure.objects.create(goal=plan, organisation=org, number=1, title_ar="تدريب الضباط",
                                     title_en="Training of officers", lead_unit=places["prisons"], due_on=DUE)

    assert sweep(DUE - timedelta(days=1)) == 2

    assert notes() == [("followup", "followup_due_soon", "followup.measure", measure.pk),
                       ("sami", "followup_due_soon", "followup.measure", measure.pk)]
    mails = {m.to[0]: m.body for m in mail.outbox}
    assert mails["followup@example.org"] == "The measure “Training of officers” is due on 30 June 2027."
    assert mails["sami@example.org"] == "La mesure « تدريب الضباط » doit être achevée le 30 juin 2027."


def test_a_reported_indicator_is_reminded_of_its_next_value_until_it_is_entered(people, plan, org, sweep):
    measure = Measure.objects.create(goal=plan, organisation=org, number=1, title_ar="تدريب الضباط")
    indicator = Indicator.objects.create(organisation=org, measure=measure, name_ar="عدد الضباط المدربين",
                                         name_en="Officers trained", frequency="quarterly",
                                         baseline_on=date(2026, 12, 31))
    Indicator.objects.create(organisation=org, name_ar="محسوب", kind="computed", definition="received",
                             frequency="quarterly")  # computed: Mizan counts it, nobody is reminded

    assert sweep(date(2027, 3, 16)) == 0  # the first quarter of 2027 ends on 31 March: 15 days ahead
    assert sweep(date(2027, 3, 17)) == 1  # nobody leads the measure: the follow-up officer only
    assert notes() == [("followup", "followup_due_soon", "followup.indicator", indicator.pk)]
    IndicatorValue.objects.create(indicator=indicator, period_start=date(2027, 1, 1), period_end=date(2027, 3, 31),
                                  value=Decimal(12))
    assert sweep(date(2027, 4, 1)) == 0  # entered: nothing overdue
    assert sweep(date(2027, 6, 20)) == 1  # the second quarter's value
    assert sweep(date(2027, 7, 1)) == 1  # and, not entered, once again the day after
    assert mail.outbox[-1].body == "The indicator “Officers trained” still has no value for the period ending 30 June 2027."
    assert sweep(date(2027, 7, 2)) == 0


def test_members_are_reminded_of_a_secretariats_recommendation_by_their_own_status(followup_staff, conference,
                                                                                   org, other_org, sweep):
    rec = services.create_recommendation(actor=followup_staff["sec"], source=conference, text=TEXT, due_on=DUE,
                                         addressees=[org, other_org])
    services.set_recommendation_status(actor=followup_staff["nhri_followup"], recommendation=rec, status="implemented")

    assert sweep(DUE - timedelta(days=2)) == 1

    assert notes() == [("followup", "followup_due_soon", "followup.recommendation", rec.pk)]  # not nhri, not sec


def test_the_desk_lists_a_reminder_in_words_and_opens_its_record(client, recommendation, people, sweep):
    sweep(DUE + timedelta(days=1))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(people["supervisor"])

    body = client.get(reverse("desk:notifications")).content.decode()
    note = Notification.objects.get(user=people["supervisor"])

    assert "The recommendation “CAT/C/EGY/CO/5, para. 12” was due on 30 June 2027 and is still open." in body
    assert "Recommendation: CAT/C/EGY/CO/5, para. 12" in body
    response = client.post(reverse("desk:notification_open", args=[note.pk]))
    assert response.status_code == 302
    assert response.url == reverse("followup:recommendation", args=[recommendation.pk])
    assert Notification.objects.get(pk=note.pk).read_at is not None


def test_the_follow_up_officer_reads_reminders_without_the_note_about_cases(client, recommendation, people, sweep):
    sweep(DUE)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(people["followup"])

    body = client.get(reverse("desk:notifications")).content.decode()

    assert "is due on 30 June 2027" in body
    assert "it does not open individual cases" not in body


def test_the_notifications_page_reads_the_same_number_of_queries_for_one_reminder_or_three(client, people, plan,
                                                                                           org, sweep):
    client.force_login(people["followup"])

    def count(n, day):
        for number in range(1, n + 1):
            Measure.objects.get_or_create(goal=plan, organisation=org, number=number,
                                          defaults={"title_ar": f"إجراء {number}", "due_on": day})
        sweep(day)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("desk:notifications"))
        return len(queries), len(response.context["rows"])

    one = count(1, DUE)
    three = count(3, DUE)
    assert (one[1], three[1]) == (1, 3)
    assert one[0] == three[0]


def test_the_worker_task_sweeps(recommendation, people, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(reminders.timezone, "localdate", lambda *args: DUE - timedelta(days=1))

    with django_capture_on_commit_callbacks(execute=True):
        sent = sweep_followup_reminders.call()

    assert sent == 2
    assert len(notes()) == 2
