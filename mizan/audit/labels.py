"""Words for audit actions: the audit page reads an action's label from here.

The core and each wing register the labels of the actions they record (`register_action_labels`,
called from an app's `ready()`), so that the audit page never shows a raw action code and never
has to name the wings that record them.
"""

from __future__ import annotations

from collections.abc import Mapping

_LABELS: dict[str, object] = {}


def register_action_labels(labels: Mapping[str, object]) -> None:
    """Add (or replace) the labels of some audit actions; values are lazy translations."""
    _LABELS.update(labels)


def action_labels() -> dict[str, object]:
    """Every registered action code with its label."""
    return dict(_LABELS)
