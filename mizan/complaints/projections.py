"""What follows a change to a case: one explicit, ordered list per kind of change.

The complaints core keeps derived data it never names: the statistics rollup (reports), the
search document (search), personal-data spans and suggestions (triage). Those wings register
here from their AppConfig.ready(); the domain functions (`services`, `retention`) call

    case_created(new)         once, at the end of intake, in place of case_changed: `new` (a
                              NewCase) holds what was just written, so a wing that registered a
                              CREATED function builds its rows without reading them back (one
                              that did not is called with the case, as for any change)
    case_changed(case)        once, at the end of the change, after the month's DataVersion row
                              and before the audit row (the one lock order of every domain
                              function): derived rows brought up to date in the transaction, so
                              nothing derived is ever seen without the change, or after a rollback
    message_written(message)  a new message or note, in the transaction (personal-data spans)
    content_changed(case)     the narrative, categories or urgency changed (new suggestions,
                              which a wing queues on commit)
    case_anonymised(case)     derived data tied to text that is gone is dropped

so every arrow points into the core, and no import of a wing hides inside a function.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["CASE", "CREATED", "CONTENT", "MESSAGE", "ANONYMISED", "NewCase", "case_changed", "case_created",
           "content_changed", "message_written", "case_anonymised", "register", "registered"]

CASE, CREATED, MESSAGE, CONTENT, ANONYMISED = "case", "created", "message", "content", "anonymised"

_registry: dict[str, list[tuple[int, str, Callable]]] = {
    CASE: [], CREATED: [], MESSAGE: [], CONTENT: [], ANONYMISED: []}


@dataclass
class NewCase:
    """A case as intake just wrote it, with its rows (objects with their keys set): what a
    CREATED projection reads instead of the database."""

    case: object
    case_categories: list = field(default_factory=list)  # CaseCategory, each with its category
    vulnerabilities: list[str] = field(default_factory=list)
    allegations: list = field(default_factory=list)  # Allegation, with category, facility, governorate


def register(kind: str, name: str, function: Callable, *, order: int = 100) -> None:
    """Run `function(record)` after every change of `kind`, in `order` (then name); registering
    a name twice replaces it (apps may be set up again)."""
    entries = [entry for entry in _registry[kind] if entry[1] != name]
    entries.append((order, name, function))
    entries.sort(key=lambda entry: (entry[0], entry[1]))
    _registry[kind] = entries


def registered(kind: str) -> list[str]:
    return [name for _order, name, _function in _registry[kind]]


def _run(kind: str, record) -> None:
    for _order, _name, function in _registry[kind]:
        function(record)


def case_changed(case) -> None:
    _run(CASE, case)


def case_created(new: NewCase) -> None:
    """What follows intake: in CASE's order, each wing's CREATED function with `new`, or its
    CASE function with the case when it registered none."""
    created = {name: function for _order, name, function in _registry[CREATED]}
    for _order, name, function in _registry[CASE]:
        if name in created:
            created[name](new)
        else:
            function(new.case)


def message_written(message) -> None:
    _run(MESSAGE, message)


def content_changed(case) -> None:
    _run(CONTENT, case)


def case_anonymised(case) -> None:
    _run(ANONYMISED, case)
