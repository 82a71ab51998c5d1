"""Raw POST values of the case page's small forms, turned into what the domain functions take.

Each helper returns a value or a translated error message; the views collect the messages into
the page's error dict, so every problem is shown beside its field and nothing typed is lost.
"""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from mizan.complaints.uploads import check_uploads as clean_uploads  # noqa: F401 - the desk's name
from mizan.lib.digits import to_ascii_digits


def parse_version(raw) -> int | None:
    """The `version` a form was rendered with; None when absent (no stale check possible)."""
    text = to_ascii_digits(str(raw or "")).strip()
    return int(text) if text.isdigit() else None


def parse_day(raw) -> date | None | str:
    """A date typed as YYYY-MM-DD (Arabic-Indic digits accepted), None when empty, else an error."""
    text = to_ascii_digits(str(raw or "")).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return _("Enter a date as YYYY-MM-DD (Gregorian calendar).")


def pick(queryset, raw):
    """The row of `queryset` whose primary key is `raw`, or None (also for non-numeric input)."""
    text = str(raw or "").strip()
    return queryset.filter(pk=int(text)).first() if text.isdigit() else None


def category_tree(categories) -> list[dict]:
    """Categories depth-first under their parents, each with a visual indent for select options."""
    children: dict[int | None, list] = {}
    for category in categories:
        children.setdefault(category.parent_id, []).append(category)
    known = {c.pk for c in categories}
    out: list[dict] = []

    def walk(parent_id, depth):
        for category in children.get(parent_id, []):
            out.append({"category": category, "depth": depth, "indent": "— " * depth,
                        "value": str(category.pk)})
            walk(category.pk, depth + 1)

    walk(None, 0)
    # A child whose parent is inactive (not in `categories`) is still offered, at top level.
    for parent_id in children:
        if parent_id is not None and parent_id not in known:
            walk(parent_id, 0)
    return out
