"""The follow-up dashboard, its report and the public page's switch, under /desk/followup/dashboard/
(mounted from mizan/urls.py: reports reads the follow-up records, and followup never imports
reports, so these pages are not in followup's own URL list)."""

from django.urls import path

from . import views_followup

app_name = "followup_reports"

urlpatterns = [
    path("", views_followup.dashboard, name="dashboard"),
    path("report.pdf", views_followup.report, name="report"),
    path("publication/", views_followup.publication, name="publication"),
]
