"""Accept or reject suggestions from the case page: one at a time, a category together with its
allegation, or several at once. Thin: the case through the access helper (outsiders 404), one
domain call, then back to the panel; refusals re-render the case page like every other case
action (403 page, 409 with the conflict message, 400 with the error beside the form)."""

from django.contrib import messages
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mizan.complaints.errors import Conflict, Invalid
from mizan.desk.forms_case import parse_version
from mizan.desk.views_case import SeeOther, case_action

from .models import Suggestion
from .services import Decision, decide_suggestion, decide_suggestions

FORM_KEY = "triage"
BATCH_KEY = "triage-batch"  # the form that decides several suggestions at once
# What the batch form may say about one suggestion ("" or absent: decide later).
CHOICES = {"accept": (True, False), "accept_allegation": (True, True), "reject": (False, False)}


def _suggestion(case, pk: int) -> Suggestion:
    suggestion = Suggestion.objects.filter(case=case, pk=pk).first()
    if suggestion is None:
        raise Http404("not found")
    suggestion.case = case  # the row the action locked (complaints.locks), not a second copy
    return suggestion


def _back(case):
    return SeeOther(reverse("desk:case", args=[case.reference]) + "#triage")


def _version(request) -> int:
    version = parse_version(request.POST.get("version"))
    if version is None:
        # Without the version the page was rendered with, an accept could undo someone's change.
        raise Conflict(_("Someone else changed this case while you were working on it. "
                         "Reload the page to see the latest version, then try again."), code="stale")
    return version


def _number(case, allegation_pk: int) -> int:
    """The allegation's number within its case (1, 2, 3 in order of creation)."""
    return case.allegations.filter(pk__lte=allegation_pk).count()


@case_action(FORM_KEY)
def accept(request, case, pk):
    suggestion = _suggestion(case, pk)
    decide_suggestion(actor=request.user, suggestion=suggestion, accept=True, expected_version=_version(request))
    messages.success(request, _("Suggestion accepted."))
    return _back(case)


@case_action(FORM_KEY)
def accept_with_allegation(request, case, pk):
    suggestion = _suggestion(case, pk)
    if suggestion.kind != Suggestion.Kind.CATEGORY:
        raise Http404("not a category")
    decided = decide_suggestions(actor=request.user, case=case, decisions=[Decision(suggestion, True, True)],
                                 expected_version=_version(request))
    messages.success(request, _("Suggestion accepted; allegation %(number)s added.") % {
        "number": _number(case, decided.allegations[0].pk)})
    return _back(case)


@case_action(FORM_KEY)
def reject(request, case, pk):
    decide_suggestion(actor=request.user, suggestion=_suggestion(case, pk), accept=False)
    messages.success(request, _("Suggestion rejected."))
    return _back(case)


@case_action(BATCH_KEY)
def decide(request, case):
    chosen = {}
    for key, value in request.POST.items():
        if not key.startswith("decision-") or not value:
            continue
        pk = key.removeprefix("decision-")
        if not pk.isdigit() or value not in CHOICES:
            raise Invalid(_("Choose a decision from the list."), fields={"form": _("Choose a decision from the list.")})
        chosen[int(pk)] = CHOICES[value]
    suggestions = Suggestion.objects.filter(case=case, pk__in=chosen).in_bulk()
    if len(suggestions) != len(chosen):
        raise Http404("not found")
    for suggestion in suggestions.values():
        suggestion.case = case  # the row the action locked (complaints.locks)
    decisions = [Decision(suggestions[pk], accept, allegation) for pk, (accept, allegation) in sorted(chosen.items())]
    version = _version(request) if any(d.accept for d in decisions) else None
    decide_suggestions(actor=request.user, case=case, decisions=decisions, expected_version=version)
    messages.success(request, ngettext("%(count)s decision saved.", "%(count)s decisions saved.",
                                       len(decisions)) % {"count": len(decisions)})
    return _back(case)
