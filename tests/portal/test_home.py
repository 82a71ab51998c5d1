"""The home page: what can be complained about, how it is handled, in the reader's language."""

import pytest
from django.urls import reverse

from mizan.accounts.models import Organisation

from .conftest import html

pytestmark = pytest.mark.django_db


def test_home_renders_in_arabic_by_default(client, org):
    response = client.get(reverse("portal:home"))
    page = html(response)
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page
    assert "التعذيب وسوء المعاملة" in page
    assert "الضرب أو الإيذاء البدني أو النفسي أو المعاملة المهينة" in page
    assert f'<a class="btn btn-primary" href="{reverse("portal:file")}">' in page
    assert f'<a class="btn" href="{reverse("portal:track")}">' in page


@pytest.mark.parametrize(("lang", "label", "description"), [
    ("en", "Torture and ill-treatment", "Beatings, physical or psychological abuse, degrading treatment"),
    ("fr", "Torture et mauvais traitements", "Coups, sévices physiques ou psychologiques, traitements dégradants"),
])
def test_home_renders_categories_in_chosen_language(client, org, lang, label, description):
    response = client.get(reverse("portal:home"), {"lang": lang})
    page = html(response)
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="ltr">' in page
    assert label in page
    assert description in page
    assert "التعذيب وسوء المعاملة" not in page


def test_home_states_appeal_days_of_the_receiving_organisation(client, org):
    org.appeal_days = 21
    org.save()
    page = html(client.get(reverse("portal:home"), {"lang": "en"}))
    assert "within 21 days of the decision" in page


def test_home_without_receiving_organisation_says_complaints_are_not_received(client, org):
    Organisation.objects.filter(pk=org.pk).update(accepts_public_complaints=False)
    home = html(client.get(reverse("portal:home"), {"lang": "en"}))
    form = client.get(reverse("portal:file"))
    assert "Complaints are not being received through this site at the moment." in home
    assert f'<a class="btn btn-primary" href="{reverse("portal:file")}">' not in home
    assert form.status_code == 200
    assert "Complaints are not being received through this site at the moment." in html(form)
    assert 'name="narrative"' not in html(form)
