"""The dashboard tests' data set, built through the domain functions; its figures are known
exactly. The test modules that use `dataset` take it from here (it is not in conftest.py).

Period: the last 100 days (`PERIOD_DAYS`). Today is the real date (the domain functions stamp
their actions with the real time), so the cases are placed relative to it:

case       received      categories (allegations)                 place            channel  groups        what happens
fresh      1 day ago     torture ×2, arbitrary_detention           Giza             web      child         taken, resolved now: substantiated / partly / not substantiated (on time)
late       80 days ago   torture                                   Cairo prison     phone    -             taken, resolved now: mediation (both deadlines missed)
stale      60 days ago   due_process                               Dokki station    web      woman         never touched: open, overdue
new        2 hours ago   detention_conditions, torture             -                web      woman, child  untouched, not yet due
withdrawn  2 days ago    police_conduct                            -                letter   -             withdrawn by the officer now
last_year  370 days ago  torture                                   -                web      -             outside the period: the trend's "a year earlier"
theirs     (other_org)   arbitrary_detention, 1 day ago                                                      never counted for `org`
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from mizan.complaints.intake import clean_intake
from mizan.complaints.models import Category
from mizan.complaints.services import add_allegation, assign_case, submit_complaint, transition_case
from mizan.reports.statistics import Period

PERIOD_DAYS = 100


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def period() -> Period:
    today = timezone.localdate()
    return Period(today - timedelta(days=PERIOD_DAYS), today)


def _resolve(case, officer, findings: dict[str, list[str]]):
    """Take `case` through review and investigation to "resolved", with the findings given per
    category code, in the order the allegations were made."""
    case = transition_case(actor=officer, case=case, to="under_review")
    case = transition_case(actor=officer, case=case, to="in_progress")
    left = {code: list(values) for code, values in findings.items()}
    chosen = {a.pk: {"finding": left[a.category.code].pop(0)}
              for a in case.allegations.select_related("category").order_by("id")}
    return transition_case(actor=officer, case=case, to="resolved", note="تم التحقيق", findings=chosen)


@pytest.fixture
def dataset(staff, file_case, places, other_org):
    now = timezone.now()
    officer, supervisor = staff["officer"], staff["supervisor"]

    fresh, _ = file_case("ضربوني في الجيزة", received_at=now - timedelta(days=1), governorate="giza",
                         vulnerabilities=["child"], categories=["torture", "arbitrary_detention"])
    assign_case(actor=supervisor, case=fresh, officer=officer)
    add_allegation(actor=officer, case=fresh, category=Category.objects.get(code="torture"), summary="مرة ثانية")
    fresh = _resolve(fresh, officer, {"torture": ["substantiated", "partly_substantiated"],
                                      "arbitrary_detention": ["not_substantiated"]})

    late, _ = file_case("في سجن القاهرة", received_at=now - timedelta(days=80), channel="phone",
                        facility=str(places["prison"].pk), categories=["torture"], incident_date="")
    late = _resolve(late, officer, {"torture": ["mediation"]})

    stale, _ = file_case("لم يعرضوني على النيابة", received_at=now - timedelta(days=60),
                         facility=str(places["station"].pk), vulnerabilities=["woman"], categories=["due_process"],
                         incident_date="")
    new, _ = file_case("الزيارة ممنوعة", received_at=now - timedelta(hours=2), vulnerabilities=["woman", "child"],
                       categories=["detention_conditions", "torture"])
    withdrawn, _ = file_case("رفضوا تحرير محضر", received_at=now - timedelta(days=2), channel="letter",
                             categories=["police_conduct"])
    withdrawn = transition_case(actor=officer, case=withdrawn, to="withdrawn")
    last_year, _ = file_case("قديمة", received_at=now - timedelta(days=370), categories=["torture"], incident_date="")

    cleaned, errors = clean_intake(other_org, {"narrative": "احتجاز تعسفي في الرباط", "categories": ["arbitrary_detention"],
                                               "anonymous": True})
    assert errors == {}
    theirs, _ = submit_complaint(organisation=other_org, channel="web", received_at=now - timedelta(days=1), **cleaned)
    return {"fresh": fresh, "late": late, "stale": stale, "new": new, "withdrawn": withdrawn,
            "last_year": last_year, "theirs": theirs}
