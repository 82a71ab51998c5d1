"""Accept or reject a suggestion from the case page. Thin: the case through the access
helper (outsiders 404), one domain call, then back to the panel; refusals re-render the case
page like every other case action (403 page, 409 with the conflict message, 400)."""

from django.contrib import messages
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from mizan.complaints.errors import Conflict
from mizan.desk.forms_case import parse_version
from mizan.desk.views_case import SeeOther, case_action

from .models import Suggestion
from .services import decide_suggestion

FORM_KEY = "triage"


def _suggestion(case, pk: int) -> Suggestion:
    suggestion = Suggestion.objects.filter(case=case, pk=pk).select_related("case").first()
    if suggestion is None:
        raise Http404("not found")
    return suggestion


def _back(case):
    return SeeOther(reverse("desk:case", args=[case.reference]) + "#triage")


@case_action(FORM_KEY)
def accept(request, case, pk):
    suggestion = _suggestion(case, pk)
    version = parse_version(request.POST.get("version"))
    if version is None:
        # Without the version the page was rendered with, an accept could undo someone's change.
        raise Conflict(_("Someone else changed this case while you were working on it. "
                         "Reload the page to see the latest version, then try again."), code="stale")
    decide_suggestion(actor=request.user, suggestion=suggestion, accept=True, expected_version=version)
    messages.success(request, _("Suggestion accepted."))
    return _back(case)


@case_action(FORM_KEY)
def reject(request, case, pk):
    decide_suggestion(actor=request.user, suggestion=_suggestion(case, pk), accept=False)
    messages.success(request, _("Suggestion rejected."))
    return _back(case)
