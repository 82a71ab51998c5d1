"""Desk pages of progress reports: writing one on a recommendation (with evidence files and the
visibility chosen), changing a report's visibility, downloading its evidence.

The list of reports and the form are shown on the recommendation's and the measure's pages
(`followup/_rec_reports.html`, `_measure_reports.html`, filled by the `rec_reports` and
`measure_reports` template tags); this page shows the form again, with what was typed and every
problem named, when a report could not be saved.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mizan.accounts.models import membership_of
from mizan.complaints.errors import DomainError
from mizan.complaints.uploads import check_uploads, limits, with_rechoose

from . import indicators, progress, services
from .access import can, get_measure_for_user, get_recommendation_for_user, reports_for
from .models import Addressee, Evidence, Measure, MeasureStatus, Recommendation, Status

__all__ = ["evidence_download", "measure_report_new", "report_new", "report_section", "report_visibility"]


def may_report(user, *, recommendation: Recommendation | None = None, measure: Measure | None = None) -> bool:
    """`user` may write a progress report: `report_progress`, and their organisation owns the
    recommendation (or is one a secretariat addressed it to) or the measure."""
    member = membership_of(user)
    if member is None or not can(user, "report_progress"):
        return False
    if measure is not None:
        return measure.organisation_id == member.organisation_id
    return recommendation.organisation_id == member.organisation_id or Addressee.objects.filter(
        recommendation=recommendation, organisation_id=member.organisation_id).exists()


def _own_status(user, recommendation: Recommendation) -> str:
    member = membership_of(user)
    if recommendation.organisation_id == member.organisation_id:
        return recommendation.status
    return Addressee.objects.filter(recommendation=recommendation, organisation_id=member.organisation_id) \
        .values_list("status", flat=True).first() or Status.NOT_STARTED


def report_section(user, *, recommendation: Recommendation | None = None, measure: Measure | None = None,
                   values=None, errors=None) -> dict:
    """What `_reports_section.html` shows: the reports `user` may read on the recommendation or
    the measure (newest period first, with their evidence and writer) and, for those who may
    report, the form."""
    member = membership_of(user)
    subject = {"measure": measure} if measure is not None else {"recommendation": recommendation}
    reports = list(reports_for(user).filter(**subject)
                   .select_related("organisation", "created_by").prefetch_related("evidence")
                   .order_by("-period_end", "-id"))
    for report in reports:
        report.status_label = progress.status_label(report)
        report.own = member is not None and report.organisation_id == member.organisation_id
    section = {**subject, "reports": reports, "may_report": False}
    if may_report(user, recommendation=recommendation, measure=measure):
        if measure is not None:
            action = reverse("followup:measure_report_new", args=[measure.pk])
            statuses, current = MeasureStatus.choices, measure.status
        else:
            action = reverse("followup:report_new", args=[recommendation.pk])
            statuses, current = Status.choices, _own_status(user, recommendation)
        section.update({
            "may_report": True,
            "action": action,
            "statuses": statuses,
            "visibilities": progress.visibilities_for(user, recommendation=recommendation),
            "values": values or {"status": current, "visibility": "internal"},
            "errors": errors or {},
            "limits": limits(),
        })
    return section


def _report_page(request, *, recommendation=None, measure=None):
    """GET: the form alone on a page; POST: saved, then back to the record's page; with
    problems, this page again, everything named."""
    values, errors, status = None, {}, 200
    subject = {"measure": measure} if measure is not None else {"recommendation": recommendation}
    if request.method == "POST":
        values = {name: request.POST.get(name, "") for name in
                  ("status", "period_start", "period_end", "narrative", "visibility")}
        cleaned, errors = progress.clean_progress_report(request.POST, measure=measure is not None)
        uploads, problem = check_uploads(request.FILES.getlist("files"))
        if problem:
            errors["files"] = problem
        if not errors:
            try:
                progress.create_progress_report(actor=request.user, files=uploads, **subject, **cleaned)
            except DomainError as error:
                if error.status == 403:
                    raise PermissionDenied from error
                errors = {key: str(message) for key, message in error.fields.items()} or {"form": str(error.message)}
            else:
                messages.success(request, _("Progress report saved."))
                return redirect(_back(measure=measure, recommendation=recommendation))
        if request.FILES:
            errors["files"] = with_rechoose(errors.get("files"))
        status = 400
    section = report_section(request.user, values=values, errors=errors, **subject)
    return render(request, "followup/report_form.html", {"section": section, **subject}, status=status)


def _back(*, recommendation=None, measure=None) -> str:
    if measure is not None:
        return reverse("followup:measure", args=[measure.pk]) + "#reports"
    return reverse("followup:recommendation", args=[recommendation.pk]) + "#reports"


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report_new(request, pk: int):
    """A progress report on a recommendation of the organisation, or addressed to it."""
    recommendation = get_recommendation_for_user(request.user, pk)
    if not may_report(request.user, recommendation=recommendation):
        raise PermissionDenied
    return _report_page(request, recommendation=recommendation)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def measure_report_new(request, pk: int):
    """A progress report on a measure of the organisation's plans."""
    measure = get_measure_for_user(request.user, pk)
    if not may_report(request.user, measure=measure):
        raise PermissionDenied
    return _report_page(request, measure=measure)


@login_required
@require_POST
def report_visibility(request, pk: int):
    """Change who may read one of the organisation's own reports."""
    member = membership_of(request.user)
    report = reports_for(request.user).filter(pk=pk).select_related("recommendation", "measure").first() \
        if member is not None else None
    if report is None or report.organisation_id != member.organisation_id:
        raise Http404("not found")  # another organisation's report is not the user's to change
    if not can(request.user, "report_progress"):
        raise PermissionDenied
    back = _back(recommendation=report.recommendation, measure=report.measure)
    try:
        progress.set_report_visibility(actor=request.user, report=report,
                                       visibility=request.POST.get("visibility", ""))
    except DomainError as error:
        if error.status == 403:
            raise PermissionDenied from error
        messages.error(request, str(next(iter(error.fields.values()), error.message)))
        return redirect(back)
    messages.success(request, _("The report's visibility is saved."))
    return redirect(back)


@login_required
@require_GET
def evidence_download(request, pk: int):
    """An evidence file of a report the user may read (others: not found)."""
    evidence = Evidence.objects.filter(pk=pk, report__in=reports_for(request.user)).first() \
        if membership_of(request.user) else None
    if evidence is None:
        raise Http404("not found")
    response = indicators.evidence_response(evidence)
    services.audit(membership_of(request.user).organisation, request.user, "followup.evidence.download", evidence,
                   report=evidence.report_id)
    add_never_cache_headers(response)
    return response
