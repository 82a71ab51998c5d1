"""The desk dashboard (`/desk/reports/`): statistics of the user's organisation, for the roles
with `view_statistics`. Everything it shows is an aggregate; the numbers link to the case list
behind them only for users who may see cases."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from mizan.accounts.models import membership_of
from mizan.complaints.access import can
from mizan.complaints.models import Channel, Vulnerability

from . import forms_dashboard as forms
from . import statistics
from .dashboard import Builder, presets
from .exports import may_export_statistics


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def dashboard(request):
    member = membership_of(request.user)
    if member is None or not can(request.user, "view_statistics"):
        raise Http404("not found")
    organisation = member.organisation
    today = timezone.localdate()
    labels = statistics.Labels(organisation)
    period, filters, notes = forms.parse(request.GET, labels, today)
    data = statistics.overview(organisation, period, filters, today=today, labels=labels)
    builder = Builder(data, organisation, links=can(request.user, "view_case"), drill=True)
    return render(request, "reports/dashboard.html", {
        "overview": data, "headline": builder.headline(), "sections": builder.sections(), "notes": notes,
        "links": builder.links, "drill": builder.drill, "period": period, "filters": filters,
        "may_export_statistics": may_export_statistics(request.user),
        "presets": presets(today, period, request.GET.get("preset", "")),
        "top_categories": sorted((c for c in labels.categories.values() if c.parent_id is None),
                                 key=lambda c: (c.position, c.code)),
        "governorates": sorted(labels.governorates.values(), key=lambda g: g.name),
        "facilities": sorted(labels.facilities.values(), key=lambda f: f.name),
        "vulnerabilities": Vulnerability.choices, "channels": Channel.choices,
        "filtered": filters != statistics.Filters() or period != statistics.Period.last_months(today),
    })
