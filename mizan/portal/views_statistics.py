"""The public transparency page (`/statistics/`): the aggregate figures each organisation chose to
publish, one complete year at a time, with small counts suppressed (`reports.publication`)."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from mizan.accounts.models import Organisation
from mizan.complaints.models import Channel, Vulnerability
from mizan.reports import publication
from mizan.reports.statistics import OUTCOME_LABELS


@require_http_methods(["GET", "HEAD"])
def statistics(request):
    publishing = list(Organisation.objects.filter(publication_settings__published=True)
                      .select_related("publication_settings").order_by("id"))
    context = {"organisations": publishing, "org": None, "sections": []}
    if publishing:
        slug = (request.GET.get("org") or "").strip()
        if slug:
            org = next((o for o in publishing if o.slug == slug), None)
            if org is None:
                raise Http404("not found")  # unknown and unpublished look the same
        else:
            org = next((o for o in publishing if o.is_default_intake), publishing[0])
        years = publication.published_years(org)
        year = request.GET.get("year", "")
        year = int(year) if year.isdigit() and int(year) in years else (years[0] if years else None)
        context.update(org=org, years=years, year=year)
        if year is not None:
            settings = org.publication_settings
            result = publication.figures(org, settings, year)
            labels = {
                "status": {"open": _("Open"), "closed": _("Closed")},
                "outcomes": OUTCOME_LABELS, "groups": dict(Vulnerability.choices), "channels": dict(Channel.choices),
                "not_stated": _("Not stated"),
            }
            context.update(result=result, threshold=result.threshold,
                           sections=publication.public_sections(result, labels, org))
    return render(request, "portal/statistics.html", context)
