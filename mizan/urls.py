from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from mizan.api.api import api
from mizan.desk import views_account

urlpatterns = [
    path("", include("mizan.portal.urls")),
    path("desk/triage/", include("mizan.triage.urls")),
    path("desk/reports/", include("mizan.reports.urls")),
    path("desk/followup/dashboard/", include("mizan.reports.urls_followup")),
    path("desk/followup/", include("mizan.followup.urls")),
    path("desk/", include("mizan.desk.urls")),
    path("api/v1/", api.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/login/", views_account.login_view, name="login"),
    path("accounts/login/code/", views_account.login_code, name="login_code"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/login/", views_account.admin_login),  # the admin's login would skip the second factor
    path("admin/", admin.site.urls),
]
