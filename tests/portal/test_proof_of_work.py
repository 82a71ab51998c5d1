"""The proof of work an organisation may ask of anonymous complaints on the portal.

Off by default; when on, the form carries a challenge and pow.js, an anonymous complaint needs
its solution (a named one does not), and a missing, wrong, expired, edited, foreign or reused
solution is refused in the user's language with every value kept and nothing stored.
"""

import re
import time

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from mizan.accounts import proof_of_work
from mizan.accounts.models import Role, SpentChallenge
from mizan.audit.models import AuditEvent
from mizan.complaints.models import Case, Person, TimelineEvent
from mizan.lib import pow
from tests.conftest import make_user

from .conftest import html

pytestmark = pytest.mark.django_db
FILE_URL = "/complaint/new/"
BITS = 8  # the tests solve many challenges; the default difficulty is measured in tests/browser
CHALLENGE = re.compile(r'<input type="hidden" name="pow_challenge" value="([^"]+)">')
NO_SCRIPT = ("Here, an anonymous complaint can be sent only with JavaScript turned on in your browser: "
             "it does a few seconds of calculation")


@pytest.fixture(autouse=True)
def easy(settings):
    settings.MIZAN_POW_BITS = BITS


@pytest.fixture
def pow_on(org):
    org.anonymous_intake_proof_of_work = True
    org.save(update_fields=["anonymous_intake_proof_of_work"])
    return org


def challenge_on(page: str) -> str:
    match = CHALLENGE.search(page)
    assert match, "no challenge in the form"
    return match.group(1)


def solved_form(client, complaint_form, **overrides):
    """The form's own challenge, solved, with an anonymous complaint (overrides win)."""
    token = challenge_on(html(client.get(FILE_URL)))
    data = {"identity": "anonymous", "pow_challenge": token, "pow_nonce": pow.solve(token, BITS)}
    return complaint_form(**{**data, **overrides})


def stored_counts() -> dict:
    return {"cases": Case.objects.count(), "persons": Person.objects.count(),
            "timeline": TimelineEvent.objects.count(), "audit": AuditEvent.objects.count(),
            "spent": SpentChallenge.objects.count()}


NOTHING = {"cases": 0, "persons": 0, "timeline": 0, "audit": 0, "spent": 0}


def error_of(page: str) -> str:
    match = re.search(r'<p class="field-error" id="error-proof_of_work">([^<]*)</p>', page)
    assert match, "no proof-of-work error on the page"
    return match.group(1)


def test_proof_of_work_is_off_by_default_and_anonymous_filing_needs_nothing(client, complaint_form, org):
    page = html(client.get(FILE_URL))

    response = client.post(FILE_URL, complaint_form(identity="anonymous"))

    assert org.anonymous_intake_proof_of_work is False
    assert "pow_challenge" not in page and "pow.js" not in page and "pow-no-script" not in page
    assert response.status_code == 303
    assert Case.objects.get().anonymous is True


def test_proof_of_work_form_carries_a_fresh_challenge_the_script_and_the_no_script_notice(english, pow_on):
    first = html(english.get(FILE_URL))
    second = html(english.get(FILE_URL))

    token = challenge_on(first)
    challenge = pow.parse(settings.MIZAN_HASH_KEY, token, context=f"intake:{pow_on.pk}")
    assert challenge.bits == BITS
    assert challenge.expires - time.time() == pytest.approx(settings.MIZAN_POW_MINUTES * 60, abs=5)
    assert challenge_on(second) != token
    assert '<script src="/static/js/pow.js" defer></script>' in first
    assert 'data-pow-script="/static/js/pow.js"' in first
    assert f'data-pow-refresh="/api/v1/proof-of-work?organisation={pow_on.slug}"' in first
    assert 'name="pow_nonce" value=""' in first
    assert f'<p class="notice notice-warn js-hide" id="pow-no-script">{NO_SCRIPT}' in first
    assert "<script>" not in first and " onclick=" not in first
    assert SpentChallenge.objects.count() == 0  # giving out challenges stores nothing


def test_proof_of_work_anonymous_complaint_with_a_solution_gets_its_receipt(client, complaint_form, pow_on):
    data = solved_form(client, complaint_form)

    response = client.post(FILE_URL, data)

    assert response.status_code == 303
    assert response["Location"] == reverse("portal:confirmation")
    case = Case.objects.get()
    assert case.anonymous is True
    assert all(p.name_enc == "" and p.phone_enc == "" and p.email_enc == "" for p in case.persons.all())
    spent = SpentChallenge.objects.get()
    assert spent.key == pow.spent_key(settings.MIZAN_HASH_KEY, data["pow_challenge"])
    assert data["pow_challenge"] not in spent.key
    assert int(spent.expires_at.timestamp()) == int(data["pow_challenge"].split(".")[2])
    assert "receipt-code" in html(client.get(reverse("portal:confirmation")))


def test_proof_of_work_named_complaint_needs_no_solution(client, complaint_form, pow_on):
    response = client.post(FILE_URL, complaint_form(identity="named"))

    assert response.status_code == 303
    assert Case.objects.get().anonymous is False
    assert SpentChallenge.objects.count() == 0


def test_proof_of_work_missing_solution_explains_javascript_keeps_values_and_stores_nothing(
        english, complaint_form, pow_on, places):
    posted = challenge_on(html(english.get(FILE_URL)))

    response = english.post(FILE_URL, complaint_form(identity="anonymous", pow_challenge=posted, pow_nonce=""))
    page = html(response)

    assert response.status_code == 400
    assert stored_counts() == NOTHING
    assert error_of(page).startswith(NO_SCRIPT)
    assert error_of(page).endswith("or choose to give your name, which works without JavaScript.")
    summary = page[page.index('id="error-summary"'):page.index("</div>", page.index('id="error-summary"'))]
    assert '<a href="#field-proof_of_work">Here, an anonymous complaint' in summary
    assert 'id="field-proof_of_work"' in page
    assert 'id="id_identity_anonymous" name="identity" value="anonymous" aria-describedby="hint-anonymous" checked' in page
    assert "احتجزوني في قسم شرطة الدقي ثلاثة أيام دون عرضي على النيابة</textarea>" in page
    assert 'value="الطابق الثاني، غرفة الحجز"' in page
    assert 'value="arbitrary_detention" checked' in page
    assert 'value="woman" checked' in page
    assert 'value="giza" selected' in page
    assert f'<option value="{places["station"].pk}" selected>' in page
    assert challenge_on(page) != posted  # a new challenge for the next try


def test_proof_of_work_without_any_challenge_field_is_the_same_missing_answer(english, complaint_form, pow_on):
    response = english.post(FILE_URL, complaint_form(identity="anonymous"))

    assert response.status_code == 400
    assert error_of(html(response)).startswith(NO_SCRIPT)
    assert stored_counts() == NOTHING


@pytest.mark.parametrize(("spoil", "message"), [
    ("wrong", "The proof-of-work solution is wrong. Send the form again."),
    ("edited", "The proof-of-work challenge or its solution is not valid. Send the form again."),
    ("foreign", "The proof-of-work challenge or its solution is not valid. Send the form again."),
    ("garbage", "The proof-of-work challenge or its solution is not valid. Send the form again."),
    ("expired", "The proof-of-work challenge has expired. Send the form again to get a new one."),
])
def test_proof_of_work_bad_solutions_are_refused_keep_values_and_store_nothing(
        english, complaint_form, pow_on, other_org, spoil, message):
    data = solved_form(english, complaint_form)
    token = data["pow_challenge"]
    if spoil == "wrong":
        data["pow_nonce"] = next(str(n) for n in range(10_000)
                                 if pow.leading_zero_bits(pow.digest(token, str(n))) < BITS)
    elif spoil == "edited":  # one zero bit asked instead of eight
        version, _bits, expires, salt, mac = token.split(".")
        data["pow_challenge"] = ".".join([version, "1", expires, salt, mac])
        data["pow_nonce"] = pow.solve(data["pow_challenge"], 1)
    elif spoil == "foreign":  # a good challenge, but for another organisation
        data["pow_challenge"] = proof_of_work.issue(other_org).token
        data["pow_nonce"] = pow.solve(data["pow_challenge"], BITS)
    elif spoil == "garbage":
        data["pow_challenge"] = "<script>alert(1)</script>"
    elif spoil == "expired":
        data["pow_challenge"] = pow.issue(settings.MIZAN_HASH_KEY, bits=BITS, lifetime=60,
                                          context=f"intake:{pow_on.pk}", now=time.time() - 61)
        data["pow_nonce"] = pow.solve(data["pow_challenge"], BITS)

    response = english.post(FILE_URL, data)
    page = html(response)

    assert response.status_code == 400
    assert error_of(page) == message
    assert stored_counts() == NOTHING
    assert "احتجزوني في قسم شرطة الدقي ثلاثة أيام دون عرضي على النيابة</textarea>" in page
    assert "<script>alert(1)</script>" not in page


def test_proof_of_work_solution_is_accepted_once(english, complaint_form, pow_on):
    data = solved_form(english, complaint_form)
    first = english.post(FILE_URL, data)
    before = stored_counts()

    again = english.post(FILE_URL, {**data, "narrative": "مرة ثانية بنفس الحل"})
    page = html(again)

    assert first.status_code == 303
    assert again.status_code == 400
    assert error_of(page) == "This proof-of-work challenge was already used. Send the form again to get a new one."
    assert stored_counts() == before
    assert before["cases"] == 1 and before["spent"] == 1
    assert "مرة ثانية بنفس الحل</textarea>" in page


def test_proof_of_work_and_other_errors_are_shown_together(english, complaint_form, pow_on):
    response = english.post(FILE_URL, complaint_form(identity="anonymous", narrative="", complainant_email="x"))
    page = html(response)

    targets = re.findall(r'<a href="#(field-[^"]+)">', page)
    assert response.status_code == 400
    assert targets == ["field-proof_of_work", "field-narrative"]  # an anonymous e-mail is discarded
    assert stored_counts() == NOTHING


def test_proof_of_work_with_form_errors_does_not_spend_the_solution(english, complaint_form, pow_on):
    data = solved_form(english, complaint_form)

    refused = english.post(FILE_URL, {**data, "narrative": ""})
    accepted = english.post(FILE_URL, data)

    assert refused.status_code == 400
    assert 'id="error-proof_of_work"' not in html(refused)
    assert accepted.status_code == 303
    assert Case.objects.count() == 1


def test_proof_of_work_spend_is_given_back_when_the_complaint_is_not_stored(pow_on):
    challenge = proof_of_work.issue(pow_on)

    with pytest.raises(RuntimeError), transaction.atomic():
        proof_of_work.spend(challenge)
        raise RuntimeError("filing failed")
    proof_of_work.spend(challenge)

    assert SpentChallenge.objects.count() == 1
    with pytest.raises(proof_of_work.ProofOfWorkRefused) as caught:
        proof_of_work.spend(challenge)
    assert caught.value.code == proof_of_work.REUSED


def test_proof_of_work_spent_entries_are_dropped_once_expired(pow_on):
    old = pow.parse(settings.MIZAN_HASH_KEY, pow.issue(settings.MIZAN_HASH_KEY, bits=BITS, lifetime=1,
                                                      context=f"intake:{pow_on.pk}"), context=f"intake:{pow_on.pk}")
    proof_of_work.spend(old)
    SpentChallenge.objects.update(expires_at=SpentChallenge.objects.get().expires_at.replace(year=2000))

    proof_of_work.spend(proof_of_work.issue(pow_on))

    assert SpentChallenge.objects.count() == 1
    assert SpentChallenge.objects.get().key != pow.spent_key(settings.MIZAN_HASH_KEY, old.token)


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_proof_of_work_error_is_in_the_users_language(client, complaint_form, pow_on, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    data = solved_form(client, complaint_form)

    response = client.post(FILE_URL, {**data, "pow_nonce": ""})
    expired = client.post(FILE_URL, {**data, "pow_challenge": pow.issue(
        settings.MIZAN_HASH_KEY, bits=BITS, lifetime=1, context=f"intake:{pow_on.pk}", now=time.time() - 5)})

    with translation.override(language):
        no_script = gettext("Here, an anonymous complaint can be sent only with JavaScript turned on in your browser: "
                            "it does a few seconds of calculation that protects this service from mass automated "
                            "complaints. Turn JavaScript on and send again, or choose to give your name, which works "
                            "without JavaScript.")
        too_late = gettext("The proof-of-work challenge has expired. Send the form again to get a new one.")
    page = html(response)
    assert f'<html lang="{language}"' in page
    assert error_of(page) == escape(no_script)
    assert error_of(html(expired)) == escape(too_late)
    assert stored_counts() == NOTHING


def test_proof_of_work_setting_is_edited_by_the_organisation_admin_in_the_admin(client, staff, org, other_org):
    url = reverse("admin:accounts_organisation_change", args=[org.pk])
    outsider = make_user("nhri_admin", other_org, Role.ORG_ADMIN)  # the other organisation's admin
    for user in (staff["admin"], outsider):
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    client.force_login(outsider)
    outsider_get = client.get(url)
    outsider_post = client.post(url, {"anonymous_intake_proof_of_work": "on"})
    org.refresh_from_db()
    assert org.anonymous_intake_proof_of_work is False
    client.force_login(staff["admin"])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {name: ("on" if value is True else value) for name, value in form.initial.items()
            if value not in (None, False) and name != "anonymous_intake_proof_of_work"}

    saved = client.post(url, {**data, "anonymous_intake_proof_of_work": "on"})

    assert outsider_get.status_code == 302 and outsider_get.url == reverse("admin:index")  # "does not exist"
    assert outsider_post.status_code == 302 and outsider_post.url == reverse("admin:index")
    assert 'name="anonymous_intake_proof_of_work"' in html(page)
    assert saved.status_code == 302, saved.context["adminform"].form.errors if saved.context else saved
    org.refresh_from_db()
    other_org.refresh_from_db()
    assert org.anonymous_intake_proof_of_work is True
    assert other_org.anonymous_intake_proof_of_work is False
