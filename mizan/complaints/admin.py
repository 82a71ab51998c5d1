"""Admin for the taxonomy, routing rules, deadline policies and retention rules. Cases are handled in the desk."""

from django.contrib import admin

from mizan.accounts.admin import OrgScopedAdmin, admin_org

from .models import Category, DeadlinePolicy, RetentionRule, RoutingRule


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    """The shared rights taxonomy: sub-categories may be added under the seeded codes."""

    list_display = ("code", "label_ar", "label_en", "label_fr", "parent", "is_active")
    list_filter = ("parent", "is_active")
    search_fields = ("code", "label_ar", "label_en", "label_fr")

    def _allowed(self, request):
        return admin_org(request) is not False

    def has_module_permission(self, request):
        return self._allowed(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request)

    def has_add_permission(self, request):
        return self._allowed(request)

    def has_change_permission(self, request, obj=None):
        return self._allowed(request)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        # Top-level codes are used by the API and by statistics: their code never changes.
        return ("code", "parent") if obj is not None and obj.parent_id is None else ()


@admin.register(RoutingRule)
class RoutingRuleAdmin(OrgScopedAdmin):
    list_display = ("id", "category", "governorate", "facility", "unit", "is_active")


@admin.register(DeadlinePolicy)
class DeadlinePolicyAdmin(OrgScopedAdmin):
    list_display = ("urgency", "first_action_days", "resolution_days")


@admin.register(RetentionRule)
class RetentionRuleAdmin(OrgScopedAdmin):
    list_display = ("status", "days")
