"""manage.py compute_indicators [--org SLUG] [--changed-only]

Counts every computed indicator (of one organisation, or of all) for every period of its
frequency, from the first measured day to the period holding today, and stores the values
(idempotent: a second run rewrites the same rows). The worker does the same every few minutes
for the periods whose complaints changed (--changed-only); run this after writing complaints in
bulk, an upgrade, or a change to the taxonomy.

Prints one JSON object: {"indicators", "computed", "unchanged", "empty", "seconds"} — "empty" is
the number of periods with nothing to measure (a share of no complaints), which keep no value.
"""

import json
import time

from django.core.management.base import BaseCommand, CommandError

from mizan.accounts.models import Organisation
from mizan.followup.indicators import recompute_indicators


class Command(BaseCommand):
    help = "Count the computed indicators for every period, from their baseline to today."

    def add_arguments(self, parser):
        parser.add_argument("--org", default="", help="Organisation slug (default: every organisation).")
        parser.add_argument("--changed-only", action="store_true",
                            help="Skip the periods whose complaints did not change since they were counted.")

    def handle(self, *args, **options):
        organisation = None
        if options["org"]:
            organisation = Organisation.objects.filter(slug=options["org"]).first()
            if organisation is None:
                raise CommandError(f"No organisation with the slug {options['org']!r}.")
        started = time.perf_counter()
        counts = recompute_indicators(organisation=organisation, only_changed=options["changed_only"])
        counts["seconds"] = round(time.perf_counter() - started, 2)
        self.stdout.write(json.dumps(counts))
