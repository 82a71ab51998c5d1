"""Admin of the follow-up: the table mapping the theme names of the Universal Human Rights Index
(and IMPACT OSS) to our rights taxonomy, per organisation. The desk has the same table
(/desk/followup/imports/themes/) for those who import without admin rights."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from mizan.accounts.admin import OrgScopedAdmin, admin_org

from .imports import normalised_theme_name
from .models import ThemeMapping


class ThemeMappingForm(forms.ModelForm):
    organisation_id = None  # set by the admin for an organisation admin (the field is hidden then)

    class Meta:
        model = ThemeMapping
        fields = ("organisation", "name", "category")

    def clean(self):
        cleaned = super().clean()
        organisation_id = self.organisation_id or getattr(cleaned.get("organisation"), "pk", None)
        name = normalised_theme_name(cleaned.get("name") or "")
        cleaned["name"] = name
        duplicate = ThemeMapping.objects.filter(organisation_id=organisation_id, name=name,
                                                category=cleaned.get("category")).exclude(pk=self.instance.pk)
        if name and duplicate.exists():
            raise forms.ValidationError(_("This theme name is already mapped to this category."))
        return cleaned


@admin.register(ThemeMapping)
class ThemeMappingAdmin(OrgScopedAdmin):
    form = ThemeMappingForm
    list_display = ("name", "category")
    list_filter = ("category",)
    search_fields = ("name",)
    ordering = ("name",)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        org = admin_org(request)
        form.organisation_id = org.pk if org else None
        return form
