"""Exports of case lists and statistics: who may ask, writing the file, forgetting it.

- `request_export` records the request (an Export row and an audit row) and queues the writing,
  or marks it to be streamed in the response (a CSV of at most MIZAN_EXPORT_DIRECT_ROWS cases).
- `write_export` is the task body: it writes the file under MEDIA_ROOT/exports/ with a random
  name, reporting progress as it goes.
- `stream_export` yields the bytes of a streamed CSV.
- `sweep_exports` deletes expired files and fails exports that were interrupted.

Memory stays bounded whatever the size: cases are read with `.iterator(chunk_size=CHUNK)` (the
prefetches run per chunk), every row is written as soon as it is made, and XLSX uses
openpyxl's write-only mode. The export reads without a transaction: on SQLite a transaction
would take the write lock (IMMEDIATE) and stop every complaint while the file is written.

Audit rows hold ids, counts and column names only — never a value, a filter's text or the
reason (the reason is kept on the Export row, which only its requester and supervisors see).
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mizan.accounts.models import membership_of
from mizan.audit.models import record
from mizan.complaints import caselist
from mizan.complaints.access import can
from mizan.complaints.errors import Invalid, NotAllowed
from mizan.core.tasks import enqueue_on_commit

from . import aggregates, forms_dashboard
from .columns import CASE_COLUMNS, COLUMNS_BY_KEY, GROUPS, CaseRows, column_label, local
from .models import Export, Format
from .statistics import Labels
from .writers import Table, csv_chunks, write_csv, write_xlsx

logger = logging.getLogger(__name__)

EXPORT_DIR = "exports"
CHUNK = 500  # cases per round trip; each chunk's prefetches are one query per relation
PROGRESS_EVERY = 1000
STALE_HOURS = 6  # an export still pending or running after this long was interrupted
CASE_PARAMS = ("view", *caselist.FILTER_PARAMS)
# The period and the dashboard's filters (`forms_dashboard.PARAMS`): "export these statistics".
STATISTICS_PARAMS = ("from", "to", "governorate", "facility", "category", "vulnerability", "channel")


class Refused(Exception):
    """The requester may no longer have this export (their role changed since they asked)."""


# --- permissions ------------------------------------------------------------------------------------

def may_export_cases(user) -> bool:
    return can(user, "export") and can(user, "view_case")


def may_export_statistics(user) -> bool:
    return can(user, "export") and can(user, "view_statistics")


def reveal_needs_approval(user) -> bool:
    """Whether the user's organisation wants a second person's approval before any identity is
    seen (`complaints.reveal`). Such an approval is given for one case, so an export that would
    show the identities of many is never unredacted there."""
    member = membership_of(user)
    return bool(member and getattr(member.organisation, "identity_reveal_needs_approval", False))


def may_unredact(user) -> bool:
    return may_export_cases(user) and can(user, "reveal_identity") and not reveal_needs_approval(user)


# --- which cases --------------------------------------------------------------------------------------

def clean_params(params, names=CASE_PARAMS) -> dict[str, list[str]]:
    """The queue's URL parameters worth keeping (as the queue reads them), as {name: [values]}."""
    kept = {}
    for name in names:
        values = [str(v)[:200] for v in params.getlist(name) if str(v).strip()][:20]
        if values:
            kept[name] = values
    return kept


def _querydict(params: dict[str, list[str]]) -> QueryDict:
    query = QueryDict(mutable=True)
    for name, values in params.items():
        query.setlist(name, list(values))
    return query


def cases_to_export(user, params: dict[str, list[str]]):
    """(queryset, notes): the cases of the queue tab and filters in `params`, as `user` sees
    them in the desk (`complaints.caselist.queue_cases`), in the tab's order, but newest first where
    the queue would rank by relevance (ranking needs the whole result in memory; an export wants every row)."""
    member = membership_of(user)
    if member is None or not may_export_cases(user):
        raise Refused("export")
    query = _querydict(params)
    filters, notes = caselist.parse_filters(caselist.queue_choices(member.organisation), query)
    views = caselist.available_views(member)
    view = query.get("view") or caselist.default_view(member)
    if view not in views:
        view = caselist.default_view(member)
    filters = caselist.tab_order(filters, query, view)  # the tab's own order when none is asked (urgency first)
    if filters.sort == "relevance":
        filters = replace(filters, sort="newest")
    return caselist.queue_cases(user, view, filters), notes


def statistics_period(params: dict[str, list[str]]) -> tuple[date | None, date | None]:
    query = _querydict(params)
    return (caselist.filter_date(query.get("from") or "") if query.get("from") else None,
            caselist.filter_date(query.get("to") or "") if query.get("to") else None)


def statistics_filters(organisation, params: dict[str, list[str]]):
    """The dashboard's filters of a statistics export (`statistics.Filters`), read as the
    dashboard reads them: a value that names nothing of the organisation filters nothing."""
    _period, filters, _notes = forms_dashboard.parse(_querydict(params), Labels(organisation), timezone.localdate())
    return filters


# --- asking ---------------------------------------------------------------------------------------------

def request_export(*, actor, kind: str, fmt: str, params: dict[str, list[str]], columns: list[str] | None = None,
                   unredacted: bool = False, reason: str = "") -> Export:
    """Record `actor`'s request for an export and start it.

    Permission is checked here: a case list needs `export` and `view_case`; personal data
    unredacted also needs `reveal_identity` and a written reason; statistics need `export` and
    `view_statistics`. Side effects: an Export row (in the active language); audit
    `export.request` (kind, format, column names, row count, whether unredacted, the reason's
    length); the task `write_export` on commit — or, for a CSV of at most
    MIZAN_EXPORT_DIRECT_ROWS cases, the row is marked `streamed` and the caller streams it
    (`stream_export`). Raises NotAllowed or Invalid.
    """
    # Not at the top: reports.tasks imports this module for the task's body (exports <-> tasks).
    from .tasks import write_export as write_export_task

    member = membership_of(actor)
    if fmt not in Format.values:
        raise Invalid(_("Choose a format."), fields={"format": _("Choose a format.")})
    if kind == Export.Kind.CASES:
        if member is None or not may_export_cases(actor):
            raise NotAllowed(_("You are not allowed to do this."))
        columns = [key for key in dict.fromkeys(columns or []) if key in COLUMNS_BY_KEY]
        if not columns:
            raise Invalid(_("Choose at least one column."), fields={"columns": _("Choose at least one column.")})
        reason = (reason or "").strip()
        if unredacted:
            if not may_unredact(actor):
                raise NotAllowed(_("You are not allowed to do this."))
            if not reason:
                raise Invalid(_("Write why you need the personal data."),
                              fields={"reason": _("Write why you need the personal data.")})
        else:
            reason = ""
        params = clean_params(_querydict(params))
        queryset, _notes = cases_to_export(actor, params)
        row_count = queryset.count()
    elif kind == Export.Kind.STATISTICS:
        if member is None or not may_export_statistics(actor):
            raise NotAllowed(_("You are not allowed to do this."))
        columns, unredacted, reason, row_count = [], False, "", 0
        params = clean_params(_querydict(params), STATISTICS_PARAMS)
    else:
        raise Invalid(_("Unknown export."))
    streamed = kind == Export.Kind.CASES and fmt == Format.CSV and row_count <= settings.MIZAN_EXPORT_DIRECT_ROWS
    now = timezone.now()
    with transaction.atomic():
        export = Export.objects.create(
            organisation=member.organisation, requested_by=actor, kind=kind, format=fmt,
            language=translation.get_language() or "ar", filters=params, columns=columns, unredacted=unredacted,
            reason=reason[:1000], row_count=row_count, streamed=streamed,
            status=Export.Status.RUNNING if streamed else Export.Status.PENDING, started_at=now if streamed else None)
        record(action="export.request", organisation=member.organisation, actor=actor, target=export, data={
            "export": export.pk, "kind": kind, "format": fmt, "columns": columns, "rows": row_count,
            "filters": sorted(params), "unredacted": unredacted, "reason_chars": len(reason), "streamed": streamed})
        if not streamed:
            enqueue_on_commit(write_export_task, export.pk)
    return export


# --- writing ------------------------------------------------------------------------------------------

class _Progress:
    def __init__(self, export: Export | None):
        self.export = export
        self.rows = 0

    def step(self) -> None:
        self.rows += 1
        if self.export is not None and self.rows % PROGRESS_EVERY == 0:
            with transaction.atomic():
                Export.objects.filter(pk=self.export.pk).update(progress=self.rows)


def _case_rows(queryset, builder: CaseRows, progress: _Progress) -> Iterator[list]:
    for case in queryset.iterator(chunk_size=CHUNK):
        row = builder.row(case)
        # A prefetched object refers back to its case: without breaking that cycle, every chunk
        # would wait for the next full garbage collection and memory would grow with the rows.
        case.__dict__.pop("_prefetched_objects_cache", None)
        yield row
        progress.step()


def _about(export: Export, progress: _Progress, builder: CaseRows | None) -> Iterator[list]:
    """The "about this export" sheet, made after the data sheet (it gives the row count)."""
    requester = export.requested_by
    yield [_("Organisation"), export.organisation.name]
    yield [_("Requested by"), requester.get_full_name() or requester.get_username()]
    yield [_("Requested at"), local(export.created_at)]
    if export.kind == Export.Kind.CASES:
        yield [_("Cases"), progress.rows]
        yield [_("Personal data"), _("Included, unredacted") if export.unredacted else _("Redacted (▇▇▇)")]
    filters = "; ".join(f"{name}={', '.join(values)}" for name, values in export.filters.items())
    yield [_("Filters"), filters or _("None")]


def export_tables(export: Export, progress: _Progress) -> tuple[list[Table], CaseRows | None]:
    """The tables of `export`, their rows made lazily (call inside the export's language)."""
    user = export.requested_by
    if export.kind == Export.Kind.CASES:
        if not may_export_cases(user) or (export.unredacted and not may_unredact(user)):
            raise Refused("export")
        queryset, _notes = cases_to_export(user, export.filters)
        builder = CaseRows(export.organisation, export.columns, unredacted=export.unredacted)
        # defer(None) first: the queue defers the narrative, and only() would keep that deferral
        # (one query per case to read it back).
        queryset = (queryset.select_related(None).prefetch_related(None).defer(None).only(*builder.fields())
                    .prefetch_related(*builder.prefetches()))
        tables = [Table(_("Cases"), builder.headers(), _case_rows(queryset, builder, progress), builder.widths())]
    else:
        if not may_export_statistics(user):
            raise Refused("export")
        date_from, date_to = statistics_period(export.filters)
        builder = None
        tables = aggregates.statistics_tables(export.organisation, date_from=date_from, date_to=date_to,
                                              filters=statistics_filters(export.organisation, export.filters))
    if export.format == Format.XLSX:
        tables.append(Table(_("About this export"), [_("Item"), _("Value")],
                            _about(export, progress, builder), [24, 60]))
    return tables, builder


def _fail(export: Export, message: str) -> None:
    with transaction.atomic():
        Export.objects.filter(pk=export.pk).update(status=Export.Status.FAILED, error=message,
                                                   finished_at=timezone.now())


def _finish(export: Export, progress: _Progress, builder: CaseRows | None, **fields) -> None:
    now = timezone.now()
    data = {"export": export.pk, "rows": progress.rows}
    if export.unredacted and builder is not None:
        data["persons_revealed"] = builder.persons_revealed
    with transaction.atomic():
        Export.objects.filter(pk=export.pk).update(
            status=Export.Status.DONE, progress=progress.rows, row_count=progress.rows, finished_at=now,
            expires_at=now + timedelta(days=settings.MIZAN_EXPORT_KEEP_DAYS), **fields)
        record(action="export.complete", organisation=export.organisation, actor=export.requested_by,
               target=export, data=data)


def _refused_message() -> str:
    return _("The person who asked for this export may no longer export this data.")


def write_export(export_id: int) -> str:
    """The task: write the file of a pending export. Idempotent: an export that is not pending
    (already written, running elsewhere, failed) is left alone.

    Side effects: the file under exports/ (written beside, then renamed into place, so a half
    file is never offered); progress every PROGRESS_EVERY rows; status, size and expiry; audit
    `export.complete` (rows, and for an unredacted export how many people's identity it holds).
    """
    now = timezone.now()
    with transaction.atomic():
        claimed = Export.objects.filter(pk=export_id, status=Export.Status.PENDING).update(
            status=Export.Status.RUNNING, started_at=now, progress=0)
    if not claimed:
        return "not pending"
    export = Export.objects.select_related("organisation", "requested_by").get(pk=export_id)
    name = f"{secrets.token_hex(20)}.{export.format}"
    path = Path(default_storage.path(f"{EXPORT_DIR}/{name}"))
    partial = path.with_name(path.name + ".part")
    progress = _Progress(export)
    with translation.override(export.language):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tables, builder = export_tables(export, progress)
            if export.format == Format.XLSX:
                write_xlsx(partial, tables, rtl=translation.get_language_bidi())
            else:
                write_csv(partial, tables)
            os.chmod(partial, 0o600)
            os.replace(partial, path)
        except Refused:
            partial.unlink(missing_ok=True)
            _fail(export, _refused_message())
            return "refused"
        except Exception:
            logger.exception("export %s failed", export_id)
            partial.unlink(missing_ok=True)
            _fail(export, _("The export could not be written. Try again; if it fails again, tell an administrator."))
            return "failed"
        _finish(export, progress, builder, file_name=name, size=path.stat().st_size)
    return "done"


def stream_export(export: Export) -> Iterator[bytes]:
    """The CSV bytes of a streamed export, then the export marked done (or failed)."""
    progress = _Progress(None)
    with translation.override(export.language):
        try:
            tables, builder = export_tables(export, progress)
            yield from csv_chunks(tables)
        except Refused:
            _fail(export, _refused_message())
            return
        except Exception:
            logger.exception("streamed export %s failed", export.pk)
            _fail(export, _("The export could not be written. Try again; if it fails again, tell an administrator."))
            raise
        _finish(export, progress, builder)


def column_choices(organisation) -> list[tuple[str, list[tuple[str, str, bool, bool]]]]:
    """[(group label, [(key, label, default, personal)])] for the export page."""
    groups = []
    for group, label in GROUPS.items():
        items = [(c.key, column_label(c, organisation), c.default, c.personal) for c in CASE_COLUMNS if c.group == group]
        groups.append((str(label), items))
    return groups


# --- forgetting -----------------------------------------------------------------------------------------

def delete_file(export: Export) -> None:
    if export.file_name:
        default_storage.delete(f"{EXPORT_DIR}/{export.file_name}")


def sweep_exports(*, now=None) -> dict[str, int]:
    """Delete the files of expired exports; fail exports pending or running for STALE_HOURS
    (their process stopped); delete leftover partial files. Idempotent."""
    now = now or timezone.now()
    expired = 0
    for export in Export.objects.filter(status=Export.Status.DONE, expires_at__lt=now):
        with transaction.atomic():
            if Export.objects.filter(pk=export.pk, status=Export.Status.DONE).update(
                    status=Export.Status.EXPIRED, file_name=""):
                delete_file(export)
                expired += 1
    interrupted = 0
    stale = now - timedelta(hours=STALE_HOURS)
    for export in Export.objects.filter(status__in=[Export.Status.PENDING, Export.Status.RUNNING], created_at__lt=stale):
        with translation.override(export.language):
            message = _("The export was interrupted. Ask for it again.")
        with transaction.atomic():
            interrupted += Export.objects.filter(pk=export.pk, status=export.status).update(
                status=Export.Status.FAILED, error=message, finished_at=now)
    leftovers = 0
    folder = Path(default_storage.path(EXPORT_DIR))
    if folder.is_dir():
        for item in folder.glob("*.part"):
            if item.stat().st_mtime < stale.timestamp():
                item.unlink(missing_ok=True)
                leftovers += 1
    return {"expired": expired, "interrupted": interrupted, "partial_files": leftovers}
