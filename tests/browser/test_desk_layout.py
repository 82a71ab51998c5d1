"""The desk fits the screen (issue 14 §4), in a real browser.

The queue's table has no horizontal scroll at 1280 px with every column shown and the case's
excerpt given real width; at 1920 px the content uses the width beyond the old 1120 px; below
1100 px the columns of least priority leave and on a phone each row is a card. The filter bar:
"More filters" and the chips (removing one removes that filter). A case triage rates critical
shows the suggestion's badge with its reasons on keyboard focus. htmx refreshes and the impact
report's PDF show that they are working. Screenshots of the queue at 360, 1024, 1280 and 1920 px
and in Arabic, English and French are saved (see conftest.py for the folder).
"""

import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.utils import timezone, translation
from playwright.sync_api import expect

from mizan.complaints import caselist as selectors
from mizan.complaints.caselist import QueueFilters
from mizan.complaints.services import assign_case
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Triage rates this one critical (a hunger strike, a medical emergency in custody).
CRITICAL = (
    "مسكوني قدام البيت يوم الخميس وحبسوني في القسم أربع أيام من غير ما يعرضوني على النيابة، "
    "وضربوني بالخرطوم على ضهري. وأخويا أحمد مُحتجَز في السجن من شهرين ومضرب عن الطعام من أسبوعين، "
    "ونقلوه مستشفى السجن وحالته خطيرة."
)
LONG = (
    "تقدمت بهذه الشكوى بخصوص ما تعرض له ابني أثناء احتجازه في قسم الشرطة، حيث مُنع من الاتصال بمحاميه "
    "ومن زيارة أسرته لمدة أسبوعين كاملين، ولم يُعرض على النيابة العامة في الموعد القانوني، ونطالب بالتحقيق."
)
PRIORITY = ("col-case", "col-urgency", "col-status", "col-due")
EVERY_COLUMN = (*PRIORITY, "col-received", "col-categories", "col-officer", "col-place", "col-groups")
LOCALES = {"ar": "ar-EG", "en": "en-GB", "fr": "fr-FR"}
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"


@pytest.fixture
def desk_cases(file_case, places, staff):
    """Nine cases with what makes a row wide: long excerpts, several categories and groups,
    a place, a unit and an officer, deadlines passed and near."""
    now = timezone.now()
    cases = {}
    cases["late"], _ = file_case(LONG, received_at=now - timedelta(days=60), facility=str(places["prison"].pk),
                                 categories=["torture", "arbitrary_detention", "due_process"],
                                 vulnerabilities=["detainee", "older_person", "disability"])
    for i in range(6):
        case, _ = file_case(f"{LONG} ({i})", received_at=now - timedelta(days=i + 1), governorate="giza",
                            facility=str(places["station"].pk), vulnerabilities=["woman", "migrant"],
                            channel="phone" if i % 2 else "web")
        if i < 3:
            assign_case(actor=staff["supervisor"], case=case, officer=staff["officer"])
        cases[f"plain{i}"] = case
    cases["child"], _ = file_case("ابني القاصر محتجز الآن في القسم", urgency="high", vulnerabilities=["child"],
                                  received_at=now - timedelta(hours=2))
    cases["critical"], _ = file_case(CRITICAL, anonymous=True, complainant={}, categories=[],
                                     received_at=now - timedelta(hours=1))
    return cases


def _context(chromium, live_server, lang="en", width=1280):
    context = chromium.new_context(locale=LOCALES[lang], viewport={"width": width, "height": 900},
                                   accept_downloads=True)
    context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": lang, "url": live_server.url}])
    return context


def _overflow(page) -> dict:
    """How much wider than their box the table, its wrapper and the page are (0: no scroll)."""
    return page.evaluate("""() => {
        const wrap = document.querySelector('.queue-wrap'), table = document.querySelector('.queue-table');
        const root = document.documentElement;
        const over = (inner, box) => Math.max(0, inner - box);
        return {table: over(table.scrollWidth, wrap.clientWidth), wrap: over(wrap.scrollWidth, wrap.clientWidth),
                page: over(root.scrollWidth, root.clientWidth)};
    }""")


def _shown_columns(page) -> list[str]:
    return page.evaluate("""(names) => names.filter(name => {
        const th = document.querySelector('.queue-table th.' + name);
        return th && th.getBoundingClientRect().width > 0;
    })""", list(EVERY_COLUMN))


def _width(page, selector: str) -> float:
    return page.locator(selector).first.evaluate("el => el.getBoundingClientRect().width")


def _row_heights(page) -> list[float]:
    return page.evaluate("() => [...document.querySelectorAll('.queue-table tbody tr')]"
                         ".map(tr => tr.getBoundingClientRect().height)")


def _chips(page) -> list[str]:
    return [" ".join(text.replace("×", " ×").split()) for text in page.locator(".chip").all_text_contents()]


def test_queue_fits_the_screen_at_every_width(live_server, chromium, shots, staff, desk_cases):
    context = _context(chromium, live_server)
    page = log_in(context, live_server.url, "supervisor")
    page.goto(live_server.url + "/desk/?view=all")
    assert page.locator(".queue-table tbody tr").count() == 9

    # 1280: everything on one screen width, the excerpt with room, rows of a few lines.
    assert _overflow(page) == {"table": 0, "wrap": 0, "page": 0}
    assert _shown_columns(page) == list(EVERY_COLUMN)
    assert _width(page, ".queue-table th.col-case") >= 300
    heights = sorted(_row_heights(page))
    assert heights[len(heights) // 2] <= 110 and heights[-1] <= 150  # were 230 px: the excerpt had 110 px
    excerpt = page.locator(".queue-table td.col-case .small").first
    assert excerpt.evaluate("el => getComputedStyle(el).webkitLineClamp") == "2"
    assert excerpt.evaluate("el => el.getBoundingClientRect().height") <= 2 * 0.9 * 16 * 1.5 + 1
    shots(page, "queue-1280")

    # 1920: the content is as wide as the window, not 1120 px.
    page.set_viewport_size({"width": 1920, "height": 1000})
    assert _width(page, "main") > 1800
    assert _width(page, ".queue-table") > 1800
    assert _overflow(page) == {"table": 0, "wrap": 0, "page": 0}
    shots(page, "queue-1920")

    # No width between the layouts scrolls sideways either.
    for width in (1279, 1200, 1101, 1000, 801, 700, 641, 500):
        page.set_viewport_size({"width": width, "height": 900})
        assert _overflow(page) == {"table": 0, "wrap": 0, "page": 0}, width

    # 1024: the groups, the place and the officer leave first; the case, its urgency, status and
    # deadline stay, with the date received and the categories.
    page.set_viewport_size({"width": 1024, "height": 900})
    assert _shown_columns(page) == [*PRIORITY, "col-received", "col-categories"]
    assert _overflow(page) == {"table": 0, "wrap": 0, "page": 0}
    shots(page, "queue-1024")

    # 360: each row is a card; nothing is wider than the phone.
    page.set_viewport_size({"width": 360, "height": 800})
    assert page.locator(".queue-table tbody tr").first.evaluate("el => getComputedStyle(el).display") == "flex"
    assert page.locator(".queue-table thead").evaluate("el => el.getBoundingClientRect().height") <= 1
    assert page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    card = page.locator(".queue-table tbody tr").first
    assert card.locator("td.col-due").evaluate("el => getComputedStyle(el, '::before').content") == '"Due"'
    shots(page, "queue-360")
    context.close()


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_queue_fits_1280_in_each_language(live_server, chromium, shots, staff, desk_cases, lang):
    context = _context(chromium, live_server, lang)
    page = log_in(context, live_server.url, "supervisor")
    page.goto(live_server.url + "/desk/?view=all&status=received&channel=phone")

    assert page.locator("html").get_attribute("lang") == lang
    assert _overflow(page) == {"table": 0, "wrap": 0, "page": 0}
    assert _shown_columns(page) == list(EVERY_COLUMN)
    assert page.locator(".chip").count() == 2
    shots(page, f"queue-{lang}")
    context.close()


def test_more_filters_and_chips(live_server, chromium, shots, staff, desk_cases):
    context = _context(chromium, live_server)
    page = log_in(context, live_server.url, "supervisor")
    page.goto(live_server.url + "/desk/?view=all")
    more = page.locator("details.more-filters")
    assert more.evaluate("d => d.open") is False
    assert page.locator(".chip").count() == 0

    # Choose a filter of "More filters" and one of the bar; htmx refreshes the list and its chips.
    more.locator("summary").click()
    page.select_option("#f-channel", "phone")
    page.select_option("#f-urgency", "normal")
    with page.expect_response(lambda r: "channel=phone" in r.url and r.request.headers.get("hx-request")):
        page.locator(".filter-bar [type=submit]").click()
    expect(page.locator(".chip")).to_have_count(2)
    assert _chips(page) == ["Urgency Normal ×", "Channel Phone ×"]
    assert page.locator(".chip").nth(1).get_attribute("aria-label") == "Remove filter: Channel: Phone"
    assert page.locator(".queue-table tbody tr").count() == 3
    shots(page, "queue-chips")

    # The page as it is now, loaded afresh: "More filters" opens, since it holds a filter.
    page.reload()
    assert more.evaluate("d => d.open") is True

    # Remove the channel chip: that filter is gone, the other stays.
    page.locator(".chip", has_text="Phone").click()
    page.wait_for_load_state()
    assert "channel=" not in page.url and "urgency=normal" in page.url
    assert _chips(page) == ["Urgency Normal ×"]
    assert page.locator("#f-channel").input_value() == ""
    assert more.evaluate("d => d.open") is False
    assert page.locator(".queue-table tbody tr").count() == 8

    # The status list: a drop-down of checkboxes in the bar.
    page.locator("#f-status summary").click()
    page.locator("#f-status input[value=received]").check()
    page.locator("#f-status input[value=under_review]").check()
    with page.expect_response(lambda r: "status=received" in r.url and r.request.headers.get("hx-request")):
        page.locator(".filter-bar [type=submit]").click()
    expect(page.locator(".chip")).to_have_count(3)
    page.keyboard.press("Escape")

    # "Clear filters" empties the list of chips.
    page.get_by_role("link", name="Clear filters").click()
    page.wait_for_load_state()
    assert page.locator(".chip").count() == 0
    assert sorted(parse_qs(urlsplit(page.url).query)) == ["sort", "view"]  # the order chosen stays
    context.close()


def test_loading_state_during_an_htmx_refresh(live_server, chromium, staff, desk_cases):
    context = _context(chromium, live_server)
    page = log_in(context, live_server.url, "supervisor")
    page.goto(live_server.url + "/desk/?view=all")
    held = []

    def hold(route):
        if route.request.headers.get("hx-request"):
            held.append(route)  # answered below, once the loading state has been seen
        else:
            route.continue_()

    page.route(lambda url: "/desk/?" in url, hold)
    indicator = page.locator("#queue-loading")
    expect(indicator).to_be_hidden()
    page.fill("#f-q", "القاصر")
    page.locator("#f-q").press("Enter")

    expect(indicator).to_be_visible()
    expect(indicator).to_have_text("Loading…")
    expect(page.locator("#queue-results")).to_have_attribute("aria-busy", "true")
    assert page.locator(".loading-status").get_attribute("role") == "status"
    assert len(held) == 1
    with page.expect_response(lambda r: "q=" in r.url):
        held[0].continue_()
    expect(indicator).to_be_hidden()
    expect(page.locator("#queue-results")).not_to_have_attribute("aria-busy", "true")
    assert page.locator(".queue-table tbody tr").count() == 1
    context.close()


def test_pending_critical_suggestion_badge_and_reasons_on_focus(live_server, chromium, shots, staff, desk_cases):
    critical = desk_cases["critical"]
    assert critical.suggestions.get(kind="urgency", status="pending").value == "critical"
    with translation.override("en"):
        listed = {case.reference: case for case in selectors.queue_cases(staff["supervisor"], "all", QueueFilters())}
        reasons = [str(reason) for reason in listed[critical.reference].suggested_urgency_reasons]
    assert listed[critical.reference].suggested_urgency == "critical" and reasons
    suggested = sorted(ref for ref, case in listed.items() if case.suggested_urgency)

    context = _context(chromium, live_server)
    page = log_in(context, live_server.url, "supervisor")
    page.goto(live_server.url + "/desk/?view=all")
    # A badge on exactly the rows with a pending suggestion.
    expect(page.locator(".badge-suggested")).to_have_count(len(suggested))
    assert sorted(page.locator("tr:has(.badge-suggested) a.reference").all_inner_texts()) == suggested
    row = page.locator("tr", has=page.locator(f"a.reference:text-is('{critical.reference}')"))
    badge = row.locator(".badge-suggested")
    expect(badge).to_have_count(1)
    expect(badge).to_have_text("suggested: critical")
    assert row.locator(".col-urgency .badge").first.inner_text() == "Normal"  # the accepted level stays
    tooltip = row.locator("[role=tooltip]")
    assert tooltip.evaluate("el => el.getBoundingClientRect().width") <= 1  # closed until asked

    # Keyboard: Tab from the case's link reaches the badge, and the reasons open.
    row.locator("a.reference").focus()
    page.keyboard.press("Tab")
    expect(badge).to_be_focused()
    assert tooltip.evaluate("el => el.getBoundingClientRect().width") > 100
    assert [line.strip() for line in tooltip.locator(".tooltip-line").all_inner_texts()] == reasons
    shots(page, "queue-suggestion-focus")
    page.keyboard.press("Escape")  # dismissed without moving focus
    assert tooltip.evaluate("el => el.getBoundingClientRect().width") <= 1
    expect(badge).to_be_focused()

    # Hover opens them too.
    page.mouse.move(0, 0)
    badge.hover()
    assert tooltip.evaluate("el => el.getBoundingClientRect().width") > 100

    # The row's link is named with the suggestion and its reasons.
    expect(row.locator("a.reference")).to_have_accessible_name(re.compile(r"\s+".join(
        re.escape(part) for part in [critical.reference, "suggested: critical", "Triage suggests this urgency because:", *reasons])))
    context.close()


def test_impact_report_button_is_busy_until_the_pdf_arrives(live_server, chromium, shots, staff, desk_cases, tmp_path):
    context = _context(chromium, live_server)
    page = log_in(context, live_server.url, "analyst")
    page.goto(live_server.url + f"/desk/reports/?from={date.today().year}-01-01&to={date.today().isoformat()}")
    link = page.locator("#impact-report")
    status = page.locator("#impact-report-status")
    held = []
    page.route(lambda url: "/desk/reports/impact.pdf" in url, lambda route: held.append(route))

    link.click()
    expect(link).to_have_attribute("aria-busy", "true")
    expect(status).to_have_text("Preparing the report…")
    assert status.get_attribute("role") == "status"
    assert link.evaluate("el => getComputedStyle(el, '::before').animationName") == "mizan-spin"
    shots(page, "impact-report-busy")
    link.dispatch_event("click")  # a second click while it is busy asks for nothing more
    page.wait_for_timeout(200)
    assert len(held) == 1

    with page.expect_download(timeout=60_000) as info:
        held[0].continue_()
    download = info.value
    path = tmp_path / "report.pdf"
    download.save_as(path)
    assert path.read_bytes().startswith(b"%PDF-")
    assert download.suggested_filename.startswith("impact-report-") and download.suggested_filename.endswith("-en.pdf")
    expect(link).not_to_have_attribute("aria-busy", "true")
    expect(link).to_have_text("Impact report (PDF)")
    expect(status).to_have_text("The report has been downloaded.")

    # The server cannot be reached: the link is free again and the page says so.
    page.unroute_all()
    page.route(lambda url: "/desk/reports/impact.pdf" in url, lambda route: route.abort())
    link.click()
    expect(status).to_have_text("The report could not be prepared. Please try again.")
    expect(link).not_to_have_attribute("aria-busy", "true")
    assert "is-failed" in status.get_attribute("class")
    context.close()


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_queue_states_pass_axe(live_server, chromium, staff, desk_cases, lang):
    """axe-core (see test_accessibility.py) over what this page adds: chips, the open status list
    and "More filters", a focused suggestion with its reasons open, at 1280 and 360 px."""
    context = _context(chromium, live_server, lang)
    context.add_init_script(path=str(AXE))  # by the browser, not an inline script: the CSP stays
    page = log_in(context, live_server.url, "supervisor")
    page.goto(live_server.url + "/desk/?view=all&status=received&urgency=normal&from=2020-01-01")
    page.locator("#f-status summary").click()
    page.locator(".badge-suggested").first.focus()
    assert page.locator("details.more-filters").evaluate("d => d.open") is True
    found = []
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
            .violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))""")
        found += [f"{width}px {violation}" for violation in violations]
    assert found == []
    context.close()
