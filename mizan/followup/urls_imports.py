"""Paths of the imports of recommendations, added to `followup/urls.py` (namespace "followup",
under /desk/followup/)."""

from django.urls import path

from . import views_imports as views

urlpatterns = [
    path("imports/", views.import_upload, name="imports"),
    path("imports/<int:pk>/", views.import_report, name="import"),
    path("imports/themes/", views.import_themes, name="import_themes"),
    path("imports/themes/<int:pk>/remove/", views.import_theme_remove, name="import_theme_remove"),
]
