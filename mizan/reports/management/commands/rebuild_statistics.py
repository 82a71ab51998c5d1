"""`manage.py rebuild_statistics [--organisation SLUG] [--check] [--only complaints|followup]`:
recount the statistics rollup (mizan/reports/rollup.py) from the cases and the follow-up rollup
(mizan/reports/followup_rollup.py) from the recommendations, or (--check) compare them with a
recount and exit with status 1 when any counter differs.

Run it once after upgrading an installation that already holds cases (the migration marks such
organisations stale, and their statistics are counted from the cases meanwhile; the follow-up
rollup is filled by its own migration), and after cases or recommendations were written in bulk
without the domain functions. Each organisation is rebuilt in one transaction per rollup (on
SQLite it holds the write lock meanwhile).
"""

import time

from django.core.management.base import BaseCommand, CommandError

from mizan.accounts.models import Organisation
from mizan.reports import followup_rollup, rollup


class Command(BaseCommand):
    help = ("Recount the statistics rollup from the cases and the follow-up rollup from the recommendations "
            "(or, with --check, report counters that drifted).")

    def add_arguments(self, parser):
        parser.add_argument("--organisation", help="the organisation's slug (default: every organisation)")
        parser.add_argument("--check", action="store_true", help="compare only; exit 1 when a counter differs")
        parser.add_argument("--only", choices=("complaints", "followup"),
                            help="one rollup only: the complaints' statistics or the follow-up's counts")

    def handle(self, *args, organisation=None, check=False, only=None, **options):
        organisations = Organisation.objects.order_by("pk")
        if organisation:
            organisations = organisations.filter(slug=organisation)
            if not organisations.exists():
                raise CommandError(f"No organisation {organisation!r}.")
        drifted, followup_drifted = 0, 0
        for org in organisations:
            if only != "followup":
                drifted += self.complaints(org, check)
            if only != "complaints":
                followup_drifted += self.followup(org, check)
        problems = []
        if drifted:
            problems.append(f"The statistics rollup of {drifted} organisation(s) differs from the cases.")
        if followup_drifted:
            problems.append(f"The follow-up rollup of {followup_drifted} organisation(s) differs from the "
                            "recommendations.")
        if problems:
            raise CommandError(" ".join(problems)[:-1] + ": run `manage.py rebuild_statistics`.")

    def complaints(self, org, check: bool) -> int:
        started = time.perf_counter()
        if check:
            found = rollup.drift(org.pk)
            seconds = time.perf_counter() - started
            ready = "" if rollup.ready(org.pk) else " (marked stale: statistics are counted from the cases)"
            self.stdout.write(f"{org.slug}: {found['cases']} cases, {found['counters']} counters, "
                              f"{found['differences']} differ{ready} ({seconds:.1f} s)")
            for grain, start, dimension, key, stored, recounted in found["examples"]:
                self.stdout.write(f"  {grain} {start} {dimension} {key!r}: stored {stored}, recounted {recounted}")
            return int(found["differences"] > 0)
        done = rollup.rebuild(org.pk)
        self.stdout.write(f"{org.slug}: {done['cases']} cases, {done['counters']} counters "
                          f"({time.perf_counter() - started:.1f} s)")
        return 0

    def followup(self, org, check: bool) -> int:
        started = time.perf_counter()
        if check:
            found = followup_rollup.drift(org.pk)
            seconds = time.perf_counter() - started
            ready = "" if followup_rollup.ready(org.pk) else " (marked stale: counted from the recommendations)"
            self.stdout.write(f"{org.slug} follow-up: {found['recommendations']} recommendations followed, "
                              f"{found['counters']} counters, {found['differences']} differ, "
                              f"{found['contributions']} contributions differ{ready} ({seconds:.1f} s)")
            for dimension, key, status, stored, recounted in found["examples"]:
                self.stdout.write(f"  {dimension} {key!r} {status}: stored {stored}, recounted {recounted}")
            return int(found["differences"] > 0 or found["contributions"] > 0)
        done = followup_rollup.rebuild(org.pk)
        self.stdout.write(f"{org.slug} follow-up: {done['recommendations']} recommendations followed, "
                          f"{done['counters']} counters ({time.perf_counter() - started:.1f} s)")
        return 0
