"""What a regional secretariat reads of its members' follow-up (reads only).

A secretariat addresses its recommendations to member organisations (`Addressee`). It reads only
what each member chose to share with it or to publish: the status of the member's latest shared
report (`Addressee.shared_status`) and the shared reports themselves with their evidence; never a
member's internal status or internal reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery

from mizan.accounts.models import Organisation, membership_of
from mizan.complaints.models import Category

from .access import can
from .models import Addressee, ProgressReport, Recommendation, Status, Visibility

__all__ = ["Cell", "MemberRow", "implementation_table", "is_secretariat", "shared_reports"]

SHARED = (Visibility.SECRETARIAT, Visibility.PUBLIC)
NO_THEME = 0  # the column of recommendations without a theme


def is_secretariat(user) -> Organisation | None:
    """The user's organisation if it is a regional secretariat and the user works on follow-up."""
    member = membership_of(user)
    if member is None or not can(user, "view_followup") or member.organisation.kind != Organisation.Kind.SECRETARIAT:
        return None
    return member.organisation


@dataclass
class Cell:
    theme: Category | None
    # [(status label, count)] in the order of `Status`, for the statuses the member shared
    counts: list[tuple[str, int]]
    not_shared: int  # recommendations of this theme on which the member shared nothing yet


@dataclass
class MemberRow:
    organisation: Organisation
    cells: list[Cell] = field(default_factory=list)  # one per theme column, in the columns' order
    addressed: int = 0  # recommendations addressed to the member
    shared: int = 0  # of which the member shared a status

    @property
    def shared_nothing(self) -> bool:
        return self.shared == 0


def _cell(theme: Category | None, counts: dict[str, int]) -> Cell:
    labels = dict(Status.choices)
    return Cell(theme=theme, counts=[(str(labels[code]), counts[code]) for code in Status.values if counts.get(code)],
                not_shared=counts.get("", 0))


def implementation_table(secretariat: Organisation) -> tuple[list[Category | None], list[MemberRow]]:
    """The secretariat's table of implementation by member and theme: for each member addressed,
    per theme of the recommendations, how many are at each status the member shared (a
    recommendation with two themes counts in both columns), and how many it shared nothing on.
    Returns (themes, rows); None among the themes stands for "no theme". Three queries."""
    addressed = Addressee.objects.filter(recommendation__organisation=secretariat)
    by_theme = (addressed.values("organisation_id", "recommendation__themes", "shared_status")
                .annotate(n=Count("id")).order_by())
    totals = addressed.values("organisation_id", "shared_status").annotate(n=Count("id")).order_by()
    cells: dict[int, dict[int, dict[str, int]]] = {}
    theme_ids = set()
    for row in by_theme:
        theme = row["recommendation__themes"] or NO_THEME
        theme_ids.add(theme)
        cell = cells.setdefault(row["organisation_id"], {}).setdefault(theme, {})
        cell[row["shared_status"]] = cell.get(row["shared_status"], 0) + row["n"]
    members = {o.pk: o for o in Organisation.objects.filter(pk__in=cells)}
    rows = {pk: MemberRow(organisation=members[pk]) for pk in cells}
    for row in totals:
        member = rows[row["organisation_id"]]
        member.addressed += row["n"]
        if row["shared_status"]:
            member.shared += row["n"]
    themes = sorted(Category.objects.filter(pk__in=theme_ids - {NO_THEME}), key=lambda c: (c.position, c.code))
    columns: list[Category | None] = [*themes, *([None] if NO_THEME in theme_ids else [])]
    for pk, member in rows.items():
        member.cells = [_cell(c, cells[pk].get(c.pk if c else NO_THEME, {})) for c in columns]
    return columns, sorted(rows.values(), key=lambda r: (r.organisation.name, r.organisation.pk))


def members_of(secretariat: Organisation) -> QuerySet:
    """The organisations the secretariat addressed recommendations to."""
    addressed = Addressee.objects.filter(recommendation__organisation=secretariat).values("organisation_id")
    return Organisation.objects.filter(pk__in=addressed).order_by("name_ar", "pk")


def themes_of(secretariat: Organisation) -> QuerySet:
    used = Recommendation.objects.filter(organisation=secretariat, addressed__isnull=False).values("themes")
    return Category.objects.filter(pk__in=used).order_by("position", "code")


def shared_reports(secretariat: Organisation, *, member: Organisation | None = None,
                   theme: Category | None = None) -> QuerySet:
    """The secretariat's recommendations on which members shared (or published) a report, the
    latest shared first, each with those reports in `shared` (the member's organisation, who
    wrote it, its evidence; newest period first) — never a member's internal report."""
    reports = (ProgressReport.objects.filter(recommendation__organisation=secretariat, visibility__in=SHARED)
               .exclude(organisation=secretariat))
    if member is not None:
        reports = reports.filter(organisation=member)
    recommendations = Recommendation.objects.filter(pk__in=reports.values("recommendation_id"))
    if theme is not None:
        recommendations = recommendations.filter(pk__in=Recommendation.themes.through.objects.filter(
            category=theme).values("recommendation_id"))
    latest = reports.filter(recommendation=OuterRef("pk")).order_by("-created_at", "-id").values("created_at")[:1]
    listed = (reports.select_related("organisation", "created_by").prefetch_related("evidence")
              .order_by("-period_end", "-id"))
    return (recommendations.annotate(last_shared=Subquery(latest)).select_related("source")
            .prefetch_related(Prefetch("reports", queryset=listed, to_attr="shared"))
            .order_by("-last_shared", "-id"))
