"""Django admin for organisation administrators, scoped to their own organisation.

A platform superuser sees everything; an organisation admin (role `org_admin`, `is_staff`)
sees and edits only their organisation's units, facilities, governorates, holidays, users'
memberships, routing rules and deadline policies.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import security
from .models import (
    ApiToken,
    Facility,
    Governorate,
    Holiday,
    Membership,
    Organisation,
    Role,
    Unit,
    membership_of,
)


def admin_org(request):
    """The organisation an org admin manages, or None for a superuser (sees all)."""
    if request.user.is_superuser:
        return None
    member = membership_of(request.user)
    return member.organisation if member and member.role == Role.ORG_ADMIN else False


class OrgScopedAdmin(admin.ModelAdmin):
    """Rows filtered to the admin's organisation; new rows are put in it automatically."""

    org_field = "organisation"

    def _allowed(self, request) -> bool:
        return admin_org(request) is not False

    def has_module_permission(self, request):
        return self._allowed(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request)

    def has_change_permission(self, request, obj=None):
        return self._allowed(request)

    def has_add_permission(self, request):
        return self._allowed(request)

    def has_delete_permission(self, request, obj=None):
        return self._allowed(request)

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        org = admin_org(request)
        if org is None:
            return qs
        if org is False:
            return qs.none()
        return qs.filter(**{self.org_field: org})

    def get_exclude(self, request, obj=None):
        excluded = list(super().get_exclude(request, obj) or [])
        if admin_org(request) and self.org_field == "organisation":
            excluded.append("organisation")
        return excluded

    def save_model(self, request, obj, form, change):
        org = admin_org(request)
        if org and self.org_field == "organisation":
            obj.organisation = org
        super().save_model(request, obj, form, change)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        org = admin_org(request)
        model = db_field.related_model
        if org and model in (Unit, Facility, Governorate):
            kwargs["queryset"] = model.objects.filter(organisation=org)
        if org and model is Organisation:
            kwargs["queryset"] = Organisation.objects.filter(pk=org.pk)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Organisation)
class OrganisationAdmin(OrgScopedAdmin):
    org_field = "pk"
    list_display = ("slug", "name_ar", "kind", "country", "reference_prefix")

    def get_queryset(self, request):
        qs = Organisation.objects.all()
        org = admin_org(request)
        return qs if org is None else qs.none() if org is False else qs.filter(pk=org.pk)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Unit)
class UnitAdmin(OrgScopedAdmin):
    list_display = ("code", "name_ar", "name_en", "is_intake")


@admin.register(Governorate)
class GovernorateAdmin(OrgScopedAdmin):
    list_display = ("code", "name_ar", "name_en", "name_fr")


@admin.register(Facility)
class FacilityAdmin(OrgScopedAdmin):
    list_display = ("name_ar", "kind", "governorate", "is_active")
    list_filter = ("kind", "is_active")


@admin.register(Holiday)
class HolidayAdmin(OrgScopedAdmin):
    list_display = ("date", "name")


@admin.register(Membership)
class MembershipAdmin(OrgScopedAdmin):
    list_display = ("user", "role", "unit", "can_reveal_identity")
    list_filter = ("role", "can_reveal_identity")
    actions = ["reset_two_factor", "lift_lockout"]

    @admin.action(description=_("Reset two-factor authentication (the user sets it up again at the next login)"))
    def reset_two_factor(self, request, queryset):
        members = list(queryset.select_related("user"))
        for member in members:
            security.reset_two_factor(actor=request.user, user=member.user)
        self.message_user(request, ngettext(
            "Two-factor authentication reset for %(count)d user; their sessions have ended.",
            "Two-factor authentication reset for %(count)d users; their sessions have ended.",
            len(members)) % {"count": len(members)}, messages.SUCCESS)

    @admin.action(description=_("Lift the lock after failed logins"))
    def lift_lockout(self, request, queryset):
        lifted = sum(security.lift_lockout(actor=request.user, username=m.user.get_username())
                     for m in queryset.select_related("user"))
        self.message_user(request, ngettext(
            "The lock was lifted for %(count)d user.", "The lock was lifted for %(count)d users.",
            lifted) % {"count": lifted}, messages.SUCCESS)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        org = admin_org(request)
        if org and db_field.name == "user":
            from django.contrib.auth import get_user_model

            kwargs["queryset"] = get_user_model().objects.filter(membership__isnull=True) | \
                get_user_model().objects.filter(membership__organisation=org)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(ApiToken)
class ApiTokenAdmin(OrgScopedAdmin):
    org_field = "user__membership__organisation"
    list_display = ("user", "name", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("user", "name", "prefix", "token_hash", "created_at", "last_used_at")

    def has_add_permission(self, request):
        return False  # tokens are issued with `manage.py create_api_token`, shown once
