from django.urls import path

from . import views_account as v

urlpatterns = [
    path("account/", v.account, name="account"),
    path("account/two-factor/", v.two_factor_setup, name="two_factor_setup"),
    path("account/two-factor/recovery-codes/", v.recovery_codes, name="recovery_codes"),
    path("account/two-factor/replace/", v.two_factor_replace, name="two_factor_replace"),
    path("account/two-factor/disable/", v.two_factor_disable, name="two_factor_disable"),
    path("account/logout-everywhere/", v.logout_everywhere, name="logout_everywhere"),
]
