"""Words for audit actions: the audit page reads an action's label from here.

The core and each wing register the labels of the actions they record (`register_action_labels`)
and the names of the records they act on (`register_target_names`), from an app's `ready()`, so
that the audit page never shows a raw action code or a record's id and never has to name the
wings that record them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

_LABELS: dict[str, object] = {}


def register_action_labels(labels: Mapping[str, object]) -> None:
    """Add (or replace) the labels of some audit actions; values are lazy translations."""
    _LABELS.update(labels)


def action_labels() -> dict[str, object]:
    """Every registered action code with its label."""
    return dict(_LABELS)


# What an audited record is called on the audit page, for the kinds of record the core does not
# know: {target_type (the model's name): function(organisation, [target ids]) -> {target id: name}}.
# One call per kind and page; a record that is gone or not the organisation's is simply left out.
_TARGET_NAMES: dict[str, Callable[[object, list[str]], dict[str, str]]] = {}


def register_target_names(target_type: str, names: Callable[[object, list[str]], dict[str, str]]) -> None:
    _TARGET_NAMES[target_type] = names


def target_names(organisation, targets: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """{(target_type, target_id): name} for the registered kinds among `targets`."""
    wanted: dict[str, set[str]] = {}
    for target_type, target_id in targets:
        if target_type in _TARGET_NAMES and target_id:
            wanted.setdefault(target_type, set()).add(target_id)
    found: dict[tuple[str, str], str] = {}
    for target_type, ids in wanted.items():
        for target_id, name in _TARGET_NAMES[target_type](organisation, sorted(ids)).items():
            found[(target_type, str(target_id))] = name
    return found
