"""Exports and imports of cases and statistics, under /desk/reports/exports/."""

from django.urls import path

from . import views_exports as e
from . import views_imports as i

urlpatterns = [
    path("", e.export_list, name="exports"),
    path("cases/", e.export_cases, name="export_cases"),
    path("statistics/", e.export_statistics, name="export_statistics"),
    path("<int:pk>/", e.export_detail, name="export"),
    path("<int:pk>/download/", e.export_download, name="export_download"),
    path("import/", i.import_upload, name="import"),
    path("import/template.<str:fmt>", i.import_template, name="import_template"),
    path("import/<int:pk>/", i.import_run, name="import_run"),
]
