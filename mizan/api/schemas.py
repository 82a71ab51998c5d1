"""Request and response bodies of the API, as they appear in the OpenAPI document."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Annotated

from ninja import Field, Schema
from pydantic import BeforeValidator, WithJsonSchema

from mizan.complaints.models import Finding, Urgency
from mizan.complaints.workflow import Status

# --- public: filing and following a complaint ------------------------------------------------


class ComplainantIn(Schema):
    name: str | None = Field(None, description="Full name. Required unless `anonymous` is true.")
    national_id: str | None = Field(None, description="Identity card number, as written on the card.")
    phone: str | None = Field(None, description="Phone number, digits with an optional leading +.")
    email: str | None = Field(None, description="E-mail address.")
    address: str | None = Field(None, description="Postal address.")


class ProofOfWorkIn(Schema):
    challenge: str = Field(..., max_length=200, description="The challenge given by GET /proof-of-work, unchanged.")
    nonce: str = Field(..., max_length=20, description="ASCII digits such that sha256(challenge + \":\" + nonce) "
                                                       "starts with `bits` zero bits.", examples=["183094"])


class ProofOfWorkOut(Schema):
    challenge: str = Field(..., description="Opaque, signed; valid once, until `expires_at`.")
    bits: int = Field(..., description="Leading zero bits the SHA-256 digest must have (about 2**bits tries).")
    expires_at: datetime
    expires_in: int = Field(..., description="Seconds the challenge stays valid.")
    required_for_anonymous: bool = Field(
        ..., description="Whether this organisation refuses anonymous complaints without a solved challenge.")


class ComplaintIn(Schema):
    narrative: str = Field(..., description="What happened, in the complainant's words.")
    language: str | None = Field(None, description="Language of the complainant: `ar` (default), `en` or `fr`.")
    anonymous: bool = Field(False, description="True to file without any identity.")
    complainant: ComplainantIn | None = Field(
        None, description="Identity of the complainant (encrypted at rest; ignored when anonymous).")
    relation: str | None = Field(
        None, description="Relation of the complainant to the victim: self (default), family, lawyer, "
                          "organisation or other.")
    victim_label: str | None = Field(None, description="A non-identifying description of the victim.")
    victim_name: str | None = Field(None, description="Name of the victim, when the complainant is not the victim.")
    identity_consent: bool = Field(
        False, description="The complainant agrees that their identity is shared with the investigating body.")
    incident_date: str | None = Field(None, description="Date of the incident, YYYY-MM-DD (Gregorian); not in the future.",
                                      examples=["2025-03-01"])
    governorate: str | int | None = Field(None, description="Code (or id) of the governorate / province; see /governorates.")
    facility: int | None = Field(None, description="Id of the place of detention or police station; see /facilities.")
    place_details: str | None = Field(None, description="Where exactly, in words.")
    categories: list[str] = Field(default_factory=list, description="Taxonomy codes; see /taxonomy.")
    vulnerabilities: list[str] = Field(
        default_factory=list, description="Groups the victim belongs to: woman, child, disability, older_person, "
                                          "detainee, migrant.")
    organisation: str | None = Field(
        None, description="Slug of the organisation that should receive the complaint; default: the platform's "
                          "default recipient.")
    proof_of_work: ProofOfWorkIn | None = Field(
        None, description="A solved challenge of GET /proof-of-work. Required for an anonymous complaint when the "
                          "organisation asks for it (`required_for_anonymous`); ignored otherwise.")


class ComplaintOut(Schema):
    reference: str = Field(..., description="Reference number of the case, e.g. EG-2026-000123.")
    receipt: str = Field(..., description="16-digit receipt: the only key to follow the complaint. "
                                          "Shown once and never stored in clear.")
    status: str


class TrackEventOut(Schema):
    at: datetime
    text: str


class TrackMessageOut(Schema):
    at: datetime
    direction: str = Field(..., description="to_complainant or from_complainant.")
    body: str


class TrackFindingOut(Schema):
    category: str
    category_label: str
    finding: str
    finding_label: str


class TrackOut(Schema):
    reference: str
    status: str
    status_label: str
    status_explanation: str
    received_at: datetime
    timeline: list[TrackEventOut]
    messages: list[TrackMessageOut]
    outcome: str | None = Field(..., description="The decision as written for the complainant, once decided.")
    findings: list[TrackFindingOut] = Field(..., description="Finding per allegation, once decided.")


class TrackMessageIn(Schema):
    body: str = Field(..., description="The message to the officer handling the complaint.")


class TrackMessageStatusOut(Schema):
    status: str = Field(..., description="Status of the complaint after the message (a reply resumes a case "
                                         "that was waiting for the complainant).")


class CategoryLabels(Schema):
    ar: str
    en: str
    fr: str


class CategoryOut(Schema):
    code: str
    parent: str | None
    label: str = Field(..., description="Label in the language of the request.")
    labels: CategoryLabels


class GovernorateOut(Schema):
    code: str
    name: str


class FacilityOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    governorate: str = Field(..., description="Code of the governorate.")


# --- staff: cases ------------------------------------------------------------------------------


URGENCY_DESCRIPTION = "Urgency accepted for the case (it sets the deadlines)."
SUGGESTED_URGENCY_DESCRIPTION = (
    "The urgency triage suggests and no person has accepted or rejected yet, or null. Only a level "
    "above `urgency` is suggested; a critical one not decided within MIZAN_CRITICAL_REVIEW_HOURS "
    "(default 4) clock hours makes the case overdue.")


class CaseOrdering(str, Enum):
    """Orders of the case list."""

    NEWEST = "newest"
    OLDEST = "oldest"
    URGENCY = "urgency"


class CaseListItem(Schema):
    reference: str
    status: str
    status_label: str
    urgency: Urgency = Field(..., description=URGENCY_DESCRIPTION)
    suggested_urgency: Urgency | None = Field(..., description=SUGGESTED_URGENCY_DESCRIPTION)
    categories: list[str]
    received_at: datetime
    due_at: date | None = Field(..., description="Next deadline (first action, then resolution); null when closed.")
    unit: str | None = Field(..., description="Code of the unit.")
    officer: str | None = Field(..., description="Username of the assigned officer.")


class CaseListOut(Schema):
    count: int
    count_is_lower_bound: bool = Field(
        False, description="True when a search (`q`) matched more cases than its ranking window "
                           "(10,000 by default): `count` is then the window's size, and the results are "
                           "the best matches among the newest cases.")
    page: int
    page_size: int
    results: list[CaseListItem]


class FacilityRef(Schema):
    id: int
    name: str


class AllegationOut(Schema):
    id: int
    category: str
    occurred_on: date | None
    finding: str | None
    finding_note: str


class PersonOut(Schema):
    id: int
    role: str
    label: str
    vulnerabilities: list[str]
    has_identity: bool = Field(..., description="Identity is on file; reading it is done in the desk and logged.")


class CaseMessageOut(Schema):
    id: int
    kind: str = Field(..., description="to_complainant, from_complainant or internal.")
    body: str
    at: datetime
    author: str | None


class CaseEventOut(Schema):
    at: datetime
    kind: str
    text: str
    public: bool


class TransitionOption(Schema):
    name: str
    to: str
    label: str


class CaseOut(Schema):
    reference: str
    status: str
    status_label: str
    urgency: Urgency = Field(..., description=URGENCY_DESCRIPTION)
    suggested_urgency: Urgency | None = Field(..., description=SUGGESTED_URGENCY_DESCRIPTION)
    suggested_urgency_reasons: list[str] = Field(
        ..., description="Why triage suggests that urgency: one sentence per sign found in the narrative, in the "
                         "language of the request; empty when nothing is suggested.")
    channel: str
    language: str
    narrative: str
    incident_date: date | None
    governorate: str | None
    facility: FacilityRef | None
    unit: str | None
    officer: str | None
    received_at: datetime
    first_action_due: date | None
    resolution_due: date | None
    due_at: date | None
    overdue: bool = Field(..., description="Past a deadline, or a suggested critical urgency has waited too long "
                                           "for a decision.")
    anonymous: bool
    categories: list[str]
    vulnerabilities: list[str]
    allegations: list[AllegationOut]
    persons: list[PersonOut]
    messages: list[CaseMessageOut]
    timeline: list[CaseEventOut]
    version: int = Field(..., description="Send it back as `version` when changing the case: a stale one is refused (409).")
    allowed_transitions: list[TransitionOption] = Field(..., description="Steps your role may take from the current status.")


class FindingIn(Schema):
    finding: Finding
    note: str = ""


def _findings_as_mapping(value):
    """Accept the list form [{allegation, finding, note}] as well as {allegation_id: {...}}."""
    if isinstance(value, list):
        mapping = {}
        for item in value:
            # An id that is an object or a list is refused here (400), not as an unhashable key (500).
            if not isinstance(item, dict) or not isinstance(item.get("allegation"), int | str):
                raise ValueError("each finding needs an allegation id")
            mapping[item["allegation"]] = {k: v for k, v in item.items() if k != "allegation"}
        return mapping
    return value


_FINDING_SCHEMA = {
    "type": "object",
    "properties": {"finding": {"type": "string", "enum": list(Finding.values)}, "note": {"type": "string"}},
    "required": ["finding"],
}
Findings = Annotated[
    dict[int, FindingIn],
    BeforeValidator(_findings_as_mapping),
    WithJsonSchema({
        "description": "A finding for every allegation, required to resolve: either "
                       "{allegation_id: {finding, note}} or [{allegation, finding, note}].",
        "anyOf": [
            {"type": "object", "additionalProperties": _FINDING_SCHEMA},
            {"type": "array", "items": {**_FINDING_SCHEMA,
                                        "properties": {"allegation": {"type": "integer"}, **_FINDING_SCHEMA["properties"]},
                                        "required": ["allegation", "finding"]}},
        ],
    }),
]


class TransitionIn(Schema):
    to: Status = Field(..., description="Target status; see `allowed_transitions` of the case.")
    note: str = Field("", description="Reason or explanation; required for some steps. For resolve and "
                                      "declare_inadmissible it is the outcome the complainant reads.")
    findings: Findings | None = None
    referred_to: str = Field("", description="Body the case is referred to (refer).")
    referral_due: date | None = Field(None, description="Date by which that body must answer (refer).")
    version: int | None = Field(None, description="The case version you read; a stale one is refused (409).")


class TransitionOut(Schema):
    reference: str
    status: str
    status_label: str
    version: int


class AssignmentIn(Schema):
    unit: str | int | None = Field(None, description="Code or id of a unit of your organisation.")
    officer: str | None = Field(None, description="Username of a staff member of your organisation.")
    version: int | None = Field(None, description="The case version you read; a stale one is refused (409).")


class AssignmentOut(Schema):
    reference: str
    unit: str | None
    officer: str | None
    version: int


class MessageIn(Schema):
    body: str = Field(..., description="Text of the message.")
    internal: bool = Field(False, description="True for an internal note the complainant never sees.")


class MessageOut(Schema):
    id: int
