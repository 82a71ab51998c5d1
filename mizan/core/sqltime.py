"""Dates and durations computed by the database, the same way on SQLite and PostgreSQL.

Shared by the desk's filters, the statistics and their rollup, and the follow-up's computed
indicators, so that every count of "on time" or "days taken" agrees to the unit.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import BooleanField, Func, IntegerField
from django.utils import timezone


def day_start(day: date) -> datetime:
    """Midnight starting `day` in the installation's time zone (as the desk's filters)."""
    return timezone.make_aware(datetime.combine(day, time.min))


class OnOrBefore(Func):
    """True when the calendar date, in `settings.TIME_ZONE`, of the datetime column `moment` is on
    or before the date column `day` (a deadline): computed by the database for every row.

    PostgreSQL converts with its own time-zone data. SQLite has none and stores datetimes as UTC
    text, so the test becomes a text comparison with the UTC instant at which the day after `day`
    begins: `moment < day || ' 22:00:00'` in Cairo in winter, ' 21:00:00' in summer. The daylight
    saving changes between `first` and `last` come from Python's zoneinfo; no Python function
    runs per row.
    """

    output_field = BooleanField()

    def __init__(self, moment, day, first: date, last: date):
        super().__init__(moment, day)
        self.first, self.last = first, last

    def as_sql(self, compiler, connection, **extra_context):
        moment, moment_params = compiler.compile(self.source_expressions[0])
        day, day_params = compiler.compile(self.source_expressions[1])
        return f"((({moment}) AT TIME ZONE %s)::date <= ({day}))", [*moment_params, settings.TIME_ZONE, *day_params]

    def as_sqlite(self, compiler, connection, **extra_context):
        moment, moment_params = compiler.compile(self.source_expressions[0])
        day, day_params = compiler.compile(self.source_expressions[1])
        segments = next_day_starts(settings.TIME_ZONE, self.first, self.last)
        if segments is not None:  # every next day starts on the same UTC date: compare text
            suffix, params = _segment_case(day, day_params, segments)
            return f"({moment} < ({day} || {suffix}))", [*moment_params, *day_params, *params]
        first, changes = tz_offsets(settings.TIME_ZONE, day_start(self.first), day_start(self.last))
        offset_sql, offset_params = f"'{first:+d} seconds'", []
        if changes:
            whens = " ".join(f"WHEN {moment} < %s THEN '{before:+d} seconds'" for _at, before, _after in changes)
            offset_sql = f"CASE {whens} ELSE '{changes[-1][2]:+d} seconds' END"
            for at, _before, _after in changes:
                offset_params += [*moment_params, connection.ops.adapt_datetimefield_value(at)]
        return f"(date({moment}, {offset_sql}) <= {day})", [*moment_params, *offset_params, *day_params]


def _segment_case(day: str, day_params: list, segments) -> tuple[str, list]:
    if len(segments) == 1:
        return "%s", [segments[0][1]]
    whens, params = [], []
    for (_start, suffix), (following, _next) in zip(segments, segments[1:], strict=False):
        whens.append(f"WHEN {day} < %s THEN %s")
        params += [*day_params, following.isoformat(), suffix]
    return f"CASE {' '.join(whens)} ELSE %s END", [*params, segments[-1][1]]


@lru_cache(maxsize=64)
def next_day_starts(zone: str, first: date, last: date) -> tuple | None:
    """((first date of a run, " HH:MM:SS"), ...): for every date `d` from `first` to `last`, the
    UTC time at which local day d+1 begins, when it falls on UTC date `d` (time zones east of UTC)
    or at 24:00 (UTC itself); None otherwise (west of UTC)."""
    tz = ZoneInfo(zone)
    segments: list[tuple[date, str]] = []
    day = first
    while day <= last:
        begins = datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz).astimezone(UTC)
        if begins.date() == day:
            suffix = begins.strftime(" %H:%M:%S")
        elif begins.date() == day + timedelta(days=1) and begins.time() == time.min:
            suffix = " 24:00:00"  # sorts after every time of `day`
        else:
            return None
        if not segments or segments[-1][1] != suffix:
            segments.append((day, suffix))
        day += timedelta(days=1)
    return tuple(segments)


@lru_cache(maxsize=64)
def tz_offsets(zone: str, lo: datetime, hi: datetime) -> tuple[int, tuple]:
    """(UTC offset in seconds at `lo`, ((instant of a change, offset before, offset after), ...))
    for the time zone between `lo` and `hi` (aware datetimes)."""
    tz = ZoneInfo(zone)

    def offset(at: datetime) -> int:
        return int(at.astimezone(tz).utcoffset().total_seconds())

    start = lo.astimezone(UTC) - timedelta(days=1)
    end = hi.astimezone(UTC) + timedelta(days=1)
    first = offset(start)
    changes, current, day = [], first, start
    while day < end:
        following = min(day + timedelta(days=1), end)
        after = offset(following)
        if after != current:
            low, high = day, following  # bisect to the second of the change
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if offset(middle) == current:
                    low = middle
                else:
                    high = middle
            changes.append((high.replace(microsecond=0), current, after))
            current = after
        day = following
    return first, tuple(changes)


class ElapsedDays(Func):
    """Whole days (24 hours) elapsed from the datetime `start` to the datetime `end`."""

    output_field = IntegerField()

    def __init__(self, start, end):
        super().__init__(start, end)

    def as_sql(self, compiler, connection, **extra_context):
        start, start_params = compiler.compile(self.source_expressions[0])
        end, end_params = compiler.compile(self.source_expressions[1])
        return f"FLOOR(EXTRACT(EPOCH FROM ({end}) - ({start})) / 86400)::integer", [*end_params, *start_params]

    def as_sqlite(self, compiler, connection, **extra_context):
        start, start_params = compiler.compile(self.source_expressions[0])
        end, end_params = compiler.compile(self.source_expressions[1])
        return f"CAST(julianday({end}) - julianday({start}) AS INTEGER)", [*end_params, *start_params]
