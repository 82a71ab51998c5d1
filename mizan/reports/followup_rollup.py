"""The follow-up rollup: today's implementation counts of the recommendations each organisation
follows, kept up to date by a projection of every change, so that the follow-up dashboard's
default figures (period ending today, no filter) are a read of a few thousand counters instead
of GROUP BY queries over every recommendation.

    project(change)           # registered into followup.projections by ReportsConfig.ready()
    figures(organisation_id)  # [(dimension, key, status, n)]: what followup_stats.overview reads
    rebuild(organisation_id)  # from scratch: `manage.py rebuild_statistics` (also in migration 0004)
    drift(organisation_id)    # counters that differ from a recount: `rebuild_statistics --check`

What counts (`followup_stats` counts the same from the records): an organisation follows its own
recommendations, at their status, and those a secretariat addressed to it, at the member's own
status (`Addressee.status`). Each (recommendation, organisation following it) contributes 1 at
that status to its source, to its lead body (the owner's lead unit or outside body; none for an
addressed one), to its set of themes (the sorted category ids: the dashboard folds them to the
top-level themes when it reads them, so a change of the taxonomy's tree needs no rebuild) and to
each plan phase of the organisation's measures that answer it (or to "no measure").

Each pair keeps what it last contributed (`FollowupContribution`); a change recomputes the pairs
of the recommendations it names (and of those linked to the measures it names), adds the
difference with one upsert (`n = n + d`) and stores the new contributions. A deleted
recommendation is taken back when a Change names it. On PostgreSQL a change locks the
recommendations' rows (two measures linked at once to one recommendation wait for each other)
and takes a shared advisory lock of every organisation concerned; `rebuild` takes the exclusive
one, so it never interleaves with a change.

Only today's statuses are kept. A period ending earlier is read from them too (`figures_at`):
today's counters with each recommendation whose status changed after the period put back at its
status then, read from the history. The theme and kind-of-source filters are still counted from
the records (`followup_stats`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from types import SimpleNamespace

from django.db import connection, transaction
from django.utils import timezone

from mizan.followup import models as followup_models
from mizan.followup.models import StatusChange
from mizan.followup.projections import Change

from .models import FollowupContribution, FollowupCount, FollowupRollup
from .rollup import _write

# dimensions (FollowupCount.dimension)
SOURCE, LEAD, THEMES, PHASE = "s", "b", "t", "p"

LOCK_CLASS = 0x4D46  # PostgreSQL advisory lock (class, organisation id); the statistics use 0x4D5A
CHUNK = 2_000
TABLE = FollowupCount._meta.db_table
CONTRIBUTIONS = FollowupContribution._meta.db_table
LEAD_ROLE = "lead"  # followup.models.BodyRole.LEAD


def _models(apps=None) -> SimpleNamespace:
    """The follow-up's models: the current ones, or a migration's historical ones (`apps`)."""
    if apps is None:
        get = lambda name: getattr(followup_models, name)  # noqa: E731
    else:
        get = lambda name: apps.get_model("followup", name)  # noqa: E731
    recommendation, measure = get("Recommendation"), get("Measure")
    return SimpleNamespace(Recommendation=recommendation, Addressee=get("Addressee"),
                           ResponsibleBody=get("ResponsibleBody"), Themes=recommendation.themes.through,
                           Links=measure.recommendations.through)


def ready(organisation_id: int) -> bool:
    """False while the organisation's follow-up rollup is marked stale (until `rebuild`)."""
    return not FollowupRollup.objects.filter(organisation_id=organisation_id, stale=True).exists()


def mark_stale(organisation_id: int) -> None:
    """After writing recommendations without the domain functions (bulk loads): count from the
    records until `rebuild`."""
    FollowupRollup.objects.update_or_create(organisation_id=organisation_id, defaults={"stale": True})


# --- what a recommendation contributes ------------------------------------------------------------

def lead_key(unit_id, external_id) -> str:
    return f"unit-{unit_id}" if unit_id else f"external-{external_id}" if external_id else ""


def _states(owned, addressed, leads, themes, links) -> dict[tuple[int, int], str]:
    """{(recommendation id, organisation following it): state} from rows of the records:
    `owned` and `addressed` [(recommendation, organisation, status, source)], `leads`
    [(recommendation, unit, outside body)] (lead bodies, the first one counts), `themes`
    [(recommendation, category)], `links` [(recommendation, measure's organisation, phase)]."""
    lead: dict[int, str] = {}
    for rec, unit, external in leads:
        lead.setdefault(rec, lead_key(unit, external))
    theme_sets: dict[int, set] = defaultdict(set)
    for rec, category in themes:
        theme_sets[rec].add(category)
    phases: dict[tuple[int, int], set] = defaultdict(set)
    for rec, organisation, phase in links:
        phases[rec, organisation].add(phase)
    states = {}
    for rows, own in ((owned, True), (addressed, False)):
        for rec, organisation, status, source in rows:
            states[rec, organisation] = "\t".join((
                status, str(source), lead.get(rec, "") if own else "",
                ",".join(str(pk) for pk in sorted(theme_sets.get(rec, ()))),
                ",".join(str(pk) for pk in sorted(phases.get((rec, organisation), ())))))
    return states


def counters(state: str) -> list[tuple[str, str, str]]:
    """The (dimension, key, status) counters one state adds 1 to."""
    status, source, lead, themes, phases = state.split("\t")
    found = [(SOURCE, source, status), (LEAD, lead, status), (THEMES, themes, status)]
    found += [(PHASE, phase, status) for phase in phases.split(",")] if phases else [(PHASE, "", status)]
    return found


def _of_recommendations(ids: list[int], m) -> dict[tuple[int, int], str]:
    """The states of every (recommendation, organisation following it) of `ids`, now."""
    return _states(
        m.Recommendation.objects.filter(pk__in=ids).values_list("pk", "organisation_id", "status", "source_id"),
        m.Addressee.objects.filter(recommendation_id__in=ids).values_list(
            "recommendation_id", "organisation_id", "status", "recommendation__source_id"),
        m.ResponsibleBody.objects.filter(recommendation_id__in=ids, role=LEAD_ROLE).order_by("pk").values_list(
            "recommendation_id", "unit_id", "external_id"),
        m.Themes.objects.filter(recommendation_id__in=ids).values_list("recommendation_id", "category_id"),
        m.Links.objects.filter(recommendation_id__in=ids).values_list(
            "recommendation_id", "measure__organisation_id", "measure__goal__phase_id"))


def _of_organisation(organisation_id: int, m) -> dict[tuple[int, int], str]:
    """The states of every recommendation `organisation_id` follows, for it (five queries)."""
    addressed = m.Addressee.objects.filter(organisation_id=organisation_id)
    return _states(
        m.Recommendation.objects.filter(organisation_id=organisation_id).values_list(
            "pk", "organisation_id", "status", "source_id").order_by(),
        addressed.values_list("recommendation_id", "organisation_id", "status", "recommendation__source_id").order_by(),
        m.ResponsibleBody.objects.filter(recommendation__organisation_id=organisation_id, role=LEAD_ROLE)
        .order_by("pk").values_list("recommendation_id", "unit_id", "external_id"),
        m.Themes.objects.filter(recommendation__organisation_id=organisation_id).values_list(
            "recommendation_id", "category_id").order_by().union(
            m.Themes.objects.filter(recommendation_id__in=addressed.values("recommendation_id")).values_list(
                "recommendation_id", "category_id").order_by(), all=True),
        m.Links.objects.filter(measure__organisation_id=organisation_id).values_list(
            "recommendation_id", "measure__organisation_id", "measure__goal__phase_id").order_by())


# --- keeping it up to date ---------------------------------------------------------------------------

def _lock(organisation_ids, *, exclusive: bool) -> None:
    if connection.vendor != "postgresql" or not organisation_ids:
        return
    function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    with connection.cursor() as cursor:
        for pk in sorted(set(organisation_ids)):
            cursor.execute(f"SELECT {function}(%s, %s)", [LOCK_CLASS, pk])


def _upsert(rows: list[tuple[tuple[int, str, str, str], int]]) -> None:
    """Add each ((organisation, dimension, key, status), d) to its counter, creating it at d."""
    q = connection.ops.quote_name
    for begin in range(0, len(rows), 400):
        batch = rows[begin:begin + 400]
        params = []
        for (organisation_id, dimension, key, status), d in batch:
            params += [organisation_id, dimension, key, status, d]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {TABLE} (organisation_id, dimension, {q('key')}, status, n) VALUES "  # noqa: S608 (constants)
                f"{', '.join(['(%s, %s, %s, %s, %s)'] * len(batch))} "
                f"ON CONFLICT (organisation_id, dimension, {q('key')}, status) DO UPDATE SET n = {TABLE}.n + excluded.n",
                params)


def update(recommendation_ids) -> None:
    """Bring the rollup up to date with these recommendations as they are now in the database
    (deleted ones included), in the caller's transaction."""
    ids = sorted(set(recommendation_ids))
    for begin in range(0, len(ids), CHUNK):
        _update(ids[begin:begin + CHUNK])


def _update(ids: list[int]) -> None:
    m = _models()
    if connection.vendor == "postgresql":  # one change of a recommendation's counts at a time
        list(m.Recommendation.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))
        followers = set(m.Recommendation.objects.filter(pk__in=ids).values_list("organisation_id", flat=True))
        followers |= set(m.Addressee.objects.filter(recommendation_id__in=ids).values_list("organisation_id",
                                                                                        flat=True))
        _lock(followers, exclusive=False)
    new = _of_recommendations(ids, m)
    old = {(rec, org): state for rec, org, state in FollowupContribution.objects.filter(
        recommendation_id__in=ids).values_list("recommendation_id", "organisation_id", "state")}
    changes: Counter = Counter()
    for pair in set(new) | set(old):
        if new.get(pair) == old.get(pair):
            continue
        organisation_id = pair[1]
        if pair in new:
            for counter in counters(new[pair]):
                changes[(organisation_id, *counter)] += 1
        if pair in old:
            for counter in counters(old[pair]):
                changes[(organisation_id, *counter)] -= 1
    rows = sorted((key, d) for key, d in changes.items() if d)
    if rows:
        _upsert(rows)
    written = sorted((pair, state) for pair, state in new.items() if old.get(pair) != state)
    for begin in range(0, len(written), 300):
        batch = written[begin:begin + 300]
        params = [value for (rec, org), state in batch for value in (rec, org, state)]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {CONTRIBUTIONS} (recommendation_id, organisation_id, state) VALUES "  # noqa: S608 (constants)
                f"{', '.join(['(%s, %s, %s)'] * len(batch))} "
                "ON CONFLICT (recommendation_id, organisation_id) DO UPDATE SET state = excluded.state", params)
    gone = [pair for pair in old if pair not in new]
    if gone:
        by_org: dict[int, list[int]] = defaultdict(list)
        for rec, org in gone:
            by_org[org].append(rec)
        for org, recs in by_org.items():
            FollowupContribution.objects.filter(organisation_id=org, recommendation_id__in=recs).delete()


def project(change: Change) -> None:
    """The projection registered into `followup.projections`: the recommendations the change
    names, and those linked to the measures it names (a measure's own status and reports count
    nowhere here)."""
    ids = set(change.recommendations)
    if change.measures and change.what not in ("status", "report"):
        ids |= set(_models().Links.objects.filter(measure_id__in=change.measures).values_list("recommendation_id",
                                                                                            flat=True))
    if ids:
        update(ids)


# --- from scratch --------------------------------------------------------------------------------------

def _totals(organisation_id: int, states: dict) -> Counter:
    totals: Counter = Counter()
    for state in states.values():
        for counter in counters(state):
            totals[counter] += 1
    return totals


def rebuild(organisation_id: int, *, apps=None) -> dict:
    """Recount the organisation's follow-up rollup from the records, in one transaction, and mark
    it ready. `apps`: a migration's models. Returns {"recommendations", "counters"}."""
    m = _models(apps)
    with transaction.atomic():
        _lock([organisation_id], exclusive=True)
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE organisation_id = %s", [organisation_id])  # noqa: S608
            cursor.execute(f"DELETE FROM {CONTRIBUTIONS} WHERE organisation_id = %s", [organisation_id])  # noqa: S608
        states = _of_organisation(organisation_id, m)
        _write(CONTRIBUTIONS, ("recommendation_id", "organisation_id", "state"),
               [(rec, org, state) for (rec, org), state in sorted(states.items())])
        totals = _totals(organisation_id, states)
        _write(TABLE, ("organisation_id", "dimension", "key", "status", "n"),
               [(organisation_id, *counter, n) for counter, n in sorted(totals.items())])
        with connection.cursor() as cursor:  # a migration has no FollowupRollup model of this code's
            cursor.execute(f"DELETE FROM {FollowupRollup._meta.db_table} WHERE organisation_id = %s",  # noqa: S608
                           [organisation_id])
            cursor.execute(f"INSERT INTO {FollowupRollup._meta.db_table} (organisation_id, stale, rebuilt_at) "  # noqa: S608
                           "VALUES (%s, %s, %s)", [organisation_id, False, timezone.now()])
        if connection.vendor == "postgresql" and apps is None:  # the planner's statistics
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {TABLE}")
    return {"recommendations": len(states), "counters": len(totals)}


def followers(*, apps=None) -> list[int]:
    """The organisations that follow any recommendation (own or addressed)."""
    m = _models(apps)
    return sorted(set(m.Recommendation.objects.order_by().values_list("organisation_id", flat=True).distinct())
                  | set(m.Addressee.objects.order_by().values_list("organisation_id", flat=True).distinct()))


def drift(organisation_id: int, limit: int = 20) -> dict:
    """Compare the counters and contributions with a recount from the records (read-only).
    Returns {"recommendations", "counters", "differences", "examples": [(dimension, key, status,
    stored, recounted), ...], "contributions": pairs whose stored contribution differs}."""
    with transaction.atomic():
        states = _of_organisation(organisation_id, _models())
        stored_states = {(rec, org): state for rec, org, state in FollowupContribution.objects.filter(
            organisation_id=organisation_id).values_list("recommendation_id", "organisation_id", "state")}
        stored: Counter = Counter({(d, k, s): n for d, k, s, n in figures(organisation_id)})
    expected = _totals(organisation_id, states)
    keys = sorted(k for k in set(expected) | set(stored) if expected.get(k, 0) != stored.get(k, 0))
    return {"recommendations": len(states), "counters": len(expected), "differences": len(keys),
            "examples": [(*k, stored.get(k, 0), expected.get(k, 0)) for k in keys[:limit]],
            "contributions": sum(1 for pair in set(states) | set(stored_states)
                                 if states.get(pair) != stored_states.get(pair))}


# --- reading -----------------------------------------------------------------------------------------

def figures_at(organisation_id: int, before) -> list[tuple[str, str, str, int]]:
    """The counters as they stood at `before` (the end of a past day): today's, with every
    recommendation the organisation follows whose status changed at or after `before` taken back
    and, if it was followed then, added at the status it had (its last change before `before`).
    Source, lead body, themes and phases are today's, as when counting from the records.

    One query besides today's counters: the contributions of the recommendations changed since
    (the (organisation, at) index), each with its status then (one index seek into its own
    history), grouped by (contribution, status then) in the database, so the work grows with the
    number of recommendations changed since, never with all of them."""
    q = connection.ops.quote_name
    history = StatusChange._meta.db_table
    sql = f"""
        SELECT c.state, (
            SELECT h.to_status FROM {history} h
            WHERE h.recommendation_id = c.recommendation_id AND h.organisation_id = %s AND h.{q("at")} < %s
            ORDER BY h.{q("at")} DESC, h.id DESC LIMIT 1), COUNT(*)
        FROM {CONTRIBUTIONS} c
        WHERE c.organisation_id = %s AND c.recommendation_id IN (
            SELECT recommendation_id FROM {history} WHERE organisation_id = %s AND {q("at")} >= %s)
        GROUP BY 1, 2"""  # noqa: S608 (table names are constants)
    totals: Counter = Counter({(d, k, s): n for d, k, s, n in figures(organisation_id)})
    at = connection.ops.adapt_datetimefield_value(before)
    with connection.cursor() as cursor:
        cursor.execute(sql, [organisation_id, at, organisation_id, organisation_id, at])
        for state, status_then, n in cursor.fetchall():
            for dimension, key, status in counters(state):  # the same counters, at the status then
                totals[dimension, key, status] -= n
                if status_then:
                    totals[dimension, key, status_then] += n
    return [(d, k, s, n) for (d, k, s), n in totals.items() if n]


def figures(organisation_id: int) -> list[tuple[str, str, str, int]]:
    """[(dimension, key, status, n)] of the organisation, zeros left out: one query."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT dimension, {connection.ops.quote_name('key')}, status, n FROM {TABLE} "  # noqa: S608
                       "WHERE organisation_id = %s AND n <> 0", [organisation_id])
        return [(dimension, key, status, int(n)) for dimension, key, status, n in cursor.fetchall()]
