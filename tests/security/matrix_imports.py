"""The permission matrix's entries for the imports of recommendations and the table of theme
names (merged into `matrix.py`'s ROUTES; `build` adds their objects to the world).

Rules, from `followup.imports.may_import` (`edit_recommendations`: supervisors and organisation
admins here; the follow-up officer is no persona of the matrix): the upload page and the table
of theme names are for them, each in their own organisation (the outsiders are supervisor and
admin of other_org: they import into other_org); an import or a mapping of org is "not found"
outside org, like an id that does not exist, and for org's staff who may not import.
"""

from __future__ import annotations

from types import SimpleNamespace

from django.core.files.base import ContentFile

from mizan.complaints.models import Category
from mizan.followup.imports import may_import
from mizan.followup.models import RecommendationImport, ThemeMapping

from .matrix import Entry, logged_in_method_not_allowed, member_of_org, page_for, user_of

FILE_NAME = "matrix-recommendations-of-the-ministry.xlsx"


def build(world) -> None:
    """A finished import of org and one row of org's table of theme names."""
    run = RecommendationImport.objects.create(
        organisation=world.org, requested_by=world.users["supervisor"], original_name=FILE_NAME, format="uhri",
        status=RecommendationImport.Status.REJECTED, total_rows=1, rejected_count=1,
        rejected=[{"row": 2, "errors": [{"column": "Text", "message": "This field is required."}]}])
    mapping = ThemeMapping.objects.create(organisation=world.org, name="matrix theme of the ministry",
                                          category=Category.objects.get(code="torture"))
    world.imports = SimpleNamespace(run=run, mapping=mapping)
    world.admin_objects["followup.thememapping"] = mapping
    world.markers.append(FILE_NAME)


def importer(w, p):
    user = user_of(w, p)
    return user is not None and may_import(user)


def org_importer(w, p):
    return member_of_org(w, p) and importer(w, p)


def _upload(w, p, method):
    csv = "key,text,source\r\nmatrix-1,Strengthen the independence of the national institution.,Matrix source\r\n"
    return {"format": "csv", "file": ContentFile(csv.encode(), name="rows.csv")}


ROUTES = {
    "/desk/followup/imports/ -> mizan.followup.views_imports.import_upload": Entry(
        "/desk/followup/imports/", {"GET": page_for(importer), "POST": page_for(importer)}, data=_upload,
        note="edit_recommendations; each imports into their own organisation"),
    "/desk/followup/imports/<int:pk>/ -> mizan.followup.views_imports.import_report": Entry(
        lambda w: f"/desk/followup/imports/{w.imports.run.pk}/",
        {"GET": page_for(org_importer), "POST": logged_in_method_not_allowed},
        missing=lambda w: "/desk/followup/imports/999999/", note="org's import"),
    "/desk/followup/imports/themes/ -> mizan.followup.views_imports.import_themes": Entry(
        "/desk/followup/imports/themes/", {"GET": page_for(importer), "POST": page_for(importer)},
        data=lambda w, p, m: {"name": "Counter-terrorism", "category": "due_process"},
        note="each adds to their own organisation's table"),
    "/desk/followup/imports/themes/<int:pk>/remove/ -> mizan.followup.views_imports.import_theme_remove": Entry(
        lambda w: f"/desk/followup/imports/themes/{w.imports.mapping.pk}/remove/",
        {"GET": logged_in_method_not_allowed, "POST": page_for(org_importer)},
        missing=lambda w: "/desk/followup/imports/themes/999999/remove/", note="a row of org's table"),
}

__all__ = ["ROUTES", "build"]
