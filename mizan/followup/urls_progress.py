"""Paths of progress reports and regional follow-up, added to `followup/urls.py` (namespace
"followup", under /desk/followup/)."""

from django.urls import path

from . import views_progress as progress
from . import views_regional as regional

urlpatterns = [
    path("recommendations/<int:pk>/reports/", progress.report_new, name="report_new"),
    path("plans/measures/<int:pk>/reports/", progress.measure_report_new, name="measure_report_new"),
    path("reports/<int:pk>/visibility/", progress.report_visibility, name="report_visibility"),
    path("evidence/<int:pk>/", progress.evidence_download, name="evidence"),
    path("members/", regional.members, name="members"),
    path("members/reports/", regional.member_reports, name="member_reports"),
]
