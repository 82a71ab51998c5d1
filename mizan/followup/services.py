"""Domain functions of the follow-up of recommendations: sources, recommendations, their status.

One state change = one function, `verb_noun(*, actor, ...)`, inside `transaction.atomic()`; the
permission is checked inside (`access.can` in the actor's own organisation), so no face can skip
it. Each writes an audit row (ids and codes, never a text) and ends with `projections.after_change`.
Input is validated by `followup.intake` first; these functions assume cleaned values.
Plans, indicators, progress reports, imports and suggestions have their own modules beside this
one (`plans.py`, `indicators.py`, `progress.py`, `imports.py`, `assist.py`), built the same way.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mizan.accounts.models import Organisation, membership_of
from mizan.audit.models import record
from mizan.complaints.errors import Conflict, Invalid, NotAllowed

from . import projections
from .access import can
from .models import (
    Addressee,
    BodyRole,
    Cluster,
    ExternalBody,
    Recommendation,
    ResponsibleBody,
    Source,
    Status,
    StatusChange,
)

__all__ = [
    "address_recommendation",
    "cluster_recommendations",
    "create_external_body",
    "create_recommendation",
    "create_recommendation_with_source",
    "create_source",
    "leave_cluster",
    "set_recommendation_status",
    "set_responsible_bodies",
    "update_external_body",
    "update_recommendation",
]

# Fields of a recommendation that `update_recommendation` may change (from `intake.clean_recommendation`).
EDITABLE = ("source", "type", "text", "language", "text_ar", "text_en", "text_fr", "symbol", "paragraph",
            "issued_on", "affected_groups", "sdg_targets", "recommending_states", "position", "due_on",
            "is_public", "response")


def member_organisation(actor, action: str) -> Organisation:
    """The actor's organisation if the actor may do `action` there; NotAllowed otherwise."""
    member = membership_of(actor)
    if member is None or not can(actor, action):
        raise NotAllowed(_("You are not allowed to do this."))
    return member.organisation


def require_own(actor, action: str, organisation_id: int) -> Organisation:
    organisation = member_organisation(actor, action)
    if organisation.pk != organisation_id:
        raise NotAllowed(_("You are not allowed to do this."))
    return organisation


def audit(organisation, actor, action: str, target, **data) -> None:
    record(action=action, organisation=organisation, actor=actor, actor_label="staff", target=target, data=data)


def stale() -> Conflict:
    return Conflict(_("Someone else changed this record while you were working on it. "
                      "Reload the page to see the latest version, then try again."), code="stale")


def lock_recommendation(recommendation: Recommendation, expected_version: int | None) -> Recommendation:
    locked = Recommendation.objects.select_for_update(of=("self",)).get(pk=recommendation.pk)
    if expected_version is not None and locked.version != expected_version:
        raise stale()
    return locked


def _touch(recommendation: Recommendation, fields: list[str]) -> None:
    recommendation.version = models.F("version") + 1
    recommendation.save(update_fields=[*fields, "version", "updated_at"])
    recommendation.refresh_from_db(fields=["version"])


# --- sources --------------------------------------------------------------------------------------

def create_source(*, actor, kind: str, title_ar: str, title_en: str = "", title_fr: str = "", body: str = "",
                  symbol: str = "", date: date | None = None, place: str = "", upr_cycle: int | None = None,
                  upr_session: int | None = None) -> Source:
    """Record a source of recommendations for the actor's organisation.

    Side effects: audit `followup.source.create`."""
    organisation = member_organisation(actor, "edit_recommendations")
    with transaction.atomic():
        source = Source.objects.create(
            organisation=organisation, kind=kind, title_ar=title_ar, title_en=title_en, title_fr=title_fr,
            body=body, symbol=symbol, date=date, place=place, upr_cycle=upr_cycle, upr_session=upr_session)
        audit(organisation, actor, "followup.source.create", source, kind=kind)
    return source


# --- recommendations --------------------------------------------------------------------------------

def _set_bodies(recommendation: Recommendation, bodies) -> None:
    """Replace the responsible bodies: `bodies` is [(role, Unit | None, ExternalBody | None)]."""
    ResponsibleBody.objects.filter(recommendation=recommendation).delete()
    ResponsibleBody.objects.bulk_create([
        ResponsibleBody(recommendation=recommendation, role=role, unit=unit, external=external)
        for role, unit, external in bodies
    ])


def _check_bodies(organisation, bodies) -> None:
    for _role, unit, external in bodies:
        owner = unit.organisation_id if unit is not None else external.organisation_id
        if owner != organisation.pk:
            raise Invalid(_("Choose a unit or an outside body of your organisation."),
                          fields={"responsible": _("Choose a unit or an outside body of your organisation.")})
    leads = [b for b in bodies if b[0] == BodyRole.LEAD]
    if len(leads) > 1:
        raise Invalid(_("A recommendation has one lead body."),
                      fields={"responsible": _("A recommendation has one lead body.")})


def create_recommendation(*, actor, source: Source, text: str, language: str = "ar", themes=(), bodies=(),
                          addressees=(), status: str = Status.NOT_STARTED, external_key: str = "",
                          import_hash: str = "", **fields) -> Recommendation:
    """Record one recommendation of `source` for the actor's organisation.

    `themes`: Categories; `bodies`: [(role, unit, external)] of the organisation; `addressees`:
    member organisations (a secretariat's recommendations only); `fields`: the other EDITABLE
    fields. Side effects: first row of its status history (and of each addressee's); audit
    `followup.recommendation.create`; projections ("created")."""
    organisation = require_own(actor, "edit_recommendations", source.organisation_id)
    if fields.get("is_public") and not can(actor, "publish_followup"):
        raise NotAllowed(_("Only a supervisor or an administrator of your organisation may publish or withdraw a "
                           "recommendation."))
    if addressees and organisation.kind != Organisation.Kind.SECRETARIAT:
        raise Invalid(_("Only a regional secretariat addresses recommendations to member organisations."),
                      fields={"addressees": _("Only a regional secretariat addresses recommendations to member "
                                              "organisations.")})
    bodies = list(bodies)
    _check_bodies(organisation, bodies)
    now = timezone.now()
    with transaction.atomic():
        recommendation = Recommendation.objects.create(
            organisation=organisation, source=source, text=text, language=language, status=status,
            status_changed_at=now, external_key=external_key, import_hash=import_hash, created_by=actor,
            **{k: v for k, v in fields.items() if k in EDITABLE and k != "source"})
        recommendation.themes.set(themes)
        _set_bodies(recommendation, bodies)
        members = [member for member in addressees if member.pk != organisation.pk]
        Addressee.objects.bulk_create([Addressee(recommendation=recommendation, organisation=member)
                                       for member in members])
        StatusChange.objects.bulk_create([
            StatusChange(recommendation=recommendation, organisation=organisation, from_status="", to_status=status,
                         at=now, by=actor),
            *_addressed_history(recommendation, members, actor, now)])
        audit(organisation, actor, "followup.recommendation.create", recommendation, source=source.pk,
              status=status, addressees=[m.pk for m in addressees])
        projections.after_change(projections.Change(organisation.pk, recommendations=(recommendation.pk,),
                                                    what="created"))
    return recommendation


def update_recommendation(*, actor, recommendation: Recommendation, themes=None, bodies=None,
                          expected_version: int | None = None, **fields) -> Recommendation:
    """Change the recorded facts of a recommendation (text, translations, reference, position,
    themes, groups, SDG targets, due date, responsible bodies; not its status: see
    `set_recommendation_status`). Raises Conflict when it changed since `expected_version`.

    Side effects: audit `followup.recommendation.change` (names of the fields changed);
    projections ("updated")."""
    organisation = require_own(actor, "edit_recommendations", recommendation.organisation_id)
    if "is_public" in fields and fields["is_public"] != recommendation.is_public and not can(actor, "publish_followup"):
        raise NotAllowed(_("Only a supervisor or an administrator of your organisation may publish or withdraw a "
                           "recommendation."))
    if "source" in fields and fields["source"].organisation_id != organisation.pk:
        raise Invalid(_("Choose a source of your organisation."), fields={"source": _("Choose a source of your "
                                                                                        "organisation.")})
    if bodies is not None:
        bodies = list(bodies)
        _check_bodies(organisation, bodies)
    with transaction.atomic():
        locked = lock_recommendation(recommendation, expected_version)
        changed = [name for name, value in fields.items() if name in EDITABLE and getattr(locked, name) != value]
        for name in changed:
            setattr(locked, name, fields[name])
        if themes is not None:
            before = set(locked.themes.values_list("pk", flat=True))
            if before != {t.pk for t in themes}:
                locked.themes.set(themes)
                changed.append("themes")
        if bodies is not None:
            before = {(b.role, b.unit_id, b.external_id) for b in locked.responsible.all()}
            after = {(role, getattr(unit, "pk", None), getattr(external, "pk", None)) for role, unit, external in bodies}
            if before != after:
                _set_bodies(locked, bodies)
                changed.append("responsible")
        if changed:
            _touch(locked, [name for name in changed if name in EDITABLE])
            audit(organisation, actor, "followup.recommendation.change", locked, fields=sorted(changed))
            projections.after_change(projections.Change(organisation.pk, recommendations=(locked.pk,)))
    return locked


def set_recommendation_status(*, actor, recommendation: Recommendation, status: str, note: str = "",
                              period_end: date | None = None, expected_version: int | None = None) -> Recommendation:
    """Set where the implementation stands, for the actor's organisation: the owner's status, or,
    on a recommendation a secretariat addressed to it, the member's own status (internal until a
    progress report shares it). Needs `report_progress`.

    Side effects: a status history row (with the note); audit `followup.recommendation.status`;
    projections ("status")."""
    organisation = member_organisation(actor, "report_progress")
    if status not in Status.values:
        raise Invalid(_("Choose a status from the list."), fields={"status": _("Choose a status from the list.")})
    now = timezone.now()
    with transaction.atomic():
        locked = lock_recommendation(recommendation, expected_version)
        if locked.organisation_id == organisation.pk:
            before = locked.status
            if before != status:
                locked.status, locked.status_changed_at = status, now
                _touch(locked, ["status", "status_changed_at"])
        else:
            addressee = Addressee.objects.select_for_update().filter(recommendation=locked,
                                                                      organisation=organisation).first()
            if addressee is None:
                raise NotAllowed(_("You are not allowed to do this."))
            before = addressee.status
            if before != status:
                addressee.status, addressee.status_changed_at = status, now
                addressee.save(update_fields=["status", "status_changed_at"])
        if before == status and not note:
            return locked
        StatusChange.objects.create(recommendation=locked, organisation=organisation, from_status=before,
                                    to_status=status, note=note, period_end=period_end, at=now, by=actor)
        audit(organisation, actor, "followup.recommendation.status", locked, before=before, after=status)
        projections.after_change(projections.Change(organisation.pk, recommendations=(locked.pk,), what="status"))
    return locked


def set_responsible_bodies(*, actor, recommendation: Recommendation, bodies,
                           expected_version: int | None = None) -> Recommendation:
    """Replace who must act on a recommendation ([(role, unit, external)], one lead at most)."""
    return update_recommendation(actor=actor, recommendation=recommendation, bodies=bodies,
                                 expected_version=expected_version)


def _addressed_history(recommendation, members, actor, at) -> list[StatusChange]:
    """The first row of each member's own status history: from the day it was addressed, the
    recommendation counts among those the member follows, "not started" until it says otherwise
    (a past period's figures read the history)."""
    return [StatusChange(recommendation=recommendation, organisation=member, from_status="",
                         to_status=Status.NOT_STARTED, at=at, by=actor) for member in members]


def address_recommendation(*, actor, recommendation: Recommendation, organisations,
                           expected_version: int | None = None) -> Recommendation:
    """A secretariat addresses its recommendation to member organisations (adds those not yet
    addressed; never removes one that may already have reported).

    Side effects: Addressee rows, each with the first row of its status history; audit
    `followup.recommendation.address`; projections."""
    organisation = require_own(actor, "edit_recommendations", recommendation.organisation_id)
    if organisation.kind != Organisation.Kind.SECRETARIAT:
        raise Invalid(_("Only a regional secretariat addresses recommendations to member organisations."),
                      fields={"addressees": _("Only a regional secretariat addresses recommendations to member "
                                              "organisations.")})
    with transaction.atomic():
        locked = lock_recommendation(recommendation, expected_version)
        present = set(Addressee.objects.filter(recommendation=locked).values_list("organisation_id", flat=True))
        new = [m for m in organisations if m.pk not in present and m.pk != organisation.pk]
        if new:
            Addressee.objects.bulk_create([Addressee(recommendation=locked, organisation=m) for m in new])
            StatusChange.objects.bulk_create(_addressed_history(locked, new, actor, timezone.now()))
            audit(organisation, actor, "followup.recommendation.address", locked, added=[m.pk for m in new])
            projections.after_change(projections.Change(organisation.pk, recommendations=(locked.pk,)))
    return locked


def cluster_recommendations(*, actor, recommendations, label: str = "", cluster: Cluster | None = None,
                            expected_version: int | None = None) -> Cluster:
    """Follow several recommendations that ask the same thing as one cluster: into `cluster`, or a
    new one named `label`. All must be the actor's organisation's. `expected_version`: that of
    the first recommendation (the one the person was looking at); Conflict when it changed.

    Side effects: the recommendations' cluster; audit `followup.cluster`; projections."""
    recommendations = list(recommendations)
    if not recommendations:
        raise Invalid(_("Choose at least one recommendation."), fields={"recommendations": _("Choose at least one "
                                                                                              "recommendation.")})
    organisation = member_organisation(actor, "edit_recommendations")
    if any(r.organisation_id != organisation.pk for r in recommendations) or (
            cluster is not None and cluster.organisation_id != organisation.pk):
        raise NotAllowed(_("You are not allowed to do this."))
    with transaction.atomic():
        if expected_version is not None:
            lock_recommendation(recommendations[0], expected_version)
        if cluster is None:
            label = label.strip() or recommendations[0].display_text[:120]
            cluster = Cluster.objects.create(organisation=organisation, label=label, created_by=actor)
        ids = [r.pk for r in recommendations]
        Recommendation.objects.filter(pk__in=ids).update(cluster=cluster, version=models.F("version") + 1)
        audit(organisation, actor, "followup.cluster", cluster, recommendations=ids)
        projections.after_change(projections.Change(organisation.pk, recommendations=tuple(ids)))
    return cluster


def leave_cluster(*, actor, recommendation: Recommendation, expected_version: int | None = None) -> Recommendation:
    """Take a recommendation out of its cluster (an empty cluster is deleted)."""
    organisation = require_own(actor, "edit_recommendations", recommendation.organisation_id)
    with transaction.atomic():
        locked = lock_recommendation(recommendation, expected_version)
        cluster_id = locked.cluster_id
        if cluster_id is None:
            return locked
        locked.cluster = None
        _touch(locked, ["cluster"])
        if not Recommendation.objects.filter(cluster_id=cluster_id).exists():
            Cluster.objects.filter(pk=cluster_id).delete()
        audit(organisation, actor, "followup.cluster.leave", locked, cluster=cluster_id)
        projections.after_change(projections.Change(organisation.pk, recommendations=(locked.pk,)))
    return locked


def create_recommendation_with_source(*, actor, source_fields: dict, **fields) -> Recommendation:
    """Record a new source (`source_fields`: the keyword arguments of `create_source`) and one
    recommendation of it together: both or neither.

    Side effects: those of `create_source` and `create_recommendation`."""
    with transaction.atomic():
        source = create_source(actor=actor, **source_fields)
        return create_recommendation(actor=actor, source=source, **fields)


# --- the register of outside bodies ------------------------------------------------------------------

def _name_taken() -> Invalid:
    message = _("An outside body with this Arabic name is already in the register.")
    return Invalid(message, fields={"name_ar": message})


def create_external_body(*, actor, name_ar: str, name_en: str = "", name_fr: str = "",
                         kind: str = ExternalBody.Kind.GOVERNMENT) -> ExternalBody:
    """Add a body outside the organisation (a ministry, the prosecution, parliament…) to its
    register, so that recommendations and measures can name it as responsible.

    Side effects: audit `followup.body.create`."""
    organisation = member_organisation(actor, "edit_recommendations")
    try:
        with transaction.atomic():
            body = ExternalBody.objects.create(organisation=organisation, name_ar=name_ar, name_en=name_en,
                                               name_fr=name_fr, kind=kind)
            audit(organisation, actor, "followup.body.create", body, kind=kind)
    except IntegrityError:  # the same Arabic name, added by someone else meanwhile or already there
        raise _name_taken() from None
    return body


EXTERNAL_BODY_FIELDS = ("name_ar", "name_en", "name_fr", "kind", "is_active")


def update_external_body(*, actor, body: ExternalBody, **fields) -> ExternalBody:
    """Rename an outside body, change its kind, or deactivate it (it stays on the recommendations
    and measures that name it, and is no longer offered for new ones) or reactivate it.

    Side effects: audit `followup.body.change` (names of the fields changed); projections for
    the recommendations that name it."""
    organisation = require_own(actor, "edit_recommendations", body.organisation_id)
    try:
        with transaction.atomic():
            locked = ExternalBody.objects.select_for_update().get(pk=body.pk)
            changed = [name for name in EXTERNAL_BODY_FIELDS if name in fields and getattr(locked, name) != fields[name]]
            if not changed:
                return locked
            for name in changed:
                setattr(locked, name, fields[name])
            locked.save(update_fields=changed)
            audit(organisation, actor, "followup.body.change", locked, fields=sorted(changed))
            # What is derived from the recommendations naming it (their search text) follows.
            named = tuple(ResponsibleBody.objects.filter(external=locked).values_list("recommendation_id", flat=True))
            projections.after_change(projections.Change(organisation.pk, recommendations=named))
    except IntegrityError:
        raise _name_taken() from None
    return locked
