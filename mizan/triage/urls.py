from django.urls import path

from . import views

app_name = "triage"
urlpatterns = [
    path("cases/<str:reference>/suggestions/decide/", views.decide, name="decide"),
    path("cases/<str:reference>/suggestions/<int:pk>/accept/", views.accept, name="accept"),
    path("cases/<str:reference>/suggestions/<int:pk>/accept-with-allegation/", views.accept_with_allegation,
         name="accept_with_allegation"),
    path("cases/<str:reference>/suggestions/<int:pk>/reject/", views.reject, name="reject"),
]
