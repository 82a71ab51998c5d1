from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "mizan.search"
    label = "search"
    verbose_name = _("Full-text search")
    default_auto_field = "django.db.models.BigAutoField"
