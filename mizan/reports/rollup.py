"""The statistics rollup: counters per organisation, day (and calendar month) of receipt,
dimension and key, kept up to date by every change to a case, so that the dashboard's figures
for a period are a sum over a few thousand counters instead of GROUP BY queries over the cases.

    update_case(case)        # in the transaction of every change (registered into complaints.projections)
    figures(organisation_id, period, labels, today)   # the raw figures that statistics._build reads
    rebuild(organisation_id) # from scratch: `manage.py rebuild_statistics`
    drift(organisation_id)   # counters that differ from a recount: `manage.py rebuild_statistics --check`

What a case contributes (`contributions`): 1 to its status, channel, governorate and place; to the
deadline counts that do not depend on the day they are read ("acknowledged on time / late" once
acted, "resolved on time / late", "still open"); to the days it took to resolve; to its set of
categories (the combination, so that a change of the taxonomy's tree needs no rebuild) and to
each vulnerability group; and per allegation 1 to its category and finding, to the case's
governorate and place, and to the place and finding. What depends on "today" is kept by date and
decided when read: open cases without a first action by their first-action due date ("late" once
it has passed, "pending" before), and open cases not waiting for the complainant by the earliest
deadline that makes them overdue. The deadline tests (on or before the due date in local time)
and the days to resolve are computed by the database with the very expressions the direct
queries use (`statistics.OnOrBefore`, `statistics.ElapsedDays`), so both ways agree to the unit.

Each case keeps what it last contributed (`CaseContribution`); a change recomputes the case's
contributions, adds the difference to the day's and the month's counters with one upsert
(`n = n + d`, rows in sorted order) and stores the new contributions. Every change to a case
already holds the row lock of its month's `DataVersion`, and touches only counters of that month,
so two changes never wait on each other in opposite orders. On PostgreSQL a change also takes a
shared advisory lock of the organisation, and `rebuild` the exclusive one: a rebuild never
interleaves with a change. A month read whole uses its month counters; a part of a month uses the
day counters, or the month's minus the days left out, whichever is fewer (the current month up to
today is its month counters minus no day at all).

The rollup serves the unfiltered figures (the desk dashboard without filters, the public page,
the statistics export, the impact report). Filtered views (governorate, place, category,
vulnerability, channel) are still counted from the cases (statistics.py).
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from mizan.complaints.models import Case
from mizan.complaints.workflow import OPEN_STATES, Status
from mizan.core.sqltime import ElapsedDays, OnOrBefore

from .models import CaseContribution, StatisticsCount, StatisticsRollup

# dimensions (StatisticsCount.dimension)
STATUS, CHANNEL, GOVERNORATE, FACILITY = "s", "c", "g", "f"
DEADLINE, FIRST_DUE, OVERDUE_FROM, DAYS = "d", "fd", "od", "r"
COMBINATION, VULNERABILITY = "k", "v"
ALLEGED, ALLEGED_GOVERNORATE, ALLEGED_FACILITY, FACILITY_FINDINGS = "a", "ag", "af", "ff"

DAY, MONTH = "d", "m"
LOCK_CLASS = 0x4D5A  # PostgreSQL advisory lock (class, organisation id)
CHUNK = 20_000
TABLE = StatisticsCount._meta.db_table
AWAITING = Status.AWAITING_COMPLAINANT.value


def enabled() -> bool:
    from django.conf import settings

    return getattr(settings, "MIZAN_STATISTICS_ROLLUP", True)


def ready(organisation_id: int) -> bool:
    """False while the organisation's rollup is marked stale (until `rebuild`)."""
    return not StatisticsRollup.objects.filter(organisation_id=organisation_id, stale=True).exists()


# --- what a case contributes ---------------------------------------------------------------------

CASE_COLUMNS = ("id", "organisation_id", "received_at", "status", "channel", "governorate_id", "facility_id",
                "first_action_at", "first_action_due", "resolved_at", "resolution_due")


def _cases(first: date, last: date):
    """Cases with the deadline tests and the days to resolve, as the direct queries count them
    (`first`, `last`: the range of due dates OnOrBefore is exact for on SQLite)."""
    return Case.objects.order_by().annotate(
        first_in_time=OnOrBefore(F("first_action_at"), F("first_action_due"), first, last),
        resolved_in_time=OnOrBefore(F("resolved_at"), F("resolution_due"), first, last),
        days=ElapsedDays(F("received_at"), F("resolved_at")),
    ).values_list(*CASE_COLUMNS, "first_in_time", "resolved_in_time", "days")


def _due_range(first_year: int, last_year: int) -> tuple[date, date]:
    today = timezone.localdate()
    return date(first_year - 1, 1, 1), date(max(last_year, today.year) + 3, 12, 31)


def _iso(value) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return value.isoformat()


def _moment(value) -> datetime:
    if isinstance(value, str):  # SQLite: UTC text
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _fetch(sql: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# The related rows of cases lo..hi, (kind, case id, category id, text) per row, each table read
# over its (case, ...) index: categories, vulnerability groups, allegations and their findings,
# and (kind 4) what a case contributed last.
_BRANCHES = (("1, case_id, category_id, ''", "complaints_casecategory"),
             ("2, case_id, 0, code", "complaints_casevulnerability"),
             ("3, case_id, category_id, finding", "complaints_allegation"))
_STATE = ("4, case_id, 0, state", CaseContribution._meta.db_table)


def _union(branches, padding: str = "") -> str:
    return " UNION ALL ".join(f"SELECT {columns}{padding} FROM {table} WHERE case_id BETWEEN %s AND %s"  # noqa: S608 (our tables)
                              for columns, table in branches)


def _sort(rows, found: dict, states: dict) -> None:
    """Rows of the related UNION into `found` {case id: (category ids, vulnerability codes,
    [(category id, finding), ...])} and `states` {case id: stored contribution}."""
    for kind, case_id, category_id, text in rows:
        if kind == 4:
            states[case_id] = text
            continue
        entry = found.setdefault(case_id, ([], [], []))
        if kind == 1:
            entry[0].append(category_id)
        elif kind == 2:
            entry[1].append(text)
        else:
            entry[2].append((category_id, text))


def _related(lo: int, hi: int) -> dict:
    """{case id: (category ids, vulnerability codes, [(category id, finding), ...])} for the
    cases with ids lo..hi, in one query."""
    found: dict[int, tuple[list, list, list]] = {}
    _sort(_fetch(_union(_BRANCHES), [lo, hi] * len(_BRANCHES)), found, {})
    return found


def _case_with_related(pk: int, first: date, last: date):
    """(the case's row as `_cases` reads it, or None; its related rows as `_related` gives them;
    what it contributed last) in one query: the case's row is one more branch of the UNION, its
    columns after the related rows' four, which are NULL in it (and it NULL in theirs)."""
    case_sql, case_params = _cases(first, last).filter(pk=pk).query.sql_with_params()
    branches = (*_BRANCHES, _STATE)
    sql = (f"SELECT 0, NULL, NULL, NULL, c.* FROM ({case_sql}) c UNION ALL "  # noqa: S608 (our query)
           + _union(branches, ", NULL" * (len(CASE_COLUMNS) + 3)))
    rows = _fetch(sql, [*case_params, *[pk, pk] * len(branches)])
    row = next((r[4:] for r in rows if r[0] == 0), None)
    found: dict[int, tuple[list, list, list]] = {}
    states: dict[int, str] = {}
    _sort([r[:4] for r in rows if r[0] != 0], found, states)
    return row, found.get(pk), states.get(pk)


def contributions(row, related) -> tuple[str, Counter]:
    """(local day of receipt, Counter {(dimension, key): n}) of one case: `row` as `_cases`
    returns it from the database, `related` its categories, groups and allegations."""
    (_pk, _org, received, status, channel, governorate, facility, first_at, first_due, resolved_at, resolution_due,
     first_in_time, resolved_in_time, days) = row
    first_due, resolution_due = _iso(first_due), _iso(resolution_due)
    categories, groups, allegations = related or ((), (), ())
    g = "" if governorate is None else str(governorate)
    f = "" if facility is None else str(facility)
    keys = [(STATUS, status), (CHANNEL, channel), (GOVERNORATE, g), (FACILITY, f)]
    is_open = status in OPEN_STATES
    if first_at is not None and first_due is not None:
        keys.append((DEADLINE, "first_on_time" if first_in_time else "first_late"))
    if is_open and first_at is None:
        keys.append((FIRST_DUE, first_due or ""))  # late once this day has passed; "" never
    if resolved_at is not None and resolution_due is not None:
        keys.append((DEADLINE, "resolved_on_time" if resolved_in_time else "resolved_late"))
    if is_open:
        keys.append((DEADLINE, "resolution_pending"))
        if status != AWAITING:
            dues = [d for d in (resolution_due, first_due if first_at is None else None) if d]
            if dues:
                keys.append((OVERDUE_FROM, min(dues)))  # overdue once this day has passed
    if resolved_at is not None:
        keys.append((DAYS, str(days)))
    if categories:
        keys.append((COMBINATION, ",".join(str(pk) for pk in sorted(set(categories)))))
    keys += [(VULNERABILITY, code) for code in set(groups)]
    for category_id, finding in allegations:
        keys += [(ALLEGED, f"{category_id}|{finding}"), (ALLEGED_GOVERNORATE, g), (ALLEGED_FACILITY, f)]
        if facility is not None:
            keys.append((FACILITY_FINDINGS, f"{facility}|{finding}"))
    c = Counter(keys)
    return timezone.localdate(_moment(received)).isoformat(), c


def _encode(day: str, counts: Counter) -> str:
    """The stored form of a case's contributions: the day, then one "dimension TAB key TAB n" line
    per counter, sorted (no dimension or key holds a tab or a line break)."""
    return day + "".join(f"\n{d}\t{k}\t{n}" for (d, k), n in sorted(counts.items()) if n)


def _decode(state: str | None) -> tuple[str | None, Counter]:
    if not state:
        return None, Counter()
    day, *lines = state.split("\n")
    counts: Counter = Counter()
    for line in lines:
        d, k, n = line.split("\t")
        counts[d, k] = int(n)
    return day, counts


def _month(day: str) -> str:
    return day[:8] + "01"


def _param_day(day: str):
    return date.fromisoformat(day) if connection.vendor == "postgresql" else day


def _differences(day: str, new: Counter, old_day: str | None = None, old: Counter | None = None):
    """[((grain, start, dimension, key), d), ...] sorted: the day's and the month's counters moved
    from a case's `old` contributions (received on `old_day`) to its `new` ones (on `day`)."""
    changes: Counter = Counter()
    for (dimension, key), n in new.items():
        changes[DAY, day, dimension, key] += n
        changes[MONTH, _month(day), dimension, key] += n
    for (dimension, key), n in (old or {}).items():
        changes[DAY, old_day, dimension, key] -= n
        changes[MONTH, _month(old_day), dimension, key] -= n
    return sorted((key, d) for key, d in changes.items() if d)


def _upsert(organisation_id: int, rows: list[tuple[tuple, int]]) -> None:
    """Add each ((grain, start, dimension, key), d) to its counter, creating it at d."""
    q = connection.ops.quote_name
    for begin in range(0, len(rows), 400):
        batch = rows[begin:begin + 400]
        values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(batch))
        params = []
        for (grain, start, dimension, key), d in batch:
            params += [organisation_id, grain, _param_day(start), dimension, key, d]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {TABLE} (organisation_id, grain, start, dimension, {q('key')}, n) VALUES {values} "  # noqa: S608 (table and column names are constants)
                f"ON CONFLICT (organisation_id, grain, start, dimension, {q('key')}) "
                f"DO UPDATE SET n = {TABLE}.n + excluded.n", params)


def _lock(organisation_id: int, *, exclusive: bool) -> None:
    if connection.vendor == "postgresql":
        function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {function}(%s, %s)", [LOCK_CLASS, organisation_id])


def update_case(case) -> None:
    """Bring the rollup up to date with `case` as it is now in the database, in the caller's
    transaction (call it after the change, once per domain function). One query reads the case
    with its deadline tests, its categories, groups and allegations and what it contributed last;
    then one upsert of the differences, if any, and one of the new contributions."""
    organisation_id = case.organisation_id
    _lock(organisation_id, exclusive=False)
    year = timezone.localdate(case.received_at).year
    row, related, old_state = _case_with_related(case.pk, *_due_range(year, year))
    if row is None:
        return
    day, new = contributions(row, related)
    old_day, old = _decode(old_state)
    rows = _differences(day, new, old_day, old)
    if rows:
        _upsert(organisation_id, rows)
    state = _encode(day, new)
    if state != old_state:
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {CaseContribution._meta.db_table} (case_id, organisation_id, state) VALUES (%s, %s, %s) "  # noqa: S608 (table and column names are constants)
                "ON CONFLICT (case_id) DO UPDATE SET state = excluded.state", [case.pk, organisation_id, state])


def add_new_case(new) -> None:
    """`update_case` for a case intake just wrote (`projections.NewCase`): its contributions come
    from the rows in hand, and a new case contributed nothing before, so two statements (the
    counters, the contribution) and no reads."""
    case = new.case
    _lock(case.organisation_id, exclusive=False)
    row = (case.pk, case.organisation_id, case.received_at, case.status, case.channel, case.governorate_id,
           case.facility_id, None, case.first_action_due, None, case.resolution_due, None, None, None)
    related = ([link.category_id for link in new.case_categories], list(new.vulnerabilities),
               [(a.category_id, a.finding) for a in new.allegations])
    day, counts = contributions(row, related)
    _upsert(case.organisation_id, _differences(day, counts))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {CaseContribution._meta.db_table} (case_id, organisation_id, state) VALUES (%s, %s, %s)",  # noqa: S608 (table and column names are constants)
            [case.pk, case.organisation_id, _encode(day, counts)])


# --- from scratch ----------------------------------------------------------------------------------

def _recount(organisation_id: int, on_chunk=None) -> tuple[Counter, int]:
    """(every counter of the organisation recounted from its cases, number of cases). Cases are
    read in chunks of CHUNK ids; `on_chunk([(case id, state), ...])` receives each chunk's
    contributions."""
    cases = Case.objects.filter(organisation_id=organisation_id)
    bounds = cases.order_by().values_list("received_at", flat=True)
    oldest, newest = bounds.order_by("received_at").first(), bounds.order_by("-received_at").first()
    if oldest is None:
        return Counter(), 0
    first, last = _due_range(timezone.localdate(oldest).year, timezone.localdate(newest).year)
    query = _cases(first, last).filter(organisation_id=organisation_id)
    days: Counter = Counter()
    after, count = 0, 0
    while True:
        rows = _fetch(*query.filter(pk__gt=after).order_by("pk")[:CHUNK].query.sql_with_params())
        if not rows:
            break
        related = _related(rows[0][0], rows[-1][0])
        states = []
        for row in rows:
            day, counts = contributions(row, related.get(row[0]))
            for (dimension, key), n in counts.items():
                days[day, dimension, key] += n
            if on_chunk is not None:
                states.append((row[0], _encode(day, counts)))
        if on_chunk is not None:
            on_chunk(states)
        count += len(rows)
        after = rows[-1][0]
    totals: Counter = Counter()
    for (day, dimension, key), n in days.items():
        totals[DAY, day, dimension, key] = n
        totals[MONTH, _month(day), dimension, key] += n
    return totals, count


def _write(table: str, columns: tuple, rows) -> None:
    """Rows straight into a table: COPY on PostgreSQL, executemany on SQLite."""
    if not rows:
        return
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        with connection.connection.cursor() as cursor, \
                cursor.copy(f"COPY {table} ({', '.join(connection.ops.quote_name(c) for c in columns)}) FROM STDIN") \
                as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({', '.join(connection.ops.quote_name(c) for c in columns)}) "  # noqa: S608 (table and column names are constants)
                           f"VALUES ({marks})", rows)


def rebuild(organisation_id: int) -> dict:
    """Recount the organisation's rollup from its cases, in one transaction (on SQLite it holds
    the write lock; on PostgreSQL changes to the organisation's cases wait for it), and mark it
    ready. Returns {"cases", "counters"}."""
    with transaction.atomic():
        _lock(organisation_id, exclusive=True)
        StatisticsCount.objects.filter(organisation_id=organisation_id).delete()
        CaseContribution.objects.filter(organisation_id=organisation_id).delete()
        table = CaseContribution._meta.db_table
        totals, count = _recount(organisation_id, on_chunk=lambda states: _write(
            table, ("case_id", "organisation_id", "state"), [(pk, organisation_id, s) for pk, s in states]))
        _write(TABLE, ("organisation_id", "grain", "start", "dimension", "key", "n"),
               [(organisation_id, grain, _param_day(start), dimension, key, n)
                for (grain, start, dimension, key), n in sorted(totals.items()) if n])
        StatisticsRollup.objects.update_or_create(organisation_id=organisation_id,
                                                  defaults={"stale": False, "rebuilt_at": timezone.now()})
        if connection.vendor == "postgresql":  # the planner's statistics, before autovacuum comes by
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {TABLE}")
    return {"cases": count, "counters": sum(1 for n in totals.values() if n)}


def mark_stale(organisation_id: int) -> None:
    """After writing cases without the domain functions (bulk loads): count from the cases until
    `rebuild`."""
    StatisticsRollup.objects.update_or_create(organisation_id=organisation_id, defaults={"stale": True})


def drift(organisation_id: int, limit: int = 20) -> dict:
    """Compare the counters with a recount from the cases (read-only). Returns {"cases",
    "counters", "differences": number of counters that differ, "examples": [(grain, start,
    dimension, key, stored, recounted), ...], "contributions": cases without a stored
    contribution or with one that differs}."""
    with transaction.atomic():
        expected, count = _recount(organisation_id)
        stored: Counter = Counter()
        for grain, start, dimension, key, n in StatisticsCount.objects.filter(
                organisation_id=organisation_id).values_list("grain", "start", "dimension", "key", "n").iterator(
                chunk_size=CHUNK):
            if n:
                stored[grain, _iso(start), dimension, key] = n
    keys = sorted(k for k in set(expected) | set(stored) if expected.get(k, 0) != stored.get(k, 0))
    return {"cases": count, "counters": sum(1 for n in expected.values() if n), "differences": len(keys),
            "examples": [(*k, stored.get(k, 0), expected.get(k, 0)) for k in keys[:limit]]}


# --- reading ---------------------------------------------------------------------------------------

def _parts(first: date, last: date) -> list[tuple[str, date, date, int]]:
    """(grain, from, to, sign) whose sum is the days `first`..`last` of one calendar month."""
    month = first.replace(day=1)
    month_end = date(month.year + month.month // 12, month.month % 12 + 1, 1) - timedelta(days=1)
    if first == month and last == month_end:
        return [(MONTH, month, month, 1)]
    inside = (last - first).days + 1
    if inside <= (month_end - month).days + 1 - inside:
        return [(DAY, first, last, 1)]
    parts = [(MONTH, month, month, 1)]
    if first > month:
        parts.append((DAY, month, first - timedelta(days=1), -1))
    if last < month_end:
        parts.append((DAY, last + timedelta(days=1), month_end, -1))
    return parts


def _sums(organisation_id: int, parts) -> list[tuple]:
    """[(dimension, key, Σ sign × n), ...] over `parts` (zero sums left out): one range of the
    unique index per part."""
    q = connection.ops.quote_name
    selects, params = [], []
    for grain, lo, hi, sign in parts:
        selects.append(f"SELECT dimension, {q('key')}, {'n' if sign > 0 else '-n'} AS n FROM {TABLE} "  # noqa: S608
                       "WHERE organisation_id = %s AND grain = %s AND start >= %s AND start <= %s")
        params += [organisation_id, grain, _param_day(lo.isoformat()), _param_day(hi.isoformat())]
    rows = _fetch(f"SELECT dimension, {q('key')}, SUM(n) FROM ({' UNION ALL '.join(selects)}) AS parts "  # noqa: S608
                  f"GROUP BY dimension, {q('key')}", params)
    return [(dimension, key, int(n)) for dimension, key, n in rows if n]  # PostgreSQL sums to numeric


def _complaints_per_start(organisation_id: int, parts) -> dict[tuple[str, str], int]:
    """{(grain, start): complaints} for every month and day that `parts` cover: the status
    counters, one seek of the unique index per month or day."""
    months = sorted({lo for grain, lo, _hi, _sign in parts if grain == MONTH})
    days = sorted({lo + timedelta(days=i) for grain, lo, hi, _sign in parts if grain == DAY
                   for i in range((hi - lo).days + 1)})
    selects, params = [], []
    for grain, starts in ((MONTH, months), (DAY, days)):
        if starts:
            marks = ", ".join(["%s"] * len(starts))
            selects.append(f"SELECT grain, start, SUM(n) FROM {TABLE} WHERE organisation_id = %s "  # noqa: S608
                           f"AND grain = %s AND start IN ({marks}) AND dimension = %s GROUP BY grain, start")
            params += [organisation_id, grain, *[_param_day(d.isoformat()) for d in starts], STATUS]
    if not selects:
        return {}
    return {(grain, _iso(start)): int(n) for grain, start, n in _fetch(" UNION ALL ".join(selects), params)}


def _span_totals(found: dict, spans_parts) -> list[int]:
    totals = []
    for parts in spans_parts:
        total = 0
        for grain, lo, hi, sign in parts:
            total += sign * sum(found.get((grain, (lo + timedelta(days=i)).isoformat()), 0)
                                for i in range((hi - lo).days + 1) if grain == DAY or i == 0)
        totals.append(total)
    return totals


def _id(key: str):
    return None if key == "" else int(key)


def figures(organisation_id: int, period, labels, today: date) -> dict:
    """The raw figures of `statistics._figures_of_month` (merged over the period) and the trend,
    from the counters: two queries."""
    # Not at the top: reports.statistics imports this module (rollup <-> statistics).
    from .statistics import _year_before

    spans = period.months()
    period_parts = [_parts(a, b) for a, b in spans]
    before_parts = [_parts(_year_before(a), _year_before(b)) for a, b in spans]
    raw: dict = {name: {} for name in ("status", "channel", "governorate", "facility", "deadline", "alleged",
                                       "alleged_governorate", "alleged_facility", "facility_findings", "categories",
                                       "vulnerabilities", "days")}
    every = [part for parts in period_parts for part in parts]
    deadline = dict.fromkeys(("first_on_time", "first_late", "first_pending", "resolved_on_time", "resolved_late",
                              "resolution_pending", "overdue_now"), 0)
    today_iso = today.isoformat()
    simple = {STATUS: "status", CHANNEL: "channel", VULNERABILITY: "vulnerabilities"}
    ids = {GOVERNORATE: "governorate", FACILITY: "facility", ALLEGED_GOVERNORATE: "alleged_governorate",
           ALLEGED_FACILITY: "alleged_facility"}
    for dimension, key, n in (_sums(organisation_id, every) if every else []):
        if dimension in simple:
            raw[simple[dimension]][key] = n
        elif dimension in ids:
            raw[ids[dimension]][_id(key)] = n
        elif dimension == DEADLINE:
            deadline[key] += n
        elif dimension == FIRST_DUE:
            deadline["first_late" if key and key < today_iso else "first_pending"] += n
        elif dimension == OVERDUE_FROM:
            if key < today_iso:
                deadline["overdue_now"] += n
        elif dimension == DAYS:
            raw["days"][int(key)] = n
        elif dimension == COMBINATION:
            for root in {labels.root(int(pk)).pk for pk in key.split(",")}:
                raw["categories"][root] = raw["categories"].get(root, 0) + n
        elif dimension in (ALLEGED, FACILITY_FINDINGS):
            first, finding = key.split("|", 1)
            raw["alleged" if dimension == ALLEGED else "facility_findings"][int(first), finding] = n
    if any(raw["status"].values()):
        raw["deadline"] = deadline
    raw["categories"] = {root: n for root, n in raw["categories"].items() if n}
    found = _complaints_per_start(organisation_id, every + [part for parts in before_parts for part in parts])
    raw["trend"] = list(zip(_span_totals(found, period_parts), _span_totals(found, before_parts), strict=True))
    return raw
