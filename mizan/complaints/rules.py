"""What intake reads about an organisation, read once per process and kept while it holds.

Filing a complaint needs the receiving organisation, the taxonomy, the organisation's divisions
and places, its calendar and deadline policies, its routing rules, its units and who in them
hears of a new case. They change a few times a year and are read on every complaint: reading
them from the database each time cost seven queries and a third of intake's CPU.

`snapshot()` reads one row, the `RulesVersion` token, and returns the rules loaded for that
token, loading them again only after a change. Every change to the tables they come from writes
a new token in the change's own transaction (the model signals connected in `watch()`): a
process sees a committed change on its next snapshot, and never a rolled-back one.

The objects a snapshot holds are shared by the requests a process serves, one after another:
read them, never change and save them.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models.signals import post_delete, post_save

from mizan.accounts.models import (
    Facility,
    Governorate,
    Holiday,
    Membership,
    Organisation,
    Role,
    Unit,
)
from mizan.lib.workdays import Calendar

from .models import DEFAULT_DEADLINES, Category, DeadlinePolicy, RoutingRule, RulesVersion

# Whoever a newly routed case is announced to, in its unit.
ANNOUNCED_TO = (Role.CASE_OFFICER, Role.SUPERVISOR)
WATCHED = (Organisation, Governorate, Facility, Unit, Holiday, Membership, Category, DeadlinePolicy, RoutingRule)


@dataclass
class OrganisationRules:
    organisation: Organisation
    calendar: Calendar
    governorates: dict[str, Governorate]  # by code
    governorates_by_id: dict[int, Governorate]
    facilities: dict[int, Facility]  # active places, by id, their governorate attached
    policies: dict[str, tuple[int, int]]  # urgency → (first action, resolution) working days
    routing: list[RoutingRule]  # active rules, their unit attached
    units: dict[int, Unit]  # by id, in the units' own order (name)
    intake_unit: Unit | None
    announced: dict[int, list[int]]  # unit id → ids of the users a new case there is announced to

    def deadlines(self, urgency: str) -> tuple[int, int]:
        return self.policies.get(urgency) or DEFAULT_DEADLINES[urgency]

    def route(self, *, category_ids: set[int], governorate_id: int | None, facility: Facility | None):
        """(unit, rule) for a case with these categories (and their ancestors) and place; rule is
        None when the organisation's default unit is used (the most specific rule wins)."""
        governorates = {g for g in (governorate_id, facility.governorate_id if facility else None) if g}
        best = None
        for rule in self.routing:
            if rule.category_id and rule.category_id not in category_ids:
                continue
            if rule.governorate_id and rule.governorate_id not in governorates:
                continue
            if rule.facility_id and rule.facility_id != (facility.pk if facility else None):
                continue
            if best is None or rule.specificity() > best.specificity():
                best = rule
        return (best.unit, best) if best else (self.intake_unit, None)


@dataclass
class Rules:
    token: str
    categories: dict[str, Category]  # by code, every category, parents attached
    categories_by_id: dict[int, Category]
    receiving: list[Organisation]  # organisations that accept public complaints, by id
    _organisations: dict[int, OrganisationRules] = field(default_factory=dict)

    def receiver(self, slug: str | None = None) -> Organisation | None:
        """The organisation that receives a public complaint: the one named, or the default."""
        for organisation in self.receiving:
            if (organisation.slug == slug) if slug else organisation.is_default_intake:
                return organisation
        return None

    def active_categories(self, codes) -> dict[str, Category]:
        return {code: self.categories[code] for code in codes if code in self.categories
                and self.categories[code].is_active}

    def of(self, organisation: Organisation | int) -> OrganisationRules:
        pk = organisation if isinstance(organisation, int) else organisation.pk
        if pk not in self._organisations:
            self._organisations[pk] = _load_organisation(pk)
        return self._organisations[pk]


_current: Rules | None = None
_lock = threading.Lock()


TOKEN_SQL = f"SELECT token FROM {RulesVersion._meta.db_table} WHERE id = 1"  # noqa: S608 (our table)


def snapshot(token: str | None = None) -> Rules:
    """The rules as committed now (one query), loaded again only when they changed. `token`: the
    token as a caller read it in its own query (`TOKEN_SQL`, in the same transaction), which
    saves that one."""
    global _current
    if token is None:
        token = RulesVersion.objects.filter(pk=1).values_list("token", flat=True).first()
    if token is None:
        token = _new_token()
    current = _current
    if current is not None and current.token == token:
        return current
    with _lock:
        categories = list(Category.objects.all())
        by_id = {c.pk: c for c in categories}
        for category in categories:
            if category.parent_id:
                category.parent = by_id[category.parent_id]
        receiving = list(Organisation.objects.filter(accepts_public_complaints=True).order_by("id"))
        _current = Rules(token=token, categories={c.code: c for c in categories}, categories_by_id=by_id,
                         receiving=receiving)
        return _current


def _load_organisation(pk: int) -> OrganisationRules:
    organisation = Organisation.objects.get(pk=pk)
    governorates = list(Governorate.objects.filter(organisation_id=pk))
    governorates_by_id = {g.pk: g for g in governorates}
    facilities = {}
    for facility in Facility.objects.filter(organisation_id=pk, is_active=True):
        facility.governorate = governorates_by_id[facility.governorate_id]
        facilities[facility.pk] = facility
    units = {u.pk: u for u in Unit.objects.filter(organisation_id=pk)}  # in the units' own order (name)
    routing = []
    for rule in RoutingRule.objects.filter(organisation_id=pk, is_active=True).order_by("id"):
        rule.unit = units[rule.unit_id]
        routing.append(rule)
    announced: dict[int, list[int]] = {}
    for unit_id, user_id in Membership.objects.filter(organisation_id=pk, unit__isnull=False,
                                                      role__in=ANNOUNCED_TO).order_by("id").values_list(
                                                          "unit_id", "user_id"):
        announced.setdefault(unit_id, []).append(user_id)
    return OrganisationRules(
        organisation=organisation,
        calendar=Calendar(organisation.weekend, Holiday.objects.filter(organisation_id=pk).values_list("date", flat=True)),
        governorates={g.code: g for g in governorates}, governorates_by_id=governorates_by_id,
        facilities=facilities,
        policies={p.urgency: (p.first_action_days, p.resolution_days)
                  for p in DeadlinePolicy.objects.filter(organisation_id=pk)},
        routing=routing,
        units=units,
        intake_unit=next((u for u in units.values() if u.is_intake), None),
        announced=announced,
    )


def _new_token() -> str:
    token = secrets.token_hex(16)
    with transaction.atomic():
        if RulesVersion.objects.filter(pk=1).update(token=token):
            return token
        try:
            with transaction.atomic():
                RulesVersion.objects.create(pk=1, token=token)
        except IntegrityError:  # created meanwhile by another process
            RulesVersion.objects.filter(pk=1).update(token=token)
    return token


def changed(**_kwargs) -> None:
    """A watched row was saved or deleted: processes load the rules again on their next snapshot."""
    _new_token()


def watch() -> None:
    for model in WATCHED:
        post_save.connect(changed, sender=model, dispatch_uid=f"rules-{model._meta.label}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"rules-delete-{model._meta.label}")
