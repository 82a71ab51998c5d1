"""The audit page names the follow-up's records and its actions in words, never by id or code."""

from django.urls import reverse
from django.utils import translation

from mizan.followup import services
from mizan.followup.models import Recommendation


def test_a_follow_up_change_is_listed_with_its_label_and_the_recommendations_reference(
        client, followup_staff, cat_source):
    recommendation = services.create_recommendation(
        actor=followup_staff["followup"], source=cat_source, text="تجريم التعذيب تجريمًا صريحًا", symbol="CAT/C/EGY/CO/5",
        paragraph="8")
    client.force_login(followup_staff["auditor"])

    response = client.get(reverse("desk:audit"), {"action": "followup.recommendation.create"},
                          HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()

    assert response.status_code == 200
    [row] = response.context["rows"]
    with translation.override("en"):
        assert str(row["action_label"]) == "Recommendation recorded"
        assert row["target"] == str(Recommendation.objects.get(pk=recommendation.pk))
    assert "CAT/C/EGY/CO/5" in row["target"]
    assert f"recommendation #{recommendation.pk}" not in body
    assert "followup.recommendation.create</" not in body
