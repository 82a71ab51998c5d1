from django.urls import path

from . import views_reveal as v

urlpatterns = [
    path("reveal-requests/", v.reveal_requests, name="reveal_requests"),
    path("reveal-requests/<int:pk>/decide/", v.reveal_decide, name="reveal_decide"),
]
