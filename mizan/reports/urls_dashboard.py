"""Dashboards (statistics overview) and the impact report."""

from django.urls import path

from . import views_dashboard, views_impact

urlpatterns = [
    path("", views_dashboard.dashboard, name="dashboard"),
    path("impact.pdf", views_impact.impact_report, name="impact"),
]
