"""Imports of complaints: the upload page with the documented template, and a run's report."""

from __future__ import annotations

import io

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from mizan.accounts.models import membership_of
from mizan.complaints.access import can, cases_for

from . import access, imports
from .views_exports import CONTENT_TYPES
from .writers import Table, csv_chunks, write_xlsx


def _member(request):
    member = membership_of(request.user)
    if member is None or not imports.may_import(request.user):
        raise Http404("not found")
    return member


def _upload_context(request, organisation, errors=None, skip_rejected=False):
    return {
        "columns": imports.template_rows(organisation), "lists": imports.reference_lists(organisation),
        "errors": errors or {}, "skip_rejected": skip_rejected,
        "max_rows": settings.MIZAN_IMPORT_MAX_ROWS, "max_mb": settings.MIZAN_IMPORT_MAX_BYTES // (1024 * 1024),
        "runs": list(access.imports_for(request.user)[:10]),
    }


@login_required
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def import_upload(request):
    member = _member(request)
    organisation = member.organisation
    if request.method != "POST":
        return render(request, "reports/import.html", _upload_context(request, organisation))
    skip_rejected = bool(request.POST.get("skip_rejected"))
    upload = request.FILES.get("file")
    error = None
    if upload is None or not upload.name:
        error = _("Choose a file.")
    elif upload.size > settings.MIZAN_IMPORT_MAX_BYTES:
        error = _("The file is too large (at most %(max)s MB). Split it into smaller files.") % {
            "max": settings.MIZAN_IMPORT_MAX_BYTES // (1024 * 1024)}
    else:
        try:
            run = imports.start_import(actor=request.user, organisation=organisation, name=upload.name,
                                       data=upload.read(), skip_rejected=skip_rejected)
        except imports.FileRefused as exc:
            error = exc.message
        except PermissionError:
            raise Http404("not found") from None
    if error:
        return render(request, "reports/import.html",
                      _upload_context(request, organisation, {"file": error}, skip_rejected), status=400)
    return redirect("reports:import_run", pk=run.pk)


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def import_run(request, pk: int):
    run = access.get_import_for_user(request.user, pk)
    labels = {c.key: str(c.label) for c in imports.IMPORT_COLUMNS}
    rejected = [{"row": item["row"], "errors": [{"column": labels.get(e["column"], e["column"]), "key": e["column"],
                                                 "message": e["message"]} for e in item["errors"]]}
                for item in run.rejected]
    references = [s["reference"] for s in run.skipped if s.get("reference")]
    visible = set(cases_for(request.user).filter(reference__in=references).values_list("reference", flat=True)) \
        if references and can(request.user, "view_case") else set()
    context = {"run": run, "rejected": rejected, "skipped": run.skipped, "visible": visible,
               "report_language": run.language != (translation.get_language() or "ar")}
    template = "reports/_import_status.html" if request.headers.get("HX-Request") else "reports/import_run.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_GET
def import_template(request, fmt: str):
    """The column template: XLSX with the columns, their meaning and the codes this organisation
    uses (right-to-left in Arabic); CSV with the column names only."""
    member = _member(request)
    organisation = member.organisation
    if fmt == "csv":
        body = b"".join(csv_chunks([Table("", imports.COLUMN_KEYS, [])]))
        response = HttpResponse(body, content_type=CONTENT_TYPES["csv"])
    elif fmt == "xlsx":
        tables = [
            Table(_("Complaints"), imports.COLUMN_KEYS, [], [16] * len(imports.COLUMN_KEYS)),
            Table(_("Columns"), [_("Column"), _("Meaning"), _("Required"), _("How to fill it")],
                  imports.template_rows(organisation), [24, 30, 12, 80]),
            *[Table(title, [_("Code"), _("Name")], rows, [24, 50]) for title, rows in imports.reference_lists(organisation)],
        ]
        buffer = io.BytesIO()  # a few kilobytes
        write_xlsx(buffer, tables, rtl=translation.get_language_bidi())
        response = HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPES["xlsx"])
    else:
        raise Http404("not found")
    response["Content-Disposition"] = f'attachment; filename="mizan-import-template.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response

