"""Who may see exports and imports. Every read of either goes through here.

An export is seen by the person who asked for it and by the supervisors of the same
organisation (while they may still export that kind of data); an unredacted export, which holds
personal data, is downloaded only by the person who asked for it with a reason. An import run
is seen by the person who uploaded it and by supervisors of the same organisation. Anyone else
gets "not found", the same answer as for an id that does not exist.
"""

from django.db.models import Q
from django.http import Http404

from mizan.accounts.models import Role, membership_of

from .exports import may_export_cases, may_export_statistics
from .imports import may_import
from .models import Export, ImportRun


def _may_export_kind(user, kind: str) -> bool:
    return may_export_cases(user) if kind == Export.Kind.CASES else may_export_statistics(user)


def exports_for(user):
    """The exports `user` may see, newest first."""
    member = membership_of(user)
    if member is None or not (may_export_cases(user) or may_export_statistics(user)):
        return Export.objects.none()
    qs = Export.objects.filter(organisation_id=member.organisation_id)
    if member.role != Role.SUPERVISOR:
        qs = qs.filter(requested_by=user)
    kinds = [kind for kind in Export.Kind.values if _may_export_kind(user, kind)]
    return qs.filter(kind__in=kinds).select_related("requested_by")


def get_export_for_user(user, pk, *, download: bool = False) -> Export:
    """The export `pk` if `user` may see it (download it, with `download`); Http404 otherwise."""
    export = exports_for(user).filter(pk=pk).select_related("organisation").first() if str(pk).isdigit() else None
    if export is None:
        raise Http404("not found")
    if download and export.unredacted and export.requested_by_id != user.pk:
        raise Http404("not found")
    return export


def may_download(user, export: Export) -> bool:
    return not export.unredacted or export.requested_by_id == user.pk


def imports_for(user):
    member = membership_of(user)
    if member is None or not may_import(user):
        return ImportRun.objects.none()
    qs = ImportRun.objects.filter(organisation_id=member.organisation_id)
    if member.role != Role.SUPERVISOR:
        qs = qs.filter(Q(requested_by=user))
    return qs.select_related("requested_by")


def get_import_for_user(user, pk) -> ImportRun:
    run = imports_for(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if run is None:
        raise Http404("not found")
    return run
