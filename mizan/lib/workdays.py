"""Working-day arithmetic over an organisation's weekend and public holidays. No Django.

Weekdays use Python's numbering: Monday=0 ... Sunday=6 (Friday=4, Saturday=5).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta


class Calendar:
    def __init__(self, weekend: Collection[int], holidays: Collection[date] = ()):
        self.weekend = frozenset(weekend)
        if len(self.weekend) >= 7:
            raise ValueError("a week needs at least one working day")
        self.holidays = frozenset(holidays)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() not in self.weekend and day not in self.holidays

    def add_working_days(self, start: date, days: int) -> date:
        """The date `days` working days after `start` (start itself does not count).

        With days=0 the result is `start` if it is a working day, else the next working day.
        """
        current = start
        if days == 0:
            while not self.is_working_day(current):
                current += timedelta(days=1)
            return current
        remaining = days
        while remaining > 0:
            current += timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]; 0 when end <= start."""
        if end <= start:
            return 0
        count = 0
        current = start
        while current < end:
            current += timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count
