"""Desk pages of the imports of recommendations: the upload page (format, file, the columns each
format reads, the recent imports), an import's report (refreshed by htmx while the worker runs,
with a link for browsers without scripts), and the table mapping the index's theme names to ours.

Only people who may change the organisation's recommendations see these pages; everyone else
gets "not found", and another organisation's import is "not found" too.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mizan.accounts.models import membership_of
from mizan.complaints.errors import DomainError
from mizan.complaints.models import Category

from . import import_jobs, imports
from .intake import is_id
from .models import RecommendationImport, ThemeMapping

RECENT = 10


def _importer(request):
    """The membership of a person who may import; "not found" for anyone else."""
    member = membership_of(request.user)
    if member is None or not imports.may_import(request.user):
        raise Http404("not found")
    return member


def _no_store(response):
    add_never_cache_headers(response)
    return response


def _columns():
    return [(fmt, label, [(str(c.heading), c.required, str(c.help)) for c in imports.COLUMNS[fmt]])
            for fmt, label in RecommendationImport.Format.choices]


def _upload_page(request, member, *, errors=None, fmt=RecommendationImport.Format.UHRI, import_valid=False,
                 status=200):
    runs = (RecommendationImport.objects.filter(organisation=member.organisation)
            .select_related("requested_by").order_by("-created_at", "-id")[:RECENT])
    context = {"formats": RecommendationImport.Format.choices, "chosen": fmt, "import_valid": import_valid,
               "errors": errors or {}, "columns": _columns(), "runs": runs,
               "max_mb": settings.MIZAN_FOLLOWUP_IMPORT_MAX_BYTES // (1024 * 1024)}
    return _no_store(render(request, "followup/imports.html", context, status=status))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_upload(request):
    member = _importer(request)
    if request.method != "POST":
        return _upload_page(request, member)
    fmt = request.POST.get("format", "")
    import_valid = bool(request.POST.get("import_valid"))
    upload = request.FILES.get("file")
    errors = {}
    if fmt not in RecommendationImport.Format.values:
        errors["format"] = _("Choose a value from the list.")
        fmt = RecommendationImport.Format.UHRI
    if upload is None or not upload.name:
        errors["file"] = _("Choose a file.")
    if not errors:
        try:
            run = import_jobs.start_import(actor=request.user, name=upload.name, upload=upload, fmt=fmt,
                                           import_valid=import_valid)
        except imports.FileRefused as exc:
            errors["file"] = exc.message
        except DomainError as exc:
            errors["file"] = str(exc.message)
    if errors:
        return _upload_page(request, member, errors=errors, fmt=fmt, import_valid=import_valid, status=400)
    return HttpResponseRedirect(reverse("followup:import", args=[run.pk]), status=303)


@login_required
@require_http_methods(["GET", "HEAD"])
def import_report(request, pk: int):
    member = _importer(request)
    run = (RecommendationImport.objects.filter(organisation=member.organisation, pk=pk)
           .select_related("requested_by").first() if is_id(pk) else None)
    if run is None:
        raise Http404("not found")
    context = {"run": run, "checking": run.is_active and not run.total_rows,
               "unmapped": sorted(run.unmapped_themes.items(), key=lambda item: (-item[1], item[0])),
               "report_language": run.language != (translation.get_language() or "ar")}
    partial = request.headers.get("HX-Request") == "true"
    response = render(request, "followup/imports_status.html" if partial else "followup/imports_run.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return _no_store(response)


def _themes_page(request, member, *, errors=None, values=None, status=200):
    mappings = list(ThemeMapping.objects.filter(organisation=member.organisation).select_related("category")
                    .order_by("name", "category__position"))
    mapped = {imports.loose(m.name) for m in mappings}
    unmapped: dict[str, int] = {}
    for run in RecommendationImport.objects.filter(organisation=member.organisation).exclude(unmapped_themes={}) \
            .only("unmapped_themes").order_by("-created_at")[:RECENT]:
        for name, rows in run.unmapped_themes.items():
            if imports.loose(name) not in mapped:
                unmapped[name] = max(unmapped.get(name, 0), rows)
    context = {"mappings": mappings, "categories": Category.objects.filter(is_active=True),
               "unmapped": sorted(unmapped.items(), key=lambda item: (-item[1], item[0])),
               "errors": errors or {}, "values": values or {},
               "offer_defaults": not mappings}
    return _no_store(render(request, "followup/imports_themes.html", context, status=status))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_themes(request):
    member = _importer(request)
    if request.method != "POST":
        return _themes_page(request, member)
    if request.POST.get("action") == "defaults":
        count = imports.seed_theme_mappings(actor=request.user, organisation=member.organisation)
        messages.success(request, _("The usual theme names of the index were added (%(count)s).") % {"count": count})
        return HttpResponseRedirect(reverse("followup:import_themes"), status=303)
    values = {"name": request.POST.get("name", "").strip(), "category": request.POST.get("category", "")}
    errors = {}
    if not values["name"]:
        errors["name"] = _("This field is required.")
    elif len(values["name"]) > 200:
        errors["name"] = _("At most %(n)s characters.") % {"n": 200}
    category = Category.objects.filter(code=values["category"], is_active=True).first()
    if category is None:
        errors["category"] = _("Choose a value from the list.")
    if errors:
        return _themes_page(request, member, errors=errors, values=values, status=400)
    imports.add_theme_mapping(actor=request.user, organisation=member.organisation, name=values["name"],
                              category=category)
    messages.success(request, _("The theme name is mapped. Import the file again to apply it."))
    return HttpResponseRedirect(reverse("followup:import_themes"), status=303)


@login_required
@require_POST
def import_theme_remove(request, pk: int):
    member = _importer(request)
    mapping = ThemeMapping.objects.filter(organisation=member.organisation, pk=pk).select_related(
        "category", "organisation").first()
    if mapping is None:
        raise Http404("not found")
    imports.remove_theme_mapping(actor=request.user, mapping=mapping)
    messages.success(request, _("The mapping was removed."))
    return HttpResponseRedirect(reverse("followup:import_themes"), status=303)
