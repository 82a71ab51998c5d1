"""The custodian's page: requests to see identities that wait for a second person's decision.

Only users who may approve (`approve_reveal`) see it, and only their organisation's requests,
never their own (`complaints.reveal.requests_to_decide`). Each decision is one POST form with the
approver's own reason; the domain function records it, notifies the requester and writes the
audit row. A refused form re-renders the list with that form open: 400 for missing input, 403
for the requester's own request, 409 for a request decided or expired meanwhile.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mizan.accounts.models import membership_of
from mizan.complaints import reveal as reveal_flow
from mizan.complaints.access import can
from mizan.complaints.errors import Conflict, Invalid, NotAllowed

from .views_case import FormState, SeeOther

DECISIONS = ("approve", "refuse")


def _approver(request):
    """Users who may not approve learn nothing about the page."""
    member = membership_of(request.user)
    if member is None or not can(request.user, "approve_reveal"):
        raise Http404("not found")
    return member


def _render(request, *, status=200, failed_key=None, errors=None, notice=None):
    posted = request.POST if failed_key else None
    rows = [{
        "request": req,
        "form": FormState(f"decide-{req.pk}", failed_key=failed_key, posted=posted, errors=errors,
                          initial={"reason": "", "decision": ""}),
    } for req in reveal_flow.requests_to_decide(request.user)]
    context = {
        "rows": rows,
        "notice": notice,
        "errors": {f"{failed_key}-{field}": message for field, message in (errors or {}).items()},
        "hours": reveal_flow.approval_hours(),
    }
    response = render(request, "desk/reveal_requests.html", context, status=status)
    add_never_cache_headers(response)
    return response


@login_required
@require_http_methods(["GET", "HEAD"])
def reveal_requests(request):
    _approver(request)
    return _render(request)


@login_required
@require_POST
def reveal_decide(request, pk: int):
    _approver(request)
    key = f"decide-{pk}"
    decision = request.POST.get("decision")
    reason = (request.POST.get("reason") or "").strip()
    errors = {}
    if decision not in DECISIONS:
        errors["form"] = _("Choose whether you approve or refuse the request.")
    if not reason:
        errors["reason"] = _("Give the reason for your decision. It is kept in the audit log.")
    if errors:
        return _render(request, status=400, failed_key=key, errors=errors)
    try:
        reveal_flow.decide_reveal(actor=request.user, request_id=pk, approve=decision == "approve", reason=reason)
    except NotAllowed:
        return _render(request, status=403, notice=_("You cannot decide on your own request; "
                                                     "another colleague has to."))
    except Conflict:
        return _render(request, status=409, notice=_("This request was already decided, or it has expired."))
    except Invalid:
        return _render(request, status=400, failed_key=key, errors={
            "reason": _("Give the reason for your decision. It is kept in the audit log.")})
    if decision == "approve":
        messages.success(request, _("Approved. Your colleague can now see the identities once."))
    else:
        messages.success(request, _("Refused. Your colleague has been told."))
    return SeeOther(reverse("desk:reveal_requests"))
