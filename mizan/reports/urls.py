"""Statistics, exports and impact reports, under /desk/reports/."""

from django.urls import include, path

app_name = "reports"

urlpatterns = [
    path("", include("mizan.reports.urls_dashboard")),
    path("exports/", include("mizan.reports.urls_exports")),
]
