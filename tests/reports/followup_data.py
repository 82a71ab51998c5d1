"""The follow-up dashboard's data set, built through the follow-up's domain functions; its figures
are known exactly. Test modules take the fixtures from here (`from .followup_data import *`).

`org` (a ministry) follows 6 recommendations of its own and 2 a regional secretariat addressed to
it (and to `other_org`):

rec  source (kind)             themes                 lead body        org's status
r1   CAT (treaty body)         torture                hr (unit)        implemented
r2   CAT                       torture, due_process   prosecution      in progress
r3   CAT                       detention_conditions   hr               not started
r4   UPR (upr)                 women                  prisons (unit)   partly implemented
r5   UPR                       torture                -                not implemented
r6   UPR                       -                      -                no longer relevant
c1   conference (secretariat)  torture                -                in progress (its own, internal)
c2   conference                police_conduct         -                not started

other_org shares "implemented" on c1 with the secretariat and keeps "partly implemented" on c2
internal. The plan (phase 1: m1 completed answering r1 r2, m2 delayed and overdue answering r2 c1;
phase 2: m3 in progress answering r4, m4 planned and overdue). Indicators: a reported one
(baseline 20, target 80; 35 in 2024, 50 in 2025) and one with no value. Status changes are
dated by the domain functions (now); `back_date` moves the ones a test needs into the past.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from mizan.complaints.models import Category
from mizan.complaints.services import Upload
from mizan.followup import indicators, plans, progress, services
from mizan.followup.models import ExternalBody, SourceKind, StatusChange
from tests.followup.conftest import (  # noqa: F401 (fixtures)
    cat_source,
    conference,
    followup_staff,
    prosecution,
    secretariat,
)

PDF = b"%PDF-1.4\n% evidence\n"


def themes(*codes):
    return list(Category.objects.filter(code__in=codes))


def back_date(rows, day: date) -> None:
    """Move status history rows to 10:00 on `day` (the domain functions stamp them now)."""
    at = timezone.make_aware(timezone.datetime(day.year, day.month, day.day, 10))
    StatusChange.objects.filter(pk__in=[row.pk for row in rows]).update(at=at)


@pytest.fixture
def followup_data(followup_staff, places, cat_source, conference, org, other_org):  # noqa: F811 (fixtures)
    officer, sec, nhri = followup_staff["followup"], followup_staff["sec"], followup_staff["nhri_followup"]
    hr, prisons = places["hr"], places["prisons"]
    prosecution_ = ExternalBody.objects.create(organisation=org, kind="judiciary", name_ar="النيابة العامة",
                                               name_en="Public prosecution", name_fr="Parquet")
    upr = services.create_source(actor=officer, kind=SourceKind.UPR, title_ar="الاستعراض الدوري الشامل - الجولة الرابعة",
                                 title_en="Universal Periodic Review, fourth cycle", date=date(2024, 11, 1),
                                 upr_cycle=4, upr_session=47)

    def rec(source, text, paragraph, theme_codes, bodies=(), **fields):
        # Publishing is a supervisor's decision (`publish_followup`); the officer records the rest.
        actor = followup_staff["supervisor"] if fields.get("is_public") else officer
        return services.create_recommendation(actor=actor, source=source, text=text, symbol=source.symbol or "A/HRC/58/4",
                                              paragraph=paragraph, themes=themes(*theme_codes), bodies=bodies, **fields)

    r1 = rec(cat_source, "تجريم التعذيب تجريمًا صريحًا في قانون العقوبات", "8", ["torture"], [("lead", hr, None)],
             is_public=True)
    r2 = rec(cat_source, "ضمان عرض كل محتجز على النيابة خلال ٢٤ ساعة", "12", ["torture", "due_process"],
             [("lead", None, prosecution_), ("supporting", hr, None)], is_public=True)
    r3 = rec(cat_source, "تحسين ظروف الاحتجاز في مراكز الشرطة", "15", ["detention_conditions"], [("lead", hr, None)])
    r4 = rec(upr, "Strengthen the protection of women in custody", "4.21", ["women"], [("lead", prisons, None)],
             language="en", is_public=True)
    r5 = rec(upr, "Établir un mécanisme national de prévention de la torture", "4.35", ["torture"], language="fr")
    r6 = rec(upr, "مراجعة قانون الطوارئ", "4.40", [])
    c1 = services.create_recommendation(actor=sec, source=conference, text="إنشاء وحدات لحقوق الإنسان في أقسام الشرطة",
                                        themes=themes("torture"), addressees=[org, other_org])
    c2 = services.create_recommendation(actor=sec, source=conference, text="تدريب أفراد الشرطة على مدونة السلوك",
                                        themes=themes("police_conduct"), addressees=[org, other_org])

    def status(recommendation, value, actor=officer, note=""):
        return services.set_recommendation_status(actor=actor, recommendation=recommendation, status=value, note=note)

    status(r1, "in_progress", note="أُعدّ مشروع التعديل")
    status(r1, "implemented", note="صدر القانون")
    status(r2, "in_progress")
    status(r4, "partly_implemented")
    status(r5, "not_implemented")
    status(r6, "no_longer_relevant")
    status(c1, "in_progress")  # org's own status on the secretariat's recommendation: internal
    report = progress.create_progress_report(
        actor=officer, recommendation=r1, period_end=timezone.localdate(), status="implemented",
        narrative="نُشر القانون في الجريدة الرسمية", files=[Upload("الجريدة الرسمية.pdf", PDF)])
    progress.create_progress_report(actor=nhri, recommendation=c1, period_end=timezone.localdate(),
                                    status="implemented", narrative="تقرير مشترك مع الأمانة", visibility="secretariat")
    progress.create_progress_report(actor=nhri, recommendation=c2, period_end=timezone.localdate(),
                                    status="partly_implemented", narrative="تقرير داخلي لا يُشارك", visibility="internal")

    strategy = plans.create_strategy(actor=officer, title_ar="الخطة المرحلية الأولى", title_en="First phased plan",
                                     starts_on=date(2025, 1, 1), ends_on=date(2027, 12, 31))
    phase1 = plans.create_phase(actor=officer, strategy=strategy, title_ar="المرحلة الأولى", title_en="Phase one",
                                starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31))
    phase2 = plans.create_phase(actor=officer, strategy=strategy, title_ar="المرحلة الثانية", title_en="Phase two",
                                starts_on=date(2026, 1, 1), ends_on=date(2027, 12, 31))
    goal1 = plans.create_goal(actor=officer, phase=phase1, title_ar="الهدف الأول")
    goal2 = plans.create_goal(actor=officer, phase=phase2, title_ar="الهدف الثاني")
    m1 = plans.create_measure(actor=officer, goal=goal1, title_ar="تعديل التشريع", recommendations=[r1, r2],
                              due_on=date(2025, 6, 30), status="completed")
    m2 = plans.create_measure(actor=officer, goal=goal1, title_ar="سجل إلكتروني للمحتجزين", recommendations=[r2, c1],
                              due_on=date(2026, 3, 31), status="delayed")
    m3 = plans.create_measure(actor=officer, goal=goal2, title_ar="وحدات لحماية المرأة", recommendations=[r4],
                              due_on=date(2027, 6, 30), status="in_progress")
    m4 = plans.create_measure(actor=officer, goal=goal2, title_ar="حملة توعية", due_on=date(2026, 10, 1))

    trained = indicators.create_indicator(
        actor=officer, name_ar="نسبة الضباط المدربين على حقوق الإنسان", name_en="Officers trained in human rights",
        unit_label="%", measure=m1, baseline_value=Decimal("20"), baseline_on=date(2023, 12, 31),
        target_value=Decimal("80"), target_on=date(2027, 12, 31), frequency="yearly")
    for year, value in ((2024, "35"), (2025, "50")):
        indicators.record_indicator_value(actor=officer, indicator=trained,
                                          period=indicators.Period(date(year, 1, 1), date(year, 12, 31)),
                                          value=Decimal(value), note="من سجلات التدريب")
    empty = indicators.create_indicator(actor=officer, name_ar="عدد الزيارات الرقابية", name_en="Monitoring visits",
                                        unit_label="visits", target_value=Decimal("12"), frequency="yearly",
                                        baseline_on=date(2025, 12, 31))
    return {"r1": r1, "r2": r2, "r3": r3, "r4": r4, "r5": r5, "r6": r6, "c1": c1, "c2": c2, "upr": upr,
            "cat": cat_source, "conference": conference, "prosecution": prosecution_, "strategy": strategy,
            "phase1": phase1, "phase2": phase2, "measures": [m1, m2, m3, m4], "trained": trained, "empty": empty,
            "report": report, "officer": officer, "sec": sec, "nhri": nhri}


def yesterday() -> date:
    return timezone.localdate() - timedelta(days=1)

