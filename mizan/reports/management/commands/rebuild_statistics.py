"""`manage.py rebuild_statistics [--organisation SLUG] [--check]`: recount the statistics rollup
(mizan/reports/rollup.py) from the cases, or (--check) compare it with a recount and exit with
status 1 when any counter differs.

Run it once after upgrading an installation that already holds cases (the migration marks such
organisations stale, and their statistics are counted from the cases meanwhile), and after cases
were written in bulk without the domain functions. Each organisation is rebuilt in one
transaction (on SQLite it holds the write lock meanwhile).
"""

import time

from django.core.management.base import BaseCommand, CommandError

from mizan.accounts.models import Organisation
from mizan.reports import rollup


class Command(BaseCommand):
    help = "Recount the statistics rollup from the cases (or, with --check, report counters that drifted)."

    def add_arguments(self, parser):
        parser.add_argument("--organisation", help="the organisation's slug (default: every organisation)")
        parser.add_argument("--check", action="store_true", help="compare only; exit 1 when a counter differs")

    def handle(self, *args, organisation=None, check=False, **options):
        organisations = Organisation.objects.order_by("pk")
        if organisation:
            organisations = organisations.filter(slug=organisation)
            if not organisations.exists():
                raise CommandError(f"No organisation {organisation!r}.")
        drifted = 0
        for org in organisations:
            started = time.perf_counter()
            if check:
                found = rollup.drift(org.pk)
                seconds = time.perf_counter() - started
                ready = "" if rollup.ready(org.pk) else " (marked stale: statistics are counted from the cases)"
                self.stdout.write(f"{org.slug}: {found['cases']} cases, {found['counters']} counters, "
                                  f"{found['differences']} differ{ready} ({seconds:.1f} s)")
                for grain, start, dimension, key, stored, recounted in found["examples"]:
                    self.stdout.write(f"  {grain} {start} {dimension} {key!r}: stored {stored}, recounted {recounted}")
                drifted += found["differences"] > 0
            else:
                done = rollup.rebuild(org.pk)
                self.stdout.write(f"{org.slug}: {done['cases']} cases, {done['counters']} counters "
                                  f"({time.perf_counter() - started:.1f} s)")
        if drifted:
            raise CommandError(f"The statistics rollup of {drifted} organisation(s) differs from the cases: "
                               "run `manage.py rebuild_statistics`.")
