"""The follow-up's recommendations in a real browser: a follow-up officer logs in and lands on the
list (Arabic, right to left), filters it, opens a recommendation, records its status and follows
it together with another one; the list fits a phone. Screenshots of each page are saved (see
conftest.py for the folder)."""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from mizan.complaints.models import Category
from mizan.followup import services
from mizan.followup.models import Recommendation, SourceKind
from tests.browser.conftest import log_in
from tests.followup import conftest as _followup

# The follow-up's personas and sources, from tests/followup/conftest.py.
secretariat = _followup.secretariat
followup_staff = _followup.followup_staff
prosecution = _followup.prosecution
cat_source = _followup.cat_source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TORTURE = "ضمان خضوع كل من يرتكب أفعال تعذيب للتحقيق والملاحقة القضائية"
LAWYER = "ضمان حق المحتجز في الاستعانة بمحامٍ منذ الساعة الأولى للاحتجاز"


def test_a_follow_up_officer_works_through_the_recommendations(chromium, live_server, followup_staff, cat_source,
                                                               places, prosecution, shots):
    officer = followup_staff["followup"]
    torture = services.create_recommendation(
        actor=officer, source=cat_source, text=TORTURE, symbol="CAT/C/EGY/CO/5", paragraph="12",
        themes=list(Category.objects.filter(code__in=["torture", "due_process"])), position="supported",
        due_on=timezone.localdate() - timedelta(days=5), affected_groups=["detainee"],
        bodies=[("lead", places["hr"], None), ("supporting", None, prosecution)])
    upr = services.create_source(actor=officer, kind=SourceKind.UPR, title_ar="الاستعراض الدوري الشامل",
                                 date=date(2025, 1, 28), upr_cycle=4)
    lawyer = services.create_recommendation(actor=officer, source=upr, text=LAWYER, position="noted",
                                            themes=list(Category.objects.filter(code="due_process")))
    context = chromium.new_context(locale="ar-EG", viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "ar", "url": live_server.url}])
    page = log_in(context, live_server.url, "followup")

    # The follow-up officer sees no complaint: after the login, the recommendations.
    assert page.url == f"{live_server.url}/desk/followup/recommendations/"
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(".main-nav a[aria-current=page]")).to_have_text("المتابعة")
    expect(page.locator(".fu-table tbody tr")).to_have_count(2)
    expect(page.locator(".fu-table tbody tr.is-overdue")).to_contain_text("متأخرة")
    shots(page, "list-ar")

    # Filtering by theme (htmx swaps the results and keeps the address).
    page.select_option("#f-theme", "torture")
    page.locator(".filter-bar button[type=submit]").click()
    expect(page.locator(".fu-table tbody tr")).to_have_count(1)
    assert "theme=torture" in page.url

    # The recommendation's page: its facts, then a status with a note.
    page.locator(".fu-table tbody tr a").first.click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_contain_text("CAT/C/EGY/CO/5")
    expect(page.locator("#responsible")).to_contain_text("قطاع حقوق الإنسان")
    shots(page, "detail-ar")
    page.locator("#field-status-form > summary").click()
    page.select_option("#input-status-status", "in_progress")
    page.fill("#input-status-note", "أُحيل مشروع التعديل إلى مجلس النواب")
    page.locator("#field-status-form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator(".flash")).to_contain_text("سُجّلت الحالة")
    expect(page.locator("#status-history")).to_contain_text("أُحيل مشروع التعديل إلى مجلس النواب")

    # Followed together with the UPR's recommendation on a lawyer.
    page.locator("#field-cluster-form > summary").click()
    page.locator(f"#field-cluster-form input[name=others][value='{lawyer.pk}']").check()
    page.fill("#input-cluster-label", "ضمانات الاحتجاز")
    page.locator("#field-cluster-form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("#cluster")).to_contain_text("ضمانات الاحتجاز")
    expect(page.locator("#cluster")).to_contain_text(LAWYER)
    shots(page, "detail-after-ar")
    assert Recommendation.objects.get(pk=torture.pk).status == "in_progress"
    assert Recommendation.objects.get(pk=lawyer.pk).cluster.label == "ضمانات الاحتجاز"

    # On a phone the list has no horizontal scroll of the page.
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(f"{live_server.url}/desk/followup/recommendations/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    shots(page, "list-360-ar")
    context.close()
