from django.urls import path

from . import views, views_followup, views_statistics

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("complaint/new/", views.file_complaint, name="file"),
    path("complaint/received/", views.confirmation, name="confirmation"),
    path("complaint/receipt/", views.receipt_print, name="receipt_print"),
    path("track/", views.track, name="track"),
    path("track/case/", views.track_case, name="track_case"),
    path("track/files/<int:pk>/", views.track_attachment, name="track_attachment"),
    path("statistics/", views_statistics.statistics, name="statistics"),
    path("followup/", views_followup.followup, name="followup"),
]
