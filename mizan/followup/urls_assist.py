"""Paths of the text engine's suggestions (`views_assist`), included by `followup/urls.py`."""

from django.urls import path

from . import views_assist as assist

urlpatterns = [
    path("recommendations/<int:pk>/suggestions/", assist.recommendation_suggestions,
         name="recommendation_suggestions"),
    path("duplicates/", assist.duplicates, name="duplicates"),
]
