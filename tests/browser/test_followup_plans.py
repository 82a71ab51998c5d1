"""Plans and indicators in a real browser, in Arabic: the follow-up officer records a plan, its
phase, goal and measure, attaches a recommendation to the measure, then a computed indicator of
it, which Mizan counts at once; its page draws the values against the baseline and fits a phone's
screen. A supervisor opens the complaints behind a figure in the desk queue, their filters shown
in words. Screenshots are saved (see conftest.py for the folder)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mizan.followup import services
from mizan.followup.models import Indicator, IndicatorValue, Measure, Strategy
from tests.browser.conftest import log_in
from tests.followup.conftest import (  # noqa: F401 - the follow-up personas
    cat_source,
    followup_staff,
    secretariat,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TEXT = "ضمان خضوع كل من يرتكب أفعال تعذيب للتحقيق والملاحقة القضائية"


def overflow(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_a_plan_its_measure_and_a_computed_indicator(live_server, chromium, shots, followup_staff, cat_source,  # noqa: F811
                                                      file_case, places):
    base = live_server.url
    rec = services.create_recommendation(actor=followup_staff["followup"], source=cat_source, text=TEXT)
    now = timezone.now()
    cases = [file_case("ضربوني في القسم", received_at=now - timedelta(hours=hours))[0] for hours in (2, 5)]
    context = chromium.new_context(locale="ar-EG", viewport={"width": 1280, "height": 900})
    page = log_in(context, base, "followup")

    page.goto(f"{base}/desk/followup/plans/")
    page.get_by_text("تسجيل خطة", exact=True).click()
    page.fill("#new-plan input[name=title_ar]", "الخطة المرحلية الأولى لتنفيذ الاستراتيجية العربية")
    page.fill("#new-plan input[name=starts_on]", "2026-01-01")
    page.get_by_role("button", name="تسجيل الخطة").click()
    page.wait_for_load_state()
    strategy = Strategy.objects.get()
    assert page.url.endswith(f"/desk/followup/plans/{strategy.pk}/")

    page.get_by_role("link", name="إضافة مرحلة").click()
    page.fill("input[name=title_ar]", "المرحلة الأولى")
    page.get_by_role("button", name="حفظ").click()
    page.get_by_role("link", name="إضافة هدف").click()
    page.fill("input[name=title_ar]", "تعزيز المساءلة عن التعذيب")
    page.get_by_role("button", name="حفظ").click()
    page.get_by_role("link", name="إضافة تدبير").click()
    page.fill("input[name=title_ar]", "تدريب ضباط الأقسام على ضمانات الاحتجاز")
    page.select_option("select[name=lead]", f"unit:{places['hr'].pk}")
    page.fill("input[name=due_on]", (timezone.localdate() + timedelta(days=60)).isoformat())
    shots(page, "measure-form")
    page.get_by_role("button", name="حفظ").click()
    page.wait_for_load_state()
    measure = Measure.objects.get()
    assert page.url.endswith(f"/desk/followup/plans/measures/{measure.pk}/")

    attach = page.locator("#attach")
    attach.locator("label.choice", has_text=TEXT[:30]).locator("input").check()
    attach.get_by_role("button", name="ربط التوصيات المختارة").click()
    page.wait_for_load_state()
    assert TEXT in page.locator("#recommendations .plain-list").inner_text()
    assert list(measure.recommendations.all()) == [rec]
    shots(page, "measure-with-recommendation")

    page.get_by_role("link", name="إضافة مؤشر").click()
    page.fill("input[name=name_ar]", "الشكاوى الواردة")
    page.check("input[name=kind][value=computed]")
    page.select_option("select[name=definition]", "complaints_received")
    page.fill("input[name=baseline_value]", "1")
    page.fill("input[name=baseline_on]", (timezone.localdate().replace(day=1) - timedelta(days=1)).isoformat())
    page.fill("input[name=target_value]", "4")
    page.select_option("select[name=frequency]", "monthly")
    page.get_by_role("button", name="حفظ").click()
    page.wait_for_load_state()
    indicator = Indicator.objects.get()
    assert (indicator.measure, IndicatorValue.objects.get(indicator=indicator).value) == (measure, 2)
    assert page.locator(".ind-chart .chart-row").count() == 1
    assert page.locator(".ind-chart .chart-row line.ind-baseline").count() == 1
    assert page.locator(".ind-chart .chart-row line.ind-target").count() == 1
    shots(page, "indicator")
    page.set_viewport_size({"width": 360, "height": 800})
    assert overflow(page) == 0
    shots(page, "indicator-phone")

    supervisor = log_in(chromium.new_context(locale="ar-EG", viewport={"width": 1280, "height": 900}), base,
                        "supervisor")
    supervisor.goto(f"{base}/desk/followup/indicators/{indicator.pk}/")
    supervisor.locator("#values a[href^='/desk/?']").click()
    supervisor.wait_for_load_state()
    listed = supervisor.locator("main").inner_text()
    assert all(case.reference in listed for case in cases)
    shots(supervisor, "complaints-behind-the-figure")
