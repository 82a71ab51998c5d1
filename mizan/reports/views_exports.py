"""Exports: the export page of a case list (columns, format, personal data), statistics, the
list of one's exports, an export's progress and its download.

Each view loads through `reports.access` or the export permissions, validates, calls one
function of `reports.exports` and responds. Roles a page is not for get "not found".
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from mizan.accounts.models import membership_of
from mizan.audit.models import record
from mizan.complaints.access import can
from mizan.complaints.caselist import filter_date
from mizan.complaints.errors import Invalid, NotAllowed

from . import access, aggregates, exports
from .columns import DEFAULT_COLUMNS
from .imports import may_import
from .models import Export, Format

CONTENT_TYPES = {
    Format.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Format.CSV: "text/csv; charset=utf-8",
}


def _member(request):
    member = membership_of(request.user)
    if member is None:
        raise Http404("not found")
    return member


def _hidden(params: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(name, value) for name, values in params.items() for value in values]


def _attachment(response, filename: str):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def export_list(request):
    _member(request)
    if not (exports.may_export_cases(request.user) or exports.may_export_statistics(request.user)
            or may_import(request.user)):
        raise Http404("not found")
    rows = [{"export": e, "downloadable": access.may_download(request.user, e)}
            for e in access.exports_for(request.user)[:50]]
    return render(request, "reports/exports.html", {
        "rows": rows, "imports": list(access.imports_for(request.user)[:20]),
        "may_cases": exports.may_export_cases(request.user),
        "may_statistics": exports.may_export_statistics(request.user), "may_import": may_import(request.user),
    })


def _cases_context(request, params, values, errors):
    queryset, notes = exports.cases_to_export(request.user, params)
    return {
        "params": params, "hidden": _hidden(params), "count": queryset.count(), "notes": notes,
        "groups": exports.column_choices(_member(request).organisation), "values": values, "errors": errors,
        "formats": Format.choices, "may_unredact": exports.may_unredact(request.user),
        "needs_approval": can(request.user, "reveal_identity") and exports.reveal_needs_approval(request.user),
        "direct_rows": settings.MIZAN_EXPORT_DIRECT_ROWS, "queue_query": urlencode(_hidden(params)),
    }


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def export_cases(request):
    """GET: choose columns and format for the cases of the queue's filters (in the URL).
    POST: ask for the export; a small CSV comes back at once, anything else is written in the
    background and the page of its progress follows."""
    _member(request)
    if not exports.may_export_cases(request.user):
        raise Http404("not found")
    if request.method != "POST":
        params = exports.clean_params(request.GET)
        values = {"columns": DEFAULT_COLUMNS, "format": Format.XLSX, "unredacted": False, "reason": ""}
        return render(request, "reports/export_cases.html", _cases_context(request, params, values, {}))
    params = exports.clean_params(request.POST)
    values = {"columns": request.POST.getlist("columns"), "format": request.POST.get("format", ""),
              "unredacted": bool(request.POST.get("unredacted")), "reason": request.POST.get("reason", "")[:1000]}
    try:
        export = exports.request_export(
            actor=request.user, kind=Export.Kind.CASES, fmt=values["format"], params=params,
            columns=values["columns"], unredacted=values["unredacted"], reason=values["reason"])
    except NotAllowed:
        raise Http404("not found") from None
    except Invalid as exc:
        errors = dict(exc.fields) or {"format": exc.message}
        return render(request, "reports/export_cases.html", _cases_context(request, params, values, errors), status=400)
    if export.streamed:
        response = StreamingHttpResponse(exports.stream_export(export), content_type=CONTENT_TYPES[Format.CSV])
        return _attachment(response, export.download_name())
    return redirect("reports:export", pk=export.pk)


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def export_statistics(request):
    _member(request)
    if not exports.may_export_statistics(request.user):
        raise Http404("not found")
    values = {"from": (request.POST or request.GET).get("from", "")[:10],
              "to": (request.POST or request.GET).get("to", "")[:10],
              "format": (request.POST or request.GET).get("format", Format.XLSX)}
    errors = {}
    if request.method == "POST":
        dates = {}
        for name in ("from", "to"):
            dates[name] = filter_date(values[name]) if values[name] else None
            if values[name] and dates[name] is None:
                errors[name] = _("Enter a date as YYYY-MM-DD (Gregorian calendar).")
        if dates["from"] and dates["to"] and dates["from"] > dates["to"]:
            errors["to"] = _("The end of the period is before its start.")
        if not errors:
            try:
                export = exports.request_export(actor=request.user, kind=Export.Kind.STATISTICS, fmt=values["format"],
                                                params=exports.clean_params(request.POST, exports.STATISTICS_PARAMS))
            except NotAllowed:
                raise Http404("not found") from None
            except Invalid as exc:
                errors = dict(exc.fields) or {"format": exc.message}
            else:
                return redirect("reports:export", pk=export.pk)
    # The dashboard's filters ("Export these statistics"), kept as hidden fields and named.
    source = request.POST if request.method == "POST" else request.GET
    kept = {k: v for k, v in exports.clean_params(source, exports.STATISTICS_PARAMS).items() if k not in ("from", "to")}
    member = membership_of(request.user)
    filters = exports.statistics_filters(member.organisation, kept)
    return render(request, "reports/export_statistics.html", {
        "values": values, "errors": errors, "formats": Format.choices,
        "hidden": [(name, value) for name, value in filters.params().items()],
        "filter_rows": aggregates.filter_rows(member.organisation, filters),
    }, status=400 if errors else 200)


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def export_detail(request, pk: int):
    """An export's progress. htmx polls the status part while the file is being written; without
    JavaScript the page has a refresh link."""
    export = access.get_export_for_user(request.user, pk)
    context = {"export": export, "downloadable": access.may_download(request.user, export)}
    template = "reports/_export_status.html" if request.headers.get("HX-Request") else "reports/export.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_GET
def export_download(request, pk: int):
    export = access.get_export_for_user(request.user, pk, download=True)
    if export.status != Export.Status.DONE or not export.file_name:
        raise Http404("not found")
    try:
        handle = default_storage.open(f"{exports.EXPORT_DIR}/{export.file_name}", "rb")
    except FileNotFoundError:
        raise Http404("not found") from None
    record(action="export.download", organisation=export.organisation, actor=request.user, target=export,
           data={"export": export.pk, "requested_by": export.requested_by_id})
    response = FileResponse(handle, as_attachment=True, filename=export.download_name(),
                            content_type=CONTENT_TYPES[export.format])
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response
