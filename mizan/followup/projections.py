"""What follows a change in the follow-up records: one explicit, ordered list.

Every domain function of this app calls `after_change(...)` once, at the end of its transaction,
with what it changed. Wings that keep something derived from these records (the search index
of recommendations, suggestions of the text engine, cached dashboard figures) register a
projection from their AppConfig.ready(); this app never imports them, so every arrow points
into it.

A projection runs inside the caller's transaction (a search never sees a change that was rolled
back); one that needs the commit (a task) queues itself with `core.tasks.enqueue_on_commit`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["Change", "after_change", "register", "registered"]


@dataclass(frozen=True)
class Change:
    """What a domain function changed: the organisation, and the ids by kind of record."""

    organisation_id: int
    recommendations: tuple[int, ...] = ()
    measures: tuple[int, ...] = ()
    indicators: tuple[int, ...] = ()
    reports: tuple[int, ...] = ()
    # "created", "updated", "status", "imported", "deleted", ...
    what: str = "updated"
    extra: dict = field(default_factory=dict)


_projections: list[tuple[int, str, Callable[[Change], None]]] = []


def register(name: str, function: Callable[[Change], None], *, order: int = 100) -> None:
    """Add `function` under `name` (registering a name twice replaces it: apps may reload)."""
    global _projections
    _projections = [p for p in _projections if p[1] != name]
    _projections.append((order, name, function))
    _projections.sort(key=lambda p: (p[0], p[1]))


def registered() -> list[str]:
    return [name for _order, name, _function in _projections]


def after_change(change: Change) -> None:
    """Run every registered projection, in order, in the caller's transaction."""
    for _order, _name, function in _projections:
        function(change)
