"""Builders shared by the desk queue, notification and audit-page tests (no tests here)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from mizan.complaints.intake import clean_intake
from mizan.complaints.models import Category
from mizan.complaints.services import assign_case, submit_complaint, transition_case

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def english(client):
    """Read pages in English so assertions do not depend on the Arabic catalogue."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def refs(response) -> list[str]:
    return [case.reference for case in response.context["rows"]]


def counts(response) -> dict[str, int]:
    return {tab["view"]: tab["count"] for tab in response.context["tabs"]}


def file_other_org(other_org, narrative="احتجاز تعسفي في الرباط"):
    cleaned, errors = clean_intake(other_org, {"narrative": narrative, "categories": ["arbitrary_detention"],
                                               "anonymous": True})
    assert errors == {}
    return submit_complaint(organisation=other_org, channel="web", **cleaned)[0]


def build_queue(staff, file_case, places):
    """Six cases of `org` that fall into known tabs (today is the real date):

    mine       officer's case, under review, phone channel      -> mine, unit (hr)
    fresh      new, unassigned, in Giza                         -> unit, unassigned
    late       received 60 days ago at the Cairo prison         -> unit, unassigned, overdue
    urgent     critical, received today, a child               -> unit, unassigned, due soon
    prisons    sent to the prisons unit, prison-food category   -> unassigned
    withdrawn  withdrawn by the complainant's request           -> all only
    """
    food = Category.objects.create(code="prison_food", parent=Category.objects.get(code="detention_conditions"),
                                   label_ar="الغذاء في السجون", label_en="Food in prisons", label_fr="Nourriture")
    supervisor, officer = staff["supervisor"], staff["officer"]
    now = timezone.now()
    withdrawn, _ = file_case("أريد سحب الشكوى الخاصة بالكفالة", received_at=now - timedelta(days=3))
    transition_case(actor=officer, case=withdrawn, to="withdrawn")
    late, _ = file_case("منعوا الزيارة في مركز الإصلاح منذ شهرين", received_at=now - timedelta(days=60),
                        facility=str(places["prison"].pk), incident_date="2026-09-01")
    prisons, _ = file_case("الطعام في السجن غير صالح", categories=["prison_food"],
                           received_at=now - timedelta(hours=4))
    assign_case(actor=supervisor, case=prisons, unit=places["prisons"])
    fresh, _ = file_case("أوقفوني في كمين الجيزة وأخذوا هاتفي", governorate="giza", channel="phone",
                         received_at=now - timedelta(hours=3))
    urgent, _ = file_case("ابني القاصر محتجز الآن في القسم", urgency="critical", vulnerabilities=["child"],
                          received_at=now - timedelta(hours=2))
    mine, _ = file_case("تعرضت للضرب أثناء التحقيق معي", received_at=now - timedelta(hours=1))
    mine = assign_case(actor=supervisor, case=mine, officer=officer)
    mine = transition_case(actor=officer, case=mine, to="under_review")
    return {"mine": mine, "fresh": fresh, "late": late, "urgent": urgent, "prisons": prisons,
            "withdrawn": withdrawn, "food": food}
