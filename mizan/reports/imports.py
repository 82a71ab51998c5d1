"""Importing complaints from CSV or XLSX, for moving from a spreadsheet or another system.

The columns are IMPORT_COLUMNS (the downloadable template documents them). Every row goes
through the same validation as a complaint a staff member types into the desk
(`complaints.intake.clean_staff_intake`, as the desk's form through `intake.receive`) and is filed
with `complaints.services.submit_complaint` with a staff channel and the importing user as actor.

Nothing half-imported:
- the whole file is validated first (`check_file`) and every rejected row is reported with its
  reasons, in the user's language. If any row is rejected, nothing is imported — unless the user
  asked to import the valid rows and leave the rejected ones out;
- rows are then written one per transaction (`write_rows`, a background task): a row becomes a
  complete case together with its ImportedRow, or nothing at all. One transaction per row, not
  per file, so that a long import never holds SQLite's write lock for minutes and portal
  complaints keep arriving meanwhile.

Re-running the same file creates nothing new: each row has a key — a keyed hash of its
`external_id`, or of its whole content when it has none — unique per organisation
(ImportedRow). A row whose key exists is skipped and reported with the case it became; an import
that was interrupted is finished by importing the same file again.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import secrets
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from mizan.audit.models import record
from mizan.complaints.access import can
from mizan.complaints.errors import DomainError
from mizan.complaints.intake import STAFF_CHANNELS, clean_staff_intake
from mizan.complaints.models import Category, Person, Urgency, Vulnerability
from mizan.complaints.rules import snapshot
from mizan.complaints.services import submit_complaint
from mizan.core.tasks import enqueue_on_commit
from mizan.lib.digits import to_ascii_digits
from mizan.lib.textsafety import clean_file_name
from mizan.lib.vault import keyed_hash

from .models import Format, ImportedRow, ImportRun

logger = logging.getLogger(__name__)

IMPORT_DIR = "imports"
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # an .xlsx is a zip: refuse one that unpacks to more
PROGRESS_EVERY = 25


@dataclass(frozen=True)
class ImportColumn:
    key: str
    label: object  # lazy translation
    help: object
    required: bool = False
    personal: bool = False  # its value is never repeated in the report


IMPORT_COLUMNS: tuple[ImportColumn, ...] = (
    ImportColumn("external_id", gettext_lazy("External id"), gettext_lazy(
        "The complaint's number in the spreadsheet or system it comes from (at most 100 characters). "
        "A row whose external id was already imported is skipped. Without it, a row identical to one "
        "already imported is skipped. Not personal data: never a national ID.")),
    ImportColumn("received_date", gettext_lazy("Date received"), gettext_lazy(
        "YYYY-MM-DD. Empty: today. Deadlines count from this date.")),
    ImportColumn("channel", gettext_lazy("Channel"), gettext_lazy(
        "How it arrived: phone, walk_in, letter or email (or its name in Arabic, English or French).")),
    ImportColumn("language", gettext_lazy("Language"), gettext_lazy("ar, en or fr. Empty: ar.")),
    ImportColumn("narrative", gettext_lazy("What happened"), gettext_lazy(
        "The complaint in the complainant's words."), required=True),
    ImportColumn("anonymous", gettext_lazy("Anonymous"), gettext_lazy(
        "yes or no. Empty: anonymous when no name, identity number, phone, e-mail or address is given.")),
    ImportColumn("complainant_name", gettext_lazy("Complainant's name"), gettext_lazy(
        "Required unless anonymous. Stored encrypted."), personal=True),
    ImportColumn("complainant_national_id", gettext_lazy("Complainant's identity number"), gettext_lazy(
        "As written on the card. Format the column as text in Excel so that leading zeros stay."), personal=True),
    ImportColumn("complainant_phone", gettext_lazy("Complainant's phone"), gettext_lazy(
        "Digits, spaces and + only. Format the column as text in Excel."), personal=True),
    ImportColumn("complainant_email", gettext_lazy("Complainant's e-mail"), "", personal=True),
    ImportColumn("complainant_address", gettext_lazy("Complainant's address"), "", personal=True),
    ImportColumn("identity_consent", gettext_lazy("Consents to share identity"), gettext_lazy(
        "yes or no. Empty: no.")),
    ImportColumn("relation", gettext_lazy("Relation to the victim"), gettext_lazy(
        "self, family, lawyer, organisation or other. Empty: self.")),
    ImportColumn("victim_label", gettext_lazy("Description of the victim"), gettext_lazy(
        "Not identifying, e.g. “the complainant's son”.")),
    ImportColumn("victim_name", gettext_lazy("Victim's name"), gettext_lazy(
        "When the complainant is not the victim. Stored encrypted."), personal=True),
    ImportColumn("incident_date", gettext_lazy("Incident date"), gettext_lazy("YYYY-MM-DD, or empty.")),
    ImportColumn("governorate", gettext_lazy("Governorate"), gettext_lazy(
        "Its code or its name, as listed on the import page.")),
    ImportColumn("facility", gettext_lazy("Place"), gettext_lazy(
        "The place's number or its exact name, as listed on the import page.")),
    ImportColumn("place_details", gettext_lazy("Place details"), ""),
    ImportColumn("categories", gettext_lazy("Categories"), gettext_lazy(
        "Codes or names, separated by “;”.")),
    ImportColumn("vulnerabilities", gettext_lazy("Groups at risk"), gettext_lazy(
        "woman, child, disability, older_person, detainee, migrant (or their names), separated by “;”.")),
    ImportColumn("urgency", gettext_lazy("Urgency"), gettext_lazy(
        "critical, high, normal or low. Empty: normal.")),
)
COLUMN_KEYS = [c.key for c in IMPORT_COLUMNS]
_COLUMN = {c.key: c for c in IMPORT_COLUMNS}
# Where clean_staff_intake reports a problem -> the column the user must fix.
_ERROR_COLUMN = {
    "complainant.name": "complainant_name", "complainant.national_id": "complainant_national_id",
    "complainant.phone": "complainant_phone", "complainant.email": "complainant_email",
}
_YES = {"yes", "y", "true", "1", "نعم", "oui", "vrai", "x", "✓"}
_NO = {"no", "n", "false", "0", "لا", "non", "faux"}
_LIST_SPLIT = re.compile(r"[;,،|\n]+")


class FileRefused(Exception):
    """The file cannot be read as a table of complaints; the message says what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# --- reading the file -------------------------------------------------------------------------------

@dataclass
class ParsedFile:
    format: str
    headers: list[str]  # column keys, in file order ("" for an ignored empty column)
    rows: list[tuple[int, dict[str, str]]]  # (row number as the spreadsheet shows it, {key: text})


def _fold(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", to_ascii_digits(str(text)).strip().casefold())


def header_aliases() -> dict[str, str]:
    """Folded header -> column key: the keys themselves and their labels in every language."""
    aliases = {key: key for key in COLUMN_KEYS}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for column in IMPORT_COLUMNS:
                aliases.setdefault(_fold(str(column.label)), column.key)
    return aliases


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _sniff_format(name: str, data: bytes) -> str:
    suffix = Path(name or "").suffix.lower()
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRefused(_("Files from Excel 97-2003 (.xls) cannot be read. In Excel, save the file as "
                            "“Excel Workbook (.xlsx)” or “CSV UTF-8”, then upload it again."))
    if data.startswith(b"PK\x03\x04"):
        if suffix not in (".xlsx", ""):
            raise FileRefused(_("This file is not a CSV or .xlsx spreadsheet. Choose a CSV (UTF-8) or "
                                "Excel (.xlsx) file."))
        return Format.XLSX
    if suffix not in (".csv", ".txt"):
        raise FileRefused(_("This file is not a CSV or .xlsx spreadsheet. Choose a CSV (UTF-8) or "
                            "Excel (.xlsx) file."))
    if b"\x00" in data[:8192]:
        raise FileRefused(_("This file is not text. Choose a CSV (UTF-8) or Excel (.xlsx) file."))
    return Format.CSV


def _csv_rows(data: bytes):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused(_("The file is not in UTF-8. In Excel, choose “Save as” then “CSV UTF-8 (comma "
                            "delimited)”; in LibreOffice, choose the character set “Unicode (UTF-8)”.")) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)  # French Excel writes ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        yield from enumerate(reader, start=1)
    except csv.Error:
        raise FileRefused(_("The CSV file could not be read near line %(line)s (a quote left open, or a "
                            "value that is too long).") % {"line": reader.line_num}) from None


def _xlsx_rows(data: bytes):
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise FileRefused(_("The Excel file is too large once unpacked. Split it into smaller files."))
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except FileRefused:
        raise
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file
        raise FileRefused(_("The Excel file could not be read. Open it in Excel or LibreOffice, save it again "
                            "as .xlsx, then upload it again.")) from None
    try:
        if not workbook.worksheets:
            raise FileRefused(_("The file is empty."))
        for number, row in enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1):
            yield number, [_cell_text(value) for value in row]
    except FileRefused:
        raise
    except Exception:
        raise FileRefused(_("The Excel file could not be read. Open it in Excel or LibreOffice, save it again "
                            "as .xlsx, then upload it again.")) from None
    finally:
        workbook.close()


def parse_file(name: str, data: bytes) -> ParsedFile:
    """The rows of an uploaded file, or FileRefused with a message the user can act on."""
    if not data or not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise FileRefused(_("The file is empty."))
    if len(data) > settings.MIZAN_IMPORT_MAX_BYTES:
        raise FileRefused(_("The file is too large (at most %(max)s MB). Split it into smaller files.") % {
            "max": settings.MIZAN_IMPORT_MAX_BYTES // (1024 * 1024)})
    kind = _sniff_format(name, data)
    lines = _xlsx_rows(data) if kind == Format.XLSX else _csv_rows(data)
    aliases = header_aliases()
    headers: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    max_rows = settings.MIZAN_IMPORT_MAX_ROWS
    for number, cells in lines:
        cells = [_cell_text(c) for c in cells]
        if headers is None:
            if not any(cells):
                continue  # blank lines above the header
            headers = _read_headers(cells, aliases)
            continue
        if not any(cells):
            continue  # a blank row is not a complaint
        extra = [text for index, text in enumerate(cells) if text and (index >= len(headers) or not headers[index])]
        if extra:
            raise FileRefused(_("Row %(row)s has values in a column without a name. Give every column a name "
                                "from the template, or delete the column.") % {"row": number})
        if len(rows) >= max_rows:
            raise FileRefused(_("The file has more than %(max)s rows. Split it into smaller files.") % {"max": max_rows})
        rows.append((number, {key: cells[index] if index < len(cells) else ""
                              for index, key in enumerate(headers) if key}))
    if headers is None:
        raise FileRefused(_("The file is empty."))
    if not rows:
        raise FileRefused(_("The file has column names but no complaint below them."))
    return ParsedFile(format=kind, headers=headers, rows=rows)


def _read_headers(cells: list[str], aliases: dict[str, str]) -> list[str]:
    headers, unknown, seen = [], [], set()
    for text in cells:
        if not text:
            headers.append("")
            continue
        key = aliases.get(_fold(text))
        if key is None:
            unknown.append(text)
        elif key in seen:
            raise FileRefused(_("The column “%(column)s” appears twice in the first row.") % {"column": text[:60]})
        seen.add(key or "")
        headers.append(key or "")
    if unknown:
        raise FileRefused(ngettext(
            "The first row must hold the column names of the template; this one is unknown: %(columns)s.",
            "The first row must hold the column names of the template; these are unknown: %(columns)s.",
            len(unknown)) % {"columns": ", ".join(f"“{u[:40]}”" for u in unknown[:10])})
    missing = [c.key for c in IMPORT_COLUMNS if c.required and c.key not in seen]
    if missing:
        raise FileRefused(_("The column “%(column)s” is missing from the first row.") % {"column": missing[0]})
    return headers


# --- one row -> the desk's staff-entered complaint ----------------------------------------------------

class Lookups:
    """Codes and names the rows may use, loaded once per file."""

    def __init__(self, organisation):
        self.organisation = organisation
        self.rules = snapshot()
        self.categories = self._choices([(c.code, [c.label_ar, c.label_en, c.label_fr])
                                         for c in Category.objects.filter(is_active=True)])
        self.vulnerabilities = self._choices(self._labels(Vulnerability.choices))
        self.channels = self._choices(self._labels([(c.value, c.label) for c in STAFF_CHANNELS]))
        self.urgencies = self._choices(self._labels(Urgency.choices))
        self.relations = self._choices(self._labels(Person.Relation.choices))
        self.languages = self._choices(self._labels(settings.LANGUAGES))
        self.governorates = self._choices([(g.code, [g.name_ar, g.name_en, g.name_fr])
                                           for g in organisation.governorates.all()])
        self.facilities: dict[str, list[str]] = {}
        for f in organisation.facilities.filter(is_active=True):
            for name in {f.name_ar, f.name_en, f.name_fr} - {""}:
                self.facilities.setdefault(_fold(name), []).append(str(f.pk))

    @staticmethod
    def _labels(choices) -> list[tuple[str, list[str]]]:
        found = []
        for value, label in choices:
            names = []
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    names.append(str(label))
            found.append((str(value), names))
        return found

    @staticmethod
    def _choices(pairs) -> dict[str, str]:
        mapping = {}
        for code, names in pairs:
            for name in names:
                if name:
                    mapping.setdefault(_fold(name), code)
        for code, _names in pairs:
            mapping[_fold(code)] = code  # a code always wins over a name
        return mapping

    @staticmethod
    def one(mapping: dict[str, str], text: str) -> str:
        """The code `text` names, or `text` itself (the validation then says it is unknown)."""
        return mapping.get(_fold(text), text) if text else ""

    def many(self, mapping: dict[str, str], text: str) -> list[str]:
        return [self.one(mapping, part.strip()) for part in _LIST_SPLIT.split(text) if part.strip()]

    def facility(self, text: str) -> str:
        if not text or to_ascii_digits(text).isdigit():
            return to_ascii_digits(text)
        found = self.facilities.get(_fold(text), [])
        return found[0] if len(found) == 1 else text


def _flag(text: str) -> bool | None:
    folded = _fold(text)
    if folded in _YES:
        return True
    if folded in _NO or not folded:
        return False
    return None


@dataclass
class CheckedRow:
    number: int
    key: str
    external_id: str
    kwargs: dict = field(default_factory=dict)  # for submit_complaint, when valid
    errors: list[dict] = field(default_factory=list)  # [{"column", "message"}]


def row_key(values: dict[str, str]) -> tuple[str, str]:
    """(key, external id): a keyed hash of the external id, or of the row's whole content."""
    external_id = values.get("external_id", "").strip()[:100]
    if external_id:
        return keyed_hash(settings.MIZAN_HASH_KEY, "import-external-id", external_id), external_id
    content = json.dumps({k: values.get(k, "").strip() for k in COLUMN_KEYS if k != "external_id"},
                         ensure_ascii=False, sort_keys=True)
    return keyed_hash(settings.MIZAN_HASH_KEY, "import-row", content), ""


def check_row(lookups: Lookups, number: int, values: dict[str, str]) -> CheckedRow:
    """Validate one row as the desk validates a staff-entered complaint."""
    key, external_id = row_key(values)
    checked = CheckedRow(number=number, key=key, external_id=external_id)

    def get(name: str) -> str:
        return values.get(name, "").strip()

    if len(values.get("external_id", "").strip()) > 100:
        checked.errors.append({"column": "external_id", "message": _("At most 100 characters.")})
    flags = {}
    for name in ("anonymous", "identity_consent"):
        flags[name] = _flag(get(name))
        if flags[name] is None:
            checked.errors.append({"column": name, "message": _("Write yes or no.") + f" (“{get(name)[:40]}”)"})
    identity = {f: get(f"complainant_{f}") for f in ("name", "national_id", "phone", "email", "address")}
    anonymous = flags["anonymous"] if get("anonymous") else not any(identity.values())
    form = {
        "narrative": values.get("narrative", ""),
        "language": lookups.one(lookups.languages, get("language")) or "ar",
        "relation": lookups.one(lookups.relations, get("relation")) or "self",
        "victim_label": get("victim_label"), "victim_name": get("victim_name"),
        "incident_date": get("incident_date"),
        "governorate": lookups.one(lookups.governorates, get("governorate")),
        "facility": lookups.facility(get("facility")),
        "place_details": get("place_details"),
        "urgency": lookups.one(lookups.urgencies, get("urgency")),
        "channel": lookups.one(lookups.channels, get("channel")),
        "received_date": get("received_date") or timezone.localdate().isoformat(),
        "anonymous": bool(anonymous), "identity_consent": bool(flags["identity_consent"]),
        "complainant": identity,
        "categories": lookups.many(lookups.categories, get("categories")),
        "vulnerabilities": lookups.many(lookups.vulnerabilities, get("vulnerabilities")),
    }
    kwargs, errors = clean_staff_intake(lookups.organisation, form, rules=lookups.rules)
    for name, message in errors.items():
        column = _ERROR_COLUMN.get(name, name)
        shown = get(column) if column in _COLUMN and not _COLUMN[column].personal else ""
        checked.errors.append({"column": column, "message": str(message) + (f" (“{shown[:60]}”)" if shown else "")})
    if not checked.errors:
        checked.kwargs = kwargs
    return checked


@dataclass
class Report:
    total: int = 0
    rejected: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    valid: list[CheckedRow] = field(default_factory=list)


def check_file(organisation, parsed: ParsedFile) -> Report:
    """Validate every row (nothing is written): rejected rows with their reasons, rows already
    imported or repeated in the file, and the rows ready to import."""
    lookups = Lookups(organisation)
    report = Report(total=len(parsed.rows))
    checked = [check_row(lookups, number, values) for number, values in parsed.rows]
    existing = dict(ImportedRow.objects.filter(organisation=organisation, key__in=[c.key for c in checked])
                    .values_list("key", "case__reference"))
    first_with_key: dict[str, CheckedRow] = {}
    for row in checked:
        earlier = first_with_key.get(row.key)
        if earlier is not None:
            if row.external_id:
                # The same external id twice: which of the two rows is the complaint?
                row.errors.append({"column": "external_id", "message": _(
                    "The same external id is on row %(row)s. Each complaint needs its own.") % {"row": earlier.number}})
            else:
                report.skipped.append({"row": row.number, "why": "same_as", "same_as": earlier.number})
                continue
        else:
            first_with_key[row.key] = row
        if row.errors:
            report.rejected.append({"row": row.number, "errors": row.errors})
        elif row.key in existing:
            report.skipped.append({"row": row.number, "why": "already", "reference": existing[row.key]})
        else:
            report.valid.append(row)
    return report


# --- the run ---------------------------------------------------------------------------------------------

def may_import(user) -> bool:
    return can(user, "create_case")


def start_import(*, actor, organisation, name: str, data: bytes, skip_rejected: bool) -> ImportRun:
    """Validate an uploaded file and, when it may go ahead, queue the writing of its rows.

    Side effects: an ImportRun with the report (status "rejected" when any row is rejected and
    `skip_rejected` is false: then nothing is stored or imported); the file kept under a random
    name in `imports/` until its rows are written; audit `import.check` (counts only); the task
    `write_import` on commit. Raises FileRefused for a file that cannot be read, PermissionError
    without `create_case`.
    """
    # Not at the top: reports.tasks imports this module for the task's body (imports <-> tasks).
    from .tasks import write_import

    if not may_import(actor):
        raise PermissionError("create_case")
    parsed = parse_file(name, data)
    report = check_file(organisation, parsed)
    go = bool(report.valid) and (skip_rejected or not report.rejected)
    stored_name = ""
    if go:
        stored_name = f"{secrets.token_hex(20)}.{parsed.format}"
        default_storage.save(f"{IMPORT_DIR}/{stored_name}", io.BytesIO(data))
    now = timezone.now()
    if go:
        status = ImportRun.Status.PENDING
    elif report.rejected:
        status = ImportRun.Status.REJECTED
    else:
        status = ImportRun.Status.DONE  # every row was already imported
    try:
        with transaction.atomic():
            run = ImportRun.objects.create(
                organisation=organisation, requested_by=actor, original_name=clean_file_name(name)[:200] or "-",
                format=parsed.format, language=translation.get_language() or "ar", skip_rejected=skip_rejected,
                stored_name=stored_name, status=status, total_rows=report.total,
                rejected_count=len(report.rejected), skipped_count=len(report.skipped),
                rejected=report.rejected, skipped=report.skipped,
                finished_at=None if go else now)
            record(action="import.check", organisation=organisation, actor=actor, target=run, data={
                "import": run.pk, "rows": report.total, "valid": len(report.valid), "rejected": len(report.rejected),
                "skipped": len(report.skipped), "format": parsed.format, "skip_rejected": skip_rejected})
            if go:
                enqueue_on_commit(write_import, run.pk)
    except Exception:
        if stored_name:
            default_storage.delete(f"{IMPORT_DIR}/{stored_name}")
        raise
    return run


def _save_progress(run: ImportRun, **fields) -> None:
    with transaction.atomic():
        ImportRun.objects.filter(pk=run.pk).update(**fields)


def write_rows(run_id: int) -> str:
    """The task: write the valid rows of a checked file, one transaction per row.

    Each row is validated again (a place may have been closed since the check), then filed with
    `submit_complaint` and keyed with an ImportedRow in the same transaction; a key that exists
    (a concurrent or earlier import of the same row) rolls the row back and counts it as skipped.
    Side effects: cases (with everything `submit_complaint` does), progress on the run, audit
    `import.complete` (counts only), the stored file deleted. Idempotent: a run that is not
    pending is left alone, and rows already imported are skipped.
    """
    with transaction.atomic():
        claimed = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.PENDING).update(
            status=ImportRun.Status.RUNNING)
    if not claimed:
        return "not pending"
    run = ImportRun.objects.select_related("organisation", "requested_by").get(pk=run_id)
    path = f"{IMPORT_DIR}/{run.stored_name}"
    created = 0
    rejected, skipped = list(run.rejected), list(run.skipped)
    rejected_rows = {item["row"] for item in rejected}
    skipped_rows = {item["row"] for item in skipped}
    try:
        with translation.override(run.language):
            if not may_import(run.requested_by):
                raise PermissionError("create_case")
            with default_storage.open(path, "rb") as handle:
                parsed = parse_file(f"file.{run.format}", handle.read())
            lookups = Lookups(run.organisation)
            done = 0
            for number, values in parsed.rows:
                done += 1
                if number in rejected_rows or number in skipped_rows:
                    continue
                row = check_row(lookups, number, values)
                if row.errors:
                    rejected.append({"row": number, "errors": row.errors})
                    continue
                outcome, detail = _write_row(run, row)
                if outcome == "created":
                    created += 1
                elif outcome == "exists":
                    skipped.append({"row": number, "why": "already", "reference": detail})
                else:
                    rejected.append({"row": number, "errors": [{"column": "", "message": detail}]})
                if done % PROGRESS_EVERY == 0:
                    _save_progress(run, progress=done, created_count=created)
    except Exception as exc:
        if isinstance(exc, PermissionError):
            message = _("The person who uploaded this file may no longer record complaints.")
        elif isinstance(exc, FileRefused):
            message = exc.message
        else:
            logger.exception("import %s failed", run_id)
            with translation.override(run.language):
                message = _("The import stopped because of an error. The rows already written are kept; upload "
                            "the same file again to import the rest (nothing is imported twice).")
        _finish(run, ImportRun.Status.FAILED, created, skipped, rejected, error=str(message))
        return "failed"
    _finish(run, ImportRun.Status.DONE, created, skipped, rejected)
    return "done"


def _write_row(run: ImportRun, row: CheckedRow) -> tuple[str, str]:
    """File one row, all of it or nothing: ("created", reference), ("exists", reference of the
    case the row already is) or ("refused", the domain's message)."""
    try:
        with transaction.atomic():
            case, _receipt = submit_complaint(organisation=run.organisation, actor=run.requested_by, **row.kwargs)
            ImportedRow.objects.create(organisation=run.organisation, key=row.key, case=case, run=run,
                                       row_number=row.number, external_id=row.external_id)
    except IntegrityError:
        reference = (ImportedRow.objects.filter(organisation=run.organisation, key=row.key)
                     .values_list("case__reference", flat=True).first())
        if reference is None:
            logger.exception("import %s: row %s could not be saved", run.pk, row.number)
            return "refused", _("This row could not be saved. Upload the same file again to retry it.")
        return "exists", reference
    except DomainError as exc:
        return "refused", str(exc.message)
    return "created", case.reference


def _finish(run: ImportRun, status: str, created: int, skipped: list, rejected: list, error: str = "") -> None:
    with transaction.atomic():
        ImportRun.objects.filter(pk=run.pk).update(
            status=status, progress=run.total_rows, created_count=created, skipped_count=len(skipped),
            skipped=skipped, rejected=rejected, rejected_count=len(rejected), error=error,
            finished_at=timezone.now(), stored_name="")
        record(action="import.complete", organisation=run.organisation, actor=run.requested_by, target=run, data={
            "import": run.pk, "created": created, "skipped": len(skipped), "rejected": len(rejected),
            "failed": status == ImportRun.Status.FAILED})
    if run.stored_name:
        default_storage.delete(f"{IMPORT_DIR}/{run.stored_name}")


def sweep_imports(*, now=None, stale_hours: int = 6) -> int:
    """Fail imports left running or waiting for `stale_hours`, and delete their stored files.
    Returns how many runs were closed."""
    now = now or timezone.now()
    closed = 0
    for run in ImportRun.objects.filter(status__in=[ImportRun.Status.PENDING, ImportRun.Status.RUNNING],
                                        created_at__lt=now - timedelta(hours=stale_hours)):
        with translation.override(run.language):
            message = _("The import was interrupted. Upload the same file again to import the rest "
                        "(nothing is imported twice).")
        with transaction.atomic():
            updated = ImportRun.objects.filter(pk=run.pk, status=run.status).update(
                status=ImportRun.Status.FAILED, error=message, finished_at=now, stored_name="")
        if updated and run.stored_name:
            default_storage.delete(f"{IMPORT_DIR}/{run.stored_name}")
        closed += updated
    return closed


# --- the template -----------------------------------------------------------------------------------------

def template_rows(organisation) -> list[list[str]]:
    """The documentation sheet: one row per column (name, meaning, required), in the active language."""
    return [[c.key, str(c.label), _("Required") if c.required else _("Optional"), str(c.help)]
            for c in IMPORT_COLUMNS]


def reference_lists(organisation) -> list[tuple[str, list[list[str]]]]:
    """(title, rows of [code, name]) for the values a row may use: categories, groups, channels,
    places of this organisation."""
    categories = [[c.code, c.label] for c in Category.objects.filter(is_active=True)]
    return [
        (_("Categories"), categories),
        (_("Groups at risk"), [[v, str(label)] for v, label in Vulnerability.choices]),
        (_("Channel"), [[c.value, str(c.label)] for c in STAFF_CHANNELS]),
        (_("Urgency"), [[v, str(label)] for v, label in Urgency.choices]),
        (organisation.division_label, [[g.code, g.name] for g in organisation.governorates.all()]),
        (_("Place"), [[str(f.pk), f.name] for f in organisation.facilities.filter(is_active=True)
                      .select_related("governorate")]),
    ]
