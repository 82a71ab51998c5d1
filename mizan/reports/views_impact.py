"""The impact report's download from the dashboard (`/desk/reports/impact.pdf`): the PDF of the
dashboard's period and filters (the same URL parameters), in the language the user works in.

The same permission as the dashboard (`view_statistics`); everyone else gets "not found". The
report holds aggregates only, so analysts get the same file as supervisors. Every download is an
audit row `report.impact` (period, the names of the filters, language, pages, size), as an export's
download is.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET

from mizan.accounts.models import membership_of
from mizan.complaints.access import can

from . import forms_dashboard as forms
from . import impact, statistics


@login_required
@require_GET
def impact_report(request):
    member = membership_of(request.user)
    if member is None or not can(request.user, "view_statistics"):
        raise Http404("not found")
    organisation = member.organisation
    today = timezone.localdate()
    period, filters, _notes = forms.parse(request.GET, statistics.Labels(organisation), today)
    report = impact.generate(organisation, period, filters, language=impact.language_of(translation.get_language()),
                             today=today)
    impact.audit(report, organisation=organisation, actor=request.user, period=period, filters=filters, via="desk")
    response = HttpResponse(report.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response
