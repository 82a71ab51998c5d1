"""Building and storing a case's search document.

`index_case` is called by the domain functions (`complaints.services`) inside the transaction
that changed the case, so a search never misses a committed change nor finds a rolled-back
one. `rebuild` re-indexes everything (or one organisation) in batches, for the management
command and after changes to the analysis rules.

Indexed: the reference, the narrative, allegation summaries and finding notes, the category
labels (Arabic, English, French, with their parent categories), every message and internal
note, the outcome text, the place details, and the names (three languages) of the
facilities, governorates and unit involved. Never the persons' identities: they exist only as
ciphertext and are not read here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from types import SimpleNamespace

from django.db import connection, transaction
from django.db.models import Prefetch
from django.utils import timezone

from mizan.accounts.models import Facility
from mizan.complaints.models import Allegation, Case, CaseCategory, CaseMessage
from mizan.complaints.rules import TOKEN_SQL, snapshot
from mizan.core import bulk

from . import partitions
from .facets import document_facets
from .models import FIELDS, SearchDocument
from .query import EVERY_DOCUMENT_TERM, clean_term, document_terms

LANGS = ("ar", "en", "fr")
_SERIAL = re.compile(r"(\d+)$")


def _names(obj, attribute: str = "name") -> list[str]:
    if obj is None:
        return []
    return [getattr(obj, f"{attribute}_{lang}", "") or "" for lang in LANGS]


def _category_labels(category) -> list[str]:
    labels = []
    depth = 0
    while category is not None and depth < 5:
        labels += _names(category, "label")
        category = category.parent if category.parent_id else None
        depth += 1
    return labels


def _terms(texts: Iterable[str]) -> str:
    terms: list[str] = []
    for text in texts:
        if text:
            terms += document_terms(text)
    return " ".join(terms)


def _unique(texts: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(t.strip() for t in texts if t and t.strip()))


def reference_terms(reference: str) -> str:
    """The reference's words ("eg 2026 000123"), run together ("eg2026000123"), and its serial
    number without leading zeros ("123"), so any of the ways staff type it finds the case; and
    the term every document holds (`query.EVERY_DOCUMENT_TERM`)."""
    terms = document_terms(reference)
    compact = clean_term(reference.lower())
    if compact:
        terms.append(compact)
    serial = _SERIAL.search(reference)
    if serial and serial.group(1).lstrip("0"):
        terms.append(serial.group(1).lstrip("0"))
    terms.append(EVERY_DOCUMENT_TERM)
    return " ".join(dict.fromkeys(terms))


def build_document(case: Case) -> dict[str, str]:
    """The document's fields for `case`, loaded with `cases_for_indexing` (no further queries)."""
    return document_fields(case, links=list(case.case_categories.all()), allegations=list(case.allegations.all()),
                           messages=[m.body for m in case.messages.all()])


def document_fields(case: Case, *, links, allegations, messages) -> dict[str, str]:
    """The document's fields for `case` with its category links, allegations and message bodies
    (their categories, places and the case's places and unit loaded with them)."""
    categories = [link.category for link in links] + [a.category for a in allegations]
    places = [case.place_details, case.referred_to, *_names(case.facility), *_names(case.governorate),
              *_names(case.unit)]
    if case.facility is not None:
        places += _names(case.facility.governorate)
    for allegation in allegations:
        places += _names(allegation.facility) + _names(allegation.governorate)
        if allegation.facility is not None:
            places += _names(allegation.facility.governorate)
    labels = []
    for category in categories:
        labels += _category_labels(category)
    return {
        "reference": reference_terms(case.reference),
        "narrative": _terms([case.narrative]),
        "allegations": _terms([text for a in allegations for text in (a.summary, a.finding_note)]),
        "categories": _terms(_unique(labels)),
        "messages": _terms([*messages, case.public_outcome]),
        "places": _terms(_unique(places)),
        "facets": document_facets(organisation_id=case.organisation_id, status=case.status, urgency=case.urgency),
    }


def cases_for_indexing(queryset=None):
    """`queryset` (default: all cases) with everything `build_document` reads, in 4 queries."""
    queryset = Case.objects.all() if queryset is None else queryset
    return queryset.select_related("facility__governorate", "governorate", "unit").prefetch_related(
        Prefetch("case_categories", queryset=CaseCategory.objects.select_related("category__parent__parent")),
        Prefetch("allegations", queryset=Allegation.objects.select_related(
            "category__parent__parent", "facility__governorate", "governorate")),
        Prefetch("messages", queryset=CaseMessage.objects.only("id", "case_id", "body", "created_at")),
    )


def index_case(case: Case | int) -> SearchDocument:
    """(Re)build the search document of one case, in the caller's transaction: one read (the case,
    its category links, allegations and message bodies and the rules' token, in one UNION; the
    names from intake's cached rules) and one write, where `cases_for_indexing` takes four reads
    and the ORM's prefetching. Raises Case.DoesNotExist for a case that is not there."""
    pk = case.pk if isinstance(case, Case) else int(case)
    loaded, links, allegations, messages = _read(pk)
    fields = document_fields(loaded, links=links, allegations=allegations, messages=messages)
    document = SearchDocument(case_id=pk, organisation_id=loaded.organisation_id, **fields)
    # The document is written at intake, with its partition: here it is brought up to date. One
    # that is missing (a case from before the search wing) is written whole, its partition first.
    if not SearchDocument.objects.filter(pk=pk).update(organisation_id=loaded.organisation_id,
                                                       indexed_at=timezone.now(), **fields):
        partitions.ensure([pk])
        document.save(force_insert=True)
    return document


# One row per part of a case's document, in one UNION: (kind, four ids, seven texts, row id).
# Kind 0 is the case (its place, unit and organisation; its texts), 1 a category link, 2 an
# allegation, 3 a message, 4 the rules' token.
_BLANK = ", ''" * 5
_READ = (
    "SELECT 0, facility_id, governorate_id, unit_id, organisation_id, reference, narrative, place_details, "  # noqa: S608
    "referred_to, public_outcome, status, urgency, id FROM complaints_case WHERE id = %s "
    f"UNION ALL SELECT 1, category_id, NULL, NULL, NULL, '', ''{_BLANK}, id FROM complaints_casecategory "
    "WHERE case_id = %s "
    f"UNION ALL SELECT 2, category_id, facility_id, governorate_id, NULL, summary, finding_note{_BLANK}, id "
    "FROM complaints_allegation WHERE case_id = %s "
    f"UNION ALL SELECT 3, NULL, NULL, NULL, NULL, body, ''{_BLANK}, id FROM complaints_casemessage WHERE case_id = %s "
    f"UNION ALL SELECT 4, NULL, NULL, NULL, NULL, token, ''{_BLANK}, 0 FROM ({TOKEN_SQL}) t "
    "ORDER BY 1, 13")


def _read(pk: int):
    """(the case as `document_fields` reads it, its category links, allegations, message bodies)
    from one query; the categories, places and unit named from intake's cached rules
    (`complaints.rules`), a place no longer in them (an inactive one) read once."""
    with connection.cursor() as cursor:
        cursor.execute(_READ, [pk] * 4)
        rows = cursor.fetchall()
    if not rows or rows[0][0] != 0:
        raise Case.DoesNotExist(f"no case {pk}")
    token = next((row[5] for row in rows if row[0] == 4), None)
    rules = snapshot(token)
    (_kind, facility_id, governorate_id, unit_id, organisation_id, reference, narrative, place_details, referred_to,
     public_outcome, status, urgency, _id) = rows[0]
    local = rules.of(organisation_id)
    wanted = {row[2] for row in rows if row[0] == 2 and row[2]} | ({facility_id} if facility_id else set())
    wanted -= set(local.facilities)
    facilities = dict(local.facilities)
    if wanted:
        facilities.update({f.pk: f for f in Facility.objects.filter(pk__in=wanted).select_related("governorate")})
    case = SimpleNamespace(
        organisation_id=organisation_id, reference=reference, narrative=narrative, place_details=place_details,
        referred_to=referred_to, public_outcome=public_outcome, status=status, urgency=urgency,
        facility=facilities.get(facility_id), governorate=local.governorates_by_id.get(governorate_id),
        unit=local.units.get(unit_id))
    links, allegations, messages = [], [], []
    for kind, category_id, facility_id, governorate_id, _unit, text, note, *_rest in rows[1:]:
        if kind == 1:
            links.append(SimpleNamespace(category=rules.categories_by_id[category_id]))
        elif kind == 2:
            allegations.append(SimpleNamespace(
                category=rules.categories_by_id[category_id], facility=facilities.get(facility_id),
                governorate=local.governorates_by_id.get(governorate_id), summary=text, finding_note=note))
        elif kind == 3:
            messages.append(text)
    return case, links, allegations, messages


def index_new_case(new) -> SearchDocument:
    """`index_case` for a case intake just wrote (`projections.NewCase`): built from the rows in
    hand, inserted in one statement."""
    case = new.case
    document = SearchDocument(case_id=case.pk, organisation_id=case.organisation_id,
                              **document_fields(case, links=new.case_categories, allegations=new.allegations,
                                                messages=[]))
    partitions.ensure([case.pk])
    bulk.insert([document])
    return document


def rebuild(*, organisation=None, batch_size: int = 200,
            progress: Callable[[int, int], None] | None = None) -> int:
    """Re-index every case (of `organisation` when given), `batch_size` cases per transaction.

    Documents of cases that no longer exist go too. Returns the number of cases indexed;
    `progress(done, total)` is called after each batch.
    """
    cases = Case.objects.order_by("pk")
    if organisation is not None:
        cases = cases.filter(organisation=organisation)
    ids = list(cases.values_list("pk", flat=True))
    total = len(ids)
    done = 0
    for start in range(0, total, batch_size):
        chunk = ids[start:start + batch_size]
        with transaction.atomic():
            documents = [
                SearchDocument(case_id=case.pk, organisation_id=case.organisation_id, **build_document(case))
                for case in cases_for_indexing(Case.objects.filter(pk__in=chunk).order_by("pk"))
            ]
            SearchDocument.objects.filter(case_id__in=chunk).delete()
            partitions.ensure(chunk)
            SearchDocument.objects.bulk_create(documents, batch_size=100)
        done += len(chunk)
        if progress is not None:
            progress(done, total)
    stale = SearchDocument.objects.exclude(case_id__in=Case.objects.values("pk"))
    if organisation is not None:
        stale = stale.filter(organisation=organisation)
    stale.delete()
    return done


__all__ = ["FIELDS", "build_document", "cases_for_indexing", "document_fields", "index_case", "index_new_case",
           "rebuild", "reference_terms"]
