"""`manage.py apply_retention`: anonymise the cases whose retention period has passed.

Per organisation and final status (`RetentionRule`, edited in the admin), cases that reached the
status at least that many days ago lose their identities, contact data, files and the personal
data detected in their texts (`complaints.retention.anonymise_case`); statistics are unchanged.
Each case is one transaction and one audit row `case.anonymise`; running again does nothing more.
With `--dry-run` nothing is written: it lists what would be anonymised.
"""

from django.core.management.base import BaseCommand, CommandError

from mizan.accounts.models import Organisation
from mizan.complaints.retention import apply_retention


class Command(BaseCommand):
    help = "Anonymise cases past their organisation's retention period (see the retention rules in the admin)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="list the cases that would be anonymised; write nothing")
        parser.add_argument("--organisation", metavar="SLUG", help="only this organisation (its slug)")

    def handle(self, *args, dry_run=False, organisation=None, **options):
        org = None
        if organisation:
            org = Organisation.objects.filter(slug=organisation).first()
            if org is None:
                raise CommandError(f"No organisation has the slug {organisation!r}.")
        results = apply_retention(organisation=org, dry_run=dry_run)
        verb = "would anonymise" if dry_run else "anonymised"
        total = 0
        for rule, cases in results:
            self.stdout.write(f"{rule.organisation.slug} · {rule.status} after {rule.days} days: "
                              f"{verb} {len(cases)} case(s)")
            for case in cases:
                self.stdout.write(f"  {case.reference}")
            total += len(cases)
        if not results:
            self.stdout.write("No retention rule: every case is kept.")
        self.stdout.write(f"{'Dry run: ' if dry_run else ''}{verb} {total} case(s) in total.")
