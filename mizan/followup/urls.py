"""Desk pages of the follow-up of recommendations, under /desk/followup/ (namespace "followup").

Each part of the follow-up adds its own paths here (or includes its own `urls_<part>.py`)."""

from django.urls import path

from . import views_recommendations as rec
from .urls_assist import urlpatterns as assist_urls
from .urls_imports import urlpatterns as import_urls
from .urls_plans import urlpatterns as plans_urls
from .urls_progress import urlpatterns as progress_urls

app_name = "followup"
urlpatterns = [
    path("recommendations/", rec.recommendation_list, name="recommendations"),
    path("recommendations/new/", rec.recommendation_new, name="recommendation_new"),
    path("recommendations/<int:pk>/", rec.recommendation_detail, name="recommendation"),
    path("recommendations/<int:pk>/edit/", rec.recommendation_edit, name="recommendation_edit"),
    path("recommendations/<int:pk>/status/", rec.recommendation_status, name="recommendation_status"),
    path("recommendations/<int:pk>/bodies/", rec.recommendation_bodies, name="recommendation_bodies"),
    path("recommendations/<int:pk>/cluster/", rec.recommendation_cluster, name="recommendation_cluster"),
    path("recommendations/<int:pk>/leave-cluster/", rec.recommendation_leave_cluster,
         name="recommendation_leave_cluster"),
    path("recommendations/<int:pk>/address/", rec.recommendation_address, name="recommendation_address"),
    path("sources/", rec.source_list, name="sources"),
    path("bodies/", rec.body_list, name="bodies"),
    path("bodies/<int:pk>/", rec.body_edit, name="body_edit"),
]
urlpatterns += progress_urls
urlpatterns += assist_urls
urlpatterns += import_urls
urlpatterns += plans_urls
