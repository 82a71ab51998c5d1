"""Builders for the tests of suggested urgency (queue, notifications, API, escalation); no tests here."""

from mizan.triage.models import Suggestion

TORTURE = "ضربوني في القسم وكهربوني حتى وقعت على اعتراف، ولسه بيضربوا أخويا لحد دلوقتي"
HUNGER_STRIKE = "أخي مضرب عن الطعام منذ عشرة أيام"


def suggest_urgency(case, level="critical", signals=("ongoing_torture",)) -> Suggestion:
    """An urgency suggestion waiting for a decision, stored as a triage run stores it (the case
    follows through `Suggestion.save`; nobody is alerted: that is the triage run's doing)."""
    return Suggestion.objects.create(
        case=case, kind=Suggestion.Kind.URGENCY, value=level, confidence=0.78, source="lexicon",
        reasons={"signals": [{"code": code, "level": level, "triggers": []} for code in signals]})
