"""The columns a case-list export can hold, and one row of values per case.

Personal data is masked unless the export is unredacted: identity fields (sealed in the database)
become MASK when a value exists and are decrypted only for an unredacted export; free text
(narrative, messages, notes, outcome, place details, referral) has the personal data found in it
(IDs, phones, e-mails, IBANs, plates — `mizan.lib.pii`) replaced by MASK, using the spans triage
stored, or detecting on the spot for text never scanned (as `mizan.triage.privacy` does).

Labels (statuses, categories, places, units) are resolved once per export from in-memory maps,
so a row costs no query; the queries per chunk are the prefetches the chosen columns need.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from mizan.complaints.identity import unseal
from mizan.complaints.models import (
    Allegation,
    CaseCategory,
    CaseMessage,
    CaseVulnerability,
    Category,
    Channel,
    Finding,
    Person,
    Urgency,
    Vulnerability,
)
from mizan.complaints.workflow import Status
from mizan.lib.pii import PIIMatch, find_pii, redact
from mizan.triage.models import PiiSpan
from mizan.triage.privacy import MASK

# Column groups, in the order the export page shows them.
GROUPS = {
    "case": gettext_lazy("The complaint"),
    "place": pgettext_lazy("export column group", "Place and date"),
    "handling": gettext_lazy("Handling and deadlines"),
    "outcome": gettext_lazy("Outcome"),
    "text": gettext_lazy("Text written by people"),
    "identity": gettext_lazy("Identity and contact details"),
}


@dataclass(frozen=True)
class Column:
    key: str
    label: Promise | str
    group: str
    kind: str = "text"  # text | long | date | datetime | flag
    default: bool = False
    personal: bool = False  # an identity field: masked unless unredacted
    free_text: bool = False  # personal data found in it is masked unless unredacted
    needs: str = ""  # the prefetch it reads: categories | vulnerabilities | allegations | persons | messages

    def width(self) -> int:
        return {"long": 60, "date": 12, "datetime": 17, "flag": 8}.get(self.kind, 22)


CASE_COLUMNS: tuple[Column, ...] = (
    Column("reference", gettext_lazy("Reference"), "case", default=True),
    Column("received", pgettext_lazy("date the case arrived", "Received"), "case", "datetime", default=True),
    Column("status", gettext_lazy("Status"), "case", default=True),
    Column("urgency", gettext_lazy("Urgency"), "case", default=True),
    Column("channel", gettext_lazy("Channel"), "case", default=True),
    Column("language", gettext_lazy("Language"), "case"),
    Column("categories", gettext_lazy("Categories"), "case", default=True, needs="categories"),
    Column("vulnerabilities", gettext_lazy("Groups at risk"), "case", default=True, needs="vulnerabilities"),
    Column("anonymous", gettext_lazy("Anonymous"), "case", "flag"),
    Column("identity_consent", gettext_lazy("Consents to share identity"), "case", "flag"),
    Column("incident_date", gettext_lazy("Incident date"), "place", "date"),
    Column("governorate", "", "place", default=True),  # named as the organisation names its divisions
    Column("facility", gettext_lazy("Place"), "place", default=True),
    Column("place_details", gettext_lazy("Place details"), "place", free_text=True),
    Column("unit", gettext_lazy("Unit"), "handling", default=True),
    Column("officer", gettext_lazy("Officer"), "handling", default=True),
    Column("first_action_due", gettext_lazy("First action due"), "handling", "date", default=True),
    Column("resolution_due", gettext_lazy("Resolution due"), "handling", "date", default=True),
    Column("overdue", gettext_lazy("Overdue"), "handling", "flag", default=True),
    Column("deadline_missed", gettext_lazy("A deadline was missed"), "handling", "flag"),
    Column("referred_to", gettext_lazy("Referred to"), "handling", free_text=True),
    Column("resolved_at", gettext_lazy("Date resolved"), "handling", "date"),
    Column("closed_at", gettext_lazy("Date closed"), "handling", "date"),
    Column("findings", gettext_lazy("Findings per allegation"), "outcome", "long", default=True, needs="allegations"),
    Column("outcome", gettext_lazy("Outcome"), "outcome", "long", free_text=True),
    Column("narrative", gettext_lazy("What happened"), "text", "long", free_text=True),
    Column("messages", gettext_lazy("Messages"), "text", "long", free_text=True, needs="messages"),
    Column("internal_notes", gettext_lazy("Internal notes"), "text", "long", free_text=True, needs="messages"),
    Column("complainant_name", gettext_lazy("Complainant's name"), "identity", personal=True, needs="persons"),
    Column("complainant_national_id", gettext_lazy("Complainant's identity number"), "identity", personal=True,
           needs="persons"),
    Column("complainant_phone", gettext_lazy("Complainant's phone"), "identity", personal=True, needs="persons"),
    Column("complainant_email", gettext_lazy("Complainant's e-mail"), "identity", personal=True, needs="persons"),
    Column("complainant_address", gettext_lazy("Complainant's address"), "identity", personal=True, needs="persons"),
    Column("victim_name", gettext_lazy("Victim's name"), "identity", personal=True, needs="persons"),
)
COLUMNS_BY_KEY = {column.key: column for column in CASE_COLUMNS}
DEFAULT_COLUMNS = [column.key for column in CASE_COLUMNS if column.default]
# Case fields each column reads (the rest stay in the database).
_FIELDS = {
    "reference": ["reference"], "received": ["received_at"], "status": ["status"], "urgency": ["urgency"],
    "channel": ["channel"], "language": ["language"], "anonymous": ["anonymous"],
    "identity_consent": ["identity_consent"], "incident_date": ["incident_date"],
    "governorate": ["governorate_id"], "facility": ["facility_id"], "place_details": ["place_details"],
    "unit": ["unit_id"], "officer": ["officer_id"],
    "first_action_due": ["first_action_due"], "resolution_due": ["resolution_due"],
    "overdue": ["status", "first_action_at", "first_action_due", "resolution_due"],
    "deadline_missed": ["first_action_breached", "resolution_breached"], "referred_to": ["referred_to"],
    "resolved_at": ["resolved_at"], "closed_at": ["closed_at"], "outcome": ["public_outcome"],
    "narrative": ["narrative"],
}


def column_label(column: Column, organisation) -> str:
    return organisation.division_label if column.key == "governorate" else str(column.label)


def local(value: datetime | None) -> datetime | None:
    """Local wall-clock time, without the time zone (what a spreadsheet shows)."""
    if value is None:
        return None
    return timezone.localtime(value).replace(tzinfo=None, microsecond=0)


def mask_text(text: str, spans=None) -> str:
    """`text` with personal data replaced by MASK, using stored (kind, start, end) spans when
    there are usable ones, otherwise what `find_pii` finds now."""
    if not text:
        return text
    matches = [PIIMatch(kind, start, end, "") for kind, start, end in (spans or ())
               if 0 <= start < end <= len(text)]
    return redact(text, matches or find_pii(text), mask=MASK)


class CaseRows:
    """Turns cases into rows of the chosen columns, in the active language.

    Build it inside `translation.override(...)`: labels are resolved when it is created.
    `persons_revealed` counts the people whose identity an unredacted export decrypted.
    """

    def __init__(self, organisation, keys: list[str], *, unredacted: bool):
        self.columns = [COLUMNS_BY_KEY[key] for key in keys]
        self.unredacted = unredacted
        self.organisation = organisation
        self.persons_revealed = 0
        self.today = organisation.today()
        self.yes, self.no = _("Yes"), _("No")
        self.status = {value: str(label) for value, label in Status.choices}
        self.urgency = {value: str(label) for value, label in Urgency.choices}
        self.channel = {value: str(label) for value, label in Channel.choices}
        self.finding = {value: str(label) for value, label in Finding.choices}
        self.vulnerability = {value: str(label) for value, label in Vulnerability.choices}
        self.language = {code: str(label) for code, label in settings.LANGUAGES}
        self.message_kind = {value: str(label) for value, label in CaseMessage.Kind.choices}
        categories = list(Category.objects.all())
        self.category = {c.pk: c.label for c in categories}
        self.category_order = {c.pk: (c.position, c.code) for c in categories}
        self.governorate = {g.pk: g.name for g in organisation.governorates.all()}
        self.facility = {f.pk: f.name for f in organisation.facilities.all()}
        self.unit = {u.pk: u.name for u in organisation.units.all()}
        self._officers: dict[int, str] = {}
        self._values: dict[str, Callable] = {
            "reference": lambda c: c.reference,
            "received": lambda c: local(c.received_at),
            "status": lambda c: self.status.get(c.status, c.status),
            "urgency": lambda c: self.urgency.get(c.urgency, c.urgency),
            "channel": lambda c: self.channel.get(c.channel, c.channel),
            "language": lambda c: self.language.get(c.language, c.language),
            "categories": self._categories,
            "vulnerabilities": lambda c: "; ".join(
                self.vulnerability.get(m.code, m.code) for m in sorted(c.vulnerability_markers.all(), key=lambda m: m.code)),
            "anonymous": lambda c: self._flag(c.anonymous),
            "identity_consent": lambda c: self._flag(c.identity_consent),
            "incident_date": lambda c: c.incident_date,
            "governorate": lambda c: self.governorate.get(c.governorate_id, ""),
            "facility": lambda c: self.facility.get(c.facility_id, ""),
            "place_details": lambda c: self._free(c.place_details),
            "unit": lambda c: self.unit.get(c.unit_id, ""),
            "officer": lambda c: self._officer(c.officer_id),
            "first_action_due": lambda c: c.first_action_due,
            "resolution_due": lambda c: c.resolution_due,
            "overdue": lambda c: self._flag(c.is_overdue(self.today)),
            "deadline_missed": lambda c: self._flag(c.first_action_breached or c.resolution_breached),
            "referred_to": lambda c: self._free(c.referred_to),
            "resolved_at": lambda c: local(c.resolved_at).date() if c.resolved_at else None,
            "closed_at": lambda c: local(c.closed_at).date() if c.closed_at else None,
            "findings": self._findings,
            "outcome": lambda c: self._free(c.public_outcome),
            "narrative": self._narrative,
            "messages": lambda c: self._messages(c, internal=False),
            "internal_notes": lambda c: self._messages(c, internal=True),
        }
        self._spans_needed = not unredacted and any(k in keys for k in ("narrative", "messages", "internal_notes"))

    # --- what the query must load -------------------------------------------------------------

    def headers(self) -> list[str]:
        return [column_label(column, self.organisation) for column in self.columns]

    def widths(self) -> list[int]:
        return [column.width() for column in self.columns]

    def fields(self) -> list[str]:
        names = {"id", "organisation_id"}
        for column in self.columns:
            names.update(_FIELDS.get(column.key, []))
        return sorted(names)

    def prefetches(self) -> list:
        needs = {column.needs for column in self.columns if column.needs}
        found = []
        if "categories" in needs:
            found.append(Prefetch("case_categories", queryset=CaseCategory.objects.only("id", "case_id", "category_id")))
        if "vulnerabilities" in needs:
            found.append(Prefetch("vulnerability_markers", queryset=CaseVulnerability.objects.only("id", "case_id", "code")))
        if "allegations" in needs:
            found.append(Prefetch("allegations", queryset=Allegation.objects.only(
                "id", "case_id", "category_id", "finding").order_by("id")))
        if "persons" in needs:
            found.append(Prefetch("persons", queryset=Person.objects.order_by("id")))
        if "messages" in needs:
            found.append(Prefetch("messages", queryset=CaseMessage.objects.only(
                "id", "case_id", "kind", "body", "created_at").order_by("created_at", "id")))
        if self._spans_needed:
            found.append(Prefetch("pii_spans", queryset=PiiSpan.objects.only(
                "id", "case_id", "source", "source_id", "kind", "start", "end")))
        return found

    # --- one row ---------------------------------------------------------------------------------

    def row(self, case) -> list:
        values = []
        revealed: set[int] = set()
        for column in self.columns:
            if column.personal:
                value, person_id = self._identity(case, column.key)
                if person_id is not None:
                    revealed.add(person_id)
            else:
                value = self._values[column.key](case)
            values.append(value)
        self.persons_revealed += len(revealed)
        return values

    def _flag(self, value) -> str:
        return self.yes if value else self.no

    def _free(self, text: str) -> str:
        return text if self.unredacted else mask_text(text)

    def _officer(self, user_id) -> str:
        if user_id is None:
            return ""
        if user_id not in self._officers:
            user = get_user_model().objects.filter(pk=user_id).only("username", "first_name", "last_name").first()
            self._officers[user_id] = (user.get_full_name() or user.get_username()) if user else ""
        return self._officers[user_id]

    def _categories(self, case) -> str:
        ids = sorted({link.category_id for link in case.case_categories.all()},
                     key=lambda pk: self.category_order.get(pk, (0, "")))
        return "; ".join(self.category.get(pk, "") for pk in ids)

    def _findings(self, case) -> str:
        parts = [f"{self.category.get(a.category_id, '')}: {self.finding.get(a.finding, a.finding)}"
                 for a in case.allegations.all() if a.finding]
        return "; ".join(parts)

    def _spans(self, case, source: str, source_id=None) -> list[tuple]:
        return [(s.kind, s.start, s.end) for s in case.pii_spans.all()
                if s.source == source and s.source_id == source_id]

    def _narrative(self, case) -> str:
        if self.unredacted:
            return case.narrative
        return mask_text(case.narrative, self._spans(case, PiiSpan.Source.NARRATIVE))

    def _messages(self, case, *, internal: bool) -> str:
        lines = []
        for message in case.messages.all():
            if (message.kind == CaseMessage.Kind.INTERNAL) != internal:
                continue
            body = message.body if self.unredacted else mask_text(
                message.body, self._spans(case, PiiSpan.Source.MESSAGE, message.pk))
            stamp = local(message.created_at).strftime("%Y-%m-%d %H:%M")
            lines.append(f"[{stamp}] {self.message_kind.get(message.kind, '')}: {body}")
        return "\n".join(lines)

    def _identity(self, case, key: str) -> tuple[str, int | None]:
        """(value, id of the person decrypted or None). Only a victim other than the
        complainant has a name of their own; a complainant filing for themself is the victim."""
        role, field = key.split("_", 1)
        wanted = Person.Role.VICTIM if role == "victim" else Person.Role.COMPLAINANT
        person = next((p for p in case.persons.all() if p.role == wanted), None)
        token = getattr(person, f"{field}_enc", "") if person else ""
        if not token:
            return "", None
        if not self.unredacted:
            return MASK, None
        return unseal(token, field, case.pk), person.pk
