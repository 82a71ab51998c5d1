"""Desk pages of a regional secretariat: implementation by member and theme, and the reports its
members shared. Other organisations do not have these pages (not found)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from . import regional
from .progress import status_label

PAGE_SIZE = 20

__all__ = ["member_reports", "members"]


def _secretariat(request):
    organisation = regional.is_secretariat(request.user)
    if organisation is None:
        raise Http404("not found")
    return organisation


@login_required
@require_http_methods(["GET", "HEAD"])
def members(request):
    """The table of implementation by member and theme (statuses the members shared)."""
    secretariat = _secretariat(request)
    themes, rows = regional.implementation_table(secretariat)
    return render(request, "followup/members.html", {"themes": themes, "rows": rows})


@login_required
@require_http_methods(["GET", "HEAD"])
def member_reports(request):
    """The reports members shared, by recommendation, newest first; filters: member, theme."""
    secretariat = _secretariat(request)
    members_ = list(regional.members_of(secretariat))
    themes = list(regional.themes_of(secretariat))
    member = next((m for m in members_ if m.slug == request.GET.get("member")), None)
    theme = next((t for t in themes if t.code == request.GET.get("theme")), None)
    page = Paginator(regional.shared_reports(secretariat, member=member, theme=theme), PAGE_SIZE) \
        .get_page(request.GET.get("page"))
    recommendations = list(page.object_list)
    for recommendation in recommendations:
        for report in recommendation.shared:
            report.status_label = status_label(report)
    params = request.GET.copy()
    params.pop("page", None)
    return render(request, "followup/members_reports.html", {
        "page": page, "rows": recommendations, "query_without_page": params.urlencode(),
        "members": members_, "themes": themes, "member": member, "theme": theme,
    })
