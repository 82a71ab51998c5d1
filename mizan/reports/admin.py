"""Admin: each organisation chooses what it publishes on the public statistics page."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from mizan.accounts.admin import OrgScopedAdmin, admin_org

from .models import PublicationSettings


@admin.register(PublicationSettings)
class PublicationSettingsAdmin(OrgScopedAdmin):
    list_display = ("organisation", "published", "threshold")
    fieldsets = (
        (None, {"fields": ("organisation", "published", "threshold")}),
        (_("Sections published"), {"fields": ("summary", "categories", "outcomes", "governorates", "groups", "channels", "deadlines",
                         "months")}),
    )

    def get_fieldsets(self, request, obj=None):
        if admin_org(request):  # an organisation admin edits their own; the field is set for them
            return ((None, {"fields": ("published", "threshold")}), self.fieldsets[1])
        return self.fieldsets

    def has_add_permission(self, request):
        org = admin_org(request)
        if org:  # one row per organisation
            return not PublicationSettings.objects.filter(organisation=org).exists()
        return super().has_add_permission(request)
