"""The follow-up dashboard (`/desk/followup/dashboard/`), its report (PDF) and the switch of the
public follow-up page, for the roles with `view_followup` (publishing: `publish_followup`).

Follow-up records hold no personal data, so every staff role sees the same figures of its own
organisation; the counts link to the recommendations list (`followup:recommendations`), which
every one of those roles may open too.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mizan.accounts.models import membership_of
from mizan.complaints.errors import NotAllowed
from mizan.followup import access
from mizan.followup.models import Indicator, Recommendation, SourceKind, Strategy
from mizan.followup.publication import is_published, set_publication

from . import followup_report, followup_stats
from .dashboard import presets
from .followup_sections import Builder

INDICATOR_CHARTS = 12  # indicators drawn on the page; the table lists them all


def _organisation(request, action: str = "view_followup"):
    member = membership_of(request.user)
    if member is None or not access.can(request.user, action):
        raise Http404("not found")
    return member.organisation


@login_required
@never_cache
@require_http_methods(["GET", "HEAD"])
def dashboard(request):
    organisation = _organisation(request)
    today = timezone.localdate()
    period, filters, notes = followup_stats.parse(request.GET, today)
    data = followup_stats.overview(organisation, period, filters, today=today, chart_indicators=INDICATOR_CHARTS)
    builder = Builder(data, organisation, links=True)
    indicators = builder.indicator_table()
    may_publish = access.can(request.user, "publish_followup")
    context = {
        "overview": data, "headline": builder.headline(), "sections": builder.sections(), "notes": notes,
        "period": period, "filters": filters, "links": builder.links,
        "indicators": indicators, "charts": [item["chart"] for item in indicators[:INDICATOR_CHARTS]],
        "charts_limited": len(indicators) > INDICATOR_CHARTS, "chart_limit": INDICATOR_CHARTS,
        "presets": presets(today, period, request.GET.get("preset", "")),
        "themes": followup_stats.Themes().tops(), "source_kinds": SourceKind.choices,
        "filtered": bool(filters.params()) or period != followup_stats.Period.last_months(today),
        "may_publish": may_publish,
    }
    if may_publish:
        context["publication"] = {
            "published": is_published(organisation.pk),
            "recommendations": Recommendation.objects.filter(organisation=organisation, is_public=True).count(),
            "strategies": Strategy.objects.filter(organisation=organisation, is_public=True).count(),
            "indicators": Indicator.objects.filter(organisation=organisation, is_public=True).count(),
        }
    return render(request, "reports/followup/dashboard.html", context)


@login_required
@require_GET
def report(request):
    """The follow-up report of the dashboard's period and filters, in the user's language."""
    organisation = _organisation(request)
    today = timezone.localdate()
    period, filters, _notes = followup_stats.parse(request.GET, today)
    result = followup_report.generate(organisation, period, filters,
                                      language=followup_report.language_of(translation.get_language()), today=today)
    followup_report.audit(result, organisation=organisation, actor=request.user, period=period, filters=filters,
                          via="desk")
    response = HttpResponse(result.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response


@login_required
@require_POST
def publication(request):
    """Turn the organisation's public follow-up page on or off (`publish_followup`)."""
    _organisation(request, "publish_followup")
    published = request.POST.get("published") == "1"
    try:
        set_publication(actor=request.user, published=published)
    except NotAllowed as error:  # the role changed since the page was drawn
        return HttpResponse(str(error), status=403)
    messages.success(request, _("The follow-up is now on the public portal.") if published
                     else _("The follow-up is no longer on the public portal."))
    return redirect("followup_reports:dashboard")
