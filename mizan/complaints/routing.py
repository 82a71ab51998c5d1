"""Routing rules: which unit handles a case, by category and place."""

from .models import Case
from .rules import snapshot


def pick_unit(case: Case, category_ids: set[int]):
    """(unit, rule) for `case`; rule is None when the organisation's default unit is used. The
    rules are intake's (`complaints.rules`): the same choice as a new complaint's."""
    return snapshot().of(case.organisation_id).route(
        category_ids=category_ids, governorate_id=case.governorate_id, facility=case.facility)


def category_ids_with_ancestors(categories) -> set[int]:
    """Ids of the categories and of all their parents, so a rule on a parent matches a child."""
    ids = set()
    for category in categories:
        node = category
        while node is not None:
            ids.add(node.pk)
            node = node.parent
    return ids
