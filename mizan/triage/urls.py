from django.urls import path

from . import views

app_name = "triage"
urlpatterns = [
    path("cases/<str:reference>/suggestions/<int:pk>/accept/", views.accept, name="accept"),
    path("cases/<str:reference>/suggestions/<int:pk>/reject/", views.reject, name="reject"),
]
