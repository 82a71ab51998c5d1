"""Routing rules: which unit handles a case, by category and place."""

from .models import Case, RoutingRule


def pick_unit(case: Case, category_ids: set[int]):
    """(unit, rule) for `case`; rule is None when the organisation's default unit is used."""
    facility_governorate = case.facility.governorate_id if case.facility_id else None
    governorates = {g for g in (case.governorate_id, facility_governorate) if g}
    best = None
    for rule in RoutingRule.objects.filter(organisation_id=case.organisation_id, is_active=True).select_related("unit"):
        if rule.category_id and rule.category_id not in category_ids:
            continue
        if rule.governorate_id and rule.governorate_id not in governorates:
            continue
        if rule.facility_id and rule.facility_id != case.facility_id:
            continue
        if best is None or rule.specificity() > best.specificity():
            best = rule
    if best:
        return best.unit, best
    default = case.organisation.units.filter(is_intake=True).first()
    return default, None


def category_ids_with_ancestors(categories) -> set[int]:
    """Ids of the categories and of all their parents, so a rule on a parent matches a child."""
    ids = set()
    for category in categories:
        node = category
        while node is not None:
            ids.add(node.pk)
            node = node.parent
    return ids
