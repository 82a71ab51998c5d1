"""The public follow-up page (`/followup/`): for each organisation that put its follow-up on the
portal, the implementation of the recommendations, the measures of the plans and the indicators
it marked public, as counts with small counts hidden (`reports.followup_public`)."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from mizan.accounts.models import Organisation
from mizan.reports import followup_public


@require_http_methods(["GET", "HEAD"])
def followup(request):
    publishing = list(Organisation.objects.filter(followup_publication__published=True).order_by("id"))
    context = {"organisations": publishing, "org": None, "sections": [], "indicators": []}
    slug = (request.GET.get("org") or "").strip()
    org = next((o for o in publishing if o.slug == slug), None) if slug else None
    if slug and org is None:
        raise Http404("not found")  # unknown and unpublished look the same
    if publishing:
        org = org or next((o for o in publishing if o.is_default_intake), publishing[0])
        result = followup_public.figures(org)
        context.update(org=org, result=result, threshold=result.threshold,
                       sections=followup_public.sections(result, org),
                       indicators=followup_public.indicator_charts(result, org))
    return render(request, "portal/followup.html", context)
