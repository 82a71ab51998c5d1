"""The complaint workflow: states, and the one declarative table of allowed transitions.

Each transition names the states it leaves from, the state it reaches, the roles that may take
it and what it requires. `complaints.services.transition_case` is the only code that applies it.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mizan.accounts.models import Role

COMPLAINANT = "complainant"  # pseudo-role: the person holding the receipt
SYSTEM = "system"  # pseudo-role: the platform itself (e.g. a reply resumes the clock)


class Status(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("case status", "Received")
    UNDER_REVIEW = "under_review", pgettext_lazy("case status", "Under review")
    IN_PROGRESS = "in_progress", pgettext_lazy("case status", "In progress")
    AWAITING_COMPLAINANT = "awaiting_complainant", pgettext_lazy("case status", "Awaiting the complainant")
    REFERRED = "referred", pgettext_lazy("case status", "Referred")
    RESOLVED = "resolved", pgettext_lazy("case status", "Resolved")
    CLOSED = "closed", pgettext_lazy("case status", "Closed")
    INADMISSIBLE = "inadmissible", pgettext_lazy("case status", "Inadmissible (outside mandate)")
    WITHDRAWN = "withdrawn", pgettext_lazy("case status", "Withdrawn")


OPEN_STATES = frozenset({
    Status.RECEIVED, Status.UNDER_REVIEW, Status.IN_PROGRESS, Status.AWAITING_COMPLAINANT, Status.REFERRED,
})
DECIDED_STATES = frozenset({Status.RESOLVED, Status.CLOSED, Status.INADMISSIBLE})

# What a complainant reads about each status, in plain words.
PUBLIC_EXPLANATION = {
    Status.RECEIVED: _("Your complaint has been received and registered. An officer will look at it soon."),
    Status.UNDER_REVIEW: _("An officer is checking your complaint to decide how it should be handled."),
    Status.IN_PROGRESS: _("Your complaint is being investigated."),
    Status.AWAITING_COMPLAINANT: _("The officer needs something from you. Please read the latest message and reply."),
    Status.REFERRED: _("Your complaint has been sent to the competent body, which must answer by a set date."),
    Status.RESOLVED: _("A decision has been reached on your complaint. You can read the outcome below."),
    Status.CLOSED: _("Your complaint is closed."),
    Status.INADMISSIBLE: _("Your complaint cannot be handled by this body. The reason is given below."),
    Status.WITHDRAWN: _("Your complaint was withdrawn."),
}

HANDLERS = frozenset({Role.CASE_OFFICER, Role.SUPERVISOR})


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset
    target: Status
    roles: frozenset
    label: str
    needs_note: bool = False  # a written reason / public explanation
    needs_referral: bool = False  # referred body and response due date
    needs_findings: bool = False  # a finding for every allegation
    appeal_window: bool = False  # only within the organisation's appeal days
    pauses_clock: bool = False
    resumes_clock: bool = False
    # What becomes of the note: the public outcome the complainant reads (and no message), a
    # message to the complainant, or (neither) a message of its author (an internal note, or the
    # complainant's own words).
    note_is_outcome: bool = False
    note_to_complainant: bool = False
    reopens: bool = False  # clears the decision: closing and resolution dates, the resolution breach


TRANSITIONS: tuple[Transition, ...] = (
    Transition("review", frozenset({Status.RECEIVED}), Status.UNDER_REVIEW,
               frozenset({Role.INTAKE_OFFICER, *HANDLERS}), _("Start review")),
    Transition("accept", frozenset({Status.UNDER_REVIEW}), Status.IN_PROGRESS,
               HANDLERS, _("Accept and investigate")),
    Transition("request_information", frozenset({Status.IN_PROGRESS}), Status.AWAITING_COMPLAINANT,
               HANDLERS, _("Wait for the complainant"), needs_note=True, pauses_clock=True, note_to_complainant=True),
    Transition("resume", frozenset({Status.AWAITING_COMPLAINANT}), Status.IN_PROGRESS,
               frozenset({*HANDLERS, SYSTEM}), _("Resume work"), resumes_clock=True),
    Transition("refer", frozenset({Status.IN_PROGRESS}), Status.REFERRED,
               HANDLERS, _("Refer"), needs_referral=True),
    Transition("referral_answered", frozenset({Status.REFERRED}), Status.IN_PROGRESS,
               HANDLERS, _("Referral answered")),
    Transition("resolve", frozenset({Status.IN_PROGRESS, Status.REFERRED}), Status.RESOLVED,
               HANDLERS, _("Resolve with findings"), needs_note=True, needs_findings=True, note_is_outcome=True),
    Transition("close", frozenset({Status.RESOLVED}), Status.CLOSED,
               HANDLERS, _("Close")),
    Transition("declare_inadmissible", frozenset({Status.RECEIVED, Status.UNDER_REVIEW}), Status.INADMISSIBLE,
               HANDLERS, _("Declare inadmissible"), needs_note=True, note_is_outcome=True),
    Transition("withdraw", frozenset(OPEN_STATES), Status.WITHDRAWN,
               frozenset({*HANDLERS, COMPLAINANT}), _("Record withdrawal")),
    Transition("reopen", frozenset(DECIDED_STATES), Status.IN_PROGRESS,
               frozenset({Role.SUPERVISOR, COMPLAINANT}), _("Re-open on appeal"),
               needs_note=True, appeal_window=True, reopens=True),
)

# The step a case usually takes next from each status: the case page shows it as the one primary
# button and puts the other allowed steps in a menu. Decided and withdrawn cases have none (a
# re-opening is an exception, never the expected course). From "in progress" the expected course
# is to resolve; asking the complainant or referring are detours.
NEXT_STEP: dict[Status, str | None] = {
    Status.RECEIVED: "review",
    Status.UNDER_REVIEW: "accept",
    Status.IN_PROGRESS: "resolve",
    Status.AWAITING_COMPLAINANT: "resume",
    Status.REFERRED: "referral_answered",
    Status.RESOLVED: "close",
    Status.CLOSED: None,
    Status.INADMISSIBLE: None,
    Status.WITHDRAWN: None,
}

_BY_EDGE = {(source, t.target): t for t in TRANSITIONS for source in t.sources}
_BY_NAME = {t.name: t for t in TRANSITIONS}
assert len(_BY_EDGE) == sum(len(t.sources) for t in TRANSITIONS), "two transitions share an edge"
assert set(NEXT_STEP) == set(Status) and all(
    name is None or status in _BY_NAME[name].sources for status, name in NEXT_STEP.items()
), "a next step must leave from its status"


def find(source: str, target: str) -> Transition | None:
    return _BY_EDGE.get((Status(source), Status(target))) if target in Status.values else None


def by_name(name: str) -> Transition | None:
    return _BY_NAME.get(name)


def available(source: str, role: str) -> list[Transition]:
    return [t for t in TRANSITIONS if source in t.sources and role in t.roles]


def next_step(source: str, role: str) -> Transition | None:
    """The expected next step from `source` if `role` may take it (NEXT_STEP), else None."""
    name = NEXT_STEP.get(Status(source)) if source in Status.values else None
    return next((t for t in available(source, role) if t.name == name), None)
