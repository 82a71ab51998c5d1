"""The filing form as a citizen meets it: what it says is needed, errors answered by the page (not
the browser) in the page's language, the "sending" state's markup, sizes and counts in the
organisation's digits, and the organisation named without a sentence that would need an article.
The behaviour in a real browser is in tests/browser/test_portal_form.py."""

import re

import pytest
from django.urls import reverse

from mizan.complaints.models import Case, TimelineEvent

from .conftest import html

pytestmark = pytest.mark.django_db
FILE_URL = reverse("portal:file")
FORM_TAG = re.compile(r'<form method="post" action="/complaint/new/"[^>]*>', re.S)


def in_language(client, language):
    client.cookies["mizan_language"] = language
    return client


def test_file_form_is_checked_by_the_server_and_shows_its_sending_state(client, org, places):
    page = html(client.get(FILE_URL))

    form = FORM_TAG.search(page).group(0)
    assert " novalidate" in form  # no browser bubble: the page's error summary answers
    assert 'data-sending="جارٍ إرسال شكواك… قد يستغرق ذلك بضع دقائق إذا أرفقت ملفات: أبقِ هذه الصفحة مفتوحة."' in form
    assert '<div class="submit-status" role="status" aria-live="polite"></div>' in page
    assert '<script src="/static/js/portal.js" defer></script>' in page
    assert "<script>" not in page and " style=" not in page  # the CSP forbids inline script and style


@pytest.mark.parametrize(("language", "handled_by", "needed"), [
    ("en", 'Your complaint will be handled by: <strong>Human-rights department, Ministry of Interior</strong>',
     "Two things are needed: a description of what happened, and your name — unless you choose to stay anonymous. "
     "Everything else is optional and helps us act faster."),
    ("fr", "Votre plainte sera traitée par : <strong>Direction des droits de l&#x27;homme, ministère de "
           "l&#x27;Intérieur</strong>",
     "Deux éléments sont nécessaires : la description des faits, et votre nom — sauf si vous choisissez de "
     "rester anonyme. Tout le reste est facultatif et nous aide à agir plus vite."),
    ("ar", "ستتولى معالجة شكواك: <strong>إدارة حقوق الإنسان بوزارة الداخلية</strong>",
     "المطلوب أمران: وصف ما حدث، واسمك — إلا إذا اخترت عدم الكشف عن هويتك. كل ما عدا ذلك اختياري ويساعدنا على "
     "التحرك أسرع."),
])
def test_file_form_intro_says_what_is_needed_as_the_form_asks_it(client, org, places, language, handled_by, needed):
    page = html(in_language(client, language).get(FILE_URL))

    assert f'<p class="handled-by">{handled_by}</p>' in page
    assert f"<p>{needed}</p>" in page
    # "I give my name" is chosen at first, and the name is then asked for (as the intro says)
    assert 'id="id_identity_named" name="identity" value="named" checked' in page


@pytest.mark.parametrize(("language", "digits", "hint"), [
    ("ar", True, "حتى ٥ ملفات، لا يتجاوز حجم كل منها ١٠\xa0م.ب. الأنواع المقبولة"),
    ("ar", False, "حتى 5 ملفات، لا يتجاوز حجم كل منها 10\xa0م.ب. الأنواع المقبولة"),
    ("en", True, "Up to 5 files, each at most 10\xa0MB. Accepted"),
    ("fr", False, "Jusqu'à 5 fichiers, de 10\xa0Mo chacun au maximum. Formats acceptés"),
])
def test_file_form_size_hint_in_the_organisations_digits(client, org, places, language, digits, hint):
    org.arabic_indic_digits = digits
    org.save(update_fields=["arabic_indic_digits"])

    page = html(in_language(client, language).get(FILE_URL))

    assert f'<span class="hint" id="hint-files">{hint}' in page
    assert "10,0" not in page and "10.0" not in page


@pytest.mark.parametrize(("language", "heading", "name_error", "narrative_error"), [
    ("ar", "يُرجى تصحيح ما يلي:", "اكتب اسمك، أو اختر تقديم الشكوى دون ذكر هويتك.", "صِف ما حدث."),
    ("en", "Please correct the following:", "Give your name, or choose to complain anonymously.",
     "Describe what happened."),
    ("fr", "Veuillez corriger les points suivants\xa0:",
     "Indiquez votre nom, ou choisissez de porter plainte de façon anonyme.", "Décrivez ce qui s&#x27;est passé."),
])
def test_file_empty_submit_gets_the_pages_error_summary_and_changes_nothing(
        client, org, places, language, heading, name_error, narrative_error):
    before = (Case.objects.count(), TimelineEvent.objects.count())

    response = in_language(client, language).post(FILE_URL, {"identity": "named", "relation": "self"})

    page = html(response)
    assert response.status_code == 400
    summary = re.search(r'<div class="error-summary" role="alert" tabindex="-1" id="error-summary">(.*?)</div>',
                        page, re.S).group(1)
    assert f"<h2>{heading}</h2>" in summary
    assert re.findall(r'<li><a href="(#field-[\w-]+)">([^<]+)</a></li>', summary) == [
        ("#field-complainant_name", name_error), ("#field-narrative", narrative_error)]
    assert " novalidate" in FORM_TAG.search(page).group(0)
    assert (Case.objects.count(), TimelineEvent.objects.count()) == before


def test_file_home_names_the_organisation_without_an_article(client, org, places):
    english = html(in_language(client, "en").get(reverse("portal:home")))
    french = html(in_language(client, "fr").get(reverse("portal:home")))

    assert ('Complaints filed here are received by: <strong dir="auto">Human-rights department, Ministry of '
            'Interior</strong>') in english
    assert ("Les plaintes déposées ici sont reçues par : <strong dir=\"auto\">Direction des droits de "
            "l&#x27;homme, ministère de l&#x27;Intérieur</strong>") in french
    assert "goes to Human" not in english and "à Direction" not in french


def test_file_confirmation_and_tracking_show_the_reference_as_one_piece(client, complaint_form, org, places, follow):
    confirmation = html(client.get(client.post(FILE_URL, complaint_form())["Location"]))
    case = Case.objects.get()
    receipt = re.search(r'id="receipt-code">([0-9 ]+)<', confirmation).group(1).replace(" ", "")
    follow(receipt)
    tracked = html(client.get(reverse("portal:track_case")))

    piece = f'<span class="ref" dir="ltr" translate="no">{case.reference}</span>'
    assert f'<p class="reference">{piece}</p>' in confirmation
    assert f'<span class="reference">{piece}</span>' in tracked
    assert tracked.count(piece) == 2  # the heading and the details
