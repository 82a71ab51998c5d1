from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from mizan.api.api import api

urlpatterns = [
    path("", include("mizan.portal.urls")),
    path("desk/triage/", include("mizan.triage.urls")),
    path("desk/", include("mizan.desk.urls")),
    path("api/v1/", api.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/login/", auth_views.LoginView.as_view(template_name="desk/login.html"), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
]
