"""Progress reports on a recommendation or a measure, for a period, with their evidence files and
the visibility their organisation chose (internal, shared with the secretariat, public).

A report on a recommendation also sets the reporting organisation's status through
`services.set_recommendation_status` (the owner's status, or a member's own status on a
recommendation a secretariat addressed to it); a report on a measure sets the measure's status
through `plans.set_measure_status`. A member's latest report shared with the secretariat (or
published) is what the secretariat's table reads (`Addressee.shared_status`).

Evidence files go through the upload policy of the complaints wing: the face checks them with
`complaints.uploads.check_uploads` (each refused file named), and `indicators.store_evidence`
(shared with the indicators' reported values) checks the type again (content sniffed, pictures
stripped of their metadata) before writing under a random name in MEDIA_ROOT/evidence/.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mizan.accounts.models import membership_of
from mizan.complaints.errors import Invalid, NotAllowed
from mizan.complaints.intake import clean_text

from . import indicators, plans, projections, services
from .access import can
from .intake import parse_date
from .models import (
    Addressee,
    Measure,
    MeasureStatus,
    ProgressReport,
    Recommendation,
    Status,
    Visibility,
)

__all__ = [
    "EVIDENCE_DIR",
    "MAX_NARRATIVE",
    "clean_progress_report",
    "create_progress_report",
    "set_report_visibility",
    "status_label",
    "visibilities_for",
]

EVIDENCE_DIR = indicators.EVIDENCE_DIR
MAX_NARRATIVE = 20_000


# --- reading ------------------------------------------------------------------------------------

def status_label(report: ProgressReport) -> str:
    """The report's status in words (a recommendation's or a measure's)."""
    choices = dict(MeasureStatus.choices if report.measure_id else Status.choices)
    return str(choices.get(report.status, ""))


def _addressee(organisation_id: int, recommendation: Recommendation) -> Addressee | None:
    if recommendation.organisation_id == organisation_id:
        return None
    return Addressee.objects.filter(recommendation=recommendation, organisation_id=organisation_id).first()


def visibilities_for(actor, *, recommendation: Recommendation | None = None) -> list[tuple[str, str]]:
    """The visibilities `actor` may give a report on `recommendation` (or on a measure), as
    (value, label): sharing with the secretariat only where a secretariat addressed the
    recommendation to the actor's organisation; publishing only with `publish_followup`."""
    choices = [(Visibility.INTERNAL.value, str(Visibility.INTERNAL.label))]
    member = membership_of(actor)
    if recommendation is not None and member is not None and recommendation.organisation_id != member.organisation_id:
        choices.append((Visibility.SECRETARIAT.value, str(Visibility.SECRETARIAT.label)))
    if can(actor, "publish_followup"):
        choices.append((Visibility.PUBLIC.value, str(Visibility.PUBLIC.label)))
    return choices


# --- checking input -----------------------------------------------------------------------------


def clean_progress_report(raw: dict, *, measure: bool = False) -> tuple[dict, dict]:
    """Check what a person gives for a progress report (desk form or API): `status`,
    `period_end` (required), `period_start`, `narrative`, `visibility`. Returns (cleaned, errors),
    the messages in the active language; nothing is written."""
    errors: dict[str, str] = {}
    statuses = MeasureStatus if measure else Status
    status = str(raw.get("status") or "")
    if status not in statuses.values:
        errors["status"] = _("Choose a status from the list.")
    period_end = parse_date(raw, "period_end", errors)
    if period_end is None and "period_end" not in errors:
        errors["period_end"] = _("This field is required.")
    period_start = parse_date(raw, "period_start", errors)
    if period_start and period_end and period_start > period_end:
        errors["period_start"] = _("The start of the period must come before its end.")
    narrative = clean_text(raw.get("narrative"), max_length=MAX_NARRATIVE)
    if not narrative:
        errors["narrative"] = _("Say what was done in this period.")
    elif len(narrative) > MAX_NARRATIVE:
        errors["narrative"] = _("At most %(n)s characters.") % {"n": MAX_NARRATIVE}
    visibility = str(raw.get("visibility") or Visibility.INTERNAL)
    if visibility not in Visibility.values:
        errors["visibility"] = _("Choose who may read this report.")
    return {"status": status, "period_end": period_end, "period_start": period_start, "narrative": narrative,
            "visibility": visibility}, errors


# --- changing -----------------------------------------------------------------------------------

def _check_visibility(actor, organisation, visibility: str, recommendation: Recommendation | None) -> None:
    if visibility == Visibility.SECRETARIAT and (
            recommendation is None or _addressee(organisation.pk, recommendation) is None):
        message = gettext_lazy("Only a report on a recommendation a secretariat addressed to your organisation "
                               "can be shared with the secretariat.")
        raise Invalid(message, fields={"visibility": message})
    if visibility == Visibility.PUBLIC and not can(actor, "publish_followup"):
        message = gettext_lazy("Your role may not publish: choose another visibility.")
        raise NotAllowed(message)


def _refresh_shared_status(addressee: Addressee) -> None:
    """The member's latest report it shared with the secretariat or published (by period, then
    by writing order) is the status the secretariat reads; none: nothing shared."""
    latest = (ProgressReport.objects
              .filter(recommendation_id=addressee.recommendation_id, organisation_id=addressee.organisation_id,
                      visibility__in=[Visibility.SECRETARIAT, Visibility.PUBLIC])
              .order_by("-period_end", "-id").first())
    addressee.shared_status = latest.status if latest else ""
    addressee.shared_at = latest.created_at if latest else None
    addressee.save(update_fields=["shared_status", "shared_at"])


def create_progress_report(*, actor, recommendation: Recommendation | None = None, measure: Measure | None = None,
                           period_end: date, period_start: date | None = None, status: str, narrative: str,
                           visibility: str = Visibility.INTERNAL, files=()) -> ProgressReport:
    """Report progress on one recommendation or one measure for the period ending `period_end`,
    for the actor's organisation, with evidence `files` (`Upload`s, checked by the face).

    Needs `report_progress` (and `publish_followup` to make it public). On a recommendation the
    actor's organisation must own it or be one it was addressed to; a measure must be of the
    actor's organisation. Side effects: the report and its Evidence rows (files written under
    MEDIA_ROOT/evidence/, removed again if anything fails); the organisation's status of the
    recommendation (`services.set_recommendation_status`: status history row, audit, projections)
    or the measure's status (`plans.set_measure_status`); a member's `Addressee.shared_status`
    when the report is shared or public; audit `followup.report.create`; projections ("report")."""
    if (recommendation is None) == (measure is None):
        raise ValueError("a progress report is about one recommendation or one measure")
    organisation = services.member_organisation(actor, "report_progress")
    if measure is not None and measure.organisation_id != organisation.pk:
        raise NotAllowed(gettext_lazy("You are not allowed to do this."))
    if recommendation is not None and recommendation.organisation_id != organisation.pk and \
            _addressee(organisation.pk, recommendation) is None:
        raise NotAllowed(gettext_lazy("You are not allowed to do this."))
    statuses = MeasureStatus if measure is not None else Status
    if status not in statuses.values:
        message = gettext_lazy("Choose a status from the list.")
        raise Invalid(message, fields={"status": message})
    if visibility not in Visibility.values:
        message = gettext_lazy("Choose who may read this report.")
        raise Invalid(message, fields={"visibility": message})
    _check_visibility(actor, organisation, visibility, recommendation)
    files = list(files)
    if len(files) > settings.MIZAN_MAX_FILES_PER_SUBMISSION:
        message = gettext_lazy("Too many files.")
        raise Invalid(message, fields={"files": message})
    stored: list[str] = []
    try:
        with transaction.atomic():
            if recommendation is not None:
                recommendation = services.set_recommendation_status(
                    actor=actor, recommendation=recommendation, status=status, period_end=period_end)
            else:
                measure = plans.set_measure_status(actor=actor, measure=measure, status=status)
            report = ProgressReport.objects.create(
                organisation=organisation, recommendation=recommendation, measure=measure, period_start=period_start,
                period_end=period_end, status=status, narrative=narrative, visibility=visibility, created_by=actor)
            for upload in files:
                stored.append(indicators.store_evidence(organisation.pk, upload, actor=actor, report=report).stored_name)
            if recommendation is not None and visibility != Visibility.INTERNAL:
                addressee = Addressee.objects.select_for_update().filter(
                    recommendation=recommendation, organisation=organisation).first()
                if addressee is not None:
                    _refresh_shared_status(addressee)
            services.audit(organisation, actor, "followup.report.create", report,
                           recommendation=recommendation.pk if recommendation else None,
                           measure=measure.pk if measure else None, status=status, visibility=visibility,
                           evidence=len(stored))
            projections.after_change(projections.Change(
                organisation.pk, recommendations=(recommendation.pk,) if recommendation else (),
                measures=(measure.pk,) if measure else (), reports=(report.pk,), what="report"))
    except BaseException:
        for name in stored:  # the rows are gone with the transaction: so must their files be
            default_storage.delete(f"{EVIDENCE_DIR}/{name}")
        raise
    return report


def set_report_visibility(*, actor, report: ProgressReport, visibility: str) -> ProgressReport:
    """Change who may read a report of the actor's organisation: share it with the secretariat
    later, publish it, or take it back to internal.

    Side effects: the report's visibility; a member's `Addressee.shared_status` recomputed from
    its latest shared report; audit `followup.report.visibility`; projections ("report")."""
    organisation = services.require_own(actor, "report_progress", report.organisation_id)
    if visibility not in Visibility.values:
        message = gettext_lazy("Choose who may read this report.")
        raise Invalid(message, fields={"visibility": message})
    recommendation = report.recommendation
    _check_visibility(actor, organisation, visibility, recommendation)
    if report.visibility == Visibility.PUBLIC and not can(actor, "publish_followup"):
        raise NotAllowed(gettext_lazy("Your role may not publish: choose another visibility."))
    with transaction.atomic():
        locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
        before = locked.visibility
        if before == visibility:
            return locked
        locked.visibility = visibility
        locked.save(update_fields=["visibility"])
        if recommendation is not None:
            addressee = Addressee.objects.select_for_update().filter(
                recommendation=recommendation, organisation=organisation).first()
            if addressee is not None:
                _refresh_shared_status(addressee)
        services.audit(organisation, actor, "followup.report.visibility", locked, before=before, after=visibility)
        projections.after_change(projections.Change(
            organisation.pk, recommendations=(recommendation.pk,) if recommendation else (),
            measures=(locked.measure_id,) if locked.measure_id else (), reports=(locked.pk,), what="report"))
    report.visibility = visibility
    return locked
